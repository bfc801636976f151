"""The Projets view: search, filters, saved views and the portfolio table."""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QItemSelection,
    QLocale,
    QPoint,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from labest_desktop.domain.field_registry import PROJECT_FIELDS, FieldKind
from labest_desktop.domain.text import MAX_SEARCH_CHARS
from labest_desktop.services import lookups, project_query
from labest_desktop.services.changes import EVERYTHING, NOTHING, Changes
from labest_desktop.ui import geometry, labels
from labest_desktop.ui import saved_views as views_store
from labest_desktop.ui import settings as keys
from labest_desktop.ui.mnemonics import with_mnemonics
from labest_desktop.ui.models.project_table import (
    COLUMN_KEYS,
    COLUMNS,
    ID_ROLE,
    WINDOW,
    ProjectTableModel,
)
from labest_desktop.ui.views.base import BackgroundRead, View
from labest_desktop.ui.widgets.empty_state import EmptyState
from labest_desktop.ui.widgets.filter_bar import ChipBar, FilterBar

logger = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150


class StageChipDelegate(QStyledItemDelegate):
    """The stage cell keeps its colour on a selected row (the highlight covered it):
    the row's highlight around, the stage's own colours inside."""

    def paint(self, painter, option, index) -> None:
        if not option.state & QStyle.StateFlag.State_Selected:
            super().paint(painter, option, index)
            return
        painter.fillRect(option.rect, option.palette.highlight())
        inner = QStyleOptionViewItem(option)
        inner.state &= ~QStyle.StateFlag.State_Selected
        inner.rect = option.rect.adjusted(2, 2, -2, -2)
        super().paint(painter, inner, index)


class ProjectTable(QTableView):
    """The table; Enter opens the current project like a double-click."""

    open_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().data(ID_ROLE))
            return
        super().keyPressEvent(event)


class SaveViewDialog:
    """Asks for the name of a saved view (replaceable in tests)."""

    @classmethod
    def ask(cls, parent: QWidget, suggested: str = "") -> str | None:
        name, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("SaveViewDialog", "Save the view"),
            QCoreApplication.translate("SaveViewDialog", "Name of this view (filters, sort and columns):"),
            text=suggested,
        )
        name = name.strip()
        return name if ok and name else None


