"""After any export the agent is told the file was written, with « Ouvrir » and
« Ouvrir le dossier »; each kind of file starts in the last folder used for that kind
(issue 14, item 9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from labest_desktop.services import project_query
from labest_desktop.ui import file_dialogs, project_sheets
from labest_desktop.ui import settings as keys

REAL_WRITTEN_DIALOG = file_dialogs.WrittenDialog.__dict__["ask"]


@pytest.fixture
def announced(monkeypatch):
    """What the « file written » message said, and what it opened."""
    seen: dict[str, list] = {"written": [], "opened": []}
    monkeypatch.setattr(file_dialogs.WrittenDialog, "ask",
                        classmethod(lambda cls, parent, path: seen["written"].append(path) or file_dialogs.OPEN_FOLDER))
    monkeypatch.setattr(file_dialogs, "open_path", lambda path: seen["opened"].append(Path(path)) or True)
    return seen


def test_project_sheet_announced_and_its_folder_remembered(make_window, demo_workspace, announced, monkeypatch, tmp_path):
    window = make_window(demo_workspace)
    suggestions = []
    target = tmp_path / "comité" / "fiche.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(project_sheets.SheetFileDialog, "ask",
                        classmethod(lambda cls, parent, suggested: suggestions.append(suggested) or str(target)))
    ids = project_query.project_ids(demo_workspace)[:2]
    project_sheets.export_sheets(window, window.context, ids)
    assert target.exists()
    assert announced["written"] == [target] and announced["opened"] == [target.parent]
    assert "Fichier écrit" in window.statusBar().currentMessage()
    # The next PDF starts in that folder; another kind of file does not.
    project_sheets.export_sheets(window, window.context, ids)
    assert Path(suggestions[1]).parent == target.parent
    assert file_dialogs.last_folder(window.context.settings, "image") != target.parent
    assert keys.value(window.context.settings, keys.FOLDERS["pdf"]) == str(target.parent)


def test_first_folder_is_documents_never_the_program_folder(make_window, sqlite_workspace):
    window = make_window(sqlite_workspace)
    for kind in keys.FOLDERS:
        folder = file_dialogs.last_folder(window.context.settings, kind)
        assert folder.is_dir() and folder != Path.cwd() or folder == Path.home()


def test_dashboard_chart_and_report_announced(make_window, demo_workspace, announced, monkeypatch, tmp_path, qtbot):
    from labest_desktop.ui import tasks

    window = make_window(demo_workspace)
    view = window.ensure_view("dashboard")
    window.show_view("dashboard")
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=20_000)
    answers = iter([str(tmp_path / "graphique"), str(tmp_path / "rapport")])
    monkeypatch.setattr(file_dialogs.SaveFileDialog, "ask",
                        classmethod(lambda cls, parent, caption, suggested, pattern: next(answers)))
    key = next(iter(view.panels))
    view.export_chart(key)
    view.export_report(with_table=True)
    assert announced["written"] == [tmp_path / "graphique.png", tmp_path / "rapport.pdf"]
    assert (tmp_path / "graphique.png").stat().st_size > 1000
    assert keys.value(window.context.settings, keys.FOLDERS["image"]) == str(tmp_path)


def test_the_message_offers_open_and_open_folder_in_french(qtbot, tmp_path, monkeypatch):
    """The real message box: its title and buttons in French; the button chosen is
    what gets opened."""
    monkeypatch.setattr(file_dialogs.WrittenDialog, "ask", REAL_WRITTEN_DIALOG)
    opened = []
    monkeypatch.setattr(file_dialogs, "open_path", lambda path: opened.append(Path(path)) or True)
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        seen["buttons"] = [b.text().replace("&", "") for b in box.buttons()]
        next(b for b in box.buttons() if b.text().replace("&", "") == "Ouvrir").click()

    QTimer.singleShot(0, answer)
    written = tmp_path / "export.xlsx"
    assert file_dialogs.announce_written(None, written) == file_dialogs.OPEN
    assert seen["title"] == "Fichier écrit" and seen["text"] == "« export.xlsx » a été écrit."
    assert sorted(seen["buttons"]) == ["Fermer", "Ouvrir", "Ouvrir le dossier"]
    assert opened == [written]


def test_export_dialog_offers_open_and_counts_the_selection(make_window, demo_workspace, qtbot, tmp_path, monkeypatch):
    """The export dialog started from the toolbar counts the highlighted rows, and once
    written offers « Ouvrir » beside « Ouvrir le dossier »."""
    from labest_desktop.ui.dialogs import export_dialog

    window = make_window(demo_workspace)
    ids = project_query.project_ids(demo_workspace)[:1]
    window.projects_view.select_ids(ids)
    made = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda self: made.append(self) or 0)
    monkeypatch.setattr(export_dialog.ExportDialog, "deleteLater", lambda self: None)  # kept to be read
    window.file_actions.export_workbook()
    dialog = made[0]
    qtbot.addWidget(dialog)
    assert dialog.scope_selection.text().replace("&", "") == "Les projets sélectionnés (1)"
    assert dialog.scope_selection.isChecked()
    dialog.path.setText(str(tmp_path / "un.xlsx"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.open_file_button.isVisibleTo(dialog), timeout=20_000)
    assert dialog.open_file_button.text().replace("&", "") == "Ouvrir"
    assert dialog.open_folder_button.isVisibleTo(dialog)
