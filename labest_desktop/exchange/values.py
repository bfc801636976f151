"""Cell values as coordinators type them, turned into the domain's values.

Each ``parse_*`` function takes a raw cell (``None``/``""`` for empty, ``str``,
``int``/``float``, ``bool``, ``date``/``datetime`` as python-calamine or the csv module
return them) and gives back the value, ``None`` for an empty cell, or raises
:class:`~labest_desktop.exchange.errors.CellError` with a sentence saying what is
allowed. They never raise anything else, whatever the input.
"""

from __future__ import annotations

import logging
import math
import re
import uuid
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from labest_desktop import messages
from labest_desktop.domain.fields import CENT
from labest_desktop.domain.text import UNHOLDABLE, fold, split_list
from labest_desktop.domain.vocab import (
    DEPARTMENT_NAMES,
    DEPARTMENTS,
    EVENT_KIND_LABELS_FR,
    ORG_KIND_LABELS_FR,
    REGION,
    STAGE_LABELS_FR,
    STATUS_LABELS_FR,
    EventKind,
    OrgKind,
    Stage,
    Status,
    choices,
    event_kind_from_text,
    org_kind_from_text,
    stage_from_text,
    status_from_text,
)
from labest_desktop.exchange.columns import Kind
from labest_desktop.exchange.errors import CellError

logger = logging.getLogger(__name__)

# Spaces people (and Excel's French locale) put inside numbers: ordinary, no-break,
# narrow no-break, thin.
_NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_CURRENCY = re.compile(r"(€|eur|euros?)$", re.IGNORECASE)
_EXCEL_EPOCH = datetime(1899, 12, 30)
_SERIAL_MIN, _SERIAL_MAX = 1, 2958465  # 01/01/1900 .. 31/12/9999
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
# ISO 8601, and the year-first form Gnumeric writes in CSV (2026/11/26): a
# four-digit year first leaves no doubt about the order.
_YMD = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")
_DMY_TIME = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
_REFERENCE = re.compile(r"^[A-Z0-9]+(?:[-_][A-Z0-9]+)*-\d{4}-\d{4,}$")
_FINGERPRINT = re.compile(r"^[0-9a-f]{32,64}$")
_CANONICAL_UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


