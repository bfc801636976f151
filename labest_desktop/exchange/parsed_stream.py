"""The ``Projets`` sheet parsed where it is read, handed over as plain values.

An import reads every cell of every row, checks every rule and spells every row as
a snapshot before it can match the row against the database. Done in the guarded
reader's process (:mod:`labest_desktop.exchange.guard`), that work runs beside the
matching: the importing process matches one batch of rows while the reader parses
the next, each on its own processor. (At 100,000 rows the parse is about a sixth of
an import.)

What crosses from the reader is plain values only (tuples, lists, dicts, text,
numbers), which the guard's loader takes without naming any class: one tuple per
valid row (the fields of :class:`FileRow`, its row number first), then one last
tuple, the sheet's summary (header, errors, ignored rows and columns, rows read),
tagged :data:`SUMMARY`. Row errors travel with their sentence, written in the
reader's process in the language of the importing one.

The reader's process may have been subverted by the file it read: the importing
process takes a row only once it has checked it as the domain checks an edit
(:class:`_RowCheck`: identity in the shapes the cell parsers give, every field of its
type and within the rules, the snapshot exactly the fields' own spelling). A row
that fails is not one this application's parser could have made: the whole file
is refused, as when the reader dies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import NamedTuple

from labest_desktop import messages
from labest_desktop.domain.field_registry import PERIOD_KEYS
from labest_desktop.domain.fields import (
    EDITABLE_KEYS,
    SNAPSHOT_DECODERS,
    SNAPSHOT_ENCODERS,
    date_order_error,
    field_errors,
)
from labest_desktop.exchange.columns import PROJECTS_SHEET
from labest_desktop.exchange.errors import CellError, ExchangeFileError
from labest_desktop.exchange.sheet_parser import (
    NO_OPTIONS,
    IgnoredRow,
    ProjectRow,
    RowError,
    SheetOptions,
    SheetResult,
    iter_projects,
)
from labest_desktop.exchange.values import (
    ANCESTRY_MAX,
    OWN_SPELLINGS,
    parse_fingerprint,
    parse_reference,
    parse_uid,
)

SUMMARY = "labest:summary"  # first item of the summary tuple (a row's is its number)

_PLAIN = (str, int, float, bool, type(None))


class FileRow(NamedTuple):
    """What the merge needs of a valid ``Projets`` row."""

    row: int  # the spreadsheet row number
    uid: str | None
    reference: str | None
    title: str
    fingerprint: str | None
    ancestry: list[str]  # earlier fingerprints, newest first
    # The editable fields whose column is in the file, in snapshot spelling (a
    # column left out of a file is not a column emptied).
    snapshot: dict
    whole: bool  # the file has a column for every editable field


def file_row(record: ProjectRow) -> FileRow:
    fields = record.fields
    snapshot = {}
    for key in _present_keys(record.values):
        value = getattr(fields, key)
        encode = SNAPSHOT_ENCODERS[key]
        snapshot[key] = value if encode is None else encode(value)
    return FileRow(
        record.row, record.uid, record.reference, fields.title, record.fingerprint, list(record.ancestry), snapshot,
        len(snapshot) == len(EDITABLE_KEYS),
    )


_KEYS_OF: dict[frozenset, tuple[str, ...]] = {}


def _present_keys(values: dict) -> tuple[str, ...]:
    """The editable keys a row has, in snapshot order (every row of a sheet has the
    same columns: worked out once per set of columns)."""
    columns = frozenset(values)
    keys = _KEYS_OF.get(columns)
    if keys is None:
        keys = _KEYS_OF[columns] = tuple(key for key in EDITABLE_KEYS if key in columns)
    return keys


def parsed_items(
    rows: Iterable[list[object]], *, sheet: str = PROJECTS_SHEET.name, file: str = "",
    options: SheetOptions = NO_OPTIONS,
) -> Iterator[tuple]:
    """The plain items of a ``Projets`` sheet's rows: each valid row, then the
    summary. The parse starts at the first item asked for, so that whatever the
    importing process checks first (the format version) is still refused first."""
    result, records = iter_projects(rows, sheet=sheet, file=file, options=options)
    for record in records:
        yield tuple(file_row(record))
    yield (
        SUMMARY, result.sheet, result.header_row, list(result.columns), dict(result.headers),
        list(result.ignored_columns), result.rows_read,
        [_plain_error(error) for error in result.errors],
        [tuple(getattr(ignored, name) for name in _IGNORED_FIELDS) for ignored in result.ignored_rows],
    )


_IGNORED_FIELDS = ("sheet", "row", "reason", "cell", "value", "key")


def _plain_error(error: RowError) -> tuple:
    value = error.value if isinstance(error.value, _PLAIN) else str(error.value)
    return (error.sheet, error.row, error.column, error.cell, value, error.message, error.key)


def read_items(items: Iterable[tuple], result: SheetResult, *, file: str, trusted: bool = False) -> Iterator[FileRow]:
    """The rows of a stream of plain items; ``result`` (the sheet's) is filled in
    from the summary once the last row is read. Items from another process are
    checked (:class:`_RowCheck`); ``trusted`` ones were made here."""
    checked = _RowCheck()
    for item in items:
        try:
            if type(item[0]) is int:
                yield FileRow(*item) if trusted else checked(item)
                continue
            _summary(item, result)
        except _MALFORMED as exc:
            raise ExchangeFileError("exchange.file.reader_malformed", file=file) from exc


_MALFORMED = (TypeError, ValueError, AttributeError, IndexError, KeyError, ArithmeticError, CellError)


def _summary(item: tuple, result: SheetResult) -> None:
    tag, sheet, header_row, columns, headers, ignored_columns, rows_read, errors, ignored = item
    if tag != SUMMARY or type(rows_read) is not int or not all(isinstance(c, str) for c in columns):
        raise ValueError("not the summary of a parsed sheet")
    result.sheet, result.header_row = str(sheet), header_row if header_row is None else int(header_row)
    result.columns, result.headers = tuple(columns), {str(k): str(v) for k, v in headers.items()}
    result.ignored_columns, result.rows_read = [str(c) for c in ignored_columns], rows_read
    result.errors = [RowError(*_plain(error, 7)) for error in errors]
    result.ignored_rows = [IgnoredRow(*_plain(row, 6)) for row in ignored]


def _plain(values: tuple, count: int) -> tuple:
    if len(values) != count or not all(isinstance(v, _PLAIN) for v in values):
        raise ValueError("not a report line")
    return tuple(values)


class _RowCheck:
    """Checks each row of one read as one this application's parser could have made.

    A value met again on a later row of the same field (a stage, a department, an
    organisation, a date: most of a row) was checked already, and each field is
    checked on its own: its value is decoded, held to its field's rules and spelled
    again (:func:`field_errors`: :func:`validate`'s rules but the order of the
    period's dates, which is checked on every row). So only the values not met
    before go through the domain's checks; those that pass and are short are
    remembered for this read only. Values are remembered by
    type as well (``True`` equals ``1``, ``1.0`` too): only text, whole numbers,
    ``None`` and lists of texts are.
    """

    def __init__(self) -> None:
        self.good: dict[str, set] = {key: set() for key in EDITABLE_KEYS}

    def __call__(self, item: tuple) -> FileRow:
        row = FileRow(*item)
        snapshot = row.snapshot
        if type(snapshot) is not dict or type(row.whole) is not bool or type(row.ancestry) is not list:
            raise ValueError("not a parsed row")
        for value, parse, spelling in (
            (row.uid, parse_uid, _UID_SPELLING), (row.reference, parse_reference, _REFERENCE_SPELLING),
            (row.fingerprint, parse_fingerprint, _FINGERPRINT_SPELLING),
        ):
            if value is not None and (type(value) is not str or (not spelling(value) and parse(value) != value)):
                raise ValueError("identity not as parsed")
        ancestry = row.ancestry
        if ancestry and (
            len(ancestry) > ANCESTRY_MAX or len(set(ancestry)) != len(ancestry)
            or not _ANCESTRY.fullmatch(";".join(ancestry))
        ):
            raise ValueError("ancestry not as parsed")
        if not _EDITABLE.issuperset(snapshot) or row.whole != (len(snapshot) == len(EDITABLE_KEYS)):
            raise ValueError("unknown field")
        title = snapshot.get("title")
        if type(title) is not str or type(row.title) is not str or title != row.title:
            raise ValueError("title not the row's")
        good = self.good
        unknown = {}
        for key, value in snapshot.items():
            # A text or None equals no remembered value of another type: looked up
            # as it is (most values of a row).
            if type(value) is str or value is None:
                if value in good[key]:
                    continue
            else:
                remembered = _remembered(value)
                if remembered is not _NOT_REMEMBERED and remembered in good[key]:
                    continue
            unknown[key] = value
        if unknown:
            self._check(unknown)
        start, end = (snapshot.get(key) for key in PERIOD_KEYS)
        if start and end and date_order_error(date.fromisoformat(start), date.fromisoformat(end)):
            raise ValueError("fields break a rule")
        return row

    def _check(self, values: dict) -> None:
        """The domain's checks of ``values`` (some fields of a row), field by field;
        the short ones remembered."""
        for key, value in values.items():
            decoded = SNAPSHOT_DECODERS[key](value)
            encode = SNAPSHOT_ENCODERS[key]
            spelled = decoded if encode is None else encode(decoded)
            if type(spelled) is not type(value) or spelled != value:
                raise ValueError("snapshot not in its own spelling")
            if field_errors(key, decoded):
                raise ValueError("fields break a rule")
            remembered = _remembered(value)
            known = self.good[key]
            if remembered is not _NOT_REMEMBERED and len(known) < _REMEMBERED_PER_FIELD:
                known.add(remembered)


_UID_SPELLING = OWN_SPELLINGS[parse_uid].fullmatch
_REFERENCE_SPELLING = OWN_SPELLINGS[parse_reference].fullmatch
_FINGERPRINT_SPELLING = OWN_SPELLINGS[parse_fingerprint].fullmatch
_NOT_REMEMBERED = object()
_REMEMBERED_PER_FIELD = 4_096
_REMEMBERED_CHARS = 80


def _remembered(value: object) -> object:
    """How a checked value is remembered (lists of texts as tuples), or
    ``_NOT_REMEMBERED``: a long text, or a type that could equal another's value."""
    kind = type(value)
    if kind is str:
        return value if len(value) <= _REMEMBERED_CHARS else _NOT_REMEMBERED
    if value is None or kind is int:
        return value
    if kind is list and all(type(item) is str for item in value) and sum(map(len, value)) <= _REMEMBERED_CHARS:
        return tuple(value)
    return _NOT_REMEMBERED


_EDITABLE = frozenset(EDITABLE_KEYS)
# What values.parse_ancestry gives, joined by « ; »: lower-case fingerprints.
_ANCESTRY = re.compile(r"[0-9a-f]{32,64}(?:;[0-9a-f]{32,64})*")


messages.register(
    {
        "exchange.file.reader_malformed": (
            "Le lecteur de classeurs a rendu pour « {file} » autre chose que des lignes lues : le "
            "fichier n'est pas lu et rien n'a été importé.",
            "The workbook reader gave back for “{file}” something other than rows it read: the "
            "file is not read and nothing was imported.",
        ),
    }
)
