"""Reading a stranger's workbook in a child process with memory and time limits.

A file of 1.5 KB with a cell at A1 and one at XFD1048576 made python-calamine ask
for 512 GiB and abort the whole process (SIGABRT): in the window, the application
closed and unsaved text was lost. Checks before parsing catch the shapes we know
(see :mod:`labest_desktop.exchange.extent`), but a parser written in another
language can always meet one we do not: so every read runs in a child process whose
address space and processor time are limited. Whatever happens there (an abort, a
memory error, an endless loop) ends as one :class:`ExchangeFileError` sentence here;
the caller's process, its window and its database connection are untouched.

The child hands results back through a pipe as pickled frames of plain values: the
sheets read whole, then the streamed ``Projets`` sheet in batches, so the parent
parses rows while the child is still reading (the two use both cores); asked for
(``stream_projects=reader.PARSED``), the child parses that sheet too and the parent
matches rows while the child parses the next ones, checking each row it takes
(:mod:`labest_desktop.exchange.parsed_stream`). Frames are unpickled with a loader
that accepts only the date and time types, so a child subverted by a hostile file
could still not make the parent run anything.

The child is forked (a few milliseconds: the reader is already imported, nothing
runs in the child but the reader and it leaves by ``os._exit``); where there is no
fork (Windows) it is a new interpreter (the frozen executable with ``--read-child``),
with the same frames on its standard output. Both kinds run under the same limits
(:mod:`labest_desktop.exchange.child_limits`): the system's own in the child
(``setrlimit``, or a Job Object on Windows) and a watchdog in the parent.

The limits can be changed without code, for a machine with little memory or a slow
one: ``LABEST_READER_MEMORY_MB``, ``LABEST_READER_SECONDS`` (processor time and
elapsed time alike). ``LABEST_READER_PROCESS=spawn`` starts a new interpreter even
where fork exists: the Windows path, run by the tests on Linux.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import io
import logging
import math
import os
import pickle
import select
import signal
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

from labest_desktop import messages
from labest_desktop.child_processes import binary_fd, own_command, read_frame, write_frame
from labest_desktop.exchange import child_limits
from labest_desktop.exchange import errors as exchange_errors
from labest_desktop.exchange.child_limits import Limits, Watchdog
from labest_desktop.exchange.errors import ExchangeFileError, WorkbookTooLargeError
from labest_desktop.exchange.reader import PARSED, RawWorkbook

logger = logging.getLogger(__name__)

# Reading our own 100,000-project workbook peaks near 700 MB of address space in
# the child; four times the largest legitimate need, far below what a bomb asks.
MEMORY_LIMIT_BYTES = 3 * 1024 * 1024 * 1024
TIME_LIMIT_SECONDS = 300.0
BATCH_ROWS = 2_000
# The first batch is small: the importing process starts on its own work (the
# projects stored there) as soon as the first row is in, instead of waiting for
# 2,000 rows to be parsed (~0.13 s, a tenth of a 10,000-row import).
FIRST_BATCH_ROWS = 64
PIPE_BYTES = 1024 * 1024
MEMORY_VARIABLE = "LABEST_READER_MEMORY_MB"
SECONDS_VARIABLE = "LABEST_READER_SECONDS"
PROCESS_VARIABLE = "LABEST_READER_PROCESS"
_SAFE_GLOBALS = {
    ("datetime", "datetime"): datetime.datetime,
    ("datetime", "date"): datetime.date,
    ("datetime", "time"): datetime.time,
    ("datetime", "timedelta"): datetime.timedelta,
}


class ReaderGaveUpError(WorkbookTooLargeError):
    """The child process ended without an answer: limits reached or a parser crash."""

    key = "exchange.file.reader_gave_up"


class _PlainValues(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        try:
            return _SAFE_GLOBALS[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is not a cell value") from None


def _loads(data: bytes):
    return _PlainValues(io.BytesIO(data)).load()


def current_limits() -> Limits:
    """The limits of the next read: the defaults, or the environment's."""
    memory, seconds = MEMORY_LIMIT_BYTES, TIME_LIMIT_SECONDS
    with contextlib.suppress(KeyError, ValueError):
        memory = max(1, int(os.environ[MEMORY_VARIABLE])) * 1024 * 1024
    with contextlib.suppress(KeyError, ValueError):
        value = float(os.environ[SECONDS_VARIABLE])
        if math.isfinite(value):  # "inf" or "nan" leave the default
            seconds = max(0.1, value)
    return Limits(memory_bytes=memory, cpu_seconds=seconds, wall_seconds=seconds)


