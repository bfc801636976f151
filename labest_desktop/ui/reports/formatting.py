"""French dates and amounts for committee documents and the views' figures.

Committee documents are French administrative documents, so dates and amounts are
always written the French way (« 3 mars 2026 », « 1 250,50 € ») whatever the
interface language.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale

_FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)


def french_date(value: date | datetime | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        value = value.date()
    return _FRENCH.toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")


def short_date(value: date | datetime | None) -> str:
    """``12/09/2025``: a date that fits a narrow table column on one line."""
    if value is None:
        return "—"
    if isinstance(value, datetime):
        value = value.date()
    return value.strftime("%d/%m/%Y")


def french_datetime(value: datetime | None) -> str:
    if value is None:
        return "—"
    return _FRENCH.toString(QDateTime(value), "d MMMM yyyy 'à' HH:mm")


def french_amount(value: Decimal | float | int | None, decimals: int = 2) -> str:
    """``1 250,50 €``; ``—`` for no amount. The group separator is a no-break space."""
    if value is None:
        return "—"
    text = _FRENCH.toString(float(value), "f", decimals)
    return text.replace("\u202f", "\u00a0") + "\u00a0€"
