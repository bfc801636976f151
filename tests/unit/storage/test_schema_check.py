"""A SQLite file whose schema is not exactly the one of its revision is refused by
opening, by ``labest check`` and by restore, with a sentence naming what differs,
before anything is written or run.

Before: a genuine database with an added ``AFTER UPDATE ON project`` trigger was
restored with exit 0, « Integrity: ok », and the next ordinary save renamed the other
projects and erased every revision. A file whose ``project`` lacked columns, an
empty one, another application's, one at schema 0099 were restored too.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from labest_desktop import messages
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import projects
from labest_desktop.services.maintenance import check_database
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage import schema_check
from labest_desktop.storage.backup import NotABackupError, restore_sqlite
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location
from labest_desktop.storage.migrations import HEAD
from labest_desktop.storage.schema import NewerSchemaError
from labest_desktop.storage.schema_check import SchemaMismatchError, verify_file

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

EVIL_TRIGGER = (
    "CREATE TRIGGER keep_in_sync AFTER UPDATE ON project BEGIN "
    "UPDATE project SET title = 'pris' WHERE id != new.id; DELETE FROM project_revision; END"
)

# name -> (SQL run on a genuine database, words the refusal must contain)
ALTERATIONS = {
    "trigger": ([EVIL_TRIGGER], ["déclencheur inconnu « keep_in_sync »"]),
    "view": (["CREATE VIEW v_all AS SELECT * FROM project"], ["vue inconnue « v_all »"]),
    "table": (["CREATE TABLE extra (x)"], ["table inconnue « extra »"]),
    "missing column": (["ALTER TABLE project DROP COLUMN description"], ["colonne manquante « project.description »"]),
    "extra column": (["ALTER TABLE note ADD COLUMN secret TEXT"], ["colonne inconnue « note.secret »"]),
    "index dropped": (["DROP INDEX ix_project_live_stage"], ["index manquant « ix_project_live_stage »"]),
    "search trigger rewritten": (
        [
            "DROP TRIGGER project_fts_delete",
            "CREATE TRIGGER project_fts_delete AFTER DELETE ON project BEGIN DELETE FROM note; END",
        ],
        ["déclencheur modifié « project_fts_delete »"],
    ),
}


def genuine(path: Path, count: int = 3) -> list[int]:
    ws = Workspace(open_database(sqlite_location(path), backups_folder=path.parent / "b"), "test-agent")
    made = [projects.create_project(ws, ProjectFields(title=f"Projet {i}")).id for i in range(count)]
    ws.database.dispose()
    return made


def altered(path: Path, statements: list[str]) -> None:
    genuine(path)
    with sqlite3.connect(path) as connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_expected_schemas_come_from_the_migrations_and_fit_every_fixture(tmp_path):
    """Every shipped revision has an expected schema; each committed schema-000N
    fixture matches its own, and after the upgrade on opening, HEAD's."""
    expected = schema_check.expected_schemas()
    assert HEAD in expected and "0001" in expected
    assert "trigger project_fts_update" in expected[HEAD]
    for fixture in sorted(FIXTURES.glob("schema-*.sqlite3")):
        assert verify_file(fixture).revision == fixture.stem.split("-")[1]
        copy = tmp_path / fixture.name
        shutil.copyfile(fixture, copy)
        open_database(sqlite_location(copy), backups_folder=tmp_path / "b").dispose()
        assert verify_file(copy).revision == HEAD


@pytest.mark.parametrize("name", ALTERATIONS)
def test_an_altered_database_is_refused_on_opening_naming_what_differs(tmp_path, name):
    """Opening refuses it with one sentence naming the object, and not one byte changes."""
    statements, words = ALTERATIONS[name]
    path = tmp_path / "labest.sqlite3"
    altered(path, statements)
    before = digest(path)
    with pytest.raises(SchemaMismatchError) as caught:
        open_database(sqlite_location(path), backups_folder=tmp_path / "b")
    for word in words:
        assert word in caught.value.message
    assert "\n" not in caught.value.message
    assert digest(path) == before
    messages.set_language("en")
    assert "Lab'EST does not open it" in caught.value.message


