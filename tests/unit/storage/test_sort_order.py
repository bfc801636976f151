"""The portfolio list's sort, evaluated in the database: French order for text
(case and accents ignored) on both backends, NULLs last either way, the id as
tie-breaker, and the sort keys kept in step with the titles and contacts by every
writer (editor, import, demo, upgrade)."""

from __future__ import annotations

import sqlite3
import sys
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.models import Project
from labest_desktop.domain.vocab import Stage, Status
from labest_desktop.services import exchange_export, exchange_import, project_query, projects
from labest_desktop.services.demo import load_demo
from labest_desktop.services.project_query import SORT_COLUMNS, ProjectFilter
from labest_desktop.services.snapshots import column_values
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location
from labest_desktop.storage.search import sort_key

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

TITLES = ["Zone d'activité", "Évaluation des politiques", "école numérique", "Abeilles urbaines",
          "Œuvres en préfecture", "« Labo ouvert »", "ÉCOLE du soir", "eau potable"]
FRENCH_ORDER = ["Abeilles urbaines", "eau potable", "ÉCOLE du soir", "école numérique",
                "Évaluation des politiques", "« Labo ouvert »", "Œuvres en préfecture", "Zone d'activité"]


def titles(ws, sort: str, descending: bool = False, **filters) -> list[str]:
    ids = project_query.project_ids(ws, ProjectFilter(**filters), sort, descending)
    by_id = project_query.rows(ws, ids)
    return [by_id[i].title for i in ids]


def stored_keys(ws) -> list[tuple[str, str | None, str, str | None]]:
    with ws.reading() as session:
        return list(session.execute(select(Project.title, Project.contact, Project.title_key, Project.contact_key)))


def assert_keys_in_step(ws) -> None:
    rows = stored_keys(ws)
    assert rows
    for title, contact, title_key, contact_key in rows:
        assert title_key == sort_key(title), title
        assert contact_key == sort_key(contact), contact


def test_sort_key_is_french_order():
    """Case and accents are ignored, œ is spelled out, leading quotes are skipped."""
    assert sorted(TITLES, key=sort_key) == FRENCH_ORDER
    assert sort_key("Évaluation") < sort_key("Zone") and sort_key("école") < sort_key("Étang")
    assert sort_key(None) is None and sort_key("«»") == "«»"


def test_titles_sort_in_french_order_on_both_backends(workspace):
    """Sorting by title puts "Évaluation" between "eau" and "Zone", ascending and
    descending (ties kept by id), on SQLite and PostgreSQL alike; a search keeps the
    same order."""
    for title in TITLES:
        projects.create_project(workspace, ProjectFields(title=title))
    assert titles(workspace, "title") == FRENCH_ORDER
    assert titles(workspace, "title", True) == FRENCH_ORDER[::-1]
    assert titles(workspace, "title", search="ecole") == ["ÉCOLE du soir", "école numérique"]


def test_contacts_sort_in_french_order_with_empty_ones_last(workspace):
    contacts = ["Zoé Martin", None, "Élodie Muller", "agnès Weber", None, "Bruno Petit"]
    for index, contact in enumerate(contacts):
        projects.create_project(workspace, ProjectFields(title=f"Projet {index}", contact=contact))
    ids = project_query.project_ids(workspace, ProjectFilter(), "contact")
    rows = project_query.rows(workspace, ids)
    assert [rows[i].contact for i in ids] == ["agnès Weber", "Bruno Petit", "Élodie Muller", "Zoé Martin", None, None]
    ids = project_query.project_ids(workspace, ProjectFilter(), "contact", True)
    assert [rows[i].contact for i in ids] == ["Zoé Martin", "Élodie Muller", "Bruno Petit", "agnès Weber", None, None]
    nulls = [i for i in ids if rows[i].contact is None]
    assert nulls == sorted(nulls, reverse=True)  # the id breaks ties, reversed too


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory):
    """A demo portfolio with a few projects deleted and a few fields emptied, so that
    every sort meets NULLs, deleted rows and ties."""
    folder = tmp_path_factory.mktemp("sort")
    database = open_database(sqlite_location(folder / "demo.sqlite3"), backups_folder=folder / "backups")
    ws = Workspace(database, "test")
    load_demo(ws, projects=300, seed=7)
    some = project_query.project_ids(ws)[::17]
    for pid in some[:5]:
        projects.set_deleted(ws, pid, True)
    for pid in some[5:]:
        view = projects.get_project(ws, pid)
        projects.update_project(ws, pid, replace(view.fields, contact=None, budget=None, lead=None), view.version)
    yield ws
    database.dispose()


