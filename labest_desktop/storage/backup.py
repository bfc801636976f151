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
import shutil
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
    for path in list_backups(folder):
        if integrity_problem(path) is None:
            return path
    return None


def restore_sqlite(backup: Path, database: Path, backups_folder: Path) -> Path | None:
    """Replace ``database`` by ``backup`` after checking it; the current file is first
    backed up (or, if damaged, set aside under a ``.damaged-…`` name, never deleted).
    Returns where the previous database went."""
    if not backup.is_file():
        raise NotABackupError(path=str(backup), detail=messages.text("backup.missing"))
    problem = integrity_problem(backup)
    if problem:
        raise NotABackupError(path=str(backup), detail=problem)
    previous: Path | None = None
    if database.exists() and database.stat().st_size > 0:
        if integrity_problem(database) is None:
            previous = backup_sqlite(database, backups_folder / backup_name("before-restore"))
        else:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            previous = database.with_name(f"{database.name}.damaged-{stamp}")
            os.replace(database, previous)
            # Its WAL goes along (it may hold committed data the file lacks); an
            # empty one, and the -shm (only an index), are removed below.
            if has_wal(database):
                os.replace(Path(str(database) + "-wal"), Path(str(previous) + "-wal"))
    partial = database.with_name(database.name + ".restoring")
    try:
        shutil.copyfile(backup, partial)
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        for suffix in ("-wal", "-shm"):
            Path(str(database) + suffix).unlink(missing_ok=True)
        os.replace(partial, database)
        _fsync_dir(database.parent)
    except OSError as exc:
        _discard(partial)
        raise BackupError(path=str(database), detail=exc.strerror or str(exc)) from exc
    logger.info("Restored %s from %s (previous kept at %s)", database, backup, previous)
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
    }
)
