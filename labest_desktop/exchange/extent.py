"""What an .xlsx asks of its reader, checked before python-calamine sees it.

calamine builds each sheet as one dense table from its first to its last cell, and
gives every cell that points to a shared string its own copy of that string. So a
1.5 KB file with a cell at A1 and one at XFD1048576 asked for 512 GiB, and 1.7 MB
of cells all pointing to one 32 KB shared string asked for 21 GB; both pass every
zip-bomb check, since it is the reading that multiplies, not the decompression.

The checks read what the formula scan already decompresses (one pass over each
sheet read, C-level searches only: an export of this application pays a few
milliseconds at 100,000 rows):

* the sheet's declared dimension and every cell reference: no column beyond
  ``MAX_COLUMNS`` (the format uses about twenty) and no row beyond
  ``MAX_ROW_NUMBER`` (the row limit, with room for blank rows);
* the text shared strings would expand to: cells of type ``s`` times the longest
  shared string, counted exactly (by index) only when that bound is too high;
* the style table's size (every cell format calamine keeps).

The child process of :mod:`labest_desktop.exchange.guard` remains the backstop for
shapes not named here; these give the user the precise sentence.
"""

from __future__ import annotations

import re
import zipfile

from labest_desktop import messages
from labest_desktop.exchange.errors import WorkbookTooLargeError

MAX_COLUMNS = 256  # IV: Excel 97-2003's width; the format uses about twenty
MAX_COLUMN_NAME = "IV"
MAX_ROW_NUMBER = 200_000  # 100,000 rows of data with as many blank ones between
MAX_SHARED_EXPANSION = 1024 * 1024 * 1024  # bytes of text the shared strings may become
MAX_STYLES_BYTES = 16 * 1024 * 1024  # our own styles.xml: 4 KB; a large Excel one: 1 MB
_SHARED_STRINGS = "xl/sharedStrings.xml"
_STYLES = "xl/styles.xml"
_CHUNK = 4 * 1024 * 1024

# A cell reference (r="…") whose column comes after IV, or whose row is 200,000 or more.
# The pattern starts with its literal ``r="`` (a leading ``\b`` kept the regex engine
# from skipping ahead to it: 2.6 times slower over a sheet); the ``\b`` is checked on
# each match instead (:func:`_far_cell`), and matches are rare.
_FAR_CELL = re.compile(
    rb'r="(?:(?:[A-Z]{4,}|[A-Z]{3}|[J-Z][A-Z]|I[W-Z])[0-9]|[A-Z]{0,3}(?:[0-9]{7,}|[2-9][0-9]{5})")'
)
_REF = re.compile(rb'\br="([A-Z]*)([0-9]+)"')  # a row's r="…" has no column
_DIMENSION = re.compile(rb'<(?:[\w.-]+:)?dimension\s[^>]*?\bref="([A-Z]+)([0-9]+)(?::([A-Z]+)([0-9]+))?"')
_SHARED_CELL = b't="s"'
_SHARED_INDEX = re.compile(rb'\bt="s"[^>]*>\s*<(?:[\w.-]+:)?v>([0-9]+)<')
_SI = re.compile(rb"<(?:[\w.-]+:)?si\b")


def _far_cell(data: bytes) -> re.Match[bytes] | None:
    """The first far cell reference whose ``r`` starts a word (``\\br="…"``)."""
    for match in _FAR_CELL.finditer(data):
        start = match.start()
        if start == 0 or not _WORD_BYTE.match(data, start - 1):
            return match
    return None


_WORD_BYTE = re.compile(rb"\w")


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def check_package(archive: zipfile.ZipFile, file: str) -> SharedStrings:
    """Checks of the parts every sheet shares; returns the shared strings' sizes."""
    try:
        styles = archive.getinfo(_STYLES)
    except KeyError:
        styles = None
    if styles is not None and styles.file_size > MAX_STYLES_BYTES:
        raise WorkbookTooLargeError(
            "exchange.file.huge_styles", file=file, size=styles.file_size // (1024 * 1024),
            limit=MAX_STYLES_BYTES // (1024 * 1024),
        )
    return SharedStrings.read(archive)


