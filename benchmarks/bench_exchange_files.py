"""Speed and memory of the exchange file layer on synthetic portfolios.

    .venv/bin/python benchmarks/bench_exchange_files.py [--sizes 10000 100000]

Each case runs in its own subprocess so that its peak resident memory
(``ru_maxrss``) is its own. Compared: our xlsx writer against xlsxwriter's
constant-memory writer on the same rows, our ODS writer, and our reader (file
checks + parsing into records) against a bare python-calamine parse.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def synthetic_snapshots(count: int):
    """Snapshots shaped like a real portfolio, generated lazily (flat memory)."""
    from labest_desktop.domain.fields import ProjectFields, to_snapshot
    from labest_desktop.domain.fingerprints import fingerprint
    from labest_desktop.domain.vocab import DEPARTMENTS, Stage, Status

    stages, statuses = list(Stage), list(Status)
    for i in range(count):
        fields = ProjectFields(
            title=f"Projet d'innovation publique n° {i}",
            stage=stages[i % 3],
            status=statuses[i % 4],
            lead="Région Grand Est",
            partners=("Préfecture de la Moselle", f"Commune {i % 500}"),
            tags=("numérique", "usagers"),
            department=DEPARTMENTS[i % len(DEPARTMENTS)],
            contact="Jeanne Martin",
            start_date=date(2026, 1 + i % 12, 1 + i % 28),
            end_date=date(2027, 1 + i % 12, 1 + i % 28),
            budget=Decimal(i * 37 % 10_000_000) / 100,
            funding="FNADT",
            users_involved=i % 500,
            agents_involved=i % 40,
            description="Description du projet, sur une ligne ou deux.\nDeuxième ligne.",
        )
        snapshot = to_snapshot(fields, uid=str(uuid.UUID(int=i + 1)), reference=f"LAB-2026-{i + 1:04d}")
        snapshot["updated_at"] = datetime(2026, 3, 4, 5, 6, 7)
        snapshot["fingerprint"] = fingerprint(snapshot)
        yield snapshot


def case_write_ours(path: str, count: int) -> None:
    from labest_desktop.exchange.export_rows import ExportMeta
    from labest_desktop.exchange.xlsx_writer import write_xlsx

    write_xlsx(path, synthetic_snapshots(count), meta=ExportMeta("Bench", "0"), funding_names=["FNADT"])


def case_write_ods(path: str, count: int) -> None:
    from labest_desktop.exchange.export_rows import ExportMeta
    from labest_desktop.exchange.ods_writer import write_ods

    write_ods(path, synthetic_snapshots(count), meta=ExportMeta("Bench", "0"), funding_names=["FNADT"])


def case_write_xlsxwriter(path: str, count: int) -> None:
    """Same typed values written by xlsxwriter in constant_memory mode (reference)."""
    import xlsxwriter

    from labest_desktop.exchange.columns import PROJECT_COLUMNS
    from labest_desktop.exchange.export_rows import TextCleaner, row_values

    workbook = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = workbook.add_worksheet("Projets")
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    clean = TextCleaner()
    sheet.write_row(0, 0, [c.header for c in PROJECT_COLUMNS])
    for row, snapshot in enumerate(synthetic_snapshots(count), start=1):
        for col, value in enumerate(row_values(PROJECT_COLUMNS, snapshot, clean)):
            if value is None:
                continue
            if isinstance(value, date):
                sheet.write_datetime(row, col, value, date_format)
            elif isinstance(value, Decimal):
                sheet.write_number(row, col, float(value))
            else:
                sheet.write(row, col, value)
    workbook.close()


def case_generate_only(path: str, count: int) -> None:
    for _ in synthetic_snapshots(count):
        pass


def case_read_ours(path: str, count: int) -> None:
    from labest_desktop.exchange.workbook import read_exchange_file

    parsed = read_exchange_file(path)
    assert len(parsed.projects.records) == count, (len(parsed.projects.records), parsed.projects.errors[:3])


def case_read_calamine(path: str, count: int) -> None:
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_path(path)
    rows = workbook.get_sheet_by_name("Projets").to_python()
    assert len(rows) == count + 1


CASES = {name[5:]: fn for name, fn in globals().items() if name.startswith("case_")}


def run_case(name: str, path: str, count: int) -> dict:
    """Time one case in a fresh interpreter and read back its peak memory."""
    command = [sys.executable, __file__, "--case", name, "--path", path, "--count", str(count)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--case")
    parser.add_argument("--path")
    parser.add_argument("--count", type=int)
    args = parser.parse_args()
    if args.case:
        started = time.perf_counter()
        CASES[args.case](args.path, args.count)
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))
        return
    with tempfile.TemporaryDirectory() as folder:
        for count in args.sizes:
            ours = str(Path(folder) / f"ours-{count}.xlsx")
            ods = str(Path(folder) / f"ours-{count}.ods")
            reference = str(Path(folder) / f"xlsxwriter-{count}.xlsx")
            generate = run_case("generate_only", ours, count)
            write = run_case("write_ours", ours, count)
            write_ods = run_case("write_ods", ods, count)
            write_ref = run_case("write_xlsxwriter", reference, count)
            read = run_case("read_ours", ours, count)
            read_ods = run_case("read_ours", ods, count)
            read_bare = run_case("read_calamine", ours, count)
            size_mb = Path(ours).stat().st_size / 1e6
            print(f"\n{count:,} projects (xlsx {size_mb:.1f} MB; generating the snapshots alone: "
                  f"{generate['seconds']:.2f} s, {generate['peak_mb']:.0f} MB, included below in writes)")
            print(f"  write xlsx (ours, openpyxl write-only) {write['seconds']:6.2f} s  peak {write['peak_mb']:5.0f} MB")
            print(f"  write xlsx (xlsxwriter constant_mem.)  {write_ref['seconds']:6.2f} s  peak {write_ref['peak_mb']:5.0f} MB"
                  f"   ratio ours/xlsxwriter {write['seconds'] / write_ref['seconds']:.2f}")
            print(f"  write ods  (ours)                      {write_ods['seconds']:6.2f} s  peak {write_ods['peak_mb']:5.0f} MB")
            print(f"  read xlsx  (ours, checks + records)    {read['seconds']:6.2f} s  peak {read['peak_mb']:5.0f} MB")
            print(f"  read ods   (ours, checks + records)    {read_ods['seconds']:6.2f} s  peak {read_ods['peak_mb']:5.0f} MB")
            print(f"  read xlsx  (bare python-calamine)      {read_bare['seconds']:6.2f} s  peak {read_bare['peak_mb']:5.0f} MB"
                  f"   ratio ours/bare {read['seconds'] / read_bare['seconds']:.2f}")


if __name__ == "__main__":
    main()
