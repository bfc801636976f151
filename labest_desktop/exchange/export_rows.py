"""Typed cell values of every written sheet, shared by the xlsx and ods writers.

A snapshot (as :func:`labest_desktop.domain.fields.to_snapshot` returns it, plus
``updated_at`` and ``fingerprint``) becomes one list of Python values in column
order: French labels for stage and status, ``;``-joined lists, ``date``,
``Decimal``, ``int``, ``datetime``, text. Text is made safe for XML here, once, and
every replaced character is counted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from labest_desktop.domain.vocab import (
    EVENT_KIND_LABELS_FR,
    ORG_KIND_LABELS_FR,
    STAGE_LABELS_FR,
    STATUS_LABELS_FR,
    EventKind,
    OrgKind,
    Stage,
    Status,
)
from labest_desktop.domain.web_address import is_web_address
from labest_desktop.exchange.columns import FORMAT_NAME, FORMAT_VERSION, Column, Kind
from labest_desktop.exchange.values import REPLACEMENT, UNHOLDABLE

LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class ExportMeta:
    """What the ``_labest`` sheet says about the export."""

    office: str
    app_version: str
    exported_at: datetime | None = None  # now, in UTC, when not given

    def rows(self) -> list[tuple[str, str]]:
        exported_at = self.exported_at or datetime.now(UTC).replace(microsecond=0)
        return [
            ("format", FORMAT_NAME),
            ("format_version", str(FORMAT_VERSION)),
            ("exported_at", exported_at.isoformat()),
            ("office", self.office),
            ("app_version", self.app_version),
        ]


class TextCleaner:
    """Replaces characters XML cannot hold and counts them for the export report."""

    def __init__(self) -> None:
        self.replaced = 0

    def __call__(self, text: str) -> str:
        if UNHOLDABLE.search(text) is None:
            return text
        cleaned, count = UNHOLDABLE.subn(REPLACEMENT, text)
        self.replaced += count
        return cleaned


def _label(value: object, enum: type, labels: Mapping) -> str | None:
    if value is None or value == "":
        return None
    try:
        return labels[enum(value)]
    except ValueError:
        return str(value)  # an unknown code is written as is, and rejected on import


def _date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _datetime(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        # Spreadsheets keep milliseconds at best; whole seconds read back exactly.
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return None


def _amount(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    return Decimal(str(value))


def _list(value: object) -> str | None:
    if not value:
        return None
    if isinstance(value, str):
        return value
    return LIST_SEPARATOR.join(str(item) for item in value)


def _count(value: object) -> int | None:
    return None if value is None or value == "" else int(value)  # type: ignore[arg-type]


def _text(value: object) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


class WebLink(str):
    """A web address to write as a hyperlink (its text is the address itself)."""

    __slots__ = ()


def _link(value: object) -> str | None:
    text = _text(value)
    # Only an http(s) address becomes a hyperlink; anything else stays plain text.
    return WebLink(text) if text is not None and is_web_address(text) else text


_CONVERTERS: dict[Kind, Callable[[object], object]] = {
    Kind.URL: _link,
    Kind.STAGE: lambda v: _label(v, Stage, STAGE_LABELS_FR),
    Kind.STATUS: lambda v: _label(v, Status, STATUS_LABELS_FR),
    Kind.EVENT_KIND: lambda v: _label(v, EventKind, EVENT_KIND_LABELS_FR),
    Kind.ORG_KIND: lambda v: _label(v, OrgKind, ORG_KIND_LABELS_FR),
    Kind.LIST: _list,
    Kind.DATE: _date,
    Kind.DATETIME: _datetime,
    Kind.AMOUNT: _amount,
    Kind.COUNT: _count,
    Kind.ANCESTRY: lambda v: " ".join(v) if v else None,
}


def converter(column: Column) -> Callable[[object], object]:
    """How a snapshot's JSON value becomes the value written in ``column``."""
    return _CONVERTERS.get(column.kind, _text)


def typed_value(column: Column, value: object) -> object:
    return converter(column)(value)


def row_values(columns: tuple[Column, ...], record: Mapping[str, object], clean: TextCleaner) -> list[object]:
    values = []
    for column in columns:
        value = typed_value(column, record.get(column.key))
        if isinstance(value, str):
            value = clean(value)
        values.append(value)
    return values


@dataclass(frozen=True)
class WriteReport:
    """What a writer wrote; ``replaced_characters`` counts text XML could not hold."""

    path: str
    projects: int
    events: int
    organisations: int
    history: int
    replaced_characters: int
