"""Raw rows of a sheet → records keyed by JSON keys, and row errors for the report.

Each non-blank row below the header row becomes a record carrying the spreadsheet
row number the coordinator sees; every cell that cannot be understood and every
domain rule a row breaks (:func:`labest_desktop.domain.fields.validate`) becomes a
:class:`RowError` pointing at the sheet, row, column header and cell (``C14``).
A row with errors gives no record: the merge must never see half a row. A row
that is not a project at all (a formula under the table, a « Total » line with
only numbers beside it) gives no record either, and is listed as an
:class:`IgnoredRow` with the reason.

Rows may be a list or an iterator read once (a streamed ``Projets`` sheet, see
:func:`labest_desktop.exchange.reader.read_workbook`): only the rows where the
header is looked for are kept, each data row is dropped once parsed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import islice
from typing import Generic, NamedTuple, TypeVar

from labest_desktop import messages
from labest_desktop.domain.errors import LabestError
from labest_desktop.domain.field_registry import PROJECT_FIELDS, FieldKind
from labest_desktop.domain.fields import ProjectFields, validate
from labest_desktop.domain.text import fold
from labest_desktop.exchange.columns import (
    EVENTS_SHEET,
    HEADER_SEARCH_ROWS,
    PARTNERS_SHEET,
    PROJECTS_SHEET,
    HeaderMap,
    Kind,
    SheetSpec,
    column_letter,
    find_header_row,
)
from labest_desktop.exchange.errors import CellError, ExchangeFileError, WorkbookTooLargeError
from labest_desktop.exchange.reader import MAX_DATA_ROWS, ROW_LIMIT_TEXT
from labest_desktop.exchange.values import (
    PARSERS,
    UNFORESEEN,
    is_blank,
    serial_of,
    unforeseen_value,
)

logger = logging.getLogger(__name__)

T = TypeVar("T")
Rows = Iterable[list[object]]
Parsed = Iterator[tuple[int, dict[str, object], list["RowError"]]]


@dataclass(frozen=True)
class RowError:
    """One line of the import report's ``errors`` list."""

    sheet: str
    row: int
    column: str | None  # header text as written in the file
    cell: str | None  # e.g. "C14"
    value: object
    message: str
    key: str  # message key, for a front end that renders in another language

    def as_dict(self) -> dict[str, object]:
        value = self.value
        if value is not None and not isinstance(value, str | int | float | bool):
            value = str(value)
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "value": value,
            "message": self.message,
        }


@dataclass(frozen=True)
class IgnoredRow:
    """A row that is not a project (nor an event or an organisation): one line of
    the report's ``ignored_rows``. ``reason`` is ``formula`` or ``total``."""

    sheet: str
    row: int
    reason: str
    cell: str | None  # the formula's cell, or the label's
    value: str  # the formula, or the label
    key: str

    @property
    def message(self) -> str:
        return messages.text(self.key, row=self.row, cell=self.cell or "", value=self.value)

    def as_dict(self) -> dict[str, object]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "reason": self.reason,
            "cell": self.cell,
            "value": self.value,
            "message": self.message,
        }


# Labels of the summary lines people add under a table, folded. « Total » and its
# kin may be followed by words (« Total des budgets », « Sous-total 2026 »); the
# words that also start ordinary titles (« Moyenne montagne », « Somme ») count only
# alone, with at most a colon or a year after them.
_TOTAL_LABEL = re.compile(
    r"^(?:(?:sous[- ]?totaux|sous[- ]?total|totaux|total|grand total|sub-?totals?|totals?)(?:$|[\s:(])"
    r"|(?:sommes?|sums?|moyennes?|averages?|cumul)\s*(?::|\(.*\))?\s*(?:\d{4})?\s*:?$)"
)
_NUMBER_TEXT = re.compile(r"^[+-]?[\d\s\u00a0\u202f.,]*\d[\d\s\u00a0\u202f.,]*(?:€|eur|euros)?$", re.IGNORECASE)


