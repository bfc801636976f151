"""Export and import of the whole portfolio through the services, on a real SQLite
database, with the ratios the exchange issue asks for.

    .venv/bin/python benchmarks/bench_import_export.py [--sizes 10000 100000]

For each size N: a database of N demo projects is made; then, each in its own
subprocess so that its peak memory (``ru_maxrss``) is its own:

* export of the N projects to .xlsx (services.exchange_export), against
  xlsxwriter's constant-memory writer on the same rows;
* import of an N-row workbook edited elsewhere (every title changed, so every row
  is read, checked, merged and written with a revision) into that database,
  against a bare python-calamine parse of the same file;
* the first import of the whole portfolio into another office: the N-project export
  imported, as ``labest import --json`` in a subprocess, into a database of N/10
  other projects (another office code), against a bare parse of that export.

Each case starts once the disk has taken what the run wrote before it (``os.sync``).
Peak memory is that of the whole process tree of each case (the case's process,
the ``labest`` command it starts, the guarded reader's child process and the
import's helper process), sampled
every 10 ms from /proc while it runs (Linux; the tree is followed through each
thread's ``children`` file, or by scanning the whole of /proc where there is none or
with ``LABEST_BENCH_SCAN_PROC=1``, as before 26 November, session 6: that scan took
about an eighth of a core); the load average is printed with the figures, since the
machine may be shared. ``--only update first`` runs only those
paths (and their bare parses) to keep a run at 100,000 short.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def workspace(path: Path):
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import sqlite_location

    return Workspace(open_database(sqlite_location(path), backups_folder=path.parent / "backups", keep=2), "bench")


def case_export(db: str, out: str) -> dict:
    from labest_desktop.services.exchange_export import export_workbook

    ws = workspace(Path(db))
    start = time.perf_counter()
    written = export_workbook(ws, out)
    return {"seconds": time.perf_counter() - start, "rows": written.projects}


def case_xlsxwriter(db: str, out: str) -> dict:
    """The reference: the same project rows through xlsxwriter's constant_memory mode."""
    import xlsxwriter

    from labest_desktop.domain.fingerprints import fingerprint
    from labest_desktop.exchange.columns import PROJECT_COLUMNS
    from labest_desktop.exchange.export_rows import TextCleaner, row_values
    from labest_desktop.services.project_query import iter_snapshots
    from labest_desktop.services.snapshots import revision_prints

    ws = workspace(Path(db))
    start = time.perf_counter()
    with ws.reading() as session:  # the same ancestry column as the export's
        prints = revision_prints(session.connection())
    book = xlsxwriter.Workbook(out, {"constant_memory": True})
    sheet = book.add_worksheet("Projets")
    sheet.write_row(0, 0, [c.header for c in PROJECT_COLUMNS])
    clean = TextCleaner()
    rows = 0
    for index, snapshot in enumerate(iter_snapshots(ws), start=1):
        own = snapshot["fingerprint"] = fingerprint(snapshot)
        snapshot["ancestry"] = [p for p in prints.pop(snapshot["uid"], ()) if p != own]
        values = [v if v is None or isinstance(v, (str, int, float)) else str(v)
                  for v in row_values(PROJECT_COLUMNS, snapshot, clean)]
        sheet.write_row(index, 0, values)
        rows += 1
    book.close()
    return {"seconds": time.perf_counter() - start, "rows": rows}


def case_make_edited(db: str, out: str, every: int = 1) -> dict:
    """A workbook as another office sends it back: the title of one row in ``every``
    edited (every row by default, the worst case)."""
    from labest_desktop import __version__
    from labest_desktop.domain.fingerprints import fingerprint
    from labest_desktop.exchange.export_rows import ExportMeta
    from labest_desktop.exchange.xlsx_writer import write_xlsx
    from labest_desktop.services.project_query import iter_snapshots

    ws = workspace(Path(db))

    def edited():
        for index, snapshot in enumerate(iter_snapshots(ws)):
            snapshot["fingerprint"] = fingerprint(snapshot)
            if index % every == 0:
                snapshot["title"] = snapshot["title"][:180] + " (revu)"
            yield snapshot

    write_xlsx(out, edited(), meta=ExportMeta(office="Préfecture de la Moselle", app_version=__version__))
    return {}


def case_import(db: str, path: str) -> dict:
    from labest_desktop.services.exchange_import import import_file

    ws = workspace(Path(db))
    start = time.perf_counter()
    report = import_file(ws, path)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "updated": report.updated, "created": report.created, "errors": len(report.errors)}


