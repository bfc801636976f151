"""The PostgreSQL server stopped in the middle of a save (``pg_ctl stop -m
immediate``, as a crash of the server would): the save is not reported done, it
says so in one sentence, nothing of it is in the database after the restart, and
the same workspace works again without being reopened."""

from __future__ import annotations

import os
import threading

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import projects
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from labest_desktop.storage.errors import ConnectionLostError, ServerUnreachableError
from labest_desktop.storage.location import server_location

pytestmark = pytest.mark.postgres


@pytest.fixture
def own_server(restartable_server):
    """This test stops its server: not the one the others share."""
    return restartable_server


def test_a_save_cut_by_a_server_stop_is_not_reported_and_not_kept(own_server, tmp_path):
    location = server_location(own_server.create_database("cut"))
    ws = Workspace(open_database(location, backups_folder=tmp_path), "test-agent")
    try:
        view = projects.create_project(ws, ProjectFields(title="Maison France Services", contact="Avant"))
        reached_commit, server_stopped = threading.Event(), threading.Event()

        def hold_commit(session) -> None:
            # The save has written its rows and is about to commit: stop the server now.
            reached_commit.set()
            server_stopped.wait(30)

        outcome: dict = {}

        def save() -> None:
            try:
                outcome["saved"] = projects.update_project(
                    ws, view.id, view.fields.with_changes(contact="Pendant la coupure"), view.version
                )
            except Exception as exc:  # what the window would show
                outcome["error"] = exc

        event.listen(Session, "before_commit", hold_commit)
        try:
            saving = threading.Thread(target=save)
            saving.start()
            assert reached_commit.wait(30)
            own_server.halt("immediate")
            server_stopped.set()
            saving.join(30)
        finally:
            event.remove(Session, "before_commit", hold_commit)

        assert "saved" not in outcome
        error = outcome["error"]
        assert isinstance(error, ConnectionLostError)
        assert "a été perdue" in error.message and "n'est pas confirmé" in error.message
        # While the server is down, reading says it does not answer.
        with pytest.raises((ConnectionLostError, ServerUnreachableError)):
            projects.get_project(ws, view.id)

        own_server.resume()
        # The same workspace reconnects by itself; the cut save is not there.
        after = projects.get_project(ws, view.id)
        assert after.fields.contact == "Avant"
        assert after.version == view.version
        again = projects.update_project(ws, view.id, view.fields.with_changes(contact="Après"), view.version)
        assert projects.get_project(ws, view.id).fields.contact == "Après" == again.fields.contact
    finally:
        ws.database.dispose()


def test_a_search_cut_by_a_lost_connection_says_so(postgres_server, tmp_path):
    """The search sends its statements on the driver's own cursor (one round trip);
    a connection that dies under it still gives the connection-lost sentence, not
    the driver's raw error, and the next search works."""
    import psycopg
    from sqlalchemy import event as sa_event

    from labest_desktop.services.project_query import ProjectFilter, project_ids

    location = server_location(postgres_server.create_database("cut_search"))
    ws = Workspace(open_database(location, backups_folder=tmp_path), "test-agent")
    try:
        projects.create_project(ws, ProjectFields(title="Mobilité douce"))

        def cut(dbapi_connection, _record, _proxy) -> None:
            # After the pool's ping, before the search's statements.
            with psycopg.connect(host=str(postgres_server.socket_dir), user="labest", dbname="cut_search",
                                 autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (dbapi_connection.info.backend_pid,))

        sa_event.listen(ws.database.engine, "checkout", cut)
        try:
            with pytest.raises(ConnectionLostError) as raised:
                project_ids(ws, ProjectFilter(search="mobilité"))
        finally:
            sa_event.remove(ws.database.engine, "checkout", cut)
        assert "a été perdue" in raised.value.message
        assert len(project_ids(ws, ProjectFilter(search="mobilité"))) == 1
    finally:
        ws.database.dispose()


def test_server_connections_probe_a_silent_server(restartable_server, tmp_path):
    """The pool's connections and the listener's ask the system to probe an idle
    connection and to give up on unanswered data (storage.engine.SERVER_LIVENESS),
    so that a server cut off without a word is noticed (see the test below)."""
    from labest_desktop.services.live_changes import ServerWatcher

    ws = Workspace(open_database(server_location(restartable_server.create_database("liveness")),
                                 backups_folder=tmp_path), "test-agent")
    try:
        watcher = ServerWatcher(ws.database)
        watcher.connect()
        with ws.reading() as session:
            pooled = session.connection().connection.driver_connection.info.get_parameters()
        listening = watcher._connection.info.get_parameters()
        watcher.close()
        for parameters in (pooled, listening):
            assert parameters["keepalives"] == "1" and parameters["keepalives_idle"] == "10"
            assert parameters["tcp_user_timeout"] == "30000"
    finally:
        ws.database.dispose()


@pytest.mark.skipif(not os.environ.get("LABEST_NETWORK_CUT_TEST"),
                    reason="about a minute: set LABEST_NETWORK_CUT_TEST=1 (needs unshare -n, i.e. root)")
def test_a_pulled_cable_is_noticed_by_the_listener_and_the_save():
    """A network cut that closes nothing (the namespace's link taken down, in a
    network namespace of its own): the listener gives up within a minute, so the
    banner shows, and a save started after the cut is refused with the sentence
    instead of waiting for ever. Measured: listener 31 s, save 41 s; without the
    probes neither had noticed after two minutes."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "support" / "network_cut.py"
    done = subprocess.run(["unshare", "-n", sys.executable, str(script)], capture_output=True, text=True,
                          timeout=240, check=True)
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome.get("listener") == "ConnectionLostError" and outcome["listener_after"] < 60
    assert outcome.get("save") in ("ServerUnreachableError", "ConnectionLostError") and outcome["save_after"] < 60
