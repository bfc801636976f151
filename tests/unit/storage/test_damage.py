"""A file at the database path that is not a healthy Lab'EST database is reported and
never overwritten or "repaired": its bytes are the same after every attempt."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from labest_desktop.domain.errors import StorageError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import projects
from labest_desktop.services.maintenance import check_database
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.damage import DamagedDatabaseError, ForeignDatabaseError, header_problem
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location
from labest_desktop.storage.schema import current_revision


def healthy_database(path: Path, projects_count: int = 30) -> bytes:
    """A Lab'EST database with some projects, checkpointed into the main file."""
    database = open_database(sqlite_location(path), backups_folder=path.parent / "backups")
    ws = Workspace(database, "test-agent")
    for i in range(projects_count):
        projects.create_project(ws, ProjectFields(title=f"Projet {i}", description="x" * 2000))
    database.dispose()
    return path.read_bytes()


def truncated(tmp_path) -> Path:
    path = tmp_path / "labest.sqlite3"
    whole = healthy_database(path)
    assert len(whole) > 8192
    path.write_bytes(whole[: len(whole) // 2])
    return path


def garbage(tmp_path) -> Path:
    path = tmp_path / "labest.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 50)
    return path


def short_header(tmp_path) -> Path:
    path = tmp_path / "labest.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00")
    return path


DAMAGED = {"truncated": truncated, "garbage": garbage, "short-header": short_header}


@pytest.mark.parametrize("make", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_file_is_refused_and_left_untouched(tmp_path, make):
    """Opening a truncated file, a file of garbage or a cut-off header raises
    ``DamagedDatabaseError`` saying what is wrong and how to restore; the file's bytes
    are unchanged and no journal file is created beside it."""
    path = make(tmp_path)
    before = path.read_bytes()
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(sqlite_location(path), backups_folder=tmp_path / "backups")
    message = caught.value.message
    assert str(path) in message
    assert "n'a pas été modifiée" in message
    assert "labest restore" in message
    assert path.read_bytes() == before
    assert not Path(str(path) + "-wal").exists()


def test_header_problems_say_what_is_wrong(tmp_path):
    """The header check names the kind of damage in the user's language."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert header_problem(garbage(tmp_path / "a")) == "ce n'est pas une base SQLite"
    problem = header_problem(truncated(tmp_path / "b"))
    assert problem is not None and problem.startswith("fichier tronqué : ")
    assert header_problem(tmp_path / "absent.sqlite3") is not None


def test_a_healthy_file_has_no_header_problem(tmp_path):
    path = tmp_path / "labest.sqlite3"
    healthy_database(path, projects_count=1)
    assert header_problem(path) is None


def test_an_empty_file_is_a_new_database(tmp_path):
    """An empty file holds nothing to lose: SQLite treats it as a new database, and so
    does Lab'EST (the schema is created in it)."""
    path = tmp_path / "labest.sqlite3"
    path.touch()
    assert header_problem(path) is None
    database = open_database(sqlite_location(path), backups_folder=tmp_path / "backups")
    try:
        assert current_revision(database.engine) is not None
        projects.create_project(Workspace(database, "a"), ProjectFields(title="Premier"))
    finally:
        database.dispose()


def test_a_file_damaged_inside_is_reported_without_being_repaired(tmp_path):
    """A file whose header is fine but whose pages are overwritten is reported by
    ``check`` (integrity) and refused or reported on opening; its bytes do not change."""
    path = tmp_path / "labest.sqlite3"
    whole = bytearray(healthy_database(path))
    page = 4096
    for start in range(2 * page, len(whole) - page, 3 * page):
        whole[start + 8 : start + page] = b"\xde\xad\xbe\xef" * ((page - 8) // 4)
    path.write_bytes(bytes(whole))
    before = path.read_bytes()
    report = check_database(sqlite_location(path))
    assert not report.ok
    assert report.problems
    assert path.read_bytes() == before
    try:
        database = open_database(sqlite_location(path), backups_folder=tmp_path / "backups")
    except StorageError:
        pass
    else:
        database.dispose()
    assert path.read_bytes() == before


def test_check_reports_a_truncated_file_and_leaves_it(tmp_path):
    """``check`` names the damage of a truncated file and changes nothing."""
    path = truncated(tmp_path)
    before = path.read_bytes()
    report = check_database(sqlite_location(path))
    assert not report.ok
    assert any("tronqué" in p for p in report.problems)
    assert path.read_bytes() == before


def test_check_of_a_healthy_database(tmp_path):
    """``check`` of a sound database at head: no problem, schema and integrity lines."""
    path = tmp_path / "labest.sqlite3"
    healthy_database(path, projects_count=2)
    report = check_database(sqlite_location(path))
    assert report.ok, report.problems
    assert any(line.startswith("Schéma : ") and "à jour" in line for line in report.lines)
    assert "Intégrité : correcte" in report.lines


def test_check_reports_a_broken_link(tmp_path):
    """A row pointing to a missing parent (foreign_key_check) is a problem for check."""
    path = tmp_path / "labest.sqlite3"
    healthy_database(path, projects_count=1)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute(
            "INSERT INTO note (project_id, created_at, author, text) VALUES (999, '2026-01-01', 'x', 'orpheline')"
        )
    connection.close()
    report = check_database(sqlite_location(path))
    assert not report.ok
    assert any("note" in p and "project" in p for p in report.problems)


def test_another_applications_database_is_reported_by_check_and_untouched(tmp_path):
    """``check`` on another application's database says so and leaves it as it was."""
    path = tmp_path / "contacts.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    report = check_database(sqlite_location(path))
    assert not report.ok
    assert any("autre application" in p for p in report.problems)
    assert path.read_bytes() == before
    with pytest.raises(ForeignDatabaseError):
        open_database(sqlite_location(path), backups_folder=tmp_path / "backups")
    assert path.read_bytes() == before


def test_check_of_a_missing_database(tmp_path):
    """``check`` of a path with no file says it does not exist, and creates nothing."""
    path = tmp_path / "absent.sqlite3"
    report = check_database(sqlite_location(path))
    assert not report.ok
    assert "n'existe pas" in report.problems[0]
    assert not path.exists()
