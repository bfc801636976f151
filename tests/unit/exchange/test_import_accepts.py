"""Every line of the contract's "What import accepts" list, on real files."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from labest_desktop.domain.vocab import Stage, Status
from labest_desktop.exchange.columns import (
    PROJECTS_SHEET,
    find_header_row,
    header_key,
    match_header,
)
from labest_desktop.exchange.workbook import read_exchange_file
from labest_desktop.exchange.xlsx_writer import write_xlsx

from .helpers import HEADERS, META, core, make_snapshot, save_rows, snapshot_of

ROW = ["", "Atelier mobilité", "Prototype", "Actif", "Ville de Metz", "Région Grand Est; CD57", "mobilité", 57]


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("etape", "stage"),
        ("DATE DE DEBUT", "start_date"),
        ("  Date   de  début ", "start_date"),
        ("Reference", "reference"),
        ("Title", "title"),
        ("Stage", "stage"),
        ("Status", "status"),
        ("Lead", "lead"),
        ("Partners", "partners"),
        ("Tags", "tags"),
        ("Department", "department"),
        ("Contact", "contact"),
        ("Start date", "start_date"),
        ("End date", "end_date"),
        ("Budget", "budget"),
        ("Budget (€)", "budget"),
        ("budget(€)", "budget"),
        ("Funding", "funding"),
        ("Users involved", "users_involved"),
        ("Agents involved", "agents_involved"),
        ("Description", "description"),
        ("Updated", "updated_at"),
        ("Id", "uid"),
        ("Fingerprint", "fingerprint"),
        ("USAGERS IMPLIQUES", "users_involved"),
        ("modifie le", "updated_at"),
    ],
)
def test_headers_in_any_case_accents_spaces_or_english(written, key):
    """Headers match in any case, with or without accents and extra spaces, in
    English, and Budget without (€)."""
    column = match_header(written, PROJECTS_SHEET.columns)
    assert column is not None and column.key == key


def test_header_key_ignores_currency_suffix():
    """`Budget (€)` and `Budget` fold to the same key."""
    assert header_key("Budget (€)") == header_key("budget")


def test_headers_in_any_order(tmp_path):
    """Columns may come in any order; values follow their header."""
    path = save_rows(tmp_path / "ordre.xlsx", [["Statut", "Département", "Titre", "Étape"], ["En pause", "08", "Projet A", "Déploiement"]])
    record = read_exchange_file(path).projects.records[0]
    assert record.values == {"status": Status.PAUSED, "department": "08", "title": "Projet A", "stage": Stage.DEPLOYMENT}


def test_ten_title_rows_and_merged_cells_above_the_header(tmp_path):
    """Up to ten title or blank rows (merged title cells included) may sit above the header row."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Projets"
    sheet["A1"] = "Portefeuille Lab'EST — export de la préfecture"
    sheet.merge_cells("A1:H1")
    sheet["A3"] = "Titre du document"  # holds "Titre" but no other header: not the header row
    for column, header in enumerate(HEADERS[:8], start=1):
        sheet.cell(row=11, column=column, value=header)
    for column, value in enumerate(ROW, start=1):
        sheet.cell(row=12, column=column, value=value)
    workbook.save(tmp_path / "titre.xlsx")
    result = read_exchange_file(tmp_path / "titre.xlsx").projects
    assert result.header_row == 11
    assert [r.row for r in result.records] == [12]


def test_header_row_needs_title_and_two_other_headers():
    """The header row is the first holding Titre and at least two other known headers."""
    rows = [["Titre", "Notes"], ["Titre", "Étape", "Commentaire"], ["Titre", "Étape", "Statut"]]
    header = find_header_row(rows, PROJECTS_SHEET)
    assert header is not None and header.row_index == 2


def test_eleven_title_rows_is_too_many(tmp_path):
    """A header row below row 11 is not looked for: the file is refused with a sentence."""
    rows = [["titre du classeur"]] * 11 + [HEADERS[:4], ["", "Projet", "Prototype", "Actif"]]
    path = save_rows(tmp_path / "loin.xlsx", rows)
    from labest_desktop.exchange.errors import ExchangeFileError

    with pytest.raises(ExchangeFileError) as caught:
        read_exchange_file(path)
    assert "ligne d'en-têtes" in caught.value.message


def test_blank_rows_between_data_rows_keep_row_numbers(tmp_path):
    """Blank rows between data rows are skipped and records keep the row number the user sees."""
    path = save_rows(tmp_path / "vides.xlsx", [HEADERS[:8], ROW, [], [None, "  "], ROW])
    assert [r.row for r in read_exchange_file(path).projects.records] == [2, 5]


def test_unknown_columns_are_ignored_and_named(tmp_path):
    """Unknown columns are ignored and named in the report."""
    path = save_rows(tmp_path / "inconnue.xlsx", [[*HEADERS[:8], "Commentaire interne"], [*ROW, "à revoir"]])
    parsed = read_exchange_file(path)
    assert parsed.ignored_columns == ["Commentaire interne"]
    assert "Commentaire interne" not in parsed.projects.records[0].values


def test_libreoffice_style_hidden_meta_sheet(tmp_path):
    """`_labest` merely hidden (as LibreOffice saves it) is read like a very hidden one."""
    workbook = openpyxl.Workbook()
    workbook.active.title = "Projets"
    workbook.active.append(HEADERS[:8])
    workbook.active.append(ROW)
    meta = workbook.create_sheet("_labest")
    meta.sheet_state = "hidden"
    for key, value in (("format", "labest-exchange"), ("format_version", 1), ("office", "CD57")):
        meta.append([key, value])
    workbook.save(tmp_path / "lo.xlsx")
    parsed = read_exchange_file(tmp_path / "lo.xlsx")
    assert parsed.meta == {"format": "labest-exchange", "format_version": "1", "office": "CD57"}