def test_labest_check_reports_an_added_trigger(tmp_path):
    """« Integrity: ok » was printed for a file with a hidden trigger; now check fails
    and names it."""
    path = tmp_path / "labest.sqlite3"
    altered(path, [EVIL_TRIGGER])
    report = check_database(sqlite_location(path))
    assert not report.ok
    assert any("keep_in_sync" in problem for problem in report.problems)


@pytest.fixture
def live(tmp_path):
    """A database in use: three projects, one of them edited after the backups were made."""
    path = tmp_path / "labest.sqlite3"
    ids = genuine(path)
    ws = Workspace(open_database(sqlite_location(path), backups_folder=tmp_path / "b"), "test-agent")
    view = projects.get_project(ws, ids[0])
    projects.update_project(ws, ids[0], view.fields.with_changes(title="Travail du jour"), view.version)
    ws.database.dispose()
    return path


def hostile_backups(tmp_path) -> dict[str, tuple[Path, str]]:
    """name -> (file, words the refusal must contain)."""
    made: dict[str, tuple[Path, str]] = {}
    for name, (statements, words) in ALTERATIONS.items():
        path = tmp_path / f"{name.replace(' ', '-')}.sqlite3"
        altered(path, statements)
        made[name] = (path, words[0])
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    connection.close()
    made["foreign"] = (foreign, "autre application")
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    with sqlite3.connect(empty) as connection:
        connection.execute("PRAGMA user_version = 1")
    connection.close()
    made["empty"] = (empty, "vide")
    newer = tmp_path / "newer.sqlite3"
    genuine(newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.close()
    made["newer"] = (newer, "plus récente")
    return made


def test_restore_refuses_every_hostile_file_before_touching_anything(tmp_path, live):
    """A trigger, a view, an extra table, a missing column, another application's
    file, an empty one, one at schema 0099: each refused in one sentence naming why;
    the live database keeps its bytes and no before-restore backup is even made."""
    before = digest(live)
    for name, (path, words) in hostile_backups(tmp_path).items():
        with pytest.raises(NotABackupError) as caught:
            restore_sqlite(path, live, tmp_path / "b-restore")
        message = caught.value.message
        assert words in message, (name, message)
        assert "Rien n'a été restauré" in message and "\n" not in message
        assert digest(live) == before, name
    assert not (tmp_path / "b-restore").exists()
    assert not list(tmp_path.glob("*.restoring*"))


def test_restore_of_an_older_genuine_backup_upgrades_it_before_it_goes_in(tmp_path, live):
    """A backup at revision 0001 (made by an older release) is accepted: it is
    upgraded on the side, so the database is at HEAD the moment it is restored."""
    restore_sqlite(FIXTURES / "schema-0001.sqlite3", live, tmp_path / "b")
    assert verify_file(live).revision == HEAD
    open_database(sqlite_location(live), backups_folder=tmp_path / "b").dispose()
    with sqlite3.connect(live) as connection:
        assert ("Travail du jour",) not in connection.execute("SELECT title FROM project").fetchall()
    connection.close()
    kept = list((tmp_path / "b").glob("*before-restore*"))
    assert len(kept) == 1
    with sqlite3.connect(kept[0]) as connection:
        assert ("Travail du jour",) in connection.execute("SELECT title FROM project").fetchall()
    connection.close()


def test_a_database_at_an_unknown_revision_is_still_called_newer(tmp_path):
    path = tmp_path / "labest.sqlite3"
    genuine(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.close()
    with pytest.raises(NewerSchemaError):
        open_database(sqlite_location(path), backups_folder=tmp_path / "b")


def test_the_recovery_screen_never_offers_an_altered_backup(tmp_path):
    """Restoring over an altered database keeps a copy of it as « before-restore »,
    the newest file of the backups folder: the recovery screen offers the newest
    backup restore would accept instead."""
    from labest_desktop.storage.backup import newest_good_backup

    folder = tmp_path / "b"
    good = tmp_path / "good.sqlite3"
    genuine(good)
    live = tmp_path / "labest.sqlite3"
    altered(live, [EVIL_TRIGGER])
    restore_sqlite(good, live, folder)
    kept = list(folder.glob("*before-restore*"))
    assert len(kept) == 1
    assert newest_good_backup(folder) is None  # the only backup is the altered one
    shutil.copyfile(good, folder / "labest-20260101-000000-000000-manual.sqlite3")
    assert newest_good_backup(folder).name == "labest-20260101-000000-000000-manual.sqlite3"
