"""Passwords taken out of anything shown or logged.

A database address can carry its password in several places, and each reached the
screen or the log: the user information of a URL (``user:secret@host``, with an
unencoded ``@`` in the secret splitting it where the parser did not expect), a
query parameter (``?password=secret``), a libpq keyword string
(``host=x password=secret``), and driver errors that quote any of them. Every
sentence about a database location, every driver error turned into a sentence and
every log record goes through :func:`mask`.
"""

from __future__ import annotations

import logging
import re

HIDDEN = "***"
# scheme://user:secret@host — the user information runs to the LAST "@" before the
# path, so an unencoded "@" inside the secret stays hidden too.
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)([^/?#\s'\"]*)@")
# password=…, passwd=…, pwd=… in a query string or a keyword string (quoted or not).
_KEYWORD = re.compile(
    r"""(?i)\b((?:ssl)?password|passwd|pwd|passfile)(\s*=\s*)('(?:[^'\\]|\\.)*'|"[^"]*"|[^\s&;,)]*)"""
)


def mask(text: str) -> str:
    """``text`` with every password replaced by ``***``."""
    if not text:
        return text
    text = _USERINFO.sub(_userinfo, text)
    return _KEYWORD.sub(lambda m: f"{m.group(1)}{m.group(2)}{HIDDEN}", text)


def _userinfo(match: re.Match) -> str:
    user, colon, _secret = match.group(2).partition(":")
    return f"{match.group(1)}{user}{':' + HIDDEN if colon else ''}@"


class MaskingFilter(logging.Filter):
    """Masks the formatted message of every record that goes through a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a record whose arguments do not format: left as it is
            return True
        masked = mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            record.exc_text = mask(logging.Formatter().formatException(record.exc_info))
        return True
