"""What every use case needs: the open database and who is acting."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass

from labest_desktop.storage.database import Database
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
