"""First start: the window shown on a database that does not exist yet.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_first_start.py [--runs 5]

Each run starts ``python -m labest_desktop --db NEW`` in a fresh data folder (the
file is created, migrated and the welcome panel asks the office), and measures from
process start to the window shown; a bare PySide6 window is measured in the same
run for the ratio. Prints the best and median of each. Target: ≤ 1 s on an idle
machine (issue 14); on a loaded one, read the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_window import BARE  # noqa: E402


def shown_after(command: list[str], env: dict) -> float:
    start = time.time()
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120).stdout
    line = next(x for x in out.splitlines() if x.startswith("LABEST_SHOWN"))
    return float(line.split()[1]) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app_times, bare_times = [], []
    for _ in range(args.runs):
        folder = Path(tempfile.mkdtemp(prefix="labest-first-"))
        env = dict(os.environ, LABEST_EXIT_WHEN_SHOWN="1", LABEST_DATA_DIR=str(folder / "data"),
                   XDG_CONFIG_HOME=str(folder / "config"))
        app_times.append(shown_after([sys.executable, "-m", "labest_desktop", "--db", str(folder / "new.sqlite3")], env))
        bare_times.append(shown_after([sys.executable, "-c", BARE], env))
    best, median = min(app_times), statistics.median(app_times)
    bare_best, bare_median = min(bare_times), statistics.median(bare_times)
    print(f"first start, new database: best {best:.2f} s, median {median:.2f} s ({args.runs} runs)")
    print(f"bare PySide6 window:       best {bare_best:.2f} s, median {bare_median:.2f} s")
    print(f"ratio (best/best): {best / bare_best:.2f}; target: ≤ 1 s on an idle machine")


if __name__ == "__main__":
    main()
