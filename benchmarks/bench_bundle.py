"""Size of the packaged application and how fast its window appears.

    .venv/bin/python benchmarks/bench_bundle.py [--runs 7] [--rebuild]

1. Builds dist/labest/ from build.spec when missing or stale (as the tests do),
   printing the build time, or reuses it.
2. Prints its size on disk (like ``du``) and the 10 largest files and folders.
3. Starts the frozen executable and the source (``python -m labest_desktop``) on
   the same empty database, several times each, under a private Xvfb display, and
   times each from process start to the main window being mapped on screen (polled
   with ``xdotool search --onlyvisible --pid``, ~5 ms resolution); prints each
   median. Needs Xvfb and xdotool (installed by ``make system-deps``).

Target (issue 4): bundle <= 150 MB on disk, window <= 1 s from start.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.packaging.bundle import DIST, EXECUTABLE, disk_usage, ensure_bundle  # noqa: E402

WINDOW_TIMEOUT_S = 30.0


def sizes(folder: Path) -> tuple[dict[Path, int], dict[Path, int]]:
    """On-disk bytes of every file and of every folder below ``folder``."""
    files: dict[Path, int] = {}
    folders: dict[Path, int] = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            size = path.lstat().st_blocks * 512
            files[path] = size
            for parent in path.parents:
                if parent == folder:
                    break
                folders[parent] = folders.get(parent, 0) + size
    return files, folders


def report_size() -> float:
    total = disk_usage(DIST)
    print(f"\nbundle {DIST.relative_to(ROOT)}: {total / 1e6:.1f} MB on disk (target <= 150 MB)")
    files, folders = sizes(DIST)
    for title, table in (("largest files", files), ("largest folders", folders)):
        print(f"  {title}:")
        for path, size in sorted(table.items(), key=lambda item: -item[1])[:10]:
            print(f"    {size / 1e6:7.1f} MB  {path.relative_to(DIST)}")
    return total / 1e6


class Display:
    """A private Xvfb server, stopped by its own process id."""

    def __init__(self, number: int = 97) -> None:
        self.name = f":{number}"
        self.process = subprocess.Popen(
            ["Xvfb", self.name, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if subprocess.run(["xdotool", "getdisplaygeometry"], env=self.env(), capture_output=True).returncode == 0:
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("Xvfb did not start")

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
        env["DISPLAY"] = self.name
        return env

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def time_to_window(command: list[str], display: Display, data: Path) -> float:
    """Seconds from starting ``command`` to its first window being mapped."""
    env = {**display.env(), "LABEST_DATA_DIR": str(data)}
    started = time.perf_counter()
    log = open(data.parent / "last-run.log", "wb")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        while time.perf_counter() - started < WINDOW_TIMEOUT_S:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(process.pid)],
                env=env, capture_output=True, text=True,
            )
            if found.stdout.strip():
                return time.perf_counter() - started
            if process.poll() is not None:
                output = (data.parent / "last-run.log").read_text(errors="replace").strip().splitlines()[-5:]
                raise RuntimeError(f"{command[0]} exited with {process.returncode} before showing a window: "
                                   + " | ".join(output))
        raise RuntimeError(f"no window from {command[0]} within {WINDOW_TIMEOUT_S:.0f} s")
    finally:
        log.close()
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def startup(runs: int) -> dict[str, list[float]]:
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        print("\nstart-up: skipped (needs Xvfb and xdotool: make system-deps)")
        return {}
    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="labest-bench-") as tmp:
        folder = Path(tmp)
        database = folder / "empty.sqlite3"
        # Create the empty database once, so every run measures opening, not creating.
        subprocess.run([str(EXECUTABLE), "--db", str(database), "check"], capture_output=True,
                       env={**os.environ, "LABEST_DATA_DIR": str(folder / "data")}, check=False)
        subprocess.run([str(EXECUTABLE), "--db", str(database), "list"], capture_output=True,
                       env={**os.environ, "LABEST_DATA_DIR": str(folder / "data")}, check=True)
        commands = {
            "frozen": [str(EXECUTABLE), "--db", str(database)],
            "source": [sys.executable, "-m", "labest_desktop", "--db", str(database)],
        }
        display = Display()
        try:
            for name, command in commands.items():
                time_to_window(command, display, folder / "data")  # warm the file cache
                results[name] = [time_to_window(command, display, folder / "data") for _ in range(runs)]
        finally:
            display.stop()
    print(f"\nstart to window shown, empty database, {runs} runs (target <= 1 s):")
    for name, times in results.items():
        shown = " ".join(f"{t:.2f}" for t in times)
        print(f"  {name:6}  median {statistics.median(times):.2f} s   ({shown})")
    if "frozen" in results and "source" in results:
        ratio = statistics.median(results["frozen"]) / statistics.median(results["source"])
        print(f"  frozen / source = {ratio:.2f}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true", help="build even when the bundle is up to date")
    args = parser.parse_args()
    if args.rebuild:
        from tests.packaging import bundle

        bundle.STAMP.unlink(missing_ok=True)
    started = time.monotonic()
    ensure_bundle()
    print(f"bundle ready in {time.monotonic() - started:.1f} s ({'rebuilt' if args.rebuild else 'built if stale'})")
    report_size()
    startup(args.runs)


if __name__ == "__main__":
    main()
