"""Write the exchange workbook as an OpenDocument spreadsheet (.ods).

The ODF package is written directly (no ODF library is a dependency): the
``mimetype`` member first and stored, then ``content.xml`` streamed row by row into
the zip so memory stays flat, then styles, settings and the manifest. Same sheets
and columns as the xlsx writer; every textual value is a string cell, so a title
that starts with ``=`` stays text.
"""

from __future__ import annotations

import logging
import os
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from labest_desktop.domain.vocab import DEPARTMENTS, STAGE_LABELS_FR, STATUS_LABELS_FR
from labest_desktop.exchange.columns import (
    EVENTS_SHEET,
    HIDDEN_KINDS,
    HISTORY_SHEET,
    META_SHEET,
    PARTNERS_SHEET,
    PROJECTS_SHEET,
    Column,
    Kind,
    SheetSpec,
    column_letter,
)
from labest_desktop.exchange.export_rows import (
    ExportMeta,
    TextCleaner,
    WebLink,
    WriteReport,
    converter,
)

logger = logging.getLogger(__name__)

MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
    'office:version="1.2"'
)
_STYLE_OF_KIND = {Kind.DATE: "ceDate", Kind.DATETIME: "ceDateTime", Kind.AMOUNT: "ceAmount"}
_WRAPPED_KEYS = ("description", "rationale")

_AUTOMATIC_STYLES = """<office:automatic-styles>
<number:date-style style:name="NDate"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<number:date-style style:name="NDateTime"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
<number:currency-style style:name="NAmount"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/><number:text> </number:text><number:currency-symbol number:language="fr" number:country="FR">€</number:currency-symbol></number:currency-style>
<style:style style:name="ceDate" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="NDate"/>
<style:style style:name="ceDateTime" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="NDateTime"/>
<style:style style:name="ceAmount" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="NAmount"/>
<style:style style:name="ceWrap" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/></style:style>
<style:style style:name="ceHeader" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#dde6f0"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="taShown" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>
<style:style style:name="taHidden" style:family="table" style:master-page-name="Default"><style:table-properties table:display="false"/></style:style>
{columns}
</office:automatic-styles>"""

_STYLES_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {_NS}><office:styles><style:style style:name="Default" style:family="table-cell"/></office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"/></office:automatic-styles>
<office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1"/></office:master-styles>
</office:document-styles>"""

_MANIFEST_XML = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""

_META_XML = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2"><office:meta><meta:generator>Lab'EST Desktop</meta:generator></office:meta></office:document-meta>"""