def _is_number(raw: object) -> bool:
    if isinstance(raw, bool):
        return False
    if isinstance(raw, int | float):
        return True
    return isinstance(raw, str) and bool(_NUMBER_TEXT.match(raw.strip()))


def _total_label(cells: list[object], indexes: list[int]) -> tuple[int, str] | None:
    """``(column index, label)`` when the row's known cells hold one summary label
    and otherwise only numbers or nothing."""
    found: tuple[int, str] | None = None
    width = len(cells)
    for index in indexes:
        raw = cells[index] if index < width else None
        if is_blank(raw) or _is_number(raw):
            continue
        if found is not None or not isinstance(raw, str) or not _TOTAL_LABEL.match(fold(raw)):
            return None
        found = (index, raw.strip())
    return found


@dataclass(frozen=True, slots=True)
class ProjectRow:
    """A valid ``Projets`` row.

    ``values`` holds only the keys whose column is in the file (a column left out
    of a file is not a column emptied), with Python values: ``Stage``/``Status``,
    lists, ``date``, ``Decimal``, ``int``, ``datetime`` for ``updated_at``.
    ``fields`` is the normalised :class:`ProjectFields` built from them, with the
    domain's defaults where a column is absent.
    """

    row: int
    values: dict[str, object]
    fields: ProjectFields

    @property
    def uid(self) -> str | None:
        return self.values.get("uid")  # type: ignore[return-value]

    @property
    def reference(self) -> str | None:
        return self.values.get("reference")  # type: ignore[return-value]

    @property
    def fingerprint(self) -> str | None:
        return self.values.get("fingerprint")  # type: ignore[return-value]

    @property
    def ancestry(self) -> list[str]:
        """Fingerprints of the project's earlier versions, newest first."""
        return self.values.get("ancestry") or []  # type: ignore[return-value]


@dataclass(frozen=True)
class RecordRow:
    """A valid ``Événements`` or ``Partenaires`` row (values keyed as in columns.py)."""

    row: int
    values: dict[str, object]


@dataclass
class SheetResult(Generic[T]):
    sheet: str
    header_row: int | None = None  # 1-based, None when the sheet is empty
    columns: tuple[str, ...] = ()  # JSON keys of the columns found, in file order
    headers: dict[str, str] = field(default_factory=dict)  # key -> header as written
    records: list[T] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    ignored_rows: list[IgnoredRow] = field(default_factory=list)
    rows_read: int = 0  # non-blank data rows, valid or not


def _locate_header(
    head: list[list[object]], rest: Iterator[list[object]], spec: SheetSpec, sheet: str, file: str
) -> HeaderMap | None:
    """The header among the top rows ``head``; ``None`` when the whole sheet is blank
    (``rest`` is then used up)."""
    header = find_header_row(head, spec)
    if header is not None:
        return header
    if any(not is_blank(cell) for row in head for cell in row) or any(
        not is_blank(cell) for row in rest for cell in row
    ):
        _drain(rest)
        anchor = spec.column(spec.anchor).header
        raise ExchangeFileError("exchange.file.no_header", file=file, sheet=sheet, anchor=anchor)
    return None


def _drain(rest: Iterator[list[object]]) -> None:
    """Read the rows left before giving up on a sheet: whatever the reader refuses
    further on (too many rows, a bad CSV line) is what a fully read sheet gave."""
    for _ in rest:
        pass


class SheetOptions(NamedTuple):
    """What the reader knows of a sheet beyond its cell values."""

    # First formula of each row: {row number: (cell, formula)}.
    formulas: dict[int, tuple[str, str]] = {}
    # Amount cells that came as dates: some programs' .xls number formats (Gnumeric's
    # « #,##0.00 "€" ») are taken by python-calamine for date formats.
    amounts_as_serials: bool = False


NO_OPTIONS = SheetOptions()


