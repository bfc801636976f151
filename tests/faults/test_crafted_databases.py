"""Crafted SQLite files, opened and restored: each refused in one sentence, before
anything is run or written, with the live database and the crafted file unchanged.

Genuine Lab'EST databases altered the ways an attacker or a hurried IT person would:
SQL hidden in triggers and views, tables and columns added, removed or retyped,
indexes dropped or rewritten, a header that declares terabytes of pages.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from labest_desktop.domain.errors import StorageError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import projects
from labest_desktop.services.maintenance import check_database
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.backup import NotABackupError, restore_sqlite
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location
from tests.faults import hostile
from tests.faults.campaign import cli

CRAFTED = {
    "trigger renaming every project": [
        "CREATE TRIGGER t AFTER UPDATE ON project BEGIN UPDATE project SET title = 'x' WHERE id != new.id; END"
    ],
    "trigger on insert emptying revisions": [
        "CREATE TRIGGER t2 AFTER INSERT ON note BEGIN DELETE FROM project_revision; END"
    ],
    "view over projects": ["CREATE VIEW everything AS SELECT * FROM project"],
    "table added": ["CREATE TABLE exfiltrate (data BLOB)"],
    "column dropped": ["ALTER TABLE project DROP COLUMN description"],
    "column added": ["ALTER TABLE project ADD COLUMN extra TEXT"],
    "column retyped, NOT NULL dropped": [
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = replace(sql, 'text TEXT NOT NULL', 'text BLOB') WHERE name = 'note'",
    ],
    "foreign key removed": [
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = replace(sql, 'REFERENCES project (id) ON DELETE CASCADE', "
        "'REFERENCES organisation (id)') WHERE name = 'note'",
    ],
    "index dropped": ["DROP INDEX ix_project_live_updated_at"],
    "index rewritten": [
        "DROP INDEX ix_project_live_updated_at",
        "CREATE INDEX ix_project_live_updated_at ON project (title)",
    ],
    "search trigger rewritten": [
        "DROP TRIGGER project_fts_insert",
        "CREATE TRIGGER project_fts_insert AFTER INSERT ON project BEGIN DELETE FROM stage_decision; END",
    ],
    "note table replaced by a view": [
        "ALTER TABLE note RENAME TO note_old",
        "CREATE VIEW note AS SELECT * FROM note_old",
    ],
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def genuine(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("genuine")
    path = folder / "labest.sqlite3"
    ws = Workspace(open_database(sqlite_location(path), backups_folder=folder / "b"), "test-agent")
    for i in range(5):
        projects.create_project(ws, ProjectFields(title=f"Projet {i}"))
    ws.database.dispose()
    return path


def crafted_files(genuine: Path, folder: Path) -> dict[str, Path]:
    made = {name: hostile.with_statements(genuine, folder / f"{i}.sqlite3", *sql)
            for i, (name, sql) in enumerate(CRAFTED.items())}
    made["huge page count"] = hostile.huge_page_count(genuine, folder / "huge.sqlite3")
    return made


def test_every_crafted_database_is_refused_on_opening_and_by_check(genuine, tmp_path):
    refused_in = []
    for name, path in crafted_files(genuine, tmp_path).items():
        before = digest(path)
        started = time.perf_counter()
        with pytest.raises(StorageError) as caught:
            open_database(sqlite_location(path), backups_folder=tmp_path / "b")
        refused_in.append(time.perf_counter() - started)
        assert "\n" not in caught.value.message, name
        report = check_database(sqlite_location(path))
        assert not report.ok, name
        assert digest(path) == before, name
    assert max(refused_in) < 5


def test_every_crafted_database_is_refused_as_a_backup(genuine, tmp_path):
    live = tmp_path / "live.sqlite3"
    live.write_bytes(genuine.read_bytes())
    before = digest(live)
    for name, path in crafted_files(genuine, tmp_path).items():
        crafted = digest(path)
        with pytest.raises(NotABackupError) as caught:
            restore_sqlite(path, live, tmp_path / "b")
        assert "Rien n'a été restauré" in caught.value.message and "\n" not in caught.value.message, name
        assert digest(live) == before and digest(path) == crafted, name
    assert not (tmp_path / "b").exists()


def test_the_commands_refuse_a_hidden_trigger_in_one_line(genuine, tmp_path):
    """``labest check`` exits 1 naming the trigger; ``labest restore`` exits 1, live unchanged."""
    path = hostile.with_statements(genuine, tmp_path / "piégé.sqlite3", CRAFTED["trigger renaming every project"][0])
    done = cli(path, tmp_path / "data", "check")
    assert done.returncode == 1 and "« t »" in done.stdout + done.stderr
    live = tmp_path / "live.sqlite3"
    live.write_bytes(genuine.read_bytes())
    before = digest(live)
    done = cli(live, tmp_path / "data", "restore", str(path))
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert digest(live) == before
