"""Undo and redo of a deletion or a creation write from the version the step before
left: a project changed by another process in between is refused as stale, the
command made obsolete, the other process's change kept."""

from __future__ import annotations

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import projects
from labest_desktop.ui.undo_commands import CreateCommand, DeleteCommand, StatusCommand
from tests.faults.test_stale_writes import other_process
from tests.support.ui_context import make_context


def test_undoing_a_deletion_refuses_a_project_changed_since(qapp, sqlite_workspace, tmp_path):
    context = make_context(sqlite_workspace, tmp_path)
    view = projects.create_project(sqlite_workspace, ProjectFields(title="Tiers-lieu"))
    reported = []
    context.undo_stack.push(DeleteCommand(context, [view.id], reported.append))
    other_process(sqlite_workspace, "project", view.id, "Changé ailleurs")
    context.undo_stack.undo()
    assert reported and "ailleurs" in reported[0].message
    after = projects.get_project(sqlite_workspace, view.id)
    assert after.deleted and after.fields.contact == "Changé ailleurs"


def test_undoing_a_creation_refuses_a_project_changed_since(qapp, sqlite_workspace, tmp_path):
    context = make_context(sqlite_workspace, tmp_path)
    view = projects.create_project(sqlite_workspace, ProjectFields(title="Tiers-lieu"))
    reported = []
    context.undo_stack.push(CreateCommand(context, view.id, view.fields.title, reported.append))
    other_process(sqlite_workspace, "project", view.id, "Changé ailleurs")
    context.undo_stack.undo()
    assert reported
    after = projects.get_project(sqlite_workspace, view.id)
    assert not after.deleted and after.fields.contact == "Changé ailleurs"


def test_undo_and_redo_of_a_status_change_refuse_a_project_changed_since(qapp, sqlite_workspace, tmp_path):
    """Undo and redo of « Changer le statut » used to read the version at that moment and
    write over whatever another person had saved in between."""
    context = make_context(sqlite_workspace, tmp_path)
    view = projects.create_project(sqlite_workspace, ProjectFields(title="Tiers-lieu"))
    reported = []
    context.undo_stack.push(StatusCommand(context, [view.id], "paused", reported.append))
    context.undo_stack.undo()
    context.undo_stack.redo()
    assert not reported and str(projects.get_project(sqlite_workspace, view.id).fields.status) == "paused"
    other_process(sqlite_workspace, "project", view.id, "Changé ailleurs")
    context.undo_stack.undo()
    assert reported and "ailleurs" in reported[0].message
    after = projects.get_project(sqlite_workspace, view.id)
    assert str(after.fields.status) == "paused" and after.fields.contact == "Changé ailleurs"


def test_redo_of_a_status_change_refuses_a_project_changed_since(qapp, sqlite_workspace, tmp_path):
    context = make_context(sqlite_workspace, tmp_path)
    view = projects.create_project(sqlite_workspace, ProjectFields(title="Tiers-lieu"))
    reported = []
    context.undo_stack.push(StatusCommand(context, [view.id], "paused", reported.append))
    context.undo_stack.undo()
    other_process(sqlite_workspace, "project", view.id, "Changé ailleurs")
    context.undo_stack.redo()
    assert reported and "ailleurs" in reported[0].message
    after = projects.get_project(sqlite_workspace, view.id)
    assert str(after.fields.status) == "active" and after.fields.contact == "Changé ailleurs"


def test_undoing_an_edit_after_its_editor_closed_tells_the_refusal(make_window, demo_workspace, no_modal_dialogs):
    """An edit saved in the project editor, the editor closed (and deleted), the project
    changed elsewhere, then « Annuler »: the refusal is told from the window. The soak
    found the undo step calling the deleted editor (an unexpected error instead)."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    from labest_desktop.services import project_query

    window = make_window(demo_workspace)
    pid = project_query.project_ids(demo_workspace)[0]
    editor = window.project_actions.editor(pid)
    values, _ = editor.form.values()
    editor.form.set_values(values.with_changes(title=values.title + " (revu)"))
    editor.save()
    editor.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(editor)
    other_process(demo_workspace, "project", pid, "Changé ailleurs")
    window.context.undo_stack.undo()
    assert len(no_modal_dialogs) == 1 and "ailleurs" in no_modal_dialogs[0], no_modal_dialogs
    assert projects.get_project(demo_workspace, pid).fields.contact == "Changé ailleurs"
