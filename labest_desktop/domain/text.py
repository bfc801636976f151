"""Text normalisation shared by search, name matching and duplicate detection."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(value: str) -> str:
    """Lower-case, accent-free, single-spaced form of ``value``.

    ``"  Préfecture   du Bas-Rhin "`` and ``"prefecture du bas-rhin"`` fold alike;
    used wherever two spellings of a name must count as the same.
    """
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def clean(value: str | None) -> str | None:
    """Trimmed text with inner runs of spaces kept; ``None`` for empty text."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def split_list(value: str | None) -> list[str]:
    """Items of a ``;``-separated cell, trimmed, empty ones and repeats dropped."""
    if not value:
        return []
    return unique([part.strip() for part in value.split(";") if part.strip()])


def unique(items: list[str]) -> list[str]:
    """Items in their first order, later spellings that fold alike dropped."""
    seen: set[str] = set()
    kept: list[str] = []
    for item in items:
        key = fold(item)
        if key and key not in seen:
            seen.add(key)
            kept.append(item)
    return kept