def _parse_rows(
    rows: Rows, spec: SheetSpec, sheet: str, file: str, options: SheetOptions = NO_OPTIONS
) -> tuple[SheetResult, Parsed, dict[str, int]]:
    """Cells parsed by column kind, and each key's column index; the caller adds the
    sheet's own rules. The header is found at once, the rows parsed as the
    returned iterator is read."""
    result: SheetResult = SheetResult(sheet)
    rest = iter(rows)
    head = list(islice(rest, HEADER_SEARCH_ROWS))
    header = _locate_header(head, rest, spec, sheet, file)
    if header is None:
        return result, iter(()), {}
    result.header_row = header.row_index + 1
    result.columns = tuple(c.key for c in header.by_index.values())
    result.headers = dict(header.headers)
    result.ignored_columns = list(header.ignored)
    below = head[header.row_index + 1 :]
    del head
    parsed = _parse_data_rows(below, rest, header, result, sheet, file, options)
    return result, parsed, {c.key: i for i, c in header.by_index.items()}


def _data_rows(below: list[list[object]], rest: Iterator[list[object]], first: int) -> Iterator[tuple[int, list[object]]]:
    """``(spreadsheet row number, cells)`` of every row from row ``first`` (the caller
    skips the rows blank under every known column, blank rows among them)."""
    yield from enumerate(below, start=first)
    after = first + len(below)
    below.clear()
    yield from enumerate(rest, start=after)


# Columns whose every value is its row's own: remembering their parsed values would
# save nothing.
_UNIQUE_KINDS = frozenset({Kind.REFERENCE, Kind.UID, Kind.FINGERPRINT, Kind.ANCESTRY})
_MEMO_LIMIT = 4096  # distinct values remembered per column
# Raw cell types whose parsed value is remembered. Not bool: True equals 1 as a key,
# and a check box in a number column must still be refused on every row.
_MEMO_TYPES = frozenset({str, int, float, date, datetime})
_MISSING = object()


class _Column(NamedTuple):
    """One known column, unpacked by the per-cell loop (a tuple: cheapest to read)."""

    index: int
    key: str
    kind: Kind
    # Parsed value of each raw value already met in this column. A stage, status,
    # organisation, tag list, funding source, date or amount is written on thousands
    # of rows: each is parsed once, and the rows share one object per distinct value
    # (about 60 MB less at 100,000 rows).
    memo: dict[object, object] | None
    listed: bool  # a list value: each row gets its own copy
    parse: Callable[[object], object]  # the kind's parser (values.PARSERS)


def _columns(header: HeaderMap) -> list[_Column]:
    return [
        _Column(index, column.key, column.kind, None if column.kind in _UNIQUE_KINDS else {}, column.kind is Kind.LIST,
                PARSERS[column.kind])
        for index, column in header.by_index.items()
    ]


def _ignored(sheet: str, row_number: int, cells: list[object], indexes: list[int], options: SheetOptions) -> IgnoredRow | None:
    """Why the row is not a record, if it is not one: a formula, or a summary label."""
    formula = options.formulas.get(row_number)
    if formula is not None:
        # A binary workbook's formula is not decoded: the cell alone is named.
        key = "row.ignored_formula" if formula[1] else "row.ignored_formula_cell"
        return IgnoredRow(sheet, row_number, "formula", formula[0], formula[1], key)
    label = _total_label(cells, indexes)
    if label is not None:
        return IgnoredRow(sheet, row_number, "total", f"{column_letter(label[0])}{row_number}", label[1], "row.ignored_total")
    return None


