"""Nothing invisible, and an undo that undoes (issue #11): a row whose project was
removed here is never « unchanged »; a project deleted on purpose is reported and
left deleted; undoing an import removes the organisations, funding sources and
events it created (unless used since) and puts back ``updated_at``; events merge
their links as sets. Real SQLite files and workbooks, through the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import openpyxl
from sqlalchemy import select

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.models import Event, FundingEnvelope, Organisation, Project
from labest_desktop.domain.vocab import EventKind
from labest_desktop.services import events, exchange_export, exchange_import, import_undo, projects
from labest_desktop.services.event_history import merge_sets
from labest_desktop.services.project_query import iter_snapshots
from tests.unit.services.test_exchange_ancestry import offices  # noqa: F401  (fixture)


def export(ws, path):
    exchange_export.export_workbook(ws, path)
    return path


def source(ws):
    """An office with two projects and an event linking the first."""
    first = projects.create_project(ws, ProjectFields(
        title="Guichet unique", lead="Préfecture de la Meuse", partners=("Ville de Verdun",), funding="FNADT",
    ))
    second = projects.create_project(ws, ProjectFields(title="Tiers-lieu", lead="Ville de Bar-le-Duc"))
    with ws.reading() as session:
        org = session.scalar(select(Organisation.id).where(Organisation.name == "Ville de Verdun"))
    event = events.create_event(ws, events.EventFields(
        title="Atelier", kind=EventKind.WORKSHOP, date=date(2026, 5, 4), project_ids=frozenset({first.id}),
        organisation_ids=frozenset({org}),
    ))
    return first, second, event


def test_a_project_deleted_here_is_reported_and_stays_deleted(offices, tmp_path):  # noqa: F811
    """A row whose project a person deleted here: listed under ``deleted_here`` with
    its reference, not revived, not counted unchanged; the rest is applied."""
    a = offices("AAA")
    first, second, _ = source(a)
    path = export(a, tmp_path / "a.xlsx")
    projects.set_deleted(a, first.id, True)
    report = exchange_import.import_file(a, path)
    assert report.applied and report.unchanged == 1
    assert report.deleted_here == [{"row": 2, "reference": first.reference, "title": "Guichet unique"}]
    assert [s["reference"] for s in iter_snapshots(a)] == [second.reference]


def test_undo_then_import_brings_back_and_undo_again_removes(offices, tmp_path):  # noqa: F811
    """After an undo, the same file brings the projects back (``restored``); undoing
    that import removes them again."""
    a, b = offices("AAA"), offices("BBB")
    source(a)
    path = export(a, tmp_path / "a.xlsx")
    exchange_import.import_file(b, path)
    import_undo.undo_import(b)
    report = exchange_import.import_file(b, path)
    assert report.unchanged == 0 and len(report.restored) == 2 and report.created == 0
    assert len(list(iter_snapshots(b))) == 2
    undone = import_undo.undo_import(b)
    assert undone.removed == 2 and list(iter_snapshots(b)) == []


def test_undo_removes_what_the_import_created_unless_used_since(offices, tmp_path):  # noqa: F811
    """Organisations, funding sources and events created by the import go with its
    undo; an organisation a project here uses since is kept."""
    a, b = offices("AAA"), offices("BBB")
    source(a)
    path = export(a, tmp_path / "a.xlsx")
    exchange_import.import_file(b, path)
    kept = projects.create_project(b, ProjectFields(title="Projet d'ici", lead="Ville de Bar-le-Duc"))
    undone = import_undo.undo_import(b)
    assert (undone.removed, undone.events_removed, undone.envelopes_removed) == (2, 1, 1)
    with b.reading() as session:
        assert list(session.scalars(select(Organisation.name))) == ["Ville de Bar-le-Duc"]
        assert session.scalars(select(Event)).all() == []
        assert session.scalars(select(FundingEnvelope)).all() == []
    assert [s["title"] for s in iter_snapshots(b)] == [kept.fields.title]


def test_undo_puts_back_updated_at_and_event_changes(offices, tmp_path):  # noqa: F811
    """An import that changed a project and an event: its undo puts back the fields,
    the time and author of the last change before it, and the event's fields."""
    a = offices("AAA")
    first, _, event = source(a)
    with a.reading() as session:
        before = session.execute(select(Project.updated_at, Project.updated_by).where(Project.id == first.id)).one()
    path = export(a, tmp_path / "a.xlsx")
    book = openpyxl.load_workbook(path)
    for name, header, value in (("Projets", "Budget (€)", 99), ("Événements", "Lieu", "Commercy")):
        sheet = book[name]
        headers = [c.value for c in sheet[1]]
        sheet.cell(row=2, column=headers.index(header) + 1).value = value
    book.save(path)
    report = exchange_import.import_file(a, path)
    assert (report.updated, report.events_updated) == (1, 1)
    undone = import_undo.undo_import(a)
    assert (undone.restored, undone.events_restored) == (1, 1)
    with a.reading() as session:
        after = session.execute(select(Project.updated_at, Project.updated_by).where(Project.id == first.id)).one()
    assert after == before
    assert projects.get_project(a, first.id).fields.budget is None
    assert events.get_event(a, event.id).fields.place is None


def test_event_links_merge_as_sets_across_offices(offices, tmp_path):  # noqa: F811
    """A adds a project to the event, B removes the other one: both changes land at
    both offices, with no conflict."""
    a, b = offices("AAA"), offices("BBB")
    first, second, event = source(a)
    exchange_import.import_file(b, export(a, tmp_path / "a0.xlsx"))
    view = events.get_event(a, event.id)
    events.update_event(a, event.id, replace(view.fields, project_ids=frozenset({first.id, second.id})),
                        expected_version=view.version)
    with b.reading() as session:
        b_event = session.scalar(select(Event))
        b_event_id = b_event.id
    view_b = events.get_event(b, b_event_id)
    events.update_event(b, b_event_id, replace(view_b.fields, project_ids=frozenset(), title="Atelier (B)"),
                        expected_version=view_b.version)
    at_a = exchange_import.import_file(a, export(b, tmp_path / "b1.xlsx"))
    at_b = exchange_import.import_file(b, export(a, tmp_path / "a1.xlsx"))
    assert at_a.conflicts == [] and at_b.conflicts == []
    for ws, event_id in ((a, event.id), (b, b_event_id)):
        view = events.get_event(ws, event_id)
        assert view.fields.title == "Atelier (B)"
        assert [p.title for p in view.projects] == ["Tiers-lieu"]


def test_merge_sets_rules():
    """Added on either side: in; removed on either side: out; no base: no answer."""
    assert sorted(merge_sets(["a", "b"], ["a", "b", "c"], ["b"])) == ["b", "c"]
    assert merge_sets(None, ["a"], ["b"]) is None
    assert merge_sets(["X"], ["x"], ["X", "y"], key=str.lower) == ["x", "y"]
