"""The exchange fields of a project, their rules, snapshot and fingerprint.

``ProjectFields`` is the plain value of everything a user edits on a project (the
columns of docs/exchange-format.md minus identity and time), one attribute per
field of :mod:`labest_desktop.domain.field_registry`. The window's
editor, the command line and the workbook import all build one and call
:func:`validate`, so each rule is written once. A *snapshot* is the JSON form of the
fields plus identity, stored in every revision; its *fingerprint* (see
:mod:`labest_desktop.domain.fingerprints`) is the digest the exchange workbook
carries in its hidden ``Empreinte`` column.
"""

from __future__ import annotations

from dataclasses import field, make_dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from labest_desktop import messages
from labest_desktop.domain.errors import ValidationError
from labest_desktop.domain.field_registry import (
    PERIOD_KEYS,
    PROJECT_FIELDS,
    TITLE_MAX,
    FieldKind,
    FieldSpec,
)
from labest_desktop.domain.text import UNHOLDABLE, fold, unique
from labest_desktop.domain.vocab import (
    DEPARTMENTS,
    STAGE_LABELS_EN,
    STAGE_LABELS_FR,
    STAGE_TERMS,
    STATUS_LABELS_EN,
    STATUS_LABELS_FR,
    STATUS_TERMS,
    Stage,
    Status,
    choices,
    term_sentences,
)
from labest_desktop.domain.web_address import web_address_problem

__all__ = ["TITLE_MAX", "ProjectFields", "check", "from_snapshot", "to_snapshot", "validate"]

BUDGET_MAX = Decimal("999999999999.99")
COUNT_MAX = 10_000_000
CENT = Decimal("0.01")

# Fields a user or a workbook may change, in the order of the exchange workbook's columns.
EDITABLE_KEYS = tuple(spec.key for spec in PROJECT_FIELDS)
# Keys of a snapshot: identity around the editable fields, in column order.
SNAPSHOT_KEYS = ("reference", *EDITABLE_KEYS, "uid")

_PYTHON_TYPE = {
    FieldKind.LINE: "str | None",
    FieldKind.LONG_TEXT: "str | None",
    FieldKind.ORGANISATION: "str | None",
    FieldKind.ORGANISATIONS: "tuple[str, ...]",
    FieldKind.ENVELOPE: "str | None",
    FieldKind.TAGS: "tuple[str, ...]",
    FieldKind.STAGE: "Stage",
    FieldKind.STATUS: "Status",
    FieldKind.DEPARTMENT: "str | None",
    FieldKind.DATE: "date | None",
    FieldKind.AMOUNT: "Decimal | None",
    FieldKind.COUNT: "int | None",
    FieldKind.URL: "str | None",
}
_DEFAULT = {FieldKind.STAGE: Stage.IDEATION, FieldKind.STATUS: Status.ACTIVE}
TEXT_KINDS = frozenset({FieldKind.LINE, FieldKind.LONG_TEXT, FieldKind.ORGANISATION, FieldKind.ENVELOPE,
                        FieldKind.URL})


def _default(spec: FieldSpec):
    if spec.is_list:
        return field(default_factory=tuple)
    if spec.required:
        return ""
    return _DEFAULT.get(spec.kind)


def _with_changes(self, **changes: object):
    return replace(self, **changes)


def _normalised(self):
    """Same fields with text trimmed, empty text as ``None``, lists de-duplicated,
    organisation lists sorted (their order carries no meaning) and the budget in cents."""
    changes: dict[str, object] = {}
    for spec in PROJECT_FIELDS:
        value = getattr(self, spec.key)
        if spec.is_list:
            items = unique([item.strip() for item in value if item and item.strip()])
            changes[spec.key] = tuple(sorted(items, key=fold) if spec.kind is FieldKind.ORGANISATIONS else items)
        elif spec.kind in TEXT_KINDS and not spec.required:
            changes[spec.key] = (value.strip() or None) if isinstance(value, str) else value
        elif spec.kind is FieldKind.AMOUNT:
            if isinstance(value, Decimal) and value.is_finite() and value == value.quantize(CENT):
                changes[spec.key] = value.quantize(CENT)
    for spec in PROJECT_FIELDS:
        if spec.required:
            changes[spec.key] = (getattr(self, spec.key) or "").strip()
    return replace(self, **changes)


