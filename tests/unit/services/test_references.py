"""Project references: ``CODE-YYYY-NNNN`` from the office code, the creation year and
a per-year sequence, never given twice."""

from __future__ import annotations

import re
import threading

from sqlalchemy import text, update

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.models import Project, utcnow
from labest_desktop.services import office, projects
from labest_desktop.services.project_store import next_reference
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database

YEAR = utcnow().year


def new(ws, title="Projet"):
    return projects.create_project(ws, ProjectFields(title=title))


def test_references_follow_code_year_and_sequence(workspace):
    """The first projects of the year are LAB-YYYY-0001, -0002, -0003 (default code LAB)."""
    refs = [new(workspace, f"P{i}").reference for i in range(3)]
    assert refs == [f"LAB-{YEAR}-0001", f"LAB-{YEAR}-0002", f"LAB-{YEAR}-0003"]
    assert all(re.fullmatch(r"[A-Z0-9]+-\d{4}-\d{4}", r) for r in refs)


def test_the_sequence_restarts_each_year(workspace):
    """Each year has its own sequence: the first number of a new year is 0001."""
    with workspace.unit_of_work() as uow:
        got = [
            next_reference(uow.session, "LAB", 2025),
            next_reference(uow.session, "LAB", 2025),
            next_reference(uow.session, "LAB", 2026),
            next_reference(uow.session, "LAB", 2025),
        ]
        uow.commit()
    assert got == ["LAB-2025-0001", "LAB-2025-0002", "LAB-2026-0001", "LAB-2025-0003"]


def test_the_office_code_prefixes_new_references(workspace):
    """After ``office.code`` is set to PREF67, new projects are PREF67-YYYY-NNNN with a
    sequence of their own; references already given do not change."""
    first = new(workspace, "Avant")
    assert office.set_value(workspace, office.OFFICE_CODE, "pref67") == "PREF67"
    second = new(workspace, "Après")
    assert first.reference == f"LAB-{YEAR}-0001"
    assert second.reference == f"PREF67-{YEAR}-0001"
    assert projects.get_project(workspace, first.id).reference == f"LAB-{YEAR}-0001"


def test_a_reference_already_taken_is_skipped(workspace):
    """A reference that already exists (kept from another office's workbook) is never
    given again: the sequence jumps over it."""
    first = new(workspace, "Premier")
    with workspace.unit_of_work() as uow:
        # As if an import had brought LAB-YYYY-0002 from a colleague's file.
        uow.session.execute(
            update(Project).where(Project.id == first.id).values(reference=f"LAB-{YEAR}-0002")
        )
        uow.commit()
    second = new(workspace, "Second")
    assert second.reference == f"LAB-{YEAR}-0003"


def test_references_are_unique_in_the_database(workspace):
    """The database itself refuses a second project with the same reference."""
    a = new(workspace, "A")
    b = new(workspace, "B")
    with workspace.database.engine.connect() as connection:
        trans = connection.begin()
        try:
            connection.execute(
                text("UPDATE project SET reference = :r WHERE id = :id"), {"r": a.reference, "id": b.id}
            )
        except Exception as exc:
            assert "unique" in str(exc).lower()
        else:
            raise AssertionError("a duplicate reference was accepted")
        finally:
            trans.rollback()


def test_two_sessions_creating_at_once_never_share_a_reference(workspace, tmp_path):
    """Two workspaces (two engines, as two windows or two agents on one server) creating
    projects at the same time get distinct references with no gap or error."""
    second_db = open_database(workspace.database.location, backups_folder=tmp_path / "b2")
    other = Workspace(second_db, "other-agent")
    start = threading.Barrier(2)
    made: list[str] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def create_many(ws: Workspace, label: str) -> None:
        try:
            start.wait()
            for i in range(8):
                ref = new(ws, f"{label} {i}").reference
                with lock:
                    made.append(ref)
        except BaseException as exc:  # reported below, the thread must not die silently
            failures.append(exc)

    threads = [
        threading.Thread(target=create_many, args=(workspace, "un")),
        threading.Thread(target=create_many, args=(other, "deux")),
    ]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    finally:
        second_db.dispose()
    assert not failures, [str(f) for f in failures]
    assert len(made) == 16
    assert sorted(made) == [f"LAB-{YEAR}-{n:04d}" for n in range(1, 17)]