# UNHOLDABLE (domain/text.py): replaced on export, and on import from CSV.
REPLACEMENT = "\ufffd"


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _shown(raw: object) -> str:
    """The raw value as the report shows it (a float that is whole without ``.0``)."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime):
        return raw.strftime("%d/%m/%Y %H:%M")
    if isinstance(raw, date):
        return raw.strftime("%d/%m/%Y")
    return str(raw).strip()


def parse_text(raw: object) -> str | None:
    """Trimmed text; a number typed in a text column comes back as it was shown."""
    if is_blank(raw):
        return None
    if isinstance(raw, str):
        text = raw.strip()
        return UNHOLDABLE.sub(REPLACEMENT, text) if UNHOLDABLE.search(text) else text
    if isinstance(raw, bool):
        return "VRAI" if raw else "FAUX"
    if isinstance(raw, float):
        return str(int(raw)) if raw.is_integer() and math.isfinite(raw) else repr(raw)
    if isinstance(raw, datetime | date):
        return raw.isoformat()
    return str(raw).strip() or None


def parse_list(raw: object) -> list[str]:
    """Items of a ``;``-separated cell; an empty cell is an empty list."""
    text = parse_text(raw)
    return split_list(text) if text else []


def _choice(raw: object, from_text, key: str):
    """A vocabulary member from its code or its French or English label (the
    domain's lookup: any case, accents or extra spaces)."""
    if is_blank(raw):
        return None
    member = from_text(parse_text(raw) or "")
    if member is None:
        raise CellError(key, value=_shown(raw))
    return member


def parse_stage(raw: object) -> Stage | None:
    return _choice(raw, stage_from_text, "cell.stage")


def parse_status(raw: object) -> Status | None:
    return _choice(raw, status_from_text, "cell.status")


def parse_event_kind(raw: object) -> EventKind | None:
    return _choice(raw, event_kind_from_text, "cell.event_kind")


def parse_org_kind(raw: object) -> OrgKind | None:
    return _choice(raw, org_kind_from_text, "cell.org_kind")


_DEPARTMENT_BY_NAME = {fold(name): code for code, name in DEPARTMENT_NAMES.items()}
_DEPARTMENT_BY_NAME.update({fold(REGION): REGION, "grand est": REGION, "region grand est": REGION})


def parse_department(raw: object) -> str | None:
    """``08`` from the number 8, the text ``8`` or ``08``, or ``Ardennes``; ``Région``."""
    if is_blank(raw):
        return None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if isinstance(raw, float) and not raw.is_integer():
            raise CellError("cell.department", value=_shown(raw))
        code = f"{int(raw):02d}"
    else:
        text = parse_text(raw) or ""
        if re.fullmatch(r"\d{1,2}(\.0+)?", text):
            code = f"{int(float(text)):02d}"
        else:
            code = _DEPARTMENT_BY_NAME.get(fold(text), text)
    if code not in DEPARTMENTS:
        raise CellError("cell.department", value=_shown(raw))
    return code


def serial_of(moment: date | time | timedelta) -> float:
    """The spreadsheet serial number a date, date-time, time or duration cell stands for."""
    if isinstance(moment, timedelta):
        return moment.total_seconds() / 86_400
    if isinstance(moment, time):
        return (moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6) / 86_400
    if isinstance(moment, datetime):
        delta = moment - _EXCEL_EPOCH
        return delta.days + (delta.seconds + delta.microseconds / 1e6) / 86_400
    return float((moment - _EXCEL_EPOCH.date()).days)


def _from_serial(serial: float, raw: object) -> datetime:
    if not math.isfinite(serial) or not _SERIAL_MIN <= serial <= _SERIAL_MAX:
        raise CellError("cell.date", value=_shown(raw))
    # Whole milliseconds: Excel keeps no more, and float noise would show as µs.
    return _EXCEL_EPOCH + timedelta(milliseconds=round(serial * 86_400_000))


def _year(text: str) -> int:
    # Two-digit years are this century: coordinators type 26/11/26 for 2026.
    return 2000 + int(text) if len(text) == 2 else int(text)


def parse_date(raw: object) -> date | None:
    """A date cell, an Excel serial number, ``26/11/2026``, ``26/11/26`` or ``2026-11-26``."""
    if is_blank(raw):
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return _from_serial(float(raw), raw).date()
    text = parse_text(raw) or ""
    try:
        if match := _DMY.match(text):
            day, month, year = match.groups()
            return date(_year(year), int(month), int(day))
        if match := _YMD.match(text):
            year, _, month, day = match.groups()
            return date(int(year), int(month), int(day))
        # A CSV written by a program may carry a full ISO timestamp.
        if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text):
            return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    raise CellError("cell.date", value=_shown(raw))


def parse_datetime(raw: object) -> datetime | None:
    """A date-time cell, a serial number, ISO 8601 or ``26/11/2026 14:30``."""
    if is_blank(raw):
        return None
    if isinstance(raw, datetime):
        return raw
    if isinstance(raw, date):
        return datetime.combine(raw, time())
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return _from_serial(float(raw), raw)
    text = parse_text(raw) or ""
    try:
        if match := _DMY_TIME.match(text):
            d, m, y, hh, mm, ss = match.groups()
            return datetime(int(y), int(m), int(d), int(hh), int(mm), int(ss or 0))
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        pass
    try:
        found = parse_date(text)
    except CellError:
        found = None
    if found is None:
        raise CellError("cell.datetime", value=_shown(raw))
    return datetime.combine(found, time())


