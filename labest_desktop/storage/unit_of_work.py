"""One transaction per user action.

``with UnitOfWork(database) as uow: ...; uow.commit()`` — nothing is written unless
``commit`` is called, and any failure rolls the whole action back. Driver errors and
concurrent-edit conflicts leave as ``LabestError`` sentences.
"""

from __future__ import annotations

from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from labest_desktop.domain.errors import LabestError, StaleEditError
from labest_desktop.storage import notify
from labest_desktop.storage.database import Database, DatabaseReplacedError
from labest_desktop.storage.errors import translate


class UnitOfWork:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        self.database.check_same_file()
        self.session = self.database.write_session()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self.session is not None
        try:
            self.session.rollback()
        except (OperationalError, DatabaseError):
            pass
        finally:
            self.session.close()
        if exc is None or isinstance(exc, LabestError):
            return None
        if isinstance(exc, StaleDataError):
            raise StaleEditError("error.stale_race") from exc
        if isinstance(exc, (OperationalError, DatabaseError)):
            raise translate(exc, self.database.location) from exc
        return None

    def commit(self) -> None:
        assert self.session is not None
        # The notice to the other programs goes in this transaction: sent when it
        # commits, never for a save that did not happen (storage.notify).
        notify.announce(self.session, self.database.origin)
        self.session.commit()
        self.database.note_change()
        if not self.database.same_file():
            # Replaced between the check on entry and this commit: the save went to
            # the old file. Said, never reported as saved.
            raise DatabaseReplacedError(path=str(self.database.location.path))
        self.database.checkpoint()
