"""Hearing what other programs change in the same database, without Qt.

- PostgreSQL: :class:`ServerWatcher` listens on its own connection to the notices
  every unit of work sends when it commits (storage.notify); ``fileno()`` is the
  socket to watch (the window uses a ``QSocketNotifier``), ``drain()`` reads what
  arrived without waiting.
- SQLite: :class:`FileWatcher` reads ``PRAGMA data_version`` on its own connection,
  which moves whenever another connection commits; the window asks when it regains
  the focus and on a timer. It cannot tell what changed: everything is said.

Both ignore this program's own commits (its views already know) and, while they
watch, let the database keep what it read between reads (``Database.change_stamp``).
"""

from __future__ import annotations

import logging
import sqlite3

from sqlalchemy.engine import make_url

from labest_desktop.services.changes import EVERYTHING, NOTHING, Changes
from labest_desktop.storage import notify
from labest_desktop.storage.database import Database
from labest_desktop.storage.engine import SERVER_LIVENESS
from labest_desktop.storage.errors import ConnectionLostError

logger = logging.getLogger(__name__)


class ServerWatcher:
    def __init__(self, database: Database) -> None:
        self.database = database
        self._connection = None

    def connect(self) -> None:
        """Open the listening connection (raises ``ConnectionLostError`` if the
        server cannot be reached)."""
        import psycopg

        self.close()
        url = make_url(self.database.location.url).set(drivername="postgresql")
        try:
            self._connection = psycopg.connect(
                url.render_as_string(hide_password=False), autocommit=True, connect_timeout=5, **SERVER_LIVENESS
            )
            self._connection.execute(f"LISTEN {notify.CHANNEL}")
        except psycopg.Error as exc:
            self.close()
            raise ConnectionLostError(path=self.database.location.describe(), detail=_first_line(exc)) from exc
        self.database.change_stamp = self.database.change_stamp or 0
        self.database.note_change(own=False)  # what was kept before may be stale

    @property
    def connected(self) -> bool:
        return self._connection is not None

    def fileno(self) -> int:
        assert self._connection is not None
        return self._connection.pgconn.socket

    def drain(self) -> Changes:
        """What the others committed since the last call (``NOTHING`` if none);
        raises ``ConnectionLostError`` when the server went away."""
        import psycopg

        if self._connection is None:
            raise ConnectionLostError(path=self.database.location.describe(), detail="-")
        pgconn = self._connection.pgconn
        heard = NOTHING
        try:
            pgconn.consume_input()
            while (notice := pgconn.notifies()) is not None:
                heard = heard | changes_of(notice.extra.decode("utf-8", "replace"), self.database.origin)
        except psycopg.Error as exc:
            self.close()
            raise ConnectionLostError(path=self.database.location.describe(), detail=_first_line(exc)) from exc
        if pgconn.status != psycopg.pq.ConnStatus.OK:
            self.close()
            raise ConnectionLostError(path=self.database.location.describe(), detail="-")
        if heard:
            self.database.note_change(own=False)
        return heard

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception:  # already broken
                pass
            self._connection = None


def changes_of(payload: str, own_origin: str) -> Changes:
    """The ``Changes`` a notice announces; ``NOTHING`` for this program's own."""
    body = notify.decode(payload)
    if body.get("origin") == own_origin:
        return NOTHING
    if body.get("everything"):
        return EVERYTHING
    try:
        return Changes.of(projects=body.get("projects"), events=body.get("events"),
                          organisations=body.get("organisations"), envelopes=body.get("envelopes"))
    except (TypeError, ValueError):
        return EVERYTHING


class FileWatcher:
    def __init__(self, database: Database) -> None:
        assert database.location.path is not None
        self.database = database
        self._connection = self._connect()
        self._seen = self._version()
        database.change_stamp = database.change_stamp or 0
        database.own_commit_listeners.append(self._own_commit)

    def _connect(self) -> sqlite3.Connection:
        # Read only, never creating the file; autocommit, so that no transaction
        # is left open between checks.
        assert self.database.location.path is not None
        return sqlite3.connect(
            f"file:{self.database.location.path.as_posix()}?mode=ro", uri=True, isolation_level=None,
            check_same_thread=False,
        )

    def _version(self) -> int:
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def _own_commit(self) -> None:
        # This program's commit moved data_version too: take it as seen. (Another
        # program committing in the same millisecond would be taken for it; the
        # next change, or F5, shows it.)
        self._seen = self._version()

    def check(self) -> Changes:
        """``EVERYTHING`` if another program committed since the last check, or put
        another file at the database's path (a restore by Lab'EST writes into the
        same file and moves ``data_version``; a file copied over it by hand does not:
        the workspace then reconnects to the new file, and so does this watcher)."""
        if not self.database.same_file():
            self._connection.close()
            self._connection = self._connect()
            self._seen = self._version()
            self.database.note_change(own=False)
            return EVERYTHING
        try:
            version = self._version()
        except sqlite3.Error as exc:
            logger.info("data_version of %s unreadable: %s", self.database.location.describe(), exc)
            return NOTHING
        if version == self._seen:
            return NOTHING
        self._seen = version
        self.database.note_change(own=False)
        return EVERYTHING

    def close(self) -> None:
        if self._own_commit in self.database.own_commit_listeners:
            self.database.own_commit_listeners.remove(self._own_commit)
        self._connection.close()


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
