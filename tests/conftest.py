"""Shared fixtures: real SQLite files in tmp_path, a real PostgreSQL server."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from labest_desktop import messages


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch) -> Path:
    """Every test gets its own data folder, so nothing touches the user's real one,
    and messages in French (the default language)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("LABEST_DATA_DIR", str(folder))
    monkeypatch.setenv("LABEST_USER", "test-agent")
    monkeypatch.delenv("LABEST_DB", raising=False)
    monkeypatch.delenv("LABEST_DATABASE_URL", raising=False)
    messages.set_language("fr")
    return folder


def _own_server():
    """A PostgreSQL server in a temporary folder, stopped when the session ends
    (required in CI, skipped where the binaries are missing)."""
    from tests.support.pg_server import PostgresServer, find_bin

    if not find_bin("initdb"):
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL 15 (initdb, pg_ctl) is required in CI")
        pytest.skip("PostgreSQL server binaries not installed")
    server = PostgresServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_server():
    yield from _own_server()


@pytest.fixture(scope="session")
def restartable_server():
    """A server of its own for the tests that stop or restart it (the others share
    ``postgres_server``, whose connections must not be cut under them)."""
    yield from _own_server()


_db_counter = itertools.count()


def _open(location, tmp_path):
    from labest_desktop.storage.database import open_database

    return open_database(location, backups_folder=tmp_path / "backups")


@pytest.fixture
def sqlite_workspace(tmp_path):
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.location import sqlite_location

    database = _open(sqlite_location(tmp_path / "labest.sqlite3"), tmp_path)
    yield Workspace(database, "test-agent")
    database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def workspace(request, tmp_path):
    """A workspace on a fresh database, once on SQLite and once on PostgreSQL."""
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.location import server_location, sqlite_location

    if request.param == "sqlite":
        location = sqlite_location(tmp_path / "labest.sqlite3")
    else:
        server = request.getfixturevalue("postgres_server")
        location = server_location(server.create_database(f"t{next(_db_counter)}"))
    database = _open(location, tmp_path)
    yield Workspace(database, "test-agent")
    database.dispose()