def test_values_as_coordinators_type_them(tmp_path):
    """Stage/status in any case, text dates, French amounts, 8 for 08, 12.0 and spaces."""
    rows = [
        ["Titre", "Étape", "Statut", "Département", "Date de début", "Date de fin prévue", "Budget", "Usagers impliqués", "Agents impliqués"],
        ["  Projet  ", "PROTOTYPE", "termine", 8, "26/11/25", "2026-11-26", "12 000,50 €", 12.0, "3.0"],
        ["Projet 2", "deployment", "Paused", "08", date(2026, 1, 2), "26/11/2026", "12000.50", "12", 4],
        ["Projet 3", "Ideation", "ACTIF", "region", None, None, "12 000", None, None],
    ]
    records = read_exchange_file(save_rows(tmp_path / "saisie.xlsx", rows)).projects.records
    first, second, third = (r.values for r in records)
    assert first == {
        "title": "Projet",
        "stage": Stage.PROTOTYPE,
        "status": Status.DONE,
        "department": "08",
        "start_date": date(2025, 11, 26),
        "end_date": date(2026, 11, 26),
        "budget": Decimal("12000.50"),
        "users_involved": 12,
        "agents_involved": 3,
    }
    assert second["budget"] == Decimal("12000.50") and second["start_date"] == date(2026, 1, 2)
    assert third["department"] == "Région" and third["budget"] == Decimal("12000.00")


def test_row_errors_point_at_sheet_row_column_and_cell(tmp_path):
    """A bad cell gives an error with sheet, row, header as written, cell like C14,
    raw value and a French sentence; the row gives no record."""
    rows = [["Référence", "Titre", "étape", "Date de début", "Date de fin prévue"]]
    rows += [["", f"Projet {i}", "Idéation", None, None] for i in range(12)]
    rows.append(["", "Projet 13", "Phase 4", None, None])
    rows.append(["", "Projet 14", "Idéation", "26/11/2026", "01/01/2026"])
    rows.append(["", "", "Idéation", None, None])
    result = read_exchange_file(save_rows(tmp_path / "erreurs.xlsx", rows)).projects
    assert len(result.records) == 12
    stage_error, date_error, title_error = result.errors
    assert stage_error.as_dict() == {
        "sheet": "Projets",
        "row": 14,
        "column": "étape",
        "cell": "C14",
        "value": "Phase 4",
        "message": stage_error.message,
    }
    assert "Phase 4" in stage_error.message and "Idéation" in stage_error.message
    assert (date_error.row, date_error.column, date_error.cell) == (15, "Date de fin prévue", "E15")
    assert "précède" in date_error.message
    assert (title_error.row, title_error.cell) == (16, "B16")


def test_xlsm_is_read_and_macros_ignored(tmp_path):
    """An .xlsm (macro-enabled) workbook is read; its macros are neither run nor kept."""
    path = tmp_path / "macros.xlsm"
    write_xlsx(path, [make_snapshot(1)], meta=META)
    records = read_exchange_file(path).projects.records
    assert snapshot_of(records[0]) == core(make_snapshot(1))


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ";"), ("utf-8-sig", ";"), ("utf-8-sig", ","), ("cp1252", ";"), ("cp1252", ",")],
)
def test_csv_in_utf8_bom_or_windows_1252_with_either_separator(tmp_path, encoding, delimiter):
    """CSV is read in UTF-8 with or without BOM or Windows-1252, separated by ; or ,."""
    path = tmp_path / "export.csv"
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(["Référence", "Titre", "Étape", "Statut", "Budget (€)", "Date de début"])
        writer.writerow(["LAB-2026-0001", "Écoles numériques", "Déploiement", "Terminé", "12 000,50", "26/11/2026"])
    parsed = read_exchange_file(path)
    assert parsed.format == "csv"
    assert parsed.projects.records[0].values == {
        "reference": "LAB-2026-0001",
        "title": "Écoles numériques",
        "stage": Stage.DEPLOYMENT,
        "status": Status.DONE,
        "budget": Decimal("12000.50"),
        "start_date": date(2026, 11, 26),
    }


def test_events_and_partners_sheets_are_read(tmp_path):
    """Événements and Partenaires rows are parsed with their own columns."""
    extra = {
        "Événements": [
            ["Identifiant", "Titre", "Type", "Date", "Lieu", "Participants", "Projets", "Organisations", "Description"],
            ["", "Atelier", "atelier", "26/11/2026", "Metz", "12.0", "LAB-2026-0001; LAB-2026-0002", "CD57", ""],
            ["", "", "Réunion", None, None, -1, None, None, None],
        ],
        "Partenaires": [["Nom", "Type", "Département"], ["Ville de Metz", "Collectivité territoriale", 57]],
    }
    path = save_rows(tmp_path / "complet.xlsx", [HEADERS[:8], ROW], extra=extra)
    parsed = read_exchange_file(path)
    event = parsed.events.records[0].values
    assert event["projects"] == ["LAB-2026-0001", "LAB-2026-0002"] and event["participants"] == 12
    assert [(e.row, e.cell) for e in parsed.events.errors] == [(3, "B3"), (3, "F3")]
    assert parsed.partners.records[0].values == {"name": "Ville de Metz", "kind": "local_authority", "department": "57"}
