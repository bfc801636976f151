"""Cell values as coordinators type them (contract: "What import accepts", values)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from labest_desktop.domain.vocab import REGION, EventKind, OrgKind, Stage, Status
from labest_desktop.exchange.errors import CellError
from labest_desktop.exchange.values import (
    parse_amount,
    parse_count,
    parse_date,
    parse_datetime,
    parse_department,
    parse_event_kind,
    parse_fingerprint,
    parse_list,
    parse_org_kind,
    parse_reference,
    parse_stage,
    parse_status,
    parse_text,
    parse_uid,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Idéation", Stage.IDEATION),
        ("ideation", Stage.IDEATION),
        ("  DÉPLOIEMENT ", Stage.DEPLOYMENT),
        ("deploiement", Stage.DEPLOYMENT),
        ("Deployment", Stage.DEPLOYMENT),
        ("prototype", Stage.PROTOTYPE),
    ],
)
def test_stage_in_any_case_accents_or_english(raw, expected):
    """Stage is understood in any case, with or without accents, or in English."""
    assert parse_stage(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Actif", Status.ACTIVE), ("EN PAUSE", Status.PAUSED), ("termine", Status.DONE), ("Abandoned", Status.ABANDONED), ("paused", Status.PAUSED)],
)
def test_status_in_any_case_accents_or_english(raw, expected):
    """Status is understood in any case, with or without accents, or in English."""
    assert parse_status(raw) == expected


def test_unknown_stage_says_what_is_allowed():
    """An unknown stage is a cell error whose French sentence lists the stages."""
    with pytest.raises(CellError) as caught:
        parse_stage("Phase 4")
    assert "Phase 4" in caught.value.message
    assert "Idéation, Prototype ou Déploiement" in caught.value.message


@pytest.mark.parametrize(
    "raw",
    [date(2026, 11, 26), datetime(2026, 11, 26, 0, 0), "26/11/2026", "26/11/26", "2026-11-26", " 26/11/2026 ", 46352.0, 46352],
)
def test_dates_as_cells_text_or_serial_numbers(raw):
    """Dates are read from date cells, 26/11/2026, 26/11/26, 2026-11-26 and Excel serials."""
    assert parse_date(raw) == date(2026, 11, 26)


@pytest.mark.parametrize("raw", ["31/02/2026", "demain", "2026-13-01", -5.0, 1e12])
def test_bad_dates_say_the_expected_form(raw):
    """A value that is no date gives a French sentence with an example date."""
    with pytest.raises(CellError) as caught:
        parse_date(raw)
    assert "26/11/2026" in caught.value.message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (12000.5, "12000.50"),
        (12000, "12000.00"),
        ("12 000,50 €", "12000.50"),
        ("12000.50", "12000.50"),
        ("12 000", "12000.00"),
        ("12\u202f000,50\u00a0€", "12000.50"),
        ("12\u00a0000", "12000.00"),
        ("1.234.567,89", "1234567.89"),
        ("1,234,567.89", "1234567.89"),
        ("  7,5 ", "7.50"),
        (0.1 + 0.2, "0.30"),
        (999999999999.99, "999999999999.99"),
        ("999999999999.99", "999999999999.99"),
    ],
)
def test_amounts_as_numbers_or_french_text(raw, expected):
    """Amounts come as numbers, 12 000,50 €, 12000.50 or 12 000, with any no-break space."""
    value = parse_amount(raw)
    assert isinstance(value, Decimal)
    assert value == Decimal(expected)
    assert str(value) == expected


def test_text_amounts_never_pass_through_float():
    """A long text amount keeps every digit (a float would round it)."""
    assert str(parse_amount("98765432109,87")) == "98765432109.87"


@pytest.mark.parametrize("raw", [12.345, "12,345", "12.001"])
def test_amounts_with_more_than_two_decimals_are_refused(raw):
    """An amount finer than the cent is refused with a sentence asking to round it."""
    with pytest.raises(CellError) as caught:
        parse_amount(raw)
    assert "deux décimales" in caught.value.message


@pytest.mark.parametrize("raw", ["douze mille", "12 000 $", "1,2,3", True, "1.2.3,4.5"])
def test_amounts_that_are_not_amounts(raw):
    """Text that is no amount is refused with an example of what is allowed."""
    with pytest.raises(CellError) as caught:
        parse_amount(raw)
    assert "12 000,50" in caught.value.message or "décimales" in caught.value.message


@pytest.mark.parametrize(("raw", "expected"), [(8, "08"), (8.0, "08"), ("08", "08"), ("8", "08"), (" 57 ", "57"), ("Région", REGION), ("region", REGION), ("REGION", REGION), ("Moselle", "57"), ("67.0", "67")])
def test_department_as_number_text_or_region(raw, expected):
    """Departments as the number 8, the text 08, Région in any spelling, or the name."""
    assert parse_department(raw) == expected


@pytest.mark.parametrize("raw", [75, "75", "Paris", 8.5])
def test_department_outside_grand_est(raw):
    """A department outside Grand Est is refused with the list of codes."""
    with pytest.raises(CellError) as caught:
        parse_department(raw)
    assert "08, 10, 51" in caught.value.message


@pytest.mark.parametrize(("raw", "expected"), [(12, 12), (12.0, 12), ("12.0", 12), ("12,0", 12), (" 12 ", 12), ("1 200", 1200), ("0", 0)])
def test_whole_numbers_written_as_12_0(raw, expected):
    """Whole numbers are accepted written as 12.0 or with spaces."""
    assert parse_count(raw) == expected


@pytest.mark.parametrize("raw", [12.5, "douze", "12,5", True])
def test_counts_that_are_not_whole(raw):
    """A fraction or a word in a count column is refused."""
    with pytest.raises(CellError) as caught:
        parse_count(raw)
    assert "nombre entier" in caught.value.message


def test_surrounding_spaces_and_empty_cells():
    """Text is trimmed; empty or blank cells are None (and an empty list)."""
    assert parse_text("  Projet  ") == "Projet"
    assert parse_text("   ") is None
    assert parse_text(None) is None
    assert parse_text(2024.0) == "2024"
    assert parse_list("") == []
    assert parse_list(" a ;b;; A ; c ") == ["a", "b", "c"]
    assert parse_amount("") is None
    assert parse_date(None) is None


def test_identity_columns():
    """References are upper-cased and checked; ids must be UUIDs; a mangled
    fingerprint counts as absent."""
    assert parse_reference(" lab-2026-0007 ") == "LAB-2026-0007"
    with pytest.raises(CellError):
        parse_reference("projet 7")
    uid = "6f1c2c3e-0a7b-4a53-9d2e-0c1c1b0e4b5a"
    assert parse_uid(uid.upper()) == uid
    assert parse_uid(uid) == uid
    assert parse_uid("{" + uid + "}") == uid
    assert parse_uid(uid.replace("-", "")) == uid
    with pytest.raises(CellError):
        parse_uid("1234")
    with pytest.raises(CellError):
        parse_uid(uid[:-1] + "g")
    assert parse_fingerprint("ABCDEF" * 6) == ("abcdef" * 6)
    assert parse_fingerprint("pas une empreinte") is None


def test_datetime_forms():
    """The read-only date-time column reads cells, ISO text and 26/11/2026 14:30."""
    assert parse_datetime("2026-11-26T14:30:00") == datetime(2026, 11, 26, 14, 30)
    assert parse_datetime("26/11/2026 14:30") == datetime(2026, 11, 26, 14, 30)
    assert parse_datetime(46352.5) == datetime(2026, 11, 26, 12, 0)


def test_event_and_organisation_kinds():
    """Event and organisation types are read from French or English labels or codes."""
    assert parse_event_kind("atelier") == EventKind.WORKSHOP
    assert parse_event_kind("Creative session") == EventKind.CREATIVE
    assert parse_org_kind("Service de l'Etat") == OrgKind.STATE
    with pytest.raises(CellError):
        parse_org_kind("Club")