# The plain value of everything a user edits on a project, one attribute per field of
# the registry (``values.title``, ``values.budget``…).
ProjectFields = make_dataclass(
    "ProjectFields",
    [(spec.key, _PYTHON_TYPE[spec.kind], _default(spec)) for spec in PROJECT_FIELDS],
    namespace={"with_changes": _with_changes, "normalised": _normalised, "__module__": __name__},
    frozen=True,
    slots=True,
)


def validate(values: ProjectFields) -> list[ValidationError]:
    """Every rule the fields break, each as an error naming its field."""
    errors: list[ValidationError] = []
    if not values.title or not values.title.strip():
        errors.append(ValidationError("title", "rule.title_required"))
    suspect = _text_suspect(values)
    for check in _CHECKS:
        value = getattr(values, check[0])
        if value is not None:
            _add_value_errors(errors, check, value, texts=suspect)
    order = date_order_error(*(getattr(values, key) for key in PERIOD_KEYS))
    if order is not None:
        errors.append(order)
    return errors


def field_errors(key: str, value: object) -> list[ValidationError]:
    """The rules one field's value breaks on its own: :func:`validate`'s, all but the
    order of the period's dates, which ties two fields (:func:`date_order_error`).
    For checking the few fields of a row not checked already (a test holds the two
    functions to the same errors)."""
    errors: list[ValidationError] = []
    if key == "title" and (not value or not value.strip()):  # type: ignore[union-attr]
        errors.append(ValidationError("title", "rule.title_required"))
    if value is not None:
        _add_value_errors(errors, _CHECK_OF[key], value, texts=True)
    return errors


def _add_value_errors(errors: list[ValidationError], check: tuple, value: object, *, texts: bool) -> None:
    """Add to ``errors`` the rules of one field (``check``, a row of ``_CHECKS``) that
    ``value`` breaks; the text rules only with ``texts`` (:func:`validate` skips them
    for a row whose texts it found clean in one search)."""
    key, limit, listed, textual, rule = check
    items = value if listed else (value,)
    if limit is not None:
        for item in items:
            if item and len(item) > limit and len(item.strip()) > limit:
                errors.append(ValidationError(key, "rule.too_long", limit=limit, length=len(item.strip())))
    if texts and textual:
        if any(isinstance(v, str) and UNHOLDABLE.search(v) for v in items):
            errors.append(ValidationError(key, "rule.text_unholdable"))
        elif listed and any(isinstance(v, str) and ";" in v for v in items):
            errors.append(ValidationError(key, "rule.list_separator"))
    if rule is not None:
        errors.extend(rule(key, value))


def _text_suspect(values: ProjectFields) -> bool:
    """Whether any text might break a text rule: one search over every text of the
    row (most rows break none) before the field by field one that names the field."""
    texts: list[str] = []
    items: list[str] = []
    for key, listed in _TEXT_KEYS:
        value = getattr(values, key)
        if value is not None:
            if listed:
                items.extend(value)
            else:
                texts.append(value)
    try:
        listed_text = "\n".join(items)
        return ";" in listed_text or UNHOLDABLE.search(listed_text + "\n" + "\n".join(texts)) is not None
    except TypeError:  # a value that is not text: the field by field checks say which
        return True


def date_order_error(start: date | None, end: date | None) -> ValidationError | None:
    """The one rule that ties two fields: the planned end is not before the start."""
    if start and end and end < start:
        return ValidationError(
            PERIOD_KEYS[1], "rule.end_before_start", start=start.strftime("%d/%m/%Y"), end=end.strftime("%d/%m/%Y")
        )
    return None


def _stage_errors(key: str, value: object) -> list[ValidationError]:
    return [] if isinstance(value, Stage) else [ValidationError(key, "rule.stage_unknown", value=value)]


def _status_errors(key: str, value: object) -> list[ValidationError]:
    return [] if isinstance(value, Status) else [ValidationError(key, "rule.status_unknown", value=value)]


def _department_errors(key: str, value: object) -> list[ValidationError]:
    return [] if value in DEPARTMENTS else [ValidationError(key, "rule.department_unknown", value=value)]


def _count_errors(key: str, value: object) -> list[ValidationError]:
    if isinstance(value, bool) or not isinstance(value, int):
        return [ValidationError(key, "rule.count_whole", value=value)]
    if value < 0:
        return [ValidationError(key, "rule.count_negative", value=value)]
    if value > COUNT_MAX:
        return [ValidationError(key, "rule.count_too_large", value=value, limit=COUNT_MAX)]
    return []


