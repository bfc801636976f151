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
