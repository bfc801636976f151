"""The workbook reader's limits hold on the path Windows takes: a new interpreter.

Before: the child's memory and processor-time limits were set with ``setrlimit``,
which Windows does not have, and the new-interpreter path (Windows has no fork) had
never run under limits. Now the parent watches the child (psutil: resident memory,
processor time, elapsed time) and kills it past a limit on every system, and the
child also sets the system's own limits from inside (``setrlimit``; on Windows a Job
Object). These tests force the new-interpreter path here (``spawn=True``, or
``LABEST_READER_PROCESS=spawn`` for the command) with real children that allocate
past the limit or run past it, each layer alone where it can be switched off.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import sys

import pytest

from labest_desktop import messages
from labest_desktop.exchange import child_limits, guard
from labest_desktop.exchange.child_limits import Limits
from labest_desktop.exchange.errors import ExchangeFileError
from tests.faults import hostile
from tests.faults.campaign import ROOT, cli, digest

MB = 1024 * 1024
PLENTY = 600.0


def read_all(path, **kwargs):
    book = guard.read_workbook(path, stream_projects=True, **kwargs)
    for rows in book.sheets.values():
        for _ in rows:
            pass
    return book


@pytest.mark.parametrize("system_limits", [True, False], ids=["system and watchdog", "watchdog alone"])
def test_a_new_interpreter_that_allocates_past_the_limit_is_stopped(tmp_path, caplog, system_limits):
    """The 1.3 KB workbook inside every check makes calamine build a 1.6 GB table;
    under a 300 MB limit, with the child's own limit (setrlimit here, the Job Object
    on Windows) or with the parent's watchdog alone (a child that could set none),
    this process reads one sentence, in French and in English."""
    path = hostile.sparse_within_limits(tmp_path / "clairsemé.xlsx")
    caplog.set_level(logging.WARNING, logger=guard.__name__)
    with pytest.raises(guard.ReaderGaveUpError) as caught:
        read_all(path, limits=Limits(300 * MB, PLENTY, PLENTY), spawn=True, system_limits=system_limits)
    message = caught.value.message
    assert "clairsemé.xlsx" in message and "300 Mo" in message and "\n" not in message
    messages.set_language("en")
    assert "300 MB" in caught.value.message and "nothing was imported" in caught.value.message
    if not system_limits:
        assert "limit reached memory" in caplog.text


def test_a_new_interpreter_that_runs_past_its_processor_time_is_stopped(tmp_path, caplog):
    """An ordinary 90 MB CSV needs a few seconds of processor time; allowed one
    (and plenty of elapsed time), the watchdog stops the child on processor time."""
    path = hostile.long_csv(tmp_path / "long.csv")
    caplog.set_level(logging.WARNING, logger=guard.__name__)
    with pytest.raises(guard.ReaderGaveUpError) as caught:
        read_all(path, limits=Limits(3 * 1024 * MB, 1.0, PLENTY), spawn=True, system_limits=False)
    assert caught.value.message.startswith("La lecture de « long.csv » a duré plus de 1 secondes")
    messages.set_language("en")
    assert caught.value.message.startswith("Reading “long.csv” took more than 1 seconds")
    assert "limit reached cpu" in caplog.text


def test_a_new_interpreter_within_its_limits_reads_the_file(tmp_path):
    """The same limits let an ordinary file through: the watchdog is not in the way."""
    path = tmp_path / "court.csv"
    path.write_text("Référence;Titre\nP-1;Projet lu\n", encoding="utf-8")
    book = guard.read_workbook(path, limits=Limits(300 * MB, 60.0, 60.0), spawn=True)
    assert [row[:2] for row in book.sheets["Projets"]] == [["Référence", "Titre"], ["P-1", "Projet lu"]]


@pytest.mark.parametrize(
    ("case", "variables", "words"),
    [
        ("memory", {"LABEST_READER_MEMORY_MB": "300"}, ("mémoire permise (300 Mo)", "memory allowed (300 MB)")),
        # 1 s: the whole import of the 90 MB file takes about 2 s on an idle machine now.
        ("time", {"LABEST_READER_SECONDS": "1"}, ("plus de 1 secondes", "more than 1 seconds")),
    ],
)
def test_the_command_refuses_in_one_line_on_the_windows_path(sqlite_workspace, tmp_path, monkeypatch, case, variables, words):
    """``labest import`` with the reader in a new interpreter and the limits lowered
    by the environment (as IT can): exit 2, one line in either language, nothing
    written."""
    db = sqlite_workspace.database.location.path
    before = digest(db)
    if case == "memory":
        path = hostile.sparse_within_limits(tmp_path / "clairsemé.xlsx")
    else:
        path = hostile.long_csv(tmp_path / "long.csv")
    monkeypatch.setenv(guard.PROCESS_VARIABLE, "spawn")
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    for language, expected in zip(("fr", "en"), words, strict=True):
        done = cli(db, tmp_path / "data", "--lang", language, "import", str(path), timeout=120)
        assert done.returncode == 2, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and path.name in lines[0] and expected in lines[0], done.stderr
        assert "Traceback" not in done.stderr
    assert digest(db) == before


def test_the_environment_sets_the_limits(monkeypatch):
    """``LABEST_READER_MEMORY_MB`` and ``LABEST_READER_SECONDS`` change the limits;
    a value that is not a number (or not a finite one) leaves the default."""
    monkeypatch.setenv(guard.MEMORY_VARIABLE, "512")
    monkeypatch.setenv(guard.SECONDS_VARIABLE, "30")
    assert guard.current_limits() == Limits(512 * MB, 30.0, 30.0)
    monkeypatch.setenv(guard.MEMORY_VARIABLE, "beaucoup")
    monkeypatch.setenv(guard.SECONDS_VARIABLE, "inf")
    assert guard.current_limits() == Limits(guard.MEMORY_LIMIT_BYTES, guard.TIME_LIMIT_SECONDS, guard.TIME_LIMIT_SECONDS)


@pytest.mark.skipif(ctypes.sizeof(ctypes.c_void_p) != 8, reason="the layout checked is 64-bit Windows'")
def test_the_job_object_limits_have_windows_layout():
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION as 64-bit Windows lays it out (144 bytes,
    ProcessMemoryLimit at 112, LimitFlags at 16), with the process memory, process
    time and die-on-crash flags and the values in Windows' units. The Job Object
    itself needs Windows: there ``limit_this_process`` puts the child in it."""
    info = child_limits.job_limits(300 * MB, 7)
    assert ctypes.sizeof(info) == 144
    assert child_limits.ExtendedLimits.ProcessMemoryLimit.offset == 112
    assert child_limits._BasicLimits.LimitFlags.offset == 16
    assert info.BasicLimitInformation.LimitFlags == 0x100 | 0x2 | 0x400
    assert info.ProcessMemoryLimit == 300 * MB
    assert info.BasicLimitInformation.PerProcessUserTimeLimit == 7 * 10_000_000


