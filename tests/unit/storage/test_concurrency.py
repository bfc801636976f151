"""Concurrent use of one database: an edit made from an outdated version is refused,
never silently overwriting the other one, and a SQLite writer that cannot get the
lock waits for the busy timeout and then says so clearly."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from labest_desktop.domain.errors import StaleEditError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import project_query, projects
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import Database, open_database
from labest_desktop.storage.engine import make_engine
from labest_desktop.storage.errors import DatabaseBusyError

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


@pytest.fixture
def second_workspace(workspace, tmp_path):
    """Another window on the same database: its own engine and connections."""
    database = open_database(workspace.database.location, backups_folder=tmp_path / "other-backups")
    yield Workspace(database, "other-agent")
    database.dispose()


def test_the_second_of_two_stale_edits_is_refused_and_the_first_kept(workspace, second_workspace):
    """Two windows open version 1 of a project; the first saves; the second's save is
    refused with ``StaleEditError`` naming the project, and the first edit stays."""
    view = projects.create_project(workspace, ProjectFields(title="Médiation numérique"))
    mine = projects.get_project(workspace, view.id)
    theirs = projects.get_project(second_workspace, view.id)
    projects.update_project(workspace, view.id, mine.fields.with_changes(contact="Claire Roux"), mine.version)
    with pytest.raises(StaleEditError) as caught:
        projects.update_project(
            second_workspace, view.id, theirs.fields.with_changes(contact="Julien Weber"), theirs.version
        )
    assert "Médiation numérique" in caught.value.message
    assert "Rechargez le projet" in caught.value.message
    after = projects.get_project(second_workspace, view.id)
    assert after.fields.contact == "Claire Roux"
    assert after.version == 2
    assert [h.author for h in projects.history(workspace, view.id)] == ["test-agent", "test-agent"]


def test_overwriting_after_seeing_the_conflict_is_an_explicit_choice(workspace, second_workspace):
    """After the refusal, the user may choose to overwrite: that saves over the
    current version and is recorded as a new revision."""
    view = projects.create_project(workspace, ProjectFields(title="Transports scolaires"))
    projects.update_project(workspace, view.id, view.fields.with_changes(contact="A"), view.version)
    saved = projects.overwrite_project(
        second_workspace, view.id, view.fields.with_changes(contact="B"), projects.get_project(second_workspace, view.id).version
    )
    assert saved.fields.contact == "B"
    assert saved.version == 3


@pytest.mark.postgres
def test_a_save_racing_another_commit_on_the_server_is_refused(postgres_server, tmp_path):
    """On a shared server, a session that read version 1 and writes after another
    session committed version 2 is stopped by the version counter (the UPDATE finds
    no row at version 1): ``StaleEditError``, nothing written."""
    from labest_desktop.services.projects import load
    from labest_desktop.storage.location import server_location

    location = server_location(postgres_server.create_database("race"))
    first = Workspace(open_database(location, backups_folder=tmp_path / "b1"), "un")
    second = Workspace(open_database(location, backups_folder=tmp_path / "b2"), "deux")
    try:
        view = projects.create_project(first, ProjectFields(title="Course"))
        with pytest.raises(StaleEditError) as caught:
            with second.unit_of_work() as uow:
                project = load(uow.session, view.id)  # reads version 1
                projects.update_project(first, view.id, view.fields.with_changes(title="Gagnant"), 1)
                project.title = "Perdant"
                uow.commit()
        assert "rien n'a été écrit" in caught.value.message
        assert projects.get_project(first, view.id).fields.title == "Gagnant"
    finally:
        first.database.dispose()
        second.database.dispose()


EDIT_IN_ANOTHER_PROCESS = textwrap.dedent(
    """
    import sys
    from labest_desktop.domain.errors import StaleEditError
    from labest_desktop.services import project_query, projects
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import resolve

    ws = Workspace(open_database(resolve()), "process-agent")
    project_id, version, contact = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    view = projects.get_project(ws, project_id)
    try:
        projects.update_project(ws, project_id, view.fields.with_changes(contact=contact), version)
    except StaleEditError as exc:
        print("STALE:" + exc.message)
        sys.exit(3)
    print("SAVED")
    """
)


def edit_in_process(workspace, project_id: int, version: int, contact: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    location = workspace.database.location
    if location.is_sqlite:
        env["LABEST_DB"] = str(location.path)
    else:
        env["LABEST_DATABASE_URL"] = location.url
    env["PYTHONPATH"] = ROOT
    return subprocess.run(
        [sys.executable, "-c", EDIT_IN_ANOTHER_PROCESS, str(project_id), str(version), contact],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_a_stale_edit_from_another_process_is_refused(workspace):
    """Two processes on one database: the other process saved first from version 1;
    this one's save from version 1 is refused, and the other process's value stays."""
    view = projects.create_project(workspace, ProjectFields(title="Accueil des usagers"))
    done = edit_in_process(workspace, view.id, view.version, "Amina Haddad")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "SAVED"
    with pytest.raises(StaleEditError):
        projects.update_project(workspace, view.id, view.fields.with_changes(contact="Nicolas Petit"), view.version)
    assert projects.get_project(workspace, view.id).fields.contact == "Amina Haddad"
    # And the other way round: the other process now holds an old version.
    refused = edit_in_process(workspace, view.id, view.version, "Thomas Muller")
    assert refused.returncode == 3, refused.stderr
    assert refused.stdout.startswith("STALE:")
    assert projects.get_project(workspace, view.id).fields.contact == "Amina Haddad"


# --- SQLite's write lock ------------------------------------------------------------


def short_timeout_workspace(ws: Workspace, tmp_path, busy_timeout_ms: int) -> Workspace:
    location = ws.database.location
    engine = make_engine(location, busy_timeout_ms=busy_timeout_ms)
    return Workspace(Database(location, engine, tmp_path / "b-short", 20), "impatient")


@pytest.fixture
def write_lock(sqlite_workspace):
    """Another program holding SQLite's write lock (BEGIN IMMEDIATE, not committed)."""
    connection = sqlite3.connect(
        sqlite_workspace.database.location.path, isolation_level=None, check_same_thread=False
    )
    connection.execute("BEGIN IMMEDIATE")
    yield connection
    if connection.in_transaction:
        connection.rollback()
    connection.close()


