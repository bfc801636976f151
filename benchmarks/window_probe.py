"""What the window benchmarks share: a copy of a database opened as the window opens
it, the window built as ``app.build_window`` builds it, and a meter of the longest
time the window's thread went without serving its event loop.

The meter is a 2 ms ``QTimer`` on the window's thread: the largest gap between two
of its ticks, less the interval, is the longest block a user would have felt (a
click or a repaint waits that long).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import resource
import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import event


def application() -> QApplication:
    app = QApplication.instance() or QApplication(["labest-bench"])
    from labest_desktop.ui import translation

    translation.install(app, "fr")
    return app


def open_copy(database: str | None, database_url: str | None = None):
    """A workspace on a copy of ``database`` (never written) or on ``database_url``."""
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import resolve, sqlite_location

    folder = Path(tempfile.mkdtemp(prefix="labest-bench-"))
    if database_url:
        location = resolve(None, database_url)
    else:
        copy = folder / Path(database).name
        shutil.copyfile(database, copy)
        location = sqlite_location(copy)
    return Workspace(open_database(location, backups_folder=folder / "backups", keep=2), "bench"), folder


def describe(database: str | None, database_url: str | None) -> str:
    """The file's name, or the PostgreSQL database's."""
    if database_url:
        from sqlalchemy.engine import make_url

        return f"PostgreSQL {make_url(database_url).database}"
    return Path(database).name


def build_window(workspace, folder: Path):
    from labest_desktop.app import build_window as build

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = build(workspace, settings)
    window.resize(1280, 780)
    window.show()
    QCoreApplication.processEvents()
    return window


def rss_mb() -> float:
    """Resident memory now (not the peak), in MB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 1_048_576


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def _library(name: str):
    try:
        return ctypes.CDLL(ctypes.util.find_library(name) or "")
    except OSError:
        return None


_libc = _library("c")
_libsqlite = _library("sqlite3")


def native_memory() -> dict[str, float]:
    """Where resident memory outside Python's objects sits, in MB: what SQLite holds
    (page caches of every connection, statements), and glibc's heap in use and free
    (free but kept: fragmentation). Empty where these libraries cannot be asked."""
    figures: dict[str, float] = {}
    if _libsqlite is not None and hasattr(_libsqlite, "sqlite3_memory_used"):
        _libsqlite.sqlite3_memory_used.restype = ctypes.c_int64
        figures["sqlite"] = _libsqlite.sqlite3_memory_used() / 1_048_576
    if _libc is not None and hasattr(_libc, "mallinfo2"):
        _libc.mallinfo2.restype = _MallInfo2
        info = _libc.mallinfo2()
        figures["malloc used"] = (info.uordblks + info.hblkhd) / 1_048_576
        figures["malloc free"] = info.fordblks / 1_048_576
    return figures


class QueryCounter:
    """Counts statements sent to the database (every thread)."""

    def __init__(self, engine) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args) -> None:
        self.count += 1


class BlockMeter:
    """Largest gap between ticks of a timer on the window's thread, while running."""

    INTERVAL_MS = 2

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self.worst_ms = 0.0

    def _tick(self) -> None:
        gap = self._clock.nsecsElapsed() / 1e6
        self._clock.restart()
        self.worst_ms = max(self.worst_ms, gap - self.INTERVAL_MS)

    def start(self) -> None:
        self.worst_ms = 0.0
        self._clock.start()
        self._timer.start()

    def resume(self) -> None:
        """Start again without forgetting the worst block seen so far."""
        worst = self.worst_ms
        self.start()
        self.worst_ms = worst

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.worst_ms


def run_loop_until(done, timeout_s: float = 300.0) -> float:
    """Run the window's event loop (timers, queued results of background work,
    deferred deletions) until ``done()``; returns the seconds it took. The loop
    sleeps between events: polling would take the interpreter from the workers."""
    started = time.perf_counter()
    if done():
        return 0.0
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(5)

    def poll() -> None:
        if done() or time.perf_counter() - started > timeout_s:
            loop.quit()

    check.timeout.connect(poll)
    check.start()
    loop.exec()
    check.stop()
    if not done():
        raise TimeoutError("the window did not settle")
    return time.perf_counter() - started


def tasks_busy() -> bool:
    """Background work of the window still running (or its result not yet handed over)."""
    from labest_desktop.ui import tasks

    return tasks.busy()


def settled() -> bool:
    return not tasks_busy()


def settle(timeout_s: float = 120.0) -> float:
    QCoreApplication.processEvents()
    return run_loop_until(settled, timeout_s)
