"""A day of work on the real window: at least 2,000 user actions, resident memory and
the window thread's worst block every 200 actions.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_soak.py /work/coord/data/demo-10k.sqlite3
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_soak.py --actions 2000 --database-url postgresql://…

The database file is copied first. Actions mix edits in the project editor, stage
moves on the board and in the editor, notes, events, undo/redo, view switches,
searches and a dozen exports each imported back (see ``soak_driver``). Goal: memory
flat after the first 200 actions (≤ +50 MB over the run) and no kind of action
slower at the end than at the start.

Every 200 actions it prints resident memory at rest (after a pause as long as the
window waits before handing freed memory back) and right after the last action
("busy"), what SQLite and glibc's malloc hold in use, the window thread's worst
block, the action that took longest on that thread and Qt's object count; at the
end the median time and CPU time of each kind of action (until its background work
settled and the window painted it) in each stretch, then the two probe rounds (every
kind of action 7 times in the same conditions, right after the warm-up stretch and
at the end) and the kinds whose median is slower in the last round than in the first
(> 1.5× + 5 ms).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import soak_driver  # noqa: E402
import window_probe as probe  # noqa: E402


def _mb(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} MB"


def print_medians(result: soak_driver.SoakResult, *, cpu: bool = False) -> None:
    """Median time of each kind of action (until its background work settled), one
    column per stretch of actions: a kind growing slower along a row is what the
    run must not show."""
    figures = [chunk.median_cpu_ms if cpu else chunk.median_ms for chunk in result.chunks]
    kinds = sorted({kind for medians in figures for kind in medians})
    print(f"median {'CPU ' if cpu else ''}ms per kind of action, from its start until its work settled"
          + (" (the process's CPU time, every thread)" if cpu else "") + ":")
    print(f"{'':>24}" + "".join(f"{chunk.actions:>7}" for chunk in result.chunks))
    for kind in kinds:
        cells = (medians.get(kind) for medians in figures)
        print(f"{kind:>24}" + "".join("      —" if ms is None else f"{ms:>7.0f}" for ms in cells))


def print_probes(result: soak_driver.SoakResult, *, cpu: bool = False) -> None:
    """Median of each kind in the first probe round (after warm-up) and the last."""
    medians = result.probe_medians(cpu=cpu)
    rounds = result.probes_cpu if cpu else result.probes
    print(f"probe rounds, median {'CPU ' if cpu else ''}ms of each kind ("
          + ", ".join(f"{when}: {sum(map(len, rounds.get(when, {}).values()))} actions timed in "
                      f"{result.probe_seconds.get(when, 0):.0f} s" for when in ("start", "end")) + "):")
    width = max((len(kind) for kind in medians), default=10)
    print(f"{'':>{width}}{'start':>8}{'end':>8}")
    for kind, (start, end) in medians.items():
        print(f"{kind:>{width}}{start:>8.0f}{end:>8.0f}" + ("   slower" if end > 1.5 * start + 5 else ""))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", nargs="?", help="a SQLite file (copied first)")
    parser.add_argument("--database-url", help="a PostgreSQL URL instead of a file")
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--every", type=int, default=200)
    parser.add_argument("--imports", type=int, default=12)
    parser.add_argument("--samples", help="write every time measured (per stretch and per probe round) to this JSON file")
    args = parser.parse_args(argv)
    if not args.database and not args.database_url:
        parser.error("give a database file or --database-url")
    probe.application()
    workspace, folder = probe.open_copy(args.database, args.database_url)
    window = probe.build_window(workspace, folder)
    from labest_desktop.app import freeze_startup_objects

    freeze_startup_objects()  # as ``labest`` does once its window is built
    probe.settle()
    print(f"{probe.describe(args.database, args.database_url)}: window built, {probe.rss_mb():.0f} MB; "
          f"{args.actions} actions, {args.imports} exports imported back")
    print(f"{'actions':>8}{'RSS':>9}{'busy':>9}{'SQLite':>9}{'malloc in use':>15}{'worst block':>13}  "
          f"{'slowest on the window thread':<32}{'Qt objects':>11}  medians (ms)")

    def report(chunk: soak_driver.Chunk) -> None:
        name, ms = chunk.worst_action
        native = chunk.native_mb
        print(f"{chunk.actions:>8}{chunk.rss_mb:>6.0f} MB{chunk.rss_busy_mb:>6.0f} MB{_mb(native.get('sqlite')):>9}{_mb(native.get('malloc used')):>15}"
              f"{chunk.worst_block_ms:>10.0f} ms  {name + f' {ms:.0f} ms':<32}{chunk.qt_objects:>11}  "
              + ", ".join(f"{k} {v:.0f}" for k, v in sorted(chunk.median_ms.items())), flush=True)

    soak = soak_driver.Soak(window, count=args.actions, every=args.every, imports=args.imports, report=report,
                            folder=folder)
    result = soak.run()
    print_medians(result)
    print_medians(result, cpu=True)
    first, last = result.chunks[0], result.chunks[-1]
    print(f"memory at rest after warm-up ({first.actions} actions) to the end: {result.growth_after_warmup():+.0f} MB "
          f"(goal ≤ +50 MB; right after the last action: {result.busy_growth_after_warmup():+.0f} MB); "
          f"Qt objects {first.qt_objects} → {last.qt_objects}")
    print("actions with nothing to do (undo/redo greyed out, a click on the view on screen; not timed): "
          + (", ".join(f"{name} {n}" for name, n in sorted(soak.skipped.items())) or "none"))
    print(f"sentences shown to the user: {len(soak.told)}" + "".join(f"\n  {text}" for text in soak.told[:5]))
    print_probes(result)
    print_probes(result, cpu=True)
    print("kinds of the day's actions not timed 7 times in both probe rounds: "
          + (", ".join(result.unprobed()) or "none"))
    for cpu in (False, True):
        slower = result.slower(cpu=cpu)
        print(f"slower at the end ({'CPU ' if cpu else ''}ms; median of the last probe round against the first, "
              f"each kind {soak_driver.PROBE_REPEATS} times or more a round; > 1.5× + 5 ms): "
              + (", ".join(f"{k} {a:.0f} → {b:.0f}" for k, (a, b) in slower.items()) or "none"))
    if args.samples:
        Path(args.samples).write_text(json.dumps({
            "stretches": [{"actions": c.actions, "ms": c.times_ms, "cpu_ms": c.cpu_ms} for c in result.chunks],
            "probes": result.probes, "probes_cpu": result.probes_cpu,
        }, indent=1))
    window.close()
    workspace.database.dispose()
    shutil.rmtree(folder, ignore_errors=True)  # the copy of the database (330 MB at 100,000) and its backups
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