@pytest.mark.parametrize("sort", sorted(SORT_COLUMNS))
def test_the_fast_sqlite_order_is_the_reference_order(demo_database, sort):
    """On SQLite the ids are read in parts from partial indexes; whatever the sort,
    direction and filter, they come out exactly as the single ORDER BY query says."""
    ws = demo_database
    filters = [
        ProjectFilter(),
        ProjectFilter(search="mob"),
        ProjectFilter(search="p", stages=frozenset({str(Stage.PROTOTYPE)})),
        ProjectFilter(search="e"),  # nearly every project
        ProjectFilter(search="mob num"),  # every word must match
        ProjectFilter(search="kwyjibo"),  # nothing
        ProjectFilter(statuses=frozenset({str(Status.ACTIVE)}), departments=frozenset({"67", "57"})),
        ProjectFilter(include_deleted=True),
    ]
    for flt in filters:
        for descending in (False, True):
            with ws.reading() as session:
                expected = list(session.scalars(project_query.ids_query(flt, "sqlite", sort, descending)))
            assert project_query.project_ids(ws, flt, sort, descending) == expected, (flt, descending)
            assert len(expected) == project_query.count(ws, flt)


def test_the_sorted_ids_are_read_from_indexes_only(demo_database):
    """No sort part reads the project rows themselves nor sorts them afterwards: each
    is walked in order on a partial index (what keeps 100,000 projects under 200 ms)."""
    ws = demo_database
    with ws.reading() as session:
        connection = session.connection()
        for sort in SORT_COLUMNS:
            for descending in (False, True):
                for statement in project_query._segments(session, ProjectFilter(), sort, descending, "sqlite"):
                    sql = str(statement.compile(compile_kwargs={"literal_binds": True}))
                    plan = " | ".join(r[3] for r in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
                    assert "ix_project_live_" in plan, (sort, plan)
                    assert "TEMP B-TREE" not in plan or sort in ("stage", "status"), (sort, plan)


def test_the_editor_keeps_the_sort_keys(workspace):
    view = projects.create_project(workspace, ProjectFields(title="Zone bleue", contact="Élodie"))
    projects.update_project(workspace, view.id, replace(view.fields, title="Étang", contact=None), view.version)
    assert stored_keys(workspace) == [("Étang", None, "etang", None)]


def test_an_import_keeps_the_sort_keys(sqlite_workspace, tmp_path):
    """Rows created and rows changed by an import get their sort keys."""
    ws = sqlite_workspace
    view = projects.create_project(ws, ProjectFields(title="Zone bleue", contact="Zoé"))
    path = tmp_path / "out.xlsx"
    exchange_export.export_workbook(ws, path)
    book = openpyxl.load_workbook(path)
    sheet = book["Projets"]
    headers = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=headers.index("Titre") + 1).value = "Évaluation"
    sheet.cell(row=2, column=headers.index("Responsable") + 1).value = "Émile"
    new_row = [None] * len(headers)
    new_row[headers.index("Titre")] = "Œuvres"
    new_row[headers.index("Responsable")] = "Àlice"
    sheet.append(new_row)
    book.save(path)
    report = exchange_import.import_file(ws, path)
    assert (report.created, report.updated) == (1, 1), report.errors
    assert_keys_in_step(ws)
    assert ("Évaluation", "Émile", "evaluation", "emile") in stored_keys(ws)
    assert titles(ws, "title") == ["Évaluation", "Œuvres"] and view.id


def test_the_bulk_writers_fill_the_sort_keys(sqlite_workspace):
    """The demo writes its rows without the ORM, and the import through
    ``column_values``: both give the keys the editor's hook gives."""
    load_demo(sqlite_workspace, projects=40, seed=3)
    assert_keys_in_step(sqlite_workspace)
    values = column_values({"title": "Éole", "stage": "ideation", "status": "active", "contact": "Ève"}, {}, {})
    assert (values["title_key"], values["contact_key"]) == ("eole", "eve")


sys.path.insert(0, str(FIXTURES))
import make_schema_fixtures as made  # noqa: E402


@pytest.mark.parametrize("revision", made.earlier_revisions())
def test_an_upgraded_database_has_sort_keys_and_indexes(tmp_path, monkeypatch, revision):
    """Databases left by releases at schema 0001 and 0002 get their sort keys filled
    and the partial indexes, and sort in French order at once."""
    monkeypatch.setenv("LABEST_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / f"office-{revision}.sqlite3"
    path.write_bytes(made.fixture_path(revision).read_bytes())
    database = open_database(sqlite_location(path), backups_folder=tmp_path / "backups")
    try:
        ws = Workspace(database, "test")
        assert_keys_in_step(ws)
        expected = sorted((p[3] for p in made.PROJECTS if p[20] is None), key=sort_key)
        assert titles(ws, "title") == expected
        assert titles(ws, "title")[0] == "Accueil à l'Hôtel de Région"
    finally:
        database.dispose()
    db = sqlite3.connect(path)
    try:
        indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        db.close()
    assert {f"ix_project_live_{c}" for c in ("title_key", "contact_key", "reference", "stage")} <= indexes
