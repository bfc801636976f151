"""Installed by pip, without make, the window speaks French (issue 14, item 11).

The wheel is built from the checkout by its own build step, installed into a fresh
virtual environment (its dependencies borrowed from this one's site-packages, which
a ``.pth`` line adds without activating this checkout's editable install), and the
main window is built there, from a folder outside the checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
import labest_desktop, labest_desktop.paths as paths
from labest_desktop import app as bootstrap
from labest_desktop.ui import translation
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location
from labest_desktop.ui import settings as keys
qt = QApplication([])
loaded = translation.install(qt, "fr")
db = Path(tempfile.mkdtemp()) / "labest.sqlite3"
ws = Workspace(open_database(sqlite_location(db)), "test")
window = bootstrap.build_window(ws, keys.store())
print("PACKAGE", Path(labest_desktop.__file__).parent)
print("RESOURCES", paths.resource_path("translations"))
print("LOADED", ",".join(loaded))
print("MENUS", "|".join(a.text() for a in window.menuBar().actions()))
print("TITLE", window.welcome.title.text())
ws.database.dispose()
"""


@pytest.mark.timeout(240)
def test_wheel_installed_without_make_shows_the_french_window(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(wheels), str(ROOT)], check=True, cwd=tmp_path)
    wheel = next(wheels.glob("labest_desktop-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "labest_desktop/resources/translations/labest_fr.qm" in names
    assert "labest_desktop/resources/icons/labest.svg" in names

    env_dir = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    str(wheel)], check=True, cwd=tmp_path)

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LABEST_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), PYTHONPATH="")
    out = subprocess.run([str(python), "-c", PROBE], check=True, capture_output=True, text=True,
                         cwd=tmp_path, env=env, timeout=180).stdout
    lines = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
    assert Path(lines["PACKAGE"]).is_relative_to(purelib), lines  # the wheel, not the checkout
    assert Path(lines["RESOURCES"]).is_relative_to(purelib), lines
    assert "labest" in lines["LOADED"] and "qtbase" in lines["LOADED"], lines
    assert lines["MENUS"].split("|")[:2] == ["&Fichier", "É&dition"], lines
    assert lines["TITLE"] == "Bienvenue dans Lab'EST Desktop", lines
