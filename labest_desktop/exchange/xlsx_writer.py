"""Write the exchange workbook (.xlsx) with openpyxl in write-only mode.

Write-only mode streams rows to the zip as they come, so memory stays flat for
100,000 projects; the price is that everything placed before the rows in the sheet
XML (column widths, hidden column, frozen pane) is decided up front from the
column definitions, never from the data.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import MethodType

import openpyxl
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink

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

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
AMOUNT_FORMAT = '#,##0.00\\ "€"'
LAST_ROW = 1_048_576
# Excel reads "_x000D_" as a carriage return (XML itself would turn a raw CR into
# LF), so a literal "_xHHHH_" in a user's text must be escaped the same way.
_OOXML_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


_EXCEL_EPOCH = date(1899, 12, 30)
# Excel's serial numbers count 1900 as a leap year: a date cell before 1 March 1900
# reads back a day off (1900-01-01 as 1900-01-02), and before 1900 there is no date
# cell at all. Such dates are written as ISO text, which the import reads back.
FIRST_DATE_CELL = date(1900, 3, 1)


def _holdable_dates(convert):
    """A date column's converter, giving ISO text for what a date cell cannot hold."""

    def converted(value: object) -> object:
        value = convert(value)
        if isinstance(value, datetime):
            if value.date() < FIRST_DATE_CELL:
                return value.isoformat(sep=" ")
        elif isinstance(value, date) and value < FIRST_DATE_CELL:
            return value.isoformat()
        return value

    return converted


def _raw_rows_available() -> bool:
    """Whether rows can be streamed as ready-made XML (see ``_raw_write_rows``).

    openpyxl serialises each cell through an ElementTree element, which is most of
    the time of an export; when it writes through et_xmlfile (no lxml installed),
    the writer below hands it ready-made ``<row>`` text instead, three to four
    times faster. With lxml, or an et_xmlfile without the expected writer, the
    ordinary cell path is used.
    """
    if openpyxl.LXML:
        return False
    try:
        from et_xmlfile.xmlfile import _IncrementalFileWriter
    except ImportError:
        return False
    return hasattr(_IncrementalFileWriter, "element")


def _raw_write_rows(self):
    """Replacement for ``WriteOnlyWorksheet._write_rows`` taking ``(xml,)`` rows."""
    try:
        xf = self._writer.xf.send(True)
    except StopIteration:
        self._already_saved()
    write = xf._file
    with xf.element("sheetData"):
        try:
            while True:
                (xml,) = yield
                write(xml)
        except GeneratorExit:
            pass
    self._writer.xf.send(None)


def _xml_escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _raw_cell(ref: str, value: object, style_id: int) -> str:
    style = f' s="{style_id}"' if style_id else ""
    if isinstance(value, str):
        text = _xml_escape(_ooxml_text(value))
        space = ' xml:space="preserve"' if text != text.strip() else ""
        return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if isinstance(value, datetime):
        delta = value - datetime(1899, 12, 30)
        number = repr(delta.days + delta.seconds / 86400)
    elif isinstance(value, date):
        number = str((value - _EXCEL_EPOCH).days)
    elif isinstance(value, Decimal):
        number = format(value, "f")
    elif isinstance(value, bool):
        return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
    else:
        number = repr(value)
    return f'<c r="{ref}"{style} t="n"><v>{number}</v></c>'


def _ooxml_text(text: str) -> str:
    if "_x" in text:
        text = _OOXML_ESCAPE.sub("_x005F_", text)
    if "\r" in text:
        text = text.replace("\r", "_x000D_")
    return text


