"""User-facing sentences for the layers below the window (domain, storage, services,
exchange, command line), in French and English, without Qt.

The window translates its own strings with Qt's system (``self.tr()``); the layers
below cannot import Qt, so their errors and reports carry a message key and
parameters, and are rendered here in the language chosen at start-up. Each subsystem
registers its own sentences with :func:`register` so modules stay independent.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

DEFAULT_LANGUAGE = "fr"
SUPPORTED_LANGUAGES = ("fr", "en")

_catalog: dict[str, dict[str, str]] = {"fr": {}, "en": {}}
_language = os.environ.get("LABEST_LANG", DEFAULT_LANGUAGE)
if _language not in SUPPORTED_LANGUAGES:
    _language = DEFAULT_LANGUAGE


def register(sentences: Mapping[str, tuple[str, str]]) -> None:
    """Add sentences given as ``key: (french, english)``."""
    for key, (fr, en) in sentences.items():
        _catalog["fr"][key] = fr
        _catalog["en"][key] = en


def set_language(language: str) -> None:
    global _language
    _language = language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def language() -> str:
    return _language


def text(key: str, /, **params: object) -> str:
    """The sentence for ``key`` in the current language, with ``params`` filled in.

    An unknown key falls back to the other language, then to the key itself, so a
    missing translation never hides an error from the user.
    """
    template = _catalog[_language].get(key)
    if template is None:
        template = _catalog["en"].get(key) or _catalog["fr"].get(key) or key
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
