""".xlsb and .xls are read like .xlsx (header detection, values, errors, merge), and
the hostile-file guards apply to them and to the tolerant .ods parser alike."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date

import pytest

from labest_desktop.exchange import reader
from labest_desktop.exchange.errors import ExchangeFileError, WorkbookTooLargeError
from labest_desktop.exchange.reader import read_workbook
from labest_desktop.exchange.workbook import read_exchange_file
from labest_desktop.services import exchange_export, exchange_import
from labest_desktop.services.demo import load_demo
from labest_desktop.services.project_query import iter_snapshots
from tests.support.xlsb_writer import Formula, write_xlsb

from .helpers import HEADERS
from .test_ods_reader import header_row, table, text_cell, write_package

SSCONVERT = shutil.which("ssconvert")


def _as_xlsb(source, target):
    """The same workbook, every sheet and value, as an Excel binary workbook."""
    raw = read_workbook(source)
    return write_xlsb(target, {name: list(rows) for name, rows in raw.sheets.items()}, hidden={"_labest"})


def test_export_saved_as_xlsb_imports_as_a_no_op(sqlite_workspace, tmp_path):
    """Our export as .xlsb: same projects, events and meta; importing changes nothing."""
    load_demo(sqlite_workspace, projects=12, seed=5)
    before = list(iter_snapshots(sqlite_workspace))
    source = tmp_path / "export.xlsx"
    exchange_export.export_workbook(sqlite_workspace, source)
    path = _as_xlsb(source, tmp_path / "export.xlsb")
    parsed = read_exchange_file(path)
    assert parsed.format == "xlsb" and parsed.meta["format"] == "labest-exchange"
    assert parsed.events is not None and parsed.events.records
    report = exchange_import.import_file(sqlite_workspace, path)
    assert report.errors == [] and report.conflicts == [] and report.ignored_rows == []
    assert (report.created, report.updated, report.unchanged) == (0, 0, 12)
    assert list(iter_snapshots(sqlite_workspace)) == before


def test_xlsb_header_detection_errors_and_formula_rows(tmp_path):
    """Title rows above the header, a bad stage named by its cell as in .xlsx, and a
    formula row listed in ignored_rows."""
    stage, budget = HEADERS.index("Étape"), HEADERS.index("Budget (€)")

    def row(title, stage_text=None, amount=None):
        cells = [None] * len(HEADERS)
        cells[1], cells[stage], cells[budget] = title, stage_text, amount
        return cells

    rows = [["Portefeuille 2026"], [], HEADERS, row("Atelier", "Prototype", date(2026, 1, 2).day * 1000),
            row("Erreur", "Phase 4"), row("Cumul des budgets", None, Formula(2000))]
    path = write_xlsb(tmp_path / "coordination.xlsb", {"Projets": rows})
    parsed = read_exchange_file(path)
    assert parsed.projects.header_row == 3
    assert [r.values["title"] for r in parsed.projects.records] == ["Atelier"]
    (error,) = parsed.projects.errors
    assert (error.row, error.cell) == (5, "C5") and error.message.startswith("Étape inconnue « Phase 4 »")
    (ignored,) = parsed.ignored_rows
    assert (ignored.row, ignored.reason, ignored.cell) == (6, "formula", "L6")
    assert ignored.message.startswith("Ligne 6 ignorée : la cellule L6 contient une formule")


def test_damaged_xlsb_is_refused_in_one_sentence(tmp_path):
    path = write_xlsb(tmp_path / "abime.xlsb", {"Projets": [HEADERS]})
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members["xl/workbook.bin"] = members["xl/workbook.bin"][:9]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(ExchangeFileError) as caught:
        read_exchange_file(path)
    message = caught.value.message
    assert message.startswith("Le fichier « abime.xlsb » est un classeur endommagé") and "\n" not in message


def _too_many(path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_SHEET_ROWS", 5)
    with pytest.raises(WorkbookTooLargeError) as caught:
        read_exchange_file(path)
    assert "Projets" in caught.value.message and path.name in caught.value.message


def test_row_limit_guards_xlsb(tmp_path, monkeypatch):
    rows = [HEADERS] + [[None, f"Projet {i}"] for i in range(10)]
    _too_many(write_xlsb(tmp_path / "long.xlsb", {"Projets": rows}), monkeypatch)


def test_row_limit_guards_the_tolerant_ods_parser(tmp_path, monkeypatch):
    rows = [header_row()] + [text_cell("") + text_cell(f"Projet<text:tab/>{i}") for i in range(10)]
    _too_many(write_package(tmp_path / "long.ods", table("Projets", rows), indent=True), monkeypatch)


@pytest.mark.skipif(SSCONVERT is None, reason="Gnumeric is installed by `make test`; not found here")
def test_row_limit_guards_xls(tmp_path, monkeypatch):
    source = tmp_path / "long.ods"
    rows = [header_row()] + [text_cell("") + text_cell(f"Projet {i}") for i in range(10)]
    write_package(source, table("Projets", rows))
    path = tmp_path / "long.xls"
    subprocess.run([SSCONVERT, str(source), str(path)], check=True, capture_output=True, timeout=60)
    assert read_workbook(path).format == "xls"
    _too_many(path, monkeypatch)


def test_size_limit_guards_every_kind(tmp_path, monkeypatch):
    """The file-size check comes before any parser, whatever the kind."""
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 100)
    for name in ("a.xlsb", "b.xls", "c.ods"):
        path = tmp_path / name
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200)
        with pytest.raises(WorkbookTooLargeError):
            read_workbook(path)


@pytest.mark.skipif(SSCONVERT is None, reason="Gnumeric is installed by `make test`; not found here")
def test_formula_row_in_xls_is_ignored(tmp_path):
    """A total row with a formula, saved by Gnumeric as .xls: the FORMULA record of
    the BIFF8 stream names the cell; the two projects are read, the total is not."""
    from .test_ignored_rows import _ods_with_formula

    source = _ods_with_formula(tmp_path / "avec-total.ods")
    path = tmp_path / "avec-total.xls"
    subprocess.run([SSCONVERT, str(source), str(path)], check=True, capture_output=True, timeout=60)
    parsed = read_exchange_file(path)
    (ignored,) = parsed.ignored_rows
    assert (ignored.row, ignored.reason, ignored.cell) == (4, "formula", "L4")
    assert ignored.message == (
        "Ligne 4 ignorée : la cellule L4 contient une formule ; une ligne calculée n'est pas un projet. "
        "Pour l'importer, remplacer la formule par sa valeur."
    )
    assert len(parsed.projects.records) == 2 and parsed.projects.errors == []
