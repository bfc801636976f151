"""A tolerant, streaming reader of OpenDocument spreadsheets (.ods).

python-calamine reads the ``.ods`` files LibreOffice and this application write,
fast. It is not a complete ODF reader: it stops at well-formed files laid out
differently (Gnumeric indents its XML: « Expecting 'table-cell', found Text »), and
it drops ``<text:tab/>`` and ``<text:line-break/>`` inside a cell, which
LibreOffice writes for a tab in a title. This module reads ``content.xml`` with
defusedxml's ``iterparse`` (no DTD, no entity), cell by cell: each cell's element is
dropped as soon as its value is taken, so memory holds one cell's XML plus the rows
kept, whatever the file's size. Repeated rows and columns are expanded only up to
the limits a spreadsheet can show (and the reader's row limit then applies), so a
file declaring a billion repeated cells costs nothing.

The caller (:mod:`labest_desktop.exchange.reader`) has already checked the zip
container (size, ratio, no DTD in any XML member). What this module raises is
:class:`OdsSyntaxError`, one line saying where the XML breaks.
"""

from __future__ import annotations

import logging
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from xml.etree.ElementTree import Element, ParseError

from defusedxml.common import DefusedXmlException
from defusedxml.ElementTree import iterparse

logger = logging.getLogger(__name__)

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_T_TABLE = f"{{{_TABLE}}}table"
_T_ROW = f"{{{_TABLE}}}table-row"
_T_CELL = f"{{{_TABLE}}}table-cell"
_T_COVERED = f"{{{_TABLE}}}covered-table-cell"
_A_NAME = f"{{{_TABLE}}}name"
_A_ROWS_REPEATED = f"{{{_TABLE}}}number-rows-repeated"
_A_COLS_REPEATED = f"{{{_TABLE}}}number-columns-repeated"
_A_FORMULA = f"{{{_TABLE}}}formula"
_A_VALUE_TYPE = f"{{{_OFFICE}}}value-type"
_A_VALUE = f"{{{_OFFICE}}}value"
_A_DATE = f"{{{_OFFICE}}}date-value"
_A_BOOLEAN = f"{{{_OFFICE}}}boolean-value"
_A_STRING = f"{{{_OFFICE}}}string-value"
_A_TIME = f"{{{_OFFICE}}}time-value"
_X_P = f"{{{_TEXT}}}p"
_X_H = f"{{{_TEXT}}}h"
_X_S = f"{{{_TEXT}}}s"
_X_C = f"{{{_TEXT}}}c"
_X_TAB = f"{{{_TEXT}}}tab"
_X_BREAK = f"{{{_TEXT}}}line-break"
# Annotations (comments) and their kin live inside a cell but are not its value.
_NOT_VALUE = {f"{{{_OFFICE}}}annotation", f"{{{_OFFICE}}}annotation-end"}

# What LibreOffice can show: 1,048,576 rows, 16,384 columns. Cells past the columns
# this application reads carry nothing it needs, so a row keeps at most
# MAX_COLUMNS of them; repeated blank rows beyond the last row are not expanded.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 1_024
MAX_REPEATED_ROWS = 10_000  # a non-blank row repeated more is taken this many times

# Constructs python-calamine reads wrongly: the file is then read here instead.
_CALAMINE_MISSES = re.compile(rb"<[\w.-]+:(?:tab|line-break)\b")
_SCAN_CHUNK = 4 * 1024 * 1024


class OdsSyntaxError(Exception):
    """``content.xml`` is not well-formed XML (the file is damaged)."""


@dataclass
class OdsContent:
    """Sheet names in file order, the rows of the sheets asked for, and where the
    formulas are: ``{sheet: {row number: (cell, formula)}}``, first formula of a row."""

    sheet_names: list[str] = field(default_factory=list)
    sheets: dict[str, list[list[object]]] = field(default_factory=dict)
    formulas: dict[str, dict[int, tuple[str, str]]] = field(default_factory=dict)


def calamine_would_miss(archive: zipfile.ZipFile) -> bool:
    """Whether ``content.xml`` holds a tab or a line break inside a cell (written
    as elements, which python-calamine drops). Streams the member; no parse."""
    return _scan(archive, _CALAMINE_MISSES)


def has_formulas(archive: zipfile.ZipFile) -> bool:
    return _scan(archive, re.compile(rb":formula="))


def _scan(archive: zipfile.ZipFile, pattern: re.Pattern[bytes]) -> bool:
    tail = b""
    with archive.open("content.xml") as member:
        while chunk := member.read(_SCAN_CHUNK):
            if pattern.search(tail + chunk):
                return True
            tail = chunk[-64:]
    return False


def read_ods(archive: zipfile.ZipFile, wanted: Callable[[str], bool], row_limit: int) -> OdsContent:
    """Rows (from row 1, cells from column A) of every sheet ``wanted(name)`` accepts.

    ``row_limit`` bounds the non-blank rows kept per sheet: past it the reading of
    that sheet stops (the caller's own check then refuses the sheet as too long).
    """
    content = OdsContent()
    try:
        with archive.open("content.xml") as member:
            for name, rows, formulas in _tables(member, wanted, row_limit):
                content.sheet_names.append(name)
                if rows is not None:
                    content.sheets[name] = rows
                    content.formulas[name] = formulas
    except (ParseError, DefusedXmlException) as exc:
        raise OdsSyntaxError(_where(exc)) from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise OdsSyntaxError(str(exc) or type(exc).__name__) from None
    return content


def _where(exc: Exception) -> str:
    position = getattr(exc, "position", None)
    if position:
        return f"XML mal formé, ligne {position[0]}, colonne {position[1]}"
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


