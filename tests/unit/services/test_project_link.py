"""« Lien » (``link``): a project's web address, http or https only. Refused with a
sentence for anything else; saved, kept in history, searched, a hyperlink in the
exchange workbook (xlsx and ods) read back unchanged, published in the open-data
CSV. A workbook exported before the field existed still finds its merge base.
Real SQLite files, real workbooks."""

from __future__ import annotations

import csv
import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import func, select

from labest_desktop import messages
from labest_desktop.domain.errors import ValidationError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.fingerprints import fingerprint
from labest_desktop.domain.models import Project
from labest_desktop.exchange.columns import PROJECTS_SHEET
from labest_desktop.exchange.workbook import read_exchange_file
from labest_desktop.services import exchange_export, exchange_import, projects
from labest_desktop.services.project_query import ProjectFilter, project_ids
from labest_desktop.services.project_store import snapshot_of

LINK = "https://www.grandest.fr/projets/guichet-unique?etape=2&lang=fr"


@pytest.fixture(autouse=True)
def french():
    messages.set_language("fr")
    yield
    messages.set_language("fr")


def header_index(sheet, header: str) -> int:
    return [c.value for c in next(sheet.iter_rows(max_row=1))].index(header)


@pytest.mark.parametrize(
    "address",
    ["file:///etc/passwd", "javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://ftp.example.org/a",
     "www.grandest.fr", "https://", "http://exemple fr"],
)
def test_anything_but_a_web_address_is_refused_with_a_sentence(sqlite_workspace, address):
    """The editor's and the command line's service refuse it, in French and in
    English, and store nothing."""
    values = ProjectFields("Guichet unique", link=address)
    with pytest.raises(ValidationError) as raised:
        projects.create_project(sqlite_workspace, values)
    assert raised.value.field == "link"
    assert f"« {address} »" in raised.value.message and "adresse web" in raised.value.message
    messages.set_language("en")
    assert "web address" in raised.value.message
    with sqlite_workspace.reading() as session:
        assert session.scalar(select(func.count()).select_from(Project)) == 0


def test_a_link_is_saved_kept_in_history_and_searched(sqlite_workspace):
    ws = sqlite_workspace
    view = projects.create_project(ws, ProjectFields("Guichet unique", link="  http://exemple.fr/a  "))
    assert view.fields.link == "http://exemple.fr/a"  # trimmed like every text
    view = projects.update_project(ws, view.id, view.fields.with_changes(link=LINK), view.version)
    assert projects.get_project(ws, view.id).fields.link == LINK
    last = projects.history(ws, view.id)[-1]
    assert last.changes == [("link", "http://exemple.fr/a", LINK)]
    assert project_ids(ws, ProjectFilter(search="grandest guichet")) == [view.id]
    assert project_ids(ws, ProjectFilter(search="exemple")) == []


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_the_workbook_holds_a_hyperlink_read_back_unchanged(sqlite_workspace, tmp_path, suffix):
    ws = sqlite_workspace
    linked = projects.create_project(ws, ProjectFields("Guichet unique", link=LINK))
    projects.create_project(ws, ProjectFields("Sans lien"))
    path = tmp_path / f"export{suffix}"
    exchange_export.export_workbook(ws, path)

    if suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path)[PROJECTS_SHEET.name]
        column = header_index(sheet, "Lien")
        cells = [row[column] for row in sheet.iter_rows(min_row=2)]
        by_value = {cell.value: cell for cell in cells}
        assert by_value[LINK].hyperlink is not None and by_value[LINK].hyperlink.target == LINK
        assert None in by_value and by_value[None].hyperlink is None
    else:
        content = zipfile.ZipFile(path).read("content.xml").decode("utf-8")
        hrefs = re.findall(r'<text:a xlink:type="simple" xlink:href="([^"]*)">', content)
        assert hrefs == [LINK.replace("&", "&amp;")]

    exchange = read_exchange_file(path)
    assert [r.values.get("link") for r in exchange.projects.records] == [LINK, None]
    report = exchange_import.import_file(ws, path)
    assert (report.updated, report.created, report.conflicts) == (0, 0, [])
    assert projects.get_project(ws, linked.id).fields.link == LINK


