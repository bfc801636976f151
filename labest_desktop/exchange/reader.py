"""Open an exchange file and hand back its sheets as rows of raw cell values.

Everything that can go wrong with a file a stranger sent is checked here, before
any parser sees it, and ends as one :class:`ExchangeFileError` naming the file:
the container is sniffed from its first bytes (not trusted from the extension),
zip archives are checked for decompression bombs through their central directory
and for DTD/entity declarations in every XML member, encrypted workbooks are
recognised by their OLE2 container. Only then does python-calamine (which never
runs macros and keeps nothing of them) read the cells: .xlsx/.xlsm, .xlsb, Excel
97-2003 .xls and .ods. An .ods that python-calamine cannot read, or would read
wrongly (tabs and line breaks written as elements), is read by the tolerant
parser of :mod:`labest_desktop.exchange.ods_reader`. CSV goes through the csv
module. Formula cells are located apart (calamine gives only their value) so that
a total row is never taken for a project.

The ``Projets`` sheet can be handed back as a stream of rows rather than a list
(``stream_projects=True``): at 100,000 rows the lists of raw cells weigh more than
the records parsed from them, so the import parses each row as it comes out of
calamine or the csv module and drops it. Every guard still runs before the first
row is handed out, in the same order as for lists (see :func:`_check_row_count`).
"""

from __future__ import annotations

import codecs
import csv
import logging
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine

from labest_desktop.exchange import csv_reader, extent
from labest_desktop.exchange.columns import (
    EVENTS_SHEET,
    HEADER_SEARCH_ROWS,
    META_SHEET,
    PARTNERS_SHEET,
    PROJECTS_SHEET,
    SheetSpec,
    sheet_matches,
)
from labest_desktop.exchange.early_dates import Corrections, find_early_dates
from labest_desktop.exchange.errors import (
    EncryptedWorkbookError,
    ExchangeFileError,
    NotASpreadsheetError,
    UnsafeWorkbookError,
    WorkbookTooLargeError,
)
from labest_desktop.exchange.formula_cells import (
    Formulas,
    find_formulas,
    find_xls_formulas,
    find_xlsb_formulas,
)
from labest_desktop.exchange.ods_reader import (
    OdsSyntaxError,
    calamine_would_miss,
    has_formulas,
    read_ods,
)

logger = logging.getLogger(__name__)

MAX_DATA_ROWS = 100_000
MAX_FILE_BYTES = 200 * 1024 * 1024
# Our own 100,000-project .ods holds 250 MB of content.xml (ODF is verbose); a
# LibreOffice re-save is of the same order. Above twice that, refuse.
MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
MAX_RATIO = 100  # above this on a large member, a zip member is treated as a bomb
RATIO_MIN_MEMBER_BYTES = 1024 * 1024  # small members (styles, shared strings of a
# tiny file) legitimately compress 200:1; they cannot hurt
MAX_ZIP_MEMBERS = 10_000
XML_PROLOG_SCAN = 64 * 1024
# Rows kept per sheet: data, the header and up to ten title rows, plus one so
# that "too many" can be told from "exactly the limit".
MAX_SHEET_ROWS = MAX_DATA_ROWS + HEADER_SEARCH_ROWS + 1
ROW_LIMIT_TEXT = "100 000"

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_ROOT_ELEMENT = re.compile(rb"<[A-Za-z_]")
_FORBIDDEN_DECL = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
# OLE2 directory entries spell stream names in UTF-16-LE: an encrypted OOXML
# package, a Word document, an Excel 97-2003 workbook (BIFF8 "Workbook", BIFF5 "Book").
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_XLS_STREAMS = ("Workbook".encode("utf-16-le"), "Book\0".encode("utf-16-le"))


Rows = Sequence[list[object]] | Iterator[list[object]]
"""A sheet's rows: a list, or (a streamed ``Projets`` sheet) an iterator read once."""


