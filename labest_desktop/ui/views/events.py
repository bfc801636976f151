"""Events (Événements): a list and a month calendar on the left, the editor on the
right with the linked projects and organisations. Creating an event can be undone."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QTextCharFormat, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from labest_desktop.domain.errors import LabestError
from labest_desktop.services import events, organisations
from labest_desktop.services.changes import EVERYTHING, Changes
from labest_desktop.ui import colours, labels
from labest_desktop.ui.models.windowed_table import ID_ROLE, WindowedTableModel
from labest_desktop.ui.reports.formatting import french_date
from labest_desktop.ui.retranslate import Retranslatable
from labest_desktop.ui.views import view_errors
from labest_desktop.ui.views.base import View
from labest_desktop.ui.views.kind_labels import event_kind_label, event_kinds
from labest_desktop.ui.widgets.empty_state import EmptyState

COL_DATE, COL_TITLE, COL_KIND, COL_PLACE, COL_PARTICIPANTS, COL_PROJECTS = range(6)


class EventTableModel(WindowedTableModel):
    """The events as the database orders them: their ids, and the rows drawn read a
    window at a time (``RowWindow``), like the portfolio. Sorting asks the database
    again; a row never drawn is never read nor formatted."""

    SORTS = events.EVENT_SORTS

    def __init__(self, context, parent=None) -> None:
        super().__init__(lambda ids: events.event_rows(self._context.workspace, ids), "date", True, parent)
        self._context = context

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("Title"), self.tr("Kind"), self.tr("Place"),
                self.tr("Participants"), self.tr("Projects"))

    def reload(self, search: str | None = None) -> None:
        """Read the ids again (after a change, a search or a sort)."""
        if search is not None:
            self._search = search
        kinds = tuple(sorted(event_kinds(), key=lambda code: event_kind_label(code).lower()))
        ids = events.event_ids(self._context.workspace, search=self._search, sort=self._sort,
                               descending=self._descending, kind_order=kinds)
        self._show_ids(ids)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        col = index.column()
        if role == ID_ROLE:
            return self._rows.id_at(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_PARTICIPANTS, COL_PROJECTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows.row(index.row())
        if row is None:
            return None
        if col == COL_DATE:
            return french_date(row.date) if row.date else ""
        if col == COL_TITLE:
            return row.title
        if col == COL_KIND:
            return event_kind_label(row.kind)
        if col == COL_PLACE:
            return row.place or ""
        if col == COL_PARTICIPANTS:
            return "" if row.participants is None else str(row.participants)
        return str(row.project_count)


class EventEditor(Retranslatable, QWidget):
    """The form of one event; ``saved`` carries the event's id after a save."""

    saved = Signal(int)
    removed = Signal(int)  # an event deleted (undo of its creation)
    open_project = Signal(int)

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.event_id: int | None = None
        self.version: int | None = None
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.title = QLineEdit()
        self.title.setMaxLength(events.TITLE_MAX)
        self.kind = QComboBox()
        for code in event_kinds():
            self.kind.addItem(event_kind_label(code), code)
        self.has_date = QCheckBox()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setDate(QDate.currentDate())
        self.has_date.setChecked(True)
        self.has_date.toggled.connect(self.date.setEnabled)
        self.place = QLineEdit()
        self.place.setMaxLength(events.PLACE_MAX)
        self.participants = QSpinBox()
        self.participants.setRange(-1, events.PARTICIPANTS_MAX)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.projects = QListWidget()
        self.project_search = QLineEdit()
        self.project_results = QListWidget()
        self.project_results.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.remove_project = QPushButton()
        self.open_linked = QPushButton()
        self.org_filter = QLineEdit()
        self.organisations = QListWidget()
        self.save = QPushButton()
        self.save.setDefault(True)
        self.new = QPushButton()
        self.delete = QPushButton()

        form = QFormLayout()
        self.form = form
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.date, 1)
        linked = QVBoxLayout()
        linked.addWidget(self.projects)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_project)
        buttons.addWidget(self.open_linked)
        linked.addLayout(buttons)
        linked.addWidget(self.project_search)
        linked.addWidget(self.project_results)
        orgs = QVBoxLayout()
        orgs.addWidget(self.org_filter)
        orgs.addWidget(self.organisations)
        # (field, the widget its label gives focus to), top to bottom
        rows = ((self.title, self.title), (self.kind, self.kind), (date_row, self.date), (self.place, self.place),
                (self.participants, self.participants), (self.description, self.description),
                (linked, self.project_search), (orgs, self.org_filter))
        self.form_labels: list[QLabel] = []
        for field, buddy in rows:
            label = QLabel()
            label.setBuddy(buddy)
            form.addRow(label, field)
            self.form_labels.append(label)
        actions = QHBoxLayout()
        actions.addWidget(self.new)
        actions.addWidget(self.delete)
        actions.addStretch(1)
        actions.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form, 1)
        layout.addLayout(actions)

        # Linking a project: results follow the typing, one click (or Entrée on the
        # first result) links it; it took Entrée, then a double-click.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(lambda: self.find_projects(focus_results=False))
        self.project_search.textEdited.connect(lambda _t: self._search_timer.start())
        self.project_search.returnPressed.connect(self._link_first_result)
        self.project_results.itemActivated.connect(self._link_item)
        self.project_results.itemClicked.connect(self._link_item)
        self.remove_project.clicked.connect(self._remove_selected_project)
        self.open_linked.clicked.connect(self._open_selected_project)
        self.projects.itemActivated.connect(lambda item: self.open_project.emit(item.data(ID_ROLE)))
        self.org_filter.textChanged.connect(self._filter_organisations)
        self.save.clicked.connect(self.submit)
        self.new.clicked.connect(self.clear)
        self.retranslate()
        self._organisations_shown: list[tuple[int, str]] | None = None
        self.load_organisations()
        self.clear()

    def retranslate(self) -> None:
        for label, text in zip(self.form_labels, (
            self.tr("&Title"), self.tr("&Kind"), self.tr("&Date"), self.tr("&Place"), self.tr("Pa&rticipants"),
            self.tr("Descr&iption"), self.tr("Pro&jects"), self.tr("&Organisations"),
        ), strict=True):
            label.setText(text)
        names = {
            self.title: self.tr("Title"), self.kind: self.tr("Kind"), self.has_date: self.tr("Dated"),
            self.date: self.tr("Date"), self.place: self.tr("Place"), self.participants: self.tr("Participants"),
            self.description: self.tr("Description"), self.projects: self.tr("Linked projects"),
            self.project_search: self.tr("Find a project to link"), self.project_results: self.tr("Projects found"),
            self.org_filter: self.tr("Filter organisations"), self.organisations: self.tr("Linked organisations"),
        }
        for widget, name in names.items():
            widget.setAccessibleName(name)
        for index in range(self.kind.count()):
            self.kind.setItemText(index, event_kind_label(self.kind.itemData(index)))
        self.has_date.setText(self.tr("Dated"))
        self.participants.setSpecialValueText(self.tr("not known"))
        self.project_search.setPlaceholderText(self.tr("Reference or words of a title: click a result, or Enter for the first"))
        self.org_filter.setPlaceholderText(self.tr("Filter organisations"))
        self.remove_project.setText(self.tr("Remove the project"))
        self.open_linked.setText(self.tr("Open the project"))
        self.save.setText(self.tr("Save"))
        self.new.setText(self.tr("New event"))
        self.delete.setText(self.tr("Delete"))
        if self.event_id is None:
            self.heading.setText(self.tr("New event"))

    def load_organisations(self) -> None:
        """The organisations offered, read again; the list is rebuilt only if one was
        added, renamed or removed (a save of a project usually changes none of them:
        the check boxes, their filter and the list's scroll position stay)."""
        rows = organisations.list_organisations(self.context.workspace, counts=False)
        shown = [(row.id, row.name) for row in rows]
        if shown == self._organisations_shown:
            return
        self._organisations_shown = shown
        checked = self.organisation_ids()
        self.organisations.clear()
        for row in rows:
            item = QListWidgetItem(row.name)
            item.setData(ID_ROLE, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.id in checked else Qt.CheckState.Unchecked)
            self.organisations.addItem(item)
        if self.org_filter.text():
            self._filter_organisations(self.org_filter.text())

    def _filter_organisations(self, text: str) -> None:
        from labest_desktop.domain.text import fold

        words = fold(text).split()
        for i in range(self.organisations.count()):
            item = self.organisations.item(i)
            item.setHidden(not all(w in fold(item.text()) for w in words))

    def organisation_ids(self) -> frozenset[int]:
        return frozenset(
            self.organisations.item(i).data(ID_ROLE)
            for i in range(self.organisations.count())
            if self.organisations.item(i).checkState() == Qt.CheckState.Checked
        )

    def project_ids(self) -> frozenset[int]:
        return frozenset(self.projects.item(i).data(ID_ROLE) for i in range(self.projects.count()))

    def find_projects(self, focus_results: bool = True) -> None:
        self.project_results.clear()
        if len(self.project_search.text().strip()) < 2:
            return
        for found in events.find_projects(self.context.workspace, self.project_search.text(), limit=30):
            item = QListWidgetItem(f"{found.reference} – {found.title} ({labels.stage_label(found.stage)})")
            item.setData(ID_ROLE, found.id)
            self.project_results.addItem(item)
        if self.project_results.count():
            self.project_results.setCurrentRow(0)
            if focus_results:
                self.project_results.setFocus()

    def _link_first_result(self) -> None:
        """Entrée in the search: link the first project found (searching first if the
        results are not there yet)."""
        self._search_timer.stop()
        self.find_projects(focus_results=False)
        if self.project_results.count():
            self._link_item(self.project_results.item(0))

    def _link_item(self, item: QListWidgetItem) -> None:
        self.add_project(item.data(ID_ROLE), item.text())
        self.project_search.clear()
        self.project_results.clear()
        self.project_search.setFocus()

    def add_project(self, project_id: int, text: str) -> None:
        if project_id in self.project_ids():
            return
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, project_id)
        self.projects.addItem(item)

    def _remove_selected_project(self) -> None:
        for item in self.projects.selectedItems():
            self.projects.takeItem(self.projects.row(item))

    def _open_selected_project(self) -> None:
        item = self.projects.currentItem()
        if item is not None:
            self.open_project.emit(item.data(ID_ROLE))

    def clear(self) -> None:
        self.event_id = None
        self.version = None
        self.heading.setText(self.tr("New event"))
        self.title.clear()
        self.kind.setCurrentIndex(0)
        self.has_date.setChecked(True)
        self.date.setDate(QDate.currentDate())
        self.place.clear()
        self.participants.setValue(-1)
        self.description.clear()
        self.projects.clear()
        self.project_results.clear()
        for i in range(self.organisations.count()):
            self.organisations.item(i).setCheckState(Qt.CheckState.Unchecked)
        self.delete.setEnabled(False)
        self.title.setFocus()

    def load(self, event_id: int) -> None:
        view = events.get_event(self.context.workspace, event_id)
        self.event_id, self.version = view.id, view.version
        values = view.fields
        self.heading.setText(values.title)
        self.title.setText(values.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(str(values.kind))))
        self.has_date.setChecked(values.date is not None)
        if values.date is not None:
            self.date.setDate(QDate(values.date.year, values.date.month, values.date.day))
        self.place.setText(values.place or "")
        self.participants.setValue(-1 if values.participants is None else values.participants)
        self.description.setPlainText(values.description or "")
        self.projects.clear()
        for project in view.projects:
            self.add_project(project.id, f"{project.reference} – {project.title} ({labels.stage_label(project.stage)})")
        linked = values.organisation_ids
        for i in range(self.organisations.count()):
            item = self.organisations.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in linked else Qt.CheckState.Unchecked)
        self.delete.setEnabled(True)

    def values(self) -> events.EventFields:
        picked = self.date.date()
        return events.EventFields(
            title=self.title.text(),
            kind=self.kind.currentData(),
            date=date(picked.year(), picked.month(), picked.day()) if self.has_date.isChecked() else None,
            place=self.place.text(),
            participants=None if self.participants.value() < 0 else self.participants.value(),
            description=self.description.toPlainText(),
            project_ids=self.project_ids(),
            organisation_ids=self.organisation_ids(),
        )

    def submit(self) -> None:
        values = self.values()
        try:
            if self.event_id is None:
                view = events.create_event(self.context.workspace, values)
                self.context.undo_stack.push(CreateEventCommand(self, view))
            else:
                view = events.update_event(self.context.workspace, self.event_id, values, self.version)
        except LabestError as exc:
            view_errors.show_error(self, exc)
            return
        self.event_id, self.version = view.id, view.version
        self.heading.setText(view.fields.title)
        self.delete.setEnabled(True)
        self.saved.emit(view.id)


