"""The first search of a session as quick as the next ones.

Once the window shows a server database (at start, after a switch, and once the
connection is back after a loss, since a restarted server starts cold), the search's
pages and statements are prepared in the background
(``services.project_query.warm_up_search``: about 250 ms on a server just started,
50 ms otherwise, well before a person has reached the search field). A SQLite file
needs nothing. A failure here is only logged: the search then reads what it needs
itself, and a lost connection has its own banner.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from labest_desktop.services import project_query
from labest_desktop.ui.tasks import Task, run_in_background

logger = logging.getLogger(__name__)


class SearchWarmUp(QObject):
    def __init__(self, context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.task: Task | None = None
        context.signals.workspace_changed.connect(lambda _ws: self.start())
        QTimer.singleShot(0, self.start)  # once the event loop runs: the window is shown

    def start(self) -> None:
        workspace = self.context.workspace
        if workspace.database.location.is_sqlite:
            return
        self.task = run_in_background(lambda _control: project_query.warm_up_search(workspace),
                                      on_error=self._failed)

    @staticmethod
    def _failed(exc: BaseException) -> None:
        logger.info("Search warm-up not done: %s", exc)
