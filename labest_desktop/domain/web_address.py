"""Web addresses a project may link to: ``http`` or ``https`` with a host, nothing else.

A link is opened by the system browser from the editor and the project sheet, so an
address that could run or read something on the user's machine (``file:``,
``javascript:``, ``data:``, a custom scheme) is refused where it is typed or
imported, and checked again before it is opened or written as a hyperlink.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from labest_desktop import messages

SCHEMES = ("http", "https")
_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f<>\"\\^`{|}]")


def web_address_problem(text: str) -> str | None:
    """The message key of what makes ``text`` unfit as a project's link, or ``None``."""
    scheme, separator, _rest = text.partition(":")
    if not separator or scheme.lower() not in SCHEMES:
        return "rule.url_scheme"
    if _FORBIDDEN.search(text):
        return "rule.url_invalid"
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018 -- raises on a port that is not a number
    except ValueError:
        return "rule.url_invalid"
    if not host or not text[len(scheme) + 1 :].startswith("//"):
        return "rule.url_invalid"
    return None


def is_web_address(text: object) -> bool:
    """Whether ``text`` may be opened in a browser or written as a hyperlink."""
    return isinstance(text, str) and web_address_problem(text) is None


messages.register(
    {
        "rule.url_scheme": (
            "« {value} » n'est pas une adresse web : elle doit commencer par http:// ou https://.",
            "“{value}” is not a web address: it must start with http:// or https://.",
        ),
        "rule.url_invalid": (
            "« {value} » n'est pas une adresse web valable (exemple : https://www.grandest.fr/projet).",
            "“{value}” is not a valid web address (for example https://www.grandest.fr/projet).",
        ),
    }
)
