"""Workflows on projects in the window: create, edit, validate, stage decisions,
concurrent edits, undo / redo, delete, change of status."""

from __future__ import annotations

import pytest

from labest_desktop import messages
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import project_query, projects
from labest_desktop.ui.dialogs import prompts
from labest_desktop.ui.editor.project_editor import ProjectEditor
from tests.ui.conftest import screenshot


@pytest.fixture
def window(make_window, demo_workspace):
    return make_window(demo_workspace)


def _editor(window, project_id=None) -> ProjectEditor:
    return ProjectEditor(window.context, project_id, None)


def test_create_project_then_undo_and_redo(window, qtbot):
    """A project typed in the editor is saved, listed and selected; Ctrl+Z removes it
    from the list and Ctrl+Y brings it back."""
    ws = window.context.workspace
    before = project_query.count(ws)
    editor = _editor(window)
    qtbot.addWidget(editor)
    editor.form.title.setText("Guichet numérique des aidants")
    editor.form.budget.setText("12 000,50")
    editor.form.department.setCurrentIndex(editor.form.department.findData("67"))
    assert editor.save()
    created = projects.get_project(ws, editor.project_id)
    assert str(created.fields.budget) == "12000.50"
    assert created.fields.department == "67"
    qtbot.waitUntil(lambda: window.projects_view.model.rowCount() == before + 1)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.projects_view.model.rowCount() == before)
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: window.projects_view.model.rowCount() == before + 1)


def test_validation_messages_next_to_fields(window, qtbot):
    """An empty title and an end date before the start are refused, each with the
    domain's French sentence under its own field, and nothing is written."""
    from datetime import date

    ws = window.context.workspace
    before = project_query.count(ws)
    editor = _editor(window)
    qtbot.addWidget(editor)
    editor.form.start_date.set_value(date(2026, 5, 1))
    editor.form.end_date.set_value(date(2026, 4, 1))
    editor.form.budget.setText("douze")
    assert not editor.save()
    assert editor.form.error_text("title") == messages.text("rule.title_required")
    assert "précède" in editor.form.error_text("end_date")
    assert "montant" in editor.form.error_text("budget")
    assert editor.form.errors["title"].isVisibleTo(editor)
    editor.show()
    screenshot(editor, "editor-validation")
    assert project_query.count(ws) == before


def test_edit_and_undo_edit(window, qtbot):
    """Editing a title saves a new version; undo puts the old title back."""
    ws = window.context.workspace
    pid = project_query.project_ids(ws)[0]
    old_title = projects.get_project(ws, pid).fields.title
    editor = _editor(window, pid)
    qtbot.addWidget(editor)
    editor.show()
    screenshot(editor, "editor")
    editor.form.title.setText("Titre revu")
    assert editor.save()
    assert projects.get_project(ws, pid).fields.title == "Titre revu"
    window.undo_action.trigger()
    assert projects.get_project(ws, pid).fields.title == old_title
    window.redo_action.trigger()
    assert projects.get_project(ws, pid).fields.title == "Titre revu"


def test_stage_change_asks_rationale_and_records_decision(window, qtbot, monkeypatch):
    """"Passer à l'étape…" asks the new stage and a rationale, records the decision
    (shown in the Décisions tab) and can be undone."""
    ws = window.context.workspace
    pid = project_query.project_ids(ws, project_query.ProjectFilter(stages=frozenset({"ideation"})))[0]
    monkeypatch.setattr(prompts.StageDialog, "ask",
                        classmethod(lambda cls, parent, current: ("prototype", "Comité du 12 mars")))
    editor = _editor(window, pid)
    qtbot.addWidget(editor)
    editor.form.stage_button.click()
    assert str(projects.get_project(ws, pid).fields.stage) == "prototype"
    last = projects.decisions(ws, pid)[-1]
    assert (last.from_stage, last.to_stage, last.rationale) == ("ideation", "prototype", "Comité du 12 mars")
    texts = [editor.decisions.item(r, 4).text() for r in range(editor.decisions.rowCount())]
    assert "Comité du 12 mars" in texts
    window.undo_action.trigger()
    assert str(projects.get_project(ws, pid).fields.stage) == "ideation"


def test_stage_dialog_requires_rationale(qtbot):
    """The stage dialog does not accept an empty rationale and says why."""
    dialog = prompts.StageDialog("ideation")
    qtbot.addWidget(dialog)
    dialog._accept()
    assert dialog.result() == 0
    assert dialog.error.text() == messages.text("rule.rationale_required")