class SharedStrings:
    """The length in bytes (markup included: an upper bound) of each shared string."""

    def __init__(self, lengths: list[int]) -> None:
        self.lengths = lengths
        self.longest = max(lengths, default=0)

    @classmethod
    def read(cls, archive: zipfile.ZipFile) -> SharedStrings:
        try:
            member = archive.open(_SHARED_STRINGS)
        except KeyError:
            return cls([])
        starts: list[int] = []
        offset = 0
        carry = b""
        with member:
            while chunk := member.read(_CHUNK):
                data = carry + chunk
                base = offset - len(carry)
                keep = min(len(data), 16)  # a tag cut at the chunk's end is seen again
                for match in _SI.finditer(data, 0, len(data) - keep):
                    starts.append(base + match.start())
                carry = data[len(data) - keep:]
                offset += len(chunk)
            base = offset - len(carry)
            starts.extend(base + m.start() for m in _SI.finditer(carry))
        starts.append(offset)
        return cls([b - a for a, b in zip(starts, starts[1:], strict=False)])


class SheetCheck:
    """Fed the chunks of one sheet's XML (overlapping by a few KB) in order."""

    def __init__(self, file: str, sheet: str, shared: SharedStrings) -> None:
        self.file = file
        self.sheet = sheet
        self.shared = shared
        self.first = True
        self.expansion = 0

    def __call__(self, data: bytes) -> None:
        if self.first:
            self.first = False
            dimension = _DIMENSION.search(data)
            if dimension:
                last_col, last_row = dimension.group(3) or dimension.group(1), dimension.group(4) or dimension.group(2)
                self._check_extent(last_col.decode(), int(last_row), declared=True)
        far = _far_cell(data)
        if far:
            ref = _REF.match(data, far.start())
            if ref:
                self._check_extent(ref.group(1).decode(), int(ref.group(2)), declared=False)
        if self.shared.longest:
            self._count_shared(data)

    def _check_extent(self, column: str, row: int, *, declared: bool) -> None:
        if column_number(column) > MAX_COLUMNS or row >= MAX_ROW_NUMBER:
            raise WorkbookTooLargeError(
                "exchange.file.sheet_extent_declared" if declared else "exchange.file.sheet_extent",
                file=self.file, sheet=self.sheet, columns=MAX_COLUMN_NAME,
                cell=f"{column}{row}" if column else messages.text("exchange.file.extent_row", row=row),
                rows=f"{MAX_ROW_NUMBER:,}".replace(",", "\u202f"),
            )

    def _count_shared(self, data: bytes) -> None:
        cells = data.count(_SHARED_CELL)
        if self.expansion + cells * self.shared.longest <= MAX_SHARED_EXPANSION:
            self.expansion += cells * self.shared.longest
            return
        # The cheap bound is too high: add up the strings these cells really point to.
        lengths = self.shared.lengths
        for index in _SHARED_INDEX.findall(data):
            position = int(index)
            if position < len(lengths):
                self.expansion += lengths[position]
        if self.expansion > MAX_SHARED_EXPANSION:
            raise WorkbookTooLargeError(
                "exchange.file.shared_strings_bomb", file=self.file, sheet=self.sheet,
                size=self.expansion // (1024 * 1024), limit=MAX_SHARED_EXPANSION // (1024 * 1024),
            )


messages.register(
    {
        "exchange.file.sheet_extent": (
            "La feuille « {sheet} » de « {file} » va jusqu'à {cell}, au-delà de ce que le "
            "format d'échange utilise (colonnes jusqu'à {columns}, lignes jusqu'à {rows}) : le "
            "fichier n'est pas lu.",
            "Sheet “{sheet}” of “{file}” reaches {cell}, beyond what the exchange format "
            "uses (columns up to {columns}, rows up to {rows}): the file is not read.",
        ),
        "exchange.file.sheet_extent_declared": (
            "La feuille « {sheet} » de « {file} » déclare s'étendre jusqu'à {cell}, au-delà de ce "
            "que le format d'échange utilise (colonnes jusqu'à {columns}, lignes jusqu'à {rows}) : "
            "le fichier n'est pas lu.",
            "Sheet “{sheet}” of “{file}” declares that it extends to {cell}, beyond what the "
            "exchange format uses (columns up to {columns}, rows up to {rows}): the file is not read.",
        ),
        "exchange.file.extent_row": ("la ligne {row}", "row {row}"),
        "exchange.file.shared_strings_bomb": (
            "Les cellules de la feuille « {sheet} » de « {file} » renvoient à des textes partagés "
            "qui, recopiés, feraient plus de {limit} Mo (au moins {size} Mo) : le fichier n'est pas lu.",
            "The cells of sheet “{sheet}” of “{file}” point to shared texts that, copied out, "
            "would take more than {limit} MB (at least {size} MB): the file is not read.",
        ),
        "exchange.file.huge_styles": (
            "La table des styles de « {file} » fait {size} Mo (au plus {limit} Mo) : le fichier "
            "n'est pas lu.",
            "The style table of “{file}” is {size} MB ({limit} MB at most): the file is not read.",
        ),
    }
)
