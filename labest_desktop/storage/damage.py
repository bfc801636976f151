"""Recognising a file at the database path that is not a healthy SQLite database.

Such a file is never overwritten or "repaired": the user is told, the file stays
where it is (or is set aside by an explicit restore), and the newest good backup is
offered. A sound SQLite file whose schema is not Lab'EST's is schema_check's
business (which imports this module; this one imports no other storage module).
"""

from __future__ import annotations

from pathlib import Path

from labest_desktop import messages
from labest_desktop.domain.errors import StorageError

SQLITE_MAGIC = b"SQLite format 3\x00"


class DamagedDatabaseError(StorageError):
    key = "storage.damaged"


class ForeignDatabaseError(StorageError):
    """A healthy SQLite file that belongs to another application."""

    key = "storage.foreign"


def header_problem(path: Path) -> str | None:
    """What is wrong with the file's header, or ``None`` if it looks like SQLite.

    Reads 100 bytes: cheap enough for every start. A file shorter than the size its
    header declares has been truncated (a copy cut short, a full disk).
    """
    try:
        size = path.stat().st_size
        if size == 0:
            return None  # SQLite treats an empty file as a new database
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        return messages.text("storage.damage.unreadable", detail=exc.strerror or str(exc))
    if not header.startswith(SQLITE_MAGIC):
        return messages.text("storage.damage.not_sqlite")
    if len(header) < 100:
        return messages.text("storage.damage.truncated", size=size, expected=100)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    change_counter = int.from_bytes(header[24:28], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    # The in-header size is only trustworthy when its "valid-for" matches the counter,
    # and only when no write-ahead log lies beside the file: a checkpoint writes page 1
    # (with the grown size) first, and a crash before it reaches the last page leaves
    # a short file that the WAL completes at the next opening (integrity_check, after
    # opening, still finds real damage).
    if page_count and valid_for == change_counter and size < page_count * page_size and not has_wal(path):
        return messages.text("storage.damage.truncated", size=size, expected=page_count * page_size)
    return None


WAL_HEADER_BYTES = 32


def has_wal(path: Path) -> bool:
    """Whether a write-ahead log with at least its header lies beside ``path``."""
    try:
        return Path(str(path) + "-wal").stat().st_size >= WAL_HEADER_BYTES
    except OSError:
        return False


messages.register(
    {
        "storage.damaged": (
            "La base « {path} » est endommagée ({detail}). Elle n'a pas été modifiée. "
            "Restaurez la dernière sauvegarde saine (labest restore FICHIER) ; le fichier "
            "endommagé sera mis de côté.",
            "The database “{path}” is damaged ({detail}). It was not changed. Restore the "
            "newest good backup (labest restore FILE); the damaged file will be set aside.",
        ),
        "storage.foreign": (
            "Le fichier « {path} » est une base SQLite d'une autre application. Lab'EST ne "
            "l'ouvre pas pour ne pas la modifier : choisissez un autre fichier.",
            "The file “{path}” is another application's SQLite database. Lab'EST will not open "
            "it, so as not to change it: choose another file.",
        ),
        "storage.damage.unreadable": ("illisible : {detail}", "unreadable: {detail}"),
        "storage.damage.not_sqlite": (
            "ce n'est pas une base SQLite",
            "it is not a SQLite database",
        ),
        "storage.damage.truncated": (
            "fichier tronqué : {size} octets au lieu de {expected}",
            "truncated file: {size} bytes instead of {expected}",
        ),
    }
)
