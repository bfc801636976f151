"""A window context for testing one view alone: the same ``UiContext`` the main
window gives its views, on a test workspace."""

from __future__ import annotations

from pathlib import Path


def make_context(workspace, tmp_path: Path):
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack

    from labest_desktop.ui.context import UiContext
    from labest_desktop.ui.filter_state import FilterState

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return UiContext(workspace=workspace, filter_state=FilterState(), undo_stack=QUndoStack(), settings=settings)


def screenshot(widget, name: str) -> Path:
    """Save ``widget`` under artifacts/screenshots/ (gitignored) for a person to look at."""
    folder = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    return path
