"""SQLite's page cache stays bounded per connection: the window keeps several
connections open for the whole day (its own, the background readers'), and each
would otherwise keep as much of a big database as it ever read."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sqlite3

import pytest
from sqlalchemy import text

from labest_desktop.storage.engine import make_engine
from labest_desktop.storage.location import sqlite_location


def _sqlite_memory_used():
    try:
        library = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "")
        function = library.sqlite3_memory_used
    except (OSError, AttributeError):
        return None
    function.restype = ctypes.c_int64
    return function


memory_used = _sqlite_memory_used()


@pytest.mark.skipif(memory_used is None, reason="the SQLite library Python uses cannot be asked here")
def test_connections_reading_a_big_database_keep_a_bounded_cache(tmp_path):
    """Three connections each read a 96 MB table whole: SQLite holds at most ~16 MB
    for each (with 64 MB a connection it held 198 MB; at 100,000 projects the window
    sat at ~640 MB)."""
    path = tmp_path / "big.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)")
        raw.executemany("INSERT INTO blobs (data) VALUES (?)", ((os.urandom(3000),) for _ in range(32_000)))
    raw.close()
    engine = make_engine(sqlite_location(path))
    try:
        before = memory_used()
        connections = [engine.connect() for _ in range(3)]
        for connection in connections:
            total = connection.execute(text("SELECT sum(length(data)) FROM blobs")).scalar()
            assert total == 96_000_000
        held_mb = (memory_used() - before) / 1_048_576
        for connection in connections:
            connection.close()
    finally:
        engine.dispose()
    assert held_mb <= 3 * 20, held_mb


def _big_table(path, rows: int = 16_000) -> None:
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)")
        raw.executemany("INSERT INTO blobs (data) VALUES (?)", ((os.urandom(3000),) for _ in range(rows)))
    raw.close()


@pytest.mark.skipif(memory_used is None, reason="the SQLite library Python uses cannot be asked here")
def test_idle_connections_hand_their_cached_pages_back(sqlite_workspace):
    """Two connections waiting in the pool, each holding its cache full of a 48 MB
    table: ``release_memory`` empties both caches (the window calls it when the
    person pauses) and the next read gives the same answer."""
    database = sqlite_workspace.database
    _big_table(database.location.path)
    connections = [database.engine.connect() for _ in range(2)]
    for connection in connections:
        assert connection.execute(text("SELECT sum(length(data)) FROM blobs")).scalar() == 48_000_000
        connection.commit()
    for connection in connections:
        connection.close()
    assert database.engine.pool.checkedin() == 2
    cached = memory_used()
    database.release_memory()
    released_mb = (cached - memory_used()) / 1_048_576
    assert released_mb >= 2 * 12, released_mb  # ~16 MB each were cached
    assert database.engine.pool.checkedin() == 2  # the same connections, none opened or closed
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT sum(length(data)) FROM blobs")).scalar() == 48_000_000
