"""Labels of event kinds and organisation kinds in the window's language, from the
domain's vocabulary tables."""

from __future__ import annotations

from labest_desktop.domain.vocab import EVENT_KIND_TERMS, ORG_KIND_TERMS
from labest_desktop.ui.labels import term_label


def event_kind_label(code: str | None) -> str:
    return term_label(EVENT_KIND_TERMS, code)


def org_kind_label(code: str | None) -> str:
    return term_label(ORG_KIND_TERMS, code)


def event_kinds() -> list[str]:
    return [str(k) for k in EVENT_KIND_TERMS]


def org_kinds() -> list[str]:
    return [str(k) for k in ORG_KIND_TERMS]
