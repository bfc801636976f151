"""Compile the ``.ts`` translation sources into the ``.qm`` files Qt loads.

Compiled files are never committed. Three ways they come to exist:

* ``make translations`` (and ``build.spec``) compile them next to their sources;
* the package's build step (``setup.py``) compiles them into the wheel, so that
  ``pip install`` of the checkout or of a wheel ships French;
* :func:`ensure_compiled`, called at start-up, compiles any that are missing or older
  than their source (an editable install that never ran ``make``), next to the
  sources when that folder is writable, else in the per-user data folder.

No Qt import here: the build step runs it without a display.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

logger = logging.getLogger(__name__)


def lrelease_command() -> list[str]:
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return [found]
    candidates = [Path(sys.executable).with_name("pyside6-lrelease")]
    try:
        import PySide6

        candidates += [Path(PySide6.__file__).with_name(name) for name in ("lrelease", "lrelease.exe")]
    except ImportError:
        pass
    for candidate in candidates:
        if candidate.exists():
            return [str(candidate)]
    raise FileNotFoundError("pyside6-lrelease not found: install PySide6")


def compile_one(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([*lrelease_command(), "-silent", str(source), "-qm", str(target)], check=True,
                   stdout=subprocess.DEVNULL)
    return target


def build(folder: Path | None = None, into: Path | None = None) -> list[Path]:
    """Every ``.ts`` of ``folder`` compiled into ``into`` (default: next to it)."""
    from labest_desktop.paths import resource_path

    folder = folder or resource_path("translations")
    into = into or folder
    return [compile_one(source, into / source.with_suffix(".qm").name) for source in sorted(folder.glob("*.ts"))]


def _stale(source: Path, target: Path) -> bool:
    return not target.exists() or target.stat().st_mtime < source.stat().st_mtime


def ensure_compiled(folder: Path, fallback: Path) -> Path:
    """The folder holding up-to-date ``.qm`` files for the ``.ts`` of ``folder``.

    Shipped builds (wheel, frozen) hold ``.qm`` without ``.ts``: nothing to do. A
    checkout without ``make translations`` compiles here, once.
    """
    sources = sorted(folder.glob("*.ts"))
    if not any(_stale(s, folder / s.with_suffix(".qm").name) for s in sources):
        return folder
    for into in (folder, fallback):
        try:
            for source in sources:
                target = into / source.with_suffix(".qm").name
                if _stale(source, target):
                    compile_one(source, target)
            logger.info("Compiled the translations into %s", into)
            return into
        except (OSError, subprocess.CalledProcessError) as exc:
            logger.warning("Cannot compile the translations into %s: %s", into, exc)
    return folder


if __name__ == "__main__":
    for path in build():
        print(f"built {path}")
