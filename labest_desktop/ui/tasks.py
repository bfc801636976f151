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

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

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


class Task(QRunnable):
    def __init__(self, fn: Callable[[TaskControl], object]) -> None:
        super().__init__()
        self.setAutoDelete(False)
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
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        _running.discard(task)
        task.done = True
        _release(task)
        if on_error is not None:
            on_error(exc)
        elif not isinstance(exc, TaskCancelled):
            import sys

            sys.excepthook(type(exc), exc, exc.__traceback__)

    task.relay.finished.connect(finished)
    task.relay.failed.connect(failed)
    task.reports_progress = progress is not None
    if progress is not None:
        task.relay.progressed.connect(progress)
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(task)
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


def busy() -> bool:
    """Whether background work started here is still running or its result not yet
    handed to the main thread."""
    return bool(_running)


def wait_all(timeout_ms: int = 30_000) -> bool:
    """Wait for every background task (used when closing the window)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
