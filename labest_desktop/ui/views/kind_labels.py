"""Translated labels of event kinds and organisation kinds (the vocabulary module
has French and English dictionaries, but the window translates with Qt)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from labest_desktop.domain.vocab import EventKind, OrgKind

_EVENT_KINDS = {
    EventKind.WORKSHOP: QT_TRANSLATE_NOOP("Vocab", "Workshop"),
    EventKind.CREATIVE: QT_TRANSLATE_NOOP("Vocab", "Creative session"),
    EventKind.EXHIBITION: QT_TRANSLATE_NOOP("Vocab", "Exhibition"),
    EventKind.TRAINING: QT_TRANSLATE_NOOP("Vocab", "Training"),
    EventKind.MEETING: QT_TRANSLATE_NOOP("Vocab", "Meeting"),
}
_ORG_KINDS = {
    OrgKind.STATE: QT_TRANSLATE_NOOP("Vocab", "State service"),
    OrgKind.REGION: QT_TRANSLATE_NOOP("Vocab", "Regional Council"),
    OrgKind.LOCAL: QT_TRANSLATE_NOOP("Vocab", "Local authority"),
    OrgKind.OPERATOR: QT_TRANSLATE_NOOP("Vocab", "Public operator"),
    OrgKind.ASSOCIATION: QT_TRANSLATE_NOOP("Vocab", "Association / civil society"),
    OrgKind.COMPANY: QT_TRANSLATE_NOOP("Vocab", "Company"),
    OrgKind.UNIVERSITY: QT_TRANSLATE_NOOP("Vocab", "University / research"),
}


def event_kind_label(code: str | None) -> str:
    for kind, text in _EVENT_KINDS.items():
        if str(kind) == code:
            return QCoreApplication.translate("Vocab", text)
    return code or ""


def org_kind_label(code: str | None) -> str:
    for kind, text in _ORG_KINDS.items():
        if str(kind) == code:
            return QCoreApplication.translate("Vocab", text)
    return code or ""


def event_kinds() -> list[str]:
    return [str(k) for k in _EVENT_KINDS]


def org_kinds() -> list[str]:
    return [str(k) for k in _ORG_KINDS]
