"""Fill resources/translations/labest_views_fr.ts (board, events, partners, funding,
dashboard, PDF reports) with the French of fill_fr.py, so one glossary serves both
translation files.

    .venv/bin/pyside6-lupdate labest_desktop/ui/views/{board,events,partners,funding,dashboard,kind_labels,view_errors}.py \
        labest_desktop/ui/reports/*.py -ts resources/translations/labest_views_fr.ts
    .venv/bin/python resources/translations/fill_views_fr.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import fill_fr  # noqa: E402 - the glossary beside this script

if __name__ == "__main__":
    unfinished = fill_fr.fill(Path(__file__).with_name("labest_views_fr.ts"))
    for line in unfinished:
        print("missing:", line)
    sys.exit(1 if unfinished else 0)
