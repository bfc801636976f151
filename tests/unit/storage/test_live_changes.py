"""Colleagues' changes are heard without a restart: on PostgreSQL through the notice
each unit of work sends in its own transaction (delivered at commit, never for a
rolled back or read-only one), on SQLite through ``data_version``; a program's own
commits are not announced back to it; the list read while watching includes what
the others added."""

from __future__ import annotations

import select
import time

import pytest

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import demo, project_query, projects, stage_moves
from labest_desktop.services.changes import EVERYTHING, NOTHING, Changes
from labest_desktop.services.live_changes import FileWatcher, ServerWatcher
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from labest_desktop.storage.unit_of_work import UnitOfWork


@pytest.fixture
def colleague(workspace, tmp_path):
    """Another program on the same database: its own engine and connections."""
    database = open_database(workspace.database.location, backups_folder=tmp_path / "other-backups")
    yield Workspace(database, "colleague")
    database.dispose()


def heard(watcher, within: float = 5.0) -> Changes:
    """What ``watcher`` hears, waiting on its socket (PostgreSQL) up to ``within`` s."""
    if isinstance(watcher, FileWatcher):
        return watcher.check()
    deadline = time.monotonic() + within
    while True:
        changes = watcher.drain()
        if changes or time.monotonic() > deadline:
            return changes
        select.select([watcher.fileno()], [], [], max(0.0, deadline - time.monotonic()))


def everything_heard(watcher) -> Changes:
    """All that ``watcher`` hears until it goes quiet (an action of several
    transactions sends several notices)."""
    total = heard(watcher)
    while more := heard(watcher, within=0.5):
        total = total | more
    return total


def quiet(watcher) -> Changes:
    """What ``watcher`` hears when nothing should come (a short wait on a server)."""
    return heard(watcher, within=0.3)


@pytest.fixture
def watcher(workspace):
    if workspace.database.dialect == "sqlite":
        made = FileWatcher(workspace.database)
    else:
        made = ServerWatcher(workspace.database)
        made.connect()
    yield made
    made.close()


def test_a_colleagues_save_and_stage_move_are_heard_by_id_and_ones_own_are_not(workspace, colleague, watcher):
    mine = projects.create_project(workspace, ProjectFields(title="Guichet unique"))
    assert quiet(watcher) == NOTHING
    theirs = projects.get_project(colleague, mine.id)
    projects.update_project(colleague, mine.id, theirs.fields.with_changes(contact="Claire Roux"), theirs.version)
    expected = EVERYTHING if workspace.database.dialect == "sqlite" else Changes.of_projects([mine.id])
    assert heard(watcher) == expected
    moved = projects.get_project(colleague, mine.id)
    stage_moves.move(colleague, mine.id, "prototype", "Comité du 12", moved.version)
    assert heard(watcher).touches_projects()
    assert quiet(watcher) == NOTHING


def test_nothing_is_announced_for_a_rolled_back_or_read_only_action(workspace, colleague, watcher):
    projects.get_project(colleague, projects.create_project(workspace, ProjectFields(title="Lecture")).id)
    quiet(watcher)
    with UnitOfWork(colleague.database) as uow:  # wrote, then left without commit
        from labest_desktop.domain.models import Project

        uow.session.get(Project, 1).contact = "Jamais enregistré"
        uow.session.flush()
    with UnitOfWork(colleague.database) as uow:  # read only, committed
        uow.commit()
    assert quiet(watcher) == NOTHING


def test_a_colleagues_import_or_demo_says_everything_and_the_list_shows_it(workspace, colleague, watcher):
    """Bulk writes are not seen by the ORM: the notice says everything. The list,
    kept between reads while watched, is read again after it."""
    before = project_query.project_ids(workspace)
    assert project_query.project_ids(workspace) == before  # kept (or read again: the same)
    demo.load_demo(colleague, projects=30, seed=3)
    assert everything_heard(watcher).everything
    assert len(project_query.project_ids(workspace)) == len(before) + 30
    assert len(project_query.project_ids(workspace, project_query.ProjectFilter(search="m"))) > 0


@pytest.mark.postgres
def test_the_listener_reports_a_lost_connection(postgres_server, tmp_path):
    """Its server connection killed (as a restart does), the watcher says so with
    the sentence of a lost connection, and listens again once reconnected."""
    import psycopg

    from labest_desktop.storage.errors import ConnectionLostError
    from labest_desktop.storage.location import server_location

    database = open_database(server_location(postgres_server.create_database("lost")), backups_folder=tmp_path)
    watcher = ServerWatcher(database)
    try:
        watcher.connect()
        with psycopg.connect(host=str(postgres_server.socket_dir), user="labest", dbname="lost",
                             autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = 'lost' AND query LIKE 'LISTEN%'")
        with pytest.raises(ConnectionLostError) as caught:
            heard(watcher)
        assert "connexion au serveur" in caught.value.message
        assert not watcher.connected
        watcher.connect()
        other = Workspace(open_database(database.location, backups_folder=tmp_path / "o"), "colleague")
        try:
            projects.create_project(other, ProjectFields(title="Après la coupure"))
            assert heard(watcher).touches_projects()
        finally:
            other.database.dispose()
    finally:
        watcher.close()
        database.dispose()
