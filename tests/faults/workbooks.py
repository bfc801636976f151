"""Hypothesis-made workbooks as coordinators (and strangers) might send them.

Random sheet names (our own in any case or accents, English, or anything), up to
a few title rows (some merged), a header row of known headers in French or English
spelt in any case, with or without accents and with stray spaces, plus unknown
ones, then rows of random cells of every type openpyxl writes (text of any
alphabet, numbers, dates, times, booleans, formulas-looking text, blanks), blank
rows between them, merged cells anywhere, and sometimes a ``_labest`` sheet with a
random format version.
"""

from __future__ import annotations

import math
import unicodedata
from datetime import date, datetime
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from labest_desktop.exchange.columns import EVENTS_SHEET, PARTNERS_SHEET, PROJECTS_SHEET

KNOWN_HEADERS = sorted({name for column in PROJECTS_SHEET.columns for name in column.names()})
EVENT_HEADERS = sorted({name for column in EVENTS_SHEET.columns for name in column.names()})
PARTNER_HEADERS = sorted({name for column in PARTNERS_SHEET.columns for name in column.names()})
SHEET_NAMES = ["Projets", "projets", "PROJETS", " Projets ", "Projects", "Événements", "Evenements", "Events",
               "Partenaires", "Partners", "Feuil1", "Sheet1", "Historique", "_labest", "_LABEST"]
VOCABULARY = ["Idéation", "ideation", "PROTOTYPE", "Déploiement", "deployment", "Actif", "en pause", "Terminé",
              "abandoned", "Région", "57", "8", "08", "67", "26/11/2026", "26/11/26", "2026-11-26", "31/02/2026",
              "12 000,50 €", "12000.50", "-5", "1e308", "NaN", "inf", "LAB-2026-0001", "PREF57-2025-0002",
              "00000000-0000-0000-0000-000000000001", "not-a-uuid", "=1+1", "=HYPERLINK(\"x\")", "@SUM(A1)",
              "Ville de Metz; Région Grand Est", ";;;", "\u202e\u0000\ufeff", "x" * 300]


def spelling(name: str):
    """``name`` as a person might type it: case, accents, spaces."""
    folded = "".join(c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn")
    return st.sampled_from([name, name.upper(), name.lower(), folded, folded.upper(), f"  {name} ", name.title()])


headers = st.one_of(
    st.sampled_from(KNOWN_HEADERS).flatmap(spelling),
    st.sampled_from(EVENT_HEADERS + PARTNER_HEADERS),
    st.text(max_size=20),
)
cells = st.one_of(
    st.none(),
    st.sampled_from(VOCABULARY),
    st.text(max_size=60),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.times(),
)


@st.composite
def sheets(draw, *, first: bool):
    projects_names = ["Projets", "projets", "PROJETS", " Projets ", "Projects", "PROJECTS"]
    name = draw(st.sampled_from(projects_names) if first and draw(st.integers(0, 9)) < 8
                else st.one_of(st.sampled_from(SHEET_NAMES), st.text(min_size=1, max_size=31)))
    title_rows = draw(st.lists(st.lists(cells, max_size=3), max_size=3))
    # Mostly a header row the reader recognises (a title column and known ones), so
    # that the rows beneath are parsed; sometimes anything at all.
    if draw(st.integers(0, 9)) < 8:
        title = draw(st.sampled_from(["Titre", "Title", "titre", "TITRE", " Titre ", "title"]))
        known = draw(st.lists(st.sampled_from(KNOWN_HEADERS).flatmap(spelling), min_size=2, max_size=20))
        header_row = draw(st.permutations([title, *known, *draw(st.lists(headers, max_size=3))]))
    else:
        header_row = draw(st.lists(headers, min_size=0, max_size=22))
    width = max(len(header_row), 1)
    rows = draw(st.lists(st.one_of(st.just([]), st.lists(cells, min_size=0, max_size=width + 2)), max_size=25))
    # Give most rows a title where the title column is, so that some rows are valid
    # enough to reach the merge and the writes.
    title_at = next((i for i, h in enumerate(header_row) if isinstance(h, str) and h.strip().lower() in
                     ("titre", "title")), None)
    if title_at is not None:
        for row in rows:
            if row and draw(st.integers(0, 9)) < 7:
                row.extend([None] * (title_at + 1 - len(row)))
                row[title_at] = draw(st.text(min_size=1, max_size=40).filter(str.strip))
    merges = draw(st.lists(st.tuples(st.integers(1, 30), st.integers(1, 20), st.integers(0, 3), st.integers(0, 3)),
                           max_size=3))
    return name, title_rows, header_row, rows, merges


@st.composite
def workbooks(draw):
    book = [draw(sheets(first=True))]
    book += draw(st.lists(sheets(first=False), max_size=2))
    meta = draw(st.none() | st.dictionaries(
        st.sampled_from(["format", "format_version", "office", "exported_at", "app_version", "autre"]),
        st.one_of(st.sampled_from(["labest-exchange", "1", "2", "0", "x", ""]), st.integers(-3, 5), st.text(max_size=10)),
        max_size=5,
    ))
    return book, meta


_ILLEGAL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"}


def _storable(value):
    """openpyxl refuses control characters in text; the test is about the reader."""
    if isinstance(value, str):
        return "".join("\ufffd" if c in _ILLEGAL else c for c in value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def save(book, meta, path: Path) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for name, title_rows, header_row, rows, merges in book:
        clean = "".join(c for c in name if c not in "[]:*?/\\'" and c not in _ILLEGAL)[:31].strip() or "Feuille"
        while clean.lower() in used:
            clean = (clean[:28] + f"_{len(used)}")[:31]
        used.add(clean.lower())
        sheet = workbook.create_sheet(clean)
        for row in (*title_rows, header_row, *rows):
            sheet.append([_storable(v) for v in row])
        for top, left, down, across in merges:
            if down or across:
                sheet.merge_cells(start_row=top, start_column=left, end_row=top + down, end_column=left + across)
    if meta is not None and "_labest" not in used:
        hidden = workbook.create_sheet("_labest")
        for key, value in meta.items():
            hidden.append([key, _storable(value)])
        hidden.sheet_state = "veryHidden"
    if not workbook.sheetnames:
        workbook.create_sheet("Projets")
    workbook.save(path)
    return path


def run_campaign(small_db: Path, folder: Path, count: int, seed: int):
    """``count`` hypothesis workbooks through the import service; outcomes recorded."""
    from tests.faults.campaign import fuzz_one, fuzz_workspace

    ws = fuzz_workspace(folder, small_db)
    outcomes = []
    path = folder / "generated.xlsx"

    @hypothesis_seed(seed)
    @settings(max_examples=count, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(workbooks())
    def one(made):
        book, meta = made
        save(book, meta, path)
        outcomes.append(fuzz_one(ws, path, f"workbook#{len(outcomes)}"))

    try:
        one()
    finally:
        ws.database.dispose()
    return outcomes
