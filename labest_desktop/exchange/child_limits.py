"""Holding the workbook reader's child process to its memory and time limits, on
every system.

Two layers, so that neither a slow climb nor one huge allocation gets through:

* **In the child**, before it opens the file, the system's own limits: ``setrlimit``
  (address space, processor time) where :mod:`resource` exists; on Windows, which has
  no ``setrlimit``, a Job Object the child puts itself in, with a per-process memory
  limit (``JOB_OBJECT_LIMIT_PROCESS_MEMORY``: an allocation past it fails at once, as
  under ``RLIMIT_AS``) and a per-process processor-time limit. macOS accepts
  ``RLIMIT_AS`` but does not enforce it.
* **In the parent**, a :class:`Watchdog` thread that measures the child with psutil
  (resident memory; on Windows the committed private memory when larger, the figure
  the Job Object limits; processor time; elapsed time) and kills it past a limit.
  This holds wherever psutil runs, whatever the child managed to set, and it is the
  layer that says *which* limit was reached.

The child's processor-time limit is set a little above the watchdog's, so that the
watchdog, which can name the cause, normally acts first.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import psutil

POLL_SECONDS = 0.05
# The child's own processor-time limit is this much above the watchdog's.
CHILD_CPU_MARGIN_SECONDS = 5


@dataclass(frozen=True)
class Limits:
    """What one reading process may use."""

    memory_bytes: int
    cpu_seconds: float
    wall_seconds: float


# --- in the child --------------------------------------------------------------------------


def limit_this_process(memory_bytes: int, cpu_seconds: float) -> str:
    """Set the system's limits on the calling process; returns which were set
    (``"rlimit"``, ``"job"`` or ``"none"``: the watchdog still holds)."""
    seconds = int(cpu_seconds) + CHILD_CPU_MARGIN_SECONDS
    if sys.platform == "win32":
        return "job" if _windows_job(memory_bytes, seconds) else "none"
    try:
        import resource
    except ImportError:
        return "none"
    for limit, value in ((resource.RLIMIT_AS, memory_bytes), (resource.RLIMIT_CPU, seconds)):
        _soft, hard = resource.getrlimit(limit)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(limit, (value, hard))
    return "rlimit"


# JOBOBJECT_EXTENDED_LIMIT_INFORMATION with Windows' fixed-width types (DWORD is 32
# bits there; ctypes.wintypes would make it 64 on Linux), so that its layout can be
# checked on any system: 144 bytes on 64-bit Windows.
_DWORD = ctypes.c_uint32
JOB_OBJECT_LIMIT_PROCESS_TIME = 0x00000002
JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x00000100
# A crash in the parser ends the process at once instead of opening Windows' error
# reporting dialog (the parent reads the end of its pipe and says so in one sentence).
JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION = 0x00000400
JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002


class _BasicLimits(ctypes.Structure):
    _fields_ = [
        ("PerProcessUserTimeLimit", ctypes.c_int64),  # LARGE_INTEGER, 100 ns units
        ("PerJobUserTimeLimit", ctypes.c_int64),
        ("LimitFlags", _DWORD),
        ("MinimumWorkingSetSize", ctypes.c_size_t),
        ("MaximumWorkingSetSize", ctypes.c_size_t),
        ("ActiveProcessLimit", _DWORD),
        ("Affinity", ctypes.c_size_t),  # ULONG_PTR
        ("PriorityClass", _DWORD),
        ("SchedulingClass", _DWORD),
    ]


class _IoCounters(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_uint64)
        for name in (
            "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
            "ReadTransferCount", "WriteTransferCount", "OtherTransferCount",
        )
    ]


class ExtendedLimits(ctypes.Structure):
    _fields_ = [
        ("BasicLimitInformation", _BasicLimits),
        ("IoInfo", _IoCounters),
        ("ProcessMemoryLimit", ctypes.c_size_t),
        ("JobMemoryLimit", ctypes.c_size_t),
        ("PeakProcessMemoryUsed", ctypes.c_size_t),
        ("PeakJobMemoryUsed", ctypes.c_size_t),
    ]


def job_limits(memory_bytes: int, cpu_seconds: int) -> ExtendedLimits:
    """The Job Object limits for one reading process."""
    info = ExtendedLimits()
    info.BasicLimitInformation.LimitFlags = (
        JOB_OBJECT_LIMIT_PROCESS_MEMORY | JOB_OBJECT_LIMIT_PROCESS_TIME | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION
    )
    info.BasicLimitInformation.PerProcessUserTimeLimit = cpu_seconds * 10_000_000
    info.ProcessMemoryLimit = memory_bytes
    return info


_job_handle = None  # kept open for the life of the process


def _windows_job(memory_bytes: int, cpu_seconds: int) -> bool:
    """Put this process in a new Job Object with :func:`job_limits`. Windows 8 and
    later nest jobs, so this works even when the parent already runs in one."""
    global _job_handle
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = ctypes.c_void_p
    kernel32.CreateJobObjectW.restype = handle
    kernel32.CreateJobObjectW.argtypes = (ctypes.c_void_p, ctypes.c_wchar_p)
    kernel32.SetInformationJobObject.restype = ctypes.c_int
    kernel32.SetInformationJobObject.argtypes = (handle, ctypes.c_int, ctypes.c_void_p, _DWORD)
    kernel32.GetCurrentProcess.restype = handle
    kernel32.AssignProcessToJobObject.restype = ctypes.c_int
    kernel32.AssignProcessToJobObject.argtypes = (handle, handle)
    kernel32.CloseHandle.argtypes = (handle,)
    kernel32.SetErrorMode.argtypes = (ctypes.c_uint,)
    # No "program stopped working" or missing-disk dialog from the child either.
    kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        return False
    info = job_limits(memory_bytes, cpu_seconds)
    if not kernel32.SetInformationJobObject(
        job, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS, ctypes.byref(info), ctypes.sizeof(info)
    ) or not kernel32.AssignProcessToJobObject(job, kernel32.GetCurrentProcess()):
        kernel32.CloseHandle(job)
        return False
    _job_handle = job
    return True


# --- in the parent ---------------------------------------------------------------------------


class Watchdog:
    """Measures the child every :data:`POLL_SECONDS` and calls ``kill`` past a limit.

    ``memory_base`` is memory the child has without having allocated it: a forked
    child starts with the parent's pages mapped (shared until written), which its
    resident figure counts, so the limit applies above that.
    """

    def __init__(self, pid: int, limits: Limits, kill: Callable[[], None], *, memory_base: int = 0) -> None:
        self.pid = pid
        self.limits = limits
        self.kill = kill
        self.memory_base = memory_base
        self.reason: str | None = None  # "memory", "cpu" or "wall" once it killed
        self.peak_memory = 0
        self.cpu_seconds = 0.0
        self._done = threading.Event()
        self._started = time.monotonic()
        self._thread = threading.Thread(target=self._watch, name="reader-watchdog", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        if self._thread is not threading.current_thread():
            self._thread.join()

    def _watch(self) -> None:
        try:
            process = psutil.Process(self.pid)
        except psutil.Error:
            return  # already gone: the pipe tells the parent
        while not self._done.wait(POLL_SECONDS):
            reason = self._over(process)
            if reason is not None:
                self.reason = reason
                self.kill()
                return

    def _over(self, process: psutil.Process) -> str | None:
        if time.monotonic() - self._started > self.limits.wall_seconds:
            return "wall"
        try:
            with process.oneshot():
                memory = _memory(process)
                times = process.cpu_times()
        except psutil.Error:  # ended (or a zombie waiting to be reaped): nothing to hold
            return None
        self.peak_memory = max(self.peak_memory, memory)
        self.cpu_seconds = times.user + times.system
        if memory - self.memory_base > self.limits.memory_bytes:
            return "memory"
        if self.cpu_seconds > self.limits.cpu_seconds:
            return "cpu"
        return None


def _memory(process: psutil.Process) -> int:
    info = process.memory_info()
    # Windows: the working set can be trimmed while the memory stays committed.
    return max(info.rss, getattr(info, "private", 0))


def own_memory() -> tuple[int, int]:
    """This process's resident memory and address space: what a child forked from
    it starts with."""
    info = psutil.Process().memory_info()
    return info.rss, info.vms
