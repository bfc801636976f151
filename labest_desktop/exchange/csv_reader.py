"""CSV read in bounded memory, with its encoding told apart line by line.

Before, the whole file was read, decoded, then copied into a ``StringIO`` (four
bytes a character) and parsed: a 199 MB file of separators took 2.58 GB and 41 s,
and a file mixing UTF-8 and Windows-1252 (two colleagues' lines pasted together)
was decoded as Windows-1252 and ended in « no header row ».

Now a first pass over the bytes, 4 MB at a time, finds the encoding (UTF-8 with or
without BOM, else Windows-1252) and, when the bytes are UTF-8 in some places and
not in others, names the first line that is not; the second pass decodes as it
reads, one physical line at a time, each refused when longer than
``MAX_LINE_CHARS`` or wider than ``MAX_FIELDS``, and the whole file when it holds
more lines than any exchange file can. Memory stays that of one line and the rows
handed out (the import streams them).
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator
from pathlib import Path

from labest_desktop import messages
from labest_desktop.exchange.errors import (
    ExchangeFileError,
    NotASpreadsheetError,
    WorkbookTooLargeError,
)

CHUNK = 4 * 1024 * 1024
MAX_LINE_CHARS = 1_000_000  # one physical line; a quoted field may span several
MAX_FIELDS = 1_024  # the format uses about twenty columns
MAX_LINES = 250_000  # 100,000 rows, their blank lines and multi-line cells
# A valid UTF-8 sequence of two or three bytes: text that was written as UTF-8.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")


def detect_encoding(path: Path, name: str) -> str:
    """``utf-8-sig`` or ``cp1252``; refuses a file that is neither, or both."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines_before = 0
    saw_utf8 = False
    bad_line: int | None = None
    with path.open("rb") as handle:
        first = True
        while chunk := handle.read(CHUNK):
            if first and b"\x00" in chunk[:4096]:
                raise NotASpreadsheetError(file=name)
            first = False
            if bad_line is None:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    bad_line = lines_before + chunk.count(b"\n", 0, exc.start) + 1
            saw_utf8 = saw_utf8 or _UTF8_SEQUENCE.search(chunk) is not None
            lines_before += chunk.count(b"\n")
            if bad_line is not None and saw_utf8:
                break
        if bad_line is None:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                bad_line = lines_before + 1
    if bad_line is None:
        return "utf-8-sig"
    if saw_utf8:
        raise ExchangeFileError("exchange.file.mixed_encoding", file=name, line=bad_line)
    _check_cp1252(path, name)
    return "cp1252"


def _check_cp1252(path: Path, name: str) -> None:
    decoder = codecs.getincrementaldecoder("cp1252")()
    lines_before = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                line = lines_before + chunk.count(b"\n", 0, exc.start) + 1
                raise ExchangeFileError("exchange.file.bad_encoding_line", file=name, line=line) from None
            lines_before += chunk.count(b"\n")


def read_rows(path: Path, name: str) -> tuple[str, Iterator[list[str]]]:
    """The delimiter and the rows, read as they are consumed."""
    encoding = detect_encoding(path, name)
    with path.open("r", encoding=encoding, newline="") as handle:
        first_line = handle.readline(MAX_LINE_CHARS)
    delimiter = ";" if first_line.count(";") >= first_line.count(",") and ";" in first_line else ","
    return delimiter, _rows(path, name, encoding, delimiter)


def _rows(path: Path, name: str, encoding: str, delimiter: str) -> Iterator[list[str]]:
    with path.open("r", encoding=encoding, newline="") as handle:
        yield from csv.reader(_lines(handle, name, delimiter), delimiter=delimiter)


def _lines(handle, name: str, delimiter: str) -> Iterator[str]:
    number = 0
    quotes = 0  # odd: this line continues a quoted cell
    blank = delimiter + " \t\r\n"
    while line := handle.readline(MAX_LINE_CHARS):
        number += 1
        if number > MAX_LINES:
            raise WorkbookTooLargeError("exchange.file.csv_too_many_lines", file=name, limit=f"{MAX_LINES:,}".replace(",", "\u202f"))
        if len(line) >= MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            raise WorkbookTooLargeError("exchange.file.csv_long_line", file=name, line=number,
                                        limit=f"{MAX_LINE_CHARS:,}".replace(",", "\u202f"))
        if line.count(delimiter) >= MAX_FIELDS:
            raise WorkbookTooLargeError("exchange.file.csv_wide_line", file=name, line=number,
                                        limit=f"{MAX_FIELDS:,}".replace(",", "\u202f"))
        inside = quotes % 2
        quotes += line.count('"')
        if not inside and not line.strip(blank):
            yield "\n"  # a row of empty cells: the csv module need not make each one
        else:
            yield line


messages.register(
    {
        "exchange.file.mixed_encoding": (
            "Le fichier CSV « {file} » mélange deux encodages : il est en UTF-8, mais la ligne "
            "{line} ne l'est pas (sans doute Windows-1252). Enregistrez-le en « CSV UTF-8 » puis "
            "réessayez ; rien n'a été importé.",
            "The CSV file “{file}” mixes two encodings: it is UTF-8, but line {line} is not "
            "(probably Windows-1252). Save it as “CSV UTF-8” and try again; nothing was imported.",
        ),
        "exchange.file.bad_encoding_line": (
            "Le fichier CSV « {file} » n'est ni en UTF-8 ni en Windows-1252 (ligne {line}).",
            "The CSV file “{file}” is neither UTF-8 nor Windows-1252 (line {line}).",
        ),
        "exchange.file.csv_too_many_lines": (
            "Le fichier CSV « {file} » a plus de {limit} lignes : ce n'est pas un fichier "
            "d'échange ; rien n'a été importé.",
            "The CSV file “{file}” has more than {limit} lines: it is not an exchange file; "
            "nothing was imported.",
        ),
        "exchange.file.csv_long_line": (
            "La ligne {line} du fichier CSV « {file} » dépasse {limit} caractères : rien n'a été importé.",
            "Line {line} of the CSV file “{file}” is longer than {limit} characters: nothing was imported.",
        ),
        "exchange.file.csv_wide_line": (
            "La ligne {line} du fichier CSV « {file} » a plus de {limit} colonnes (le format "
            "en utilise une vingtaine) : rien n'a été importé.",
            "Line {line} of the CSV file “{file}” has more than {limit} columns (the format uses "
            "about twenty): nothing was imported.",
        ),
    }
)