def _budget_errors(key: str, budget: object) -> list[ValidationError]:
    if not isinstance(budget, Decimal) or not budget.is_finite():
        return [ValidationError(key, "rule.budget_not_amount", value=budget)]
    if budget < 0:
        return [ValidationError(key, "rule.budget_negative", value=budget)]
    if budget > BUDGET_MAX:
        return [ValidationError(key, "rule.budget_too_large", value=budget)]
    try:
        if budget != budget.quantize(CENT):
            return [ValidationError(key, "rule.budget_cents", value=budget)]
    except InvalidOperation:
        return [ValidationError(key, "rule.budget_not_amount", value=budget)]
    return []


def _url_errors(key: str, value: object) -> list[ValidationError]:
    problem = web_address_problem(value) if isinstance(value, str) else "rule.url_invalid"
    return [] if problem is None else [ValidationError(key, problem, value=value)]


_KIND_RULES = {
    FieldKind.URL: _url_errors,
    FieldKind.STAGE: _stage_errors,
    FieldKind.STATUS: _status_errors,
    FieldKind.DEPARTMENT: _department_errors,
    FieldKind.COUNT: _count_errors,
    FieldKind.AMOUNT: _budget_errors,
}


# What validate() checks of each field, worked out once from the registry (an
# import checks every row): key, length limit, list or not, text rules, kind rule.
_CHECKS = tuple(
    (spec.key, spec.max_length, spec.is_list, spec.kind in TEXT_KINDS or spec.is_list, _KIND_RULES.get(spec.kind))
    for spec in PROJECT_FIELDS
)


_CHECK_OF = {check[0]: check for check in _CHECKS}

# The fields the text rules read: (key, list or not).
_TEXT_KEYS = tuple((key, listed) for key, _limit, listed, textual, _rule in _CHECKS if textual)


def check(values: ProjectFields) -> ProjectFields:
    """The normalised fields, or the first broken rule raised."""
    values = values.normalised()
    errors = validate(values)
    if errors:
        raise errors[0]
    return values


# --- snapshot ------------------------------------------------------


def _amount_text(value: Decimal) -> str:
    return format(value.quantize(CENT), "f")


# Python value -> JSON value, and back, for the kinds whose spellings differ.
_TO_JSON = {
    FieldKind.STAGE: str,
    FieldKind.STATUS: str,
    FieldKind.DATE: date.isoformat,
    FieldKind.AMOUNT: _amount_text,
}
_FROM_JSON = {
    FieldKind.STAGE: Stage,
    FieldKind.STATUS: Status,
    FieldKind.DATE: date.fromisoformat,
    FieldKind.AMOUNT: Decimal,
}


def encode_value(spec: FieldSpec, value: object) -> object:
    """A field's value as its snapshot (JSON) spelling."""
    if spec.is_list:
        return list(value or ())
    if value is None:
        return None
    encode = _TO_JSON.get(spec.kind)
    return encode(value) if encode is not None else value


def decode_value(spec: FieldSpec, value: object) -> object:
    """A snapshot (JSON) spelling as the field's value; absent values take the default."""
    if spec.is_list:
        return tuple(value or ())
    if value is None or (value == "" and spec.kind in _FROM_JSON):
        return _DEFAULT.get(spec.kind, "" if spec.required else None)
    decode = _FROM_JSON.get(spec.kind)
    return decode(value) if decode is not None else value


def _encoder(spec: FieldSpec):
    """:func:`encode_value` for one field, as a function of the value alone."""
    if spec.is_list:
        return lambda value: list(value or ())
    encode = _TO_JSON.get(spec.kind)
    if encode is None:
        return None  # the value is its own spelling
    return lambda value: None if value is None else encode(value)


# Each field's snapshot spelling, worked out once (an import encodes every field of
# every row): ``None`` where the value is its own spelling.
SNAPSHOT_ENCODERS = {spec.key: _encoder(spec) for spec in PROJECT_FIELDS}
_ENCODE_ALL = tuple(SNAPSHOT_ENCODERS.items())


def to_snapshot(values: ProjectFields, *, uid: str, reference: str) -> dict:
    """JSON-ready dict with the exchange format's keys and JSON spellings."""
    snapshot: dict = {"reference": reference}
    for key, encode in _ENCODE_ALL:
        value = getattr(values, key)
        snapshot[key] = value if encode is None else encode(value)
    snapshot["uid"] = uid
    return snapshot


def from_snapshot(snapshot: dict) -> ProjectFields:
    return ProjectFields(**{key: decode(snapshot.get(key)) for key, decode in _DECODE_ALL})


