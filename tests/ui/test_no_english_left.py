"""No English left in the French window, and no French in the English one (issue 14).

The walk: the welcome panel, every view with its menus and toolbar, the project
editor (new and existing, every tab), every dialog and message box the window opens,
the undo and redo texts after each kind of command, the filter chips, and Qt's own
file dialog (« Regarder dans », « Type de fichier », from qtbase_fr). Each screen's
visible texts are compared with the translation files: a text equal to an English
source whose French differs fails the test, as does a sentence of the window that
reads as English; in English, a French translation shown fails.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from labest_desktop.services import organisations, project_query
from labest_desktop.ui import excepthook, file_dialogs, tasks, translation
from labest_desktop.ui.dialogs import prompts
from tests.support.visible_text import texts_of, unfinished_messages, wrong_language

REAL = {
    "confirm": prompts.ConfirmDialog.__dict__["ask"],
    "unsaved": prompts.UnsavedChangesDialog.__dict__["ask"],
    "expected": excepthook.ExpectedErrorDialog.__dict__["ask"],
    "unexpected": excepthook.UnexpectedErrorDialog.__dict__["ask"],
    "written": file_dialogs.WrittenDialog.__dict__["ask"],
}


class Walk:
    """Collects the problems of every screen visited."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.problems: list[str] = []
        self.screens = 0

    def look(self, widget, where: str) -> None:
        self.screens += 1
        self.problems += wrong_language(texts_of(widget), self.language, where)

    def text(self, text: str, where: str) -> None:
        self.problems += wrong_language([("chrome", text)], self.language, where)

    def modal(self, trigger, where: str, answer=None) -> None:
        """Run ``trigger`` (which opens a modal dialog), look at the dialog, close it."""
        seen = []

        def inspect() -> None:
            box = QApplication.activeModalWidget()
            if box is None:
                QTimer.singleShot(20, inspect)
                return
            seen.append(True)
            self.look(box, where)
            if answer is not None:
                answer(box)
            elif isinstance(box, QMessageBox):
                box.reject() if box.escapeButton() is not None else box.done(0)
                if box.isVisible():
                    box.done(0)
            else:
                box.reject()

        QTimer.singleShot(0, inspect)
        trigger()
        assert seen, f"{where}: no dialog opened"


def _wait(qtbot) -> None:
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=30_000)