@pytest.mark.skipif(shutil.which("x86_64-w64-mingw32-gcc") is None, reason="needs the MinGW-w64 cross compiler")
def test_the_job_object_layout_is_the_one_of_windows_headers(tmp_path):
    """The sizes, offsets and constants used through ctypes, checked at compile time
    against the real Windows headers (MinGW-w64's winnt.h), where it is installed."""
    E, B = child_limits.ExtendedLimits, child_limits._BasicLimits  # noqa: N806
    checks = [
        f"sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION) == {ctypes.sizeof(E)}",
        *(f"offsetof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION, {name}) == {getattr(E, name).offset}"
          for name, _ in E._fields_),
        *(f"offsetof(JOBOBJECT_BASIC_LIMIT_INFORMATION, {name}) == {getattr(B, name).offset}"
          for name, _ in B._fields_),
        *(f"{name} == {getattr(child_limits, name)}" for name in (
            "JOB_OBJECT_LIMIT_PROCESS_TIME", "JOB_OBJECT_LIMIT_PROCESS_MEMORY",
            "JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION", "SEM_FAILCRITICALERRORS", "SEM_NOGPFAULTERRORBOX")),
        f"JobObjectExtendedLimitInformation == {child_limits.JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS}",
    ]
    source = tmp_path / "layout.c"
    source.write_text("#include <windows.h>\n#include <stddef.h>\n" + "".join(
        f'_Static_assert({check}, "{check}");\n' for check in checks), encoding="utf-8")
    import subprocess

    done = subprocess.run(["x86_64-w64-mingw32-gcc", "-c", str(source), "-o", str(tmp_path / "layout.o")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="checks setrlimit, which Windows lacks")
def test_the_child_sets_the_systems_own_limits(tmp_path):
    """In a new interpreter, ``limit_this_process`` sets the address space and the
    processor time (a margin above the watchdog's, which names the cause first)."""
    import subprocess

    code = (
        "import resource; from labest_desktop.exchange import child_limits as c; "
        "print(c.limit_this_process(300 * 2**20, 10.0)); "
        "print(resource.getrlimit(resource.RLIMIT_AS)[0], resource.getrlimit(resource.RLIMIT_CPU)[0])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.split() == ["rlimit", str(300 * MB), str(10 + child_limits.CHILD_CPU_MARGIN_SECONDS)]


def test_a_refusal_from_the_new_interpreter_keeps_its_sentence(tmp_path):
    """A file the child refuses (a check before parsing) comes back as the same
    sentence on the new-interpreter path."""
    with pytest.raises(ExchangeFileError) as caught:
        read_all(hostile.declared_extent(tmp_path / "piège.xlsx"), spawn=True)
    assert "XFD1048576" in caught.value.message and "piège.xlsx" in caught.value.message


def test_the_new_interpreter_ends_quietly_on_an_unexpected_error(monkeypatch):
    """A fault in the child that is no refusal ends it with exit 1 and no trace on the
    screen (a windowed frozen build would open a dialog and wait): the parent says,
    in one sentence, that the reader failed."""

    def broken(*args):
        raise RuntimeError("a fault in the reader")

    monkeypatch.setattr(guard, "child_main", broken)
    monkeypatch.setattr(guard, "_answer_fd", lambda: os.open(os.devnull, os.O_WRONLY))
    assert guard.main(["fichier.xlsx", "0", "0", "1.0"]) == 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the forked path")
def test_a_forked_read_leaves_the_windows_frozen_objects_frozen(tmp_path):
    """The window freezes its start-up objects out of the collector (app.py); the
    forked reader freezes the parent's objects in the child only, so a read neither
    thaws them nor freezes more, and leaves the collector's switch as it found it."""
    import gc

    path = tmp_path / "court.csv"
    path.write_text("Titre;Étape;Statut\nProjet lu;Idéation;Actif\n", encoding="utf-8")
    startup_object = ["made before the freeze"]
    collecting = gc.isenabled()
    gc.freeze()
    try:
        read_all(path, spawn=False)
        # Frozen objects are outside every generation the collector walks (the
        # count itself may drop: frozen objects freed meanwhile leave it).
        assert not any(o is startup_object for o in gc.get_objects())
        assert gc.get_freeze_count() > 0 and gc.isenabled() == collecting
    finally:
        gc.unfreeze()