def _settings_xml(frozen_sheets: Iterable[str]) -> str:
    """Frozen header row per sheet: LibreOffice keeps this in settings.xml."""
    entries = "".join(
        f'<config:config-item-map-entry config:name={quoteattr(name)}>'
        '<config:config-item config:name="VerticalSplitMode" config:type="short">0</config:config-item>'
        '<config:config-item config:name="HorizontalSplitMode" config:type="short">2</config:config-item>'
        '<config:config-item config:name="VerticalSplitPosition" config:type="int">1</config:config-item>'
        '<config:config-item config:name="HorizontalSplitPosition" config:type="int">0</config:config-item>'
        '<config:config-item config:name="ActiveSplitRange" config:type="short">2</config:config-item>'
        '<config:config-item config:name="PositionBottom" config:type="int">1</config:config-item>'
        "</config:config-item-map-entry>"
        for name in frozen_sheets
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-settings {_NS}><office:settings>'
        '<config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views">'
        '<config:config-item-map-entry><config:config-item config:name="ViewId" config:type="string">view1</config:config-item>'
        f'<config:config-item-map-named config:name="Tables">{entries}</config:config-item-map-named>'
        f'<config:config-item config:name="ActiveTable" config:type="string">{PROJECTS_SHEET.name}</config:config-item>'
        "</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set>"
        "</office:settings></office:document-settings>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _paragraph(line: str) -> str:
    """One line as ODF text: runs of spaces and tabs spelt out, since a reader
    collapses white space inside ``text:p``; a CR kept as a character reference."""
    out: list[str] = []
    index = 0
    length = len(line)
    while index < length:
        char = line[index]
        if char == " ":
            run = 1
            while index + run < length and line[index + run] == " ":
                run += 1
            # A single space between words is plain; leading, trailing or repeated
            # spaces need text:s to survive.
            if run == 1 and 0 < index < length - 1:
                out.append(" ")
            else:
                out.append(f'<text:s text:c="{run}"/>' if run > 1 else "<text:s/>")
            index += run
            continue
        if char == "\t":
            # Kept as the character, not <text:tab/>: LibreOffice 7.4 drops
            # <text:tab/> inside a cell when it opens a file (Gnumeric keeps it), and
            # python-calamine too; a raw tab is read back as a tab by all three. The
            # reader understands <text:tab/> as LibreOffice saves it
            # (exchange/ods_reader.py).
            out.append("\t")
        elif char == "\r":
            out.append("&#13;")
        elif char == "&":
            out.append("&amp;")
        elif char == "<":
            out.append("&lt;")
        elif char == ">":
            out.append("&gt;")
        else:
            out.append(char)
        index += 1
    return "<text:p>" + "".join(out) + "</text:p>"


def _text_cell(text: str, style: str | None) -> str:
    style_attr = f' table:style-name="{style}"' if style else ""
    paragraphs = "".join(_paragraph(line) for line in text.split("\n"))
    return f'<table:table-cell{style_attr} office:value-type="string">{paragraphs}</table:table-cell>'


def _cell(value: object, style: str | None, validation: str | None) -> str:
    extra = f' table:content-validation-name="{validation}"' if validation else ""
    if value is None:
        return f"<table:table-cell{extra}/>"
    if isinstance(value, WebLink):
        text = escape(value)
        return (
            f'<table:table-cell{extra} office:value-type="string"><text:p>'
            f'<text:a xlink:type="simple" xlink:href={quoteattr(value)}>{text}</text:a></text:p></table:table-cell>'
        )
    if isinstance(value, str):
        return _text_cell(value, style).replace("<table:table-cell", "<table:table-cell" + extra, 1)
    style_attr = f' table:style-name="{style}"' if style else ""
    if isinstance(value, datetime):
        return (
            f'<table:table-cell{style_attr}{extra} office:value-type="date" '
            f'office:date-value="{value.isoformat(timespec="seconds")}"/>'
        )
    if isinstance(value, date):
        return f'<table:table-cell{style_attr}{extra} office:value-type="date" office:date-value="{value.isoformat()}"/>'
    if isinstance(value, Decimal):
        return (
            f'<table:table-cell{style_attr}{extra} office:value-type="currency" office:currency="EUR" '
            f'office:value="{format(value, "f")}"/>'
        )
    if isinstance(value, bool):
        return f'<table:table-cell{extra} office:value-type="boolean" office:boolean-value="{str(value).lower()}"/>'
    return f'<table:table-cell{style_attr}{extra} office:value-type="float" office:value="{value!r}"/>'


def _sheet_ref(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


class _ContentWriter:
    """content.xml, streamed: the caller feeds sheets one after the other."""

    def __init__(self, stream, clean: TextCleaner, validations: dict[str, str]) -> None:
        self.stream = stream
        self.clean = clean
        self.validations = validations  # column key -> validation name
        self.filter_ranges: list[str] = []

    def write(self, text: str) -> None:
        self.stream.write(text.encode("utf-8"))

    def sheet(self, spec: SheetSpec, records: Iterable[Mapping[str, object]], *, with_validation: bool) -> int:
        self.write(f'<table:table table:name={quoteattr(spec.name)} table:style-name="taShown">')
        for column in spec.columns:
            hidden = ' table:visibility="collapse"' if column.kind in HIDDEN_KINDS else ""
            self.write(f'<table:table-column table:style-name="{_column_style(column)}"{hidden}/>')
        self.write("<table:table-row>")
        for column in spec.columns:
            self.write(_text_cell(column.header, "ceHeader"))
        self.write("</table:table-row>")
        plan = [
            (
                c.key,
                converter(c),
                _STYLE_OF_KIND.get(c.kind) or ("ceWrap" if c.key in _WRAPPED_KEYS else None),
                self.validations.get(c.key) if with_validation else None,
            )
            for c in spec.columns
        ]
        clean = self.clean
        rows = 0
        buffer: list[str] = []
        for record in records:
            buffer.append("<table:table-row>")
            for key, convert, style, validation in plan:
                value = convert(record.get(key))
                if isinstance(value, str) and not isinstance(value, WebLink):
                    value = clean(value)
                buffer.append(_cell(value, style, validation))
            buffer.append("</table:table-row>")
            rows += 1
            if len(buffer) > 20_000:
                self.write("".join(buffer))
                buffer.clear()
        self.write("".join(buffer))
        self.write("</table:table>")
        last = column_letter(len(spec.columns) - 1)
        ref = _sheet_ref(spec.name)
        self.filter_ranges.append(f"{ref}.A1:{ref}.{last}{rows + 1}")
        return rows

    def meta_sheet(self, meta: ExportMeta, funding: list[str]) -> None:
        self.write(f'<table:table table:name="{META_SHEET}" table:style-name="taHidden">')
        self.write('<table:table-column/><table:table-column/><table:table-column/><table:table-column/>')
        rows = meta.rows()
        for index in range(max(len(rows), len(funding))):
            key, value = rows[index] if index < len(rows) else (None, None)
            name = funding[index] if index < len(funding) else None
            self.write(
                "<table:table-row>"
                + _cell(key, None, None)
                + _cell(self.clean(value) if value else None, None, None)
                + "<table:table-cell/>"
                + _cell(name, None, None)
                + "</table:table-row>"
            )
        self.write("</table:table>")


def _column_style(column: Column) -> str:
    return f"co{int(column.width * 10)}"


def _column_styles() -> str:
    widths = {
        int(c.width * 10)
        for spec in (PROJECTS_SHEET, EVENTS_SHEET, PARTNERS_SHEET, HISTORY_SHEET)
        for c in spec.columns
    }
    # Excel's width unit is about one character of the default font, 0.19 cm.
    return "\n".join(
        f'<style:style style:name="co{w}" style:family="table-column">'
        f'<style:table-column-properties style:column-width="{w * 0.019:.2f}cm"/></style:style>'
        for w in sorted(widths)
    )


def _list_condition(items: Iterable[str]) -> str:
    quoted = ";".join('"' + item.replace('"', '""') + '"' for item in items)
    return f"of:cell-content-is-in-list({quoted})"


def _validations_xml(funding: list[str]) -> tuple[str, dict[str, str]]:
    lists = {
        "stage": (list(STAGE_LABELS_FR.values()), "stop"),
        "status": (list(STATUS_LABELS_FR.values()), "stop"),
        "department": (list(DEPARTMENTS), "stop"),
    }
    if funding:
        lists["funding"] = (funding, "information")
    names: dict[str, str] = {}
    parts = ["<table:content-validations>"]
    for key, (items, severity) in lists.items():
        name = f"val_{key}"
        names[key] = name
        parts.append(
            f'<table:content-validation table:name="{name}" table:condition={quoteattr(_list_condition(items))} '
            f'table:allow-empty-cell="true" table:display-list="unsorted">'
            f'<table:error-message table:display="true" table:message-type="{severity}"/>'
            "</table:content-validation>"
        )
    parts.append("</table:content-validations>")
    return "".join(parts), names


def write_ods(
    path: str | Path,
    projects: Iterable[Mapping[str, object]],
    *,
    meta: ExportMeta,
    events: Iterable[Mapping[str, object]] = (),
    organisations: Iterable[Mapping[str, object]] = (),
    history: Iterable[Mapping[str, object]] = (),
    funding_names: Sequence[str] = (),
) -> WriteReport:
    """Same arguments and sheets as :func:`~labest_desktop.exchange.xlsx_writer.write_xlsx`."""
    path = Path(path)
    clean = TextCleaner()
    funding = [clean(n.strip()) for n in funding_names if n and n.strip()]
    validations_xml, validation_names = _validations_xml(funding)
    temporary = path.with_name(path.name + ".part")
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            # ODF requires the mimetype first, stored, with no extra field.
            archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
            with archive.open("content.xml", "w", force_zip64=True) as raw_stream:
                stream = _Buffered(raw_stream)
                content = _ContentWriter(stream, clean, validation_names)
                content.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NS}>')
                content.write(_AUTOMATIC_STYLES.format(columns=_column_styles()))
                content.write("<office:body><office:spreadsheet>")
                content.write(validations_xml)
                counts = [
                    content.sheet(PROJECTS_SHEET, projects, with_validation=True),
                    content.sheet(EVENTS_SHEET, events, with_validation=False),
                    content.sheet(PARTNERS_SHEET, organisations, with_validation=False),
                    content.sheet(HISTORY_SHEET, history, with_validation=False),
                ]
                content.meta_sheet(meta, funding)
                content.write("<table:database-ranges>")
                for index, target in enumerate(content.filter_ranges):
                    content.write(
                        f'<table:database-range table:name="__Anonymous_Sheet_DB__{index}" '
                        f"table:target-range-address={quoteattr(target)} table:display-filter-buttons=\"true\"/>"
                    )
                content.write("</table:database-ranges></office:spreadsheet></office:body></office:document-content>")
                stream.flush()
            archive.writestr("styles.xml", _STYLES_XML)
            archive.writestr(
                "settings.xml",
                _settings_xml([PROJECTS_SHEET.name, EVENTS_SHEET.name, PARTNERS_SHEET.name, HISTORY_SHEET.name]),
            )
            archive.writestr("meta.xml", _META_XML)
            archive.writestr("META-INF/manifest.xml", _MANIFEST_XML)
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
    if clean.replaced:
        logger.warning("%s: %d characters XML cannot hold were replaced", path.name, clean.replaced)
    return WriteReport(str(path), counts[0], counts[1], counts[2], counts[3], clean.replaced)


class _Buffered:
    """Gathers small writes into ~1 MB blocks for the deflater."""

    def __init__(self, stream, size: int = 1 << 20) -> None:
        self.stream = stream
        self.size = size
        self.parts: list[bytes] = []
        self.length = 0

    def write(self, data: bytes) -> None:
        self.parts.append(data)
        self.length += len(data)
        if self.length >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.stream.write(b"".join(self.parts))
            self.parts.clear()
            self.length = 0
