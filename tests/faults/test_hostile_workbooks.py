"""Structure-aware hostile workbooks: small files that declare huge things.

Before: a 1.5 KB .xlsx (cells at A1 and XFD1048576) made python-calamine ask for
512 GiB and abort the process (exit 134; in the window, the application closed);
a 1.7 MB one asked for ~21 GB through shared strings. Now each is refused in one
sentence before calamine reads it, and whatever gets past the checks is read in a
child process whose crash or exhaustion is one sentence too: the test process (the
window, in real use) survives every case, and the database is unchanged.
"""

from __future__ import annotations

import pytest

from labest_desktop import messages
from labest_desktop.exchange import extent, guard
from labest_desktop.exchange.errors import ExchangeFileError, WorkbookTooLargeError
from labest_desktop.exchange.workbook import read_exchange_file
from labest_desktop.services import exchange_import
from tests.faults import hostile
from tests.faults.campaign import cli, digest

CASES = {
    "sparse extent": (hostile.sparse_extent, "va jusqu'à la ligne 1048576"),
    "declared dimension": (hostile.declared_extent, "déclare s'étendre jusqu'à XFD1048576"),
    "rows far down": (hostile.far_rows, "la ligne 900000"),
    "shared-string amplification": (hostile.shared_string_amplification, "textes partagés"),
    "huge style table": (hostile.huge_style_table, "table des styles"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_workbook_that_declares_huge_things_is_refused_before_parsing(case, sqlite_workspace, tmp_path):
    """One sentence naming the sheet or part and the limit; nothing imported."""
    make, words = CASES[case]
    path = make(tmp_path / "piège.xlsx")
    db = sqlite_workspace.database.location.path
    before = digest(db)
    with pytest.raises(WorkbookTooLargeError) as caught:
        exchange_import.preview_import(sqlite_workspace, path)
    assert words in caught.value.message
    assert "piège.xlsx" in caught.value.message and "\n" not in caught.value.message
    assert digest(db) == before
    messages.set_language("en")
    assert "not read" in caught.value.message


def test_deep_xml_is_read_or_refused_in_one_sentence(tmp_path):
    """120,000 nested elements in one cell: the parser copes (no stack overflow), and
    the file ends as an ordinary refusal (it has no usable header)."""
    path = hostile.deep_xml(tmp_path / "profond.xlsx")
    with pytest.raises(ExchangeFileError) as caught:
        read_exchange_file(path)
    assert "\n" not in caught.value.message


def test_the_guard_turns_a_parser_abort_into_a_sentence(tmp_path, monkeypatch):
    """With the checks before parsing switched off, calamine meets the 512 GiB sheet
    and aborts (SIGABRT) in the child: this process gets one sentence."""
    monkeypatch.setattr(extent, "MAX_COLUMNS", 10**9)
    monkeypatch.setattr(extent, "MAX_ROW_NUMBER", 10**9)
    monkeypatch.setattr(extent, "_FAR_CELL", extent.re.compile(rb"(?!)"))
    path = hostile.sparse_extent(tmp_path / "abandon.xlsx")
    with pytest.raises(guard.ReaderGaveUpError) as caught:
        read_exchange_file(path)
    assert "abandon.xlsx" in caught.value.message and "mémoire permise" in caught.value.message


def test_the_guard_stops_a_read_that_outlasts_its_time(tmp_path, monkeypatch):
    """A read still going at the deadline is killed: one sentence saying so."""
    monkeypatch.setattr(guard, "TIME_LIMIT_SECONDS", 0.05)
    from labest_desktop.exchange import reader

    slow = reader.read_workbook_here

    def stalled(path, **kwargs):
        import time

        time.sleep(30)
        return slow(path, **kwargs)

    monkeypatch.setattr(reader, "read_workbook_here", stalled)
    path = hostile.declared_extent(tmp_path / "lent.xlsx")
    with pytest.raises(guard.ReaderGaveUpError) as caught:
        read_exchange_file(path)
    assert "secondes" in caught.value.message


def test_the_guard_holds_the_child_to_its_memory_limit(tmp_path, monkeypatch):
    """Within the format's limits (columns to IV, 199,999 rows) a sparse sheet still
    makes a 1.6 GB table; under a 300 MB limit the child fails and this process
    reads one sentence."""
    monkeypatch.setattr(guard, "MEMORY_LIMIT_BYTES", 300 * 1024 * 1024)
    path = hostile.sparse_within_limits(tmp_path / "clairsemé.xlsx")
    with pytest.raises(guard.ReaderGaveUpError) as caught:
        read_exchange_file(path)
    assert "300 Mo" in caught.value.message


def test_the_command_refuses_the_issue_file_in_one_line(sqlite_workspace, tmp_path):
    """``labest import`` of the 1.5 KB file: exit 2, one line, no trace, nothing written."""
    db = sqlite_workspace.database.location.path
    before = digest(db)
    path = hostile.sparse_extent(tmp_path / "bombe.xlsx")
    done = cli(db, tmp_path / "data", "import", str(path), timeout=120)
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "bombe.xlsx" in done.stderr
    assert "Traceback" not in done.stderr and "panicked" not in done.stderr
    assert digest(db) == before


def test_without_fork_the_reader_is_a_new_interpreter(tmp_path, monkeypatch):
    """Windows has no fork: the child is ``python -m labest_desktop.exchange.guard``
    (a frozen build: itself with ``--read-child``), answering through its output.
    The same frames: a file read, a file refused, a parser abort."""
    import os

    from labest_desktop.domain.fields import ProjectFields
    from labest_desktop.services import projects
    from labest_desktop.services.exchange_export import export_workbook
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import sqlite_location

    ws = Workspace(open_database(sqlite_location(tmp_path / "db.sqlite3"), backups_folder=tmp_path / "b"), "t")
    projects.create_project(ws, ProjectFields(title="Projet lu ailleurs"))
    export_workbook(ws, tmp_path / "export.xlsx")
    ws.database.dispose()
    monkeypatch.delattr(os, "fork")
    assert [r.fields.title for r in read_exchange_file(tmp_path / "export.xlsx").projects.records] == [
        "Projet lu ailleurs"
    ]
    with pytest.raises(WorkbookTooLargeError):
        read_exchange_file(hostile.declared_extent(tmp_path / "piège.xlsx"))
