"""Damaged databases: a truncated file, garbage, another application's SQLite file and a
write-ahead log lost after a crash. ``labest check`` names the problem and exits 1;
nothing is overwritten; and data committed by a save never depends on a ``-wal`` file
that a copy or a crash could lose."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import projects
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.backup import backup_sqlite
from labest_desktop.storage.damage import DamagedDatabaseError, ForeignDatabaseError
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location
from tests.faults.campaign import ROOT, cli, cli_env

DAMAGE_WORDS = {
    "truncated": "fichier tronqué",
    "garbage": "ce n'est pas une base SQLite",
    "foreign": "autre application",
}


def healthy(path: Path, count: int = 40) -> Path:
    database = open_database(sqlite_location(path), backups_folder=path.parent / "backups")
    ws = Workspace(database, "test-agent")
    for i in range(count):
        projects.create_project(ws, ProjectFields(title=f"Projet {i}", description="é" * 1500))
    database.dispose()
    return path


def make_damaged(kind: str, path: Path) -> Path:
    if kind == "truncated":
        whole = healthy(path).read_bytes()
        path.write_bytes(whole[: len(whole) // 3])
    elif kind == "garbage":
        path.write_bytes(os.urandom(64 * 1024))
    else:
        other = sqlite3.connect(path)
        other.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        other.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
        other.commit()
        other.close()
    return path


@pytest.mark.parametrize("kind", DAMAGE_WORDS)
def test_check_names_the_damage_exits_1_and_touches_nothing(tmp_path, kind):
    """``labest check`` on a truncated file, random bytes or another application's
    SQLite file exits 1 with one line naming the problem; the file's bytes are the same
    afterwards and no journal or WAL file is created beside it; every other command
    refuses it in one line too, without a traceback."""
    db = make_damaged(kind, tmp_path / "labest.sqlite3")
    before = db.read_bytes()
    done = cli(db, tmp_path / "data", "check")
    assert done.returncode == 1
    assert DAMAGE_WORDS[kind] in done.stderr
    assert "Traceback" not in done.stderr
    for command in (["list"], ["import", str(tmp_path / "x.xlsx")], ["config", "office.code"]):
        refused = cli(db, tmp_path / "data", *command)
        assert refused.returncode == 1, (command, refused.stderr)
        assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("labest.sqlite3")) == ["labest.sqlite3"]


@pytest.mark.parametrize("kind", DAMAGE_WORDS)
def test_open_database_raises_the_named_error(tmp_path, kind):
    """The window and the services see ``DamagedDatabaseError`` (truncated, garbage) or
    ``ForeignDatabaseError`` (another application's file) before anything is written."""
    db = make_damaged(kind, tmp_path / "labest.sqlite3")
    before = db.read_bytes()
    expected = ForeignDatabaseError if kind == "foreign" else DamagedDatabaseError
    with pytest.raises(expected):
        open_database(sqlite_location(db), backups_folder=tmp_path / "backups")
    assert db.read_bytes() == before


def test_restore_over_a_damaged_file_keeps_it_aside(tmp_path):
    """``labest restore`` over a truncated database puts the damaged file aside under a
    ``.damaged-…`` name with its bytes intact, and the restored database checks out."""
    good = healthy(tmp_path / "good.sqlite3")
    backup = backup_sqlite(good, tmp_path / "backup.sqlite3")
    db = make_damaged("truncated", tmp_path / "labest.sqlite3")
    damaged = db.read_bytes()
    done = cli(db, tmp_path / "data", "restore", str(backup))
    assert done.returncode == 0, done.stderr
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("labest.sqlite3.damaged-")]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert cli(db, tmp_path / "data", "check").returncode == 0


