"""Closed vocabularies of the domain: stages, statuses, departments, kinds.

Stored values are the stable English codes of the exchange format's JSON keys; the
French labels are what the exchange workbook and the window show.
"""

from __future__ import annotations

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

STAGE_LABELS_FR = {Stage.IDEATION: "Idéation", Stage.PROTOTYPE: "Prototype", Stage.DEPLOYMENT: "Déploiement"}
STAGE_LABELS_EN = {Stage.IDEATION: "Ideation", Stage.PROTOTYPE: "Prototype", Stage.DEPLOYMENT: "Deployment"}
STATUS_LABELS_FR = {
    Status.ACTIVE: "Actif",
    Status.PAUSED: "En pause",
    Status.DONE: "Terminé",
    Status.ABANDONED: "Abandonné",
}
STATUS_LABELS_EN = {
    Status.ACTIVE: "Active",
    Status.PAUSED: "Paused",
    Status.DONE: "Done",
    Status.ABANDONED: "Abandoned",
}
ORG_KIND_LABELS_FR = {
    OrgKind.STATE: "Service de l'État",
    OrgKind.REGION: "Conseil régional",
    OrgKind.LOCAL: "Collectivité territoriale",
    OrgKind.OPERATOR: "Opérateur public",
    OrgKind.ASSOCIATION: "Association / société civile",
    OrgKind.COMPANY: "Entreprise",
    OrgKind.UNIVERSITY: "Université / recherche",
}
ORG_KIND_LABELS_EN = {
    OrgKind.STATE: "State service",
    OrgKind.REGION: "Regional Council",
    OrgKind.LOCAL: "Local authority",
    OrgKind.OPERATOR: "Public operator",
    OrgKind.ASSOCIATION: "Association / civil society",
    OrgKind.COMPANY: "Company",
    OrgKind.UNIVERSITY: "University / research",
}
EVENT_KIND_LABELS_FR = {
    EventKind.WORKSHOP: "Atelier",
    EventKind.CREATIVE: "Séance créative",
    EventKind.EXHIBITION: "Exposition",
    EventKind.TRAINING: "Formation",
    EventKind.MEETING: "Réunion",
}
EVENT_KIND_LABELS_EN = {
    EventKind.WORKSHOP: "Workshop",
    EventKind.CREATIVE: "Creative session",
    EventKind.EXHIBITION: "Exhibition",
    EventKind.TRAINING: "Training",
    EventKind.MEETING: "Meeting",
}


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
