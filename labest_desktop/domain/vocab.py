"""Closed vocabularies of the domain: stages, statuses, departments, kinds.

Stored values are the stable English codes of the exchange format's JSON keys; the
French labels are what the exchange workbook and the window show.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from labest_desktop.domain.text import fold


class Stage(StrEnum):
    IDEATION = "ideation"
    PROTOTYPE = "prototype"
    DEPLOYMENT = "deployment"

    @property
    def order(self) -> int:
        return list(Stage).index(self)


class Status(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    DONE = "done"
    ABANDONED = "abandoned"


class OrgKind(StrEnum):
    STATE = "state"
    REGION = "region"
    LOCAL = "local_authority"
    OPERATOR = "public_operator"
    ASSOCIATION = "association"
    COMPANY = "company"
    UNIVERSITY = "university"


class EventKind(StrEnum):
    WORKSHOP = "workshop"
    CREATIVE = "creative_session"
    EXHIBITION = "exhibition"
    TRAINING = "training"
    MEETING = "meeting"


REGION = "Région"
DEPARTMENTS: tuple[str, ...] = ("08", "10", "51", "52", "54", "55", "57", "67", "68", "88", REGION)

DEPARTMENT_NAMES = {
    "08": "Ardennes",
    "10": "Aube",
    "51": "Marne",
    "52": "Haute-Marne",
    "54": "Meurthe-et-Moselle",
    "55": "Meuse",
    "57": "Moselle",
    "67": "Bas-Rhin",
    "68": "Haut-Rhin",
    "88": "Vosges",
    REGION: "Grand Est (toute la région)",
}

@dataclass(frozen=True, slots=True)
class Term:
    """One entry of a vocabulary: its labels and, for stages, its colour."""

    fr: str
    en: str
    colour: str | None = None

    def label(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


# The vocabularies, one table each (code, French, English, colour): the domain's
# messages, the exchange workbook (French labels), the command line and the window
# take their labels from here. Stage colours are distinct in hue and lightness,
# readable with dark or light text, and never used alone.
STAGE_TERMS: dict[Stage, Term] = {
    Stage.IDEATION: Term("Idéation", "Ideation", "#f2b134"),
    Stage.PROTOTYPE: Term("Prototype", "Prototype", "#3a8fd9"),
    Stage.DEPLOYMENT: Term("Déploiement", "Deployment", "#2e9e5b"),
}
STATUS_TERMS: dict[Status, Term] = {
    Status.ACTIVE: Term("Actif", "Active"),
    Status.PAUSED: Term("En pause", "Paused"),
    Status.DONE: Term("Terminé", "Done"),
    Status.ABANDONED: Term("Abandonné", "Abandoned"),
}
ORG_KIND_TERMS: dict[OrgKind, Term] = {
    OrgKind.STATE: Term("Service de l'État", "State service"),
    OrgKind.REGION: Term("Conseil régional", "Regional Council"),
    OrgKind.LOCAL: Term("Collectivité territoriale", "Local authority"),
    OrgKind.OPERATOR: Term("Opérateur public", "Public operator"),
    OrgKind.ASSOCIATION: Term("Association / société civile", "Association / civil society"),
    OrgKind.COMPANY: Term("Entreprise", "Company"),
    OrgKind.UNIVERSITY: Term("Université / recherche", "University / research"),
}
EVENT_KIND_TERMS: dict[EventKind, Term] = {
    EventKind.WORKSHOP: Term("Atelier", "Workshop"),
    EventKind.CREATIVE: Term("Séance créative", "Creative session"),
    EventKind.EXHIBITION: Term("Exposition", "Exhibition"),
    EventKind.TRAINING: Term("Formation", "Training"),
    EventKind.MEETING: Term("Réunion", "Meeting"),
}

STAGE_LABELS_FR = {code: term.fr for code, term in STAGE_TERMS.items()}
STAGE_LABELS_EN = {code: term.en for code, term in STAGE_TERMS.items()}
STATUS_LABELS_FR = {code: term.fr for code, term in STATUS_TERMS.items()}
STATUS_LABELS_EN = {code: term.en for code, term in STATUS_TERMS.items()}
ORG_KIND_LABELS_FR = {code: term.fr for code, term in ORG_KIND_TERMS.items()}
ORG_KIND_LABELS_EN = {code: term.en for code, term in ORG_KIND_TERMS.items()}
EVENT_KIND_LABELS_FR = {code: term.fr for code, term in EVENT_KIND_TERMS.items()}
EVENT_KIND_LABELS_EN = {code: term.en for code, term in EVENT_KIND_TERMS.items()}


def choices(labels, language: str) -> str:
    """``"A, B ou C"`` (``"A, B or C"``): the values a sentence offers to choose from."""
    labels = list(labels)
    if len(labels) < 2:
        return "".join(labels)
    return ", ".join(labels[:-1]) + (" ou " if language == "fr" else " or ") + labels[-1]


def term_sentences(prefix: str, terms: dict) -> dict[str, tuple[str, str]]:
    """``{prefix.code: (French, English)}`` for the messages catalogue."""
    return {f"{prefix}.{code}": (term.fr, term.en) for code, term in terms.items()}


def _lookup(enum_type, labels: tuple[dict, ...]):
    table = {}
    for member in enum_type:
        table[fold(member.value)] = member
        for mapping in labels:
            table[fold(mapping[member])] = member
    return table


_STAGES = _lookup(Stage, (STAGE_LABELS_FR, STAGE_LABELS_EN))
_STATUSES = _lookup(Status, (STATUS_LABELS_FR, STATUS_LABELS_EN))
_EVENT_KINDS = _lookup(EventKind, (EVENT_KIND_LABELS_FR, EVENT_KIND_LABELS_EN))
_ORG_KINDS = _lookup(OrgKind, (ORG_KIND_LABELS_FR, ORG_KIND_LABELS_EN))


def _from_text(table: dict, value: str):
    return table.get(fold(value or ""))


def stage_from_text(value: str) -> Stage | None:
    """The stage a person meant: code, French or English label, any case or accents."""
    return _from_text(_STAGES, value)


def status_from_text(value: str) -> Status | None:
    return _from_text(_STATUSES, value)


def event_kind_from_text(value: str) -> EventKind | None:
    return _from_text(_EVENT_KINDS, value)


def org_kind_from_text(value: str) -> OrgKind | None:
    return _from_text(_ORG_KINDS, value)
