"""The merge base survives hops between offices (docs/exchange-format.md, "How
import merges"): each row carries its fingerprint and its ancestry, an import that
takes a row whole keeps the row's fingerprint, and the importer takes the newest
version named by the row that it holds. Real SQLite files, real workbooks."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.fingerprints import fingerprint, fingerprint_v1
from labest_desktop.domain.models import Project, ProjectRevision
from labest_desktop.exchange.columns import PROJECT_COLUMNS
from labest_desktop.exchange.workbook import read_exchange_file
from labest_desktop.services import exchange_export, exchange_import, office, projects
from labest_desktop.services.project_query import iter_snapshots
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location


@pytest.fixture
def offices(tmp_path):
    """Two offices, each with its own SQLite file and office code."""
    opened = []

    def make(code: str) -> Workspace:
        database = open_database(sqlite_location(tmp_path / f"{code}.sqlite3"), backups_folder=tmp_path / f"bk-{code}")
        ws = Workspace(database, f"agent-{code}")
        office.set_value(ws, office.OFFICE_CODE, code)
        opened.append(database)
        return ws

    yield make
    for database in opened:
        database.dispose()


def export(ws: Workspace, path: Path) -> Path:
    exchange_export.export_workbook(ws, path)
    return path


def by_uid(ws: Workspace) -> dict[str, dict]:
    return {s["uid"]: s for s in iter_snapshots(ws)}


def edit(ws: Workspace, uid: str, **changes) -> None:
    """An edit made here through the editor's service."""
    with ws.reading() as session:
        project_id = session.scalar(select(Project.id).where(Project.uid == uid))
    view = projects.get_project(ws, project_id)
    projects.update_project(ws, project_id, view.fields.with_changes(**changes), expected_version=view.version)


def seed(ws: Workspace) -> str:
    view = projects.create_project(
        ws,
        ProjectFields(title="Guichet unique des aides", lead="Préfecture de la Marne", budget=Decimal("1000.00")),
    )
    with ws.reading() as session:
        return session.scalar(select(Project.uid).where(Project.id == view.id))


def test_exported_rows_carry_fingerprint_and_ancestry(offices, tmp_path):
    """The ``Projets`` sheet has the hidden ``Empreintes antérieures`` column: the
    fingerprints of the project's earlier revisions, newest first; the workbook says
    format 2."""
    a = offices("AAA")
    uid = seed(a)
    edit(a, uid, title="Guichet unique des aides, v2")
    path = export(a, tmp_path / "a.xlsx")
    parsed = read_exchange_file(path)
    assert parsed.meta["format_version"] == "2"
    [row] = parsed.projects.records
    with a.reading() as session:
        stored = list(session.scalars(
            select(ProjectRevision.fingerprint).order_by(ProjectRevision.number.desc())
        ))
    assert row.fingerprint == fingerprint(by_uid(a)[uid]) == stored[0]
    assert row.ancestry == stored[1:]
    sheet = openpyxl.load_workbook(path)["Projets"]
    headers = [c.value for c in sheet[1]]
    assert headers[-2:] == ["Empreinte", "Empreintes antérieures"]
    letter = openpyxl.utils.get_column_letter(len(headers))
    assert sheet.column_dimensions[letter].hidden
    assert PROJECT_COLUMNS[-1].key == "ancestry"


def test_the_base_survives_a_hop(offices, tmp_path):
    """Problem 3 of issue #11: A exports, B imports; A changes the budget, B the title;
    each side's fresh export imported at the other merges without a conflict (the
    base is found through the ancestry), and both end with both changes."""
    a, b = offices("AAA"), offices("BBB")
    uid = seed(a)
    assert exchange_import.import_file(b, export(a, tmp_path / "a0.xlsx")).created == 1
    edit(a, uid, budget=Decimal("777.00"))
    edit(b, uid, title="Titre revu à Châlons")
    from_b = exchange_import.import_file(a, export(b, tmp_path / "b1.xlsx"))
    from_a = exchange_import.import_file(b, export(a, tmp_path / "a1.xlsx"))
    assert from_b.conflicts == [] and from_a.conflicts == []
    assert from_b.updated == from_a.updated == 1
    for ws in (a, b):
        project = by_uid(ws)[uid]
        assert (project["title"], project["budget"]) == ("Titre revu à Châlons", "777.00")
    # Both offices now hold the same content under the same fingerprint.
    assert fingerprint(by_uid(a)[uid]) == fingerprint(by_uid(b)[uid])


