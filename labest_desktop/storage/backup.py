"""Copies of the SQLite database made with SQLite's online backup API.

A backup is consistent even while another connection writes (the API copies pages
under a read lock and restarts if they change). Backups are written to a temporary
name, checked, then renamed, so a crash or a full disk never leaves a half backup
that looks complete.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from labest_desktop import messages
from labest_desktop.domain.errors import StorageError
from labest_desktop.storage.damage import has_wal, header_problem

logger = logging.getLogger(__name__)

DEFAULT_KEEP = 20
BACKUP_SUFFIX = ".sqlite3"


class BackupError(StorageError):
    key = "backup.failed"


class NotABackupError(StorageError):
    key = "backup.invalid"


def backup_name(reason: str = "manual") -> str:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in reason)[:60]
    return f"labest-{stamp}-{safe}{BACKUP_SUFFIX}"


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` (a file, or a folder to put a dated file in)."""
    if destination.is_dir() or str(destination).endswith(os.sep):
        destination = destination / backup_name()
    partial = destination.with_name(destination.name + ".partial")
    try:
        # Inside the try: a backups folder that cannot be made (a file of that name,
        # no permission, a full disk) is a backup error the user reads as a sentence.
        destination.parent.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst, pages=4096)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        # quick_check (page and b-tree structure) is enough for a page-by-page copy we
        # just made, and costs a third of integrity_check on a large database; files
        # of unknown origin (restore) get the full check.
        problem = integrity_problem(partial, quick=True)
        if problem:
            raise BackupError(path=str(destination), detail=problem)
        os.replace(partial, destination)
        _fsync_dir(destination.parent)
    except sqlite3.Error as exc:
        _discard(partial)
        raise BackupError(path=str(destination), detail=str(exc)) from exc
    except OSError as exc:
        _discard(partial)
        raise BackupError(path=str(destination), detail=exc.strerror or str(exc)) from exc
    except BaseException:
        _discard(partial)
        raise
    logger.info("Backed up %s to %s", source, destination)
    return destination


def _discard(partial: Path) -> None:
    """Remove a backup cut short, if it got as far as a file (its folder may be
    what failed)."""
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def integrity_problem(path: Path, *, quick: bool = False) -> str | None:
    """What ``PRAGMA integrity_check`` (or ``quick_check``) finds wrong, or ``None``
    for a sound file."""
    problem = header_problem(path)
    if problem:
        return problem
    try:
        connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            rows = connection.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        return str(exc)
    result = "; ".join(str(r[0]) for r in rows[:5])
    return None if result == "ok" else result


STALE_PARTIAL_SECONDS = 24 * 3600


