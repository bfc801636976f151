"""The ``Projets`` sheet parsed as its rows stream out of the reader gives exactly
what parsing the whole list of rows gave: records, errors, row numbers, header,
and the same refusals in the same order."""

from __future__ import annotations

import csv
from collections.abc import Iterator

import openpyxl
import pytest

from labest_desktop.exchange.columns import PROJECTS_SHEET
from labest_desktop.exchange.errors import ExchangeFileError, WorkbookTooLargeError
from labest_desktop.exchange.reader import MAX_SHEET_ROWS, read_workbook
from labest_desktop.exchange.sheet_parser import parse_projects
from labest_desktop.exchange.workbook import read_exchange_file

from .helpers import HEADERS

GOOD = ["", "Atelier mobilité", "Prototype", "Actif", "Ville de Metz", "Région Grand Est; CD57", "mobilité", 57]


def _data_rows() -> list[list[object]]:
    """Valid rows, bad cells, a broken rule, blank rows and a comment beside the table."""
    return [
        GOOD,
        ["", "Atelier santé", "Phase 4", "Actif", "Ville de Metz", "", "santé", "99"],  # two bad cells
        [],
        [None, "  "],
        ["", "", "Idéation", "Actif", "CAF", "", "", "57"],  # title missing: a rule
        GOOD,
        [None, None, None, None, None, None, None, None, None, None, None, "note à côté"],  # no known header
        ["", "Atelier numérique", "ideation", "EN PAUSE", "Ville de Metz", "CD57;Région Grand Est", "numérique; santé", 8],
        [],
    ]


def _both(path) -> tuple:
    listed = read_workbook(path)
    streamed = read_workbook(path, stream_projects=True)
    name, rows = listed.find(PROJECTS_SHEET)
    stream_name, stream = streamed.find(PROJECTS_SHEET)
    assert isinstance(rows, list) and isinstance(stream, Iterator) and name == stream_name
    return parse_projects(rows, sheet=name, file=listed.file), parse_projects(stream, sheet=name, file=listed.file)


def _assert_same(before, after) -> None:
    assert after.header_row == before.header_row
    assert after.columns == before.columns
    assert after.headers == before.headers
    assert after.ignored_columns == before.ignored_columns
    assert after.rows_read == before.rows_read
    assert after.records == before.records
    assert after.errors == before.errors


def test_xlsx_with_title_rows_blank_rows_and_bad_cells(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Projets"
    # The table starts at column B: the rows come out of calamine from its first
    # used column and must be padded back to column A.
    sheet["B1"] = "Portefeuille Lab'EST — export de la préfecture"
    sheet.merge_cells("B1:I1")
    sheet["B3"] = "Titre du document"
    for offset, row in enumerate([[*HEADERS[:8], "Commentaire"], *_data_rows()]):
        for column, value in enumerate(row, start=2):
            sheet.cell(row=5 + offset, column=column, value=value)
    path = tmp_path / "titres.xlsx"
    workbook.save(path)

    before, after = _both(path)
    _assert_same(before, after)
    assert after.header_row == 5
    assert [r.row for r in after.records] == [6, 11, 13]
    assert sorted({e.row for e in after.errors}) == [7, 10]
    assert {e.cell for e in after.errors if e.row == 7} == {"D7", "I7"}
    assert after.ignored_columns == ["Commentaire"]
    whole = read_exchange_file(path).projects
    _assert_same(before, whole)


def test_csv_with_title_rows_blank_rows_and_bad_cells(tmp_path):
    path = tmp_path / "titres.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerows([["Export du 26/11/2026", "préfecture"], [], HEADERS[:8], *_data_rows()])
    before, after = _both(path)
    _assert_same(before, after)
    assert after.header_row == 3
    assert [r.row for r in after.records] == [4, 9, 11]
    _assert_same(before, read_exchange_file(path).projects)


def test_equal_texts_share_one_string_and_lists_stay_apart(tmp_path):
    path = tmp_path / "partage.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([HEADERS[:8], GOOD, GOOD])
    first, second = read_exchange_file(path).projects.records
    assert first.values == second.values
    assert first.values["lead"] is second.values["lead"]
    assert first.values["partners"] is not second.values["partners"]
    assert first.values["partners"][0] is second.values["partners"][0]


def test_blank_sheet_and_sheet_without_header(tmp_path):
    blank = tmp_path / "vide.csv"
    blank.write_text(";;\n" * 20, encoding="utf-8")
    assert read_exchange_file(blank).projects.header_row is None
    # Eleven blank rows, then text: the header is not looked for that far down.
    late = tmp_path / "tard.csv"
    late.write_text(";;\n" * 11 + "Titre;Étape;Statut\nProjet;Idéation;Actif\n", encoding="utf-8")
    with pytest.raises(ExchangeFileError) as caught:
        read_exchange_file(late)
    assert caught.value.key == "exchange.file.no_header"


def test_too_many_rows_is_told_before_a_missing_header(tmp_path):
    """Read as a list, a sheet without header and with too many rows was refused as
    too large: reading it as a stream says the same."""
    path = tmp_path / "sans-entetes.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Nom;Phase;État\n")
        handle.writelines(f"Projet {i};Idéation;Actif\n" for i in range(MAX_SHEET_ROWS))
    with pytest.raises(WorkbookTooLargeError):
        read_exchange_file(path)


def test_a_bad_csv_line_after_the_header_is_the_same_refusal(tmp_path):
    path = tmp_path / "ligne.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Titre;Étape;Statut\nProjet;Idéation;Actif\n")
        handle.write("Projet;" + "x" * (csv.field_size_limit() + 1) + ";Actif\n")
    with pytest.raises(ExchangeFileError) as listed:
        read_workbook(path)
    with pytest.raises(ExchangeFileError) as streamed:
        read_exchange_file(path)
    assert streamed.value.key == listed.value.key == "exchange.file.unreadable"
    assert streamed.value.message == listed.value.message
