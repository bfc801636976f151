"""Columns of the exchange workbook's sheets and how a header cell is recognised.

The ``Projets`` columns are the contract's (docs/exchange-format.md); the
``Événements`` and ``Partenaires`` columns are this module's own definition, read
back the same tolerant way. A header matches a column when its folded form (case,
accents, spaces, a trailing ``(€)`` ignored) equals the French header, an English
alias or the JSON key, so a coordinator's ``DATE DE DEBUT`` and our own open-data
CSV's ``start_date`` are both understood.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from enum import StrEnum

from labest_desktop.domain.field_registry import PROJECT_FIELDS, FieldKind
from labest_desktop.domain.text import fold

logger = logging.getLogger(__name__)


FORMAT_NAME = "labest-exchange"
# 2: fingerprints of named fields and the ancestry columns (``Empreintes antérieures``),
# events with fingerprints. A format-1 file still imports; an app that reads only
# format 1 refuses a format-2 file with a sentence asking to update.
FORMAT_VERSION = 2


class Kind(StrEnum):
    """How a column's cells are parsed and written."""

    TEXT = "text"
    LIST = "list"
    REFERENCE = "reference"
    STAGE = "stage"
    STATUS = "status"
    DEPARTMENT = "department"
    DATE = "date"
    DATETIME = "datetime"
    AMOUNT = "amount"
    COUNT = "count"
    URL = "url"  # a web address, written as a hyperlink
    UID = "uid"
    FINGERPRINT = "fingerprint"
    ANCESTRY = "ancestry"
    EVENT_KIND = "event_kind"
    ORG_KIND = "org_kind"


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    kind: Kind
    aliases: tuple[str, ...] = ()
    width: float = 14.0

    def names(self) -> tuple[str, ...]:
        return (self.header, self.key, *self.aliases)


# How the cells of each kind of project field are parsed and written.
_KIND_OF_FIELD = {
    FieldKind.LINE: Kind.TEXT,
    FieldKind.LONG_TEXT: Kind.TEXT,
    FieldKind.ORGANISATION: Kind.TEXT,
    FieldKind.ENVELOPE: Kind.TEXT,
    FieldKind.ORGANISATIONS: Kind.LIST,
    FieldKind.TAGS: Kind.LIST,
    FieldKind.STAGE: Kind.STAGE,
    FieldKind.STATUS: Kind.STATUS,
    FieldKind.DEPARTMENT: Kind.DEPARTMENT,
    FieldKind.DATE: Kind.DATE,
    FieldKind.AMOUNT: Kind.AMOUNT,
    FieldKind.COUNT: Kind.COUNT,
    FieldKind.URL: Kind.URL,
}

# The contract's columns: the reference, one per field of the registry (its French
# label as header), then the read-only time, the identity and the fingerprint.
PROJECT_COLUMNS: tuple[Column, ...] = (
    Column("Référence", "reference", Kind.REFERENCE, ("Reference",), 16),
    *(Column(spec.header, spec.key, _KIND_OF_FIELD[spec.kind], spec.aliases, spec.width) for spec in PROJECT_FIELDS),
    Column("Modifié le", "updated_at", Kind.DATETIME, ("Updated",), 17),
    Column("Identifiant", "uid", Kind.UID, ("Id",), 38),
    Column("Empreinte", "fingerprint", Kind.FINGERPRINT, ("Fingerprint",), 34),
    Column("Empreintes antérieures", "ancestry", Kind.ANCESTRY, ("Ancestry",), 34),
)

EVENT_COLUMNS: tuple[Column, ...] = (
    Column("Identifiant", "uid", Kind.UID, ("Id",), 38),
    Column("Titre", "title", Kind.TEXT, ("Title",), 40),
    Column("Type", "kind", Kind.EVENT_KIND, ("Kind",), 18),
    Column("Date", "date", Kind.DATE, (), 13),
    Column("Lieu", "place", Kind.TEXT, ("Place", "Location"), 24),
    Column("Participants", "participants", Kind.COUNT, (), 12),
    Column("Projets", "projects", Kind.LIST, ("Projects",), 30),
    Column("Organisations", "organisations", Kind.LIST, ("Organizations",), 36),
    Column("Description", "description", Kind.TEXT, (), 60),
    Column("Empreinte", "fingerprint", Kind.FINGERPRINT, ("Fingerprint",), 34),
    Column("Empreintes antérieures", "ancestry", Kind.ANCESTRY, ("Ancestry",), 34),
)

# Columns a coordinator has no use for (the merge's bookkeeping): written hidden.
HIDDEN_KINDS = frozenset({Kind.FINGERPRINT, Kind.ANCESTRY})

