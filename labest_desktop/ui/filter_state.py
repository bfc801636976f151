"""The portfolio filter every view shares (list, board, dashboard)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from labest_desktop.services.project_query import ProjectFilter


class FilterState(QObject):
    """Holds the current :class:`ProjectFilter`; ``changed`` carries the new one."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = ProjectFilter()

    @property
    def filter(self) -> ProjectFilter:
        return self._filter

    def set_filter(self, flt: ProjectFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.changed.emit(flt)

    def update(self, **changes: object) -> None:
        """Change some fields of the filter, e.g. ``update(search="vélo")``."""
        self.set_filter(replace(self._filter, **changes))

    def clear(self) -> None:
        self.set_filter(ProjectFilter(search=self._filter.search))
