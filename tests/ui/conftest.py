"""Fixtures for the window: a real SQLite file, isolated QSettings, French."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture(scope="session", autouse=True)
def french_interface(qapp):
    from labest_desktop.ui import translation

    translation.install(qapp, "fr")
    yield


@pytest.fixture
def ui_settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, ui_settings):
    """Builds the main window on a workspace; closed at the end of the test."""
    from labest_desktop.app import build_window

    made = []

    def make(workspace):
        window = build_window(workspace, ui_settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    from labest_desktop.ui import tasks

    tasks.wait_all()


@pytest.fixture
def demo_workspace(sqlite_workspace):
    from labest_desktop.services.demo import load_demo

    load_demo(sqlite_workspace, projects=60, seed=7)
    return sqlite_workspace


def screenshot(widget, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    widget.grab().save(str(path))
    return path


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """No test may hang on a modal question: each ask() answers harmlessly unless the
    test replaces it; error dialogs are recorded and checked by the tests that expect them."""
    from labest_desktop.ui import excepthook, file_actions, file_dialogs
    from labest_desktop.ui.dialogs import prompts

    shown: list[str] = []
    monkeypatch.setattr(prompts.UnsavedChangesDialog, "ask", classmethod(lambda cls, parent: "discard"))
    monkeypatch.setattr(prompts.ConfirmDialog, "ask", classmethod(lambda cls, parent, title, text: False))
    monkeypatch.setattr(excepthook.ExpectedErrorDialog, "ask", classmethod(lambda cls, p, text: shown.append(text)))
    monkeypatch.setattr(file_actions.InfoDialog, "ask", classmethod(lambda cls, parent, title, text: None))
    monkeypatch.setattr(excepthook.UnexpectedErrorDialog, "ask", classmethod(lambda cls, p, text: shown.append(text)))
    monkeypatch.setattr(file_dialogs.WrittenDialog, "ask", classmethod(lambda cls, parent, path: file_dialogs.CLOSE))
    return shown
