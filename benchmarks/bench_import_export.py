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

    reader.read_workbook = reader.read_workbook_here
    import labest_desktop.exchange.workbook as workbook

    workbook.read_workbook = reader.read_workbook_here
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
    out = subprocess.run(
        [sys.executable, __file__, "--case", name, str(db), str(path)],
        check=True, capture_output=True, text=True, env=dict(os.environ, LABEST_DATA_DIR=str(db.parent)),
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
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
            db = folder / "labest.sqlite3"
            subprocess.run(
                [sys.executable, "-m", "labest_desktop", "--db", str(db), "demo", "--projects", str(size)],
                check=True, capture_output=True, env=dict(os.environ, LABEST_DATA_DIR=str(folder)),
            )
            export = run_case("export", db, folder / "export.xlsx")
            reference = run_case("xlsxwriter", db, folder / "reference.xlsx")
            run_case("make_edited", db, folder / "edited.xlsx")
            run_case("make_edited_tenth", db, folder / "edited-tenth.xlsx")
            parse = run_case("calamine", db, folder / "edited.xlsx")
            shutil.copy(db, folder / "pristine.sqlite3")
            imported = run_case("import", db, folder / "edited.xlsx")
            shutil.copy(folder / "pristine.sqlite3", db)
            for suffix in ("-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            unguarded = run_case("import_unguarded", db, folder / "edited.xlsx")
            shutil.copy(folder / "pristine.sqlite3", db)
            for suffix in ("-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            tenth = run_case("import", db, folder / "edited-tenth.xlsx")
            other = folder / "other-office.sqlite3"
            env = dict(os.environ, LABEST_DATA_DIR=str(folder))
            subprocess.run([sys.executable, "-m", "labest_desktop", "--db", str(other), "config", "office.code",
                            "AUT"], check=True, capture_output=True, env=env)
            subprocess.run([sys.executable, "-m", "labest_desktop", "--db", str(other), "demo", "--projects",
                            str(max(size // 10, 1)), "--seed", "7"], check=True, capture_output=True, env=env)
            export_parse = run_case("calamine", db, folder / "export.xlsx")
            first = run_case("first_import", other, folder / "export.xlsx")
            print(f"N = {size:,} projects")
            print(f"  export .xlsx      {export['seconds']:6.2f} s  peak {export['peak_mb']:6.0f} MB"
                  f"   xlsxwriter constant_memory {reference['seconds']:6.2f} s"
                  f"   ratio {export['seconds'] / reference['seconds']:.2f} (target <= 2)")
            print(f"  import (all rows changed: read, check, merge, write, revisions)"
                  f" {imported['seconds']:6.2f} s  peak {imported['peak_mb']:6.0f} MB"
                  f" (reading process {imported['child_peak_mb']:4.0f} MB)"
                  f"   updated {imported['updated']:,}, errors {imported['errors']}")
            print(f"  the same, workbook read in-process (no guard) {unguarded['seconds']:6.2f} s"
                  f"  peak {unguarded['peak_mb']:6.0f} MB"
                  f"   guard's cost {imported['seconds'] - unguarded['seconds']:+.2f} s")
            print(f"  import (one row in ten changed)"
                  f" {tenth['seconds']:6.2f} s  peak {tenth['peak_mb']:6.0f} MB   updated {tenth['updated']:,}")
            print(f"  bare calamine parse {parse['seconds']:6.2f} s"
                  f"   ratio import / parse {imported['seconds'] / parse['seconds']:.2f} (target <= 8)")
            print(f"  first import into another office ({max(size // 10, 1):,} projects there), labest import --json:"
                  f" {first['seconds']:6.2f} s  peak {first['child_peak_mb']:6.0f} MB"
                  f"   created {first['created']:,}, events {first['events_created']}, errors {first['errors']}")
            print(f"  bare calamine parse of the export {export_parse['seconds']:6.2f} s"
                  f"   ratio {first['seconds'] / export_parse['seconds']:.2f} (target <= 8)")
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
