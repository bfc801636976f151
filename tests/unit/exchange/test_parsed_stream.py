"""The ``Projets`` sheet parsed in the guarded reader's process gives the import
exactly what parsing it here gives (rows, errors, ignored rows, the other sheets),
in every format; a reader that hands back something its parser could not have made
gets the file refused, with one sentence, and nothing imported."""

from __future__ import annotations

import csv
import os
import time

import openpyxl
import pytest

from labest_desktop import messages
from labest_desktop.exchange.errors import ExchangeFileError
from labest_desktop.exchange.parsed_stream import SUMMARY, file_row, read_items
from labest_desktop.exchange.sheet_parser import SheetResult
from labest_desktop.exchange.workbook import open_exchange_file, read_exchange_file
from labest_desktop.exchange.xlsx_writer import write_xlsx

from .helpers import HEADERS, META, make_snapshot

GOOD = ["", "Atelier mobilité", "Prototype", "Actif", "Ville de Metz", "Région Grand Est; CD57", "mobilité", 57]
ROWS = [
    GOOD,
    ["", "Atelier santé", "Phase 4", "Actif", "Ville de Metz", "", "santé", "99"],  # two bad cells
    [],
    ["", "", "Idéation", "Actif", "CAF", "", "", "57"],  # title missing: a rule
    ["", "Total", "", "", "", "", "", 12],  # a total line: ignored
    ["", "Atelier numérique", "ideation", "EN PAUSE", "Ville de Metz", "CD57;Région Grand Est", "numérique; santé", 8],
]


def _same_as_here(path) -> None:
    here = read_exchange_file(path)
    exchange, rows = open_exchange_file(path)
    got = list(rows)
    assert got == [file_row(record) for record in here.projects.records]
    for name in ("sheet", "header_row", "columns", "headers", "ignored_columns", "rows_read", "errors",
                 "ignored_rows"):
        assert getattr(exchange.projects, name) == getattr(here.projects, name), name
    assert exchange.projects.records == []
    for sheet in ("events", "partners"):
        mine, theirs = getattr(exchange, sheet), getattr(here, sheet)
        assert (mine is None) == (theirs is None)
        if mine is not None:
            assert mine.records == theirs.records and mine.errors == theirs.errors
    assert exchange.meta == here.meta and exchange.format == here.format


def test_a_workbook_of_rows_errors_and_total_lines(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Projets"
    for row in [HEADERS[:8], *ROWS]:
        sheet.append(row)
    sheet["B9"] = "Total"
    sheet["H9"] = "=SUM(H2:H7)"
    path = tmp_path / "lignes.xlsx"
    book.save(path)
    _same_as_here(path)


def test_a_csv(tmp_path):
    path = tmp_path / "lignes.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([HEADERS[:8], *ROWS])
    _same_as_here(path)


def test_our_own_export_with_every_column(tmp_path):
    path = tmp_path / "export.xlsx"
    write_xlsx(path, [make_snapshot(i) for i in range(1, 40)], meta=META)
    _same_as_here(path)
    _, rows = open_exchange_file(path)
    first = next(iter(rows))
    assert first.whole and first.uid and first.fingerprint and first.snapshot["budget"] == "12000.50"
    rows.close()


def test_row_errors_are_written_in_the_importing_language(tmp_path):
    path = tmp_path / "lignes.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([HEADERS[:8], *ROWS])
    before = messages.language()
    try:
        messages.set_language("en")
        exchange, rows = open_exchange_file(path)
        list(rows)
        assert any(e.message.startswith("Unknown stage") for e in exchange.projects.errors)
    finally:
        messages.set_language(before)


def test_rows_left_unread_stop_the_reader(tmp_path):
    """An import cancelled after the first rows lets go of the reader at once."""
    path = tmp_path / "export.xlsx"
    write_xlsx(path, [make_snapshot(i) for i in range(1, 30)], meta=META)
    _, rows = open_exchange_file(path)
    next(iter(rows))
    rows.close()
    # A second read of the same file is not held up by the first one.
    assert len(list(open_exchange_file(path)[1])) == 29


def test_work_given_to_do_meanwhile_runs_once_before_the_first_row(tmp_path):
    """The import reads the stored projects while the reader's process parses the
    file; what that work raises stops the reader and reaches the caller."""
    path = tmp_path / "export.xlsx"
    write_xlsx(path, [make_snapshot(i) for i in range(1, 30)], meta=META)
    calls = []
    _, rows = open_exchange_file(path, meanwhile=lambda answered: calls.append("done"))
    assert calls == ["done"]
    assert len(list(rows)) == 29 and calls == ["done"]

    def fails(answered):
        raise LookupError("the database went away")

    with pytest.raises(LookupError):
        open_exchange_file(path, meanwhile=fails)
    assert len(list(open_exchange_file(path)[1])) == 29


def test_the_work_done_meanwhile_can_tell_when_the_reader_has_answered(tmp_path):
    """``meanwhile`` is handed a probe that turns true once the reader's first answer
    is in (work that only fills the wait stops there); the rows are read as usual."""
    path = tmp_path / "export.xlsx"
    write_xlsx(path, [make_snapshot(i) for i in range(1, 30)], meta=META)
    seen = []

    def meanwhile(answered):
        deadline = time.monotonic() + 60
        while not answered() and time.monotonic() < deadline:
            os.sched_yield()
        seen.append(answered())

    _, rows = open_exchange_file(path, meanwhile=meanwhile)
    assert seen == [True]
    assert len(list(rows)) == 29


@pytest.fixture
def parsed(tmp_path):
    """One row of our own export, as the reader's parser hands it over."""
    path = tmp_path / "un.xlsx"
    write_xlsx(path, [make_snapshot(1)], meta=META)
    return file_row(read_exchange_file(path).projects.records[0])


def _read(*items: tuple) -> SheetResult:
    result = SheetResult("Projets")
    list(read_items(items, result, file="reçu.xlsx"))
    return result


def test_a_row_as_the_parser_makes_it_is_taken(parsed):
    summary = (SUMMARY, "Projets", 1, ["title"], {"title": "Titre"}, [], 1, [], [])
    result = _read(tuple(parsed), summary)
    assert result.rows_read == 1 and result.header_row == 1 and result.headers == {"title": "Titre"}


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "Autre titre"},  # not the snapshot's title
        {"snapshot": {"title": ""}, "title": "", "whole": False},  # a title is required
        {"uid": "pas-un-identifiant"},
        {"reference": "lab-2026-0001"},  # not as the parser spells it
        {"fingerprint": "zz"},
        {"ancestry": ["pas une empreinte"]},
        {"whole": False},
        {"row": "2"},
        {"snapshot": ["title"]},
    ],
)
def test_a_row_the_parser_could_not_have_made_refuses_the_file(parsed, changes):
    with pytest.raises(ExchangeFileError) as caught:
        _read(tuple(parsed._replace(**changes)))
    assert caught.value.key == "exchange.file.reader_malformed"
    assert "reçu.xlsx" in caught.value.message and "rien n'a été importé" in caught.value.message


