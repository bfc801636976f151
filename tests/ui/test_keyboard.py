"""Keyboard everywhere (issue 14, item 5): undo and redo from any widget of the main
window, Ctrl+S and Échap in the project editor, and the undo history kept across an
import (the import itself one undoable step)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from labest_desktop.services import project_query, projects
from labest_desktop.ui import tasks
from labest_desktop.ui.undo_commands import StatusCommand


def _status_change(window, ws):
    ids = project_query.project_ids(ws)[:1]
    before = str(projects.get_project(ws, ids[0]).fields.status)
    target = "paused" if before != "paused" else "active"
    window.context.undo_stack.push(StatusCommand(window.context, ids, target))
    return ids[0], before, target


def test_undo_from_a_view_tab_and_every_view(make_window, demo_workspace, qtbot):
    """Ctrl+Z after clicking a view's tab, and with focus in each view, undoes."""
    window = make_window(demo_workspace)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    bar = window.tabs.tabBar()
    for index in range(window.tabs.count()):
        pid, before, target = _status_change(window, demo_workspace)
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        qtbot.waitUntil(lambda: not tasks.busy(), timeout=20_000)
        # The tab bar itself, then a text field of the view (the search field takes
        # focus after a click on the Projets tab): neither keeps Ctrl+Z for itself.
        fields = [w for w in window.tabs.currentWidget().findChildren(QLineEdit) if w.isVisible() and w.isEnabled()]
        for focus in [bar, *fields[:1]]:
            focus.setFocus()
            qtbot.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
            assert str(projects.get_project(demo_workspace, pid).fields.status) == before, (window._keys[index], focus)
            qtbot.keyClick(focus, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
            assert str(projects.get_project(demo_workspace, pid).fields.status) == target, (window._keys[index], focus)


def test_a_field_with_its_own_history_keeps_ctrl_z(make_window, demo_workspace, qtbot):
    """Text typed in the search field is undone first, by the field itself."""
    window = make_window(demo_workspace)
    pid, _before, target = _status_change(window, demo_workspace)
    search = window.projects_view.search
    search.setFocus()
    qtbot.keyClicks(search, "abc")
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert search.text() != "abc"
    assert str(projects.get_project(demo_workspace, pid).fields.status) == target


def test_editor_saves_with_ctrl_s_and_closes_with_escape(make_window, demo_workspace, qtbot, monkeypatch):
    from labest_desktop.ui.dialogs import prompts
    from labest_desktop.ui.editor.project_editor import ProjectEditor

    window = make_window(demo_workspace)
    pid = project_query.project_ids(demo_workspace)[0]
    editor = ProjectEditor(window.context, pid, window)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.form.title.setFocus()
    editor.form.title.setText("Accueil des usagers à Chaumont")
    qtbot.keyClick(editor.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert projects.get_project(demo_workspace, pid).fields.title == "Accueil des usagers à Chaumont"
    assert not editor.isVisible()

    again = ProjectEditor(window.context, pid, window)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    again.form.contact.setFocus()
    again.form.contact.setText("Claire Weber")
    asked = []
    monkeypatch.setattr(prompts.UnsavedChangesDialog, "ask", classmethod(lambda cls, parent: asked.append(1) or "cancel"))
    qtbot.keyClick(again.form.contact, Qt.Key.Key_Escape)
    assert asked == [1] and again.isVisible()  # asked, and kept open on « Annuler »
    monkeypatch.setattr(prompts.UnsavedChangesDialog, "ask", classmethod(lambda cls, parent: "discard"))
    qtbot.keyClick(again.form.contact, Qt.Key.Key_Escape)
    assert not again.isVisible()


def test_title_error_goes_once_the_title_is_filled(make_window, demo_workspace, qtbot):
    from labest_desktop.ui.editor.project_editor import ProjectEditor

    window = make_window(demo_workspace)
    editor = ProjectEditor(window.context, None, window)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.save()
    assert editor.form.error_text("title") == "Le titre est obligatoire."
    qtbot.keyClicks(editor.form.title, "Guichet")
    assert editor.form.errors["title"].isHidden() and editor.form.error_text("title") == ""


def test_history_shows_amounts_the_french_way(make_window, demo_workspace, qtbot):
    from decimal import Decimal

    from labest_desktop.ui.editor.project_editor import ProjectEditor

    window = make_window(demo_workspace)
    pid = project_query.project_ids(demo_workspace)[0]
    view = projects.get_project(demo_workspace, pid)
    projects.update_project(demo_workspace, pid, view.fields.with_changes(budget=Decimal("79934.50")), view.version)
    view = projects.get_project(demo_workspace, pid)
    projects.update_project(demo_workspace, pid, view.fields.with_changes(budget=Decimal("85000")), view.version)
    editor = ProjectEditor(window.context, pid, window)
    qtbot.addWidget(editor)
    lines = [editor.history.topLevelItem(0).child(i).text(3) for i in range(editor.history.topLevelItem(0).childCount())]
    assert "79\u202f934,50 € → 85\u202f000,00 €" in lines or "79\u00a0934,50 € → 85\u00a0000,00 €" in lines, lines


def test_import_keeps_the_history_and_is_one_undoable_step(make_window, demo_workspace, qtbot, monkeypatch, tmp_path):
    """An edit made before an import can still be undone after it; the import itself
    is undone by Ctrl+Z, which brings the imported title back."""
    import openpyxl

    from labest_desktop.services.exchange_export import export_workbook
    from labest_desktop.ui.dialogs.import_wizard import ImportWizard

    ws = demo_workspace
    window = make_window(ws)
    first, second = project_query.project_ids(ws)[:2]
    path = tmp_path / "retour.xlsx"
    export_workbook(ws, path)
    book = openpyxl.load_workbook(path)
    sheet = book["Projets"]
    headers = [c.value for c in sheet[1]]
    ref_col, title_col = headers.index("Référence") + 1, headers.index("Titre") + 1
    reference = projects.get_project(ws, second).reference
    old_title = projects.get_project(ws, second).fields.title
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, ref_col).value == reference:
            sheet.cell(row, title_col).value = "Titre revenu du bureau de Metz"
    book.save(path)

    pid, before, target = _status_change(window, ws)
    assert pid == first

    def run(wizard):
        wizard.file_page.path.setText(str(path))
        wizard.show()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=20_000)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=20_000)
        wizard.hide()
        return 1

    monkeypatch.setattr(ImportWizard, "exec", run)
    window.file_actions.import_workbook()
    assert projects.get_project(ws, second).fields.title == "Titre revenu du bureau de Metz"
    stack = window.context.undo_stack
    assert stack.count() == 2 and window.undo_action.text().replace("&", "") == "Annuler Import de « retour.xlsx »"
    stack.undo()
    assert projects.get_project(ws, second).fields.title == old_title
    assert str(projects.get_project(ws, first).fields.status) == target
    stack.undo()  # the edit made before the import
    assert str(projects.get_project(ws, first).fields.status) == before


