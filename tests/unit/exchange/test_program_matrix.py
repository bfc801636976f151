"""The matrix of real spreadsheet programs: the app's export saved by LibreOffice
(``soffice --convert-to``) and Gnumeric (``ssconvert``) as .xlsx, .ods, .xls and
.csv imports back as a no-op, and each program's CSV shows the app's values (dates,
amounts, accents, long texts, tabs, line breaks, a date before 1900).

One small workbook, every conversion made once for the module, one soffice start
per target format (soffice is slow to start). Each program missing from the
machine skips its own cells only; `make test` installs both.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.vocab import Stage, Status
from labest_desktop.exchange.values import parse_amount, parse_date
from labest_desktop.services import exchange_export, exchange_import, projects
from labest_desktop.services.demo import load_demo
from labest_desktop.services.project_query import iter_snapshots
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location

SOFFICE = shutil.which("soffice")
SSCONVERT = shutil.which("ssconvert")
# What a French coordinator picks in LibreOffice's CSV dialog: « ; », UTF-8, cells
# as shown. Without options LibreOffice writes the system's 8-bit charset and the
# US date order (05/09/2021 for 9 May), which no reader can tell from 5 September.
SOFFICE_CSV = "csv:Text - txt - csv (StarCalc):59,34,76,1,,1036,false,true,true"
SOFFICE_TARGETS = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "ods": "ods", "xls": "xls:MS Excel 97", "csv": SOFFICE_CSV}
KINDS = ("xlsx", "ods", "xls", "csv")

LONG = ("Une description longue, accentuée : « équipe », œuvre, Noël, 12 000 € ; " * 40).strip()
EDGE_PROJECTS = [
    ProjectFields(title="Tiers-lieu à Épinal\tphase 2", stage=Stage.PROTOTYPE, status=Status.ACTIVE,
                  lead="Préfecture des Vosges", partners=("Région Grand Est", "Ville d'Épinal"), tags=("numérique",),
                  department="88", contact="Zoé Lefèvre", start_date=date(2026, 1, 15), end_date=date(2026, 11, 26),
                  budget=Decimal("12000.50"), funding="FNADT", users_involved=12, agents_involved=3,
                  # No tab in a multi-line text: LibreOffice 7.4 itself drops tabs from a
                  # cell of several lines when it saves .ods (the file no longer holds
                  # them); a one-line title keeps its tab through every program.
                  description="Première ligne\nseconde  ligne,   espaces répétés\n retrait "),
    ProjectFields(title="=SOMME(A1:A3) n'est pas une formule", description=LONG, budget=Decimal("0.10"),
                  start_date=date(1850, 3, 1), end_date=date(1900, 1, 1), department="Région"),
    ProjectFields(title="Maison France Services — Sedan", budget=Decimal("999999999999.99"), department="08",
                  users_involved=0, start_date=date(1900, 3, 1), end_date=date(9999, 12, 31)),
]


def _workspace(folder: Path) -> Workspace:
    database = open_database(sqlite_location(folder / "matrix.sqlite3"), backups_folder=folder / "backups")
    return Workspace(database, "matrix")


def _soffice(sources: list[Path], target: str, out: Path, profile: Path) -> None:
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", SOFFICE_TARGETS[target], "--outdir", str(out), *map(str, sources)],
        check=True, capture_output=True, timeout=240,
    )


def _ssconvert(source: Path, target: Path) -> None:
    subprocess.run([SSCONVERT, str(source), str(target)], check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def matrix(tmp_path_factory):
    """The workspace, its export, and every program's conversion of it."""
    folder = tmp_path_factory.mktemp("matrix")
    ws = _workspace(folder)
    load_demo(ws, projects=6, seed=11)
    for fields in EDGE_PROJECTS:
        projects.create_project(ws, fields)
    source = folder / "export.xlsx"
    exchange_export.export_workbook(ws, source)
    files: dict[tuple[str, str], Path] = {}
    if SOFFICE:
        out = folder / "libreoffice"
        for kind in KINDS:
            _soffice([source], kind, out, folder / "profile")
            files["LibreOffice", kind] = out / f"export.{kind}"
    if SSCONVERT:
        out = folder / "gnumeric"
        out.mkdir()
        for kind in KINDS:
            _ssconvert(source, out / f"export.{kind}")
            files["Gnumeric", kind] = out / f"export.{kind}"
    yield ws, files
    ws.database.dispose()


def _program(name: str) -> list:
    missing = {"LibreOffice": SOFFICE is None, "Gnumeric": SSCONVERT is None}[name]
    return [pytest.mark.skipif(missing, reason=f"{name} is installed by `make test`; not found here")]


CELLS = [pytest.param(program, kind, marks=_program(program), id=f"{program}-{kind}")
         for program in ("LibreOffice", "Gnumeric") for kind in KINDS]


@pytest.mark.parametrize(("program", "kind"), CELLS)
def test_program_save_imports_back_as_a_no_op(matrix, program, kind):
    """The export re-saved by the program changes nothing: no error, no conflict, no
    ignored row, every project unchanged (and nothing written)."""
    ws, files = matrix
    before = list(iter_snapshots(ws))
    preview = exchange_import.preview_import(ws, files[program, kind])
    report = exchange_import.apply_import(ws, preview, dry_run=True)
    assert report.errors == [] and report.conflicts == [] and report.ignored_rows == []
    assert (report.created, report.updated, report.unchanged) == (0, 0, len(before))
    if kind != "csv":  # a CSV holds the first sheet only
        assert preview.exchange.events is not None and len(preview.exchange.events.records) > 0
    assert list(iter_snapshots(ws)) == before


@pytest.mark.parametrize("program", [pytest.param(p, marks=_program(p)) for p in ("LibreOffice", "Gnumeric")])
def test_program_csv_shows_the_apps_values(matrix, program):
    """Cell by cell, the program's CSV shows what the app holds: titles and long
    descriptions exactly (accents, tabs, line breaks, repeated spaces), dates and
    amounts that read as the same values."""
    ws, files = matrix
    path = files[program, "csv"]
    text = path.read_text(encoding="utf-8")
    delimiter = ";" if program == "LibreOffice" else ","
    rows = list(csv.reader(text.splitlines(keepends=True), delimiter=delimiter))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["Référence", "Titre", "Étape"]
    by_reference = {row[0]: dict(zip(header, row, strict=False)) for row in body}
    snapshots = list(iter_snapshots(ws))
    assert len(by_reference) == len(snapshots)
    for snapshot in snapshots:
        shown = by_reference[snapshot["reference"]]
        assert shown["Titre"] == snapshot["title"]
        assert shown["Description"] == (snapshot["description"] or "")
        assert shown["Porteur"] == (snapshot["lead"] or "")
        for header_text, key in (("Date de début", "start_date"), ("Date de fin prévue", "end_date")):
            expected = date.fromisoformat(snapshot[key]) if snapshot[key] else None
            assert parse_date(shown[header_text]) == expected, (program, header_text, shown[header_text])
        expected_budget = Decimal(snapshot["budget"]) if snapshot["budget"] is not None else None
        assert parse_amount(shown["Budget (€)"]) == expected_budget, (program, shown["Budget (€)"])