@dataclass
class RawWorkbook:
    """Sheets by their name in the file, rows from row 1 and cells from column A."""

    file: str
    sheet_names: list[str]
    sheets: dict[str, Rows]
    meta: dict[str, str] = field(default_factory=dict)
    format: str = "xlsx"  # xlsx, xlsb, xls, ods or csv
    # First formula of each row, by sheet: {sheet: {row: ("L52", "=SUM(L2:L51)")}}.
    # Not known for CSV (values only).
    formulas: dict[str, Formulas] = field(default_factory=dict)
    # Whether the streamed sheet's next rows are already waiting to be taken (read in
    # another process that is ahead of the caller); never, when read here.
    rows_waiting: Callable[[], bool] = lambda: False

    def find(self, spec: SheetSpec) -> tuple[str, Rows] | None:
        """The sheet a spec names, under any of its names, case or accents."""
        for name in self.sheet_names:
            if sheet_matches(name, spec) and name in self.sheets:
                return name, self.sheets[name]
        return None


# ``stream_projects=PARSED``: the streamed ``Projets`` sheet is handed out parsed, as
# the plain items of :mod:`labest_desktop.exchange.parsed_stream`.
PARSED = "parsed"


def read_workbook(
    path: str | Path, *, stream_projects: bool | str = False, meanwhile: Callable[[Callable[[], bool]], object] | None = None
) -> RawWorkbook:
    """:func:`read_workbook_here` in a child process with memory and time limits
    (:mod:`labest_desktop.exchange.guard`): a parser crash or a file that asks for
    too much ends as an ``ExchangeFileError``, never in this process. ``meanwhile``
    runs here while the child reads (see ``guard.read_workbook``)."""
    from labest_desktop.exchange import guard

    return guard.read_workbook(path, stream_projects=stream_projects, meanwhile=meanwhile)


def start_reading(path: str | Path, *, stream_projects: bool | str = False):
    """:func:`read_workbook`'s child process started now, its answer taken later
    (``guard.PendingRead.result``)."""
    from labest_desktop.exchange import guard

    return guard.start_reading(path, stream_projects=stream_projects)


def read_workbook_here(path: str | Path, *, stream_projects: bool | str = False) -> RawWorkbook:
    """Every sheet the import reads, as raw rows; raises only ``ExchangeFileError``.

    With ``stream_projects``, the ``Projets`` sheet's rows are an iterator to read
    once, while the parse goes; reading it may still raise ``ExchangeFileError``
    (a CSV line the csv module refuses, more rows than allowed), never anything
    else. The other sheets are lists as without it. With ``PARSED``, that iterator
    gives the sheet parsed (:func:`labest_desktop.exchange.parsed_stream.parsed_items`),
    parsing as it is read.
    """
    path = Path(path)
    name = path.name
    try:
        book = _read(path, name, bool(stream_projects))
    except ExchangeFileError:
        raise
    except (OSError, MemoryError, UnicodeError, csv.Error) as exc:
        raise _unreadable(path, name, exc) from None
    if stream_projects == PARSED:
        _parse_streamed(book)
    return book


def _parse_streamed(book: RawWorkbook) -> None:
    from labest_desktop.exchange.parsed_stream import parsed_items
    from labest_desktop.exchange.sheet_parser import SheetOptions

    for name, rows in book.sheets.items():
        if not isinstance(rows, list):
            options = SheetOptions(book.formulas.get(name, {}), book.format == "xls")
            book.sheets[name] = parsed_items(rows, sheet=name, file=book.file, options=options)


def _unreadable(path: Path, name: str, exc: BaseException) -> ExchangeFileError:
    logger.warning("could not read %s: %s", path, exc)
    return ExchangeFileError("exchange.file.unreadable", file=name)


