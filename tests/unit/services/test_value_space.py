"""Every value the domain accepts round-trips: any valid project (text of any
characters a workbook can hold, dates from year 1 to 9999, amounts to the largest
budget, counts to the largest count) exported as .xlsx, .ods or the open-data .csv
and imported back changes nothing. Values the app refuses at entry are refused with
the field named."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from labest_desktop.domain.errors import ValidationError
from labest_desktop.domain.fields import BUDGET_MAX, COUNT_MAX, ProjectFields, validate
from labest_desktop.domain.text import UNHOLDABLE
from labest_desktop.domain.vocab import DEPARTMENTS, Stage, Status
from labest_desktop.services import exchange_export, exchange_import, projects
from labest_desktop.services.project_query import iter_snapshots
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location

# Any character a workbook can hold (XML 1.0's), surrogates and the unholdable C0
# controls aside: those the domain refuses at entry (test below).
characters = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
holdable = characters.filter(lambda c: not UNHOLDABLE.match(c))


def text(max_size: int, *, min_size: int = 0, alphabet=holdable) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=min_size, max_size=max_size)


# List items: no « ; » (the separator) in a name.
item = text(40, min_size=1, alphabet=holdable.filter(lambda c: c != ";")).filter(lambda s: s.strip())


@st.composite
def valid_fields(draw) -> ProjectFields:
    start = draw(st.one_of(st.none(), st.dates(date(1, 1, 1), date(9999, 12, 31))))
    end = draw(st.one_of(st.none(), st.dates(start or date(1, 1, 1), date(9999, 12, 31))))
    fields = ProjectFields(
        title=draw(text(60, min_size=1).filter(lambda s: s.strip())),
        stage=draw(st.sampled_from(list(Stage))),
        status=draw(st.sampled_from(list(Status))),
        lead=draw(st.one_of(st.none(), text(40))),
        partners=tuple(draw(st.lists(item, max_size=3))),
        tags=tuple(draw(st.lists(item, max_size=3))),
        department=draw(st.one_of(st.none(), st.sampled_from(DEPARTMENTS))),
        contact=draw(st.one_of(st.none(), text(40))),
        start_date=start,
        end_date=end,
        budget=draw(st.one_of(st.none(), st.integers(0, int(BUDGET_MAX * 100)).map(lambda c: Decimal(c) / 100))),
        funding=draw(st.one_of(st.none(), text(40))),
        users_involved=draw(st.one_of(st.none(), st.integers(0, COUNT_MAX))),
        agents_involved=draw(st.one_of(st.none(), st.integers(0, COUNT_MAX))),
        description=draw(st.one_of(st.none(), text(200))),
    ).normalised()
    assert validate(fields) == []
    return fields


def _export(ws: Workspace, path: Path) -> None:
    if path.suffix == ".csv":
        exchange_export.export_opendata(ws, path)
    else:
        exchange_export.export_workbook(ws, path)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolio=st.lists(valid_fields(), min_size=1, max_size=4), suffix=st.sampled_from([".xlsx", ".ods", ".csv"]))
def test_any_valid_project_round_trips_in_every_format(portfolio, suffix):
    """Export then import: no error, no conflict, nothing created or updated, and every
    project keeps every value."""
    folder = Path(tempfile.mkdtemp(prefix="labest-space-"))
    database = open_database(sqlite_location(folder / "db.sqlite3"), backups_folder=folder / "backups")
    ws = Workspace(database, "space")
    try:
        for fields in portfolio:
            projects.create_project(ws, fields)
        before = list(iter_snapshots(ws))
        path = folder / f"portfolio{suffix}"
        _export(ws, path)
        report = exchange_import.import_file(ws, path)
        assert report.errors == [] and report.conflicts == [] and report.ignored_rows == []
        assert (report.created, report.updated, report.unchanged) == (0, 0, len(portfolio))
        assert list(iter_snapshots(ws)) == before
    finally:
        database.dispose()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": "Titre\x01caché"}, "title", "caractère de contrôle invisible"),
        ({"description": "fin\x0bsuite"}, "description", "caractère de contrôle invisible"),
        ({"tags": ("santé\ud800",)}, "tags", "caractère de contrôle invisible"),
        ({"partners": ("Ville de Metz; Région",)}, "partners", "« ; » sépare les éléments de la liste"),
    ],
)
def test_values_no_workbook_can_hold_are_refused_at_entry(sqlite_workspace, changes, field, message):
    """What could not come back from a workbook is refused when typed, with the field
    named and a French sentence; nothing is written."""
    fields = ProjectFields(title="Projet").with_changes(**changes)
    (error,) = [e for e in validate(fields) if e.field == field]
    assert message in error.message
    with pytest.raises(ValidationError) as caught:
        projects.create_project(sqlite_workspace, fields)
    assert caught.value.field == field
    assert list(iter_snapshots(sqlite_workspace)) == []


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", ".csv"])
@pytest.mark.parametrize("day", [date(1850, 3, 1), date(1900, 1, 1), date(1900, 2, 28), date(1, 1, 1)])
def test_dates_before_excel_date_cells_come_back(sqlite_workspace, tmp_path, suffix, day):
    """1850-03-01 was refused on re-import (« « 00:00:00 » n'est pas une date ») and
    1900-01-01 came back as 1900-01-02: dates a date cell cannot hold are written as
    ISO text in .xlsx and come back unchanged in every format."""
    projects.create_project(sqlite_workspace, ProjectFields(title="Ancien", start_date=day, end_date=day))
    before = list(iter_snapshots(sqlite_workspace))
    path = tmp_path / f"ancien{suffix}"
    _export(sqlite_workspace, path)
    report = exchange_import.import_file(sqlite_workspace, path)
    assert report.errors == [] and (report.updated, report.unchanged) == (0, 1)
    assert list(iter_snapshots(sqlite_workspace)) == before
