"""Any conforming .ods is read, by python-calamine or the tolerant streaming parser:
indented XML (as Gnumeric writes it), tabs, line breaks and repeated spaces written
as elements, repeated rows and columns; a damaged one is refused in one sentence."""

from __future__ import annotations

import tracemalloc
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from labest_desktop.exchange.errors import ExchangeFileError
from labest_desktop.exchange.ods_reader import read_ods
from labest_desktop.exchange.ods_writer import write_ods
from labest_desktop.exchange.reader import read_workbook
from labest_desktop.exchange.workbook import read_exchange_file

from .helpers import HEADERS, META, core, make_snapshot, snapshot_of

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2"'
)


def write_package(path: Path, tables: str, *, indent: bool = False) -> Path:
    body = f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
    if indent:  # Gnumeric's layout: every element on its own line, indented
        body = body.replace("><table:", ">\n      <table:").replace("></table:", ">\n    </table:")
    content = f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS}>\n  {body}\n</office:document-content>'
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
            'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>',
        )
    return path


def text_cell(inner: str, extra: str = "") -> str:
    return f'<table:table-cell office:value-type="string"{extra}><text:p>{inner}</text:p></table:table-cell>'


def table(name: str, rows: list[str]) -> str:
    return f'<table:table table:name="{name}">' + "".join(f"<table:table-row>{r}</table:table-row>" for r in rows) + "</table:table>"


def header_row() -> str:
    return "".join(text_cell(h) for h in HEADERS)


def test_white_space_elements_are_spelt_out(tmp_path):
    """<text:tab/>, <text:line-break/>, <text:s text:c="3"/>, spans and paragraphs
    give back the exact text (python-calamine drops the first two)."""
    cells = [
        text_cell("a<text:tab/>b"),
        text_cell("<text:s/>lead<text:s text:c=\"3\"/>x<text:s/>"),
        '<table:table-cell office:value-type="string"><text:p>l1<text:line-break/>l2</text:p><text:p>p2</text:p></table:table-cell>',
        text_cell("<text:span>sp<text:tab/>an</text:span> <text:a>lien</text:a>"),
    ]
    path = write_package(tmp_path / "blancs.ods", table("Projets", ["".join(cells)]))
    raw = read_workbook(path)
    assert raw.sheets["Projets"][0] == ["a\tb", " lead   x ", "l1\nl2\np2", "sp\tan lien"]


def test_gnumeric_layout_reads_every_value_type(tmp_path):
    """Indented XML, repeated columns and rows, covered cells, every value type."""
    row = (
        text_cell("Atelier") + '<table:table-cell table:number-columns-repeated="2"/>'
        + '<table:table-cell office:value-type="float" office:value="12000.5"><text:p>12 000,50</text:p></table:table-cell>'
        + '<table:table-cell office:value-type="currency" office:currency="EUR" office:value="7"/>'
        + '<table:table-cell office:value-type="date" office:date-value="1850-03-01"/>'
        + '<table:table-cell office:value-type="date" office:date-value="2026-11-26T14:30:00"/>'
        + '<table:table-cell office:value-type="boolean" office:boolean-value="true"/>'
        + '<table:covered-table-cell/>'
        + '<table:table-cell office:value-type="percentage" office:value="0.25"/>'
        + '<table:table-cell table:number-columns-repeated="16000"/>'
    )
    rows = [row, "<table:table-cell/>", row.replace("Atelier", "Deux", 1)]
    tables = table("Projets", rows).replace("<table:table-row><table:table-cell/>", '<table:table-row table:number-rows-repeated="3"><table:table-cell/>')
    path = write_package(tmp_path / "gnumeric.ods", tables + table("Autre", [text_cell("x")]), indent=True)
    raw = read_workbook(path)
    expected = ["Atelier", None, None, 12000.5, 7, date(1850, 3, 1), datetime(2026, 11, 26, 14, 30), True, None, 0.25]
    assert raw.sheet_names == ["Projets", "Autre"]
    assert raw.sheets["Projets"] == [expected, [], [], [], ["Deux", *expected[1:]]]


def test_repeats_are_capped_and_memory_stays_bounded(tmp_path):
    """A billion repeated blank rows and a row repeated a million times cost nothing;
    the parser keeps one cell's XML at a time."""
    rows = (
        '<table:table-row table:number-rows-repeated="1000000000"><table:table-cell/></table:table-row>'
    )
    tables = f'<table:table table:name="Projets"><table:table-row>{header_row()}</table:table-row>{rows}</table:table>'
    path = write_package(tmp_path / "repete.ods", tables)
    with zipfile.ZipFile(path) as archive:
        content = read_ods(archive, lambda name: True, 100)
    assert content.sheets["Projets"] == [HEADERS]
    many = "".join(text_cell(f"Projet {i}") for i in range(30))
    tables = f'<table:table table:name="Projets"><table:table-row table:number-rows-repeated="1000000">{many}</table:table-row></table:table>'
    path = write_package(tmp_path / "mille.ods", tables)
    with zipfile.ZipFile(path) as archive:
        assert len(read_ods(archive, lambda name: True, 100).sheets["Projets"]) <= 10_000


def test_large_file_streams_in_bounded_memory(tmp_path):
    """Streaming, not loading: going through 6 MB of content.xml without keeping its
    rows peaks at a few hundred kilobytes of Python memory."""
    snapshots = [make_snapshot(i, description="Texte " * 400) for i in range(1, 301)]
    path = tmp_path / "grand.ods"
    write_ods(path, snapshots * 5, meta=META)
    tracemalloc.start()
    try:
        with zipfile.ZipFile(path) as archive:
            content = read_ods(archive, lambda name: name == "Partenaires", 200_000)
            xml_size = archive.getinfo("content.xml").file_size
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert content.sheet_names[:2] == ["Projets", "Événements"]
    assert xml_size > 5_000_000 and peak < 1_000_000


def test_export_with_tabs_reads_back_through_the_tolerant_parser(tmp_path):
    """Our own .ods, rewritten with <text:tab/> as LibreOffice writes tabs: same records."""
    snapshots = [make_snapshot(1, title="Titre\tavec tabulation", description="a  b\n\tc"), make_snapshot(2)]
    path = tmp_path / "export.ods"
    write_ods(path, snapshots, meta=META)
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members["content.xml"] = members["content.xml"].replace(b"\t", b"<text:tab/>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), members.pop("mimetype"))
        for name, data in members.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    parsed = read_exchange_file(path)
    assert [snapshot_of(r) for r in parsed.projects.records] == [core(s) for s in snapshots]
    assert parsed.meta["office"] == META.office


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        ("<office:document-content><table:table>", "XML mal formé"),
        ("pas du XML du tout", "XML mal formé"),
    ],
)
def test_damaged_ods_is_refused_in_one_sentence(tmp_path, content, detail):
    """Well-formedness broken: neither calamine nor the tolerant parser can read it."""
    path = tmp_path / "abime.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", f'<?xml version="1.0"?>{content}')
    with pytest.raises(ExchangeFileError) as caught:
        read_workbook(path)
    message = caught.value.message
    assert message.startswith("Le fichier « abime.ods » est un classeur endommagé")
    assert detail in message and "\n" not in message