# --- the write-ahead log ----------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from labest_desktop.domain.fields import ProjectFields
    from labest_desktop.services import projects
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import resolve

    ws = Workspace(open_database(resolve()), "writer")
    projects.create_project(ws, ProjectFields(title=sys.argv[1]))
    print("COMMITTED", flush=True)
    sys.stdin.readline()  # keeps its connections (and so the WAL) open until told
    """
)


def start_writer(db: Path, data: Path, title: str) -> subprocess.Popen:
    """A program that saves a project, says so on its stdout, and stays open."""
    env = dict(cli_env(data), LABEST_DB=str(db))
    writer = subprocess.Popen([sys.executable, "-c", WRITER, title], env=env, cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = writer.stdout.readline()
    assert line.strip() == "COMMITTED", writer.stderr.read()
    return writer


def titles(db: Path, data: Path) -> list[str]:
    done = cli(db, data, "list", "--json")
    assert done.returncode == 0, done.stderr
    return [p["title"] for p in json.loads(done.stdout)]


def test_a_copy_without_the_wal_still_holds_every_committed_save(tmp_path):
    """Decision for the missing-WAL case: what is at stake is what was committed into
    the ``-wal`` file and not yet merged into the database file. Lab'EST merges it
    (a WAL checkpoint) at the end of every save, so a copy of the database file alone,
    taken while the program that saved is still running (a copy to a USB stick, a
    sync tool, a crash that loses the ``-wal``), holds every committed save, and
    ``labest check`` passes on it: it is a sound database, not a damaged one."""
    db = healthy(tmp_path / "labest.sqlite3", count=3)
    writer = start_writer(db, tmp_path / "data", "Sauvé avant la copie")
    try:
        assert Path(str(db) + "-wal").exists()
        copy = tmp_path / "copie" / "labest.sqlite3"
        copy.parent.mkdir()
        copy.write_bytes(db.read_bytes())  # the database file alone, no -wal
    finally:
        writer.communicate("\n", timeout=30)
    assert cli(copy, tmp_path / "data", "check").returncode == 0
    assert "Sauvé avant la copie" in titles(copy, tmp_path / "data")


def test_a_writer_killed_after_its_save_loses_nothing(tmp_path):
    """A program killed (SIGKILL, as a power cut to the process) right after a save
    leaves its ``-wal``; the next opening recovers from it: ``labest check`` passes and
    the save is there."""
    db = healthy(tmp_path / "labest.sqlite3", count=3)
    writer = start_writer(db, tmp_path / "data", "Sauvé puis tué")
    os.kill(writer.pid, signal.SIGKILL)
    writer.communicate(timeout=30)
    assert cli(db, tmp_path / "data", "check").returncode == 0
    assert "Sauvé puis tué" in titles(db, tmp_path / "data")


def interrupted_checkpoint(folder: Path) -> Path:
    """The files a crash in the middle of a WAL checkpoint leaves: the WAL still holds
    a large committed transaction; the database file already has its new first page
    (which declares the grown size) but not yet the pages after its old end.

    Found by the kill campaign: an import killed at its very end (the checkpoint that
    follows its commit) left exactly this, and ``labest check`` called it truncated."""
    db = healthy(folder / "live.sqlite3", count=5)
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA wal_autocheckpoint=0")
    with connection:
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO setting (key, value) VALUES (?, ?)",
                               [(f"campagne.{i}", "é" * 1000) for i in range(3000)])
        connection.execute("COMMIT")
    crash = folder / "crash"
    crash.mkdir()
    copy = crash / "labest.sqlite3"
    copy.write_bytes(db.read_bytes())
    Path(str(copy) + "-wal").write_bytes(Path(str(db) + "-wal").read_bytes())
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    first_page = db.read_bytes()[:4096]
    connection.close()
    old = bytearray(copy.read_bytes())
    old[:4096] = first_page
    copy.write_bytes(bytes(old))
    return copy


def test_a_crash_during_a_checkpoint_is_recovered_not_called_damaged(tmp_path):
    """A database file shorter than its header says, beside a WAL that completes it, is
    what SQLite leaves when killed mid-checkpoint, and what its next opening repairs
    from the WAL: it is not damaged. ``labest check`` passes and every committed row
    is there (calling it truncated would lead the user to restore an older backup,
    and the restore would set the file aside without its WAL: the import lost)."""
    db = interrupted_checkpoint(tmp_path)
    done = cli(db, tmp_path / "data", "check")
    assert done.returncode == 0, done.stderr
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("SELECT count(*) FROM setting WHERE key LIKE 'campagne.%'").fetchone() == (3000,)
    finally:
        connection.close()


def test_a_damaged_file_is_set_aside_with_its_wal(tmp_path):
    """When a restore sets a damaged database aside, its WAL goes with it (renamed
    alongside), never deleted: whatever the WAL held can still be recovered."""
    db = interrupted_checkpoint(tmp_path)
    wal = Path(str(db) + "-wal").read_bytes()
    whole = db.read_bytes()
    db.write_bytes(whole[:100] + b"\0" * 4000)  # now truly damaged
    good = backup_sqlite(healthy(tmp_path / "good.sqlite3", count=2), tmp_path / "backup.sqlite3")
    done = cli(db, tmp_path / "data", "restore", str(good))
    assert done.returncode == 0, done.stderr
    aside = sorted(p.name for p in db.parent.iterdir() if ".damaged-" in p.name)
    assert len(aside) == 2 and aside[1] == aside[0] + "-wal"
    assert (db.parent / aside[1]).read_bytes() == wal
    assert not Path(str(db) + "-wal").exists() or Path(str(db) + "-wal").stat().st_size == 0