def _read(path: Path, name: str, stream_projects: bool = False) -> RawWorkbook:
    if not path.is_file():
        raise ExchangeFileError("exchange.file.missing", file=name)
    size = path.stat().st_size
    if size == 0:
        raise ExchangeFileError("exchange.file.empty", file=name)
    if size > MAX_FILE_BYTES:
        raise WorkbookTooLargeError(
            file=name, detail=f"{size // (1024 * 1024)} Mo, {MAX_FILE_BYTES // (1024 * 1024)} Mo au plus"
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE2_MAGIC):
        _check_ole2(path, name)
        return _read_with_calamine(path, name, "xls", stream_projects, find_xls_formulas(path, _is_read_sheet))
    if head[:4] in ZIP_MAGICS:
        kind = _check_zip(path, name)
        if kind == "ods":
            return _read_ods(path, name, stream_projects)
        formulas, early_dates = _zip_scan(path, name, kind)
        return _read_with_calamine(path, name, kind, stream_projects, formulas, early_dates)
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        return _read_csv(path, name, stream_projects)
    raise NotASpreadsheetError(file=name)


def _check_ole2(path: Path, name: str) -> None:
    """An OLE2 container is read only when it holds an Excel 97-2003 workbook.

    It may also hold an encrypted OOXML package (refused as encrypted) or a Word
    document. An .xls protected by a password is recognised by calamine itself.
    """
    overlap = len(_ENCRYPTED_STREAM)
    tail = b""
    workbook = word = False
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            window = tail + chunk
            if _ENCRYPTED_STREAM in window:
                raise EncryptedWorkbookError(file=name)
            workbook = workbook or any(stream in window for stream in _XLS_STREAMS)
            word = word or _WORD_STREAM in window
            tail = chunk[-overlap:]
    if word and not workbook or path.suffix.lower() == ".doc":
        raise ExchangeFileError("exchange.file.word_document", file=name)
    if not workbook:
        raise NotASpreadsheetError(file=name)


def _check_zip(path: Path, name: str) -> str:
    """Kind of package (``xlsx`` or ``ods``) once the archive is known to be safe."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            kind = _package_kind(archive, infos, name)
            _check_sizes(infos, name)
            for info in infos:
                if info.flag_bits & 0x1:
                    raise EncryptedWorkbookError(file=name)
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    _check_xml_member(archive, info, name)
            return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError) as exc:
        logger.info("bad zip %s: %s", path, exc)
        raise ExchangeFileError("exchange.file.corrupt_zip", file=name) from None
    except (OSError, RuntimeError) as exc:  # zlib.error is an Exception, caught below
        logger.info("bad zip %s: %s", path, exc)
        raise ExchangeFileError("exchange.file.corrupt_zip", file=name) from None
    except ExchangeFileError:
        raise
    except Exception as exc:  # zlib.error and kin from a damaged deflate stream
        logger.info("bad zip member in %s: %s", path, exc)
        raise ExchangeFileError("exchange.file.corrupt_zip", file=name) from None


def _package_kind(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> str:
    names = {info.filename for info in infos}
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "mimetype" in names:
        mimetype = archive.open("mimetype").read(200).strip()
        if mimetype == ODS_MIMETYPE:
            return "ods"
        if b"opendocument.text" in mimetype:
            raise ExchangeFileError("exchange.file.word_document", file=name)
        raise ExchangeFileError("exchange.file.other_office_document", file=name, kind="OpenDocument")
    if "word/document.xml" in names:
        raise ExchangeFileError("exchange.file.word_document", file=name)
    if any(n.startswith("ppt/") for n in names):
        raise ExchangeFileError("exchange.file.other_office_document", file=name, kind="PowerPoint")
    raise NotASpreadsheetError(file=name)


def _check_sizes(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse a decompression bomb from the central directory alone.

    The declared sizes are what a well-behaved inflater stops at; a member that
    lies about its size is caught by zipfile itself when read (it checks the
    length and the CRC), and calamine reads the same members.
    """
    if len(infos) > MAX_ZIP_MEMBERS:
        raise UnsafeWorkbookError("exchange.file.zip_bomb", file=name, detail=f"{len(infos)} éléments")
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_UNCOMPRESSED_BYTES:
            raise UnsafeWorkbookError(
                "exchange.file.zip_bomb",
                file=name,
                detail=f"plus de {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} Mo une fois décompressé",
            )
        if info.file_size >= RATIO_MIN_MEMBER_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnsafeWorkbookError(
                "exchange.file.zip_bomb",
                file=name,
                detail=f"taux de compression de {info.file_size // max(info.compress_size, 1)} pour 1",
            )


