"""The Événements and Partenaires sheets of a workbook coming back: events matched
by Identifiant and merged three-way like project rows (a conflict only where both
sides changed a field since the version they share; links merged as sets),
organisations by name (created when unknown,
blanks filled, nothing stored overwritten)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.models import Organisation
from labest_desktop.domain.vocab import EventKind
from labest_desktop.services import events, exchange_export, exchange_import, projects
from labest_desktop.services.exchange_import import MINE, THEIRS


@pytest.fixture
def portfolio(sqlite_workspace):
    ws = sqlite_workspace
    first = projects.create_project(ws, ProjectFields(title="Guichet unique", lead="Préfecture de la Moselle"))
    second = projects.create_project(ws, ProjectFields(title="Tiers-lieu numérique", lead="Ville de Metz"))
    with ws.reading() as session:
        orgs = {o.name: o.id for o in session.scalars(select(Organisation))}
    event = events.create_event(ws, events.EventFields(
        title="Atelier usagers", kind=EventKind.WORKSHOP, date=date(2026, 11, 5), place="Metz", participants=24,
        project_ids=frozenset({first.id}), organisation_ids=frozenset({orgs["Ville de Metz"]}),
    ))
    return ws, first, second, event


def uid_of(ws, event_id: int) -> str:
    from labest_desktop.domain.models import Event

    with ws.reading() as session:
        return session.get(Event, event_id).uid


def export(ws, path: Path) -> Path:
    exchange_export.export_workbook(ws, path)
    return path


def edit(path: Path, sheet: str, match: str, header: str, value) -> None:
    """Change one cell of a row found by its first-column value (or add a row when
    ``match`` is empty), as a coordinator would in Excel."""
    book = openpyxl.load_workbook(path)
    rows = book[sheet]
    headers = [c.value for c in rows[1]]
    column = headers.index(header) + 1
    for row in rows.iter_rows(min_row=2):
        if row[0].value == match or (match == "" and all(c.value is None for c in row)):
            rows.cell(row=row[0].row, column=column).value = value
            break
    else:
        rows.cell(row=rows.max_row + 1, column=column).value = value
    book.save(path)


def edit_here(ws, event_id: int, **changes) -> None:
    """An edit made here, through the events service, after the export."""
    view = events.get_event(ws, event_id)
    events.update_event(ws, event_id, replace(view.fields, **changes), expected_version=view.version)


def add_row(path: Path, sheet: str, values: dict) -> None:
    book = openpyxl.load_workbook(path)
    rows = book[sheet]
    headers = [c.value for c in rows[1]]
    rows.append([values.get(h) for h in headers])
    book.save(path)


def test_a_workbook_with_events_and_partners_comes_back_unchanged(portfolio, tmp_path):
    ws, *_ , event = portfolio
    path = export(ws, tmp_path / "out.xlsx")
    report = exchange_import.import_file(ws, path)
    assert report.conflicts == [] and report.events_created == 0 and report.events_updated == 0
    assert events.get_event(ws, event.id).fields.title == "Atelier usagers"


def test_an_event_changed_only_in_the_file_is_taken(portfolio, tmp_path):
    """Events keep revisions: the row's fingerprint names the version exported, so a
    field changed only in the file is taken, with no question."""
    ws, _, _, event = portfolio
    path = export(ws, tmp_path / "out.xlsx")
    edit(path, "Événements", uid_of(ws, event.id), "Titre", "Atelier usagers (revu)")
    edit_here(ws, event.id, place="Thionville")
    report = exchange_import.import_file(ws, path)
    assert report.applied and report.conflicts == [] and report.events_updated == 1
    view = events.get_event(ws, event.id)
    assert (view.fields.title, view.fields.place) == ("Atelier usagers (revu)", "Thionville")


def test_an_event_changed_on_both_sides_is_a_conflict_that_stops_the_import(portfolio, tmp_path):
    """Both sides changed the title since the version they share: it is asked, with
    the base shown, and nothing at all is written until it is settled."""
    ws, first, _, event = portfolio
    path = export(ws, tmp_path / "out.xlsx")
    edit(path, "Événements", uid_of(ws, event.id), "Titre", "Atelier usagers (revu)")
    edit(path, "Projets", first.reference, "Titre", "Guichet unique revu")
    edit_here(ws, event.id, title="Atelier usagers (ici)")
    report = exchange_import.import_file(ws, path)
    assert report.applied is False
    assert report.conflicts == [{
        "row": 2, "reference": uid_of(ws, event.id), "field": "title", "base": "Atelier usagers",
        "mine": "Atelier usagers (ici)", "theirs": "Atelier usagers (revu)", "sheet": "Événements",
        "title": "Atelier usagers (ici)",
    }]
    assert events.get_event(ws, event.id).fields.title == "Atelier usagers (ici)"
    assert projects.get_project(ws, first.id).fields.title == "Guichet unique"


@pytest.mark.parametrize("policy, title", [(THEIRS, "Atelier usagers (revu)"), (MINE, "Atelier usagers (ici)")])
def test_event_conflicts_settled_by_policy(portfolio, tmp_path, policy, title):
    ws, _, _, event = portfolio
    path = export(ws, tmp_path / "out.xlsx")
    edit(path, "Événements", uid_of(ws, event.id), "Titre", "Atelier usagers (revu)")
    edit_here(ws, event.id, title="Atelier usagers (ici)")
    report = exchange_import.import_file(ws, path, on_conflict=policy)
    assert report.applied and report.conflicts == []
    assert events.get_event(ws, event.id).fields.title == title
    assert report.events_updated == (1 if policy == THEIRS else 0)


def test_event_conflicts_settled_field_by_field(portfolio, tmp_path):
    """Both sides changed place and date: take the file's; the title changed only
    in the file is taken and the linked project the file adds lands, without a
    question (links merge as sets)."""
    ws, first, second, event = portfolio
    path = export(ws, tmp_path / "out.xlsx")
    edit(path, "Événements", uid_of(ws, event.id), "Titre", "Autre titre")
    edit(path, "Événements", uid_of(ws, event.id), "Lieu", "Nancy")
    edit(path, "Événements", uid_of(ws, event.id), "Date", date(2026, 12, 1))
    edit(path, "Événements", uid_of(ws, event.id), "Projets", f"{first.reference}; {second.reference}")
    edit_here(ws, event.id, place="Metz-Borny", date=date(2026, 11, 6))
    preview = exchange_import.preview_import(ws, path)
    keys = {c.field: c.key for c in preview.conflicts}
    assert set(keys) == {"place", "date"}
    resolutions = {keys["place"]: THEIRS, keys["date"]: THEIRS}
    report = exchange_import.apply_import(ws, preview, resolutions=resolutions)
    assert report.applied
    view = events.get_event(ws, event.id)
    assert (view.fields.title, view.fields.place, view.fields.date) == ("Autre titre", "Nancy", date(2026, 12, 1))
    assert view.fields.project_ids == frozenset({first.id, second.id})


def test_an_event_conflict_key_never_mixes_with_a_project_row(portfolio, tmp_path):
    """Row 2 of Projets and row 2 of Événements both change their title: a choice
    for one is not taken for the other."""
    ws, first, _, event = portfolio
    path = export(ws, tmp_path / "out.xlsx")
    edit(path, "Événements", uid_of(ws, event.id), "Titre", "Atelier revu")
    edit_here(ws, event.id, title="Atelier revu ici")
    preview = exchange_import.preview_import(ws, path)
    (conflict,) = preview.conflicts
    assert conflict.key == ("Événements", 2, "title") and conflict.key != (2, "title")
    report = exchange_import.apply_import(ws, preview, resolutions={(2, "title"): THEIRS})
    assert report.applied is False and len(report.conflicts) == 1


def test_a_new_event_is_created_with_its_links_and_new_organisations(portfolio, tmp_path):
    ws, first, _, _ = portfolio
    path = export(ws, tmp_path / "out.xlsx")
    add_row(path, "Événements", {"Titre": "Séance créative", "Type": "Séance créative", "Date": date(2027, 1, 12),
                                 "Projets": first.reference, "Organisations": "Ville de Metz; Université de Lorraine"})
    report = exchange_import.import_file(ws, path)
    assert report.applied and report.events_created == 1
    assert "Université de Lorraine" in report.new_organisations
    created = [e for e in events.list_events(ws) if e.title == "Séance créative"]
    assert len(created) == 1
    view = events.get_event(ws, created[0].id)
    assert view.fields.project_ids == frozenset({first.id})
    assert len(view.fields.organisation_ids) == 2


def test_partners_are_created_filled_in_and_never_overwritten(portfolio, tmp_path):
    ws, *_ = portfolio
    path = export(ws, tmp_path / "out.xlsx")
    edit(path, "Partenaires", "Ville de Metz", "Type", "Collectivité territoriale")  # blank here: filled
    edit(path, "Partenaires", "Ville de Metz", "Département", "57")
    add_row(path, "Partenaires", {"Nom": "ADEME Grand Est", "Type": "Opérateur public", "Département": "Région"})
    with ws.unit_of_work() as uow:  # known here with a department the file does not have
        uow.session.scalars(select(Organisation).where(Organisation.name == "Préfecture de la Moselle")).one() \
            .department = "57"
        uow.commit()
    edit(path, "Partenaires", "Préfecture de la Moselle", "Département", "54")
    report = exchange_import.import_file(ws, path)
    assert report.applied
    with ws.reading() as session:
        orgs = {o.name: (o.kind, o.department) for o in session.scalars(select(Organisation))}
    assert orgs["Ville de Metz"] == ("local_authority", "57")
    assert orgs["ADEME Grand Est"] == ("public_operator", "Région")
    assert orgs["Préfecture de la Moselle"][1] == "57"  # the file's 54 does not overwrite it


def test_an_event_changed_here_after_the_preview_is_never_overwritten(portfolio, tmp_path):
    """The wizard shows the file's place; meanwhile a colleague edits the event here:
    taking the file's value is refused and nothing of the import is written."""
    from labest_desktop.domain.errors import StaleEditError

    ws, first, _, event = portfolio
    path = export(ws, tmp_path / "out.xlsx")
    edit(path, "Événements", uid_of(ws, event.id), "Lieu", "Nancy")
    edit(path, "Projets", first.reference, "Titre", "Guichet unique revu")
    preview = exchange_import.preview_import(ws, path)
    current = events.get_event(ws, event.id)
    events.update_event(ws, event.id, replace(current.fields, place="Thionville"), current.version)
    with pytest.raises(StaleEditError) as raised:
        exchange_import.apply_import(ws, preview, on_conflict=THEIRS)
    assert "Atelier usagers" in raised.value.message
    assert events.get_event(ws, event.id).fields.place == "Thionville"
    assert projects.get_project(ws, first.id).fields.title == "Guichet unique"