def test_an_import_that_takes_the_row_whole_keeps_its_fingerprint(offices, tmp_path):
    """The revision written by an import that took a row as it is stores the row's
    fingerprint, so a third office finds that version by the same print."""
    a, b = offices("AAA"), offices("BBB")
    seed(a)
    path = export(a, tmp_path / "a.xlsx")
    [row] = read_exchange_file(path).projects.records
    exchange_import.import_file(b, path)
    with b.reading() as session:
        [stored] = session.scalars(select(ProjectRevision.fingerprint))
    assert stored == row.fingerprint


def test_conflict_only_where_both_sides_changed_after_three_hops(offices, tmp_path):
    """A → B → C, then A and C both edit: C's file at A finds the base through the
    version B took from A (C holds it only by fingerprint of content), and only the
    field both changed is a conflict, with the base value shown."""
    a, b, c = offices("AAA"), offices("BBB"), offices("CCC")
    uid = seed(a)
    exchange_import.import_file(b, export(a, tmp_path / "a0.xlsx"))
    exchange_import.import_file(c, export(b, tmp_path / "b0.xlsx"))
    edit(a, uid, title="Titre A", contact="Mme Adam")
    edit(c, uid, title="Titre C", budget=Decimal("5.00"))
    report = exchange_import.import_file(a, export(c, tmp_path / "c1.xlsx"))
    assert [(x["field"], x["base"], x["mine"], x["theirs"]) for x in report.conflicts] == [
        ("title", "Guichet unique des aides", "Titre A", "Titre C")
    ]
    assert not report.applied
    settled = exchange_import.import_file(a, tmp_path / "c1.xlsx", on_conflict="theirs")
    assert settled.applied
    project = by_uid(a)[uid]
    assert (project["title"], project["contact"], project["budget"]) == ("Titre C", "Mme Adam", "5.00")


def test_a_format_1_file_still_finds_its_base(offices, tmp_path):
    """A workbook written by the previous release (format 1: the old digest, no
    ancestry column) still merges three-way: its print is the format-1 digest of a
    revision held here."""
    a = offices("AAA")
    uid = seed(a)
    path = export(a, tmp_path / "old.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Projets"]
    headers = [c.value for c in sheet[1]]
    old_print = fingerprint_v1(by_uid(a)[uid])
    sheet.cell(row=2, column=headers.index("Empreinte") + 1).value = old_print
    sheet.cell(row=2, column=headers.index("Titre") + 1).value = "Titre changé dans le fichier"
    sheet.delete_cols(headers.index("Empreintes antérieures") + 1)
    book["_labest"]["B2"].value = "1"
    book.save(path)
    edit(a, uid, contact="M. Ici")  # changed here since the export
    report = exchange_import.import_file(a, path)
    assert report.conflicts == [] and report.updated == 1
    project = by_uid(a)[uid]
    assert (project["title"], project["contact"]) == ("Titre changé dans le fichier", "M. Ici")


def test_a_row_without_any_known_print_asks_about_every_difference(offices, tmp_path):
    """No version in common (prints unknown here): every differing field is a
    conflict with no base, as before."""
    a = offices("AAA")
    uid = seed(a)
    path = export(a, tmp_path / "a.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Projets"]
    headers = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=headers.index("Empreinte") + 1).value = "f" * 32
    sheet.cell(row=2, column=headers.index("Empreintes antérieures") + 1).value = "e" * 32 + " pas-une-empreinte"
    sheet.cell(row=2, column=headers.index("Titre") + 1).value = "Autre titre"
    book.save(path)
    report = exchange_import.import_file(a, path)
    assert [(x["field"], x["base"]) for x in report.conflicts] == [("title", None)]
    assert by_uid(a)[uid]["title"] == "Guichet unique des aides"


def test_crossed_histories_are_asked_not_kept_for_ever():
    """Each office holds the other's current version as an older one of its own (the
    same content reached twice by different paths): which side is ahead cannot be
    told, so there is no base and the differences are asked; otherwise each office
    would keep its own value at every exchange (found by the simulation)."""
    from labest_desktop.services.import_plan import crossed_histories

    assert crossed_histories("x", ["x", "y", "z"], ("y", "v1"))  # row's own held here, ours in its ancestry
    assert not crossed_histories("y", ["x", "y", "z"], ("y", "v1"))  # ours is the base: the file is ahead
    assert not crossed_histories("x", ["x", "z"], ("y", "v1"))  # the file never saw ours: we are ahead
    assert not crossed_histories("y", ["y", "x"], ("y", "v1"))  # the row is our current version
