"""Filter buttons (stage, status, department, organisation, funding, dates) and the
chips that show each active filter with a button to remove it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QMenu,
    QToolButton,
    QWidget,
)

from labest_desktop.domain.vocab import DEPARTMENTS
from labest_desktop.services.project_query import ProjectFilter
from labest_desktop.ui import labels
from labest_desktop.ui.filter_state import FilterState
from labest_desktop.ui.retranslate import Retranslatable


class DateRangeDialog(QDialog):
    """Asks for the period a project must overlap."""

    def __init__(self, flt: ProjectFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Filter by dates"))
        today = QDate.currentDate()
        self.start = QDateEdit(flt.date_from or today.addYears(-1), calendarPopup=True)
        self.end = QDateEdit(flt.date_to or today, calendarPopup=True)
        self.start.setAccessibleName(self.tr("Running on or after"))
        self.end.setAccessibleName(self.tr("Started on or before"))
        form = QFormLayout(self)
        form.addRow(self.tr("Running on or &after:"), self.start)
        form.addRow(self.tr("Started on or &before:"), self.end)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @classmethod
    def ask(cls, flt: ProjectFilter, parent: QWidget | None = None) -> tuple[date, date] | None:
        dialog = cls(flt, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.start.date().toPython(), dialog.end.date().toPython()


class FilterBar(Retranslatable, QWidget):
    """Buttons that edit the shared filter through menus."""

    def __init__(self, state: FilterState, lookups, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._lookups = lookups  # () -> (organisations, envelopes)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stage_button = self._button(self._fill_stages)
        self.status_button = self._button(self._fill_statuses)
        self.department_button = self._button(self._fill_departments)
        self.organisation_button = self._button(self._fill_organisations)
        self.envelope_button = self._button(self._fill_envelopes)
        self.dates_button = QToolButton(self)
        self.dates_button.clicked.connect(self._ask_dates)
        for button in (
            self.stage_button,
            self.status_button,
            self.department_button,
            self.organisation_button,
            self.envelope_button,
            self.dates_button,
        ):
            layout.addWidget(button)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        for button, text in (
            (self.stage_button, self.tr("&Stage")),
            (self.status_button, self.tr("S&tatus")),
            (self.department_button, self.tr("&Department")),
            (self.organisation_button, self.tr("&Organisation")),
            (self.envelope_button, self.tr("F&unding")),
        ):
            button.setText(text)
            button.setAccessibleName(self.tr("Filter: %1").replace("%1", text.replace("&", "")))
        self.dates_button.setText(self.tr("D&ates…"))
        self.dates_button.setAccessibleName(self.tr("Filter by dates"))

    def _button(self, fill) -> QToolButton:
        button = QToolButton(self)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda: fill(menu))
        button.setMenu(menu)
        return button

    def _toggle_set(self, menu: QMenu, attribute: str, items: list[tuple[str, str]]) -> None:
        menu.clear()
        current: frozenset[str] = getattr(self._state.filter, attribute)
        for code, text in items:
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(code in current)
            action.toggled.connect(lambda on, c=code: self._set_member(attribute, c, on))

    def _set_member(self, attribute: str, code: str, on: bool) -> None:
        current = set(getattr(self._state.filter, attribute))
        current.add(code) if on else current.discard(code)
        self._state.update(**{attribute: frozenset(current)})

    def _fill_stages(self, menu: QMenu) -> None:
        self._toggle_set(menu, "stages", [(s, labels.stage_label(s)) for s in labels.stages()])

    def _fill_statuses(self, menu: QMenu) -> None:
        self._toggle_set(menu, "statuses", [(s, labels.status_label(s)) for s in labels.statuses()])

    def _fill_departments(self, menu: QMenu) -> None:
        self._toggle_set(menu, "departments", [(d, labels.department_label(d)) for d in DEPARTMENTS])

    def _choose_one(self, menu: QMenu, attribute: str, items: list[tuple[int, str]]) -> None:
        menu.clear()
        group = QActionGroup(menu)
        current = getattr(self._state.filter, attribute)
        any_action = menu.addAction(self.tr("(any)"))
        for action_id, text in [(None, None), *items]:
            action = any_action if action_id is None else menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(action_id == current)
            group.addAction(action)
            action.triggered.connect(lambda _=False, i=action_id: self._state.update(**{attribute: i}))

    def _fill_organisations(self, menu: QMenu) -> None:
        self._choose_one(menu, "organisation_id", self._lookups()[0])

    def _fill_envelopes(self, menu: QMenu) -> None:
        self._choose_one(menu, "envelope_id", self._lookups()[1])

    def _ask_dates(self) -> None:
        chosen = DateRangeDialog.ask(self._state.filter, self)
        if chosen is not None:
            self._state.update(date_from=chosen[0], date_to=chosen[1])


class ChipBar(Retranslatable, QWidget):
    """One removable chip per active filter; hidden when nothing is filtered."""

    removed = Signal(str)

    def __init__(self, state: FilterState, lookups, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._lookups = lookups
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.chips: list[QToolButton] = []
        state.changed.connect(self.rebuild)
        self.rebuild()

    def retranslate(self) -> None:
        self.rebuild()

    def chip_texts(self) -> list[str]:
        return [chip.text() for chip in self.chips]

    def rebuild(self, *_args) -> None:
        for chip in self.chips:
            chip.deleteLater()
        self.chips = []
        while self._layout.count():
            self._layout.takeAt(0)
        for text, remove in self._chips(self._state.filter):
            chip = QToolButton(self)
            chip.setText(text + "  ✕")
            chip.setToolTip(self.tr("Remove this filter"))
            chip.setAccessibleName(self.tr("Remove the filter %1").replace("%1", text))
            chip.setAutoRaise(False)
            chip.setStyleSheet("QToolButton { border: 1px solid palette(mid); border-radius: 0.6em; padding: 0.1em 0.5em; }")
            chip.clicked.connect(lambda _=False, r=remove: self._state.set_filter(r(self._state.filter)))
            self._layout.addWidget(chip)
            self.chips.append(chip)
        if self.chips:
            clear = QToolButton(self)
            clear.setText(self.tr("Clear all filters"))
            clear.setAutoRaise(True)
            clear.clicked.connect(self._state.clear)
            self._layout.addWidget(clear)
            self.chips.append(clear)
        self._layout.addStretch(1)
        self.setVisible(bool(self.chips))

    def _chips(self, flt: ProjectFilter):
        def without(attribute, code):
            return lambda f: replace(f, **{attribute: frozenset(getattr(f, attribute) - {code})})

        for code in sorted(flt.stages, key=lambda s: labels.stages().index(s) if s in labels.stages() else 9):
            yield self.tr("Stage: %1").replace("%1", labels.stage_label(code)), without("stages", code)
        for code in sorted(flt.statuses):
            yield self.tr("Status: %1").replace("%1", labels.status_label(code)), without("statuses", code)
        for code in sorted(flt.departments):
            yield self.tr("Department: %1").replace("%1", labels.department_label(code)), without("departments", code)
        if flt.organisation_id is not None:
            name = dict(self._lookups()[0]).get(flt.organisation_id, "?")
            yield self.tr("Organisation: %1").replace("%1", name), lambda f: replace(f, organisation_id=None)
        if flt.envelope_id is not None:
            name = dict(self._lookups()[1]).get(flt.envelope_id, "?")
            yield self.tr("Funding: %1").replace("%1", name), lambda f: replace(f, envelope_id=None)
        if flt.date_from is not None or flt.date_to is not None:
            text = self.tr("Dates: %1 – %2")
            text = text.replace("%1", flt.date_from.strftime("%d/%m/%Y") if flt.date_from else "…")
            text = text.replace("%2", flt.date_to.strftime("%d/%m/%Y") if flt.date_to else "…")
            yield text, lambda f: replace(f, date_from=None, date_to=None)
        if flt.ids is not None:
            yield self.tr("Selection (%n project(s))", "", len(flt.ids)), lambda f: replace(f, ids=None)