def _decimal_from_float(value: float, raw: object, key: str) -> Decimal:
    """The cents a float cell stands for, refused when it holds finer fractions.

    A float such as ``12000.499999999998`` is how a spreadsheet stores 12000.50
    after arithmetic; ``repr`` of the value rounded to cents gives the shortest
    exact decimal, so no binary noise reaches the Decimal.
    """
    if not math.isfinite(value):
        raise CellError(key, value=_shown(raw))
    rounded = round(value, 2)
    # A few units in the last place: the noise of float arithmetic, not real decimals.
    if abs(value - rounded) > max(8 * math.ulp(value), 1e-9):
        raise CellError("cell.amount_cents", value=_shown(raw))
    return Decimal(repr(rounded)).quantize(CENT)


def _decimal_from_text(text: str, raw: object) -> Decimal:
    compact = _NUMBER_SPACES.sub("", text)
    compact = _CURRENCY.sub("", compact)
    compact = _NUMBER_SPACES.sub("", compact)
    if not re.fullmatch(r"[+-]?[\d.,]+", compact) or not re.search(r"\d", compact):
        raise CellError("cell.amount", value=_shown(raw))
    sign = "-" if compact.startswith("-") else ""
    digits = compact.lstrip("+-")
    commas, dots = digits.count(","), digits.count(".")
    if commas and dots:
        # 12.000,50 or 12,000.50: the last separator is the decimal one.
        decimal_sep = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        if digits.count(decimal_sep) > 1:
            raise CellError("cell.amount", value=_shown(raw))
        whole, _, cents = digits.partition(decimal_sep)
        if not re.fullmatch(r"\d{1,3}(" + re.escape(thousands) + r"\d{3})*", whole):
            raise CellError("cell.amount", value=_shown(raw))
        digits = whole.replace(thousands, "") + "." + cents
    elif commas > 1 or dots > 1:
        sep = "," if commas else "."
        if not re.fullmatch(r"\d{1,3}(" + re.escape(sep) + r"\d{3})+", digits):
            raise CellError("cell.amount", value=_shown(raw))
        digits = digits.replace(sep, "")
    elif commas or dots:
        sep = "," if commas else "."
        whole, _, cents = digits.partition(sep)
        if not whole or not cents:
            raise CellError("cell.amount", value=_shown(raw))
        digits = whole + "." + cents
    try:
        value = Decimal(sign + digits)
    except InvalidOperation:
        raise CellError("cell.amount", value=_shown(raw)) from None
    if value != value.quantize(CENT):
        if not _float_noise(value):
            raise CellError("cell.amount_cents", value=_shown(raw))
    return value.quantize(CENT)


def _float_noise(value: Decimal) -> bool:
    """Whether ``value`` is a float printed at full precision (Gnumeric's CSV writes
    999999999999.99 as ``999999999999.99000001``): 16 significant digits or more,
    and the same binary number as its amount in cents."""
    digits = value.as_tuple().digits
    return len(digits) >= 16 and float(value) == float(value.quantize(CENT))


def parse_amount(raw: object) -> Decimal | None:
    """Euros as ``Decimal`` cents: a number cell, ``12 000,50 €``, ``12000.50``, ``12 000``.

    Text never goes through ``float``; only a float cell does, rounded to cents.
    The sign is kept so that the domain rule reports a negative budget itself.
    """
    if is_blank(raw):
        return None
    if isinstance(raw, bool):
        raise CellError("cell.amount", value=_shown(raw))
    if isinstance(raw, int):
        return Decimal(raw).quantize(CENT)
    if isinstance(raw, Decimal):
        if not raw.is_finite() or raw != raw.quantize(CENT):
            raise CellError("cell.amount_cents", value=_shown(raw))
        return raw.quantize(CENT)
    if isinstance(raw, float):
        return _decimal_from_float(raw, raw, "cell.amount")
    if isinstance(raw, str):
        return _decimal_from_text(raw.strip(), raw)
    raise CellError("cell.amount", value=_shown(raw))


