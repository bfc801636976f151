"""Undo and redo from anywhere in the main window.

A text field claims Ctrl+Z / Ctrl+Y for its own undo even when it has nothing to
undo (the search field that takes focus after a view's tab is clicked), so the
window's « Annuler » never fired. This filter lets the field keep the keys only
while it has something of its own to undo or redo.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

# The window's shortcuts (main_window): Ctrl+Z; Ctrl+Y and Ctrl+Shift+Z.
UNDO_KEYS = ("Ctrl+Z",)
REDO_KEYS = ("Ctrl+Y", "Ctrl+Shift+Z")


def _own_history(widget: QObject, undo: bool) -> bool:
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable() if undo else widget.isRedoAvailable()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        document = widget.document()
        return document.isUndoAvailable() if undo else document.isRedoAvailable()
    if isinstance(widget, QAbstractSpinBox):
        return False
    return True  # any other widget keeps what it claims


class WindowUndoKeys(QObject):
    """Installed on the application for one window: its text fields without history
    of their own let Ctrl+Z / Ctrl+Y (Ctrl+Maj+Z) through to the window's actions."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self.window:
            return False
        pressed = event.keyCombination()
        for keys, undo in ((UNDO_KEYS, True), (REDO_KEYS, False)):
            if any(QKeySequence(k)[0] == pressed for k in keys) and not _own_history(watched, undo):
                event.ignore()
                return True  # the field never claims it: the window's action fires
        return False