def test_a_second_writer_waits_then_gets_a_clear_busy_error(sqlite_workspace, write_lock, tmp_path):
    """While another connection holds the write lock, a save waits for the busy
    timeout, then fails with ``DatabaseBusyError``: one sentence naming the file and
    saying nothing was saved. Nothing is written."""
    impatient = short_timeout_workspace(sqlite_workspace, tmp_path, busy_timeout_ms=300)
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseBusyError) as caught:
            projects.create_project(impatient, ProjectFields(title="Bloqué"))
        waited = time.monotonic() - started
    finally:
        impatient.database.dispose()
    assert waited >= 0.25
    assert str(sqlite_workspace.database.location.path) in caught.value.message
    assert "rien n'a été enregistré" in caught.value.message
    write_lock.rollback()
    assert project_query.count(sqlite_workspace) == 0


def test_readers_are_not_blocked_by_a_writer(sqlite_workspace, write_lock):
    """WAL journal: reading the portfolio works while another program writes."""
    assert project_query.count(sqlite_workspace) == 0


def test_a_writer_gets_the_lock_once_it_is_released(sqlite_workspace, write_lock):
    """A save started while the lock is held goes through as soon as it is released
    (within the busy timeout), instead of failing."""
    threading.Timer(0.2, write_lock.commit).start()
    view = projects.create_project(sqlite_workspace, ProjectFields(title="Patient"))
    assert projects.get_project(sqlite_workspace, view.id).fields.title == "Patient"


def test_sqlite_connections_have_the_required_pragmas(sqlite_workspace):
    """Every SQLite connection has foreign keys on, the WAL journal and a busy timeout,
    and DDL runs inside real transactions (rolled back with the rest)."""
    engine = sqlite_workspace.database.engine
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    with engine.connect() as connection:
        transaction = connection.begin()
        connection.exec_driver_sql("CREATE TABLE scratch (x INTEGER)")
        transaction.rollback()
    with engine.connect() as connection:
        names = [r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master")]
    assert "scratch" not in names
