"""Every user action writes from the version it read: an audit, two processes each.

For each action the window offers (edit, overwrite after a conflict, stage move and
its undo and redo, event edit and deletion, note, funding envelope, partner edit and
merge), this process reads what the user would see; another process then changes
the same record and exits; this process's write from what it read is refused as
stale, and the other process's change is still there. On SQLite and PostgreSQL.

Before: the board's undo/redo of a stage move, event deletion, envelope and partner
edits, a merge and « overwrite » after a conflict wrote over whatever was there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from decimal import Decimal

import pytest

from labest_desktop.domain.errors import StaleEditError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import events, funding, organisations, projects, stage_moves
from tests.faults.campaign import ROOT

OTHER = textwrap.dedent(
    """
    import sys
    from decimal import Decimal
    from labest_desktop.services import events, funding, organisations, projects
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import resolve

    ws = Workspace(open_database(resolve()), "autre-bureau")
    action, ident, value = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if action == "project":
        view = projects.get_project(ws, ident)
        projects.update_project(ws, ident, view.fields.with_changes(contact=value), view.version)
    elif action == "event":
        view = events.get_event(ws, ident)
        from dataclasses import replace
        events.update_event(ws, ident, replace(view.fields, place=value), view.version)
    elif action == "envelope":
        row = next(r for r in funding.envelopes(ws) if r.id == ident)
        funding.update_envelope(ws, ident, row.name, row.origin, Decimal(value), read=row)
    elif action == "organisation":
        row = next(r for r in organisations.list_organisations(ws, counts=False) if r.id == ident)
        organisations.update_organisation(ws, ident, value, row.kind, row.department, read=row)
    elif action == "note":
        projects.add_note(ws, ident, value)
    print("DONE")
    """
)


def other_process(ws, action: str, ident: int, value: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    location = ws.database.location
    if location.is_sqlite:
        env["LABEST_DB"] = str(location.path)
    else:
        env["LABEST_DATABASE_URL"] = location.url
    done = subprocess.run([sys.executable, "-c", OTHER, action, str(ident), value],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "DONE", done.stderr


@pytest.fixture
def project(workspace):
    return projects.create_project(workspace, ProjectFields(title="Maison France Services", contact="Amina"))


def refused(call) -> StaleEditError:
    with pytest.raises(StaleEditError) as caught:
        call()
    assert "\n" not in caught.value.message
    return caught.value


def test_edit(workspace, project):
    other_process(workspace, "project", project.id, "Autre bureau")
    refused(lambda: projects.update_project(workspace, project.id, project.fields.with_changes(title="Mien"),
                                            project.version))
    assert projects.get_project(workspace, project.id).fields.contact == "Autre bureau"
    assert projects.get_project(workspace, project.id).fields.title == "Maison France Services"


def test_overwrite_after_a_conflict_keeps_a_change_made_after_it_was_shown(workspace, project):
    other_process(workspace, "project", project.id, "Premier changement")
    shown = projects.get_project(workspace, project.id)  # the conflict the user saw
    other_process(workspace, "project", project.id, "Changé après l'affichage")
    refused(lambda: projects.overwrite_project(workspace, project.id, project.fields.with_changes(title="Mien"),
                                               shown.version))
    assert projects.get_project(workspace, project.id).fields.contact == "Changé après l'affichage"


def test_stage_move_from_board_or_editor(workspace, project):
    other_process(workspace, "project", project.id, "Autre bureau")
    refused(lambda: stage_moves.move(workspace, project.id, "prototype", "Comité", project.version))
    after = projects.get_project(workspace, project.id)
    assert str(after.fields.stage) == str(project.fields.stage) and after.fields.contact == "Autre bureau"


def test_undo_and_redo_of_a_stage_move(workspace, project):
    done = stage_moves.move(workspace, project.id, "prototype", "Comité", project.version)
    other_process(workspace, "project", project.id, "Après le déplacement")
    refused(lambda: stage_moves.undo_move(workspace, done))
    assert str(projects.get_project(workspace, project.id).fields.stage) == "prototype"
    current = projects.get_project(workspace, project.id)
    undone = stage_moves.undo_move(workspace, replace(done, version=current.version))
    other_process(workspace, "project", project.id, "Après l'annulation")
    refused(lambda: stage_moves.redo_move(workspace, undone))
    after = projects.get_project(workspace, project.id)
    assert str(after.fields.stage) == str(project.fields.stage) and after.fields.contact == "Après l'annulation"


@pytest.fixture
def event(workspace, project):
    return events.create_event(workspace, events.EventFields(title="Atelier usagers", kind="workshop",
                                                             project_ids=frozenset({project.id})))


def test_event_edit(workspace, event):
    other_process(workspace, "event", event.id, "Salle du conseil")
    refused(lambda: events.update_event(workspace, event.id, replace(event.fields, title="Mien"), event.version))
    after = events.get_event(workspace, event.id)
    assert after.fields.place == "Salle du conseil" and after.fields.title == "Atelier usagers"


def test_event_deletion(workspace, event):
    other_process(workspace, "event", event.id, "Salle du conseil")
    refused(lambda: events.delete_event(workspace, event.id, event.version))
    assert events.get_event(workspace, event.id).fields.place == "Salle du conseil"


def test_notes_are_added_never_overwritten(workspace, project):
    other_process(workspace, "note", project.id, "Note de l'autre bureau")
    projects.add_note(workspace, project.id, "Ma note")
    assert {n.text for n in projects.notes(workspace, project.id)} == {"Note de l'autre bureau", "Ma note"}


def test_funding_envelope(workspace):
    envelope_id = funding.create_envelope(workspace, "DSIL 2026", "État", Decimal("100000"))
    read = next(r for r in funding.envelopes(workspace) if r.id == envelope_id)
    other_process(workspace, "envelope", envelope_id, "250000")
    refused(lambda: funding.update_envelope(workspace, envelope_id, "DSIL 2026", "Préfecture", Decimal("90000"),
                                            read=read))
    after = next(r for r in funding.envelopes(workspace) if r.id == envelope_id)
    assert (after.allocated, after.origin) == (Decimal("250000"), "État")


def test_partner_edit_and_merge(workspace):
    kept = organisations.create_organisation(workspace, "DREAL Grand Est")
    removed = organisations.create_organisation(workspace, "DREAL GE")
    rows = {r.id: r for r in organisations.list_organisations(workspace, counts=False)}
    other_process(workspace, "organisation", removed, "Direction régionale (autre)")
    refused(lambda: organisations.update_organisation(workspace, removed, "DREAL-GE", None, None, read=rows[removed]))
    refused(lambda: organisations.merge_organisations(workspace, kept, removed,
                                                      names=(rows[kept].name, rows[removed].name)))
    names = {r.name for r in organisations.list_organisations(workspace, counts=False)}
    assert names == {"DREAL Grand Est", "Direction régionale (autre)"}
