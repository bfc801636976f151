"""What every use case needs: the open database and who is acting."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from labest_desktop.storage.backup import DEFAULT_KEEP
from labest_desktop.storage.database import Database, open_database
from labest_desktop.storage.location import DatabaseLocation, sqlite_location
from labest_desktop.storage.unit_of_work import UnitOfWork


def default_author() -> str:
    try:
        return os.environ.get("LABEST_USER") or getpass.getuser() or "agent"
    except Exception:  # getpass raises OSError/KeyError without a login name
        return "agent"


@dataclass
class Workspace:
    database: Database
    author: str

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.database)

    def reading(self):
        return self.database.reading()


def open_workspace(
    location: DatabaseLocation | str | os.PathLike,
    *,
    author: str | None = None,
    backups_folder: Path | None = None,
    keep: int | None = None,
) -> Workspace:
    """The one way to open a workspace: the command line, the window's start and its
    switch to another file all come here. ``location`` is a database location or a
    SQLite file's path; the database is created or upgraded (after a backup) as
    needed. By default the agent is ``LABEST_USER`` or the login name, backups go to
    the data folder's ``backups`` and the newest ``DEFAULT_KEEP`` are kept."""
    if not isinstance(location, DatabaseLocation):
        location = sqlite_location(location)
    database = open_database(location, backups_folder=backups_folder, keep=DEFAULT_KEEP if keep is None else keep)
    return Workspace(database, author or default_author())