def test_undoing_the_last_import_from_the_menu_keeps_the_history(make_window, demo_workspace, qtbot, monkeypatch,
                                                                  tmp_path):
    """« Annuler le dernier import » used to clear the whole undo history; now the import's
    own step leaves the stack and the edit made before it can still be undone."""
    import openpyxl

    from labest_desktop.services.exchange_export import export_workbook
    from labest_desktop.services.exchange_import import import_file
    from labest_desktop.ui import file_actions
    from labest_desktop.ui.undo_commands import ImportCommand

    ws = demo_workspace
    window = make_window(ws)
    pid, before, target = _status_change(window, ws)
    path = tmp_path / "retour.xlsx"
    export_workbook(ws, path)
    book = openpyxl.load_workbook(path)
    sheet = book["Projets"]
    title_col = [c.value for c in sheet[1]].index("Titre") + 1
    sheet.cell(3, title_col).value = "Titre revenu du bureau de Metz"
    book.save(path)
    report = import_file(ws, path)
    assert report.applied and report.updated == 1
    stack = window.context.undo_stack
    stack.push(ImportCommand(window.context, report.batch_id, "retour.xlsx"))
    assert stack.count() == 2
    monkeypatch.setattr(file_actions.ConfirmDialog, "ask", classmethod(lambda cls, *args: True))
    told = []
    monkeypatch.setattr(file_actions.InfoDialog, "ask", classmethod(lambda cls, *args: told.append(args)))
    window.file_actions.undo_last_import()
    assert told, "the result is shown"
    assert stack.index() == 1 and window.undo_action.text().replace("&", "").startswith("Annuler")
    assert "Import" not in window.undo_action.text()
    stack.undo()  # the status change made before the import
    assert str(projects.get_project(ws, pid).fields.status) == before


def test_undo_button_keeps_its_size_with_a_long_title(make_window, demo_workspace, qtbot):
    """« Annuler Modifier « <a long title> » » is cut in the toolbar, whole in its tooltip."""
    from labest_desktop.ui.undo_commands import EditCommand

    window = make_window(demo_workspace)
    pid = project_query.project_ids(demo_workspace)[0]
    view = projects.get_project(demo_workspace, pid)
    title = "Simplifier l'accueil des usagers en sous-préfecture de Charleville-Mézières et dans les Ardennes"
    saved = projects.update_project(demo_workspace, pid, view.fields.with_changes(title=title), view.version)
    window.context.undo_stack.push(EditCommand(window.context, pid, title, view.fields, saved.fields, saved.version))
    text = window.undo_action.text()
    assert len(text) < 50 and text.endswith("…") and text.startswith("&Annuler")
    assert title in window.undo_action.toolTip()
