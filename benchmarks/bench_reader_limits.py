"""The workbook reader's limits, and what they cost, forked and as a new interpreter
(the path Windows takes, forced here with ``LABEST_READER_PROCESS=spawn``).

    .venv/bin/python benchmarks/bench_reader_limits.py [--rows 10000] [--runs 3] [--workbook FILE]

* An N-project export (made from a demo database of N projects, or ``--workbook``)
  read and parsed through ``read_exchange_file``, forked and as a new interpreter,
  alternating: medians of wall time, the reading process's processor time, this
  process's, and the reading process's peak.
* Refusals: the 1.3 KB workbook that makes calamine build a 1.6 GB table, under
  300 MB, with both layers and with the parent's watchdog alone; an ordinary 90 MB
  CSV allowed 1 s of processor time (watchdog alone). Time to the sentence and the
  limit that stopped it.
* The 199 MB CSV of separator lines (the issue's), both ways.
* The watchdog's processor time per look.

Each case runs in its own subprocess, so that the peaks (``ru_maxrss`` of its
children) are its own. The load average is printed first and last.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MB = 1024 * 1024


def case(kind: str, path: str, mode: str) -> dict:
    """One measured read in this process (run through ``--case``)."""
    from labest_desktop.exchange import guard
    from labest_desktop.exchange.child_limits import Limits
    from labest_desktop.exchange.errors import ExchangeFileError
    from labest_desktop.exchange.workbook import read_exchange_file

    os.environ[guard.PROCESS_VARIABLE] = mode
    seen: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())

    logging.getLogger(guard.__name__).addHandler(Keep())
    logging.getLogger(guard.__name__).setLevel(logging.WARNING)
    limits = {
        "memory": (Limits(300 * MB, 600, 600), True),
        "memory-watchdog": (Limits(300 * MB, 600, 600), False),
        "cpu-watchdog": (Limits(3 * 1024 * MB, 1.0, 600), False),
    }
    start = time.perf_counter()
    outcome = "read"
    try:
        if kind == "read":
            outcome = f"{len(read_exchange_file(path).projects.records)} projects"
        else:
            chosen, system = limits[kind]
            book = guard.read_workbook(path, stream_projects=True, limits=chosen, spawn=mode == "spawn",
                                       system_limits=system)
            for rows in book.sheets.values():
                for _ in rows:
                    pass
    except ExchangeFileError as exc:
        outcome = seen[-1].split("failed: ", 1)[-1] if seen else exc.key
    wall = time.perf_counter() - start
    mine, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "wall": wall,
        "child_cpu": children.ru_utime + children.ru_stime,
        "parent_cpu": mine.ru_utime + mine.ru_stime,
        "child_peak_mb": children.ru_maxrss // 1024,
        "parent_peak_mb": mine.ru_maxrss // 1024,
        "outcome": outcome,
    }


def run_case(kind: str, path: Path, mode: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--case", kind, str(path), mode],
        capture_output=True, text=True, check=True, env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def watchdog_look() -> float:
    import psutil

    from labest_desktop.exchange import guard
    from labest_desktop.exchange.child_limits import Watchdog

    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        watchdog = Watchdog.__new__(Watchdog)
        watchdog.limits, watchdog.memory_base, watchdog.peak_memory = guard.current_limits(), 0, 0
        watchdog._started = time.monotonic()
        process, looks = psutil.Process(sleeper.pid), 2000
        start = time.process_time()
        for _ in range(looks):
            watchdog._over(process)
        return (time.process_time() - start) / looks
    finally:
        sleeper.kill()
        sleeper.wait()


def make_files(folder: Path, rows: int, workbook: str | None) -> dict[str, Path]:
    from tests.faults import hostile

    files = {
        "sparse": hostile.sparse_within_limits(folder / "clairsemé.xlsx"),
        "long": hostile.long_csv(folder / "long.csv"),
        "separators": folder / "séparateurs.csv",
    }
    with files["separators"].open("w", encoding="utf-8") as out:
        out.write("Référence;Titre;Étape;Statut\n")
        for _ in range(199_000):
            out.write(";" * 999 + "\n")
    if workbook:
        files["export"] = Path(workbook)
    else:
        database, export = folder / "demo.sqlite3", folder / "export.xlsx"
        environment = dict(os.environ, LABEST_DATA_DIR=str(folder / "data"), PYTHONPATH=str(ROOT))
        for command in (["demo", "--projects", str(rows)], ["export", str(export)]):
            subprocess.run([sys.executable, "-m", "labest_desktop", "--db", str(database), *command],
                           check=True, capture_output=True, env=environment)
        files["export"] = export
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workbook", help="an existing export to read instead of making one")
    parser.add_argument("--case", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(case(*args.case)))
        return
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-reader-") as folder:
        files = make_files(Path(folder), args.rows, args.workbook)
        reads: dict[str, list[dict]] = {"fork": [], "spawn": []}
        for _ in range(args.runs):
            for mode in reads:
                reads[mode].append(run_case("read", files["export"], mode))
        for mode, runs in reads.items():
            medians = {key: statistics.median(r[key] for r in runs) for key in ("wall", "child_cpu", "parent_cpu")}
            print(f"read {files['export'].name} ({runs[0]['outcome']}), {mode}: median {medians['wall']:.2f} s wall, "
                  f"reading process {medians['child_cpu']:.2f} s CPU, this process {medians['parent_cpu']:.2f} s CPU, "
                  f"reading process peak {max(r['child_peak_mb'] for r in runs)} MB", flush=True)
        for kind, name in (("memory", "sparse"), ("memory-watchdog", "sparse"), ("cpu-watchdog", "long")):
            for mode in ("spawn", "fork"):
                r = run_case(kind, files[name], mode)
                print(f"{kind}, {files[name].name}, {mode}: {r['wall']:.2f} s: {r['outcome']}", flush=True)
        for mode in ("fork", "spawn"):
            r = run_case("read", files["separators"], mode)
            print(f"199 MB CSV of separators, {mode}: {r['wall']:.1f} s, this process {r['parent_peak_mb']} MB, "
                  f"reading process {r['child_peak_mb']} MB", flush=True)
    look = watchdog_look()
    print(f"watchdog: {look * 1e6:.0f} µs of processor time a look, 20 looks a second = {look * 20 * 100:.2f} % of a core")
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")


if __name__ == "__main__":
    main()
