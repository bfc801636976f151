"""A small .xlsb (Excel binary workbook) writer for tests, after [MS-XLSB].

No program on a Debian machine saves .xlsb (LibreOffice and Gnumeric only read it),
so the tests write their own: the records Excel writes for a workbook of plain
cells (inline strings, numbers, booleans, dates through a date number format) and,
on request, formula cells (BrtFmlaNum with a small formula), in a zip package laid
out as Excel lays it out.
"""

from __future__ import annotations

import struct
import zipfile
from datetime import date, datetime
from pathlib import Path

EPOCH = datetime(1899, 12, 30)
DATE_STYLE = 1  # index in the cell formats written below: dd/mm/yyyy


class Formula:
    """A formula cell: its cached value and ``=SUM``-like text (for the record's
    formula, a constant is enough: the reader only needs to see a formula)."""

    def __init__(self, value: float) -> None:
        self.value = value


def _varint(value: int, limit: int) -> bytes:
    out = bytearray()
    for _ in range(limit):
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            break
    return bytes(out)


def record(kind: int, data: bytes = b"") -> bytes:
    return _varint(kind, 2) + _varint(len(data), 4) + data


def wide(text: str) -> bytes:
    encoded = text.encode("utf-16-le")
    return struct.pack("<I", len(encoded) // 2) + encoded


def _cell(column: int, value: object) -> bytes:
    if value is None or value == "":
        return b""
    if isinstance(value, Formula):
        # BrtFmlaNum: cell, value, flags, then the formula: one PtgNum constant.
        rgce = b"\x1f" + struct.pack("<d", value.value)
        return record(0x09, struct.pack("<IIdH", column, 0, value.value, 0) + struct.pack("<I", len(rgce)) + rgce
                      + struct.pack("<I", 0))
    if isinstance(value, bool):
        return record(0x04, struct.pack("<IIB", column, 0, int(value)))
    if isinstance(value, datetime | date):
        moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
        serial = (moment - EPOCH).total_seconds() / 86_400
        return record(0x05, struct.pack("<IId", column, DATE_STYLE, serial))
    if isinstance(value, int | float):
        return record(0x05, struct.pack("<IId", column, 0, float(value)))
    return record(0x06, struct.pack("<II", column, 0) + wide(str(value)))


def _sheet(rows: list[list[object]]) -> bytes:
    width = max((len(r) for r in rows), default=1)
    parts = [record(0x81), record(0x94, struct.pack("<IIII", 0, max(len(rows) - 1, 0), 0, max(width - 1, 0))),
             record(0x91)]
    for number, row in enumerate(rows):
        parts.append(record(0x00, struct.pack("<IIHBBBI", number, 0, 300, 0, 0, 0, 0)))
        parts.extend(_cell(column, value) for column, value in enumerate(row))
    parts += [record(0x92), record(0x82)]
    return b"".join(parts)


def _workbook(names: list[str], hidden: set[str]) -> bytes:
    parts = [record(0x83), record(0x8F)]
    for index, name in enumerate(names, start=1):
        state = 2 if name in hidden else 0
        parts.append(record(0x9C, struct.pack("<II", state, index) + wide(f"rId{index}") + wide(name)))
    parts += [record(0x90), record(0x84)]
    return b"".join(parts)


def _styles() -> bytes:
    xf = struct.pack("<HH", 0, 0) + b"\x00" * 12
    date_xf = struct.pack("<HH", 0, 164) + b"\x00" * 12
    return b"".join([
        record(0x0296),  # BrtBeginStyleSheet
        record(0x0267, struct.pack("<I", 1)), record(0x2C, struct.pack("<H", 164) + wide("dd/mm/yyyy")),
        record(0x0268),
        record(0x0269, struct.pack("<I", 2)), record(0x2F, xf), record(0x2F, date_xf), record(0x026A),
        record(0x0297),
    ])


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.bin"/></Relationships>'
)


def write_xlsb(path: Path, sheets: dict[str, list[list[object]]], *, hidden: set[str] = frozenset()) -> Path:
    names = list(sheets)
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'worksheet" Target="worksheets/sheet{i}.bin"/>'
        for i in range(1, len(names) + 1)
    )
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.bin", _workbook(names, set(hidden)))
        archive.writestr(
            "xl/_rels/workbook.bin.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
            f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
        )
        archive.writestr("xl/styles.bin", _styles())
        for index, name in enumerate(names, start=1):
            archive.writestr(f"xl/worksheets/sheet{index}.bin", _sheet(sheets[name]))
    return path
