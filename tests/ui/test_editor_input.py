"""Typing into the editor's fields as an agent does (issue 14, items 6 and 10)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

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