def parse_count(raw: object) -> int | None:
    """A whole number: ``12``, ``12.0``, ``12,0``, ``1 200``; sign kept for the domain rule."""
    if is_blank(raw):
        return None
    if isinstance(raw, bool):
        raise CellError("cell.count", value=_shown(raw))
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if math.isfinite(raw) and raw.is_integer():
            return int(raw)
        raise CellError("cell.count", value=_shown(raw))
    text = _NUMBER_SPACES.sub("", parse_text(raw) or "")
    match = re.fullmatch(r"([+-]?\d+)(?:[.,]0*)?", text)
    if not match or len(match.group(1)) > 12:
        raise CellError("cell.count", value=_shown(raw))
    return int(match.group(1))


def parse_reference(raw: object) -> str | None:
    """``CODE-YYYY-NNNN``, upper-cased (a coordinator may type it in lower case)."""
    text = parse_text(raw)
    if text is None:
        return None
    reference = text.upper()
    if not _REFERENCE.match(reference):
        raise CellError("cell.reference", value=_shown(raw))
    return reference


def parse_uid(raw: object) -> str | None:
    text = parse_text(raw)
    if text is None:
        return None
    if _CANONICAL_UID.fullmatch(text):
        return text  # as this application writes it: what uuid.UUID would give back
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise CellError("cell.uid", value=_shown(raw)) from None


def parse_fingerprint(raw: object) -> str | None:
    """The hidden digest, or ``None`` when absent or mangled.

    A damaged fingerprint is not the coordinator's doing (the column is hidden):
    it is treated as absent, which the merge handles by asking about every
    difference, rather than blocking the row.
    """
    text = parse_text(raw)
    if text is None:
        return None
    text = text.lower()
    if not _FINGERPRINT.match(text):
        logger.warning("ignoring a malformed fingerprint %r", text[:80])
        return None
    return text


# Texts each identity parser gives back unchanged when the pattern matches them
# whole (their own spellings): a row handed over by the reader's process is checked
# against these first (exchange/parsed_stream.py), then against the parser itself.
OWN_SPELLINGS = {parse_uid: _CANONICAL_UID, parse_reference: _REFERENCE, parse_fingerprint: _FINGERPRINT}


ANCESTRY_MAX = 16  # fingerprints kept from one cell: more is not ours
_ANCESTRY_SEPARATORS = re.compile(r"[\s;,]+")


def parse_ancestry(raw: object) -> list[str]:
    """The earlier fingerprints of a row, newest first (hidden column).

    Like ``Empreinte``, the column is the merge's, not the coordinator's: a token
    that is not a fingerprint is left out, never an error.
    """
    text = parse_text(raw)
    if text is None:
        return []
    found: list[str] = []
    for token in _ANCESTRY_SEPARATORS.split(text.lower()):
        if token and _FINGERPRINT.match(token) and token not in found:
            found.append(token)
            if len(found) == ANCESTRY_MAX:
                break
    return found


def parse_updated_at(raw: object) -> datetime | None:
    """Read-only column: a value that is not a date-time is simply ignored."""
    try:
        return parse_datetime(raw)
    except CellError:
        return None


PARSERS: dict[Kind, Callable[[object], object]] = {
    Kind.TEXT: parse_text,
    Kind.URL: parse_text,  # the address rule is the domain's, checked with the row
    Kind.LIST: parse_list,
    Kind.REFERENCE: parse_reference,
    Kind.STAGE: parse_stage,
    Kind.STATUS: parse_status,
    Kind.DEPARTMENT: parse_department,
    Kind.DATE: parse_date,
    Kind.DATETIME: parse_updated_at,
    Kind.AMOUNT: parse_amount,
    Kind.COUNT: parse_count,
    Kind.UID: parse_uid,
    Kind.FINGERPRINT: parse_fingerprint,
    Kind.ANCESTRY: parse_ancestry,
    Kind.EVENT_KIND: parse_event_kind,
    Kind.ORG_KIND: parse_org_kind,
}


def parse_cell(kind: Kind, raw: object) -> object:
    """Dispatch on the column's kind; raises only :class:`CellError`."""
    try:
        return PARSERS[kind](raw)
    except CellError:
        raise
    except UNFORESEEN as exc:
        raise unforeseen_value(kind, raw, exc) from None


