"""One call for the import: read an exchange file and parse every sheet it holds."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from labest_desktop import messages
from labest_desktop.exchange.columns import (
    EVENTS_SHEET,
    FORMAT_NAME,
    FORMAT_VERSION,
    PARTNERS_SHEET,
    PROJECTS_SHEET,
)
from labest_desktop.exchange.errors import ExchangeFileError, MissingSheetError
from labest_desktop.exchange.parsed_stream import FileRow, parsed_items, read_items
from labest_desktop.exchange.reader import PARSED, RawWorkbook, Rows, read_workbook, start_reading
from labest_desktop.exchange.sheet_parser import (
    IgnoredRow,
    ProjectRow,
    RecordRow,
    RowError,
    SheetOptions,
    SheetResult,
    parse_events,
    parse_partners,
    parse_projects,
)
from labest_desktop.exchange.values import REPLACEMENT

logger = logging.getLogger(__name__)



@dataclass
class ExchangeFile:
    """Everything the merge needs from a file, read and checked, nothing applied."""

    file: str
    format: str  # xlsx, ods or csv
    meta: dict[str, str]  # the _labest sheet's key/value rows ({} when absent)
    sheet_names: list[str]
    projects: SheetResult[ProjectRow]
    events: SheetResult[RecordRow] | None  # None when the file has no such sheet
    partners: SheetResult[RecordRow] | None
    # Whether the reader's process has the next ``Projets`` rows ready already (it is
    # ahead of the import): see open_exchange_file.
    rows_waiting: Callable[[], bool] = lambda: False

    @property
    def errors(self) -> list[RowError]:
        found = list(self.projects.errors)
        for sheet in (self.events, self.partners):
            if sheet is not None:
                found.extend(sheet.errors)
        return found

    @property
    def ignored_rows(self) -> list[IgnoredRow]:
        """Rows that are not records (formulas, total lines), every sheet's."""
        found: list[IgnoredRow] = []
        for sheet in (self.projects, self.events, self.partners):
            if sheet is not None:
                found.extend(sheet.ignored_rows)
        return found

    @property
    def ignored_columns(self) -> list[str]:
        names: list[str] = []
        for sheet in (self.projects, self.events, self.partners):
            if sheet is not None:
                names.extend(n for n in sheet.ignored_columns if n not in names)
        return names


def read_exchange_file(path: str | Path) -> ExchangeFile:
    """Read and parse ``path`` (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv); raises ``ExchangeFileError``
    when the file cannot be read at all, row problems are in ``errors``."""
    raw = read_workbook(path, stream_projects=True)  # parsed as read: see reader.py
    name, rows = _projects_sheet(raw)
    projects = parse_projects(rows, sheet=name, file=raw.file, options=_options(raw, name))
    events, partners = _other_sheets(raw)
    _log(raw, projects, len(projects.records))
    return ExchangeFile(raw.file, raw.format, raw.meta, raw.sheet_names, projects, events, partners)


def start_exchange_read(path: str | Path):
    """The reading of ``path`` for :func:`open_exchange_file` started now, in the
    reader's process, so that the caller's own preparations (the ``labest`` command
    importing the services and opening the database) run while that process opens
    the file. The caller hands it to :func:`open_exchange_file`, and closes it
    (``close()``) in every case: a read never used is stopped."""
    return start_reading(path, stream_projects=PARSED)


def open_exchange_file(
    path: str | Path, meanwhile: Callable[[Callable[[], bool]], object] | None = None, started=None
) -> tuple[ExchangeFile, Iterator[FileRow]]:
    """:func:`read_exchange_file` for an import, the ``Projets`` rows handed out one
    at a time as :class:`FileRow` (its ``projects.records`` stays empty).

    They are parsed in the reader's process while this one uses them
    (:mod:`labest_desktop.exchange.parsed_stream`); the file's sheets, errors and
    ignored rows are all known once the last row is read. Raises ``ExchangeFileError``
    at once when the file cannot be read at all, or while the rows are read.
    ``meanwhile`` runs here while the reader's process opens and parses the file;
    ``started``: that read of ``path`` already under way (:func:`start_exchange_read`).
    """
    if started is None:
        raw = read_workbook(path, stream_projects=PARSED, meanwhile=meanwhile)
    elif Path(started.path) != Path(path):
        raise ValueError(f"the read under way is of {started.path}, not {path}")
    else:
        raw = started.result(meanwhile)
    name, rows = _projects_sheet(raw)
    exchange = ExchangeFile(raw.file, raw.format, raw.meta, raw.sheet_names, SheetResult(name), None, None,
                            raw.rows_waiting)
    if isinstance(rows, list):  # read whole (the tolerant .ods reader): parsed here
        items, trusted = parsed_items(rows, sheet=name, file=raw.file, options=_options(raw, name)), True
    else:
        items, trusted = rows, False

    def records() -> Iterator[FileRow]:
        count = 0
        for row in read_items(items, exchange.projects, file=raw.file, trusted=trusted):
            count += 1
            yield row
        exchange.events, exchange.partners = _other_sheets(raw)
        _log(raw, exchange.projects, count)

    stream = records()
    # The first row asked for now: a sheet that cannot be parsed at all (no header)
    # is refused here, and the reader's stream, once started, is stopped whenever
    # the rows are let go of unread.
    first = next(stream, None)

    def rows() -> Iterator[FileRow]:
        try:
            if first is not None:
                yield first
                yield from stream
        finally:
            stream.close()

    return exchange, rows()