def case_import_unguarded(db: str, path: str) -> dict:
    """The same import with the workbook read in this process (no child process,
    no limits): what the guard of exchange/guard.py costs, measured in the same run."""
    from labest_desktop.exchange import reader

    def here(path, *, stream_projects=False, meanwhile=None):
        if meanwhile is not None:
            meanwhile(lambda: False)  # nothing parses meanwhile: it reads ahead as far as it may
        return reader.read_workbook_here(path, stream_projects=stream_projects)

    reader.read_workbook = here
    import labest_desktop.exchange.workbook as workbook

    workbook.read_workbook = here
    return case_import(db, path)


def case_first_import(db: str, path: str) -> dict:
    """``labest import --json`` of another office's whole export into this database."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "labest_desktop", "--db", db, "import", path, "--json"],
        capture_output=True, text=True, env=dict(os.environ, LABEST_DATA_DIR=str(Path(db).parent)),
    )
    seconds = time.perf_counter() - start
    report = json.loads(done.stdout.strip().splitlines()[-1])
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seconds, "created": report.get("created"), "errors": len(report.get("errors", [])),
            "events_created": report.get("events_created"), "child_peak_mb": children}


def case_calamine(_db: str, path: str) -> dict:
    import python_calamine

    start = time.perf_counter()
    book = python_calamine.CalamineWorkbook.from_path(path)
    cells = 0
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python():
            cells += len(row)
    return {"seconds": time.perf_counter() - start, "cells": cells}


CASES = {
    "export": case_export,
    "xlsxwriter": case_xlsxwriter,
    "make_edited": case_make_edited,
    "make_edited_tenth": lambda db, out: case_make_edited(db, out, every=10),
    "import": case_import,
    "import_unguarded": case_import_unguarded,
    "first_import": case_first_import,
    "calamine": case_calamine,
}


def run_case(name: str, db: Path, path: Path) -> dict:
    # The files the run has just written (the demo database, its pristine copy, the
    # workbooks) are flushed to the disk first: their write-back would otherwise land
    # in the middle of the next case, whichever it is (an import's own writes and
    # syncs waited on it; a bare parse writes nothing).
    if hasattr(os, "sync"):
        os.sync()
    process = subprocess.Popen(
        [sys.executable, __file__, "--case", name, str(db), str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, LABEST_DATA_DIR=str(db.parent)),
    )
    sampler = TreePeak(process.pid)
    sampler.start()
    out, err = process.communicate()
    sampler.stop()
    if process.returncode != 0:
        raise SystemExit(f"case {name} failed ({process.returncode}):\n{err[-3000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["tree_peak_mb"] = sampler.peak / (1024 * 1024)
    result["tree_pss_peak_mb"] = sampler.pss_peak / (1024 * 1024)
    return result


class TreePeak(threading.Thread):
    """The largest sum of resident memory (RSS) of a process and all its descendants
    seen while it runs, polled from /proc every 10 ms (0 where there is no /proc).
    A forked child's RSS also counts the pages it still shares with its parent, so
    the sum counts those twice; the largest sum of proportional set sizes (PSS,
    shared pages split between the processes sharing them) is kept beside it,
    sampled at each new peak of the RSS sum (at most every 0.1 s) and every second.
    (Reading ``smaps_rollup`` walks every page of the process: 9-12 ms for the
    import's tree. Every 0.1 s, as before 26 November, session 7, the sampler took
    about a tenth of a core from the import, which uses both, and none from a bare
    parse; 2.6-2.8 % now.)"""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.pss_peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
        polls = 0
        last_pss = -1_000
        while not self.done.is_set():
            tree = _tree(self.pid)
            total = sum(_rss_pages(pid) for pid in tree) * page
            new_peak = total > self.peak
            self.peak = max(self.peak, total)
            if polls - last_pss >= 100 or (new_peak and polls - last_pss >= 10):
                self.pss_peak = max(self.pss_peak, sum(_pss_bytes(pid) for pid in tree))
                last_pss = polls
            polls += 1
            self.done.wait(0.01)

    def stop(self) -> None:
        self.done.set()
        self.join()


def _tree(root: int) -> list[int]:
    """The process ``root`` and its descendants. Through each thread's ``children``
    file (Linux 3.5 and later) when there is one: a few reads per sample, where a scan
    of the whole of /proc every 10 ms took about an eighth of a core from the two the
    import uses (the bare parse, one process, left the sampler a core of its own)."""
    found = None if os.environ.get("LABEST_BENCH_SCAN_PROC") else _tree_by_children(root)
    return found if found is not None else _tree_by_scan(root)


def _tree_by_children(root: int) -> list[int] | None:
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue  # ended meanwhile
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/children", "rb") as handle:
                    todo.extend(int(child) for child in handle.read().split())
            except FileNotFoundError:
                if pid == root and task == str(root):
                    return None  # no children files on this system
            except (OSError, ValueError):
                continue
    return found


def _tree_by_scan(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    parent = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _rss_pages(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def _pss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def load_average() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--only", nargs="+", choices=("export", "update", "first"), default=("export", "update", "first"),
                        help="which paths to measure (default: all three)")
    parser.add_argument("--case", nargs=3, metavar=("NAME", "DB", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        name, db, path = args.case
        result = CASES[name](db, path)
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # The workbook is read in a child process (exchange/guard.py): its peak too.
        result["child_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps(result))
        return
    for size in args.sizes:
        folder = Path(tempfile.mkdtemp(prefix="labest-bench-"))
        try:
            measure(size, folder, set(args.only))
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def _restore(pristine: Path, db: Path) -> None:
    shutil.copy(pristine, db)
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def measure(size: int, folder: Path, only: set[str]) -> None:
    env = dict(os.environ, LABEST_DATA_DIR=str(folder))
    db = folder / "labest.sqlite3"
    subprocess.run([sys.executable, "-m", "labest_desktop", "--db", str(db), "demo", "--projects", str(size)],
                   check=True, capture_output=True, env=env)
    print(f"N = {size:,} projects (load average before: {load_average()})")
    export = run_case("export", db, folder / "export.xlsx")
    if "export" in only:
        reference = run_case("xlsxwriter", db, folder / "reference.xlsx")
        print(f"  export .xlsx      {export['seconds']:6.2f} s  peak {export['peak_mb']:6.0f} MB"
              f"   xlsxwriter constant_memory {reference['seconds']:6.2f} s"
              f"   ratio {export['seconds'] / reference['seconds']:.2f} (target <= 2)")
    if "update" in only:
        run_case("make_edited", db, folder / "edited.xlsx")
        if "export" in only:  # made from the database as it is before any import
            run_case("make_edited_tenth", db, folder / "edited-tenth.xlsx")
        shutil.copy(db, folder / "pristine.sqlite3")
        parse = run_case("calamine", db, folder / "edited.xlsx")
        imported = run_case("import", db, folder / "edited.xlsx")
        print(f"  import (all rows changed: read, check, merge, write, revisions)"
              f" {imported['seconds']:6.2f} s  peak of the process tree {imported['tree_peak_mb']:4.0f} MB"
              f" (PSS {imported['tree_pss_peak_mb']:4.0f} MB)"
              f" (import {imported['peak_mb']:4.0f} MB, reading process {imported['child_peak_mb']:4.0f} MB)"
              f"   updated {imported['updated']:,}, errors {imported['errors']}")
        print(f"  bare calamine parse {parse['seconds']:6.2f} s"
              f"   ratio import / parse {imported['seconds'] / parse['seconds']:.2f} (target <= 8)"
              f"   load average after: {load_average()}")
        if "export" in only:
            _restore(folder / "pristine.sqlite3", db)
            unguarded = run_case("import_unguarded", db, folder / "edited.xlsx")
            _restore(folder / "pristine.sqlite3", db)
            tenth = run_case("import", db, folder / "edited-tenth.xlsx")
            # In process, the rows are also parsed in the importing process, one
            # after the other: the difference is the guard's cost less what parsing
            # beside the import (in the reading process) saves.
            print(f"  the same, workbook read and parsed in-process (no guard) {unguarded['seconds']:6.2f} s"
                  f"  peak {unguarded['peak_mb']:6.0f} MB"
                  f"   guarded minus in-process {imported['seconds'] - unguarded['seconds']:+.2f} s")
            print(f"  import (one row in ten changed)"
                  f" {tenth['seconds']:6.2f} s  peak {tenth['peak_mb']:6.0f} MB   updated {tenth['updated']:,}")
    if "first" in only:
        other = folder / "other-office.sqlite3"
        others = max(size // 10, 1)
        subprocess.run([sys.executable, "-m", "labest_desktop", "--db", str(other), "config", "office.code",
                        "AUT"], check=True, capture_output=True, env=env)
        subprocess.run([sys.executable, "-m", "labest_desktop", "--db", str(other), "demo", "--projects",
                        str(others), "--seed", "7"], check=True, capture_output=True, env=env)
        export_parse = run_case("calamine", db, folder / "export.xlsx")
        first = run_case("first_import", other, folder / "export.xlsx")
        print(f"  first import into another office ({others:,} projects there), labest import --json:"
              f" {first['seconds']:6.2f} s  peak of the process tree {first['tree_peak_mb']:6.0f} MB"
              f" (PSS {first['tree_pss_peak_mb']:4.0f} MB)"
              f"   created {first['created']:,}, events {first['events_created']}, errors {first['errors']}")
        print(f"  bare calamine parse of the export {export_parse['seconds']:6.2f} s"
              f"   ratio {first['seconds'] / export_parse['seconds']:.2f} (target <= 8)"
              f"   load average after: {load_average()}")


if __name__ == "__main__":
    main()
