"""Where the formulas are in an .xlsx, .xlsb or .xls: python-calamine gives a
formula cell's last computed value, never the formula, so a total row typed under
the table would read as data.

An .xlsx sheet's XML is scanned as a byte stream (no parse): a workbook without
formulas, like every export of this application, costs one decompression of each
sheet read. Only when a formula element turns up is its cell reference taken from
the text just before it. An .xlsb sheet is a sequence of binary records [MS-XLSB];
formula cells are records of their own (BrtFmlaString, BrtFmlaNum, BrtFmlaBool,
BrtFmlaError), found by walking the record headers. An .xls keeps its sheets in
the OLE2 « Workbook » stream as BIFF8 records; a formula cell is a FORMULA record
(0x0006) of its sheet's substream. Binary formulas are not decoded (token
streams): the report names the cell.
"""

from __future__ import annotations

import logging
import posixpath
import re
import struct
import zipfile
from collections.abc import Callable, Iterator
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring

from labest_desktop.exchange.columns import column_letter

logger = logging.getLogger(__name__)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
# A formula element, <f> as Excel and LibreOffice write it, or <x:f> where the sheet's
# XML uses a prefix (a pattern starting with a literal is four times faster: the
# unprefixed one is the one used on an ordinary sheet).
_FORMULA_TEMPLATE = rb"<%sf(?=[\s/>])([^>]*)>(?:([^<]*)</%sf>)?"
_FORMULA = re.compile(_FORMULA_TEMPLATE % (b"", b""))
_ROOT_PREFIX = re.compile(rb"<([\w.-]+):worksheet[\s>]")
_CELL_REF = re.compile(rb'<(?:[\w.-]+:)?c\s[^>]*?\br="([A-Z]{1,3})(\d+)"')
_CHUNK = 4 * 1024 * 1024
_OVERLAP = 4096
_SMALL_PART = 4 * 1024 * 1024  # workbook.xml and its rels are read whole up to this

Formulas = dict[int, tuple[str, str]]  # row number -> (cell such as "L52", formula)


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Zip member of each worksheet, by sheet name (``{}`` when not found)."""
    try:
        workbook = xml_part(archive, "xl/workbook.xml")
        rels = xml_part(archive, "xl/_rels/workbook.xml.rels")
    except (KeyError, ValueError) as exc:
        logger.info("no sheet map: %s", exc)
        return {}
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in rels.iter(f"{{{_PKG_REL}}}Relationship")
    }
    parts: dict[str, str] = {}
    for sheet in workbook.iter(f"{{{_MAIN}}}sheet"):
        target = targets.get(sheet.get(f"{{{_REL}}}id"))
        if target:
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            parts[sheet.get("name", "")] = part
    return parts


def xml_part(archive: zipfile.ZipFile, name: str) -> Element:
    info = archive.getinfo(name)
    if info.file_size > _SMALL_PART:
        raise ValueError(f"{name} is {info.file_size} bytes")
    return fromstring(archive.read(info))


def find_formulas(
    archive: zipfile.ZipFile,
    wanted: Callable[[str], bool],
    inspect: Callable[[str], Callable[[bytes], None]] | None = None,
) -> dict[str, Formulas]:
    """First formula of each row of every sheet ``wanted(name)`` accepts;
    ``inspect(name)``, if given, is handed each chunk of that sheet's XML in the
    same pass (the checks of :mod:`labest_desktop.exchange.extent`)."""
    found: dict[str, Formulas] = {}
    names = set(archive.namelist())
    for name, part in sheet_parts(archive).items():
        if wanted(name) and part in names:
            formulas = _scan(archive, part, inspect(name) if inspect else None)
            if formulas:
                found[name] = formulas
    return found


def _scan(archive: zipfile.ZipFile, part: str, inspect: Callable[[bytes], None] | None = None) -> Formulas:
    formulas: Formulas = {}
    carry = b""
    pattern: re.Pattern[bytes] | None = None
    with archive.open(part) as member:
        while chunk := member.read(_CHUNK):
            data = carry + chunk
            if inspect is not None:
                inspect(data)
            if pattern is None:
                prefix = _ROOT_PREFIX.search(data[:4096])
                pattern = _FORMULA if prefix is None else re.compile(
                    _FORMULA_TEMPLATE % (re.escape(prefix.group(1) + b":"), re.escape(prefix.group(1) + b":"))
                )
            end = 0
            for match in pattern.finditer(data):
                if match.end() == len(data):
                    break  # may be cut: seen again with the next chunk
                refs = list(_CELL_REF.finditer(data, max(0, match.start() - _OVERLAP), match.start()))
                if refs:
                    cell = refs[-1]
                    row = int(cell.group(2))
                    text = (match.group(2) or b"").decode("utf-8", "replace")
                    formulas.setdefault(row, (cell.group(1).decode() + cell.group(2).decode(), _formula(text)))
                end = match.end()
            carry = data[max(end, len(data) - _OVERLAP):]
    return formulas


def _formula(text: str) -> str:
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    return "=" + text if text else "="


# --- .xlsb -------------------------------------------------------------------------

_XLSB_FORMULAS = frozenset({0x08, 0x09, 0x0A, 0x0B})
_ROW_HEADER = 0x00
_END_SHEET_DATA = 0x92
_BUNDLE_SHEET = 0x9C
_END_BUNDLE_SHEETS = 0x90
_XLSB_MAX_PART = 256 * 1024 * 1024  # the zip checks already bound the total


def _records(data: bytes) -> Iterator[tuple[int, int, int]]:
    """``(record type, data start, data end)`` of each record, [MS-XLSB] 2.1.4."""
    position, length = 0, len(data)
    while position < length:
        kind = data[position]
        position += 1
        if kind & 0x80:
            if position >= length:
                return
            kind = (kind & 0x7F) | ((data[position] & 0x7F) << 7)
            position += 1
        size = 0
        for shift in (0, 7, 14, 21):
            if position >= length:
                return
            byte = data[position]
            position += 1
            size |= (byte & 0x7F) << shift
            if not byte & 0x80:
                break
        yield kind, position, min(position + size, length)
        position += size


def _wide(data: bytes, start: int) -> tuple[str, int]:
    (count,) = struct.unpack_from("<I", data, start)
    end = start + 4 + 2 * count
    return data[start + 4 : end].decode("utf-16-le", "replace"), end


def xlsb_sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Zip member of each worksheet of an .xlsb, by sheet name."""
    try:
        rels = xml_part(archive, "xl/_rels/workbook.bin.rels")
        info = archive.getinfo("xl/workbook.bin")
        if info.file_size > _SMALL_PART:
            return {}
        data = archive.read(info)
    except (KeyError, ValueError) as exc:
        logger.info("no xlsb sheet map: %s", exc)
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{{{_PKG_REL}}}Relationship")}
    parts: dict[str, str] = {}
    for kind, start, end in _records(data):
        if kind == _END_BUNDLE_SHEETS:
            break
        if kind != _BUNDLE_SHEET or end - start < 16:
            continue
        try:
            relation, after = _wide(data, start + 8)
            name, _ = _wide(data, after)
        except struct.error:
            continue
        target = targets.get(relation)
        if target:
            parts[name] = posixpath.normpath(posixpath.join("xl", target))
    return parts


