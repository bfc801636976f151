"""A long list's table model over a ``RowWindow``: the ids in the database's order and
the rows drawn read a window at a time. The events and partners lists share it; each
gives its headers, its sorts, how it reads its ids and how a row is drawn."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from labest_desktop.ui.models.row_window import RowWindow

ID_ROLE = Qt.ItemDataRole.UserRole + 1
WINDOW = 100  # rows read at a time: more than a screen holds
_ROOT = QModelIndex()


class WindowedTableModel(QAbstractTableModel):
    """Subclasses set ``SORTS`` (the sort of each column, in column order) and give
    ``headers()`` and ``reload()``; sorting asks the database again, a row never drawn
    is never read nor formatted."""

    SORTS: tuple[str, ...] = ()

    def __init__(self, fetch: Callable[[list[int]], dict], sort: str, descending: bool, parent=None) -> None:
        super().__init__(parent)
        self._rows = RowWindow(fetch, WINDOW, 2_000)
        self._search = ""
        self._sort, self._descending = sort, descending

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def reload(self, search: str | None = None) -> None:
        raise NotImplementedError

    def _show_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._rows.set_ids(ids)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORTS):
            return
        wanted = (self.SORTS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted != (self._sort, self._descending):
            self._sort, self._descending = wanted
            self.reload()

    def cached(self) -> int:
        """Rows read and held (the rows drawn and their window, never every row)."""
        return self._rows.cached()

    def row_of(self, ident: int) -> int:
        return self._rows.position_of(ident)

    def retranslate(self) -> None:
        """The language changed: headers and cells are drawn again in it."""
        last = len(self.SORTS) - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if len(self._rows):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.SORTS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.SORTS):
            return self.headers()[section]
        return None
