"""Engines with the connection settings every session relies on."""

from __future__ import annotations

import logging

from sqlalchemy import Engine, create_engine, event

from labest_desktop.storage.location import DatabaseLocation

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5_000
# Execution option asking for ``BEGIN IMMEDIATE``: a unit of work that will write
# takes SQLite's write lock up front, so it waits (busy timeout) instead of failing
# with "database is locked" when it upgrades from reading to writing.
WRITE_OPTION = "labest_write"
# SQLite's page cache per connection, in KiB (filled as pages are read, kept for the
# connection's life). The window holds several connections (its own, the background
# readers', the import's), each filling its cache at 100,000 projects: 64 MB each
# made the window ~640 MB in a day's soak. Measured at 100,000 (importing every row
# edited elsewhere, three runs each): 16 MB 17.0 s CPU, 472 MB peak; 64 MB 17.5 s,
# 523 MB; the list's search and sort the same (6.6 s CPU for bench_window's run,
# every sort ≤ 60 ms); the import waits on the disk, not on the cache.
PAGE_CACHE_KIB = 16_384


def make_engine(location: DatabaseLocation, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    if location.is_sqlite:
        engine = create_engine(
            location.url,
            connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
        )
        _configure_sqlite(engine, busy_timeout_ms)
        return engine
    return create_engine(location.url, pool_pre_ping=True, connect_args={"connect_timeout": 10, **SERVER_LIVENESS})


# A server that vanishes without closing its connections (network cut, power loss,
# a VPN dropping) sends nothing more: an idle connection would wait for ever (the
# window's listening one: no banner until the person acts), and a statement sent
# into the void would wait the system's retransmission time, about 15 minutes. TCP
# keepalives probe an idle connection after 10 s, every 5 s, and give up after 3
# unanswered probes (gone within ~25 s); data unacknowledged for 30 s ends the
# connection. Neither limits how long the server may take to answer a query.
SERVER_LIVENESS = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3,
                   "tcp_user_timeout": 30_000}


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:
        # Python's sqlite3 "legacy transaction control" commits before DDL and begins
        # lazily; hand transactions to SQLAlchemy so DDL is transactional too.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()
            if mode and str(mode[0]).lower() != "wal":
                logger.warning("SQLite refused WAL journal mode (%s)", mode[0])
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute(f"PRAGMA cache_size=-{int(PAGE_CACHE_KIB)}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
