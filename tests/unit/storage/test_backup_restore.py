"""Backups with SQLite's online backup API and restores that check before replacing:
consistent copies while others write, the newest 20 kept, the current database
saved (or set aside when damaged, never deleted) before a restore."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import maintenance, project_query, projects
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage import backup as backups
from labest_desktop.storage.database import ServerBackupUnsupported, open_database
from labest_desktop.storage.location import sqlite_location


def count_projects(path: Path) -> int:
    connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM project").fetchone()[0]
    finally:
        connection.close()


def add(ws: Workspace, n: int, prefix: str = "Projet") -> None:
    for i in range(n):
        projects.create_project(ws, ProjectFields(title=f"{prefix} {i}"))


def test_a_backup_is_a_sound_copy_with_the_committed_data(sqlite_workspace, tmp_path):
    """``backup`` writes a time-stamped, integrity-checked copy to the backups folder."""
    add(sqlite_workspace, 3)
    made = sqlite_workspace.database.backup()
    assert made.parent == tmp_path / "backups"
    assert made.name.startswith("labest-") and made.name.endswith("-manual.sqlite3")
    assert backups.integrity_problem(made) is None
    assert count_projects(made) == 3
    assert not list(made.parent.glob("*.partial"))


def test_a_backup_while_another_connection_writes(sqlite_workspace):
    """A backup taken while another program holds an open write transaction succeeds
    and holds the committed data only; a backup taken while rows are being committed
    in a loop is always sound."""
    add(sqlite_workspace, 2)
    writer = sqlite3.connect(sqlite_workspace.database.location.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO setting (key, value) VALUES ('uncommitted', 'x')"
    )
    try:
        during = sqlite_workspace.database.backup()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert backups.integrity_problem(during) is None
    with sqlite3.connect(during) as connection:
        assert connection.execute("SELECT count(*) FROM setting WHERE key = 'uncommitted'").fetchone() == (0,)
    connection.close()

    stop = threading.Event()
    errors: list[BaseException] = []

    def keep_writing() -> None:
        i = 0
        try:
            while not stop.is_set():
                projects.create_project(sqlite_workspace, ProjectFields(title=f"Concurrent {i}"))
                i += 1
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        made = [sqlite_workspace.database.backup(reason=f"loop{i}") for i in range(5)]
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not errors
    counts = [count_projects(p) for p in made]
    assert counts == sorted(counts)
    assert all(backups.integrity_problem(p) is None for p in made)


def test_only_the_newest_twenty_backups_are_kept(sqlite_workspace, tmp_path):
    """After more than 20 backups in the backups folder, the oldest are deleted and
    the newest 20 kept."""
    made = [sqlite_workspace.database.backup(reason=f"n{i:02d}") for i in range(23)]
    for age, path in enumerate(reversed(made)):
        if path.exists():
            os.utime(path, (1_700_000_000 - age, 1_700_000_000 - age))
    kept = backups.list_backups(tmp_path / "backups")
    assert len(kept) == 20
    assert set(kept) == set(made[-20:])


def test_prune_removes_the_oldest_by_time(tmp_path):
    """Pruning keeps the ``keep`` most recent files by modification time, and ignores
    files that are not backups."""
    folder = tmp_path / "backups"
    folder.mkdir()
    for i in range(25):
        path = folder / f"labest-2026-{i:02d}.sqlite3"
        path.write_bytes(b"x")
        os.utime(path, (1_700_000_000 + i, 1_700_000_000 + i))
    (folder / "notes.txt").write_text("mine")
    removed = backups.prune(folder, keep=20)
    assert sorted(p.name for p in removed) == [f"labest-2026-{i:02d}.sqlite3" for i in range(5)]
    assert len(backups.list_backups(folder)) == 20
    assert (folder / "notes.txt").exists()


def test_a_backup_to_a_chosen_file_or_folder(sqlite_workspace, tmp_path):
    """``backup DEST`` writes to the named file, or into the named folder."""
    add(sqlite_workspace, 1)
    file = sqlite_workspace.database.backup(tmp_path / "usb" / "copie.sqlite3")
    assert file == tmp_path / "usb" / "copie.sqlite3"
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    inside = sqlite_workspace.database.backup(folder)
    assert inside.parent == folder and inside.name.startswith("labest-")
    assert count_projects(file) == count_projects(inside) == 1


def test_server_databases_are_not_backed_up_by_the_application(tmp_path):
    """A PostgreSQL database is backed up on the server: the command says so."""
    from labest_desktop.storage.location import server_location

    location = server_location("postgresql://user@server.invalid/labest")
    with pytest.raises(ServerBackupUnsupported) as caught:
        maintenance.backup_database(location)
    assert "pg_dump" in caught.value.message


# --- restore ----------------------------------------------------------------------


@pytest.fixture
def saved(sqlite_workspace):
    """A backup holding two projects, taken before a third was added."""
    add(sqlite_workspace, 2, "Sauvé")
    made = sqlite_workspace.database.backup(reason="point")
    add(sqlite_workspace, 1, "Après")
    sqlite_workspace.database.dispose()
    return made


def test_restore_replaces_the_database_after_backing_up_the_current_one(sqlite_workspace, saved, tmp_path):
    """Restoring puts the backup's content in place and first writes a backup of the
    current database (with its three projects) to the backups folder."""
    location = sqlite_workspace.database.location
    previous = backups.restore_sqlite(saved, location.path, tmp_path / "backups")
    assert previous is not None and "before-restore" in previous.name
    assert count_projects(previous) == 3
    assert count_projects(location.path) == 2
    reopened = open_database(location, backups_folder=tmp_path / "backups")
    try:
        assert project_query.count(Workspace(reopened, "a")) == 2
    finally:
        reopened.dispose()


def test_restore_through_the_maintenance_service(sqlite_workspace, saved, isolated_data_dir):
    """``maintenance.restore_database`` keeps the previous database in the data
    folder's backups."""
    location = sqlite_workspace.database.location
    previous = maintenance.restore_database(location, saved)
    assert previous.parent == isolated_data_dir / "backups"
    assert count_projects(location.path) == 2


