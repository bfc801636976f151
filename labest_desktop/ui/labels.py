"""Labels for the domain's codes (stages, statuses, fields…) in the window's
language, and the colours that go with stages: vocabularies and fields from the
domain's tables (French and English), the rest through Qt's translation system."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from labest_desktop import messages
from labest_desktop.domain.field_registry import field_spec
from labest_desktop.domain.vocab import (
    DEPARTMENT_NAMES,
    REGION,
    STAGE_TERMS,
    STATUS_TERMS,
    Stage,
    Status,
)

_ORIGINS = {
    "create": QT_TRANSLATE_NOOP("Vocab", "Creation"),
    "edit": QT_TRANSLATE_NOOP("Vocab", "Edit"),
    "stage": QT_TRANSLATE_NOOP("Vocab", "Stage decision"),
    "import": QT_TRANSLATE_NOOP("Vocab", "Import"),
    "undo": QT_TRANSLATE_NOOP("Vocab", "Undo"),
    "delete": QT_TRANSLATE_NOOP("Vocab", "Deletion"),
    "restore": QT_TRANSLATE_NOOP("Vocab", "Restoration"),
    "merge": QT_TRANSLATE_NOOP("Vocab", "Merge"),
}
# Labels of what is not a field of the registry (whose labels it holds itself).
FIELDS = {
    "reference": QT_TRANSLATE_NOOP("Fields", "Reference"),
    "updated_at": QT_TRANSLATE_NOOP("Fields", "Modified"),
    "stage_since": QT_TRANSLATE_NOOP("Fields", "In stage since"),
    "uid": QT_TRANSLATE_NOOP("Fields", "Identifier"),
    # Fields of an event, in the import's conflicts.
    "kind": QT_TRANSLATE_NOOP("Fields", "Type"),
    "date": QT_TRANSLATE_NOOP("Fields", "Date"),
    "place": QT_TRANSLATE_NOOP("Fields", "Place"),
    "participants": QT_TRANSLATE_NOOP("Fields", "Participants"),
    "projects": QT_TRANSLATE_NOOP("Fields", "Linked projects"),
    "organisations": QT_TRANSLATE_NOOP("Fields", "Organisations"),
}

# Stage colours, from the vocabulary table.
STAGE_COLOURS = {str(code): term.colour for code, term in STAGE_TERMS.items()}


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def term_label(terms: dict, code: str | None) -> str:
    """A vocabulary code's label in the window's language (the code itself if unknown)."""
    for member, term in terms.items():
        if str(member) == code:
            return in_language((term.fr, term.en))
    return code or ""


def stage_label(code: str | None) -> str:
    return term_label(STAGE_TERMS, code)


def status_label(code: str | None) -> str:
    return term_label(STATUS_TERMS, code)


def origin_label(code: str | None) -> str:
    return _tr("Vocab", _ORIGINS[code]) if code in _ORIGINS else (code or "")


def in_language(pair: tuple[str, str]) -> str:
    """The French or English text of a pair the domain declares, in the window's language."""
    return pair[0] if messages.language() == "fr" else pair[1]


def field_label(key: str) -> str:
    spec = field_spec(key)
    if spec is not None:
        return in_language(spec.label)
    return _tr("Fields", FIELDS[key]) if key in FIELDS else key


def department_label(code: str | None) -> str:
    if not code:
        return ""
    if code == REGION:
        return _tr("Vocab", "Région (whole Grand Est)")
    return f"{code} – {DEPARTMENT_NAMES.get(code, '')}"


def stage_colour(code: str | None) -> QColor:
    return QColor(STAGE_COLOURS.get(code or "", "#888888"))


def stages() -> list[str]:
    """Stage codes in their order: the editor, the board and the filters offer these."""
    return [str(stage) for stage in Stage]


def statuses() -> list[str]:
    return [str(status) for status in Status]


QT_TRANSLATE_NOOP("Vocab", "Région (whole Grand Est)")
