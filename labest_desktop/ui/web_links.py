"""Opening a project's link in the system browser, and nothing but a web address.

The address was checked when it was typed or imported (domain.web_address); it is
checked again here, by the domain's rule and by Qt's strict parser, so that no
stored or crafted value can make the desktop open a local file or run a script.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from labest_desktop.domain.web_address import SCHEMES, is_web_address

logger = logging.getLogger(__name__)


def web_url(address: object) -> QUrl | None:
    """The address as a ``QUrl`` if it is an http(s) web address, else ``None``."""
    if not is_web_address(address):
        return None
    url = QUrl(str(address), QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() not in SCHEMES or not url.host():
        return None
    return url


def open_web_address(address: object) -> bool:
    """Open ``address`` with the system browser; ``False`` (nothing opened) for
    anything that is not an http(s) address."""
    url = web_url(address)
    if url is None:
        logger.warning("refused to open a link that is not a web address")
        return False
    return QDesktopServices.openUrl(url)
