"""The ``_labest`` sheet is read strictly: a format version that is not a whole
number, or an office name that is not one, is refused in one sentence.

Before: ``format_version`` = ``1e400`` ended in « Unexpected error », exit 70
(OverflowError); ``-1`` and ``NaN`` were read as the current format.
"""

from __future__ import annotations

import openpyxl
import pytest

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.exchange.errors import ExchangeFileError
from labest_desktop.exchange.workbook import read_exchange_file
from labest_desktop.services import projects
from labest_desktop.services.exchange_export import export_workbook
from tests.faults.campaign import cli, digest


@pytest.fixture
def exported(sqlite_workspace, tmp_path):
    projects.create_project(sqlite_workspace, ProjectFields(title="Projet partagé"))
    path = tmp_path / "export.xlsx"
    export_workbook(sqlite_workspace, path)
    return path


def with_meta(source, target, key, value):
    book = openpyxl.load_workbook(source)
    sheet = book["_labest"]
    for row in sheet.iter_rows():
        if row[0].value == key:
            row[1].value = value
            break
    else:
        sheet.append([key, value])
    book.save(target)
    return target


@pytest.mark.parametrize("value", ["1e400", "-1", "NaN", "nan", 1e300, "2.5", "0", "deux", -3])
def test_a_format_version_that_is_not_a_whole_number_is_refused(exported, tmp_path, value):
    path = with_meta(exported, tmp_path / "version.xlsx", "format_version", value)
    with pytest.raises(ExchangeFileError) as caught:
        read_exchange_file(path)
    assert caught.value.key in ("exchange.file.bad_meta", "exchange.file.newer_format")
    assert "format_version" in caught.value.message or "plus récent" in caught.value.message


@pytest.mark.parametrize("value", ["2", 2, 2.0, "1"])
def test_a_whole_format_version_is_read(exported, tmp_path, value):
    path = with_meta(exported, tmp_path / "version.xlsx", "format_version", value)
    assert [r.fields.title for r in read_exchange_file(path).projects.records] == ["Projet partagé"]


def test_an_office_name_with_control_characters_or_a_page_of_text_is_refused(exported, tmp_path):
    for value in ["LAB\nBureau\x7f", "x" * 5000]:
        path = with_meta(exported, tmp_path / "office.xlsx", "office", value)
        with pytest.raises(ExchangeFileError) as caught:
            read_exchange_file(path)
        assert "office" in caught.value.message and len(caught.value.message) < 400


@pytest.mark.parametrize("key, value", [("format_version", "0\n0"), ("office", "LAB\r\nBureau")])
def test_a_refused_value_with_line_breaks_is_quoted_on_one_line(exported, tmp_path, key, value):
    """Found by the fuzz campaign: the sentence quoting a crafted value spanned two lines."""
    path = with_meta(exported, tmp_path / "lines.xlsx", key, value)
    with pytest.raises(ExchangeFileError) as caught:
        read_exchange_file(path)
    assert len(caught.value.message.splitlines()) == 1, caught.value.message


def test_the_command_refuses_1e400_with_exit_2(sqlite_workspace, exported, tmp_path):
    db = sqlite_workspace.database.location.path
    before = digest(db)
    path = with_meta(exported, tmp_path / "version.xlsx", "format_version", "1e400")
    done = cli(db, tmp_path / "data", "import", str(path))
    assert done.returncode == 2, done.stderr
    assert "1e400" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert digest(db) == before