def test_the_other_writer_path_also_writes_a_hyperlink(sqlite_workspace, tmp_path):
    """The xlsx writer has a fast path (ready-made row XML) and openpyxl's cells:
    both give the Lien cell a hyperlink."""
    from labest_desktop.exchange.export_rows import ExportMeta
    from labest_desktop.exchange.xlsx_writer import write_xlsx
    from labest_desktop.services.project_query import iter_snapshots

    projects.create_project(sqlite_workspace, ProjectFields("Guichet unique", link=LINK))
    for raw in (True, False):
        path = tmp_path / f"raw-{raw}.xlsx"
        write_xlsx(path, iter_snapshots(sqlite_workspace), meta=ExportMeta(office="Test", app_version="t"),
                   _raw_rows=raw)
        sheet = openpyxl.load_workbook(path)[PROJECTS_SHEET.name]
        cell = next(sheet.iter_rows(min_row=2))[header_index(sheet, "Lien")]
        assert (cell.value, cell.hyperlink.target) == (LINK, LINK), raw


def test_an_imported_row_with_a_script_address_is_refused(sqlite_workspace, tmp_path):
    """A coordinator's workbook whose Lien cell holds ``javascript:`` is reported
    row by row with the rule's sentence, and the project keeps its link."""
    ws = sqlite_workspace
    view = projects.create_project(ws, ProjectFields("Guichet unique", link=LINK))
    path = tmp_path / "export.xlsx"
    exchange_export.export_workbook(ws, path)
    book = openpyxl.load_workbook(path)
    sheet = book[PROJECTS_SHEET.name]
    cell = next(sheet.iter_rows(min_row=2))[header_index(sheet, "Lien")]
    cell.hyperlink = None
    cell.value = "javascript:alert(document.cookie)"
    book.save(path)

    report = exchange_import.import_file(ws, path)
    assert report.updated == 0
    assert any("adresse web" in error["message"] and error["column"] == "Lien" for error in report.errors), report.errors
    assert projects.get_project(ws, view.id).fields.link == LINK


def test_the_open_data_csv_publishes_the_link(sqlite_workspace, tmp_path):
    projects.create_project(sqlite_workspace, ProjectFields("Guichet unique", link=LINK, contact="Camille Martin"))
    path = tmp_path / "opendata.csv"
    exchange_export.export_opendata(sqlite_workspace, path)
    with path.open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["link"] == LINK
    assert "contact" not in row


def test_a_workbook_exported_before_the_link_existed_finds_its_base(sqlite_workspace, tmp_path):
    """Export, upgrade with a new field (Lien), import: no spurious conflict.

    A workbook written by an office that has no « Lien » column yet carries the
    fingerprints of projects without it. Fingerprints digest named non-empty fields,
    so a project whose link is empty keeps the same print after the upgrade: the
    importer finds the base, takes the other office's change and keeps the one
    made here, with no conflict.
    """
    ws = sqlite_workspace
    view = projects.create_project(ws, ProjectFields("Guichet unique", budget=Decimal("1000.00")))
    path = tmp_path / "before-lien.xlsx"
    exchange_export.export_workbook(ws, path)

    # What the office without « Lien » wrote: the same workbook without that column.
    book = openpyxl.load_workbook(path)
    sheet = book[PROJECTS_SHEET.name]
    column = header_index(sheet, "Lien")
    sheet.delete_cols(column + 1)
    headers = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert "Lien" not in headers
    row = next(sheet.iter_rows(min_row=2))
    stored = projects.get_project(ws, view.id)
    with ws.reading() as session:
        snapshot = snapshot_of(session.get(Project, view.id))
    without_link = {k: v for k, v in snapshot.items() if k != "link"}
    assert row[headers.index("Empreinte")].value == fingerprint(without_link)
    row[headers.index("Budget (€)")].value = 2500  # the other office's change
    book.save(path)

    projects.update_project(ws, view.id, stored.fields.with_changes(title="Guichet unique des associations"),
                            stored.version)  # the change made here since
    report = exchange_import.import_file(ws, path)
    assert report.conflicts == []
    assert report.updated == 1
    final = projects.get_project(ws, view.id).fields
    assert (final.title, final.budget, final.link) == ("Guichet unique des associations", Decimal("2500.00"), None)
