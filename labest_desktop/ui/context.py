"""What every view receives: the workspace and the window's shared state."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from labest_desktop.services.workspace import Workspace
from labest_desktop.ui.filter_state import FilterState


class DataSignals(QObject):
    """Announces that data changed, so every view can refresh itself.

    ``projects_changed`` carries the ids touched (an empty list: anything may have
    changed, e.g. after an import or a database switch).
    """

    projects_changed = Signal(list)
    workspace_changed = Signal(object)


@dataclass
class UiContext:
    workspace: Workspace
    filter_state: FilterState
    undo_stack: QUndoStack
    settings: QSettings
    signals: DataSignals = field(default_factory=DataSignals)

    def projects_changed(self, ids: list[int] | None = None) -> None:
        self.signals.projects_changed.emit(list(ids or []))
