"""Building the one-folder bundle for the tests, only when it is missing or stale.

The sources that go into the bundle (build.spec, the package, resources, the
translations' sources, pyproject.toml and the installed PySide6/PyInstaller
versions) are hashed; the hash of the last build is kept beside PyInstaller's work
folder. A lock keeps two test runs in the same checkout from building at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "labest"
WORK = ROOT / "build"
STAMP = WORK / "labest-bundle.sha256"
LOCK = WORK / "labest-bundle.lock"
EXECUTABLE = DIST / ("labest.exe" if sys.platform == "win32" else "labest")
BUILD_TIMEOUT_S = 20 * 60
SOURCE_SUFFIXES = {".py", ".mako", ".ts", ".png", ".svg", ".ico", ".icns", ".json", ".csv", ".xlsx", ".ods"}


def source_hash() -> str:
    digest = hashlib.sha256()
    files = [ROOT / "build.spec", ROOT / "pyproject.toml"]
    for folder in (ROOT / "labest_desktop", ROOT / "resources"):
        files += [p for p in folder.rglob("*") if p.is_file() and p.suffix in SOURCE_SUFFIXES and "__pycache__" not in p.parts]
    for path in sorted(files):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    for package in ("PySide6-Essentials", "pyinstaller", "SQLAlchemy", "alembic", "openpyxl"):
        digest.update(f"{package}=={version(package)}".encode())
    return digest.hexdigest()


@contextlib.contextmanager
def build_lock():
    WORK.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "w") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: no concurrent runs expected there
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_bundle() -> Path:
    """Path of the frozen executable, building it first if needed; the build time
    is printed (pytest -s shows it) and written to build/labest-bundle.log."""
    with build_lock():
        wanted = source_hash()
        if EXECUTABLE.is_file() and STAMP.is_file() and STAMP.read_text().strip() == wanted:
            return EXECUTABLE
        started = time.monotonic()
        STAMP.unlink(missing_ok=True)
        log = WORK / "labest-bundle.log"
        with open(log, "w", encoding="utf-8") as out:
            result = subprocess.run(
                [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", str(ROOT / "build.spec")],
                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, timeout=BUILD_TIMEOUT_S,
                env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            )
        elapsed = time.monotonic() - started
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"\nbundle built in {elapsed:.1f} s, exit status {result.returncode}\n")
        print(f"\nbuilt {DIST} in {elapsed:.1f} s (log: {log})")
        if result.returncode != 0 or not EXECUTABLE.is_file():
            tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
            raise RuntimeError("PyInstaller build failed:\n" + "\n".join(tail))
        STAMP.write_text(wanted)
        return EXECUTABLE


def disk_usage(folder: Path) -> int:
    """Bytes the folder takes on disk, like ``du`` (blocks allocated; hard links and
    symbolic links counted once)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            stat = os.lstat(os.path.join(root, name))
            key = (stat.st_dev, stat.st_ino)
            if key in seen:
                continue
            seen.add(key)
            total += getattr(stat, "st_blocks", 0) * 512 or stat.st_size
    return total + os.lstat(folder).st_blocks * 512
