"""Colleagues' changes shown live, and the banner of a lost server connection.

:class:`LiveChanges` watches the open database (``services.live_changes``) and
publishes what other programs commit into the window's one change dispatcher, so
the lists, the board and the dashboard follow within a second or two:

- PostgreSQL: a ``QSocketNotifier`` on the listening connection wakes the window
  when a notice arrives; nothing is polled.
- SQLite: ``data_version`` is read every :data:`FILE_CHECK_MS` and when the window
  becomes active again.

When the listening connection breaks (server restarted, stopped, network cut),
``connection_lost`` carries the sentence for :class:`ConnectionBanner`; the watcher
tries again every :data:`RETRY_MS`, and once back says ``connection_back`` and
publishes everything (notices sent meanwhile were lost with the connection).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from labest_desktop.domain.errors import LabestError
from labest_desktop.services.changes import EVERYTHING
from labest_desktop.services.live_changes import FileWatcher, ServerWatcher

logger = logging.getLogger(__name__)

FILE_CHECK_MS = 2_000
RETRY_MS = 3_000


class LiveChanges(QObject):
    connection_lost = Signal(str)  # where: the server, as the status bar names it
    connection_back = Signal()

    def __init__(self, context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._watcher: FileWatcher | ServerWatcher | None = None
        self._notifier: QSocketNotifier | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.lost = False
        context.signals.workspace_changed.connect(lambda _ws: self.watch())
        app = QGuiApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._state_changed)
        self.watch()

    def watch(self) -> None:
        """(Re)start watching the context's current database."""
        self.stop()
        database = self.context.workspace.database
        if database.location.is_sqlite:
            self._watcher = FileWatcher(database)
            self._timer.start(FILE_CHECK_MS)
            return
        self._watcher = ServerWatcher(database)
        self._connect()

    def stop(self) -> None:
        self._timer.stop()
        self._drop_notifier()
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None

    def check_now(self) -> None:
        """Look for changes at once (the window became active again)."""
        if isinstance(self._watcher, FileWatcher):
            self.context.publish(self._watcher.check())
        elif isinstance(self._watcher, ServerWatcher) and self._watcher.connected:
            self._readable()

    # --- internals ----------------------------------------------------------------

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check_now()

    def _tick(self) -> None:
        if isinstance(self._watcher, FileWatcher):
            self.context.publish(self._watcher.check())
        elif isinstance(self._watcher, ServerWatcher) and not self._watcher.connected:
            self._connect()

    def _connect(self) -> None:
        assert isinstance(self._watcher, ServerWatcher)
        try:
            self._watcher.connect()
        except LabestError as exc:
            self._went_away(exc)
            return
        self._timer.stop()
        self._notifier = QSocketNotifier(self._watcher.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        if self.lost:
            self.lost = False
            self.connection_back.emit()
            # Whatever the others committed meanwhile was announced to nobody.
            self.context.publish(EVERYTHING)

    def _readable(self, *_args) -> None:
        assert isinstance(self._watcher, ServerWatcher)
        try:
            changes = self._watcher.drain()
        except LabestError as exc:
            self._went_away(exc)
            return
        self.context.publish(changes)

    def _went_away(self, exc: LabestError) -> None:
        self._drop_notifier()
        if not self.lost:
            logger.warning("Connection to %s lost: %s", self.context.workspace.database.location.describe(), exc)
            self.lost = True
            self.connection_lost.emit(self.context.workspace.database.location.describe())
        self._timer.start(RETRY_MS)

    def _drop_notifier(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None


class ConnectionBanner(QLabel):
    """A band across the top of the window while the server cannot be reached."""

    def __init__(self, live: LiveChanges, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setWordWrap(True)
        self.setMargin(8)
        self.setAccessibleName(self.tr("Connection to the server"))
        self.setStyleSheet("QLabel#connectionBanner { background: #8a1c1c; color: white; font-weight: bold; }")
        self.hide()
        self._server = ""
        live.connection_lost.connect(self._lost)
        live.connection_back.connect(self.hide)

    def _lost(self, server: str) -> None:
        self._server = server
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.setText(self.tr("The connection to the database server %1 is lost: nothing can be saved until it "
                             "is back. Reconnecting automatically…").replace("%1", self._server))