def _check_xml_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """No DTD, no entity: they can only serve entity expansion or external fetches.

    A declaration must come before the root element, so reading the prolog is
    enough; a prolog longer than the scan window is itself refused.
    """
    with archive.open(info) as member:
        head = member.read(XML_PROLOG_SCAN)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    root = _ROOT_ELEMENT.search(head)
    prolog = head[: root.start()] if root else head
    if _FORBIDDEN_DECL.search(prolog) or (root is None and len(head) >= XML_PROLOG_SCAN):
        raise UnsafeWorkbookError(file=name)


def _zip_scan(path: Path, name: str, kind: str) -> tuple[dict[str, Formulas], dict[str, Corrections]]:
    """What calamine does not tell: formula cells and LibreOffice's early dates; and,
    for an .xlsx, in the same pass the checks of what the file would ask of calamine
    (:mod:`labest_desktop.exchange.extent`)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if kind == "xlsb":
                return find_xlsb_formulas(archive, _is_read_sheet), {}
            shared = extent.check_package(archive, name)
            formulas = find_formulas(archive, _is_read_sheet, lambda sheet: extent.SheetCheck(name, sheet, shared))
            return formulas, find_early_dates(archive, _is_read_sheet)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
        logger.info("bad zip %s: %s", path, exc)
        raise ExchangeFileError("exchange.file.corrupt_zip", file=name) from None
    except ExchangeFileError:
        raise
    except Exception as exc:  # zlib.error from a damaged deflate stream
        logger.info("bad zip member in %s: %s", path, exc)
        raise ExchangeFileError("exchange.file.corrupt_zip", file=name) from None


def _read_ods(path: Path, name: str, stream_projects: bool) -> RawWorkbook:
    """python-calamine when it reads the file right, else the tolerant parser.

    Formulas are looked for only when the file holds some: an export of this
    application or a plain LibreOffice save is read once.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            if calamine_would_miss(archive):
                return _read_ods_tolerant(path, name)
            formulas = has_formulas(archive)
    except ExchangeFileError:
        raise
    except Exception as exc:  # zlib.error and kin, as in _check_zip
        logger.info("bad zip member in %s: %s", path, exc)
        raise ExchangeFileError("exchange.file.corrupt_zip", file=name) from None
    if formulas:
        return _read_ods_tolerant(path, name)
    try:
        return _read_with_calamine(path, name, "ods", stream_projects)
    except EncryptedWorkbookError:
        raise
    except ExchangeFileError as exc:
        if exc.key != "exchange.file.corrupt_workbook":
            raise
        logger.info("calamine could not read %s (%s): reading it with the tolerant parser", name, exc)
        return _read_ods_tolerant(path, name)


def _read_ods_tolerant(path: Path, name: str) -> RawWorkbook:
    try:
        with zipfile.ZipFile(path) as archive:
            content = read_ods(archive, _is_read_sheet, MAX_SHEET_ROWS)
    except OdsSyntaxError as exc:
        logger.warning("could not read %s: %s", path, exc)
        raise ExchangeFileError("exchange.file.corrupt_workbook", file=name, detail=str(exc)) from None
    except KeyError:  # no content.xml
        raise ExchangeFileError("exchange.file.corrupt_workbook", file=name, detail="content.xml absent") from None
    sheets: dict[str, Rows] = {n: _bounded_rows(rows, name, n) for n, rows in content.sheets.items()}
    meta_rows = next((rows for n, rows in sheets.items() if n.strip().lower() == META_SHEET), [])
    return RawWorkbook(name, content.sheet_names, sheets, read_meta(meta_rows), "ods", content.formulas)  # type: ignore[arg-type]


