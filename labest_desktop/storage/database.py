"""Opening a database: location checks, engine, schema, sessions, backups."""

from __future__ import annotations

import logging
import sqlite3
import uuid
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from labest_desktop import messages, paths
from labest_desktop.domain.errors import StorageError
from labest_desktop.storage import backup as backups
from labest_desktop.storage import notify, search
from labest_desktop.storage.damage import DamagedDatabaseError, header_problem
from labest_desktop.storage.engine import WRITE_OPTION, make_engine
from labest_desktop.storage.errors import translate
from labest_desktop.storage.location import DatabaseLocation
from labest_desktop.storage.schema import ensure_current
from labest_desktop.storage.schema_check import is_damage, verify_connection, verify_file

logger = logging.getLogger(__name__)


class ServerBackupUnsupported(StorageError):
    key = "storage.server_backup"


class DatabaseReplacedError(StorageError):
    key = "storage.replaced"


def file_identity(path: Path | None) -> tuple[int, int] | None:
    """(device, inode) of the SQLite file: which file, not which content."""
    if path is None:
        return None
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


class Database:
    """An open database: the engine and session factories for one location."""

    def __init__(self, location: DatabaseLocation, engine: Engine, backups_folder: Path, keep: int) -> None:
        self.location = location
        self.engine = engine
        self.backups_folder = backups_folder
        self.keep = keep
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._driver_error = engine.dialect.loaded_dbapi.Error
        self._write = sessionmaker(engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False)
        self._identity = file_identity(location.path)
        # Moves with every change this process commits or hears of from another
        # (storage.changes); ``None`` while nobody watches the database, so that
        # what is kept between reads (project_query) is only kept when it can be
        # known current.
        self.change_stamp: int | None = None
        self.kept_ids = None
        # Names this program in the change notices it sends (storage.notify), so
        # that it can tell its own from the others'.
        self.origin = uuid.uuid4().hex
        self.own_commit_listeners: list = []

    def note_change(self, *, own: bool = True) -> None:
        """The data changed: committed here (``own``), or announced by another
        program."""
        if self.change_stamp is not None:
            self.change_stamp += 1
        self.kept_ids = None
        if own:
            for listener in list(self.own_commit_listeners):
                listener()

    def same_file(self) -> bool:
        """Whether the path still names the file this database's connections opened.

        Another program (an older Lab'EST, a copy made by hand, a sync tool) may put
        a new file at the path: connections opened before would go on reading and
        writing the old one, and every save would vanish. When that happened, the
        pooled connections are dropped, so the next session opens the new file.
        """
        if not self.location.is_sqlite:
            return True
        now = file_identity(self.location.path)
        if now == self._identity or self._identity is None:
            self._identity = now  # a new database: its file exists from the first connection
            return True
        logger.warning("%s was replaced by another file; reconnecting", self.location.path)
        self.engine.dispose()
        self._identity = now
        return False

    def check_same_file(self) -> None:
        """Before a write: refuse it (once) if the file was replaced since it was read,
        since what the user changed was read from the old file."""
        if not self.same_file():
            raise DatabaseReplacedError(path=str(self.location.path))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def write_session(self) -> Session:
        return self._write()

    @contextmanager
    def reading(self):
        """A session for reading only; errors become user-facing storage errors."""
        self.same_file()
        session = self._read()
        try:
            yield session
        except (OperationalError, DatabaseError) as exc:
            raise translate(exc, self.location) from exc
        except self._driver_error as exc:
            # A few reads send statements on the driver's own cursor
            # (storage.search.fetch_array). SQLAlchemy did not see the error, so it
            # would hand the connection back as sound (and roll back on a dead one).
            session.invalidate()
            raise translate(exc, self.location) from exc
        finally:
            # close() ends the transaction without expiring what was loaded, so
            # values read inside the block stay readable after it.
            session.close()

    def backup(self, destination: Path | None = None, reason: str = "manual") -> Path:
        """A consistent copy of the database (SQLite only), pruning old automatic ones."""
        if not self.location.is_sqlite:
            raise ServerBackupUnsupported()
        assert self.location.path is not None
        if destination is None:
            destination = self.backups_folder / backups.backup_name(reason)
        made = backups.backup_sqlite(self.location.path, destination)
        if made.parent == self.backups_folder:
            backups.prune(self.backups_folder, self.keep)
        return made

    def checkpoint(self) -> None:
        """Merge what the WAL holds into the database file (SQLite; best effort).

        Called after every committed unit of work: until then a save lives only in
        the ``-wal`` file beside the database, and a copy of the database file alone
        (to a USB stick, by a sync tool) or a ``-wal`` lost after a crash would not
        have it. PASSIVE never waits for nor blocks other connections; frames a
        reader still needs stay in the WAL and are merged by a later checkpoint.
        """
        if not self.location.is_sqlite:
            return
        try:
            raw = self.engine.raw_connection()
            try:
                # The driver connection is in autocommit mode (engine.py): no BEGIN
                # is wrapped around the pragma, which a checkpoint would refuse.
                raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            finally:
                raw.close()
        except Exception as exc:  # the save is committed; a later checkpoint will merge it
            logger.info("WAL checkpoint of %s skipped: %s", self.location.describe(), exc)

    def release_memory(self) -> None:
        """SQLite: the connections waiting in the pool hand back the pages they keep
        cached (``PRAGMA shrink_memory``; a server database: nothing to do).

        Called once the window has been idle a moment (ui/tasks.py). A connection's
        cache only serves its next reads until another connection writes, which
        empties it anyway; kept through a pause it is memory held for nothing: at
        100,000 projects the window's connections went from 5 to 37 MB over a day's
        soak, up and down with what the last actions read. Read again, the pages come
        from the system's file cache (a few milliseconds for a whole cache).
        """
        if not self.location.is_sqlite:
            return
        pool = self.engine.pool
        waiting = pool.checkedin() if hasattr(pool, "checkedin") else 0
        held = []
        try:
            # Every connection waiting now, each taken once (none is opened: only as
            # many as wait are asked for, on the window's thread, once work settled).
            for _ in range(waiting):
                held.append(self.engine.raw_connection())
            for raw in held:
                raw.driver_connection.execute("PRAGMA shrink_memory")
        except Exception as exc:  # memory only: the next read works the same
            logger.info("SQLite memory of %s not released: %s", self.location.describe(), exc)
        finally:
            for raw in held:
                raw.close()

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(
    location: DatabaseLocation,
    *,
    backups_folder: Path | None = None,
    keep: int = backups.DEFAULT_KEEP,
    migrate: bool = True,
) -> Database:
    """Open ``location``, creating or upgrading its schema when ``migrate`` is set.

    A file that is not a sound SQLite database raises ``DamagedDatabaseError``, one
    whose schema is not exactly its revision's ``SchemaMismatchError`` (or
    ``ForeignDatabaseError``, ``NewerSchemaError``); either is left untouched.
    """
    search.install()
    notify.install()
    folder = backups_folder or paths.backups_dir()
    verify_after_connecting = False
    if location.is_sqlite:
        assert location.path is not None
        if location.path.exists():
            problem = header_problem(location.path)
            if problem:
                raise DamagedDatabaseError(path=str(location.path), detail=problem)
            try:
                # Before any engine: its first connection switches the file to WAL,
                # and a refused file must not change by a single byte.
                verify_file(location.path)
            except sqlite3.Error as exc:
                if is_damage(exc):
                    raise DamagedDatabaseError(path=str(location.path), detail=str(exc)) from exc
                # Not readable read-only (a WAL left by a crash with no -shm, a locked
                # file): checked again through the engine, before anything is written.
                verify_after_connecting = True
        else:
            try:
                location.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError("storage.cannot_create", path=str(location.path), detail=exc.strerror) from exc
    engine = make_engine(location)
    database = Database(location, engine, folder, keep)
    if verify_after_connecting:
        try:
            raw = engine.raw_connection()
            try:
                verify_connection(raw.driver_connection, location.path)
            finally:
                raw.close()
        except StorageError:
            engine.dispose()
            raise
        except (OperationalError, DatabaseError, sqlite3.Error) as exc:
            engine.dispose()
            raise translate(exc, location) from exc
    if migrate:
        try:
            ensure_current(engine, backup=lambda reason: database.backup(reason=reason) if location.is_sqlite else None)
        except StorageError:
            engine.dispose()
            raise
        except (OperationalError, DatabaseError) as exc:
            needs_owner = _needs_owner(exc, engine, location)
            engine.dispose()
            raise (needs_owner or translate(exc, location)) from exc
    return database


