"""The contract every view of the window keeps.

A view is built with the window's ``UiContext``; it

- listens to the one change signal (``context.dispatcher``) and says, in
  ``shows(changes)``, whether it shows anything that changed;
- refreshes at once when it is on screen, otherwise remembers the changes and
  refreshes when it is next shown (a hidden Summary costs nothing per save);
- implements ``refresh(changes)``, re-reading only what ``changes`` touched;
- implements ``retranslate()`` (called on ``LanguageChange``);
- asks the window to open a project's editor with ``open_project``.

A view not placed in a window (tested alone) refreshes at once too.
"""

from __future__ import annotations

import sys

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from labest_desktop.domain.errors import LabestError
from labest_desktop.services.changes import EVERYTHING, NOTHING, Changes
from labest_desktop.ui import tasks
from labest_desktop.ui.retranslate import Retranslatable
from labest_desktop.ui.views import view_errors


class View(Retranslatable, QWidget):
    open_project = Signal(int)

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._pending: Changes = NOTHING
        self._refilter = False  # the shared filter changed: same data, other figures
        context.dispatcher.changed.connect(self.data_changed)

    # --- what a view implements ---------------------------------------------------

    def shows(self, changes: Changes) -> bool:
        """Whether ``changes`` touch what this view shows (projects, by default)."""
        return changes.touches_projects()

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        raise NotImplementedError

    # --- lazy refresh -------------------------------------------------------------

    def on_screen(self) -> bool:
        return self.isVisible() or self.parent() is None

    def data_changed(self, changes: Changes) -> None:
        """From the dispatcher (or the shared filter, as ``EVERYTHING``)."""
        if not self.shows(changes):
            return
        self._pending = self._pending | changes
        if self.on_screen():
            self.refresh_pending()

    def filter_changed(self) -> None:
        """For views following the shared filter: read again, now or when shown
        (``refresh`` then gets the changes since, ``NOTHING`` if only the filter moved)."""
        self._refilter = True
        if self.on_screen():
            self.refresh_pending()

    def refresh_pending(self) -> None:
        changes, self._pending = self._pending, NOTHING
        refilter, self._refilter = self._refilter, False
        if changes or refilter:
            self.refresh(changes)

    def is_stale(self) -> bool:
        return bool(self._pending) or self._refilter

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh_pending()


class BackgroundRead:
    """Figures a view reads off the window's thread (``ui.tasks``), one round at a
    time: a refresh asked while a round runs starts one more round after it, so the
    last figures shown are never older than the last change. ``busy`` tells the view
    to keep its previous figures with « updating… »."""

    def __init__(self, view: QWidget, read, show, busy=None) -> None:
        self._view = view
        self._read = read  # () -> a function run in the background, returning the figures
        self._show = show  # figures -> None, on the window's thread
        self._busy = busy or (lambda _on: None)
        self._task = None
        self._again = False

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self) -> None:
        if self._task is not None:
            self._again = True
            return
        work = self._read()
        self._busy(True)
        self._task = tasks.run_in_background(lambda _control: work(), self._done, self._failed)

    def _done(self, figures) -> None:
        self._task = None
        if not shiboken6.isValid(self._view):  # the window closed meanwhile
            return
        again, self._again = self._again, False
        if again:
            self.start()
        else:
            self._busy(False)
        self._show(figures)

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self._again = False
        if not shiboken6.isValid(self._view):
            return
        self._busy(False)
        if isinstance(exc, LabestError):
            view_errors.show_error(self._view, exc)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)
