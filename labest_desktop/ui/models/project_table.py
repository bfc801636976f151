"""The portfolio as a table model that never holds the whole portfolio.

It keeps the ordered list of project ids the database returned for the current
filter and sort (a few bytes per project) and fetches the shown rows in windows of
``WINDOW`` through ``project_query.rows``, caching a bounded number of them, like
Anki's browser. Sorting asks the database again; there is no proxy model.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from labest_desktop.domain.field_registry import FieldKind
from labest_desktop.services import project_query
from labest_desktop.services.project_query import ProjectFilter, ProjectRow
from labest_desktop.ui import colours, labels
from labest_desktop.ui.models.row_window import RowWindow

logger = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the project's id
STAGE_ROLE = Qt.ItemDataRole.UserRole + 2  # stage code
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # the column's sort key (SQL side)
VERSION_ROLE = Qt.ItemDataRole.UserRole + 4  # the version counter of the row read

WINDOW = 200
_ROOT = QModelIndex()
CACHE_LIMIT = 5_000


@dataclass(frozen=True)
class Column:
    key: str  # ProjectRow attribute and SORT_COLUMNS key
    header: str | tuple[str, str]  # source text (context "ProjectTable"), or the registry's (French, English)
    numeric: bool = False
    shown_by_default: bool = True

    def title(self) -> str:
        if isinstance(self.header, tuple):
            return labels.in_language(self.header)
        return QCoreApplication.translate("ProjectTable", self.header)


_NUMERIC_KINDS = (FieldKind.DATE, FieldKind.AMOUNT, FieldKind.COUNT)

COLUMNS: tuple[Column, ...] = (
    Column("reference", QT_TRANSLATE_NOOP("ProjectTable", "Reference")),
    *(
        Column(spec.key, spec.short_label, spec.kind in _NUMERIC_KINDS, spec.shown_by_default)
        for spec in project_query.LIST_FIELDS
    ),
    Column("updated_at", QT_TRANSLATE_NOOP("ProjectTable", "Modified"), numeric=True),
    Column("stage_since", QT_TRANSLATE_NOOP("ProjectTable", "In stage since"), numeric=True, shown_by_default=False),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
COL_REFERENCE, COL_TITLE, COL_STAGE, COL_STATUS = 0, 1, 2, 3


class ProjectTableModel(QAbstractTableModel):
    """Rows are projects in the database's order; ``reload()`` asks it again."""

    reloaded = Signal(int)  # number of rows now shown

    def __init__(self, workspace, parent=None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._rows = RowWindow(lambda ids: project_query.rows(self._ws, ids), WINDOW, CACHE_LIMIT)
        self._filter = ProjectFilter()
        self._sort = "reference"
        self._descending = False
        self._locale = QLocale()
        self._swatches: dict[str, QIcon] = {}

    # --- state ------------------------------------------------------------------

    @property
    def project_filter(self) -> ProjectFilter:
        return self._filter

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    def set_filter(self, flt: ProjectFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.reload()

    def set_sort(self, key: str, descending: bool) -> None:
        if key not in project_query.SORT_COLUMNS:
            key = "reference"
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self.reload()

    def reload(self, *, keep_cache: bool = False) -> None:
        """Ask the database for the ids again (after a filter, a sort or a change)."""
        ids = project_query.project_ids(self._ws, self._filter, self._sort, self._descending)
        self.beginResetModel()
        self._rows.set_ids(ids, keep_cache=keep_cache)
        self.endResetModel()
        self.reloaded.emit(len(ids))

    def read_key(self) -> tuple:
        """What a read of the ids depends on: a read started under another key (the
        filter, the sort or the database changed meanwhile) is out of date."""
        return (self._ws, self._filter, self._sort, self._descending)

    def replace_ids(self, ids: list[int], changed: frozenset[int] | None, fresh: dict[int, ProjectRow]) -> bool:
        """Ids read again off the window's thread after a change: ``changed`` names
        the projects whose cached rows are out of date (``None``: any of them), and
        ``fresh`` holds rows already read for them. The same order (a title saved,
        a stage moved) repaints the changed rows only and returns ``False``; another
        order resets the model and returns ``True`` (the view puts the selection and
        the scroll position back)."""
        self._rows.forget(changed)
        if ids == self._rows.ids:
            self._rows.keep(fresh)
            if changed is None:
                if ids:
                    self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(COLUMNS) - 1))
            elif changed:
                for row in sorted(self._rows.positions(changed).values()):
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            self.reloaded.emit(len(ids))
            return False
        self.beginResetModel()
        self._rows.set_ids(ids, keep_cache=True)
        self._rows.keep(fresh)
        self.endResetModel()
        self.reloaded.emit(len(ids))
        return True

    def rows_of(self, ids) -> list[int]:
        """Rows of ``ids`` now shown, in order (missing ones left out)."""
        return sorted(self._rows.positions(ids).values())

    def retranslate(self) -> None:
        """The language changed: headers, stage and status names, numbers and dates
        are drawn again in it (nothing is read from the database)."""
        self._locale = QLocale()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def ids(self) -> list[int]:
        return list(self._rows.ids)

    def id_at(self, row: int) -> int | None:
        return self._rows.id_at(row)

    def row_of(self, project_id: int) -> int:
        return self._rows.position_of(project_id)

    def project_row(self, row: int) -> ProjectRow | None:
        return self._rows.row(row)

    # --- Qt model -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return COLUMNS[section].title()
        if role == SORT_KEY_ROLE:
            return COLUMNS[section].key
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(COLUMNS)):
            return None
        if role == ID_ROLE:
            return self._rows.ids[row]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            STAGE_ROLE,
            VERSION_ROLE,
        ):
            return None
        key = COLUMNS[column].key
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and key != "stage":
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if COLUMNS[column].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        record = self.project_row(row)
        if record is None:
            return None
        if role == STAGE_ROLE:
            return record.stage
        if role == VERSION_ROLE:
            return record.version
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            # The stage as a badge whose text reads on it, light or dark palette.
            background, text = colours.stage_badge(record.stage)
            return background if role == Qt.ItemDataRole.BackgroundRole else text
        if role == Qt.ItemDataRole.DecorationRole:
            # The stage's colour beside its name: colour never carries meaning alone.
            return self._stage_swatch(record.stage) if key == "stage" else None
        if role == Qt.ItemDataRole.ToolTipRole and key not in ("title", "lead", "funding"):
            return None
        return self._display(key, getattr(record, key))

    def _stage_swatch(self, stage: str) -> QIcon:
        """The stage's colour as one icon per stage, made once. Given a colour, the
        delegate made a new icon for every cell it drew, and Qt kept each one's pixmap
        in its pixmap cache: 6 MB more over 1,000 actions of the soak, till the
        cache's 10 MB, and a pixmap made per cell painted."""
        icon = self._swatches.get(stage)
        if icon is None:
            side = QApplication.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
            pixmap = QPixmap(side, side)
            pixmap.fill(labels.stage_colour(stage))
            icon = self._swatches[stage] = QIcon(pixmap)
        return icon

    def _display(self, key: str, value: object) -> str:
        if value is None:
            return ""
        if key == "stage":
            return labels.stage_label(str(value))
        if key == "status":
            return labels.status_label(str(value))
        if isinstance(value, datetime):
            return self._locale.toString(value.date(), QLocale.FormatType.ShortFormat) + value.strftime(" %H:%M")
        if isinstance(value, date):
            return self._locale.toString(value, QLocale.FormatType.ShortFormat)
        if isinstance(value, Decimal):
            return self._locale.toString(float(value), "f", 2)
        if isinstance(value, int):
            return self._locale.toString(value)
        return str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.set_sort(COLUMNS[column].key, order == Qt.SortOrder.DescendingOrder)
