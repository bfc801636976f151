"""A sentence over an empty list or table, saying why it is empty and what to do.

Attached to any item view: shown while its model has no rows, over the viewport,
worded by a function called again on every change (so it follows the search, the
filters and the language)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyState(QLabel):
    def __init__(self, view: QAbstractItemView, wording: Callable[[], str]) -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyState")
        self.view = view
        self.wording = wording
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("color: palette(placeholder-text); padding: 2em;")
        view.viewport().installEventFilter(self)
        self._watched = None
        self.watch_model()
        self.update_state()

    def watch_model(self) -> None:
        model = self.view.model()
        if model is None or model is self._watched:
            return
        self._watched = model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self._later)

    def _later(self, *_args) -> None:
        QTimer.singleShot(0, self.update_state)  # after the view has taken the change in

    def update_state(self) -> None:
        model = self.view.model()
        empty = model is None or model.rowCount() == 0
        if empty:
            self.setText(self.wording())
            self.setGeometry(self.view.viewport().rect())
        self.setVisible(empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.view.viewport().rect())
        return False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self.isVisible():
            self.setText(self.wording())