def _read_with_calamine(
    path: Path,
    name: str,
    kind: str,
    stream_projects: bool = False,
    formulas: dict[str, Formulas] | None = None,
    early_dates: dict[str, Corrections] | None = None,
) -> RawWorkbook:
    try:
        with path.open("rb") as handle:
            # from_filelike sniffs the content, so an .ods renamed .xlsx still reads.
            workbook = python_calamine.CalamineWorkbook.from_filelike(handle)
        try:
            sheet_names = list(workbook.sheet_names)
            wanted = [n for n in sheet_names if _is_read_sheet(n)]
            streamed = _streamed_sheet(wanted) if stream_projects else None
            sheets: dict[str, Rows] = {}
            for n in wanted:
                sheet = workbook.get_sheet_by_name(n)
                fixes = (early_dates or {}).get(n)
                if n == streamed:
                    # The sheet's cells stay in calamine (a loaded sheet outlives
                    # the closed workbook) until its last row has been handed out.
                    _check_row_count(sheet, name, n)
                    stream = _stream_sheet(sheet, path, name, n)
                    sheets[n] = _corrected(stream, fixes) if fixes else stream
                else:
                    rows = _sheet_rows(sheet, name, n)
                    sheets[n] = list(_corrected(iter(rows), fixes)) if fixes else rows
        finally:
            workbook.close()
    except ExchangeFileError:
        raise
    except python_calamine.PasswordError:
        raise EncryptedWorkbookError(file=name) from None
    except Exception as exc:
        # calamine reports damage through several exception types (and a Rust panic
        # as a BaseException subclass is not caught here: it would be a bug there).
        raise _corrupt(path, name, exc) from None
    meta_rows = next((rows for n, rows in sheets.items() if n.strip().lower() == META_SHEET), [])
    return RawWorkbook(name, sheet_names, sheets, read_meta(meta_rows), kind, formulas or {})  # type: ignore[arg-type]


def _corrected(rows: Iterator[list[object]], fixes: Corrections) -> Iterator[list[object]]:
    """The rows with the cells of ``fixes`` (row number -> column -> value) replaced."""
    for number, row in enumerate(rows, start=1):
        replaced = fixes.get(number)
        if replaced:
            row = list(row)
            for column, value in replaced.items():
                if column >= len(row):
                    row.extend([""] * (column + 1 - len(row)))
                row[column] = value
        yield row


def _corrupt(path: Path, name: str, exc: Exception) -> ExchangeFileError:
    logger.warning("calamine could not read %s: %s", path, exc)
    detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    return ExchangeFileError("exchange.file.corrupt_workbook", file=name, detail=detail)


def _streamed_sheet(wanted: list[str]) -> str | None:
    """The sheet ``RawWorkbook.find(PROJECTS_SHEET)`` will return, unless it is also
    read as another sheet (it could then not be read twice)."""
    for n in wanted:
        if sheet_matches(n, PROJECTS_SHEET):
            others = (EVENTS_SHEET, PARTNERS_SHEET)
            if n.strip().lower() == META_SHEET or any(sheet_matches(n, spec) for spec in others):
                return None
            return n
    return None


def _check_row_count(sheet: python_calamine.CalamineSheet, file: str, sheet_name: str) -> None:
    """Refuse a sheet with too many filled rows now, as a list would have been.

    Rows come out of calamine from row 1 to the last used one, so a sheet that
    ends within the limit cannot break it and costs nothing here; a longer one
    (blank rows, or too many rows) is counted once without keeping its rows. This
    keeps the order of the errors (this sheet's size before the next sheet's
    damage, the format version, or a missing header) that lists gave.
    """
    end = sheet.end
    if end is None or end[0] < MAX_SHEET_ROWS:
        return
    for _ in _bounded_stream(sheet.iter_rows(), file, sheet_name):
        pass


