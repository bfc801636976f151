"""Where the application finds its resources and keeps its data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "LabEST"
APP_AUTHOR = "LabEST"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``: from a PyInstaller bundle, from an installed wheel
    (the build step copies them into the package as ``labest_desktop/resources``),
    or from a source checkout (editable installs included)."""
    if is_frozen():
        base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        return base.joinpath("resources", *parts)
    here = Path(__file__).resolve().parent
    shipped = here / "resources"
    base = shipped if shipped.is_dir() else here.parent / "resources"
    return base.joinpath(*parts)


def package_path(*parts: str) -> Path:
    """A file shipped inside the package (migrations), frozen or not."""
    if is_frozen():
        base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "labest_desktop"
    else:
        base = Path(__file__).resolve().parent
    return base.joinpath(*parts)


def executable_dir() -> Path:
    """Folder of the installed executable (frozen) or of the source checkout."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The per-user data folder: ``LABEST_DATA_DIR`` or the platform's local
    (never roaming) application-data folder."""
    override = os.environ.get("LABEST_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def default_database_path() -> Path:
    return data_dir() / "labest.sqlite3"


def backups_dir() -> Path:
    return data_dir() / "backups"


def log_dir() -> Path:
    return data_dir() / "logs"
