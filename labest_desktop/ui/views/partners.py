"""Partners (Partenaires): organisations with kind and department, the projects each
leads or partners, its events; merging two spellings of one organisation (undoable)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from labest_desktop.domain.errors import LabestError
from labest_desktop.domain.vocab import DEPARTMENTS
from labest_desktop.services import organisations
from labest_desktop.services.changes import EVERYTHING, Changes
from labest_desktop.ui import labels
from labest_desktop.ui.models.windowed_table import ID_ROLE, WindowedTableModel
from labest_desktop.ui.reports.formatting import french_date
from labest_desktop.ui.views import view_errors
from labest_desktop.ui.views.base import BackgroundRead, View
from labest_desktop.ui.views.kind_labels import org_kind_label, org_kinds
from labest_desktop.ui.widgets.empty_state import EmptyState

COL_NAME, COL_KIND, COL_DEPARTMENT, COL_LED, COL_PARTNERED, COL_EVENTS = range(6)


class OrganisationTableModel(WindowedTableModel):
    """The organisations as the database orders them: their ids, and the rows drawn
    read a window at a time (``RowWindow``), like the portfolio. How many projects
    each leads and partners, and its events, arrive from the background
    (``set_counts``: one grouped read), « … » until then."""

    SORTS = organisations.ORGANISATION_SORTS

    def __init__(self, context, parent=None) -> None:
        super().__init__(lambda ids: organisations.organisation_rows(self._context.workspace, ids), "name", False, parent)
        self._context = context
        self._counts: dict[int, tuple[int, int, int]] | None = None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Organisation"), self.tr("Kind"), self.tr("Department"), self.tr("Leads"),
                self.tr("Partners"), self.tr("Events"))

    def reload(self, search: str | None = None) -> None:
        """Read the ids again (after a change, a search or a sort)."""
        if search is not None:
            self._search = search
        kinds = tuple(sorted(org_kinds(), key=lambda code: org_kind_label(code).lower()))
        counted = ("led", "partnered", "events")
        if self.sorted_by_count() and self._counts is not None:
            # The counts are in: sorted here (stable, so ties stay in name order) rather
            # than by the database's grouped join (partnerships: ~300 ms at 100,000 on SQLite).
            ids = organisations.organisation_ids(self._context.workspace, self._search, sort="name",
                                                 descending=self._descending)
            position, counts = counted.index(self._sort), self._counts
            ids.sort(key=lambda ident: counts.get(ident, (0, 0, 0))[position], reverse=self._descending)
        else:
            ids = organisations.organisation_ids(self._context.workspace, self._search, sort=self._sort,
                                                 descending=self._descending, kind_order=kinds)
        self._show_ids(ids)

    def set_counts(self, counts: dict[int, tuple[int, int, int]] | None) -> None:
        self._counts = counts
        if len(self._rows):
            self.dataChanged.emit(self.index(0, COL_LED), self.index(len(self._rows) - 1, COL_EVENTS))

    def sorted_by_count(self) -> bool:
        return self._sort in ("led", "partnered", "events")

    def counts_of(self, organisation_id: int) -> tuple[int, int, int] | None:
        if self._counts is None:
            return None
        return self._counts.get(organisation_id, (0, 0, 0))

    def organisation(self, row: int) -> organisations.OrganisationRow | None:
        return self._rows.row(row)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        col = index.column()
        if role == ID_ROLE:
            return self._rows.id_at(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= COL_LED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows.row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name} – {org_kind_label(row.kind)} – {labels.department_label(row.department)}"
        if col >= COL_LED:
            counts = self.counts_of(row.id)
            return "…" if counts is None else str(counts[col - COL_LED])
        return (row.name, org_kind_label(row.kind), row.department or "")[col]


class MergeDialog(QDialog):
    """Choose the organisation to keep; ``ask`` returns its id (tests replace it)."""

    def __init__(self, removed: organisations.OrganisationRow, choices, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge organisations"))
        text = self.tr("“%1” and the organisation chosen below are the same. Every project, partnership "
                       "and event of “%1” moves to the one kept, and “%1” is removed. You can undo it.")
        prompt = QLabel(text.replace("%1", removed.name))
        prompt.setWordWrap(True)
        self.kept = QComboBox()
        self.kept.setAccessibleName(self.tr("Organisation kept"))
        for row in choices:
            if row.id != removed.id:
                self.kept.addItem(row.name, row.id)
        form = QFormLayout()
        form.addRow(self.tr("&Keep"), self.kept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent, removed, choices) -> int | None:
        dialog = cls(removed, choices, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.kept.currentData()
            return None
        finally:
            dialog.deleteLater()  # a child of the view: it would stay for the session


class MergeCommand(QUndoCommand):
    def __init__(self, view: PartnersView, record: organisations.MergeRecord, kept_name: str) -> None:
        super().__init__(QCoreApplication.translate("MergeCommand", "Merge “%1” into “%2”").replace("%1", record.removed_name).replace("%2", kept_name))
        self._view = view
        self._record = record
        self._kept_name = kept_name
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        try:
            self._record = organisations.merge_organisations(
                self._view.context.workspace, self._record.kept_id, self._record.removed_id,
                names=(self._kept_name, self._record.removed_name),
            )
        except LabestError as exc:
            view_errors.show_error(self._view, exc)
        self._view.changed(self._record, self._record.kept_id)

    def undo(self) -> None:
        try:
            restored = organisations.undo_merge(self._view.context.workspace, self._record)
        except LabestError as exc:
            view_errors.show_error(self._view, exc)
            return
        # The organisation comes back with a new id: redo merges that one.
        from dataclasses import replace

        self._record = replace(self._record, removed_id=restored)
        self._view.changed(self._record, restored)


class LinkListModel(QAbstractListModel):
    """Linked items (projects, events), each line written when drawn: a big partner
    has thousands of projects, and writing every line at once held the window for
    ~100 ms at 100,000 projects."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list = []
        self._text = str

    def set_items(self, items, text) -> None:
        """``items`` have an ``id``; ``text(item)`` is the line shown."""
        self.beginResetModel()
        self._items, self._text = list(items), text
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(item)
        if role == ID_ROLE:
            return item.id
        return None