def _stream_sheet(sheet: python_calamine.CalamineSheet, path: Path, file: str, sheet_name: str) -> Iterator[list[object]]:
    """The rows :func:`_sheet_rows` would give, one at a time."""
    _, first_col = sheet.start if sheet.start else (0, 0)
    pad: list[object] = [""] * first_col
    rows = sheet.iter_rows()

    def stream() -> Iterator[list[object]]:
        try:
            yield from _bounded_stream((pad + row for row in rows) if first_col else rows, file, sheet_name)
        except ExchangeFileError:
            raise
        except python_calamine.PasswordError:
            raise EncryptedWorkbookError(file=file) from None
        except Exception as exc:
            raise _corrupt(path, file, exc) from None

    return stream()


def _is_read_sheet(sheet_name: str) -> bool:
    if sheet_name.strip().lower() == META_SHEET:
        return True
    return any(sheet_matches(sheet_name, spec) for spec in (PROJECTS_SHEET, EVENTS_SHEET, PARTNERS_SHEET))


def _sheet_rows(sheet: python_calamine.CalamineSheet, file: str, sheet_name: str) -> list[list[object]]:
    """Rows from row 1, each starting at column A (calamine starts at the first used one)."""
    _, first_col = sheet.start if sheet.start else (0, 0)
    pad: list[object] = [""] * first_col
    return _bounded_rows((pad + row if first_col else row for row in sheet.iter_rows()), file, sheet_name)


def _bounded_rows(rows: Iterable[list[object]], file: str, sheet_name: str) -> list[list[object]]:
    """The rows, refused as soon as more are filled than a sheet may hold.

    Blank rows between data rows are allowed and kept (row numbers must stay those
    the user sees); the file-size limits bound how many there can be.
    """
    return list(_bounded_stream(rows, file, sheet_name))


def _bounded_stream(rows: Iterable[list[object]], file: str, sheet_name: str) -> Iterator[list[object]]:
    """:func:`_bounded_rows` one row at a time."""
    filled = 0
    for row in rows:
        if not blank_row(row):
            filled += 1
            if filled > MAX_SHEET_ROWS:
                raise WorkbookTooLargeError(
                    "exchange.file.too_many_rows", file=file, sheet=sheet_name, limit=ROW_LIMIT_TEXT
                )
        yield row


def blank_row(row: Iterable[object]) -> bool:
    try:
        # Rows of text only (every CSV row, most of a workbook's): one join in C
        # instead of a test per cell (a line of 1,000 empty fields, 199,000 times).
        return not "".join(row).strip()  # type: ignore[arg-type]
    except TypeError:
        return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row)


def read_meta(rows: list[list[object]]) -> dict[str, str]:
    """Key/value rows of the ``_labest`` sheet (column A the key, B the value)."""
    meta: dict[str, str] = {}
    for row in rows:
        if len(row) < 2 or not isinstance(row[0], str) or not row[0].strip():
            continue
        value = row[1]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        meta[row[0].strip()] = "" if value is None else str(value).strip()
    return meta


# --- CSV ---------------------------------------------------------------------------


def _read_csv(path: Path, name: str, stream_projects: bool = False) -> RawWorkbook:
    """Read a line at a time (:mod:`labest_desktop.exchange.csv_reader`)."""
    _delimiter, reader = csv_reader.read_rows(path, name)
    rows: Rows
    if stream_projects:
        rows = _stream_csv(_bounded_stream(reader, name, PROJECTS_SHEET.name), path, name)
    else:
        rows = _bounded_rows(_stream_csv(reader, path, name), name, PROJECTS_SHEET.name)  # type: ignore[arg-type]
    return RawWorkbook(name, [PROJECTS_SHEET.name], {PROJECTS_SHEET.name: rows}, {}, "csv")


def _stream_csv(rows: Iterator[list[object]], path: Path, name: str) -> Iterator[list[object]]:
    """The rows, with what the csv module raises on a bad line turned into the same
    ``ExchangeFileError`` that :func:`read_workbook` gives when reading them all."""
    try:
        yield from rows
    except (OSError, MemoryError, UnicodeError, csv.Error) as exc:
        raise _unreadable(path, name, exc) from None