def _tables(member, wanted: Callable[[str], bool], row_limit: int) -> Iterator[tuple[str, list | None, dict]]:
    stack: list[Element] = []
    name = ""
    keep = False
    rows: list[list[object]] = []
    formulas: dict[int, tuple[str, str]] = {}
    row: list[object] = []
    blanks = [0]  # blank cells met since the row's last value (added only if one follows)
    row_number = 0  # rows seen so far in the current table (1-based after a row)
    pending_blank = 0  # blank rows not yet added (added only if a row follows)
    filled = 0
    full = False
    for event, element in iterparse(member, events=("start", "end"), forbid_dtd=True):
        tag = element.tag
        if event == "start":
            stack.append(element)
            if tag == _T_TABLE:
                name = element.get(_A_NAME, "")
                keep = wanted(name)
                rows, formulas, row_number, pending_blank, filled, full = [], {}, 0, 0, 0, False
            elif tag == _T_ROW:
                row = []
                blanks[0] = 0
            continue
        stack.pop()
        if tag in (_T_CELL, _T_COVERED):
            if keep and not full:
                _add_cell(element, row, blanks, row_number + 1, formulas)
            element.clear()
            if stack:
                stack[-1].remove(element)
        elif tag == _T_ROW:
            repeated = _count(element.get(_A_ROWS_REPEATED))
            if keep and not full:
                if not row:
                    pending_blank += repeated
                else:
                    if row_number + pending_blank + 1 > MAX_ROWS:
                        full = True
                    else:
                        rows.extend([] for _ in range(pending_blank))
                        row_number += pending_blank
                        pending_blank = 0
                        for _ in range(min(repeated, MAX_REPEATED_ROWS, MAX_ROWS - row_number)):
                            rows.append(list(row))
                            row_number += 1
                            filled += 1
                        if filled > row_limit:
                            full = True
            else:
                row_number += repeated
            row = []
            element.clear()
            if stack:
                stack[-1].remove(element)
        elif tag == _T_TABLE:
            yield name, rows if keep else None, formulas
            rows, formulas = [], {}
            element.clear()
            if stack:
                stack[-1].remove(element)


def _count(text: str | None) -> int:
    try:
        return max(1, int(text)) if text else 1
    except ValueError:
        return 1


def _add_cell(
    cell: Element, row: list[object], blanks: list[int], row_number: int, formulas: dict[int, tuple[str, str]]
) -> None:
    """Append the cell's value (repeated) to ``row``; blank cells are only counted in
    ``blanks[0]`` until a value follows them, so trailing blanks (Gnumeric repeats
    one over the 16,000 columns left) cost nothing."""
    repeated = _count(cell.get(_A_COLS_REPEATED))
    column = len(row) + blanks[0]
    if column >= MAX_COLUMNS:
        return
    value = None if cell.tag == _T_COVERED else _value(cell)
    formula = cell.get(_A_FORMULA)
    if formula and row_number not in formulas:
        formulas[row_number] = (_cell_name(column, row_number), _shown_formula(formula))
    if value is None or value == "":
        blanks[0] += repeated
        return
    if blanks[0]:
        row.extend([None] * blanks[0])
        blanks[0] = 0
    row.extend([value] * min(repeated, MAX_COLUMNS - column))


def _cell_name(index: int, row_number: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row_number}"


def _shown_formula(formula: str) -> str:
    """``of:=SUM([.L2:.L51])`` as a person typed it: ``=SUM(L2:L51)``."""
    text = formula.split(":", 1)[1] if re.match(r"^[a-z]+:=", formula) else formula
    return re.sub(r"\[\.?([^\]]*)\]", lambda m: m.group(1).replace("$", "").replace(":.", ":").lstrip("."), text)


def _value(cell: Element) -> object:
    kind = cell.get(_A_VALUE_TYPE)
    try:
        if kind in ("float", "percentage", "currency"):
            number = float(cell.get(_A_VALUE, "nan"))
            return int(number) if number.is_integer() and abs(number) < 2**53 else number
        if kind == "date":
            return _date(cell.get(_A_DATE, ""))
        if kind == "boolean":
            return cell.get(_A_BOOLEAN, "").strip().lower() in ("true", "1")
        if kind == "string" and cell.get(_A_STRING) is not None:
            return cell.get(_A_STRING)
        if kind == "time":
            return _text(cell) or cell.get(_A_TIME)
    except ValueError:
        logger.debug("unreadable %s cell value", kind)
        return _text(cell) or None
    text = _text(cell)
    return text if text or kind == "string" else None


def _date(text: str) -> date | datetime:
    text = text.strip()
    if "T" in text:
        moment = datetime.fromisoformat(text.replace("Z", ""))
        return moment.replace(tzinfo=None)
    return date.fromisoformat(text)


def _text(cell: Element) -> str:
    """Paragraphs joined by line breaks, ``text:s``/``tab``/``line-break`` spelt out.

    Raw characters inside a paragraph are kept as they are, as python-calamine,
    LibreOffice and Gnumeric all do (this application wrote raw tabs before, and
    a raw CR as ``&#13;``), rather than collapsed as the ODF text model would.
    """
    return "\n".join(_inline(child) for child in cell if child.tag in (_X_P, _X_H))


def _inline(element: Element) -> str:
    parts: list[str] = []
    _walk(element, parts)
    return "".join(parts)


def _walk(element: Element, parts: list[str]) -> None:
    parts.append(element.text or "")
    for child in element:
        tag = child.tag
        if tag == _X_S:
            parts.append(" " * _count(child.get(_X_C)))
        elif tag == _X_TAB:
            parts.append("\t")
        elif tag == _X_BREAK:
            parts.append("\n")
        elif tag not in _NOT_VALUE:
            _walk(child, parts)
        parts.append(child.tail or "")