class NeedsOwnerError(StorageError):
    """The schema must be created or upgraded and this login may not (PostgreSQL's
    application role has no DDL rights; the owner role migrates)."""

    key = "storage.needs_owner"


def _needs_owner(exc: Exception, engine: Engine, location: DatabaseLocation) -> NeedsOwnerError | None:
    if getattr(getattr(exc, "orig", None), "sqlstate", None) != "42501":  # insufficient_privilege
        return None
    from labest_desktop.storage.migrations import HEAD
    from labest_desktop.storage.schema import current_revision

    try:
        revision = current_revision(engine) or "—"
    except (OperationalError, DatabaseError):
        revision = "?"
    return NeedsOwnerError(path=location.describe(), user=engine.url.username or "?", db_revision=revision,
                           app_revision=HEAD)


def integrity_report(database: Database) -> list[str]:
    """Problems found by integrity_check and foreign_key_check (SQLite), empty if sound."""
    problems: list[str] = []
    if database.dialect != "sqlite":
        with database.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return problems
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            problems.extend(str(r[0]) for r in rows[:20])
        for row in connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()[:20]:
            problems.append(messages.text("storage.fk_problem", table=row[0], rowid=row[1], parent=row[2]))
    return problems


messages.register(
    {
        "storage.server_backup": (
            "Les sauvegardes d'une base sur serveur PostgreSQL se font sur le serveur (pg_dump) ; "
            "demandez-les à votre service informatique.",
            "Backups of a PostgreSQL server database are made on the server (pg_dump); ask IT.",
        ),
        "storage.needs_owner": (
            "La base « {path} » doit être créée ou mise à jour (schéma {db_revision} → {app_revision}) et "
            "le compte « {user} » n'en a pas le droit : c'est le rôle propriétaire de la base qui le fait. "
            "Demandez au service informatique de lancer une fois « labest --database-url <adresse du "
            "propriétaire> upgrade ». Rien n'a été modifié.",
            "The database “{path}” must be created or upgraded (schema {db_revision} → {app_revision}) and "
            "the login “{user}” may not do it: the database's owner role does. Ask IT to run "
            "“labest --database-url <owner's address> upgrade” once. Nothing was changed.",
        ),
        "storage.cannot_create": (
            "Impossible de créer la base « {path} » : {detail}. Choisissez un dossier où vous pouvez écrire.",
            "Cannot create the database “{path}”: {detail}. Choose a folder you can write to.",
        ),
        "storage.replaced": (
            "Le fichier de la base « {path} » a été remplacé par un autre programme : rien n'a été "
            "enregistré. Les données affichées sont relues depuis le nouveau fichier ; refaites "
            "la modification si elle est toujours utile.",
            "The database file “{path}” was replaced by another program: nothing was saved. What "
            "is shown is read again from the new file; make the change again if it still matters.",
        ),
        "storage.fk_problem": (
            "lien rompu : table {table}, ligne {rowid}, vers {parent}",
            "broken link: table {table}, row {rowid}, to {parent}",
        ),
    }
)
