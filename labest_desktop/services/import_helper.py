"""A second process that works out an import's updates while the import writes.

At 100,000 updated projects the writer of an import spent about 2.3 s working out
what to write (each stored project read again, the project as the import leaves it,
its revision document, its search text) and 2.3 s writing it, one after the other
on one core while the other stood idle: the reader's process has ended by then.
A thread cannot do the first while the writer does the second (it needs Python's
lock for every row the writer binds: measured slower); another process can. The
helper works out slices of updates ahead of the writer, which writes them in the
plans' order as they come back.

The helper is this application's own code on this office's own data: it reads no
file from outside. It is a new interpreter, not a fork (a forked copy would count
the importing process's pages a second time), started by
:meth:`UpdateHelper.start`, and reads the database as committed: under the
import's write lock, exactly what the import checked. It only saves time:

* it must find every project in the version the import checked, else that slice is
  worked out here;
* if it cannot start, fails a slice or dies, what it has not answered is worked
  out here, as if there were no helper;
* so the same import writes the same rows, ids included, with or without it
  (tested).

Frames both ways are pickled and prefixed by their length: the helper is trusted
like this process (it reads nothing from outside), and it ends when its input
closes (the import ended, or was killed).
"""

from __future__ import annotations

import gc
import logging
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from labest_desktop.child_processes import binary_fd, own_command, read_frame, write_frame
from labest_desktop.services.import_plan import RowPlan
from labest_desktop.services.import_writes import UpdateRow, prepare_update
from labest_desktop.services.snapshots import load_projects
from labest_desktop.storage.search import forget_short_texts

logger = logging.getLogger(__name__)

HELPER_ARGUMENT = "--import-helper"  # a frozen build starts a copy of itself with it
# From this many updates to work out at apply, a helper is started. Below, its
# start-up (~0.3 s) is not paid back: forced on for 10,000 rows edited elsewhere,
# the import had written every slice itself before the helper was ready.
HELPER_ABOVE = 20_000
# ``off``: never a helper (a machine where starting processes is a problem); ``on``:
# one whatever the size (the tests, the packaged build's check).
HELPER_VARIABLE = "LABEST_IMPORT_HELPER"
READY = "ready"
HELPER_CACHE_KIB = 2_048
PATIENCE = 60.0  # seconds the import waits for one slice before it stops the helper

# (plan, fields settled in favour of the file) of one updated project.
Update = tuple[RowPlan, dict]


def prepare_rows(
    session: Session, updates: Sequence[Update], organisation_ids: dict[str, int], envelope_ids: dict[str, int],
) -> list[tuple[int, UpdateRow]]:
    """The writes of ``updates`` (:func:`prepare_update`), the stored projects read
    from ``session``: a plan that kept the project as stored needs no second read."""
    stored = {p.id: p for p in load_projects(
        session, [plan.project_id for plan, _ in updates if plan.mine is None], with_search_text=True
    )}
    rows = []
    for plan, chosen in updates:
        read = stored.get(plan.project_id)
        if read is not None and read.version != plan.version:
            raise StaleSliceError(f"project {plan.project_id} is at version {read.version}, not {plan.version}")
        mine = read.snapshot if read is not None else plan.mine
        rows.append((plan.project_id, prepare_update(plan, chosen, mine, read.search_text if read else None,
                                                     organisation_ids, envelope_ids)))
    forget_short_texts()  # a slice's titles are met once: 65,536 of them would stay
    return rows


class StaleSliceError(RuntimeError):
    """A project read in another version than the one the import checked."""


def wanted(updates: int) -> bool:
    """Whether an import with ``updates`` to work out at apply starts a helper."""
    setting = os.environ.get(HELPER_VARIABLE, "").strip().lower()
    if setting == "off":
        return False
    return setting == "on" or updates >= HELPER_ABOVE


def _job(plan: RowPlan, chosen: dict) -> tuple:
    """What the helper needs of an update, as plain values: built and pickled in
    0.05 s per 100,000 in the importing process, where plans pickled whole (through
    their dataclass's state, in Python) took 0.31 s."""
    return (plan.kind, plan.project_id, plan.version, plan.mine, plan.taken, plan.conflicts, chosen,
            plan.theirs, plan.file_print, plan.whole)


def _update(job: tuple) -> Update:
    kind, project_id, version, mine, taken, conflicts, chosen, theirs, file_print, whole = job
    plan = RowPlan(0, kind, "", theirs, project_id=project_id, version=version, mine=mine, taken=taken,
                   conflicts=conflicts, file_print=file_print, whole=whole)
    return plan, chosen


def _send(stream: BinaryIO, frame: object) -> None:
    write_frame(stream, frame)
    stream.flush()