def test_a_damaged_current_database_is_set_aside_not_deleted(sqlite_workspace, saved, tmp_path):
    """When the current database is damaged, restore moves it aside under a
    ``.damaged-…`` name, byte for byte, then restores."""
    location = sqlite_workspace.database.location
    location.path.write_bytes(b"garbage " * 1000)
    for suffix in ("-wal", "-shm"):
        Path(str(location.path) + suffix).unlink(missing_ok=True)
    previous = backups.restore_sqlite(saved, location.path, tmp_path / "backups")
    assert previous is not None and ".damaged-" in previous.name
    assert previous.read_bytes() == b"garbage " * 1000
    assert count_projects(location.path) == 2


@pytest.mark.parametrize(
    "content",
    [b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 84],
    ids=["garbage", "header-only"],
)
def test_restoring_a_bad_file_is_refused_and_changes_nothing(sqlite_workspace, saved, tmp_path, content):
    """A backup that fails its integrity check is refused with ``NotABackupError``;
    the current database is untouched and no backup of it is made."""
    location = sqlite_workspace.database.location
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    before = location.path.read_bytes()
    listed = backups.list_backups(tmp_path / "backups")
    with pytest.raises(backups.NotABackupError) as caught:
        backups.restore_sqlite(bad, location.path, tmp_path / "backups")
    assert str(bad) in caught.value.message
    assert "Rien n'a été restauré" in caught.value.message
    assert location.path.read_bytes() == before
    assert backups.list_backups(tmp_path / "backups") == listed


def test_restoring_a_missing_file_is_refused(sqlite_workspace, tmp_path):
    with pytest.raises(backups.NotABackupError) as caught:
        backups.restore_sqlite(tmp_path / "absent.sqlite3", sqlite_workspace.database.location.path, tmp_path)
    assert "fichier introuvable" in caught.value.message


def test_newest_good_backup_skips_damaged_ones(sqlite_workspace, tmp_path):
    """The backup offered after damage is the newest one that passes the check."""
    good = sqlite_workspace.database.backup(reason="good")
    bad = sqlite_workspace.database.backup(reason="bad")
    bad.write_bytes(b"broken" * 100)
    os.utime(good, (1_700_000_000, 1_700_000_000))
    os.utime(bad, (1_700_000_100, 1_700_000_100))
    assert backups.newest_good_backup(tmp_path / "backups") == good


def test_restore_into_a_missing_database_path(tmp_path, saved):
    """Restoring where no database exists yet simply puts the backup there."""
    target = tmp_path / "new" / "labest.sqlite3"
    target.parent.mkdir()
    assert backups.restore_sqlite(saved, target, tmp_path / "backups") is None
    assert count_projects(target) == 2
    assert sqlite_location(target).path == target.resolve()