class CreateEventCommand(QUndoCommand):
    """Undo deletes the new event; redo creates it again (with a new id)."""

    def __init__(self, editor: EventEditor, view: events.EventView) -> None:
        super().__init__(QCoreApplication.translate("CreateEventCommand", "Create event “%1”").replace("%1", view.fields.title))
        self._editor = editor
        self._event_id = view.id
        self._version = view.version
        self._fields = view.fields
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        try:
            created = events.create_event(self._editor.context.workspace, self._fields)
            self._event_id, self._version = created.id, created.version
        except LabestError as exc:
            view_errors.show_error(self._editor, exc)
        self._editor.saved.emit(self._event_id)

    def undo(self) -> None:
        try:
            events.delete_event(self._editor.context.workspace, self._event_id, self._version)
        except LabestError as exc:
            view_errors.show_error(self._editor, exc)
        if self._editor.event_id == self._event_id:
            self._editor.clear()
        self._editor.removed.emit(self._event_id)


class EventsView(View):
    """The Événements view; ``open_project`` asks the window to open a project."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = EventTableModel(context, self)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.empty_state = EmptyState(self.table, lambda: self.tr(
            "No event yet: fill in the form beside this list, then save it."))
        self.table.horizontalHeader().setSortIndicator(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)  # the model sorts in the database
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.day_events = QListWidget()
        self.day_label = QLabel()
        self.tabs = QTabWidget()
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.addWidget(self.search)
        list_layout.addWidget(self.table, 1)
        month_page = self._month_page = QWidget()
        month_layout = QVBoxLayout(month_page)
        month_layout.addWidget(self.calendar, 2)
        month_layout.addWidget(self.day_label)
        month_layout.addWidget(self.day_events, 1)
        self.day_label.setBuddy(self.day_events)
        self.tabs.addTab(list_page, "")
        self.tabs.addTab(month_page, "")
        self.editor = EventEditor(context)
        splitter = QSplitter()
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.search.textChanged.connect(self._search_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_selected)
        self.table.horizontalHeader().sortIndicatorChanged.connect(  # after the model sorted (connected first)
            lambda *_: self.editor.event_id is not None and self.select_event(self.editor.event_id))
        self.calendar.currentPageChanged.connect(lambda year, month: self._mark_month(year, month))
        self.calendar.selectionChanged.connect(self._day_selected)
        self.tabs.currentChanged.connect(lambda _index: self._refresh_day_list())
        self.day_events.itemActivated.connect(lambda item: self.editor.load(item.data(ID_ROLE)))
        self.day_events.currentItemChanged.connect(lambda item, _old: item and self.editor.load(item.data(ID_ROLE)))
        self.editor.saved.connect(self._saved)
        self.editor.removed.connect(lambda event_id: self.context.publish(Changes.of(events=[event_id])))
        self.editor.delete.clicked.connect(self.delete_current)
        self.editor.open_project.connect(self.open_project)
        self._marked: list[QDate] = []
        self._day_list_stale = True
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Events"))
        self.search.setPlaceholderText(self.tr("Search events (title, place)"))
        self.search.setAccessibleName(self.tr("Search events"))
        self.table.setAccessibleName(self.tr("Events list"))
        self.calendar.setAccessibleName(self.tr("Month of events"))
        days = self.calendar.findChild(QTableView, "qt_calendar_calendarview")
        if days is not None:  # the grid of days Qt builds inside the calendar
            days.setAccessibleName(self.tr("Days of the month; days with events are bold and underlined"))
        self.day_events.setAccessibleName(self.tr("Events of the selected day"))
        self.tabs.setTabText(0, self.tr("&List"))
        self.tabs.setTabText(1, self.tr("&Month"))
        self.tabs.tabBar().setAccessibleName(self.tr("List or month"))
        self.model.retranslate()
        self._fit_columns()
        if self.day_label.text():  # already filled once: the day's title in the new language
            self._day_selected()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._mark_month(self.calendar.yearShown(), self.calendar.monthShown())
        elif event.type() == QEvent.Type.FontChange:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Widths measured on what the columns can show (the longest date, kind, a
        large count, the headers), never on the rows: measuring the contents would
        read and format every event of the list."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        titles = header.fontMetrics()
        padding = 2 * metrics.horizontalAdvance("M")
        samples = {
            COL_DATE: [french_date(date(2026, month, 28)) for month in range(1, 13)],
            COL_KIND: [event_kind_label(code) for code in event_kinds()],
            COL_PLACE: ["Strasbourg-Neudorf"],
            COL_PARTICIPANTS: ["100000"],
            COL_PROJECTS: ["1000"],
        }
        for column, texts in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max([metrics.horizontalAdvance(t) for t in texts] + [titles.horizontalAdvance(title) + padding // 2])
            header.resizeSection(column, width + padding)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() * 3 // 2 + 2)

    def shows(self, changes: Changes) -> bool:
        # Linked projects' titles, organisations offered in the editor, the events.
        return changes.touches_events() or changes.touches_projects() or changes.touches_organisations()

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        if changes.touches_organisations() or changes.touches_projects():
            self.editor.load_organisations()
        current = self.editor.event_id
        try:
            self.model.reload(self.search.text())
        except LabestError as exc:
            view_errors.show_error(self, exc)
            return
        if current is not None:
            self.select_event(current)
        self._mark_month(self.calendar.yearShown(), self.calendar.monthShown())
        self._day_list_stale = True
        self._refresh_day_list()

    def _refresh_day_list(self) -> None:
        """The selected day's events are read again only while the month page is on
        screen, else when it is next shown: the list is rebuilt whole, one item per
        event of the day, and a view showing its list paid for it on every change (undo
        of an event's creation 6 → 16 ms as the soak's day filled)."""
        if self._day_list_stale and self.tabs.currentWidget() is self._month_page:
            self._day_list_stale = False
            self._day_selected()

    def select_event(self, event_id: int) -> None:
        row = self.model.row_of(event_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, COL_TITLE))

    def _search_changed(self, text: str) -> None:
        current = self.editor.event_id
        self.model.reload(text)
        if current is not None:
            self.select_event(current)

    def _row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            event_id = current.data(ID_ROLE)
            if event_id != self.editor.event_id:
                self.editor.load(event_id)

    def _mark_month(self, year: int, month: int) -> None:
        for day in self._marked:
            self.calendar.setDateTextFormat(day, QTextCharFormat())
        self._marked = []
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        background, text = colours.marked_day_colours(self.palette())
        marked.setBackground(QBrush(background))
        marked.setForeground(QBrush(text))
        marked.setFontUnderline(True)  # not colour alone
        for when in events.event_days(self.context.workspace, year, month):
            day = QDate(when.year, when.month, when.day)
            self.calendar.setDateTextFormat(day, marked)
            self._marked.append(day)

    def _day_selected(self) -> None:
        day = self.calendar.selectedDate()
        picked = date(day.year(), day.month(), day.day())
        rows = events.list_events(self.context.workspace, date_from=picked, date_to=picked)
        self.day_label.setText(self.tr("Events on %1: %n", "", len(rows)).replace("%1", french_date(picked)))
        self.day_events.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.title} – {event_kind_label(row.kind)}")
            item.setData(ID_ROLE, row.id)
            self.day_events.addItem(item)

    def _saved(self, event_id: int) -> None:
        self.context.publish(Changes.of(events=[event_id]))
        self.select_event(event_id)

    def delete_current(self) -> None:
        if self.editor.event_id is None:
            return
        event_id = self.editor.event_id
        try:
            events.delete_event(self.context.workspace, event_id, self.editor.version)
        except LabestError as exc:
            view_errors.show_error(self, exc)
            return
        self.editor.clear()
        self.context.publish(Changes.of(events=[event_id]))


class ProjectEventsPanel(Retranslatable, QListWidget):
    """A project's events, for the project editor (« from a project, its events »)."""

    open_event = Signal(int)

    def __init__(self, context, project_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName(self.tr("Events of the project"))
        self.itemActivated.connect(lambda item: self.open_event.emit(item.data(ID_ROLE)))
        self.project_id = project_id
        self.set_project(project_id)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Events of the project"))
        self.set_project(self.project_id)

    def set_project(self, project_id: int | None) -> None:
        self.project_id = project_id
        self.clear()
        if project_id is None:
            return
        for row in events.events_of_project(self.context.workspace, project_id):
            when = french_date(row.date) if row.date else self.tr("undated")
            item = QListWidgetItem(f"{when} – {row.title} ({event_kind_label(row.kind)})")
            item.setData(ID_ROLE, row.id)
            self.addItem(item)