def _decoder(spec: FieldSpec):
    """:func:`decode_value` for one field, as a function of the value alone."""
    if spec.is_list:
        return lambda value: tuple(value or ())
    default = _DEFAULT.get(spec.kind, "" if spec.required else None)
    decode = _FROM_JSON.get(spec.kind)
    if decode is None:
        return lambda value: default if value is None else value
    return lambda value: default if value is None or value == "" else decode(value)


_DECODE_ALL = tuple((spec.key, _decoder(spec)) for spec in PROJECT_FIELDS)
# Each field's :func:`decode_value`, as a function of the value alone.
SNAPSHOT_DECODERS = dict(_DECODE_ALL)


def empty_snapshot() -> dict:
    """The editable keys of a snapshot with every field empty (stage and status at
    their defaults): what a new project starts from (each call a new dict, with new
    lists)."""
    snapshot = dict(_EMPTY_SNAPSHOT)
    for key in _LIST_KEYS:
        snapshot[key] = []
    return snapshot


_EMPTY_SNAPSHOT = {spec.key: encode_value(spec, decode_value(spec, None)) for spec in PROJECT_FIELDS}
_LIST_KEYS = tuple(spec.key for spec in PROJECT_FIELDS if spec.is_list)


def changed_keys(before: dict, after: dict) -> list[str]:
    """Snapshot keys whose values differ, in column order."""
    return [key for key in SNAPSHOT_KEYS if before.get(key) != after.get(key)]


messages.register(
    {
        **term_sentences("stage", STAGE_TERMS),
        **term_sentences("status", STATUS_TERMS),
        "rule.title_required": ("Le titre est obligatoire.", "The title is required."),
        "rule.too_long": (
            "Texte trop long : {length} caractères pour {limit} au plus.",
            "Text too long: {length} characters, at most {limit} allowed.",
        ),
        "rule.stage_unknown": (
            "Étape inconnue « {value} » : choisir " + choices(STAGE_LABELS_FR.values(), "fr") + ".",
            "Unknown stage “{value}”: choose " + choices(STAGE_LABELS_EN.values(), "en") + ".",
        ),
        "rule.status_unknown": (
            "Statut inconnu « {value} » : choisir " + choices(STATUS_LABELS_FR.values(), "fr") + ".",
            "Unknown status “{value}”: choose " + choices(STATUS_LABELS_EN.values(), "en") + ".",
        ),
        "rule.department_unknown": (
            "Département « {value} » hors Grand Est : choisir 08, 10, 51, 52, 54, 55, 57, 67, 68, 88 ou Région.",
            "Department “{value}” is not in Grand Est: choose 08, 10, 51, 52, 54, 55, 57, 67, 68, 88 or Région.",
        ),
        "rule.end_before_start": (
            "La date de fin prévue ({end}) précède la date de début ({start}).",
            "The planned end date ({end}) is before the start date ({start}).",
        ),
        "rule.budget_not_amount": (
            "« {value} » n'est pas un montant en euros (exemple : 12 000,50).",
            "“{value}” is not an amount in euros (for example 12000.50).",
        ),
        "rule.budget_negative": (
            "Le budget ne peut pas être négatif ({value}).",
            "The budget cannot be negative ({value}).",
        ),
        "rule.budget_too_large": (
            "Budget trop élevé ({value}) : 999 999 999 999,99 € au plus.",
            "Budget too large ({value}): at most 999,999,999,999.99 €.",
        ),
        "rule.budget_cents": (
            "Le budget s'exprime au centime près ({value} a trop de décimales).",
            "The budget is in whole cents ({value} has too many decimals).",
        ),
        "rule.count_whole": (
            "« {value} » n'est pas un nombre entier.",
            "“{value}” is not a whole number.",
        ),
        "rule.count_negative": (
            "Le nombre ne peut pas être négatif ({value}).",
            "The number cannot be negative ({value}).",
        ),
        "rule.count_too_large": (
            "Nombre trop grand ({value}) : {limit} au plus.",
            "Number too large ({value}): at most {limit}.",
        ),
        "rule.text_unholdable": (
            "Ce texte contient un caractère de contrôle invisible qu'aucun classeur ne peut "
            "contenir : le retirer.",
            "This text holds an invisible control character no workbook can hold: remove it.",
        ),
        "rule.list_separator": (
            "« ; » sépare les éléments de la liste : un nom ne peut pas le contenir.",
            "“;” separates the items of the list: a name cannot contain it.",
        ),
    }
)
