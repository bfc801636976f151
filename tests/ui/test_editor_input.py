"""Typing into the editor's fields as an agent does (issue 14, items 6 and 10)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit

from labest_desktop.ui.editor.widgets import OptionalDateEdit, parse_amount


def test_a_date_typed_into_an_empty_field(qtbot):
    """Digits typed into a blank date field make the date, without first selecting
    the day (they were refused)."""
    field = OptionalDateEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    assert field.value() is None
    qtbot.keyClicks(field, "15032026")
    assert field.value() == date(2026, 3, 15)


@pytest.mark.parametrize("stored", [date(1900, 1, 1), date(1850, 3, 1), date(1899, 12, 31), date(50, 6, 1)])
def test_an_early_date_is_not_lost_by_the_editor(qtbot, stored):
    """Dates the import accepts (1850, 1900-01-01…) used to read as « no date » because
    1900-01-01 was the widget's blank: saving from the editor erased them."""
    field = OptionalDateEdit()
    qtbot.addWidget(field)
    field.set_value(stored)
    assert field.value() == stored
    field.set_value(None)
    assert field.value() is None


def test_a_date_changed_or_cleared_in_the_editor_is_what_it_shows(qtbot):
    field = OptionalDateEdit()
    qtbot.addWidget(field)
    field.set_value(date(1850, 3, 1))
    field.setDate(QDate(1851, 4, 2))
    assert field.value() == date(1851, 4, 2)
    field.show()
    field.setFocus()
    field.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.value() is None


@pytest.mark.parametrize("typed, amount", [
    ("12 000,50 €", Decimal("12000.50")),
    ("12\u202f000,50\u00a0€", Decimal("12000.50")),
    ("12.000,50", Decimal("12000.50")),
    ("13,158.50 €", Decimal("13158.50")),  # as the English window writes it
    ("12000.5", Decimal("12000.5")),
    ("850", Decimal("850")),
])
def test_amounts_in_either_language(typed, amount):
    assert parse_amount(typed) == amount