def _parse_data_rows(
    below: list[list[object]],
    rest: Iterator[list[object]],
    header: HeaderMap,
    result: SheetResult,
    sheet: str,
    file: str,
    options: SheetOptions,
) -> Parsed:
    columns = _columns(header)
    indexes = [c.index for c in columns]
    shared: dict[str, str] = {}  # list items and texts met after a memo is full
    serial_amounts = options.amounts_as_serials
    for row_number, cells in _data_rows(below, rest, header.row_index + 2):
        # Cells under no known header do not make a row (a comment beside the table).
        width = len(cells)
        if all(is_blank(cells[i]) for i in indexes if i < width):
            continue
        result.rows_read += 1
        if result.rows_read > MAX_DATA_ROWS:
            _drain(rest)
            raise WorkbookTooLargeError("exchange.file.too_many_rows", file=file, sheet=sheet, limit=ROW_LIMIT_TEXT)
        ignored = _ignored(sheet, row_number, cells, indexes, options)
        if ignored is not None:
            result.ignored_rows.append(ignored)
            continue
        values: dict[str, object] = {}
        errors: list[RowError] = []
        for index, key, kind, memo, listed, parse in columns:
            raw = cells[index] if index < width else None
            if serial_amounts and kind is Kind.AMOUNT and isinstance(raw, date | time | timedelta):
                raw = serial_of(raw)
            if memo is not None and type(raw) in _MEMO_TYPES:
                value = memo.get(raw, _MISSING)
                if value is not _MISSING:
                    values[key] = list(value) if listed else value  # type: ignore[call-overload]
                    continue
            try:  # values.parse_cell without its call
                value = parse(raw)
            except CellError as exc:
                errors.append(_cell_error(sheet, row_number, header.headers[key], index, exc))
                continue
            except UNFORESEEN as unforeseen:
                errors.append(_cell_error(sheet, row_number, header.headers[key], index,
                                          unforeseen_value(kind, raw, unforeseen)))
                continue
            if memo is not None:
                if type(value) is str:
                    value = shared.setdefault(value, value)
                elif type(value) is list:
                    value = [shared.setdefault(item, item) if type(item) is str else item for item in value]
                if type(raw) in _MEMO_TYPES and len(memo) < _MEMO_LIMIT:
                    memo[raw] = tuple(value) if listed else value
            values[key] = value
        yield row_number, values, errors


def _cell_error(sheet: str, row: int, header: str, index: int, exc: CellError) -> RowError:
    return RowError(sheet, row, header, f"{column_letter(index)}{row}", exc.value, exc.message, exc.key)


def _rule_error(
    sheet: str, header: dict[str, str], indexes: dict[str, int], row: int, values: dict, err: LabestError, field_key: str
) -> RowError:
    index = indexes.get(field_key)
    column = header.get(field_key)
    cell = f"{column_letter(index)}{row}" if index is not None else None
    value = values.get(field_key)
    if isinstance(value, list | tuple):
        value = "; ".join(value)
    elif value is not None and not isinstance(value, str | int):
        value = str(value)
    return RowError(sheet, row, column, cell, value, err.message, err.key)


def parse_projects(
    rows: Rows, *, sheet: str = PROJECTS_SHEET.name, file: str = "", options: SheetOptions = NO_OPTIONS
) -> SheetResult[ProjectRow]:
    """Records and errors of a ``Projets`` sheet (rows from row 1, cells from column A;
    a list, or an iterator read once as the records are made)."""
    result, records = iter_projects(rows, sheet=sheet, file=file, options=options)
    result.records.extend(records)
    return result


def iter_projects(
    rows: Rows, *, sheet: str = PROJECTS_SHEET.name, file: str = "", options: SheetOptions = NO_OPTIONS
) -> tuple[SheetResult[ProjectRow], Iterator[ProjectRow]]:
    """:func:`parse_projects` with the records handed out one at a time instead of
    kept (``result.records`` stays empty); ``result`` is whole once they are all read.
    The header is looked for at once."""
    result, parsed, indexes = _parse_rows(rows, PROJECTS_SHEET, sheet, file, options)

    def records() -> Iterator[ProjectRow]:
        for row_number, values, errors in parsed:
            if not errors:
                fields = project_fields(values)
                for err in validate(fields):
                    errors.append(_rule_error(sheet, result.headers, indexes, row_number, values, err, err.field))
                if not errors:
                    yield ProjectRow(row_number, values, fields)
            result.errors.extend(errors)

    return result, records()