PARTNER_COLUMNS: tuple[Column, ...] = (
    Column("Nom", "name", Kind.TEXT, ("Name",), 40),
    Column("Type", "kind", Kind.ORG_KIND, ("Kind",), 28),
    Column("Département", "department", Kind.DEPARTMENT, ("Department",), 13),
)

# Written for information only, never read back (the contract's Historique sheet).
HISTORY_COLUMNS: tuple[Column, ...] = (
    Column("Référence", "reference", Kind.REFERENCE, (), 16),
    Column("Titre", "title", Kind.TEXT, (), 40),
    Column("Date", "decided_at", Kind.DATETIME, (), 17),
    Column("Étape précédente", "from_stage", Kind.STAGE, (), 16),
    Column("Nouvelle étape", "to_stage", Kind.STAGE, (), 16),
    Column("Décidé par", "decided_by", Kind.TEXT, (), 22),
    Column("Motif", "rationale", Kind.TEXT, (), 60),
)


@dataclass(frozen=True)
class SheetSpec:
    """A sheet: its written name, the names it is recognised by, columns, anchor key."""

    name: str
    aliases: tuple[str, ...]
    columns: tuple[Column, ...]
    anchor: str  # key of the column whose header must be on the header row

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


PROJECTS_SHEET = SheetSpec("Projets", ("Projects",), PROJECT_COLUMNS, "title")
EVENTS_SHEET = SheetSpec("Événements", ("Events",), EVENT_COLUMNS, "title")
PARTNERS_SHEET = SheetSpec("Partenaires", ("Partners", "Organisations"), PARTNER_COLUMNS, "name")
HISTORY_SHEET = SheetSpec("Historique", ("History",), HISTORY_COLUMNS, "reference")
META_SHEET = "_labest"

HEADER_SEARCH_ROWS = 11  # up to ten title or blank rows above the header row
MIN_OTHER_HEADERS = 2

_CURRENCY_SUFFIX = re.compile(r"\(\s*(€|eur|euros?)\s*\)\s*$")
_PUNCTUATION = re.compile(r"[\s_\-:.*]+")


def header_key(text: object) -> str:
    """Folded form under which two spellings of one header compare equal.

    Underscores, hyphens, colons and a trailing ``(€)`` are dropped so that
    ``Budget (€)``, ``budget`` and ``start_date`` / ``Start date`` meet.
    """
    if not isinstance(text, str):
        return ""
    folded = _CURRENCY_SUFFIX.sub("", fold(text))
    return _PUNCTUATION.sub(" ", folded).strip()


def _lookup(columns: tuple[Column, ...]) -> dict[str, Column]:
    table: dict[str, Column] = {}
    for column in columns:
        for name in column.names():
            table.setdefault(header_key(name), column)
    return table


_LOOKUPS: dict[tuple[Column, ...], dict[str, Column]] = {}


def match_header(text: object, columns: tuple[Column, ...]) -> Column | None:
    """The column a header cell names, or ``None`` for an unknown header."""
    table = _LOOKUPS.get(columns)
    if table is None:
        table = _LOOKUPS[columns] = _lookup(columns)
    return table.get(header_key(text))


def sheet_matches(name: str, spec: SheetSpec) -> bool:
    key = header_key(name)
    return key in {header_key(n) for n in (spec.name, *spec.aliases)}


@dataclass(frozen=True)
class HeaderMap:
    """Where the header row is and which column index holds which field."""

    row_index: int  # 0-based index in the sheet's rows
    by_index: dict[int, Column]
    headers: dict[str, str]  # key -> header text as written in the file
    ignored: tuple[str, ...]  # unknown or repeated header texts, in column order


def find_header_row(rows: list[list[object]], spec: SheetSpec) -> HeaderMap | None:
    """The first of the top rows holding the anchor header and two other known ones."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        by_index: dict[int, Column] = {}
        headers: dict[str, str] = {}
        ignored: list[str] = []
        for col, cell in enumerate(row):
            if cell is None or (isinstance(cell, str) and not cell.strip()):
                continue
            column = match_header(cell, spec.columns)
            if column is None or column.key in headers:
                # A repeated header would make two cells compete for one field:
                # the first wins and the other is reported as ignored.
                ignored.append(str(cell).strip())
                continue
            by_index[col] = column
            headers[column.key] = str(cell).strip()
        if spec.anchor in headers and len(headers) >= 1 + MIN_OTHER_HEADERS:
            return HeaderMap(index, by_index, headers, tuple(ignored))
    return None


def column_letter(index: int) -> str:
    """``0`` → ``A``, ``26`` → ``AA``: the letters a user sees above a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
