"""Collect every source text and fill in the French (and English plurals), in one go.

    .venv/bin/python resources/translations/update.py

Runs the lupdate + fill steps the fill_*.py docstrings describe, for the three
translation files; after a rebase that conflicts on a .ts file, take main's version
and run this. Exits 1 listing the texts that still lack French.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = Path(sys.executable).parent
VIEWS = ["board", "events", "partners", "funding", "dashboard", "kind_labels", "view_errors"]


def lupdate(sources: list[Path], ts: str, *options: str) -> None:
    # -no-obsolete: texts no longer in the code leave the file (no stale French kept).
    command = [str(BIN / "pyside6-lupdate"), "-no-obsolete", *options, *map(str, sources), "-ts", str(HERE / ts)]
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def main() -> int:
    ui = sorted((ROOT / "labest_desktop" / "ui").rglob("*.py"))
    views = [p for p in ui if p.parent.name == "views" and p.stem in VIEWS] + sorted(
        (ROOT / "labest_desktop" / "ui" / "reports").glob("*.py"))
    lupdate(ui, "labest_fr.ts")
    lupdate(views, "labest_views_fr.ts")
    lupdate(ui, "labest_en.ts", "-pluralonly")
    status = 0
    for script in ("fill_fr.py", "fill_views_fr.py", "fill_en.py"):
        status |= subprocess.run([sys.executable, str(HERE / script)], cwd=ROOT).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
