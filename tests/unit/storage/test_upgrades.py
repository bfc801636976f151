"""Installing a new version over an old database keeps everything.

Each ``tests/fixtures/schema-<revision>.sqlite3`` is a database as an earlier release
left it (built by tests/fixtures/make_schema_fixtures.py). Opened by today's
application it must be backed up first, upgraded to the newest schema with every row
of every table kept, searchable, and pass ``labest check``. A database from a newer
release is refused and left byte for byte as it was.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from labest_desktop import __version__, cli, messages
from labest_desktop.domain.text import fold
from labest_desktop.services.project_query import ProjectFilter, iter_snapshots
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.backup import list_backups
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location
from labest_desktop.storage.migrations import HEAD
from labest_desktop.storage.schema import NewerSchemaError, current_revision

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
sys.path.insert(0, str(FIXTURES))
import make_schema_fixtures as made  # noqa: E402

REVISIONS = made.earlier_revisions()


def _rows(path: Path, table: str, columns: list[str] | None = None) -> list[tuple]:
    db = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        if columns is None:
            columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
        return sorted(db.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)
    finally:
        db.close()


def _tables(path: Path) -> list[str]:
    db = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'project_fts%' AND name != 'alembic_version'"
        )]
    finally:
        db.close()


def _columns(path: Path, table: str) -> list[str]:
    db = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
    finally:
        db.close()


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """Copy a fixture where an office would have it; the data folder is tmp_path."""
    monkeypatch.setenv("LABEST_DATA_DIR", str(tmp_path / "data"))

    def copy(revision: str) -> Path:
        target = tmp_path / f"office-{revision}.sqlite3"
        shutil.copyfile(made.fixture_path(revision), target)
        return target

    return copy


def test_every_earlier_revision_has_a_committed_fixture():
    """When a migration is added, the previous head needs its fixture (run
    tests/fixtures/make_schema_fixtures.py after writing its rows_<rev>)."""
    assert REVISIONS, "the schema has earlier revisions"
    for revision in REVISIONS:
        assert made.fixture_path(revision).is_file(), f"missing fixture schema-{revision}.sqlite3"
        assert current_revision_of(made.fixture_path(revision)) == revision


def current_revision_of(path: Path) -> str:
    return _rows(path, "alembic_version")[0][0]


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrade_keeps_every_row_of_every_table(installed, tmp_path, revision):
    """After the upgrade every table holds the same rows, column for column (new
    columns aside), and the expected counts."""
    path = installed(revision)
    before = {t: (_columns(path, t), _rows(path, t)) for t in _tables(path)}
    database = open_database(sqlite_location(path), backups_folder=tmp_path / "backups")
    try:
        assert current_revision(database.engine) == HEAD
    finally:
        database.dispose()
    for table, (columns, rows) in before.items():
        after = _rows(path, table, columns)
        if table == "setting":  # the upgrade records the version that upgraded it
            rows = [r for r in rows if r[0] != "app.version"]
            assert ("app.version", __version__) in after
            after = [r for r in after if r[0] != "app.version"]
        assert after == rows, f"table {table} changed"
    for table, count in made.EXPECTED_COUNTS.items():
        assert len(_rows(path, table)) == count, table


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrade_makes_a_backup_first(installed, tmp_path, revision):
    """A checked copy of the old database, still at the old revision with its rows, is
    in the backups folder before anything changes."""
    path = installed(revision)
    original = _rows(path, "project")
    open_database(sqlite_location(path), backups_folder=tmp_path / "backups").dispose()
    backups = list_backups(tmp_path / "backups")
    assert len(backups) == 1
    assert f"before-upgrade-{revision}-to-{HEAD}" in backups[0].name
    assert current_revision_of(backups[0]) == revision
    assert _rows(backups[0], "project") == original


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgraded_projects_are_searchable(installed, tmp_path, revision):
    """search_text is filled for every project and the full-text index finds them by
    words typed with or without accents; a deleted project stays hidden."""
    path = installed(revision)
    database = open_database(sqlite_location(path), backups_folder=tmp_path / "backups")
    try:
        with database.engine.connect() as connection:
            texts = dict(connection.exec_driver_sql("SELECT title, search_text FROM project").all())
        for title, text in texts.items():
            assert text and fold(title) in text, title
        ws = Workspace(database, "test")
        for reference, words in made.SEARCHABLE:
            found = [s["reference"] for s in iter_snapshots(ws, ProjectFilter(search=words))]
            assert reference in found, (words, found)
        assert [s["reference"] for s in iter_snapshots(ws, ProjectFilter(search="supprimé"))] == []
    finally:
        database.dispose()


@pytest.mark.parametrize("revision", REVISIONS)
def test_labest_check_passes_after_upgrade(installed, tmp_path, revision, capsys):
    path = installed(revision)
    assert cli.main(["--lang", "en", "--db", str(path), "list"]) == 0
    assert cli.main(["--lang", "en", "--db", str(path), "check"]) == 0
    out = capsys.readouterr().out
    assert f"Schema: {HEAD} (current)" in out and "Integrity: ok" in out


def _newer_database(tmp_path: Path, journal_mode: str = "WAL") -> Path:
    """A database as a newer release leaves it: in WAL mode, or in rollback mode as
    a backup restored by hand is."""
    path = tmp_path / "from-the-future.sqlite3"
    open_database(sqlite_location(path), backups_folder=tmp_path / "backups").dispose()
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
        db.execute("UPDATE setting SET value = '9.9.0' WHERE key = 'app.version'")
    db.execute(f"PRAGMA journal_mode = {journal_mode}")
    db.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return path


@pytest.mark.parametrize(
    "journal_mode",
    ["WAL", "DELETE"],
)
def test_a_newer_database_is_refused_and_left_unchanged(tmp_path, monkeypatch, journal_mode):
    """A database stamped by a newer release is refused with both versions named, and
    its file is byte-identical afterwards, with no backup made."""
    monkeypatch.setattr(messages, "_language", "en")
    path = _newer_database(tmp_path, journal_mode)
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError) as refused:
        open_database(sqlite_location(path), backups_folder=tmp_path / "backups2")
    message = refused.value.message
    assert "9999" in message and HEAD in message
    assert "9.9.0" in message and __version__ in message
    assert path.read_bytes() == before
    assert list_backups(tmp_path / "backups2") == []


def test_the_command_line_refuses_a_newer_database_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LABEST_DATA_DIR", str(tmp_path / "data"))
    path = _newer_database(tmp_path)
    before = path.read_bytes()
    assert cli.main(["--lang", "en", "--db", str(path), "list"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "9999" in err[0] and HEAD in err[0] and "Traceback" not in err[0]
    assert path.read_bytes() == before