@pytest.mark.parametrize(
    "field, value",
    [
        ("stage", "bogus"),
        ("title", "x" * 201),
        ("budget", "12000.5"),  # not the snapshot's spelling of an amount
        ("budget", 12000.5),
        ("users_involved", -1),
        ("users_involved", True),
        ("users_involved", 3.0),
        ("department", "99"),
        ("description", "contrôle\x01"),
        ("partners", "Ville de Metz"),  # a list field as text
        ("tags", ["a;b"]),
        ("start_date", "20260115"),
        ("link", "javascript:alert(1)"),
        ("not_a_field", "x"),
    ],
)
def test_a_field_outside_the_rules_refuses_the_file(parsed, field, value):
    snapshot = {**parsed.snapshot, field: value}
    title = value if field == "title" else parsed.title
    with pytest.raises(ExchangeFileError) as caught:
        _read(tuple(parsed._replace(snapshot=snapshot, title=title)))
    assert caught.value.key == "exchange.file.reader_malformed"


@pytest.mark.parametrize(
    "field, good, bad",
    [
        ("users_involved", 1, True),  # True == 1: remembered values keep their type
        ("users_involved", 3, 3.0),
        ("stage", "prototype", "bogus"),
        ("tags", ["mobilité"], ["mobilité", "a;b"]),
        ("partners", ["Ville de Metz"], "Ville de Metz"),
    ],
)
def test_a_value_checked_on_one_row_lets_no_other_value_through_on_the_next(parsed, field, good, bad):
    """Values already checked on an earlier row of the same read are not checked
    again; a different value, or the same one with another type, still is."""
    first = parsed._replace(snapshot={**parsed.snapshot, field: good})
    second = parsed._replace(row=parsed.row + 1, snapshot={**parsed.snapshot, field: bad})
    taken = list(read_items([tuple(first), tuple(first._replace(row=parsed.row + 1))], SheetResult("Projets"), file="f"))
    assert [row.snapshot[field] for row in taken] == [good, good]
    with pytest.raises(ExchangeFileError) as caught:
        _read(tuple(first), tuple(second))
    assert caught.value.key == "exchange.file.reader_malformed"


def test_dates_each_checked_before_still_keep_their_order(parsed):
    """The order of the period's dates ties two fields: it is checked on every row,
    even when each date was met (and checked) on earlier rows."""
    def dated(row: int, start: str, end: str) -> tuple:
        return tuple(parsed._replace(row=row, snapshot={**parsed.snapshot, "start_date": start, "end_date": end}))

    rows = [dated(2, "2026-01-15", "2026-01-20"), dated(3, "2026-06-30", "2026-07-01")]
    assert len(list(read_items(rows, SheetResult("Projets"), file="f"))) == 2
    swapped = dated(4, "2026-06-30", "2026-01-20")  # each date met before, in its own field
    with pytest.raises(ExchangeFileError):
        _read(*rows, swapped)


def test_a_summary_that_is_not_one_refuses_the_file():
    for item in [
        (SUMMARY, "Projets", 1, [], {}, [], "1", [], []),
        ("autre chose",),
        (SUMMARY, "Projets", 1, [], {}, [], 1, [("Projets", 2, None, None, None, ["liste"], "k")], []),
    ]:
        with pytest.raises(ExchangeFileError):
            _read(item)


def test_without_fork_the_new_interpreter_parses_in_the_importing_language(tmp_path, monkeypatch):
    """Where there is no fork (Windows) the reader is a new interpreter: it parses
    the same rows and writes the row errors in the language of this process."""
    import os

    path = tmp_path / "lignes.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([HEADERS[:8], *ROWS])
    here = read_exchange_file(path)
    monkeypatch.delattr(os, "fork")
    monkeypatch.setenv("LABEST_LANG", "fr")
    before = messages.language()
    try:
        messages.set_language("en")
        exchange, rows = open_exchange_file(path)
        assert list(rows) == [file_row(record) for record in here.projects.records]
        assert any(e.message.startswith("Unknown stage") for e in exchange.projects.errors)
    finally:
        messages.set_language(before)