def _spawn_wanted() -> bool:
    return not hasattr(os, "fork") or os.environ.get(PROCESS_VARIABLE, "").strip().lower() == "spawn"


def read_workbook(
    path: str | Path,
    *,
    stream_projects: bool | str = False,
    limits: Limits | None = None,
    spawn: bool | None = None,
    system_limits: bool = True,
    meanwhile: Callable[[Callable[[], bool]], object] | None = None,
) -> RawWorkbook:
    """:func:`labest_desktop.exchange.reader.read_workbook_here`, in a child process.

    ``meanwhile``: this process's own work, run once the child is started and before
    its first answer is awaited (the child opens the workbook and parses the streamed
    sheet in that time); what it raises stops the child and goes to the caller. It is
    given a probe, ``answered()``, true once the child's first answer is coming in
    (never on a system whose pipes cannot be polled): work that only uses the wait
    can stop there.

    ``limits`` defaults to :func:`current_limits`; ``spawn`` to a new interpreter only
    where there is no fork (or ``LABEST_READER_PROCESS=spawn``). ``system_limits``
    False leaves the child without ``setrlimit`` or Job Object, as on a system where
    it could set neither: the parent's watchdog alone holds it (tests use this).

    Raises only ``ExchangeFileError`` (``ReaderGaveUpError`` when the child died or
    ran out of time); a streamed sheet may raise it while being read.
    """
    started = start_reading(path, stream_projects=stream_projects, limits=limits, spawn=spawn,
                            system_limits=system_limits)
    return started.result(meanwhile)


def start_reading(
    path: str | Path,
    *,
    stream_projects: bool | str = False,
    limits: Limits | None = None,
    spawn: bool | None = None,
    system_limits: bool = True,
) -> PendingRead:
    """The child of :func:`read_workbook` started now, its answer awaited later
    (:meth:`PendingRead.result`): the caller does its own work in between, such as
    the ``labest`` command importing the services and opening the database while
    the child opens the file."""
    path = Path(path)
    limits = limits or current_limits()
    spawn = _spawn_wanted() if spawn is None else spawn
    return PendingRead(path, _Child.start(path, stream_projects, limits, spawn=spawn, system_limits=system_limits))


class PendingRead:
    """A read running in its child process. :meth:`result` is taken once; a read
    whose result is never taken is stopped by :meth:`close`."""

    def __init__(self, path: Path, child: _Child) -> None:
        self.path = path
        self._child: _Child | None = child

    def result(self, meanwhile: Callable[[Callable[[], bool]], object] | None = None) -> RawWorkbook:
        """What the child read (see :func:`read_workbook`); ``meanwhile`` runs first."""
        child, self._child = self._child, None
        if child is None:
            raise RuntimeError("the result of a read is taken once")
        try:
            if meanwhile is not None:
                meanwhile(child.answered)
            frame = child.receive()
        except BaseException:
            child.stop()
            raise
        _, file, sheet_names, sheets, meta, kind, formulas, streamed = frame
        if streamed is None:
            try:
                if child.receive()[0] != "end":
                    raise child.gave_up(ValueError("unexpected frame"))
            finally:
                child.stop()
            return RawWorkbook(file, sheet_names, sheets, meta, kind, formulas)
        sheets[streamed] = child.stream()
        return RawWorkbook(file, sheet_names, sheets, meta, kind, formulas, rows_waiting=child.answered)

    def close(self) -> None:
        """Stop the child if its result was never taken (after that, the streamed
        sheet's reader stops it)."""
        child, self._child = self._child, None
        if child is not None:
            child.stop()