def walk_window(walk: Walk, window, qtbot, monkeypatch, tmp_path) -> None:
    ws = window.context.workspace
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _wait(qtbot)
        walk.look(window, f"view {window._keys[index]}")
    window.show_view("projects")
    view = window.projects_view
    ids = project_query.project_ids(ws)

    # The editor, every tab, of an existing project and of a new one.
    from labest_desktop.ui.editor.project_editor import ProjectEditor

    editor = ProjectEditor(window.context, ids[0], window)
    qtbot.addWidget(editor)
    editor.show()
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        walk.look(editor, f"editor tab {index}")
    editor.form.title.setText(editor.form.title.text() + " (modifié)")
    monkeypatch.setattr(prompts.UnsavedChangesDialog, "ask", REAL["unsaved"])
    walk.modal(editor.reject, "unsaved changes", answer=lambda box: box.done(QMessageBox.StandardButton.Cancel))
    assert editor.save()
    walk.text(window.undo_action.text(), "undo after an edit")
    new = ProjectEditor(window.context, None, window)
    qtbot.addWidget(new)
    new.show()
    walk.look(new, "new project editor")
    new.form.title.setText("Accueil des usagers à Épinal")
    assert new.save()
    walk.text(window.undo_action.text(), "undo after a creation")

    # Stage decision, status, deletion: each command's undo and redo texts.
    stage_editor = ProjectEditor(window.context, ids[1], window)
    qtbot.addWidget(stage_editor)
    walk.modal(lambda: prompts.StageDialog.ask(stage_editor, str(stage_editor.view.fields.stage)), "stage dialog")
    target = next(s for s in ("prototype", "deployment", "ideation") if s != str(stage_editor.view.fields.stage))
    monkeypatch.setattr(prompts.StageDialog, "ask", classmethod(lambda cls, parent, current: (target, "Comité")))
    stage_editor.change_stage()
    walk.text(window.undo_action.text(), "undo after a stage move")
    view.select_ids(ids[2:4])
    walk.modal(lambda: prompts.StatusDialog.ask(window, 2), "status dialog")
    monkeypatch.setattr(prompts.StatusDialog, "ask", classmethod(lambda cls, parent, count: "paused"))
    window.project_actions.change_status_of_selection()
    walk.text(window.undo_action.text(), "undo after a status change")
    monkeypatch.setattr(prompts.ConfirmDialog, "ask", REAL["confirm"])
    walk.modal(window.project_actions.delete_selection, "delete confirmation")
    monkeypatch.setattr(prompts.ConfirmDialog, "ask", classmethod(lambda cls, parent, title, text: True))
    window.project_actions.delete_selection()
    walk.text(window.undo_action.text(), "undo after a deletion")

    # An event created in the events view; two organisations merged.
    events_view = window.ensure_view("events")
    window.show_view("events")
    _wait(qtbot)
    events_view.editor.clear()
    events_view.editor.title.setText("Atelier des agents d'accueil")
    events_view.editor.submit()
    walk.text(window.undo_action.text(), "undo after an event")
    partners = window.ensure_view("partners")
    window.show_view("partners")
    _wait(qtbot)
    rows = organisations.list_organisations(ws, counts=False)
    from labest_desktop.ui.views import partners as partners_module

    walk.modal(lambda: partners_module.MergeDialog.ask(partners, rows[0], rows), "merge dialog")
    record = organisations.merge_organisations(ws, rows[1].id, rows[0].id, names=(rows[1].name, rows[0].name))
    window.context.undo_stack.push(partners_module.MergeCommand(partners, record, rows[1].name))
    walk.text(window.undo_action.text(), "undo after a merge")

    # Redo texts: undo each command in turn.
    stack = window.context.undo_stack
    while stack.canUndo():
        stack.undo()
        walk.text(window.redo_action.text(), "redo")
        walk.text(window.undo_action.text(), "undo")
    walk.look(window, "window after undoing everything")

    # Dialogs of the menus.
    from labest_desktop.ui.dialogs.export_dialog import ExportDialog
    from labest_desktop.ui.dialogs.import_wizard import ImportWizard
    from labest_desktop.ui.dialogs.preferences import PreferencesDialog

    for dialog, where in ((PreferencesDialog(window.context, window), "preferences"),
                          (ExportDialog(window.context, window, selection=ids[:1]), "export"),
                          (ImportWizard(window.context, window), "import wizard")):
        qtbot.addWidget(dialog)
        dialog.show()
        walk.look(dialog, where)
        dialog.close()
    walk.modal(window.show_help, "help")
    walk.modal(window.show_about, "about")
    for key, call in (("expected", lambda: excepthook.ExpectedErrorDialog.ask(window, "x")),
                      ("unexpected", lambda: excepthook.UnexpectedErrorDialog.ask(window, "x")),
                      ("written", lambda: file_dialogs.WrittenDialog.ask(window, tmp_path / "a.pdf"))):
        monkeypatch.setattr({"expected": excepthook.ExpectedErrorDialog, "unexpected": excepthook.UnexpectedErrorDialog,
                             "written": file_dialogs.WrittenDialog}[key], "ask", REAL[key])
        walk.modal(call, f"{key} message")

    # Qt's own file dialog (the one Linux desktops without a portal get).
    files = QFileDialog(window, "x", str(tmp_path), "PDF (*.pdf)")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(files)
    files.show()
    walk.look(files, "file dialog")
    files.close()

    # Filter chips.
    from labest_desktop.services.project_query import ProjectFilter

    window.context.filter_state.set_filter(ProjectFilter(stages=frozenset({"prototype"}), statuses=frozenset({"active"}),
                                                         departments=frozenset({"67"})))
    walk.look(window, "filters set")


def test_no_english_in_the_french_window(make_window, sqlite_workspace, qtbot, monkeypatch, tmp_path):
    assert unfinished_messages() == []
    walk = Walk("fr")
    window = make_window(sqlite_workspace)
    walk.look(window, "welcome")
    from labest_desktop.services.demo import load_demo

    load_demo(sqlite_workspace, projects=30, seed=3)
    window.refresh_views()
    _wait(qtbot)
    walk_window(walk, window, qtbot, monkeypatch, tmp_path)
    assert walk.screens > 25
    assert walk.problems == [], "\n".join(walk.problems)


def test_no_french_in_the_english_window(make_window, demo_workspace, qtbot, monkeypatch, tmp_path, qapp):
    translation.install(qapp, "en")
    try:
        walk = Walk("en")
        window = make_window(demo_workspace)
        _wait(qtbot)
        walk_window(walk, window, qtbot, monkeypatch, tmp_path)
        assert walk.problems == [], "\n".join(walk.problems)
    finally:
        translation.install(qapp, "fr")


def test_the_walk_sees_english(qtbot):
    """The check itself fails on an untranslated text and on English words, and in the
    English window on a French translation."""
    from PySide6.QtWidgets import QLabel, QPushButton, QWidget

    page = QWidget()
    qtbot.addWidget(page)
    QLabel("This project has changes that were not saved.", page)
    QPushButton("Move it to the next stage", page)
    QLabel("Projets", page)
    page.show()
    problems = wrong_language(texts_of(page), "fr", "sample")
    assert len(problems) == 2, problems
    assert wrong_language([("chrome", "&Fichier")], "en", "menu") == ["menu: « &Fichier » is the French « &Fichier »"]
    assert wrong_language([("chrome", "&File")], "en", "menu") == []