class _SheetWriter:
    """Rows of one sheet as write-only cells, styles shared per column."""

    def __init__(self, workbook: Workbook, spec: SheetSpec, clean: TextCleaner, *, raw: bool) -> None:
        self.spec = spec
        self.clean = clean
        self.raw = raw
        self.sheet = workbook.create_sheet(spec.name)
        if raw:
            self.sheet._write_rows = MethodType(_raw_write_rows, self.sheet)
        self.rows = 0
        for index, column in enumerate(spec.columns):
            dimension = self.sheet.column_dimensions[column_letter(index)]
            dimension.width = column.width
            if column.kind in HIDDEN_KINDS:
                dimension.hidden = True
        self.sheet.freeze_panes = "A2"
        self.plan = [
            (c.key, _holdable_dates(converter(c)) if c.kind in (Kind.DATE, Kind.DATETIME) else converter(c),
             self._style_for(c))
            for c in spec.columns
        ]
        cell_styles = workbook._cell_styles
        self.raw_plan = [
            (key, convert, column_letter(i), cell_styles.add(style) if style is not None else 0)
            for i, (key, convert, style) in enumerate(self.plan)
        ]
        header_style = self._template(font=Font(bold=True), fill=PatternFill("solid", fgColor="DDE6F0"))
        if raw:
            header_id = cell_styles.add(header_style)
            cells = "".join(
                _raw_cell(f"{column_letter(i)}1", self.clean(c.header), header_id) for i, c in enumerate(spec.columns)
            )
            self.sheet.append((f'<row r="1">{cells}</row>',))
        else:
            self.sheet.append([self._cell(column.header, header_style) for column in spec.columns])

    def _template(self, **attributes: object):
        cell = WriteOnlyCell(self.sheet)
        for name, value in attributes.items():
            setattr(cell, name, value)
        return cell._style

    def _style_for(self, column: Column):
        if column.kind is Kind.DATE:
            return self._template(number_format=DATE_FORMAT)
        if column.kind is Kind.DATETIME:
            return self._template(number_format=DATETIME_FORMAT)
        if column.kind is Kind.AMOUNT:
            return self._template(number_format=AMOUNT_FORMAT)
        if column.kind is Kind.URL:
            return self._template(font=Font(color="0563C1", underline="single"))
        if column.key in ("description", "rationale"):
            return self._template(alignment=Alignment(wrap_text=True, vertical="top"))
        return None

    def _cell(self, value: object, style) -> object:
        if isinstance(value, WebLink):
            cell = WriteOnlyCell(self.sheet, str(value))
            cell.data_type = "s"
            # Placed by openpyxl when the row is written (the ref is set then).
            cell._hyperlink = Hyperlink(ref="", target=str(value))
            cell._style = style
            return cell
        if isinstance(value, str):
            value = _ooxml_text(self.clean(value))
            if style is None and value[:1] != "=":
                return value
            cell = WriteOnlyCell(self.sheet, value)
            # A text cell, never a formula: openpyxl would otherwise store "=…" as one.
            cell.data_type = "s"
        elif value is None or style is None:
            return value
        else:
            cell = WriteOnlyCell(self.sheet, value)
        if style is not None:
            # Shared, never mutated: copying a StyleArray per cell costs for nothing.
            cell._style = style
        return cell

    def append(self, record: Mapping[str, object]) -> None:
        self.rows += 1
        if self.raw:
            self._append_raw(record)
            return
        cell = self._cell
        self.sheet.append([cell(convert(record.get(key)), style) for key, convert, style in self.plan])

    def _append_raw(self, record: Mapping[str, object]) -> None:
        number = self.rows + 1
        clean = self.clean
        parts = [f'<row r="{number}">']
        for key, convert, letter, style_id in self.raw_plan:
            value = convert(record.get(key))
            if value is None:
                continue
            if isinstance(value, WebLink):
                self.sheet._hyperlinks.append(Hyperlink(ref=f"{letter}{number}", target=str(value)))
                value = str(value)
            elif isinstance(value, str):
                value = clean(value)
            parts.append(_raw_cell(f"{letter}{number}", value, style_id))
        parts.append("</row>")
        self.sheet.append(("".join(parts),))

    def finish(self) -> None:
        last = column_letter(len(self.spec.columns) - 1)
        self.sheet.auto_filter.ref = f"A1:{last}{self.rows + 1}"

    def validate_list(self, key: str, formula: str, *, strict: bool = True) -> None:
        index = next(i for i, c in enumerate(self.spec.columns) if c.key == key)
        letter = column_letter(index)
        validation = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop" if strict else "information",
            errorTitle=self.spec.columns[index].header,
            error="Choisir une valeur de la liste.",
        )
        validation.add(f"{letter}2:{letter}{LAST_ROW}")
        self.sheet.data_validations.append(validation)


def _inline_list(items: Iterable[str]) -> str:
    return '"' + ",".join(items) + '"'


def write_xlsx(
    path: str | Path,
    projects: Iterable[Mapping[str, object]],
    *,
    meta: ExportMeta,
    events: Iterable[Mapping[str, object]] = (),
    organisations: Iterable[Mapping[str, object]] = (),
    history: Iterable[Mapping[str, object]] = (),
    funding_names: Sequence[str] = (),
    _raw_rows: bool | None = None,
) -> WriteReport:
    """Write every sheet of the exchange workbook to ``path``.

    ``projects`` are snapshots plus ``updated_at`` and ``fingerprint``; ``events``
    have the keys of ``EVENT_COLUMNS``, ``organisations`` of ``PARTNER_COLUMNS``,
    ``history`` of ``HISTORY_COLUMNS``. Iterables are consumed once, in order. The
    file appears complete or not at all (written beside it, then renamed).
    ``_raw_rows`` is for tests only: force or forbid the fast row path.
    """
    path = Path(path)
    raw = _raw_rows_available() if _raw_rows is None else _raw_rows
    clean = TextCleaner()
    workbook = Workbook(write_only=True)

    project_sheet = _SheetWriter(workbook, PROJECTS_SHEET, clean, raw=raw)
    for snapshot in projects:
        project_sheet.append(snapshot)
    project_sheet.finish()
    project_sheet.validate_list("stage", _inline_list(STAGE_LABELS_FR.values()))
    project_sheet.validate_list("status", _inline_list(STATUS_LABELS_FR.values()))
    project_sheet.validate_list("department", _inline_list(DEPARTMENTS))
    names = [clean(n) for n in funding_names if n and n.strip()]
    if names:
        # A range rather than an inline list: names may hold commas, and an inline
        # list is limited to 255 characters.
        project_sheet.validate_list("funding", f"{META_SHEET}!$D$1:$D${len(names)}", strict=False)

    counts = []
    for spec, rows in ((EVENTS_SHEET, events), (PARTNERS_SHEET, organisations), (HISTORY_SHEET, history)):
        writer = _SheetWriter(workbook, spec, clean, raw=raw)
        for record in rows:
            writer.append(record)
        writer.finish()
        counts.append(writer.rows)

    meta_sheet = workbook.create_sheet(META_SHEET)
    meta_sheet.sheet_state = "veryHidden"
    meta_rows = meta.rows()
    for index in range(max(len(meta_rows), len(names))):
        key, value = meta_rows[index] if index < len(meta_rows) else (None, None)
        funding = names[index] if index < len(names) else None
        meta_sheet.append([key, clean(value) if value else value, None, _ooxml_text(funding) if funding else None])

    temporary = path.with_name(path.name + ".part")
    try:
        workbook.save(temporary)
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
    if clean.replaced:
        logger.warning("%s: %d characters XML cannot hold were replaced", path.name, clean.replaced)
    return WriteReport(str(path), project_sheet.rows, counts[0], counts[1], counts[2], clean.replaced)
