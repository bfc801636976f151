"""Text normalisation shared by search, name matching and duplicate detection."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining marks left by NFKD decomposition (accents, cedillas, diaereses…).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


# Characters an XML workbook cannot hold (C0 controls but tab and line breaks, lone
# surrogates, U+FFFE/FFFF): refused at entry (domain.fields.validate), replaced by
# U+FFFD where they slip in from a CSV, so that what is stored can always be written
# to a workbook and read back (PostgreSQL refuses NUL in text too).
UNHOLDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# A search is a few words typed or pasted: beyond this, a pasted page (100 KB took
# 11-13 s on 200 projects) is cut, in the search field and in the search itself.
MAX_SEARCH_CHARS = 200
MAX_SEARCH_WORDS = 16


def fold(value: str) -> str:
    """Lower-case, accent-free, single-spaced form of ``value``.

    ``"  Préfecture   du Bas-Rhin "`` and ``"prefecture du bas-rhin"`` fold alike;
    used wherever two spellings of a name must count as the same. Imports fold
    every name and label of every row, so this is kept fast: short values (names,
    labels) are cached, and marks are removed with one regular expression.
    """
    if len(value) <= 120:
        return _fold_short(value)
    return _fold(value)


@lru_cache(maxsize=65_536)
def _fold_short(value: str) -> str:
    return _fold(value)


def forget_folded() -> None:
    """Empty the cache of folded short values."""
    _fold_short.cache_clear()


def _fold(value: str) -> str:
    # ``" ".join(text.split())`` collapses and trims exactly the characters ``\s``
    # matches (checked over every code point) at a quarter of a regex's cost.
    if value.isascii():
        return " ".join(value.lower().split())
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", value))
    return " ".join(stripped.casefold().split())


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
