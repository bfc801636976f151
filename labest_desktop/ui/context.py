"""What every view receives: the workspace and the window's shared state."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from labest_desktop.services.changes import EVERYTHING, Changes
from labest_desktop.services.workspace import Workspace
from labest_desktop.ui.dispatcher import ChangeDispatcher
from labest_desktop.ui.filter_state import FilterState


class DataSignals(QObject):
    """Announces that another workspace (database) was opened."""

    workspace_changed = Signal(object)


@dataclass
class UiContext:
    workspace: Workspace
    filter_state: FilterState
    undo_stack: QUndoStack
    settings: QSettings
    signals: DataSignals = field(default_factory=DataSignals)
    dispatcher: ChangeDispatcher = field(default_factory=ChangeDispatcher)

    def publish(self, changes: Changes) -> None:
        """Tell every view what changed (see ``ui.dispatcher``)."""
        self.dispatcher.publish(changes)

    def projects_changed(self, ids: Iterable[int] | None = None) -> None:
        """Projects ``ids`` changed; no ids: anything may have changed (an import, a
        restore, another database)."""
        ids = list(ids or [])
        self.publish(Changes.of_projects(ids) if ids else EVERYTHING)