class _Child:
    """One reading process: forked where the system can (cheap: the reader is
    already imported), else a new interpreter; watched, and killed at its limits."""

    def __init__(
        self, pid: int, process: subprocess.Popen | None, pipe, name: str, limits: Limits, memory_base: int
    ) -> None:
        self.pid = pid
        self.process = process
        self.pipe = pipe
        self.name = name
        self.limits = limits
        self.status: int | None = None
        self.watchdog = Watchdog(pid, limits, self._signal, memory_base=memory_base)

    @classmethod
    def start(
        cls, path: Path, stream_projects: bool | str, limits: Limits, *, spawn: bool, system_limits: bool
    ) -> _Child:
        if not spawn:
            # The forked child starts with this process's pages mapped (shared until
            # written): its limits apply above them.
            resident, address_space = child_limits.own_memory()
            memory = limits.memory_bytes + address_space if system_limits else 0
            read_end, write_end = os.pipe()
            _widen(read_end)
            # In the child, the parent's objects are frozen out of its garbage
            # collection: a collection walking them would copy every page of the
            # parent's heap (copy on write), which cost more than the whole read at
            # 10,000 rows. Frozen there, not here: unfreezing in the parent would
            # also thaw what the window froze at start-up (app.freeze_startup_objects).
            # The collector's switch is left alone (services.bulk_work pauses it
            # during imports): nothing between the fork and the freeze allocates.
            pid = os.fork()
            if pid == 0:  # the child: never returns into the caller's code
                code = 1
                try:
                    gc.freeze()
                    os.close(read_end)
                    _quiet()
                    child_main(str(path), stream_projects, write_end, memory, limits.cpu_seconds)
                    code = 0
                finally:
                    os._exit(code)
            os.close(write_end)
            return cls(pid, None, os.fdopen(read_end, "rb"), path.name, limits, resident)
        memory = limits.memory_bytes if system_limits else 0
        command = own_command(READ_CHILD_ARGUMENT, "labest_desktop.exchange.guard")
        mode = PARSED if stream_projects == PARSED else "1" if stream_projects else "0"
        # The language too: row errors parsed there are written in it (parsed_stream.py).
        process = subprocess.Popen(
            [*command, str(path), mode, str(memory), repr(limits.cpu_seconds)],
            env=dict(os.environ, LABEST_LANG=messages.language()),
            stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            # No console window flashing up behind the window on Windows.
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        return cls(process.pid, process, process.stdout, path.name, limits, 0)

    def _signal(self) -> None:
        try:
            if self.process is not None:
                self.process.kill()
            else:
                os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass

    def answered(self) -> bool:
        """Whether the child's next frame has begun to arrive, without waiting.
        False where a pipe cannot be polled (Windows)."""
        try:
            ready, _, _ = select.select([self.pipe], [], [], 0)
        except (OSError, ValueError):
            return False
        return bool(ready)

    def receive(self):
        try:
            frame = read_frame(self.pipe, _loads)
        except (EOFError, OSError, pickle.UnpicklingError, ValueError, IndexError) as exc:
            raise self.gave_up(exc) from None
        if frame[0] == "refused":
            self.stop()
            if frame[1] == ReaderGaveUpError.__name__:  # a MemoryError in the child
                raise ReaderGaveUpError(file=self.name, limit=self.limits.memory_bytes // (1024 * 1024))
            raise _refusal(frame, self.name)
        return frame

    def stream(self) -> Iterator[list[object]]:
        try:
            while True:
                frame = self.receive()
                if frame[0] == "end":
                    return
                yield from frame[1]
        finally:
            # Also when the caller stops early (an error in a row it parsed).
            self.stop()

    def stop(self) -> None:
        self.watchdog.stop()
        with contextlib.suppress(OSError):
            self.pipe.close()
        if self.status is not None:
            return
        if self.process is not None:
            try:
                self.status = self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.status = self.process.wait()
            return
        _, status = os.waitpid(self.pid, os.WNOHANG)
        if status == 0 and not _exited(self.pid):
            self._signal()
            _, status = os.waitpid(self.pid, 0)
        self.status = os.waitstatus_to_exitcode(status) if status else 0

    def gave_up(self, exc: BaseException) -> ExchangeFileError:
        self.stop()
        watchdog = self.watchdog
        logger.warning(
            "reading %s in a child process failed: exit %s, limit reached %s, peak memory %d MB, cpu %.1f s (%s)",
            self.name, self.status, watchdog.reason, watchdog.peak_memory // 2**20, watchdog.cpu_seconds, exc,
        )
        # SIGXCPU: the child's own processor-time limit (setrlimit) ended it.
        xcpu = getattr(signal, "SIGXCPU", None)
        out_of_time = watchdog.reason in ("cpu", "wall") or (xcpu is not None and self.status == -xcpu)
        if out_of_time:
            seconds = self.limits.wall_seconds if watchdog.reason == "wall" else self.limits.cpu_seconds
            return ReaderGaveUpError("exchange.file.reader_too_long", file=self.name, seconds=_whole(seconds))
        return ReaderGaveUpError(file=self.name, limit=self.limits.memory_bytes // (1024 * 1024))


def _whole(seconds: float) -> int | float:
    return int(seconds) if seconds >= 1 or seconds == int(seconds) else round(seconds, 2)


def _widen(fd: int) -> None:
    """A pipe of 1 MB where the system allows it (Linux; 64 KB by default), so that
    the reader can parse a few batches ahead while the import works on one."""
    with contextlib.suppress(AttributeError, OSError):
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _exited(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def _refusal(frame, name: str) -> ExchangeFileError:
    _, class_name, key, params = frame
    cls = getattr(exchange_errors, class_name, None)
    if not (isinstance(cls, type) and issubclass(cls, ExchangeFileError)):
        cls = ExchangeFileError
    error = cls.__new__(cls)
    params = dict(params)
    file = params.pop("file", name)
    ExchangeFileError.__init__(error, key, file=file, **params)
    return error


# --- the child -----------------------------------------------------------------------

READ_CHILD_ARGUMENT = "--read-child"


def child_main(path: str, stream_projects: bool | str, fd: int, memory: int, seconds: float) -> None:
    """Read ``path`` and write what was read (or why not) to ``fd``, in frames.

    ``memory`` 0: no limits set from inside (the parent's watchdog alone)."""
    if memory:
        child_limits.limit_this_process(memory, seconds)
    from labest_desktop.exchange.reader import blank_row, read_workbook_here

    with os.fdopen(fd, "wb", buffering=1024 * 1024) as out:

        def send(frame) -> None:
            write_frame(out, frame)

        try:
            book = read_workbook_here(path, stream_projects=stream_projects)
            streamed = next((n for n, rows in book.sheets.items() if not isinstance(rows, list)), None)
            sheets = {n: (None if n == streamed else rows) for n, rows in book.sheets.items()}
            send(("book", book.file, book.sheet_names, sheets, book.meta, book.format, book.formulas, streamed))
            if streamed is not None:
                out.flush()  # the parent starts on the other sheets while this one is read
                batch: list[list[object]] = []
                size = FIRST_BATCH_ROWS
                for row in book.sheets[streamed]:
                    # A blank row travels as [] (its number is its place in the stream).
                    batch.append([] if blank_row(row) else row)
                    if len(batch) >= size:
                        send(("rows", batch))
                        # Each batch goes out whole at once: left in the 1 MB buffer, the
                        # importing process waited for several batches at a time while
                        # this one waited for it to empty the pipe, taking turns.
                        out.flush()
                        batch, size = [], BATCH_ROWS
                if batch:
                    send(("rows", batch))
            send(("end",))
        except ExchangeFileError as exc:
            send(("refused", type(exc).__name__, exc.key, exc.params))
        except MemoryError:  # the parent words it with the limit it set
            send(("refused", ReaderGaveUpError.__name__, ReaderGaveUpError.key, {"file": Path(path).name}))


def _quiet() -> None:
    """A parser that aborts prints its own report (a Rust panic, a backtrace): the
    user reads the one sentence the parent gives, so the child's error output goes
    nowhere."""
    import faulthandler

    faulthandler.disable()  # it writes to a copy of the error output it kept
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def _answer_fd() -> int:
    """The pipe the parent reads: this process's standard output."""
    return binary_fd("stdout")


def main(argv: list[str]) -> int:
    """The child as a new interpreter (systems without fork):
    ``PATH STREAM MEMORY_BYTES CPU_SECONDS`` (memory 0: no limits set from inside)."""
    path, stream = argv[0], PARSED if argv[1] == PARSED else argv[1] == "1"
    memory = int(argv[2]) if len(argv) > 2 else MEMORY_LIMIT_BYTES
    seconds = float(argv[3]) if len(argv) > 3 else TIME_LIMIT_SECONDS
    try:
        child_main(path, stream, _answer_fd(), memory, seconds)
    except Exception:
        # As the forked child does: the parent reads the end of the pipe and says so
        # in one sentence. Left unhandled, a windowed frozen build would open a
        # dialog and the read would wait for the time limit.
        with contextlib.suppress(Exception):
            traceback.print_exc()  # to the error output the parent discards
        return 1
    return 0


messages.register(
    {
        "exchange.file.reader_gave_up": (
            "La lecture de « {file} » a dépassé la mémoire permise ({limit} Mo) ou a échoué dans "
            "le lecteur de classeurs : le fichier n'est pas lu et rien n'a été importé.",
            "Reading “{file}” went beyond the memory allowed ({limit} MB) or failed in the "
            "workbook reader: the file is not read and nothing was imported.",
        ),
        "exchange.file.reader_too_long": (
            "La lecture de « {file} » a duré plus de {seconds} secondes : elle a été arrêtée et "
            "rien n'a été importé.",
            "Reading “{file}” took more than {seconds} seconds: it was stopped and nothing was "
            "imported.",
        ),
    }
)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