def prune(folder: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups in ``folder``, and the ``.partial``
    files of backups cut short by a crash more than a day ago (a backup still being
    written by another program is younger); returns the removed."""
    backups = list_backups(folder)
    removed = backups[keep:]
    if folder.is_dir():
        cutoff = time.time() - STALE_PARTIAL_SECONDS
        removed += [p for p in folder.glob(f"labest-*{BACKUP_SUFFIX}.partial") if p.stat().st_mtime < cutoff]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def list_backups(folder: Path) -> list[Path]:
    """Backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"labest-*{BACKUP_SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def newest_good_backup(folder: Path) -> Path | None:
    """The newest backup that restore would accept: sound, and with the schema of its
    revision (the copy taken before a restore over an altered database is neither
    offered nor restored)."""
    from labest_desktop.storage.schema_check import verify_file

    for path in list_backups(folder):
        if integrity_problem(path) is not None:
            continue
        try:
            verify_file(path, allow_empty=False)
        except (StorageError, sqlite3.Error):
            continue
        return path
    return None


RESTORE_WAIT_SECONDS = 5.0


class RestoreBusyError(StorageError):
    key = "backup.restore_busy"


def restore_sqlite(backup: Path, database: Path, backups_folder: Path) -> Path | None:
    """Put the content of ``backup`` into ``database``; returns where the previous
    content went (a ``before-restore`` backup, or the damaged file set aside).

    Nothing is touched until ``backup`` has passed every check: integrity, and a
    schema that is exactly its revision's (no trigger, view, table or column of its
    own, not empty, not newer). It is then copied aside and, if older, upgraded to
    this version's schema, so that a window still open on ``database`` finds the
    tables it knows.

    A sound ``database`` is never replaced as a file: other connections (a window
    left open, another process) would go on writing to the replaced file and every
    later save would be lost. The content goes in through SQLite's backup API, in
    one step under the database's write lock, like any other write: connections
    that were open see it at their next read (``data_version``) and keep writing
    to the same file. If another connection holds the write lock for more than
    ``RESTORE_WAIT_SECONDS``, the restore is refused and nothing changes.
    """
    from labest_desktop.storage.schema_check import verify_file

    if not backup.is_file():
        raise NotABackupError(path=str(backup), detail=messages.text("backup.missing"))
    problem = integrity_problem(backup)
    if problem:
        raise NotABackupError(path=str(backup), detail=problem)
    try:
        verify_file(backup, allow_empty=False)
    except StorageError as exc:
        raise NotABackupError(path=str(backup), detail=_schema_detail(exc)) from exc
    except sqlite3.Error as exc:
        raise NotABackupError(path=str(backup), detail=str(exc)) from exc
    staging = database.with_name(database.name + ".restoring")
    try:
        _stage(backup, staging)
        verify_file(staging, allow_empty=False)
        if database.exists() and database.stat().st_size > 0 and integrity_problem(database) is None:
            previous = backup_sqlite(database, backups_folder / backup_name("before-restore"))
            _copy_into(staging, database)
        else:
            previous = _set_aside(database)
            for suffix in ("-wal", "-shm"):
                Path(str(database) + suffix).unlink(missing_ok=True)
            os.replace(staging, database)
            _fsync_dir(database.parent)
    except sqlite3.Error as exc:
        raise BackupError(path=str(database), detail=str(exc)) from exc
    except OSError as exc:
        raise BackupError(path=str(database), detail=exc.strerror or str(exc)) from exc
    finally:
        _discard(staging)
        _discard(Path(str(staging) + "-journal"))
    logger.info("Restored %s from %s (previous kept at %s)", database, backup, previous)
    return previous


def _schema_detail(exc: StorageError) -> str:
    from labest_desktop.storage.damage import ForeignDatabaseError
    from labest_desktop.storage.schema import NewerSchemaError
    from labest_desktop.storage.schema_check import EmptyDatabaseError

    if isinstance(exc, ForeignDatabaseError):
        return messages.text("backup.foreign")
    if isinstance(exc, EmptyDatabaseError):
        return messages.text("backup.empty")
    if isinstance(exc, NewerSchemaError):
        return messages.text("backup.newer", **exc.params)
    return messages.text("backup.altered", **exc.params)


def _stage(backup: Path, staging: Path) -> None:
    """A private copy of ``backup`` at this version's schema, in rollback-journal mode."""
    from labest_desktop.storage import schema
    from labest_desktop.storage.engine import make_engine
    from labest_desktop.storage.location import DatabaseLocation

    _discard(staging)
    src = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(staging)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    location = DatabaseLocation(url=f"sqlite+pysqlite:///{staging.as_posix()}", path=staging)
    engine = make_engine(location)
    try:
        schema.ensure_current(engine)
    finally:
        engine.dispose()
    connection = sqlite3.connect(staging)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()
    for suffix in ("-wal", "-shm"):
        Path(str(staging) + suffix).unlink(missing_ok=True)


def _copy_into(staging: Path, database: Path) -> None:
    """The whole of ``staging`` into ``database`` in one backup step (one write
    transaction of ``database``); refused if its write lock stays taken."""
    live = sqlite3.connect(database, timeout=RESTORE_WAIT_SECONDS, isolation_level=None)
    try:
        page_size = live.execute("PRAGMA page_size").fetchone()[0]
        src = sqlite3.connect(staging, isolation_level=None)
        try:
            if src.execute("PRAGMA page_size").fetchone()[0] != page_size:
                # A WAL database cannot change its page size: the copy takes its size.
                src.execute(f"PRAGMA page_size={int(page_size)}")
                src.execute("VACUUM")
            deadline = time.monotonic() + RESTORE_WAIT_SECONDS

            def give_up_when_busy(status: int, _remaining: int, _total: int) -> None:
                if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
                    raise RestoreBusyError(path=str(database))

            src.backup(live, pages=-1, progress=give_up_when_busy)
        finally:
            src.close()
        with contextlib.suppress(sqlite3.Error):
            live.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise RestoreBusyError(path=str(database)) from exc
        raise
    finally:
        live.close()


def _set_aside(database: Path) -> Path | None:
    """A damaged database is moved aside under a ``.damaged-…`` name, never deleted."""
    if not database.exists() or database.stat().st_size == 0:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    previous = database.with_name(f"{database.name}.damaged-{stamp}")
    os.replace(database, previous)
    # Its WAL goes along (it may hold committed data the file lacks); an empty one,
    # and the -shm (only an index), are removed by the caller.
    if has_wal(database):
        os.replace(Path(str(database) + "-wal"), Path(str(previous) + "-wal"))
    return previous


messages.register(
    {
        "backup.failed": (
            "La sauvegarde vers « {path} » a échoué : {detail}. La base n'a pas été modifiée.",
            "The backup to “{path}” failed: {detail}. The database was not changed.",
        ),
        "backup.invalid": (
            "« {path} » n'est pas une sauvegarde utilisable : {detail}. Rien n'a été restauré.",
            "“{path}” is not a usable backup: {detail}. Nothing was restored.",
        ),
        "backup.missing": ("fichier introuvable", "file not found"),
        "backup.foreign": ("c'est la base d'une autre application", "it is another application's database"),
        "backup.empty": ("la base est vide", "the database is empty"),
        "backup.newer": (
            "elle a été écrite par une version plus récente de Lab'EST ({written_by}, schéma {db_revision})",
            "it was written by a newer Lab'EST ({written_by}, schema {db_revision})",
        ),
        "backup.altered": (
            "son schéma n'est pas celui de la révision {revision} : {detail}",
            "its schema is not the one of revision {revision}: {detail}",
        ),
        "backup.restore_busy": (
            "La base « {path} » est en cours d'écriture par un autre programme depuis plus de "
            "5 secondes : la restauration est refusée et rien n'a changé. Réessayez dans un instant.",
            "The database “{path}” has been busy with a write by another program for more than "
            "5 seconds: the restore is refused and nothing changed. Try again in a moment.",
        ),
    }
)
