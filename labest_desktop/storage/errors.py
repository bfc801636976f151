"""Database driver errors turned into sentences the user can act on."""

from __future__ import annotations

import shutil

from sqlalchemy.exc import DBAPIError

from labest_desktop import messages
from labest_desktop.domain.errors import StorageError
from labest_desktop.storage.location import DatabaseLocation
from labest_desktop.storage.redact import mask

NEARLY_FULL_BYTES = 1024 * 1024  # less than this free beside the database: a full disk


class DatabaseBusyError(StorageError):
    key = "storage.busy"


class DiskFullError(StorageError):
    key = "storage.full"


class ReadOnlyDatabaseError(StorageError):
    key = "storage.readonly"


class ServerUnreachableError(StorageError):
    key = "storage.unreachable"


class ConnectionLostError(StorageError):
    """The server went away during an action (restarted, stopped, network cut):
    whatever was being saved is not reported as saved."""

    key = "storage.connection_lost"


# What libpq and psycopg say when an open connection is cut.
_LOST = ("server closed the connection", "terminating connection", "connection is lost", "consuming input failed",
         "connection is closed", "database system is shutting down", "database system is starting up",
         "could not receive data", "could not send data", "connection not open", "ssl syscall",
         "connection is bad", "server conn crashed")


def translate(exc: Exception, location: DatabaseLocation | None = None) -> StorageError:
    """The user-facing error for a driver exception (``exc`` is kept as the cause)."""
    where = location.describe() if location else "?"
    detail = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0] if str(exc) else type(exc).__name__
    detail = mask(detail)  # a driver may quote the address it was given, password and all
    lowered = detail.lower()
    if "database is locked" in lowered or "database table is locked" in lowered:
        return DatabaseBusyError(path=where)
    if "disk is full" in lowered or "no space left" in lowered or "disk full" in lowered:
        return DiskFullError(path=where)
    if "readonly" in lowered or "read-only" in lowered or "attempt to write a readonly" in lowered:
        return ReadOnlyDatabaseError(path=where)
    if "unable to open database" in lowered:
        return ReadOnlyDatabaseError(path=where)
    if "disk i/o error" in lowered and _disk_nearly_full(location):
        # SQLite says "disk I/O error", not "disk is full", when a full disk stops it
        # growing the WAL index (-shm): telling the user the file is damaged (and to
        # restore a backup over it) would be wrong and could cost them recent work.
        return DiskFullError(path=where)
    if "malformed" in lowered or "not a database" in lowered or "disk i/o error" in lowered:
        from labest_desktop.storage.damage import DamagedDatabaseError

        return DamagedDatabaseError(path=where, detail=detail)
    if "connection to server" in lowered and "failed" in lowered:  # libpq could not (re)connect
        return ServerUnreachableError(path=where, detail=detail)
    if any(marker in lowered for marker in _LOST):
        return ConnectionLostError(path=where, detail=detail)
    if isinstance(exc, DBAPIError) and exc.connection_invalidated or "connection" in lowered and (
        "refused" in lowered or "timeout" in lowered or "could not" in lowered
    ):
        return ServerUnreachableError(path=where, detail=detail)
    return StorageError("error.storage", detail=detail)


def _disk_nearly_full(location: DatabaseLocation | None) -> bool:
    if location is None or not location.is_sqlite or location.path is None:
        return False
    try:
        return shutil.disk_usage(location.path.parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False


messages.register(
    {
        "storage.busy": (
            "La base « {path} » est occupée par un autre programme ou un autre utilisateur depuis "
            "plus de 5 secondes. Réessayez dans un instant ; rien n'a été enregistré.",
            "The database “{path}” has been busy with another program or user for more than 5 "
            "seconds. Try again in a moment; nothing was saved.",
        ),
        "storage.full": (
            "Le disque de la base « {path} » est plein : rien n'a été enregistré. Libérez de la "
            "place puis réessayez.",
            "The disk holding “{path}” is full: nothing was saved. Free some space and try again.",
        ),
        "storage.readonly": (
            "La base « {path} » ne peut pas être modifiée (fichier ou dossier en lecture seule) : "
            "rien n'a été enregistré.",
            "The database “{path}” cannot be changed (read-only file or folder): nothing was saved.",
        ),
        "storage.connection_lost": (
            "La connexion au serveur « {path} » a été perdue ({detail}) : ce qui était en cours "
            "d'enregistrement n'est pas confirmé. Lab'EST se reconnecte seul ; ce que vous avez saisi "
            "reste à l'écran : vérifiez puis réessayez une fois la connexion rétablie.",
            "The connection to the server “{path}” was lost ({detail}): what was being saved is not "
            "confirmed. Lab'EST reconnects by itself; what you typed is still on screen: check, then "
            "try again once the connection is back.",
        ),
        "storage.unreachable": (
            "Le serveur de base de données « {path} » ne répond pas ({detail}). Vérifiez le réseau "
            "ou demandez au service informatique.",
            "The database server “{path}” does not answer ({detail}). Check the network or ask IT.",
        ),
    }
)
