"""Funding (Financement): each envelope's allocation, the budgets committed by its
projects and what remains; an over-committed envelope is shown by an icon, a word
and a colour together (never colour alone)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from labest_desktop.domain.errors import LabestError, ValidationError
from labest_desktop.services import funding
from labest_desktop.services.changes import EVERYTHING, Changes
from labest_desktop.ui import colours
from labest_desktop.ui.models.row_list import RowListModel
from labest_desktop.ui.reports.formatting import french_amount
from labest_desktop.ui.views import view_errors
from labest_desktop.ui.views.base import BackgroundRead, View
from labest_desktop.ui.widgets.empty_state import EmptyState

ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVER_ROLE = Qt.ItemDataRole.UserRole + 2
COL_NAME, COL_ORIGIN, COL_ALLOCATED, COL_COMMITTED, COL_REMAINING, COL_PROJECTS, COL_STATE = range(7)


class EnvelopeTableModel(RowListModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Envelope"), self.tr("Origin"), self.tr("Allocated"), self.tr("Committed"),
                self.tr("Remaining"), self.tr("Projects"), self.tr("State"))

    def state_text(self, row: funding.EnvelopeRow) -> str:
        if row.allocated is None:
            return self.tr("No allocation")
        if row.over_committed:
            return self.tr("Over-committed")
        ratio = row.used_ratio or 0.0
        return self.tr("%1 % used").replace("%1", f"{ratio * 100:.0f}")

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index)
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.origin or "", french_amount(row.allocated), french_amount(row.committed),
                    french_amount(row.remaining), str(row.projects), self.state_text(row))[col]
        if role == Qt.ItemDataRole.DecorationRole and col == COL_STATE and row.over_committed:
            from PySide6.QtWidgets import QApplication

            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and row.over_committed:
            # A pale red on a light palette, a deep one on a dark palette; text that reads on it.
            background, text = colours.warning_colours()
            return background if role == Qt.ItemDataRole.BackgroundRole else text
        if role == Qt.ItemDataRole.FontRole and row.over_committed and col in (COL_REMAINING, COL_STATE):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole and row.over_committed:
            return f"{self.tr('Over-committed')}: {self.data(index)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_ALLOCATED, COL_COMMITTED, COL_REMAINING, COL_PROJECTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return row.id
        if role == OVER_ROLE:
            return row.over_committed
        return None

    def row(self, index: int) -> funding.EnvelopeRow:
        return self._rows[index]


def parse_amount(text: str) -> Decimal | None:
    cleaned = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("€", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError("allocated", "funding.allocated_invalid", value=text) from None


class FundingView(View):
    """Envelopes with the budgets committed on them, summed in the background (the
    previous figures stay, with « updating… », until the new ones are in)."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = EnvelopeTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.empty_state = EmptyState(self.table, lambda: self.tr(
            "No funding envelope yet: add one with the form below (name, origin, allocation)."))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in range(COL_ORIGIN, COL_STATE + 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.follow_filter = QCheckBox()
        self.updating = QLabel()
        self.updating.hide()
        self._reader = BackgroundRead(self, self._read, self._rows_in, self.updating.setVisible)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.name = QLineEdit()
        self.origin = QLineEdit()
        self.allocated = QLineEdit()
        self.save = QPushButton()
        self.add = QPushButton()
        form = QFormLayout()
        self.form_labels = []
        for field in (self.name, self.origin, self.allocated):
            label = QLabel()
            label.setBuddy(field)
            form.addRow(label, field)
            self.form_labels.append(label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.follow_filter, 1)
        top.addWidget(self.updating)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.current_id: int | None = None
        self.retranslate()
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.save.clicked.connect(self.save_current)
        self.add.clicked.connect(self.add_new)
        self.follow_filter.toggled.connect(lambda _on: self.refresh())
        context.filter_state.changed.connect(lambda _f: self.follow_filter.isChecked() and self.filter_changed())
        self.refresh()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Funding"))
        self.table.setAccessibleName(self.tr("Funding envelopes"))
        self.follow_filter.setText(self.tr("Count only the projects of the current filte&r"))
        self.allocated.setPlaceholderText(self.tr("e.g. 250 000,00"))
        for widget, name in ((self.name, self.tr("Envelope name")), (self.origin, self.tr("Origin")),
                             (self.allocated, self.tr("Allocated amount in euros"))):
            widget.setAccessibleName(name)
        for label, text in zip(self.form_labels, (self.tr("&Name"), self.tr("&Origin"), self.tr("&Allocated (€)")),
                               strict=True):
            label.setText(text)
        self.save.setText(self.tr("Save"))
        self.add.setText(self.tr("Add as a new envelope"))
        self.updating.setText(self.tr("updating…"))
        self.model.retranslate()
        self._show_summary()

    def _show_summary(self) -> None:
        over = [self.model.row(i).name for i in range(self.model.rowCount()) if self.model.row(i).over_committed]
        if over:
            self.summary.setText("⚠ " + self.tr("%n envelope(s) over-committed: %1", "", len(over)).replace("%1", ", ".join(over)))
        else:
            self.summary.setText(self.tr("No envelope is over-committed."))

    def shows(self, changes: Changes) -> bool:
        return changes.touches_projects() or changes.touches_envelopes()

    def is_updating(self) -> bool:
        return self._reader.running

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        self._reader.start()

    def _read(self):
        flt = self.context.filter_state.filter if self.follow_filter.isChecked() else funding.ALL_PROJECTS
        ws = self.context.workspace
        return lambda: funding.envelopes(ws, flt)

    def _rows_in(self, rows) -> None:
        self.model.set_rows(rows)
        self._show_summary()
        if self.current_id is not None:
            for i in range(self.model.rowCount()):
                if self.model.row(i).id == self.current_id:
                    self.table.selectRow(i)

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.row(current.row())
        self.current_id = row.id
        self._read_row = row  # what the save checks is still there
        self.name.setText(row.name)
        self.origin.setText(row.origin or "")
        self.allocated.setText("" if row.allocated is None else f"{row.allocated:.2f}".replace(".", ","))

    def save_current(self) -> None:
        if self.current_id is None:
            return self.add_new()
        try:
            self._read_row = funding.update_envelope(self.context.workspace, self.current_id, self.name.text(), self.origin.text(),
                                    parse_amount(self.allocated.text()), read=self._read_row)
        except LabestError as exc:
            view_errors.show_error(self, exc)
            return
        self.context.publish(Changes.of(envelopes=[self.current_id]))

    def add_new(self) -> None:
        try:
            self.current_id = funding.create_envelope(self.context.workspace, self.name.text(), self.origin.text(),
                                                      parse_amount(self.allocated.text()))
        except LabestError as exc:
            view_errors.show_error(self, exc)
            return
        self.context.publish(Changes.of(envelopes=[self.current_id]))
