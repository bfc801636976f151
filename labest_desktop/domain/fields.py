"""The exchange fields of a project, their rules, snapshot and fingerprint.

``ProjectFields`` is the plain value of everything a user edits on a project (the
columns of docs/exchange-format.md minus identity and time). The window's
editor, the command line and the workbook import all build one and call
:func:`validate`, so each rule is written once. A *snapshot* is the JSON form of the
fields plus identity, stored in every revision; its *fingerprint* (see
:mod:`labest_desktop.domain.fingerprints`) is the digest the exchange workbook
carries in its hidden ``Empreinte`` column.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from dataclasses import fields as dc_fields
from datetime import date
from decimal import Decimal, InvalidOperation

from labest_desktop import messages
from labest_desktop.domain.errors import ValidationError
from labest_desktop.domain.text import UNHOLDABLE, fold, unique
from labest_desktop.domain.vocab import DEPARTMENTS, Stage, Status

TITLE_MAX = 200
DESCRIPTION_MAX = 10_000
NAME_MAX = 200
BUDGET_MAX = Decimal("999999999999.99")
COUNT_MAX = 10_000_000
CENT = Decimal("0.01")

# Keys of a snapshot, in the order of the exchange workbook's columns.
SNAPSHOT_KEYS = (
    "reference",
    "title",
    "stage",
    "status",
    "lead",
    "partners",
    "tags",
    "department",
    "contact",
    "start_date",
    "end_date",
    "budget",
    "funding",
    "users_involved",
    "agents_involved",
    "description",
    "uid",
)
# Fields a user or a workbook may change (identity excluded).
EDITABLE_KEYS = tuple(k for k in SNAPSHOT_KEYS if k not in ("reference", "uid"))


@dataclass(frozen=True, slots=True)
class ProjectFields:
    title: str
    stage: Stage = Stage.IDEATION
    status: Status = Status.ACTIVE
    lead: str | None = None
    partners: tuple[str, ...] = field(default_factory=tuple)
    tags: tuple[str, ...] = field(default_factory=tuple)
    department: str | None = None
    contact: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    budget: Decimal | None = None
    funding: str | None = None
    users_involved: int | None = None
    agents_involved: int | None = None
    description: str | None = None

    def with_changes(self, **changes: object) -> ProjectFields:
        return replace(self, **changes)

    def normalised(self) -> ProjectFields:
        """Same fields with text trimmed, empty text as ``None``, lists de-duplicated,
        partners sorted (their order carries no meaning) and the budget in cents."""
        def txt(value: str | None) -> str | None:
            if value is None:
                return None
            value = value.strip()
            return value or None

        partners = tuple(sorted(unique([p.strip() for p in self.partners if p and p.strip()]), key=fold))
        tags = tuple(unique([t.strip() for t in self.tags if t and t.strip()]))
        budget = self.budget
        if isinstance(budget, Decimal) and budget.is_finite() and budget == budget.quantize(CENT):
            budget = budget.quantize(CENT)
        return replace(
            self,
            title=(self.title or "").strip(),
            lead=txt(self.lead),
            partners=partners,
            tags=tags,
            department=txt(self.department),
            contact=txt(self.contact),
            funding=txt(self.funding),
            description=txt(self.description),
            budget=budget,
        )


def validate(values: ProjectFields) -> list[ValidationError]:
    """Every rule the fields break, each as an error naming its field."""
    errors: list[ValidationError] = []
    if not values.title or not values.title.strip():
        errors.append(ValidationError("title", "rule.title_required"))
    elif len(values.title.strip()) > TITLE_MAX:
        errors.append(ValidationError("title", "rule.too_long", limit=TITLE_MAX, length=len(values.title.strip())))
    if values.description and len(values.description) > DESCRIPTION_MAX:
        errors.append(
            ValidationError("description", "rule.too_long", limit=DESCRIPTION_MAX, length=len(values.description))
        )
    for key in ("lead", "contact", "funding"):
        value = getattr(values, key)
        if value and len(value.strip()) > NAME_MAX:
            errors.append(ValidationError(key, "rule.too_long", limit=NAME_MAX, length=len(value.strip())))
    for key in ("title", "lead", "contact", "funding", "description", "partners", "tags"):
        value = getattr(values, key)
        items = value if isinstance(value, tuple) else (value,)
        if any(isinstance(v, str) and UNHOLDABLE.search(v) for v in items):
            errors.append(ValidationError(key, "rule.text_unholdable"))
        elif isinstance(value, tuple) and any(isinstance(v, str) and ";" in v for v in value):
            errors.append(ValidationError(key, "rule.list_separator"))
    for name in values.partners:
        if name and len(name.strip()) > NAME_MAX:
            errors.append(ValidationError("partners", "rule.too_long", limit=NAME_MAX, length=len(name.strip())))
    if not isinstance(values.stage, Stage):
        errors.append(ValidationError("stage", "rule.stage_unknown", value=values.stage))
    if not isinstance(values.status, Status):
        errors.append(ValidationError("status", "rule.status_unknown", value=values.status))
    if values.department is not None and values.department not in DEPARTMENTS:
        errors.append(ValidationError("department", "rule.department_unknown", value=values.department))
    order = date_order_error(values.start_date, values.end_date)
    if order is not None:
        errors.append(order)
    errors.extend(_budget_errors(values.budget))
    for key in ("users_involved", "agents_involved"):
        value = getattr(values, key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            errors.append(ValidationError(key, "rule.count_whole", value=value))
        elif value < 0:
            errors.append(ValidationError(key, "rule.count_negative", value=value))
        elif value > COUNT_MAX:
            errors.append(ValidationError(key, "rule.count_too_large", value=value, limit=COUNT_MAX))
    return errors


def date_order_error(start: date | None, end: date | None) -> ValidationError | None:
    """The one rule that ties two fields: the planned end is not before the start."""
    if start and end and end < start:
        return ValidationError(
            "end_date", "rule.end_before_start", start=start.strftime("%d/%m/%Y"), end=end.strftime("%d/%m/%Y")
        )
    return None


def _budget_errors(budget: Decimal | None) -> list[ValidationError]:
    if budget is None:
        return []
    if not isinstance(budget, Decimal) or not budget.is_finite():
        return [ValidationError("budget", "rule.budget_not_amount", value=budget)]
    if budget < 0:
        return [ValidationError("budget", "rule.budget_negative", value=budget)]
    if budget > BUDGET_MAX:
        return [ValidationError("budget", "rule.budget_too_large", value=budget)]
    try:
        if budget != budget.quantize(CENT):
            return [ValidationError("budget", "rule.budget_cents", value=budget)]
    except InvalidOperation:
        return [ValidationError("budget", "rule.budget_not_amount", value=budget)]
    return []


def check(values: ProjectFields) -> ProjectFields:
    """The normalised fields, or the first broken rule raised."""
    values = values.normalised()
    errors = validate(values)
    if errors:
        raise errors[0]
    return values


# --- snapshot ------------------------------------------------------


def to_snapshot(values: ProjectFields, *, uid: str, reference: str) -> dict:
    """JSON-ready dict with the exchange format's keys and JSON spellings."""
    return {
        "reference": reference,
        "title": values.title,
        "stage": str(values.stage),
        "status": str(values.status),
        "lead": values.lead,
        "partners": list(values.partners),
        "tags": list(values.tags),
        "department": values.department,
        "contact": values.contact,
        "start_date": values.start_date.isoformat() if values.start_date else None,
        "end_date": values.end_date.isoformat() if values.end_date else None,
        "budget": format(values.budget.quantize(CENT), "f") if values.budget is not None else None,
        "funding": values.funding,
        "users_involved": values.users_involved,
        "agents_involved": values.agents_involved,
        "description": values.description,
        "uid": uid,
    }