def _projects_sheet(raw: RawWorkbook) -> tuple[str, Rows]:
    _check_meta(raw)
    found = raw.find(PROJECTS_SHEET)
    if found is None:
        # A sheet's name may hold a line break (any character but a few): shown on one line.
        raise MissingSheetError(file=raw.file, sheets=", ".join(f"« {_shown(n)} »" for n in raw.sheet_names) or "aucune")
    return found


def _options(raw: RawWorkbook, sheet: str) -> SheetOptions:
    return SheetOptions(raw.formulas.get(sheet, {}), raw.format == "xls")


def _other_sheets(raw: RawWorkbook) -> tuple[SheetResult[RecordRow] | None, SheetResult[RecordRow] | None]:
    """The ``Événements`` and ``Partenaires`` sheets, when the file has them."""
    events = partners = None
    if found_events := raw.find(EVENTS_SHEET):
        events = parse_events(found_events[1], sheet=found_events[0], file=raw.file, options=_options(raw, found_events[0]))
    if found_partners := raw.find(PARTNERS_SHEET):
        partners = parse_partners(
            found_partners[1], sheet=found_partners[0], file=raw.file, options=_options(raw, found_partners[0])
        )
    return events, partners


def _log(raw: RawWorkbook, projects: SheetResult, valid: int) -> None:
    logger.info("read %s: %d project rows (%d valid), %d errors", raw.file, projects.rows_read, valid,
                len(projects.errors))


def _check_meta(raw: RawWorkbook) -> None:
    """A file from a newer format is refused rather than half understood; a version
    that is not a whole number (``1e400``, ``-1``, ``NaN``) is refused as well,
    never read as the current one."""
    version = raw.meta.get("format_version")
    if raw.meta.get("format", FORMAT_NAME) != FORMAT_NAME:
        logger.warning("%s: _labest format is %r", raw.file, raw.meta.get("format")[:80])
    if version:
        if not _WHOLE_VERSION.fullmatch(version) or int(version.split(".")[0]) < 1:
            raise ExchangeFileError(
                "exchange.file.bad_meta", file=raw.file, key="format_version", value=_shown(version)
            )
        if int(version.split(".")[0]) > FORMAT_VERSION:
            raise ExchangeFileError(
                "exchange.file.newer_format", file=raw.file, version=version, supported=FORMAT_VERSION
            )
    office = raw.meta.get("office")
    if office and (len(office) > MAX_OFFICE_CHARS or any(ord(c) < 32 or c == "\x7f" for c in office)):
        raise ExchangeFileError("exchange.file.bad_meta", file=raw.file, key="office", value=_shown(office))


# A positive whole number, as a cell or a text ("2", "2.0"); at most six digits.
_WHOLE_VERSION = re.compile(r"[0-9]{1,6}(?:\.0+)?")
MAX_OFFICE_CHARS = 64


def _shown(value: str) -> str:
    """The value quoted in a one-line refusal: line breaks and other control
    characters (a crafted cell may hold any) become U+FFFD, long values are cut."""
    value = _CONTROL.sub(REPLACEMENT, value)
    return value if len(value) <= 40 else value[:40] + "…"


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


messages.register(
    {
        "exchange.file.bad_meta": (
            "La feuille « _labest » de « {file} » donne à « {key} » une valeur qui n'en est pas une "
            "(« {value} ») : le fichier n'est pas lu.",
            "The “_labest” sheet of “{file}” gives “{key}” a value that is not one (“{value}”): "
            "the file is not read.",
        ),
    }
)
