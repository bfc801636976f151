"""Organisations: detail of their links, and merging two spellings of one."""

from __future__ import annotations

import pytest

from labest_desktop.domain.errors import ValidationError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import events, organisations, project_query, projects


def _ids(ws):
    return {r.name: r.id for r in organisations.list_organisations(ws)}


def test_merge_moves_every_link_records_history_and_can_be_undone(workspace):
    """Lead, partnerships and events move to the organisation kept; each affected
    project gets a revision « merge »; undo brings the other one back as it was."""
    led = projects.create_project(workspace, ProjectFields(title="Crues", lead="DREAL GE"))
    both = projects.create_project(workspace, ProjectFields(title="Eau", lead="Région Grand Est", partners=("DREAL GE", "DREAL Grand Est")))
    kept_leads = projects.create_project(workspace, ProjectFields(title="Aides", lead="DREAL Grand Est", partners=("DREAL GE",)))
    untouched = projects.create_project(workspace, ProjectFields(title="Autre", lead="Région Grand Est"))
    ids = _ids(workspace)
    event = events.create_event(
        workspace, events.EventFields(title="Atelier", organisation_ids=frozenset({ids["DREAL GE"]}))
    )
    record = organisations.merge_organisations(workspace, ids["DREAL Grand Est"], ids["DREAL GE"],
                                                names=("DREAL Grand Est", "DREAL GE"))

    assert "DREAL GE" not in _ids(workspace)
    assert projects.get_project(workspace, led.id).fields.lead == "DREAL Grand Est"
    assert projects.get_project(workspace, both.id).fields.partners == ("DREAL Grand Est",)
    assert projects.get_project(workspace, kept_leads.id).fields.partners == ()
    assert [o.name for o in events.get_event(workspace, event.id).organisations] == ["DREAL Grand Est"]
    for pid in (led.id, both.id, kept_leads.id):
        assert projects.history(workspace, pid)[-1].origin == "merge"
    assert projects.history(workspace, untouched.id)[-1].origin == "create"
    # The search text follows the new names.
    assert project_query.project_ids(workspace, project_query.ProjectFilter(search="DREAL GE")) == []

    organisations.undo_merge(workspace, record)
    assert projects.get_project(workspace, led.id).fields.lead == "DREAL GE"
    assert projects.get_project(workspace, both.id).fields.partners == ("DREAL GE", "DREAL Grand Est")
    assert projects.get_project(workspace, kept_leads.id).fields.partners == ("DREAL GE",)
    assert sorted(o.name for o in events.get_event(workspace, event.id).organisations) == ["DREAL GE"]
    assert projects.history(workspace, led.id)[-1].origin == "undo"


def test_detail_lists_led_and_partnered_projects_and_events(workspace):
    """From an organisation: the projects it leads, those it partners, its events."""
    p1 = projects.create_project(workspace, ProjectFields(title="Un", lead="ADEME Grand Est"))
    p2 = projects.create_project(workspace, ProjectFields(title="Deux", partners=("ADEME Grand Est",)))
    oid = _ids(workspace)["ADEME Grand Est"]
    events.create_event(workspace, events.EventFields(title="Formation", kind="training", organisation_ids=frozenset({oid})))
    detail = organisations.get_organisation(workspace, oid)
    assert [p.id for p in detail.led] == [p1.id]
    assert [p.id for p in detail.partnered] == [p2.id]
    assert [e.title for e in detail.events] == ["Formation"]
    assert (detail.row.led, detail.row.partnered, detail.row.events) == (1, 1, 1)


def test_merging_an_organisation_with_itself_is_refused(sqlite_workspace):
    """Two different organisations are needed."""
    oid = organisations.create_organisation(sqlite_workspace, "Grand Reims", "local_authority", "51")
    with pytest.raises(ValidationError):
        organisations.merge_organisations(sqlite_workspace, oid, oid, names=("x", "x"))


def test_names_are_unique_once_folded(sqlite_workspace):
    """« grand reims » is the same name as « Grand Reims »."""
    organisations.create_organisation(sqlite_workspace, "Grand Reims")
    with pytest.raises(ValidationError) as caught:
        organisations.create_organisation(sqlite_workspace, " grand  REIMS ")
    assert "Grand Reims" in caught.value.message