class UpdateHelper:
    """The helper process, seen from the import: slices handed over by index, their
    rows taken back in any order. Never raises: a helper that fails is stopped and
    :meth:`take` answers ``None`` for what it did not answer."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.process = process
        self._ready = threading.Event()
        self._answers: dict[int, list | None] = {}
        self._outbox: queue.SimpleQueue = queue.SimpleQueue()
        self._answered = threading.Condition()
        self._ended = False
        self.submitted: set[int] = set()
        self.worked_out = 0  # slices whose rows it gave back
        threading.Thread(target=self._read, name="labest-import-helper-in", daemon=True).start()
        threading.Thread(target=self._write, name="labest-import-helper-out", daemon=True).start()

    @classmethod
    def start(cls, connection: Connection) -> UpdateHelper | None:
        """A helper for the SQLite database of ``connection`` (in WAL mode: a reader
        never waits on the import's writes), or ``None`` where there can be none. It
        starts (a new interpreter loading its modules, ~0.3 s) while the import
        checks versions and names; :meth:`begin` gives it the names' ids."""
        if connection.dialect.name != "sqlite":
            return None
        path = connection.exec_driver_sql("PRAGMA database_list").fetchone()[2]
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        if not path or str(mode).lower() != "wal":
            return None
        try:
            process = subprocess.Popen(
                own_command(HELPER_ARGUMENT, "labest_desktop.services.import_helper"), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError as exc:
            logger.warning("import helper not started (%s): the import works alone", exc)
            return None
        helper = cls(process)
        helper._outbox.put(path)
        return helper

    def begin(self, organisation_ids: dict[str, int], envelope_ids: dict[str, int]) -> None:
        """The ids of the names the import's projects use, those it creates included."""
        self._outbox.put((organisation_ids, envelope_ids))

    def ready(self) -> bool:
        return self._ready.is_set() and not self._ended

    def submit(self, index: int, updates: Sequence[Update]) -> None:
        self.submitted.add(index)
        self._outbox.put((index, [_job(plan, chosen) for plan, chosen in updates]))

    def answered(self, index: int, wait: float = 0.0) -> bool:
        """Whether :meth:`take` would answer ``index`` without waiting, once up to
        ``wait`` seconds have passed for it."""
        with self._answered:
            return self._answered.wait_for(
                lambda: index not in self.submitted or index in self._answers or self._ended, wait
            )

    def take(self, index: int) -> list[tuple[int, UpdateRow]] | None:
        """The rows of slice ``index`` once the helper answers, or ``None`` when it
        did not work it out (not submitted, failed, helper gone). A helper silent
        for ``PATIENCE`` seconds (a slice takes it a tenth of a second) is stopped:
        the import goes on alone."""
        if index not in self.submitted:
            return None
        with self._answered:
            if not self._answered.wait_for(lambda: index in self._answers or self._ended, PATIENCE):
                logger.warning("import helper silent for %s s on slice %s: stopped", PATIENCE, index)
                self._ended = True
                self._kill()
            rows = self._answers.pop(index, None)
        self.worked_out += rows is not None
        return rows

    def close(self) -> None:
        self._outbox.put(None)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._end()

    def _end(self) -> None:
        with self._answered:
            self._ended = True
            self._answered.notify_all()

    def _write(self) -> None:
        stream = self.process.stdin
        try:
            while (frame := self._outbox.get()) is not None:
                _send(stream, frame)
        except (OSError, ValueError) as exc:
            logger.warning("import helper stopped taking work (%s)", exc)
            self._kill()
        finally:
            try:
                stream.close()
            except OSError:
                pass

    def _read(self) -> None:
        stream = self.process.stdout
        try:
            while True:
                frame = read_frame(stream)
                if frame == READY:
                    self._ready.set()
                    continue
                index, rows, problem = frame
                if problem:
                    logger.warning("import helper left slice %s to the import: %s", index, problem)
                with self._answered:
                    self._answers[index] = rows
                    self._answered.notify_all()
        except Exception as exc:  # EOFError when it ends; anything else ends it too
            if not isinstance(exc, EOFError):
                logger.warning("import helper's answer unreadable (%s)", exc)
                self._kill()
        finally:
            self._end()

    def _kill(self) -> None:
        try:
            self.process.kill()
        except OSError:
            pass


def main() -> int:
    """The helper's side: the database's path and the name ids, then slices until
    its input closes."""
    from labest_desktop.storage.engine import make_engine
    from labest_desktop.storage.location import sqlite_location

    # Frames only on the real standard output; anything printed goes to the error one.
    answers = os.fdopen(binary_fd("stdout"), "wb")
    work = os.fdopen(binary_fd("stdin"), "rb")
    sys.stdout = sys.stderr
    try:
        path = read_frame(work)
    except EOFError:
        return 0
    connection = make_engine(sqlite_location(Path(path))).connect()
    # Each project is read once, in slices of neighbouring ids: a small page cache
    # does (the application's 16 MB grew the helper by as much, for nothing).
    connection.exec_driver_sql(f"PRAGMA cache_size=-{HELPER_CACHE_KIB}")
    connection.commit()
    # What was imported is there for good: out of the collector's passes, which
    # walked it all at every full one (a tenth of the helper's time).
    gc.freeze()
    try:
        organisation_ids, envelope_ids = read_frame(work)
    except EOFError:
        return 0
    _send(answers, READY)
    while True:
        try:
            frame = read_frame(work)
        except EOFError:
            return 0
        index, jobs = frame
        try:
            updates = [_update(job) for job in jobs]
            with Session(connection) as session:
                rows, problem = prepare_rows(session, updates, organisation_ids, envelope_ids), None
        except Exception as exc:  # the import works that slice out itself
            rows, problem = None, f"{type(exc).__name__}: {exc}"
        _send(answers, (index, rows, problem))


if __name__ == "__main__":
    raise SystemExit(main())
