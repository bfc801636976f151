"""Small hostile files that declare huge things, built part by part.

Each workbook is a few KB to a few MB on disk; what it would cost a naive reader is
in its docstring. Nothing here writes a large file but :func:`long_csv` (90 MB of
ordinary rows: real work for the reader's time limit).
"""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "{extra}</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Projets" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/>{extra}</Relationships>'
)
_SHEET = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dimension}'
    "<sheetData>{rows}</sheetData></worksheet>"
)
_HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Référence</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Titre</t></is></c></row>'
)


def workbook(path: Path, rows: str, *, dimension: str = "", shared: list[str] | None = None,
             styles: str | None = None) -> Path:
    """A minimal .xlsx whose only sheet, « Projets », holds ``rows`` (XML)."""
    types_extra = rels_extra = ""
    if shared is not None:
        types_extra += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
        rels_extra += ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/'
                       '2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
    if styles is not None:
        types_extra += ('<Override PartName="/xl/styles.xml" ContentType="application/'
                        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>')
        rels_extra += ('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/'
                       '2006/relationships/styles" Target="styles.xml"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES.format(extra=types_extra))
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS.format(extra=rels_extra))
        sheet_dimension = f'<dimension ref="{dimension}"/>' if dimension else ""
        archive.writestr("xl/worksheets/sheet1.xml", _SHEET.format(dimension=sheet_dimension, rows=rows))
        if shared is not None:
            items = "".join(f"<si><t>{text}</t></si>" for text in shared)
            archive.writestr(
                "xl/sharedStrings.xml",
                '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                f'spreadsheetml/2006/main" count="{len(shared)}" uniqueCount="{len(shared)}">{items}</sst>',
            )
        if styles is not None:
            archive.writestr("xl/styles.xml", styles)
    return path


def sparse_extent(path: Path) -> Path:
    """1.5 KB: a cell at A1 and one at XFD1048576 (512 GiB as one dense table)."""
    return workbook(path, _HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')


def declared_extent(path: Path) -> Path:
    """Two cells, and a dimension that says A1:XFD1048576."""
    return workbook(path, _HEADER_ROW, dimension="A1:XFD1048576")


def far_rows(path: Path) -> Path:
    """Within the columns, a cell at row 900,000 (a dense table of 900,000 rows)."""
    return workbook(path, _HEADER_ROW + '<row r="900000"><c r="B900000"><v>1</v></c></row>')


def sparse_within_limits(path: Path) -> Path:
    """1.3 KB, inside every check (a cell at IV199999: columns to IV, rows below
    200,000), yet a dense table of 199,999 × 256 cells: about 1.6 GB in calamine."""
    return workbook(path, _HEADER_ROW + '<row r="199999"><c r="IV199999"><v>1</v></c></row>')


def long_csv(path: Path) -> Path:
    """About 90 MB of ordinary rows (99,000 × 100 short fields), within every size
    limit: a few seconds of processor time in the reading process."""
    # Project rows under a real header: however the reader parses them (here or in
    # its own process), it reads every line; a file without a header would be
    # refused as soon as it is drained, which may take less than the limit.
    line = "Projet;Idéation;Actif;" + ";".join(f"valeur {i}" for i in range(97)) + "\n"
    with open(path, "w", encoding="utf-8") as out:
        out.write("Titre;Étape;Statut\n")
        for _ in range(99):
            out.write(line * 1000)
    return path


def shared_string_amplification(path: Path, *, rows: int = 40, columns: int = 200) -> Path:
    """``rows`` × ``columns`` cells all pointing to one 512 KB shared string: 4 GB of
    copies (the issue's file: 40 × 16,384 cells on one 32 KB string, 21 GB)."""
    cells = []
    for r in range(2, rows + 2):
        row = "".join(f'<c r="{_column(c)}{r}" t="s"><v>0</v></c>' for c in range(1, columns + 1))
        cells.append(f'<row r="{r}">{row}</row>')
    text = "".join(f"x{i % 977:03d}" for i in range(512 * 1024 // 4))
    return workbook(path, _HEADER_ROW + "".join(cells), shared=[text])


def huge_style_table(path: Path, entries: int = 450_000) -> Path:
    """A styles.xml of about 23 MB of cell formats (deflated to a few MB)."""
    xfs = "".join(f'<xf numFmtId="{i % 163}" fontId="{i % 7}" fillId="0" borderId="{i % 5}"/>'
                  for i in range(entries))
    styles = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/'
              f'spreadsheetml/2006/main"><cellXfs count="{entries}">{xfs}</cellXfs></styleSheet>')
    return workbook(path, _HEADER_ROW, styles=styles)


def deep_xml(path: Path, depth: int = 120_000) -> Path:
    """A cell whose inline string nests ``depth`` elements (XML parsers that recurse
    run out of stack); under 1 MB, so the zip checks let it through to the parser."""
    nested = "<r>" * depth + "x" + "</r>" * depth
    return workbook(path, _HEADER_ROW + f'<row r="2"><c r="B2" t="inlineStr"><is>{nested}</is></c></row>')


def _column(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- SQLite -------------------------------------------------------------------------


def huge_page_count(source: Path, path: Path, pages: int = 2**31 - 2) -> Path:
    """A copy of a genuine database whose header declares ``pages`` pages (terabytes),
    with the change counter matching so the size is believed."""
    data = bytearray(source.read_bytes())
    data[28:32] = pages.to_bytes(4, "big")
    data[92:96] = data[24:28]
    path.write_bytes(bytes(data))
    return path


def with_statements(source: Path, path: Path, *statements: str) -> Path:
    """A copy of ``source`` with ``statements`` run on it (triggers, views, columns)."""
    path.write_bytes(source.read_bytes())
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()
    return path
