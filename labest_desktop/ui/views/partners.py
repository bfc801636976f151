"""Partners (Partenaires): organisations with kind and department, the projects each
leads or partners, its events; merging two spellings of one organisation (undoable)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
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
    QListWidget,
    QListWidgetItem,
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
from labest_desktop.ui.models.row_list import RowListModel
from labest_desktop.ui.reports.formatting import french_date
from labest_desktop.ui.views import view_errors
from labest_desktop.ui.views.base import BackgroundRead, View
from labest_desktop.ui.views.kind_labels import org_kind_label, org_kinds

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COL_NAME, COL_KIND, COL_DEPARTMENT, COL_LED, COL_PARTNERED, COL_EVENTS = range(6)


class OrganisationTableModel(RowListModel):
    """Organisations listed at once; how many projects each leads and partners, and
    its events, arrive from the background (``set_counts``), « … » until then."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._counts: dict[int, tuple[int, int, int]] | None = None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Organisation"), self.tr("Kind"), self.tr("Department"), self.tr("Leads"),
                self.tr("Partners"), self.tr("Events"))

    def set_counts(self, counts: dict[int, tuple[int, int, int]] | None) -> None:
        self._counts = counts
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_LED), self.index(len(self._rows) - 1, COL_EVENTS))

    def counts_of(self, organisation_id: int) -> tuple[int, int, int] | None:
        if self._counts is None:
            return None
        return self._counts.get(organisation_id, (0, 0, 0))

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index)
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name} – {org_kind_label(row.kind)} – {labels.department_label(row.department)}"
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= COL_LED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return None
        if col >= COL_LED:
            counts = self.counts_of(row.id)
            if counts is None:
                return "…" if role == Qt.ItemDataRole.DisplayRole else -1
            value = counts[col - COL_LED]
            return str(value) if role == Qt.ItemDataRole.DisplayRole else value
        value = (row.name, org_kind_label(row.kind), row.department or "")[col]
        return value if role == Qt.ItemDataRole.DisplayRole else value.lower()

    def row_of(self, organisation_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == organisation_id), -1)


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
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.kept.currentData()
        return None


class MergeCommand(QUndoCommand):
    def __init__(self, view: PartnersView, record: organisations.MergeRecord, kept_name: str) -> None:
        super().__init__(view.tr("Merge “%1” into “%2”").replace("%1", record.removed_name).replace("%2", kept_name))
        self._view = view
        self._record = record
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        try:
            self._record = organisations.merge_organisations(
                self._view.context.workspace, self._record.kept_id, self._record.removed_id
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


class PartnersView(View):
    """Organisations at once, their counts read in the background (one grouped read,
    nothing per organisation), the selected one's projects and events beside."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = OrganisationTableModel(self)
        self._counts_reader = BackgroundRead(self, self._read_counts, self.model.set_counts)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (COL_KIND, COL_DEPARTMENT, COL_LED, COL_PARTNERED, COL_EVENTS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
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
        self.led = QListWidget()
        self.partnered = QListWidget()
        self.events = QListWidget()
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
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: current.isValid() and self.show_organisation(current.data(ID_ROLE))
        )
        self.save.clicked.connect(self.save_current)
        self.merge.clicked.connect(self.merge_current)
        for widget in (self.led, self.partnered):
            widget.itemActivated.connect(lambda item: self.open_project.emit(item.data(ID_ROLE)))
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

    def _title_lists(self) -> None:
        led, partnered, events = self._counts
        self.led_label.setText(self.tr("Projects it &leads (%n)", "", led))
        self.partnered_label.setText(self.tr("Projects it &partners (%n)", "", partnered))
        self.events_label.setText(self.tr("I&ts events (%n)", "", events))

    def shows(self, changes: Changes) -> bool:
        return changes.touches_projects() or changes.touches_organisations() or changes.touches_events()

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        try:
            rows = organisations.list_organisations(self.context.workspace, self.search.text(), counts=False)
        except LabestError as exc:
            view_errors.show_error(self, exc)
            return
        current = self.current_id
        self.model.set_rows(rows)
        if changes.touches_projects() or changes.touches_organisations() or changes.touches_events():
            self._counts_reader.start()
        if current is not None and self.model.row_of(current) >= 0:
            self.select(current)
        elif rows:
            self.table.setCurrentIndex(self.proxy.index(0, COL_NAME))
        else:
            self.current_id = None

    def _read_counts(self):
        ws = self.context.workspace
        return lambda: organisations.organisation_counts(ws)

    def counts_pending(self) -> bool:
        return self._counts_reader.running

    def select(self, organisation_id: int) -> None:
        row = self.model.row_of(organisation_id)
        if row >= 0:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, COL_NAME)))
            self.show_organisation(organisation_id)

    def show_organisation(self, organisation_id: int) -> None:
        detail = organisations.get_organisation(self.context.workspace, organisation_id)
        self.current_id = organisation_id
        self.name.setText(detail.row.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(detail.row.kind)))
        self.department.setCurrentIndex(max(0, self.department.findData(detail.row.department)))
        self._counts = (len(detail.led), len(detail.partnered), len(detail.events))
        self._title_lists()
        for widget, items in ((self.led, detail.led), (self.partnered, detail.partnered)):
            widget.clear()
            for p in items:
                item = QListWidgetItem(f"{p.reference} – {p.title} ({labels.stage_label(p.stage)})")
                item.setData(ID_ROLE, p.id)
                widget.addItem(item)
        self.events.clear()
        for e in detail.events:
            item = QListWidgetItem(f"{french_date(e.date) if e.date else '—'} – {e.title}")
            item.setData(ID_ROLE, e.id)
            self.events.addItem(item)

    def save_current(self) -> None:
        if self.current_id is None:
            return
        try:
            organisations.update_organisation(self.context.workspace, self.current_id, self.name.text(),
                                              self.kind.currentData(), self.department.currentData())
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
            record = organisations.merge_organisations(self.context.workspace, kept_id, removed.id)
        except LabestError as exc:
            view_errors.show_error(self, exc)
            return
        kept_name = next(r.name for r in rows if r.id == kept_id)
        self.context.undo_stack.push(MergeCommand(self, record, kept_name))
        self.changed(record, kept_id)

    def changed(self, record: organisations.MergeRecord, select_id: int) -> None:
        """A merge done or taken back: one change for every view, this one included."""
        self.current_id = select_id
        self.context.publish(Changes.of(projects=record.affected_projects,
                                        organisations=[record.kept_id, record.removed_id],
                                        events=[*record.events_moved, *record.events_shared]))
