"""Words that changed between two versions of a value, marked for the import
wizard's conflict pane (HTML for a read-only QTextBrowser; no Qt here).

Marks are bold, underlined and on a light background, so they read without
colour too.
"""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher

_TOKENS = re.compile(r"\s+|[^\s]+")
MARK_OPEN = '<span style="background-color:#ffe08a; font-weight:bold; text-decoration:underline;">'
MARK_CLOSE = "</span>"


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def _escape(text: str) -> str:
    # Line breaks and tabs shown as they are in a pre-wrap block.
    return html.escape(text, quote=False)


def marked(reference: str, text: str) -> str:
    """``text`` as HTML, its words that are not in ``reference`` marked."""
    ours, theirs = _tokens(reference), _tokens(text)
    parts: list[str] = []
    for op, _a1, _a2, b1, b2 in SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes():
        chunk = "".join(theirs[b1:b2])
        core = chunk.strip()
        if op == "equal" or not core:
            parts.append(_escape(chunk))
        else:
            # The spaces around a changed run stay unmarked.
            start = chunk.index(core)
            parts.append(_escape(chunk[:start]) + MARK_OPEN + _escape(core) + MARK_CLOSE
                         + _escape(chunk[start + len(core):]))
    return "".join(parts)


def changed_words(reference: str, text: str) -> list[str]:
    """The runs of ``text`` that :func:`marked` marks (for tests and screen readers)."""
    ours, theirs = _tokens(reference), _tokens(text)
    return [
        "".join(theirs[b1:b2]).strip()
        for op, _a1, _a2, b1, b2 in SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes()
        if op != "equal" and "".join(theirs[b1:b2]).strip()
    ]