class ProjectsView(View):
    selection_changed = Signal(list)
    counts_changed = Signal(int, int)  # shown, total

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("projectsView")
        self._lookup_cache: tuple[list, list] | None = None
        self.total = 0

        self.search = QLineEdit(self)
        self.search.setObjectName("searchField")
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(MAX_SEARCH_CHARS)  # a pasted page is cut, not searched for seconds
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textEdited.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_search)

        self.filter_bar = FilterBar(context.filter_state, self._lookups, self)
        self.chips = ChipBar(context.filter_state, self._lookups, self)

        self.views_combo = QComboBox(self)
        self.views_combo.setObjectName("savedViews")
        self.views_combo.setMinimumContentsLength(14)
        self.views_combo.activated.connect(self._apply_saved_view)
        self.save_view_button = QToolButton(self)
        self.save_view_button.clicked.connect(self.save_current_view)
        self.delete_view_button = QToolButton(self)
        self.delete_view_button.clicked.connect(self.delete_current_view)
        self.views_label = QLabel(self)
        self.views_label.setBuddy(self.views_combo)

        self.model = ProjectTableModel(context.workspace, self)
        self.model.reloaded.connect(self._after_reload)
        # After a change the ids are read again off the window's thread (100,000 ids:
        # 100-170 ms on the window's thread under load); the list stays usable meanwhile.
        self._changed: Changes = NOTHING  # changes not yet read back
        self._reader = BackgroundRead(self, self._read_ids, self._show_ids)
        self.table = ProjectTable(self)
        self.table.setObjectName("projectTable")
        self.table.setModel(self.model)
        self.empty_state = EmptyState(self.table, self._empty_wording)
        self.table.setItemDelegateForColumn(COLUMN_KEYS.index("stage"), StageChipDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_rows()
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)  # no dead band right of the last column
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.table.doubleClicked.connect(lambda index: self.open_project.emit(index.data(ID_ROLE)))
        self.table.open_requested.connect(self.open_project)
        self._restore_columns()
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._remember_sort)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit(self.selected_ids())
        )

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.views_label)
        top.addWidget(self.views_combo, 1)
        top.addWidget(self.save_view_button)
        top.addWidget(self.delete_view_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.chips)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.search, self.views_combo)
        self.setTabOrder(self.views_combo, self.save_view_button)
        self.setTabOrder(self.save_view_button, self.delete_view_button)
        self.setTabOrder(self.delete_view_button, self.filter_bar.stage_button)
        self.setTabOrder(self.filter_bar.dates_button, self.table)

        context.filter_state.changed.connect(self._filter_changed)
        self.retranslate()
        self._fill_saved_views()
        self.model._filter = context.filter_state.filter
        self._reload_now()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search title, reference, organisation, theme… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search projects"))
        self.views_combo.setAccessibleName(self.tr("Saved views"))
        if self.views_combo.count():
            self.views_combo.setItemText(0, self.tr("(current view)"))
        self.save_view_button.setText(self.tr("Save view…"))
        self.save_view_button.setAccessibleName(self.tr("Save the current view"))
        self.delete_view_button.setText(self.tr("Delete view"))
        self.delete_view_button.setAccessibleName(self.tr("Delete the chosen saved view"))
        self.views_label.setText(self.tr("Vie&w:"))
        self.table.setAccessibleName(self.tr("Projects"))
        self.model.retranslate()

    def _empty_wording(self) -> str:
        """Why the list is empty and what to do (a search with no result was a blank table)."""
        flt = self.context.filter_state.filter
        if self.total == 0:
            return self.tr("No project yet. Create one (Ctrl+N) or import a workbook (Ctrl+I).")
        if flt.search.strip():
            return self.tr("No project matches “%1”. Check the spelling, shorten the search or clear "
                           "the filters (Ctrl+F to search again).").replace("%1", flt.search.strip())
        return self.tr("No project under these filters. Remove a filter chip above, or clear them all.")

    def _fit_rows(self) -> None:
        # Fixed row heights: the view never measures 100,000 rows; they follow the font.
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() * 3 // 2 + 2)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()
        super().changeEvent(event)  # the language: View's retranslate()

    # --- data ------------------------------------------------------------------

    def _lookups(self) -> tuple[list, list]:
        if self._lookup_cache is None:
            ws = self.context.workspace
            self._lookup_cache = (lookups.organisations(ws), lookups.envelopes(ws))
        return self._lookup_cache

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        """Read the list again after a change, in the background: the rows on screen
        stay until the new ids arrive, then the selection and the scroll position
        are put back (``reading()`` tells whether a read is under way)."""
        self._lookup_cache = None  # read again when the filter bar next needs it
        if self.model._ws is not self.context.workspace:
            self._reload_now()  # another database: nothing of the old list holds
            return
        self._changed = self._changed | changes
        self._reader.start()

    def reading(self) -> bool:
        return self._reader.running

    def _reload_now(self) -> None:
        """Read the list at once (the window opening, another database)."""
        current = self.current_id()
        self._lookup_cache = None
        self._changed = NOTHING
        self.model._ws = self.context.workspace
        self.total = project_query.count(self.context.workspace)
        self.model.reload()
        if current is not None:
            self.select_ids([current])

    def _read_ids(self):
        """The work of one background read: the total, the ids in list order under
        the filter and sort of now, and the rows of the projects changed (a few)."""
        ws = self.context.workspace
        key = self.model.read_key()
        _ws, flt, sort, descending = key
        changes, self._changed = self._changed, NOTHING
        changed = None if changes.everything else changes.projects

        def work():
            total = project_query.count(ws)
            ids = project_query.project_ids(ws, flt, sort, descending)
            fresh = project_query.rows(ws, sorted(changed)) if changed and len(changed) <= WINDOW else {}
            return key, total, ids, changed, fresh

        return work

    def _show_ids(self, result) -> None:
        key, total, ids, changed, fresh = result
        if key != self.model.read_key():
            return  # the filter, sort or database changed meanwhile: that reload read after the change
        self.total = total
        table = self.table
        selected, current = self.selected_ids(), self.table.currentIndex()
        current_id = current.data(ID_ROLE) if current.isValid() else None
        top = self.model.id_at(table.rowAt(0))
        scrolled = (table.verticalScrollBar().value(), table.horizontalScrollBar().value())
        if not self.model.replace_ids(ids, changed, fresh):
            return  # same rows in the same order: selection and scroll untouched
        selection = QItemSelection()
        last = len(COLUMNS) - 1
        rows = self.model.rows_of(selected)
        start = 0
        for i in range(1, len(rows) + 1):  # contiguous rows as one range each
            if i == len(rows) or rows[i] != rows[i - 1] + 1:
                selection.select(self.model.index(rows[start], 0), self.model.index(rows[i - 1], last))
                start = i
        model_selection = table.selectionModel()
        model_selection.select(selection, model_selection.SelectionFlag.Select | model_selection.SelectionFlag.Rows)
        if current_id is not None and (row := self.model.row_of(current_id)) >= 0:
            model_selection.setCurrentIndex(self.model.index(row, current.column()),
                                            model_selection.SelectionFlag.NoUpdate)
        top_row = self.model.row_of(top) if top is not None else -1
        if top_row >= 0:
            table.scrollTo(self.model.index(top_row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        else:
            table.verticalScrollBar().setValue(scrolled[0])
        table.horizontalScrollBar().setValue(scrolled[1])

    def _after_reload(self, shown: int) -> None:
        self.counts_changed.emit(shown, self.total)

    def _filter_changed(self, flt) -> None:
        if self.search.text() != flt.search:
            self.search.setText(flt.search)
        self.model.set_filter(flt)

    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.context.filter_state.update(search=self.search.text())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- selection ---------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [pid for pid in (self.model.id_at(r) for r in rows) if pid is not None]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_ids(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = None
        for pid in ids:
            row = self.model.row_of(pid)
            if row >= 0:
                index = self.model.index(row, 0)
                first = first or index
                selection.select(
                    index,
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        if first is not None:
            selection.setCurrentIndex(first, selection.SelectionFlag.NoUpdate)
            self.table.scrollTo(first)

    # --- columns and sort ---------------------------------------------------------

    def _restore_columns(self) -> None:
        settings = self.context.settings
        header = self.table.horizontalHeader()
        if not geometry.restore_header(settings, keys.PROJECTS_HEADER, header):
            for column, spec in enumerate(COLUMNS):
                header.setSectionHidden(column, not spec.shown_by_default)
            for column, width in self._default_widths().items():
                header.resizeSection(column, width)
            # The title takes the room left (it was cut after ~30 characters while
            # « Modifié le », the last column, stretched over 200 px).
            header.setStretchLastSection(False)
            header.setSectionResizeMode(COLUMN_KEYS.index("title"), QHeaderView.ResizeMode.Stretch)
        sort = keys.value(settings, keys.PROJECTS_SORT)
        descending = keys.value(settings, keys.PROJECTS_DESCENDING)
        column = COLUMN_KEYS.index(sort) if sort in COLUMN_KEYS else 0
        self.model._sort, self.model._descending = COLUMN_KEYS[column], descending
        header.setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        )

    def _default_widths(self) -> dict[int, int]:
        """First-start widths measured on the texts the columns show (the longest
        stage and status in the interface language, a reference, a date and time),
        so nothing is cut at any font size; titles and leads get a readable share."""
        metrics = self.table.fontMetrics()
        em = metrics.horizontalAdvance("M")
        padding = em  # cell margins and the grid
        icon = self.table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + em // 2
        locale = QLocale()
        when = QDateTime(QDate(2026, 12, 31), QTime(23, 59))
        samples = {
            "reference": (["PREF67-2026-00000"], 0),
            "stage": ([labels.stage_label(s) for s in labels.stages()], icon),
            "status": ([labels.status_label(s) for s in labels.statuses()], 0),
            "department": (["Région", "2A"], 0),
            **{spec.key: ([locale.toString(when.date(), QLocale.FormatType.ShortFormat)], 0)
               for spec in PROJECT_FIELDS if spec.kind is FieldKind.DATE},
            **{spec.key: ([locale.toString(9_999_999.99, "f", 2)], 0)
               for spec in PROJECT_FIELDS if spec.kind is FieldKind.AMOUNT},
            "updated_at": ([locale.toString(when.date(), QLocale.FormatType.ShortFormat) + " 23:59"], 0),
            "stage_since": ([locale.toString(when.date(), QLocale.FormatType.ShortFormat)], 0),
        }
        header_metrics = self.table.horizontalHeader().fontMetrics()
        widths = {}
        for column, key in enumerate(COLUMN_KEYS):
            # The header's text and its sort arrow must fit too.
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            needed = header_metrics.horizontalAdvance(title) + padding + em
            texts, extra = samples.get(key, ([], 0))
            for text in texts:
                needed = max(needed, metrics.horizontalAdvance(text) + extra + padding)
            widths[column] = needed
        widths[COLUMN_KEYS.index("title")] = 28 * em
        widths[COLUMN_KEYS.index("lead")] = 16 * em
        return widths

    def _remember_sort(self, column: int, order: Qt.SortOrder) -> None:
        keys.set_value(self.context.settings, keys.PROJECTS_SORT, COLUMN_KEYS[column])
        keys.set_value(self.context.settings, keys.PROJECTS_DESCENDING, order == Qt.SortOrder.DescendingOrder)

    def save_layout(self) -> None:
        geometry.save_header(self.context.settings, keys.PROJECTS_HEADER, self.table.horizontalHeader())

    def _header_menu(self, point: QPoint) -> None:
        self.columns_menu().exec(self.table.horizontalHeader().mapToGlobal(point))

    def columns_menu(self, parent: QWidget | None = None) -> QMenu:
        """Check boxes showing or hiding each column (the title always stays)."""
        menu = QMenu(self.tr("Columns"), parent or self)
        header = self.table.horizontalHeader()
        titles = with_mnemonics(self.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS)))
        for column in range(len(COLUMNS)):
            action = menu.addAction(titles[column])
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(COLUMNS[column].key != "title")
            action.toggled.connect(lambda on, c=column: self.set_column_visible(c, on))
        return menu

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not visible)
        self.save_layout()

    # --- saved views ----------------------------------------------------------------

    def _fill_saved_views(self, select: str | None = None) -> None:
        self.views_combo.blockSignals(True)
        self.views_combo.clear()
        self.views_combo.addItem(self.tr("(current view)"), None)
        for name in views_store.load_all(self.context.settings):
            self.views_combo.addItem(name, name)
        if select:
            self.views_combo.setCurrentIndex(max(0, self.views_combo.findData(select)))
        self.views_combo.blockSignals(False)
        self.delete_view_button.setEnabled(self.views_combo.count() > 1)

    def save_current_view(self) -> str | None:
        name = SaveViewDialog.ask(self, self.views_combo.currentData() or "")
        if not name:
            return None
        view = views_store.SavedView(
            name=name,
            filter=self.context.filter_state.filter,
            sort=self.model.sort_key,
            descending=self.model.descending,
            header_state=bytes(self.table.horizontalHeader().saveState().data()),
        )
        views_store.save(self.context.settings, view)
        self._fill_saved_views(select=name)
        return name

    def delete_current_view(self) -> None:
        name = self.views_combo.currentData()
        if name:
            views_store.delete(self.context.settings, name)
            self._fill_saved_views()

    def apply_view(self, name: str) -> None:
        view = views_store.load_all(self.context.settings).get(name)
        if view is None:
            return
        header = self.table.horizontalHeader()
        if view.header_state:
            header.restoreState(view.header_state)
        column = COLUMN_KEYS.index(view.sort) if view.sort in COLUMN_KEYS else 0
        # Filter first, then sort: one query each, no reload in between.
        self.model._sort, self.model._descending = view.sort, view.descending
        header.blockSignals(True)
        header.setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if view.descending else Qt.SortOrder.AscendingOrder
        )
        header.blockSignals(False)
        self._remember_sort(column, header.sortIndicatorOrder())
        if view.filter == self.context.filter_state.filter:
            self.model.reload()
        else:
            self.context.filter_state.set_filter(view.filter)
        self.views_combo.setCurrentIndex(max(0, self.views_combo.findData(name)))

    def _apply_saved_view(self, index: int) -> None:
        name = self.views_combo.itemData(index)
        if name:
            self.apply_view(name)
