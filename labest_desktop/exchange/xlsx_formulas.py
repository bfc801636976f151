"""Where the formulas are in an .xlsx: python-calamine gives a formula cell's last
computed value, never the formula, so a total row typed under the table would
read as data. The sheet XML is scanned as a byte stream (no parse): a workbook
without formulas, like every export of this application, costs one decompression
of each sheet read. Only when a formula element turns up is its cell reference
taken from the text just before it.
"""

from __future__ import annotations

import logging
import posixpath
import re
import zipfile
from collections.abc import Callable
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring

logger = logging.getLogger(__name__)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f(?=[\s/>])([^>]*)>(?:([^<]*)</(?:[\w.-]+:)?f>)?")
_CELL_REF = re.compile(rb'<(?:[\w.-]+:)?c\s[^>]*?\br="([A-Z]{1,3})(\d+)"')
_CHUNK = 4 * 1024 * 1024
_OVERLAP = 4096
_SMALL_PART = 4 * 1024 * 1024  # workbook.xml and its rels are read whole up to this

Formulas = dict[int, tuple[str, str]]  # row number -> (cell such as "L52", formula)


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Zip member of each worksheet, by sheet name (``{}`` when not found)."""
    try:
        workbook = _xml(archive, "xl/workbook.xml")
        rels = _xml(archive, "xl/_rels/workbook.xml.rels")
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


def _xml(archive: zipfile.ZipFile, name: str) -> Element:
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
    with archive.open(part) as member:
        while chunk := member.read(_CHUNK):
            data = carry + chunk
            if inspect is not None:
                inspect(data)
            end = 0
            for match in _FORMULA.finditer(data):
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