class LinkList(QTableView):
    """An organisation's projects or events: thousands of lines for a big partner.
    A one-column table, not a list view: a list view places every row when the lines
    change (7,800 for a big partner at 100,000 projects, each asking the Python model
    for its row count), a table with fixed row heights places none."""

    opened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(LinkListModel(self))
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 4)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.activated.connect(lambda index: self.opened.emit(index.data(ID_ROLE)))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 4)

    def set_items(self, items, text) -> None:
        self.model().set_items(items, text)

    def count(self) -> int:
        return self.model().rowCount()


class PartnersView(View):
    """Organisations at once, their counts read in the background (one grouped read,
    nothing per organisation), the selected one's projects and events beside."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = OrganisationTableModel(context, self)
        self._counts_reader = BackgroundRead(self, self._read_counts, self._counts_in)
        self._detail_reader = BackgroundRead(self, self._read_detail, self._detail_in)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.empty_state = EmptyState(self.table, lambda: self.tr(
            "No organisation matches. Organisations appear here as leads or partners of projects; "
            "clear the search to see them all."))
        self.table.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # the model sorts in the database
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.kind.addItem("", None)
        for code in org_kinds():
            self.kind.addItem("", code)
        self.department = QComboBox()
        self.department.addItem("", None)
        for code in DEPARTMENTS:
            self.department.addItem("", code)
        self.save = QPushButton()
        self.merge = QPushButton()
        self.led = LinkList()
        self.partnered = LinkList()
        self.events = LinkList()
        form = QFormLayout()
        self.form_labels = []
        for field in (self.name, self.kind, self.department):
            label = QLabel()
            label.setBuddy(field)
            form.addRow(label, field)
            self.form_labels.append(label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        self.led_label = QLabel()
        self.partnered_label = QLabel()
        self.events_label = QLabel()
        self.led_label.setBuddy(self.led)
        self.partnered_label.setBuddy(self.partnered)
        self.events_label.setBuddy(self.events)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addLayout(form)
        detail_layout.addLayout(buttons)
        for label, widget in ((self.led_label, self.led), (self.partnered_label, self.partnered),
                              (self.events_label, self.events)):
            detail_layout.addWidget(label)
            detail_layout.addWidget(widget, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.current_id: int | None = None
        self._counts = (0, 0, 0)  # projects led, partnered, events of the one shown
        self.retranslate()
        self.search.textChanged.connect(lambda _text: self._list())
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: current.isValid() and self.show_organisation(current.data(ID_ROLE))
        )
        self.table.horizontalHeader().sortIndicatorChanged.connect(  # after the model sorted (connected first)
            lambda *_: self.current_id is not None and self.select(self.current_id, reread=False))
        self.save.clicked.connect(self.save_current)
        self.merge.clicked.connect(self.merge_current)
        for widget in (self.led, self.partnered):
            widget.opened.connect(self.open_project)
        self.refresh()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Partners"))
        self.search.setPlaceholderText(self.tr("Search organisations"))
        self.search.setAccessibleName(self.tr("Search organisations"))
        self.table.setAccessibleName(self.tr("Organisations"))
        self.kind.setItemText(0, self.tr("(not set)"))
        for index in range(1, self.kind.count()):
            self.kind.setItemText(index, org_kind_label(self.kind.itemData(index)))
        self.department.setItemText(0, self.tr("(not set)"))
        for index in range(1, self.department.count()):
            self.department.setItemText(index, labels.department_label(self.department.itemData(index)))
        self.save.setText(self.tr("Save"))
        self.merge.setText(self.tr("Merge into…"))
        for widget, name in ((self.name, self.tr("Name")), (self.kind, self.tr("Kind")),
                             (self.department, self.tr("Department")), (self.led, self.tr("Projects it leads")),
                             (self.partnered, self.tr("Projects it partners")), (self.events, self.tr("Its events"))):
            widget.setAccessibleName(name)
        for label, text in zip(self.form_labels, (self.tr("&Name"), self.tr("&Kind"), self.tr("&Department")),
                               strict=True):
            label.setText(text)
        self._title_lists()
        self.model.retranslate()
        self._fit_columns()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Widths measured on what the columns can show (the longest kind, a
        department, a large count, the headers), never on the rows: measuring the
        contents would read and format every organisation of the list."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        padding = 2 * metrics.horizontalAdvance("M")
        samples = {
            COL_KIND: [org_kind_label(code) for code in org_kinds()],
            COL_DEPARTMENT: [code for code in DEPARTMENTS],
            COL_LED: ["100000"], COL_PARTNERED: ["100000"], COL_EVENTS: ["10000"],
        }
        for column, texts in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max([metrics.horizontalAdvance(t) for t in texts]
                        + [header.fontMetrics().horizontalAdvance(title) + padding // 2])
            header.resizeSection(column, width + padding)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() * 3 // 2 + 2)

    def _title_lists(self) -> None:
        led, partnered, events = self._counts
        self.led_label.setText(self.tr("Projects it &leads (%n)", "", led))
        self.partnered_label.setText(self.tr("Projects it &partners (%n)", "", partnered))
        self.events_label.setText(self.tr("I&ts events (%n)", "", events))

    def shows(self, changes: Changes) -> bool:
        return changes.touches_projects() or changes.touches_organisations() or changes.touches_events()

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        self._counts_reader.start()
        self._list(reread_detail=True)

    def _list(self, reread_detail: bool = False) -> None:
        """The organisations matching the search, at once (counts follow)."""
        try:
            self.model.reload(self.search.text())
        except LabestError as exc:
            view_errors.show_error(self, exc)
            return
        current = self.current_id
        if current is not None and self.model.row_of(current) >= 0:
            self.select(current, reread_detail)
        elif self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, COL_NAME))
        else:
            self.current_id = None

    def _read_counts(self):
        ws = self.context.workspace
        return lambda: organisations.organisation_counts(ws)

    def _counts_in(self, counts) -> None:
        self.model.set_counts(counts)
        if self.model.sorted_by_count():
            self._list()  # the order follows the new counts

    def counts_pending(self) -> bool:
        return self._counts_reader.running

    def detail_pending(self) -> bool:
        return self._detail_reader.running

    def select(self, organisation_id: int, reread: bool = True) -> None:
        row = self.model.row_of(organisation_id)
        if row < 0:
            return
        index = self.model.index(row, COL_NAME)
        if self.table.currentIndex().row() != index.row() or self.current_id != organisation_id:
            self.table.setCurrentIndex(index)  # shows it through currentRowChanged
        elif reread:
            self.show_organisation(organisation_id)

    def show_organisation(self, organisation_id: int) -> None:
        """Name, kind and department at once; projects and events from the background."""
        row = self.model.row_of(organisation_id)
        if row < 0:
            return
        org = self.model.organisation(row)
        self.current_id = organisation_id
        self._read_row = org  # what the save checks is still there
        self.name.setText(org.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(org.kind)))
        self.department.setCurrentIndex(max(0, self.department.findData(org.department)))
        self._detail_reader.start()

    def _read_detail(self):
        ws, organisation_id = self.context.workspace, self.current_id
        return lambda: organisations.get_organisation(ws, organisation_id)

    def _detail_in(self, detail: organisations.OrganisationDetail) -> None:
        if detail.row.id != self.current_id:
            return  # another organisation was chosen meanwhile: its own read follows
        self._counts = (len(detail.led), len(detail.partnered), len(detail.events))
        self._title_lists()
        for widget, items in ((self.led, detail.led), (self.partnered, detail.partnered)):
            widget.set_items(items, lambda p: f"{p.reference} – {p.title} ({labels.stage_label(p.stage)})")
        self.events.set_items(detail.events, lambda e: f"{french_date(e.date) if e.date else '—'} – {e.title}")

    def save_current(self) -> None:
        if self.current_id is None:
            return
        try:
            self._read_row = organisations.update_organisation(self.context.workspace, self.current_id, self.name.text(),
                                              self.kind.currentData(), self.department.currentData(),
                                              read=self._read_row)
        except LabestError as exc:
            view_errors.show_error(self, exc)
            return
        self.context.publish(Changes.of(organisations=[self.current_id]))

    def merge_current(self) -> None:
        if self.current_id is None:
            return
        rows = organisations.list_organisations(self.context.workspace, counts=False)
        removed = next(r for r in rows if r.id == self.current_id)
        kept_id = MergeDialog.ask(self, removed, rows)
        if kept_id is None:
            return
        try:
            kept_name = next(r.name for r in rows if r.id == kept_id)
            record = organisations.merge_organisations(self.context.workspace, kept_id, removed.id,
                                                       names=(kept_name, removed.name))
        except LabestError as exc:
            view_errors.show_error(self, exc)
            return
        self.context.undo_stack.push(MergeCommand(self, record, kept_name))
        self.changed(record, kept_id)

    def changed(self, record: organisations.MergeRecord, select_id: int) -> None:
        """A merge done or taken back: one change for every view, this one included."""
        self.current_id = select_id
        self.context.publish(Changes.of(projects=record.affected_projects,
                                        organisations=[record.kept_id, record.removed_id],
                                        events=[*record.events_moved, *record.events_shared]))
