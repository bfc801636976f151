"""Rows that are not projects (a formula, a « Total » line) are never created: each is
listed in the report's ``ignored_rows`` with its row and why, and every real row
around it still imports."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal

import pytest

from labest_desktop import messages
from labest_desktop.exchange.ods_writer import write_ods
from labest_desktop.exchange.workbook import read_exchange_file
from labest_desktop.exchange.xlsx_writer import write_xlsx
from labest_desktop.services import exchange_import
from labest_desktop.services.project_query import iter_snapshots

from .helpers import HEADERS, META, make_snapshot, save_rows

BUDGET = HEADERS.index("Budget (€)")
TITLE = HEADERS.index("Titre")


def _row(**cells: object) -> list[object]:
    row: list[object] = [None] * len(HEADERS)
    for header, value in cells.items():
        row[HEADERS.index(header)] = value
    return row


def _table(tail: list[list[object]]) -> list[list[object]]:
    return [
        HEADERS,
        _row(Titre="Atelier mobilité", **{"Budget (€)": 1000}),
        _row(Titre="Tiers-lieu numérique", **{"Budget (€)": 2500.5}),
        *tail,
    ]


@pytest.mark.parametrize(
    "label", ["Total", "TOTAL :", "Sous-total", "sous total 2026", "Totaux", "Somme", "Moyenne", "Grand total"]
)
def test_total_label_with_numbers_is_ignored(tmp_path, label):
    """A summary label with only numbers beside it is not a project."""
    path = save_rows(tmp_path / "totaux.xlsx", _table([_row(Titre=label, **{"Budget (€)": 3500.5, "Usagers impliqués": 40})]))
    parsed = read_exchange_file(path)
    assert [r.values["title"] for r in parsed.projects.records] == ["Atelier mobilité", "Tiers-lieu numérique"]
    assert parsed.projects.errors == []
    (ignored,) = parsed.ignored_rows
    assert (ignored.row, ignored.reason, ignored.cell, ignored.value) == (4, "total", "B4", label)
    assert ignored.message == (
        f"Ligne 4 ignorée : « {label} » suivi seulement de nombres est une ligne de total, pas un projet."
    )


def test_total_label_in_another_column_and_alone(tmp_path):
    """The label may sit in any known column (« Total » under Référence), or stand alone."""
    rows = _table([_row(Référence="Total", **{"Budget (€)": "3 500,50 €"}), [], _row(Titre="Sous-total")])
    parsed = read_exchange_file(save_rows(tmp_path / "t.xlsx", rows))
    assert [(r.row, r.cell) for r in parsed.ignored_rows] == [(4, "A4"), (6, "B6")]
    assert parsed.projects.errors == [] and len(parsed.projects.records) == 2


@pytest.mark.parametrize(
    "cells",
    [
        {"Titre": "Total des ateliers", "Porteur": "Ville de Metz"},  # a label with a lead: a project
        {"Titre": "Totalement nouveau", "Budget (€)": 10},  # not a summary word
        {"Titre": "Moyenne montagne", "Budget (€)": 10},  # a title that starts like one
        {"Titre": "Somme : baie et littoral", "Budget (€)": 10},
        {"Titre": "Total", "Identifiant": "00000000-0000-0000-0000-000000000001"},  # a known project
    ],
)
def test_project_rows_that_look_like_totals_are_kept(tmp_path, cells):
    """Only a label with numbers is a total: a row with other facts is a project."""
    parsed = read_exchange_file(save_rows(tmp_path / "p.xlsx", _table([_row(**cells)])))
    assert parsed.ignored_rows == []
    assert len(parsed.projects.records) == 3


def test_formula_row_in_xlsx_is_ignored_with_its_cell(tmp_path):
    """A formula anywhere in a row makes it a computed row, named by cell and formula."""
    rows = _table([_row(Titre="Montant cumulé", Porteur="Lab'EST", **{"Budget (€)": f"=SUM({chr(65 + BUDGET)}2:{chr(65 + BUDGET)}3)"})])
    parsed = read_exchange_file(save_rows(tmp_path / "formule.xlsx", rows))
    (ignored,) = parsed.ignored_rows
    assert (ignored.row, ignored.reason, ignored.cell, ignored.value) == (4, "formula", "L4", "=SUM(L2:L3)")
    assert ignored.message.startswith("Ligne 4 ignorée : la cellule L4 contient une formule (=SUM(L2:L3))")
    assert len(parsed.projects.records) == 2 and parsed.projects.errors == []


def test_text_starting_with_equals_is_a_title_not_a_formula(tmp_path):
    """Our writers store a title such as « =SOMME(A1:A3) » as text: it is still a project."""
    for suffix, writer in ((".xlsx", write_xlsx), (".ods", write_ods)):
        path = tmp_path / f"egal{suffix}"
        writer(path, [make_snapshot(1, title="=SOMME(A1:A3)")], meta=META)
        parsed = read_exchange_file(path)
        assert parsed.ignored_rows == []
        assert parsed.projects.records[0].values["title"] == "=SOMME(A1:A3)"


def _ods_with_formula(path):
    """Our own .ods with a total row added as LibreOffice writes one (table:formula)."""
    write_ods(path, [make_snapshot(1), make_snapshot(2)], meta=META)
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    cells = "".join(
        '<table:table-cell office:value-type="string"><text:p>Total</text:p></table:table-cell>' if i == TITLE
        else ('<table:table-cell table:formula="of:=SUM([.L2:.L3])" office:value-type="currency" '
              'office:currency="EUR" office:value="24001"><text:p>24 001,00 €</text:p></table:table-cell>')
        if i == BUDGET else "<table:table-cell/>"
        for i in range(len(HEADERS))
    )
    content = members["content.xml"].decode()
    end = content.index("</table:table>")
    members["content.xml"] = (content[:end] + f"<table:table-row>{cells}</table:table-row>" + content[end:]).encode()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), members.pop("mimetype"))
        for name, data in members.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def test_formula_row_in_ods_is_ignored(tmp_path):
    parsed = read_exchange_file(_ods_with_formula(tmp_path / "formule.ods"))
    (ignored,) = parsed.ignored_rows
    assert (ignored.row, ignored.reason, ignored.cell, ignored.value) == (4, "formula", "L4", "=SUM(L2:L3)")
    assert [r.values["budget"] for r in parsed.projects.records] == [Decimal("12000.50")] * 2


def test_import_report_lists_ignored_rows_and_creates_nothing_from_them(sqlite_workspace, tmp_path):
    """The import creates the two projects, not « Total »; the report and its JSON name
    the row and why; importing again changes nothing."""
    rows = _table([_row(Titre="Total", **{"Budget (€)": "=SUM(L2:L3)"})])
    path = save_rows(tmp_path / "avec-total.xlsx", rows)
    report = exchange_import.import_file(sqlite_workspace, path)
    assert report.applied and report.created == 2
    assert sorted(s["title"] for s in iter_snapshots(sqlite_workspace)) == ["Atelier mobilité", "Tiers-lieu numérique"]
    (entry,) = json.loads(json.dumps(report.as_dict(), default=str))["ignored_rows"]
    assert entry["row"] == 4 and entry["reason"] == "formula" and entry["cell"] == "L4"
    assert "contient une formule" in entry["message"]
    messages.set_language("en")
    try:
        again = exchange_import.preview_import(sqlite_workspace, path).exchange.ignored_rows
        assert again[0].message.startswith("Row 4 ignored: cell L4 holds a formula (=SUM(L2:L3))")
    finally:
        messages.set_language("fr")


def test_formula_found_in_prefixed_sheet_xml(tmp_path):
    """A generator that writes <x:c>/<x:f> (a namespace prefix) is read the same way."""
    import re

    rows = _table([_row(Titre="Total", **{"Budget (€)": "=SUM(L2:L3)"})])
    path = save_rows(tmp_path / "prefixe.xlsx", rows)
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    sheet = re.sub(rb"<(/?)(\w+)([\s>/])", rb"<\1x:\2\3", sheet).replace(b' xmlns="', b' xmlns:x="', 1)
    members["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    parsed = read_exchange_file(path)
    assert [(r.row, r.reason, r.cell) for r in parsed.ignored_rows] == [(4, "formula", "L4")]
    assert len(parsed.projects.records) == 2
