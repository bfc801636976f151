"""Reading each kind of file a coordinator may send, against a bare python-calamine
parse of the same file (issue #17): the app's .xlsx (with its formula scan), the
same workbook saved by Gnumeric as .xls and .ods (the .ods read by the tolerant
streaming parser, since calamine cannot), and the app's own .ods.

    .venv/bin/python benchmarks/bench_file_kinds.py [--rows 10000]

Needs Gnumeric's ``ssconvert`` for the .xls and Gnumeric .ods cases (skipped
without it). Times are wall-clock seconds in this process; read them as ratios on
a machine that may be loaded.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def _calamine(path: Path) -> None:
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    workbook.get_sheet_by_name("Projets").to_python()


def _read(path: Path) -> None:
    from labest_desktop.exchange.reader import read_workbook_here

    raw = read_workbook_here(path)
    assert len(raw.sheets["Projets"]) > 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    from benchmarks.bench_exchange_files import synthetic_snapshots
    from labest_desktop.exchange.export_rows import ExportMeta
    from labest_desktop.exchange.ods_writer import write_ods
    from labest_desktop.exchange.xlsx_writer import write_xlsx

    meta = ExportMeta(office="bench", app_version="bench")
    folder = Path(tempfile.mkdtemp(prefix="labest-kinds-"))
    try:
        xlsx = folder / "export.xlsx"
        write_xlsx(xlsx, synthetic_snapshots(args.rows), meta=meta)
        ods = folder / "export.ods"
        write_ods(ods, synthetic_snapshots(args.rows), meta=meta)
        cases = [("app .xlsx", xlsx, True), ("app .ods", ods, True)]
        ssconvert = shutil.which("ssconvert")
        if ssconvert:
            for suffix in ("xls", "ods"):
                target = folder / f"gnumeric.{suffix}"
                subprocess.run([ssconvert, str(xlsx), str(target)], check=True, capture_output=True)
                cases.append((f"Gnumeric .{suffix}", target, suffix == "xls"))
        print(f"{args.rows} rows")
        for name, path, calamine_reads in cases:
            ours = _timed(lambda path=path: _read(path))
            if calamine_reads:
                bare = _timed(lambda path=path: _calamine(path))
                print(f"  {name:15} read {ours:6.2f} s   bare calamine {bare:6.2f} s   ratio {ours / bare:4.1f}x")
            else:
                print(f"  {name:15} read {ours:6.2f} s   (tolerant parser; calamine cannot read it)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
