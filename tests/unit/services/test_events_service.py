"""Events: validation, links to projects and organisations, month view."""

from __future__ import annotations

from datetime import date

import pytest

from labest_desktop.domain.errors import ValidationError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.vocab import EventKind
from labest_desktop.services import events, organisations, projects


def test_event_created_with_linked_projects_and_organisations(workspace):
    """An event keeps its projects and organisations; each project lists its events."""
    p1 = projects.create_project(workspace, ProjectFields(title="Accueil de demain"))
    p2 = projects.create_project(workspace, ProjectFields(title="Titres de séjour"))
    org = organisations.create_organisation(workspace, "DREAL Grand Est", "state", "Région")
    view = events.create_event(
        workspace,
        events.EventFields(
            title="  Atelier design de services ",
            kind=EventKind.WORKSHOP,
            date=date(2026, 11, 5),
            place="Metz",
            participants=24,
            project_ids=frozenset({p1.id, p2.id}),
            organisation_ids=frozenset({org}),
        ),
    )
    assert view.fields.title == "Atelier design de services"
    assert [p.title for p in view.projects] == ["Accueil de demain", "Titres de séjour"]
    assert [o.name for o in view.organisations] == ["DREAL Grand Est"]
    assert [e.id for e in events.events_of_project(workspace, p1.id)] == [view.id]
    [row] = events.list_events(workspace, date_from=date(2026, 11, 1), date_to=date(2026, 11, 30))
    assert row.project_count == 2
    assert events.list_events(workspace, date_from=date(2026, 12, 1), date_to=date(2026, 12, 31)) == []
    assert events.event_days(workspace, 2026, 11) == [date(2026, 11, 5)]
    assert events.event_days(workspace, 2026, 12) == []
    assert [r.id for r in events.list_events(workspace, search="metz")] == [view.id]


def test_event_update_changes_links_and_refuses_stale_versions(workspace):
    """An edit replaces the links; an edit from an old version is refused."""
    p1 = projects.create_project(workspace, ProjectFields(title="A"))
    view = events.create_event(workspace, events.EventFields(title="Réunion", kind="meeting", project_ids=frozenset({p1.id})))
    updated = events.update_event(
        workspace, view.id, events.EventFields(title="Réunion", kind="meeting"), view.version
    )
    assert updated.projects == ()
    with pytest.raises(Exception) as caught:
        events.update_event(workspace, view.id, events.EventFields(title="X", kind="meeting"), view.version)
    assert "modifié ailleurs" in str(caught.value)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        (events.EventFields(title=" "), "title"),
        (events.EventFields(title="x" * 201), "title"),
        (events.EventFields(title="Atelier", participants=-1), "participants"),
        (events.EventFields(title="Atelier", kind="party"), "kind"),
    ],
)
def test_invalid_events_are_refused_with_a_sentence(sqlite_workspace, values, field):
    """Title required and at most 200 characters, participants not negative, a known kind."""
    with pytest.raises(ValidationError) as caught:
        events.create_event(sqlite_workspace, values)
    assert caught.value.field == field
    assert caught.value.message and "{" not in caught.value.message
    assert events.list_events(sqlite_workspace) == []


def test_deleted_event_can_be_created_again(sqlite_workspace):
    """Deleting returns the fields, which recreate the same event (the undo of a deletion)."""
    p1 = projects.create_project(sqlite_workspace, ProjectFields(title="A"))
    view = events.create_event(sqlite_workspace, events.EventFields(title="Expo", kind="exhibition", project_ids=frozenset({p1.id})))
    fields = events.delete_event(sqlite_workspace, view.id, view.version)
    assert events.list_events(sqlite_workspace) == []
    again = events.create_event(sqlite_workspace, fields)
    assert again.fields == fields


def test_event_ids_order_in_the_database_and_rows_come_by_window(workspace):
    """The events list's ids: each sort in the database with undated events and
    unknown participants last either way and the id as tie-breaker; kinds in the
    order given; a search ignoring accents and case. ``event_rows`` reads only the
    ids asked, with their number of linked projects."""
    project = projects.create_project(workspace, ProjectFields(title="Accueil"))

    def make(title, kind, day, people, linked=()):
        return events.create_event(workspace, events.EventFields(
            title=title, kind=kind, date=day, place="Épinal", participants=people,
            project_ids=frozenset(linked))).id

    a = make("Été", EventKind.EXHIBITION, date(2026, 7, 1), 40, [project.id])
    b = make("bilan", EventKind.MEETING, None, None)
    c = make("Atelier", EventKind.WORKSHOP, date(2025, 1, 3), 8)
    d = make("Atelier", EventKind.WORKSHOP, date(2025, 1, 3), 8)
    assert events.event_ids(workspace) == [a, d, c, b]
    assert events.event_ids(workspace, descending=False) == [c, d, a, b]
    assert events.event_ids(workspace, sort="participants", descending=False) == [c, d, a, b]
    assert events.event_ids(workspace, sort="participants") == [a, d, c, b]
    assert events.event_ids(workspace, sort="projects") == [a, d, c, b]
    order = (str(EventKind.MEETING), str(EventKind.WORKSHOP), str(EventKind.EXHIBITION))
    assert events.event_ids(workspace, sort="kind", descending=False, kind_order=order) == [b, c, d, a]
    assert events.event_ids(workspace, search="ETE epinal") == [a]
    assert events.event_ids(workspace, search="absent") == []
    rows = events.event_rows(workspace, [a, b])
    assert set(rows) == {a, b}
    assert (rows[a].title, rows[a].project_count, rows[b].project_count) == ("Été", 1, 0)
    assert events.event_rows(workspace, []) == {}