def project_fields(values: dict[str, object]) -> ProjectFields:
    """Normalised fields of a row; absent columns take the domain's defaults.

    The cell parsers already give what :meth:`ProjectFields.normalised` would
    (trimmed text, ``None`` for blank, lists without blanks or repeats, budgets in
    cents), so only the order of organisation lists is left to set; a test holds the
    two equal.
    """
    given: dict[str, object] = {}
    for key, listed, sort_names, required in _FIELD_PLAN:
        value = values.get(key)
        if not value and (value is None or value == "" or listed or required):
            continue  # the default (stage and status have one)
        if listed:
            value = tuple(sorted(value, key=fold) if sort_names and len(value) > 1 else value)  # type: ignore[arg-type]
        given[key] = value
    return ProjectFields(**given)


# (key, list, organisation names to sort, required) of each field, once.
_FIELD_PLAN = tuple(
    (spec.key, spec.is_list, spec.kind is FieldKind.ORGANISATIONS, spec.required) for spec in PROJECT_FIELDS
)


def _simple_rules(values: dict[str, object], required: str, counts: tuple[str, ...]) -> list[tuple[str, LabestError]]:
    problems: list[tuple[str, LabestError]] = []
    if not values.get(required):
        problems.append((required, LabestError("cell.required")))
    for key in counts:
        count = values.get(key)
        if isinstance(count, int) and count < 0:
            problems.append((key, LabestError("rule.count_negative", value=count)))
    return problems


def _parse_records(
    rows: Rows, spec: SheetSpec, sheet: str, file: str, required: str, counts: tuple[str, ...], options: SheetOptions
) -> SheetResult[RecordRow]:
    result, parsed, indexes = _parse_rows(rows, spec, sheet, file, options)
    for row_number, values, errors in parsed:
        if not errors:
            for key, err in _simple_rules(values, required, counts):
                errors.append(_rule_error(sheet, result.headers, indexes, row_number, values, err, key))
            if not errors:
                result.records.append(RecordRow(row_number, values))
        result.errors.extend(errors)
    return result


def parse_events(
    rows: Rows, *, sheet: str = EVENTS_SHEET.name, file: str = "", options: SheetOptions = NO_OPTIONS
) -> SheetResult[RecordRow]:
    """Records of an ``Événements`` sheet: uid, title, kind, date, place, participants,
    projects (references), organisations (names), description."""
    return _parse_records(rows, EVENTS_SHEET, sheet, file, "title", ("participants",), options)


def parse_partners(
    rows: Rows, *, sheet: str = PARTNERS_SHEET.name, file: str = "", options: SheetOptions = NO_OPTIONS
) -> SheetResult[RecordRow]:
    """Records of a ``Partenaires`` sheet: name, kind, department."""
    return _parse_records(rows, PARTNERS_SHEET, sheet, file, "name", (), options)


messages.register(
    {
        "row.ignored_formula": (
            "Ligne {row} ignorée : la cellule {cell} contient une formule ({value}) ; une ligne "
            "calculée n'est pas un projet. Pour l'importer, remplacer la formule par sa valeur.",
            "Row {row} ignored: cell {cell} holds a formula ({value}); a computed row is not a "
            "project. To import it, replace the formula by its value.",
        ),
        "row.ignored_formula_cell": (
            "Ligne {row} ignorée : la cellule {cell} contient une formule ; une ligne calculée "
            "n'est pas un projet. Pour l'importer, remplacer la formule par sa valeur.",
            "Row {row} ignored: cell {cell} holds a formula; a computed row is not a project. "
            "To import it, replace the formula by its value.",
        ),
        "row.ignored_total": (
            "Ligne {row} ignorée : « {value} » suivi seulement de nombres est une ligne de "
            "total, pas un projet.",
            "Row {row} ignored: “{value}” followed only by numbers is a total row, not a project.",
        ),
    }
)