@pytest.mark.parametrize("choice", ["reload", "overwrite"])
def test_concurrent_edit_prompt(window, qtbot, monkeypatch, choice):
    """A project saved elsewhere after the editor opened is never silently
    overwritten: the prompt lists what changed; reload shows their version,
    overwrite saves mine."""
    ws = window.context.workspace
    pid = project_query.project_ids(ws)[1]
    editor = _editor(window, pid)
    qtbot.addWidget(editor)
    current = projects.get_project(ws, pid)
    projects.update_project(ws, pid, current.fields.with_changes(contact="Quelqu'un d'autre"), current.version)
    seen = {}

    def ask(cls, parent, changes, who):
        seen["changes"] = changes
        return choice

    monkeypatch.setattr(prompts.StaleEditDialog, "ask", classmethod(ask))
    editor.form.title.setText("Ma version")
    saved = editor.save()
    assert any(after == "Quelqu'un d'autre" for _label, _b, after, _m in seen["changes"])
    now = projects.get_project(ws, pid).fields
    if choice == "reload":
        assert not saved
        assert now.contact == "Quelqu'un d'autre" and now.title != "Ma version"
        assert editor.form.contact.text() == "Quelqu'un d'autre"
    else:
        assert saved
        assert now.title == "Ma version"


def test_unsaved_close_prompts(window, qtbot, monkeypatch):
    """Closing an editor with unsaved changes asks first; Cancel keeps it open."""
    asked = []
    monkeypatch.setattr(prompts.UnsavedChangesDialog, "ask", classmethod(lambda cls, p: asked.append(1) or "cancel"))
    import labest_desktop.ui.editor.project_editor as module

    monkeypatch.setattr(module, "UnsavedChangesDialog", prompts.UnsavedChangesDialog)
    editor = _editor(window, project_query.project_ids(window.context.workspace)[0])
    qtbot.addWidget(editor)
    editor.show()
    editor.form.title.setText("Changé")
    editor.reject()
    assert asked and editor.isVisible()


def test_delete_asks_confirmation_and_undo_restores(window, qtbot, monkeypatch):
    """Delete asks for confirmation, hides the selected projects; undo brings them back."""
    view = window.projects_view
    ws = window.context.workspace
    ids = project_query.project_ids(ws)[:2]
    view.select_ids(ids)
    assert view.selected_ids() == ids
    monkeypatch.setattr(prompts.ConfirmDialog, "ask", classmethod(lambda cls, p, t, x: False))
    window.delete_action.trigger()
    assert view.model.rowCount() == 60
    monkeypatch.setattr(prompts.ConfirmDialog, "ask", classmethod(lambda cls, p, t, x: True))
    window.delete_action.trigger()
    qtbot.waitUntil(lambda: view.model.rowCount() == 58)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: view.model.rowCount() == 60)


def test_change_status_of_selection(window, qtbot, monkeypatch):
    """Several selected projects get one status in one undoable step."""
    view = window.projects_view
    ws = window.context.workspace
    ids = project_query.project_ids(ws)[:3]
    before = {pid: str(projects.get_project(ws, pid).fields.status) for pid in ids}
    view.select_ids(ids)
    monkeypatch.setattr(prompts.StatusDialog, "ask", classmethod(lambda cls, p, n: "paused"))
    window.status_action.trigger()
    assert {str(projects.get_project(ws, pid).fields.status) for pid in ids} == {"paused"}
    window.undo_action.trigger()
    assert {pid: str(projects.get_project(ws, pid).fields.status) for pid in ids} == before


def test_enter_opens_editor(window, qtbot, monkeypatch):
    """Enter on a row opens that project's editor."""
    opened = []
    monkeypatch.setattr(window.project_actions, "open_project", lambda pid: opened.append(pid))
    window.projects_view.open_project.disconnect()
    window.projects_view.open_project.connect(window.project_actions.open_project)
    view = window.projects_view
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(3, 1))
    from PySide6.QtCore import Qt

    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == [view.model.id_at(3)]


def test_new_project_fields_roundtrip(window, qtbot):
    """Every field typed in the editor comes back from the database as typed."""
    from datetime import date
    from decimal import Decimal

    editor = _editor(window)
    qtbot.addWidget(editor)
    f = editor.form
    f.title.setText("Atelier mobilité")
    f.status.setCurrentIndex(f.status.findData("paused"))
    f.lead.setText("Région Grand Est")
    f.partners.set_value(("Metz Métropole", "Nouvelle asso"))
    f.tags.setText("mobilité; ruralité")
    f.contact.setText("C. Martin")
    f.start_date.set_value(date(2026, 1, 5))
    f.end_date.set_value(date(2026, 12, 31))
    f.budget.setText("1 500")
    f.funding.setText("FTAP")
    f.users_involved.set_value(12)
    f.description.setPlainText("Texte")
    assert editor.save()
    got = projects.get_project(window.context.workspace, editor.project_id).fields
    assert got == ProjectFields(
        title="Atelier mobilité", status=got.status, lead="Région Grand Est",
        partners=("Metz Métropole", "Nouvelle asso"), tags=("mobilité", "ruralité"), department=None,
        contact="C. Martin", start_date=date(2026, 1, 5), end_date=date(2026, 12, 31), budget=Decimal("1500.00"),
        funding="FTAP", users_involved=12, agents_involved=None, description="Texte",
    )
    assert str(got.status) == "paused"
