"""Restore while another process keeps the database open, as the window does.

Before: ``labest restore`` replaced the file and deleted its ``-wal``; a process that
had the database open went on saving into the replaced file, every save reported as
done and none of them in the database. Now the backup goes in through SQLite's
backup API under the database's write lock: the other process's connections stay on
the same file, a save made after the restore lands in it, and a save built on what
was read before the restore is refused as stale.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import projects
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.backup import RestoreBusyError, restore_sqlite
from labest_desktop.storage.database import DatabaseReplacedError, open_database
from labest_desktop.storage.location import sqlite_location
from tests.faults.campaign import ROOT, cli

# A process that keeps one workspace open between commands read on stdin:
# "save ID TITLE" saves from the version it read earlier ("read ID" reads it),
# "fresh ID TITLE" reads the project again then saves, "get ID" prints the title.
HOLDER = textwrap.dedent(
    """
    import sys
    from labest_desktop.domain.errors import LabestError
    from labest_desktop.services import projects
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import sqlite_location

    ws = Workspace(open_database(sqlite_location(sys.argv[1])), "holder")
    seen = {}
    print("READY", flush=True)
    for line in sys.stdin:
        verb, pid, *rest = line.split(maxsplit=2)
        pid = int(pid)
        try:
            if verb == "read":
                seen[pid] = projects.get_project(ws, pid)
                print("VERSION", seen[pid].version, flush=True)
            elif verb in ("save", "fresh"):
                view = seen[pid] if verb == "save" else projects.get_project(ws, pid)
                done = projects.update_project(ws, pid, view.fields.with_changes(title=rest[0].strip()), view.version)
                seen[pid] = done
                print("SAVED", done.version, flush=True)
            elif verb == "get":
                print("TITLE", projects.get_project(ws, pid).fields.title, flush=True)
        except LabestError as exc:
            print("REFUSED", type(exc).__name__, exc.message.replace(chr(10), " "), flush=True)
    """
)


class Holder:
    def __init__(self, db) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, env=env,
        )
        assert self.ask(None) == "READY", self.process.stderr.read()

    def ask(self, command: str | None) -> str:
        if command is not None:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        line = self.process.stdout.readline().strip()
        assert line, self.process.stderr.read()
        return line

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


def titles(db) -> dict[int, str]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT id, title FROM project"))


@pytest.fixture
def database_with_backup(tmp_path):
    """A database with two projects, and a backup of it taken before either was edited."""
    db = tmp_path / "labest.sqlite3"
    ws = Workspace(open_database(sqlite_location(db), backups_folder=tmp_path / "b"), "test-agent")
    made = [projects.create_project(ws, ProjectFields(title=f"Projet {i}")) for i in range(2)]
    backup = ws.database.backup(tmp_path / "avant.sqlite3")
    ws.database.dispose()
    return db, backup, [m.id for m in made]


def test_saves_made_after_a_restore_by_a_process_left_open_are_kept(database_with_backup, tmp_path):
    """A second process saves before the restore (kept in the before-restore backup),
    then after it: its save lands in the restored database and is read back by a
    fresh connection; a save built on what it read before the restore is refused as
    stale and changes nothing."""
    db, backup, (first, second) = database_with_backup
    holder = Holder(db)
    try:
        assert holder.ask(f"fresh {first} Avant restauration").startswith("SAVED")
        assert holder.ask(f"read {second}") == "VERSION 1"
        assert holder.ask(f"fresh {second} Lu avant").startswith("SAVED")  # version 2 in the live file
        assert holder.ask(f"read {second}") == "VERSION 2"
        done = cli(db, tmp_path / "data", "restore", str(backup))
        assert done.returncode == 0, done.stderr
        assert titles(db) == {first: "Projet 0", second: "Projet 1"}
        # The save built on version 2 (read before the restore, gone with it) is refused.
        refused = holder.ask(f"save {second} Écrase la restauration")
        assert refused.startswith("REFUSED StaleEditError"), refused
        # A save made after the restore, from what is there now, is kept.
        assert holder.ask(f"fresh {first} Après restauration").startswith("SAVED")
        assert holder.ask(f"get {first}") == "TITLE Après restauration"
    finally:
        holder.close()
    assert titles(db) == {first: "Après restauration", second: "Projet 1"}
    kept = sorted((tmp_path / "data" / "backups").glob("labest-*before-restore*.sqlite3"))
    assert len(kept) == 1 and titles(kept[0]) == {first: "Avant restauration", second: "Lu avant"}
    assert not list(tmp_path.glob("*.restoring*"))


def test_restore_while_another_program_holds_the_write_lock_is_refused(database_with_backup, tmp_path, monkeypatch):
    """Another program holds the write lock through the whole wait: the restore says
    so in one sentence, and the database keeps the other program's work."""
    from labest_desktop.storage import backup as backups

    db, backup, (first, _second) = database_with_backup
    monkeypatch.setattr(backups, "RESTORE_WAIT_SECONDS", 0.5)
    other = sqlite3.connect(db, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE project SET title = 'En cours ailleurs' WHERE id = ?", (first,))
        with pytest.raises(RestoreBusyError) as caught:
            restore_sqlite(backup, db, tmp_path / "b")
        assert "rien n'a changé" in caught.value.message
        other.execute("COMMIT")
    finally:
        other.close()
    assert titles(db)[first] == "En cours ailleurs"


def test_a_file_replaced_under_an_open_database_is_never_written(database_with_backup, tmp_path):
    """Another program puts a new file at the path (an older Lab'EST, a copy by hand):
    the next save is refused with a sentence instead of going to the old file, and
    the one after it, read from the new file, lands in the new file."""
    db, backup, (first, _second) = database_with_backup
    ws = Workspace(open_database(sqlite_location(db), backups_folder=tmp_path / "b"), "test-agent")
    try:
        view = projects.get_project(ws, first)
        replacement = tmp_path / "copie.sqlite3"
        shutil.copyfile(backup, replacement)
        os.replace(replacement, db)
        for suffix in ("-wal", "-shm"):
            (tmp_path / f"labest.sqlite3{suffix}").unlink(missing_ok=True)
        with pytest.raises(DatabaseReplacedError) as caught:
            projects.update_project(ws, first, view.fields.with_changes(title="Vers l'ancien fichier"), view.version)
        assert "remplacé" in caught.value.message and "rien n'a été enregistré" in caught.value.message
        view = projects.get_project(ws, first)
        projects.update_project(ws, first, view.fields.with_changes(title="Dans le nouveau"), view.version)
    finally:
        ws.database.dispose()
    assert titles(db)[first] == "Dans le nouveau"


def test_the_window_watcher_hears_a_restore_and_a_replaced_file(database_with_backup, tmp_path):
    """What makes the window reload: a restore (written into the same file) moves
    ``data_version``; a file copied over the path changes the file's identity. Each is
    heard as "everything changed", and what is read next is the new content."""
    from labest_desktop.services.changes import EVERYTHING, NOTHING
    from labest_desktop.services.live_changes import FileWatcher

    db, backup, (first, _second) = database_with_backup
    ws = Workspace(open_database(sqlite_location(db), backups_folder=tmp_path / "b"), "test-agent")
    watcher = FileWatcher(ws.database)
    try:
        view = projects.get_project(ws, first)
        projects.update_project(ws, first, view.fields.with_changes(title="Ici"), view.version)
        assert watcher.check() == NOTHING  # this window's own save
        done = cli(db, tmp_path / "data", "restore", str(backup))
        assert done.returncode == 0, done.stderr
        assert watcher.check() == EVERYTHING
        assert projects.get_project(ws, first).fields.title == "Projet 0"
        replacement = tmp_path / "copie.sqlite3"
        shutil.copyfile(db, replacement)
        with sqlite3.connect(replacement) as connection:
            connection.execute("UPDATE project SET title = 'Copié à la main' WHERE id = ?", (first,))
        connection.execute("PRAGMA journal_mode=DELETE")  # all of it in the file that is moved
        connection.close()
        ws.database.engine.dispose()  # as when the window is idle: no connection holds the WAL
        os.replace(replacement, db)
        for suffix in ("-wal", "-shm"):
            (tmp_path / f"labest.sqlite3{suffix}").unlink(missing_ok=True)
        assert watcher.check() == EVERYTHING
        assert projects.get_project(ws, first).fields.title == "Copié à la main"
    finally:
        watcher.close()
        ws.database.dispose()


def test_a_backup_of_another_page_size_goes_in(database_with_backup, tmp_path):
    """A WAL database cannot change its page size: a backup written with 8 KB pages
    (another SQLite's default) is converted on the side, then restored."""
    db, backup, (first, _second) = database_with_backup
    other = tmp_path / "pages-8k.sqlite3"
    shutil.copyfile(backup, other)
    connection = sqlite3.connect(other, isolation_level=None)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("PRAGMA page_size=8192")
    connection.execute("VACUUM")
    assert connection.execute("PRAGMA page_size").fetchone()[0] == 8192
    connection.close()
    with sqlite3.connect(db) as live:
        live.execute("UPDATE project SET title = 'Après la sauvegarde' WHERE id = ?", (first,))
        size = live.execute("PRAGMA page_size").fetchone()[0]
    live.close()
    restore_sqlite(other, db, tmp_path / "b")
    assert titles(db)[first] == "Projet 0"
    with sqlite3.connect(db) as live:
        assert live.execute("PRAGMA page_size").fetchone()[0] == size
        assert live.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    live.close()
