"""Field widgets of the project editor: optional dates, euro amounts, counts,
partner multi-selection, theme completion and web links."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QLocale, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from labest_desktop.domain.errors import ValidationError
from labest_desktop.domain.text import fold
from labest_desktop.ui.web_links import open_web_address, web_url

# QDateEdit cannot go below year 100: its minimum stands for « no date ». A date the
# widget cannot show (before that year) is kept as loaded unless the person changes it.
_NO_DATE = QDate(100, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A date picker that can be empty (shown blank; Delete clears it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(_NO_DATE)
        self.setSpecialValueText(" ")
        self.setDisplayFormat("dd/MM/yyyy")
        self.setDate(_NO_DATE)
        self._loaded: tuple[date | None, QDate] = (None, _NO_DATE)

    def value(self) -> date | None:
        loaded, shown = self._loaded
        if self.date() == shown:
            return loaded
        return None if self.date() == _NO_DATE else self.date().toPython()

    def set_value(self, value: date | None) -> None:
        self.setDate(QDate(value) if value else _NO_DATE)
        self._loaded = (value, self.date())

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentSection() == self.sectionAt(0):
            self.setDate(_NO_DATE)
            return
        if self.date() == _NO_DATE and event.text().isdigit():
            # Typing into the blank field: start from today with the day selected, so
            # the digits typed replace it (they were refused until a section was selected).
            self.setDate(QDate.currentDate())
            self.setSelectedSection(QDateEdit.Section.DaySection)
        super().keyPressEvent(event)


_AMOUNT_CHARS = re.compile(r"[\s\u00a0\u202f€]")


def parse_amount(text: str) -> Decimal | None:
    """``12 000,50 €``, ``12.000,50``, ``12,000.50`` (the English window's own
    format), ``12000.50`` or ``12 000`` as a Decimal; empty is ``None``. With both
    separators, the last one is the decimal point."""
    cleaned = _AMOUNT_CHARS.sub("", text or "")
    if not cleaned:
        return None
    if "," in cleaned and "." in cleaned:
        decimal_point = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        grouping = "." if decimal_point == "," else ","
        cleaned = cleaned.replace(grouping, "").replace(decimal_point, ".")
    else:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError("budget", "rule.budget_not_amount", value=text.strip()) from None
    if not value.is_finite():
        raise ValidationError("budget", "rule.budget_not_amount", value=text.strip())
    return value


class AmountEdit(QLineEdit):
    """An amount in euros typed the French way; shown formatted when left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0,00 €")

    def value(self) -> Decimal | None:
        return parse_amount(self.text())

    def set_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else self.format(value))

    @staticmethod
    def format(value: Decimal) -> str:
        return QLocale().toString(float(value), "f", 2) + " €"

    def focusOutEvent(self, event) -> None:
        try:
            value = self.value()
        except ValidationError:
            value = None
        else:
            if value is not None:
                self.setText(self.format(value))
        super().focusOutEvent(event)


class CountEdit(QSpinBox):
    """A whole number that may be left empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, 10_000_000)
        self.setSpecialValueText(" ")
        self.setValue(-1)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def value_or_none(self) -> int | None:
        return None if self.value() < 0 else self.value()

    def set_value(self, value: int | None) -> None:
        self.setValue(-1 if value is None else value)


class ListCompleter(QCompleter):
    """Completes the last item of a ``;``-separated list."""

    def __init__(self, words: list[str], parent=None) -> None:
        super().__init__(QStringListModel(words), parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def pathFromIndex(self, index) -> str:
        widget = self.widget()
        done = widget.text().rsplit(";", 1)[0] + "; " if ";" in widget.text() else ""
        return done + index.data() + "; "

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(";", 1)[-1].strip()]


def name_completer(names: list[str], parent=None) -> QCompleter:
    completer = QCompleter(names, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class PartnersEdit(QWidget):
    """Multi-selection of partner organisations: a filter field over a checkable list;
    Enter in the field adds a name not yet known."""

    changed = Signal()

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter or add an organisation (Enter)"))
        self.filter.setAccessibleName(self.tr("Filter or add a partner organisation"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Partner organisations"))
        self.list.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        for name in names:
            self._add(name, False)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self._add_typed)
        self.list.itemChanged.connect(lambda _i: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.filter)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.setFocusProxy(self.filter)

    def _add(self, name: str, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(name, self.list)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def _filter(self, text: str) -> None:
        key = fold(text)
        for item in self._items():
            item.setHidden(bool(key) and key not in fold(item.text()))

    def _add_typed(self) -> None:
        name = self.filter.text().strip()
        if not name:
            return
        for item in self._items():
            if fold(item.text()) == fold(name):
                item.setCheckState(Qt.CheckState.Checked)
                break
        else:
            self._add(name, True)
            self.list.sortItems()
        self.filter.clear()

    def value(self) -> tuple[str, ...]:
        return tuple(i.text() for i in self._items() if i.checkState() == Qt.CheckState.Checked)

    def set_value(self, names: tuple[str, ...]) -> None:
        self.list.blockSignals(True)
        wanted = {fold(n) for n in names}
        known = set()
        for item in self._items():
            key = fold(item.text())
            known.add(key)
            item.setCheckState(Qt.CheckState.Checked if key in wanted else Qt.CheckState.Unchecked)
        for name in names:
            if fold(name) not in known:
                self._add(name, True)
        self.list.sortItems()
        # Checked partners first, so they are seen without scrolling.
        checked = [i for i in self._items() if i.checkState() == Qt.CheckState.Checked]
        for item in reversed(checked):
            self.list.insertItem(0, self.list.takeItem(self.list.row(item)))
        self.list.blockSignals(False)


class LinkEdit(QWidget):
    """A web address and a button that opens it in the system browser (enabled only
    for an http or https address)."""

    textEdited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("https://")
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setToolTip(self.tr("Open the link in the web browser"))
        self.open_button.setAccessibleName(self.tr("Open the link in the web browser"))
        self.open_button.clicked.connect(self.open_link)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.open_button)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._enable)
        self.edit.textEdited.connect(self.textEdited)
        self._enable("")

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 -- QLineEdit's name
        self.edit.setText(text)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 -- Qt's name
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setAccessibleDescription(self, text: str) -> None:  # noqa: N802 -- Qt's name
        super().setAccessibleDescription(text)
        self.edit.setAccessibleDescription(text)

    def _enable(self, text: str) -> None:
        self.open_button.setEnabled(web_url(text.strip()) is not None)

    def open_link(self) -> bool:
        return open_web_address(self.edit.text().strip())