def find_xlsb_formulas(archive: zipfile.ZipFile, wanted: Callable[[str], bool]) -> dict[str, Formulas]:
    """First formula cell of each row of every sheet ``wanted(name)`` accepts."""
    found: dict[str, Formulas] = {}
    names = set(archive.namelist())
    for name, part in xlsb_sheet_parts(archive).items():
        if wanted(name) and part in names and archive.getinfo(part).file_size <= _XLSB_MAX_PART:
            formulas = _scan_xlsb(archive.read(part))
            if formulas:
                found[name] = formulas
    return found


def _scan_xlsb(data: bytes) -> Formulas:
    formulas: Formulas = {}
    row = 0
    for kind, start, end in _records(data):
        if kind == _ROW_HEADER and end - start >= 4:
            (row,) = struct.unpack_from("<I", data, start)
        elif kind in _XLSB_FORMULAS and end - start >= 4 and row + 1 not in formulas:
            (column,) = struct.unpack_from("<I", data, start)
            formulas[row + 1] = (f"{column_letter(column)}{row + 1}", "")
        elif kind == _END_SHEET_DATA:
            break
    return formulas


# --- .xls (BIFF8 in an OLE2 container) ----------------------------------------------

_BIFF_FORMULA = 0x0006
_BIFF_EOF = 0x000A
_BIFF_BOUNDSHEET = 0x0085
_BIFF_FILEPASS = 0x002F
_XLS_MAX_STREAM = 256 * 1024 * 1024


def _biff_records(data: bytes, start: int = 0) -> Iterator[tuple[int, int, int]]:
    """``(record type, data start, data end)`` from ``start``: 2-byte type, 2-byte size."""
    position, length = start, len(data)
    while position + 4 <= length:
        kind, size = struct.unpack_from("<HH", data, position)
        position += 4
        yield kind, position, min(position + size, length)
        position += size


def _sheet_name(data: bytes, start: int, end: int) -> str:
    """ShortXLUnicodeString: count, a flag (UTF-16 or compressed Latin-1), chars."""
    count, high = data[start], data[start + 1] & 0x01
    body = data[start + 2 : end]
    return body[: count * 2].decode("utf-16-le", "replace") if high else body[:count].decode("latin-1")


def find_xls_formulas(path, wanted: Callable[[str], bool]) -> dict[str, Formulas]:
    """First formula cell of each row of every sheet ``wanted(name)`` accepts;
    ``{}`` when the stream cannot be read (calamine then says what is wrong)."""
    try:
        import olefile  # only .xls files need it
    except ImportError:  # a checkout whose environment predates the dependency
        logger.warning("olefile is not installed: formula rows of .xls files are not recognised")
        return {}
    try:
        with olefile.OleFileIO(str(path)) as container:
            stream = next((n for n in ("Workbook", "Book") if container.exists(n)), None)
            if stream is None or container.get_size(stream) > _XLS_MAX_STREAM:
                return {}
            data = container.openstream(stream).read()
    except (OSError, ValueError, struct.error) as exc:  # olefile's errors derive from these
        logger.info("no xls formula scan: %s", exc)
        return {}
    sheets: list[tuple[str, int]] = []
    for kind, start, end in _biff_records(data):
        if kind == _BIFF_FILEPASS:
            return {}  # encrypted: nothing to read here
        if kind == _BIFF_BOUNDSHEET and end - start >= 8 and data[start + 5] == 0:  # a worksheet
            (offset,) = struct.unpack_from("<I", data, start)
            sheets.append((_sheet_name(data, start + 6, end), offset))
        elif kind == _BIFF_EOF:
            break
    found: dict[str, Formulas] = {}
    for name, offset in sheets:
        if not wanted(name) or offset >= len(data):
            continue
        formulas: Formulas = {}
        for kind, start, end in _biff_records(data, offset):
            if kind == _BIFF_FORMULA and end - start >= 4:
                row, column = struct.unpack_from("<HH", data, start)
                formulas.setdefault(row + 1, (f"{column_letter(column)}{row + 1}", ""))
            elif kind == _BIFF_EOF:
                break
        if formulas:
            found[name] = formulas
    return found
