"""The one helper for work that must not freeze the window.

``run_in_background(fn, on_done, on_error, progress)`` runs ``fn(control)`` on Qt's
thread pool and calls the callbacks on the main thread (through queued signals), so
workers never touch widgets. ``control.progress(done, total)`` reports progress and
``control.cancelled()`` tells the work to stop early; ``Task.cancel()`` sets it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal

from labest_desktop.ui import free_memory

logger = logging.getLogger(__name__)


class TaskCancelled(Exception):
    """Raised by work that saw ``control.cancelled()`` and stopped."""


class TaskControl:
    """Handed to the work function, used from the worker thread."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()
        self._last_report = 0.0

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int | None = None) -> None:
        # At most ~30 reports a second: a queued signal per row would flood the loop.
        now = time.monotonic()
        if total is not None and done >= total or now - self._last_report >= 0.033:
            self._last_report = now
            self._relay.progressed.emit(int(done), int(total or 0))

    def check(self) -> None:
        if self.cancelled():
            raise TaskCancelled()


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class Task:
    """One piece of background work. Handed to the pool as a plain callable
    (``pool.start(task.run)``), which the pool lets go once it ran: a ``QRunnable``
    subclass was kept by PySide for as long as its C++ side lived (for ever without
    auto-deletion, and for a task that ended before ``start`` returned even with it),
    so each task, its control and its relay stayed alive for the whole session."""

    def __init__(self, fn: Callable[[TaskControl], object]) -> None:
        self.relay = _Relay()
        self.control = TaskControl(self.relay)
        self._fn = fn
        self.done = False
        self.reports_progress = False

    def run(self) -> None:  # worker thread
        try:
            result = self._fn(self.control)
        except BaseException as exc:  # handed to on_error on the main thread
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)

    def cancel(self) -> None:
        self.control._cancel.set()

    def is_cancelled(self) -> bool:
        return self.control.cancelled()


_running: set[Task] = set()  # keeps tasks (and their relays) alive until they end


def run_in_background(
    fn: Callable[[TaskControl], object],
    on_done: Callable[[object], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    *,
    pool: QThreadPool | None = None,
) -> Task:
    """Start ``fn(control)`` in the background; callbacks run on the main thread.

    ``on_error`` receives the exception (a ``TaskCancelled`` when the work stopped on
    request); without it, unexpected errors go to the excepthook.
    """
    task = Task(fn)

    def finished(result: object) -> None:
        _running.discard(task)
        task.done = True
        _release(task)
        try:
            if on_done is not None:
                on_done(result)
        finally:
            _after_work()

    def failed(exc: BaseException) -> None:
        _running.discard(task)
        task.done = True
        _release(task)
        try:
            if on_error is not None:
                on_error(exc)
            elif not isinstance(exc, TaskCancelled):
                import sys

                sys.excepthook(type(exc), exc, exc.__traceback__)
        finally:
            _after_work()

    task.relay.finished.connect(finished)
    task.relay.failed.connect(failed)
    task.reports_progress = progress is not None
    if progress is not None:
        task.relay.progressed.connect(progress)
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(task.run)
    return task


def _release(task: Task) -> None:
    """Let the task and what its work captured go: the relay's connections hold
    these closures from C++, where the garbage collector cannot see the cycle
    (task → relay → closure → task), so every task used to stay alive with its data
    (an import's preview: tens of MB)."""
    task.relay.finished.disconnect()
    task.relay.failed.disconnect()
    if task.reports_progress:
        task.relay.progressed.disconnect()
    task._fn = None
    task.relay.deleteLater()


# Once background work has settled, what it and the window freed is handed back to
# the system (ui/free_memory.py), at most once per delay: a day of actions otherwise
# left resident memory growing with glibc's free lists. Once nothing at all has run
# for a whole delay (a pause of the person), ``quiet`` is also said, for what is kept
# only to serve the work (the database's page caches, main_window).
RELEASE_DELAY_MS = 2_000
_release_timer: QTimer | None = None
_last_settled = 0.0


class _Quiet(QObject):
    said = Signal()


_quiet: _Quiet | None = None


def quiet():
    """The signal said once background work has settled and nothing else ran for
    ``RELEASE_DELAY_MS``, right before freed memory goes back to the system."""
    global _quiet
    if _quiet is None or not shiboken6.isValid(_quiet):
        _quiet = _Quiet(QCoreApplication.instance())  # goes with the application
    return _quiet.said


def _after_work() -> None:
    global _release_timer, _last_settled
    if _running:
        return
    _last_settled = time.monotonic()
    if _release_timer is None or not shiboken6.isValid(_release_timer):
        _release_timer = QTimer(QCoreApplication.instance())  # goes with the application
        _release_timer.setSingleShot(True)
        _release_timer.timeout.connect(_release_memory)
    if not _release_timer.isActive():
        _release_timer.start(RELEASE_DELAY_MS)


def _release_memory() -> None:
    idle_ms = (time.monotonic() - _last_settled) * 1000
    pause = not _running and idle_ms >= RELEASE_DELAY_MS - 20
    if pause:
        quiet().emit()
    free_memory.release()
    if not _running and not pause:  # work settled again meanwhile: quiet once it has rested as long
        _release_timer.start(max(20, int(RELEASE_DELAY_MS - idle_ms)))


def busy() -> bool:
    """Whether background work started here is still running or its result not yet
    handed to the main thread."""
    return bool(_running)


def wait_all(timeout_ms: int = 30_000) -> bool:
    """Wait for every background task (used when closing the window)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
