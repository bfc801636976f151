"""Dates before 1 March 1900 in an .xlsx that LibreOffice wrote.

Excel's serial numbers count a 29 February 1900 that never was: serial 1 is
1900-01-01 and no serial is negative. LibreOffice counts days from 1899-12-30
throughout, so when it saves an .xlsx it writes 1900-01-01 as 2 and 1850-03-01 as
-18201. python-calamine reads serials the Excel way: the first comes back a day
late, the second as a time of day (the date is lost). For a package whose
``docProps/app.xml`` names LibreOffice, the date-formatted cells holding a serial
below 61 are found in the sheet XML (a byte scan, as for formulas) and their dates
computed the LibreOffice way; the reader puts them in place of calamine's values.
Packages from other programs are not scanned (nothing to correct).
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime, timedelta

from labest_desktop.exchange.formula_cells import sheet_parts, xml_part

logger = logging.getLogger(__name__)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_EPOCH = datetime(1899, 12, 30)
_FIRST_SAFE_SERIAL = 61  # 1900-03-01: both conventions agree from here
_BUILTIN_DATES = set(range(14, 23)) | {45, 46, 47}
# A numeric cell whose value is negative or below 61 (sign, digits, fraction).
_SMALL_NUMBER = re.compile(rb'<c\s([^>]*)>\s*<v>(-[0-9][0-9.Ee+-]*|(?:[0-5]?[0-9]|60)(?:\.[0-9]+)?(?:E-[0-9]+)?)</v>')
_ATTRIBUTE = re.compile(rb'\b(r|s|t)="([^"]*)"')
_REF = re.compile(r"([A-Z]{1,3})(\d+)")
_CHUNK = 4 * 1024 * 1024
_OVERLAP = 4096

Corrections = dict[int, dict[int, date | datetime]]  # row number -> column index -> value


def written_by_libreoffice(archive: zipfile.ZipFile) -> bool:
    try:
        info = archive.getinfo("docProps/app.xml")
    except KeyError:
        return False
    if info.file_size > 64 * 1024:
        return False
    return b"LibreOffice" in archive.read(info)


def _date_styles(archive: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell formats (``s`` attribute) that show a date."""
    try:
        styles = xml_part(archive, "xl/styles.xml")
    except (KeyError, ValueError):
        return set()
    codes = {
        int(fmt.get("numFmtId", "-1")): fmt.get("formatCode", "")
        for fmt in styles.iter(f"{{{_MAIN}}}numFmt")
    }
    found: set[int] = set()
    cell_formats = next(styles.iter(f"{{{_MAIN}}}cellXfs"), None)
    for index, xf in enumerate(cell_formats if cell_formats is not None else ()):
        number = int(xf.get("numFmtId", "0"))
        if number in _BUILTIN_DATES or _is_date_code(codes.get(number, "")):
            found.add(index)
    return found


def _is_date_code(code: str) -> bool:
    """Day or year tokens outside quoted text, brackets and escapes."""
    plain = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code).lower()
    return "d" in plain or "y" in plain


def find_early_dates(archive: zipfile.ZipFile, wanted: Callable[[str], bool]) -> dict[str, Corrections]:
    """Dates LibreOffice wrote below serial 61, by sheet; ``{}`` for other programs."""
    if not written_by_libreoffice(archive):
        return {}
    styles = _date_styles(archive)
    if not styles:
        return {}
    found: dict[str, Corrections] = {}
    names = set(archive.namelist())
    for name, part in sheet_parts(archive).items():
        if wanted(name) and part in names:
            corrections = _scan(archive, part, styles)
            if corrections:
                found[name] = corrections
    return found


def _scan(archive: zipfile.ZipFile, part: str, styles: set[int]) -> Corrections:
    corrections: Corrections = {}
    carry = b""
    with archive.open(part) as member:
        while chunk := member.read(_CHUNK):
            data = carry + chunk
            end = 0
            for match in _SMALL_NUMBER.finditer(data):
                if match.end() == len(data):
                    break
                end = match.end()
                attributes = dict(_ATTRIBUTE.findall(match.group(1)))
                style = attributes.get(b"s")
                if style is None or not style.isdigit() or int(style) not in styles:
                    continue
                if attributes.get(b"t", b"n") != b"n":
                    continue
                ref = _REF.fullmatch(attributes.get(b"r", b"").decode("ascii", "replace"))
                if ref is None:
                    continue
                moment = _moment(float(match.group(2)))
                if moment is not None:
                    corrections.setdefault(int(ref.group(2)), {})[_column(ref.group(1))] = moment
            carry = data[max(end, len(data) - _OVERLAP):]
    return corrections


def _moment(serial: float) -> date | datetime | None:
    if serial >= _FIRST_SAFE_SERIAL or serial < -693_593:  # before year 1
        return None
    moment = _EPOCH + timedelta(milliseconds=round(serial * 86_400_000))
    return moment.date() if moment.time() == datetime.min.time() else moment


def _column(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1
