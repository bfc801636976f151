"""CSV files read a line at a time: encodings told apart by line, memory bounded.

Before: a 199 MB CSV of separators took 2.58 GB and 41 s; a CSV mixing UTF-8 and
Windows-1252 lines was reported as « no header row ». The large case runs with
LABEST_FULL_CAMPAIGN=1 (it writes 199 MB); the suite runs the same shapes small,
under a memory limit the old reader could not have met.
"""

from __future__ import annotations

import os
import resource

import pytest

from labest_desktop import messages
from labest_desktop.exchange import csv_reader, guard
from labest_desktop.exchange.errors import ExchangeFileError, WorkbookTooLargeError
from labest_desktop.exchange.workbook import read_exchange_file

HEADER = "Référence;Titre;Étape;Statut\n"


def test_a_csv_mixing_utf8_and_windows_1252_names_the_first_bad_line(tmp_path):
    path = tmp_path / "mélange.csv"
    lines = [HEADER.encode("utf-8")]
    lines += [f"P-{i};Projet élève {i};Idéation;Actif\n".encode() for i in range(5)]
    lines += ["P-9;Projet côté cour;Idéation;Actif\n".encode("cp1252")]
    path.write_bytes(b"".join(lines))
    with pytest.raises(ExchangeFileError) as caught:
        read_exchange_file(path)
    assert caught.value.key == "exchange.file.mixed_encoding"
    assert "ligne 7" in caught.value.message and "UTF-8" in caught.value.message
    messages.set_language("en")
    assert "line 7" in caught.value.message


def test_a_windows_1252_csv_is_still_read(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes((HEADER + ";Projet côté cour;Idéation;Actif\n").encode("cp1252"))
    read = read_exchange_file(path)
    assert [r.fields.title for r in read.projects.records] == ["Projet côté cour"]


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (";" * 5000, "exchange.file.csv_long_line"),
        (HEADER + ";" * 2000 + "\n", "exchange.file.csv_wide_line"),
        (HEADER + "\n" * 3000, "exchange.file.csv_too_many_lines"),
    ],
)
def test_lines_too_long_too_wide_or_too_many_are_refused(tmp_path, monkeypatch, content, key):
    """The limits, scaled down so the files stay small: one sentence each."""
    monkeypatch.setattr(csv_reader, "MAX_LINE_CHARS", 4000)
    monkeypatch.setattr(csv_reader, "MAX_LINES", 2000)
    path = tmp_path / "séparateurs.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(WorkbookTooLargeError) as caught:
        read_exchange_file(path)
    assert caught.value.key == key and "séparateurs.csv" in caught.value.message


def test_a_csv_quoted_cell_spanning_lines_of_separators_is_kept(tmp_path):
    """A line of separators inside a quoted cell is text, not a blank row."""
    path = tmp_path / "cellule.csv"
    path.write_text(HEADER + ';"Titre\n;;;\nsuite";Idéation;Actif\n', encoding="utf-8")
    read = read_exchange_file(path)
    assert [r.fields.title for r in read.projects.records] == ["Titre\n;;;\nsuite"]


def test_a_csv_of_separators_is_read_in_bounded_memory(tmp_path, monkeypatch):
    """20 MB of lines of separators (199 MB with LABEST_FULL_CAMPAIGN=1) under a
    500 MB limit on the reading process, this one growing by less than 100 MB: read to
    the end (no project in it)."""
    monkeypatch.setattr(guard, "MEMORY_LIMIT_BYTES", 500 * 1024 * 1024)
    full = bool(os.environ.get("LABEST_FULL_CAMPAIGN"))
    lines = 199_000 if full else 20_000
    path = tmp_path / "séparateurs.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for _ in range(lines):
            handle.write(";" * 999 + "\n")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    read = read_exchange_file(path)
    assert read.projects.records == []
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100
