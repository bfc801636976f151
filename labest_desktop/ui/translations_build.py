"""Compile the ``.ts`` translation sources into the ``.qm`` files Qt loads.

Run by ``make`` (and by ``build.spec``) so compiled files are never committed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from labest_desktop.paths import resource_path


def lrelease_command() -> list[str]:
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return [found]
    candidate = Path(sys.executable).with_name("pyside6-lrelease")
    if candidate.exists():
        return [str(candidate)]
    raise FileNotFoundError("pyside6-lrelease not found: install PySide6")


def build(folder: Path | None = None) -> list[Path]:
    folder = folder or resource_path("translations")
    built = []
    for source in sorted(folder.glob("*.ts")):
        target = source.with_suffix(".qm")
        subprocess.run([*lrelease_command(), "-silent", str(source), "-qm", str(target)], check=True)
        built.append(target)
    return built


if __name__ == "__main__":
    for path in build():
        print(f"built {path}")