# What a parser may raise on a value shape nobody foresaw: caught by whoever calls
# a parser of PARSERS directly, and turned into :func:`unforeseen_value`.
UNFORESEEN = (ValueError, TypeError, OverflowError, ArithmeticError)


def unforeseen_value(kind: Kind, raw: object, exc: Exception) -> CellError:
    """A value shape nobody foresaw must still be one line in the report."""
    logger.debug("unexpected cell value %r for %s: %s", raw, kind, exc)
    return CellError("cell.invalid", value=_shown(raw))


messages.register(
    {
        # The workbook spells values with their French labels, in either language's sentence.
        "cell.stage": (
            "Étape inconnue « {value} » : choisir " + choices(STAGE_LABELS_FR.values(), "fr") + ".",
            "Unknown stage “{value}”: choose " + choices(STAGE_LABELS_FR.values(), "en") + ".",
        ),
        "cell.status": (
            "Statut inconnu « {value} » : choisir " + choices(STATUS_LABELS_FR.values(), "fr") + ".",
            "Unknown status “{value}”: choose " + choices(STATUS_LABELS_FR.values(), "en") + ".",
        ),
        "cell.department": (
            "Département « {value} » non reconnu : choisir 08, 10, 51, 52, 54, 55, 57, 67, 68, "
            "88 ou Région.",
            "Department “{value}” not recognised: choose 08, 10, 51, 52, 54, 55, 57, 67, 68, "
            "88 or Région.",
        ),
        "cell.date": (
            "« {value} » n'est pas une date : saisir une date comme 26/11/2026 ou 2026-11-26.",
            "“{value}” is not a date: type a date such as 26/11/2026 or 2026-11-26.",
        ),
        "cell.datetime": (
            "« {value} » n'est pas une date et heure : saisir par exemple 26/11/2026 14:30.",
            "“{value}” is not a date and time: type for example 26/11/2026 14:30.",
        ),
        "cell.amount": (
            "« {value} » n'est pas un montant en euros : saisir par exemple 12 000,50 ou 12000.50.",
            "“{value}” is not an amount in euros: type for example 12 000,50 or 12000.50.",
        ),
        "cell.amount_cents": (
            "Le montant « {value} » a plus de deux décimales : arrondir au centime.",
            "The amount “{value}” has more than two decimals: round it to the cent.",
        ),
        "cell.count": (
            "« {value} » n'est pas un nombre entier : saisir par exemple 12.",
            "“{value}” is not a whole number: type for example 12.",
        ),
        "cell.reference": (
            "Référence « {value} » mal formée : attendu CODE-AAAA-NNNN (par exemple "
            "LAB-2026-0007), ou laisser vide pour un nouveau projet.",
            "Malformed reference “{value}”: expected CODE-YYYY-NNNN (for example "
            "LAB-2026-0007), or leave it blank for a new project.",
        ),
        "cell.uid": (
            "Identifiant « {value} » altéré : ne pas modifier cette colonne (la vider pour "
            "un nouveau projet).",
            "Identifier “{value}” was altered: do not edit this column (empty it for a new "
            "project).",
        ),
        "cell.event_kind": (
            "Type d'événement inconnu « {value} » : choisir " + choices(EVENT_KIND_LABELS_FR.values(), "fr") + ".",
            "Unknown event type “{value}”: choose " + choices(EVENT_KIND_LABELS_FR.values(), "en") + ".",
        ),
        "cell.org_kind": (
            "Type d'organisation inconnu « {value} » : choisir " + choices(ORG_KIND_LABELS_FR.values(), "fr") + ".",
            "Unknown organisation type “{value}”: choose one of the listed types.",
        ),
        "cell.invalid": (
            "Valeur « {value} » illisible dans cette colonne.",
            "Unreadable value “{value}” in this column.",
        ),
        "cell.required": (
            "Cette colonne est obligatoire.",
            "This column is required.",
        ),
    }
)