def from_snapshot(snapshot: dict) -> ProjectFields:
    return ProjectFields(
        title=snapshot.get("title") or "",
        stage=Stage(snapshot.get("stage") or Stage.IDEATION),
        status=Status(snapshot.get("status") or Status.ACTIVE),
        lead=snapshot.get("lead"),
        partners=tuple(snapshot.get("partners") or ()),
        tags=tuple(snapshot.get("tags") or ()),
        department=snapshot.get("department"),
        contact=snapshot.get("contact"),
        start_date=date.fromisoformat(snapshot["start_date"]) if snapshot.get("start_date") else None,
        end_date=date.fromisoformat(snapshot["end_date"]) if snapshot.get("end_date") else None,
        budget=Decimal(snapshot["budget"]) if snapshot.get("budget") is not None else None,
        funding=snapshot.get("funding"),
        users_involved=snapshot.get("users_involved"),
        agents_involved=snapshot.get("agents_involved"),
        description=snapshot.get("description"),
    )


def changed_keys(before: dict, after: dict) -> list[str]:
    """Snapshot keys whose values differ, in column order."""
    return [key for key in SNAPSHOT_KEYS if before.get(key) != after.get(key)]


FIELD_NAMES = tuple(f.name for f in dc_fields(ProjectFields))


messages.register(
    {
        "stage.ideation": ("Idéation", "Ideation"),
        "stage.prototype": ("Prototype", "Prototype"),
        "stage.deployment": ("Déploiement", "Deployment"),
        "status.active": ("Actif", "Active"),
        "status.paused": ("En pause", "Paused"),
        "status.done": ("Terminé", "Done"),
        "status.abandoned": ("Abandonné", "Abandoned"),
        "rule.title_required": ("Le titre est obligatoire.", "The title is required."),
        "rule.too_long": (
            "Texte trop long : {length} caractères pour {limit} au plus.",
            "Text too long: {length} characters, at most {limit} allowed.",
        ),
        "rule.stage_unknown": (
            "Étape inconnue « {value} » : choisir Idéation, Prototype ou Déploiement.",
            "Unknown stage “{value}”: choose Ideation, Prototype or Deployment.",
        ),
        "rule.status_unknown": (
            "Statut inconnu « {value} » : choisir Actif, En pause, Terminé ou Abandonné.",
            "Unknown status “{value}”: choose Active, Paused, Done or Abandoned.",
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
