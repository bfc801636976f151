"""Chart labels follow the interface's number format (French: "9 187,9")."""

from decimal import Decimal

from PySide6.QtCore import QLocale

from labest_desktop.services import dashboard
from labest_desktop.ui.reports import charts


def test_chart_numbers_are_written_the_french_way(qtbot):
    """With the French interface, bar labels and axes use a decimal comma and a
    thin-space thousands separator instead of C-locale "9187.9"."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        chart = charts.envelopes_chart(
            [dashboard.EnvelopeBudget("Plan de relance", Decimal("1500000"), Decimal("9187900.50"))]
        )
        assert chart.localizeNumbers()
        assert chart.locale().decimalPoint() == ","
        assert chart.locale().toString(9187.9, "f", 1).replace("\u202f", " ").replace("\u00a0", " ") == "9 187,9"
    finally:
        QLocale.setDefault(previous)
