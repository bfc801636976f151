"""The last resort for unexpected errors: log them, tell the user where the log is.

Expected errors (``LabestError``) are shown by the code that expects them, as a
sentence; this hook is for bugs, and never shows a traceback.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from labest_desktop import logging_setup
from labest_desktop.domain.errors import LabestError

logger = logging.getLogger("labest_desktop.unexpected")


class UnexpectedErrorDialog:
    """Replaceable in tests: ``ask(parent, text)`` shows the error's summary."""

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Errors", "Unexpected error"), text,
                          QMessageBox.StandardButton.Ok, parent)
        box.exec()


class ExpectedErrorDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> None:
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Lab'EST"), text)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """An expected error as its sentence; anything else through the hook."""
    if isinstance(exc, LabestError):
        ExpectedErrorDialog.ask(parent, exc.message)
    else:
        handle(type(exc), exc, exc.__traceback__)


_showing = False


def handle(exc_type, exc, tb) -> None:
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if issubclass(exc_type, LabestError):
        logger.warning("Expected error reached the hook: %s", exc)
        ExpectedErrorDialog.ask(QApplication.activeWindow(), exc.message)
        return
    logger.error("Unexpected error", exc_info=(exc_type, exc, tb))
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        text = QCoreApplication.translate(
            "Errors",
            "Something unexpected went wrong. Your data is safe: the last action may not have "
            "been completed.\n\nThe details were written to the log file:\n%1\n\nPlease send "
            "this file to support.",
        ).replace("%1", str(logging_setup.log_path()))
        UnexpectedErrorDialog.ask(QApplication.activeWindow(), text)
    finally:
        _showing = False


def install() -> None:
    sys.excepthook = handle
