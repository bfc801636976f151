"""Charts with little or nothing to show read right (issue 14, item 4): one decision
today is placed in its month (no 01/1970 axis), axes count in whole steps with
numbers (no « 0 0 0 1 1 1 », no blank y-axis), and an empty chart says what to do."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCharts import QDateTimeAxis, QValueAxis

from labest_desktop.services import dashboard
from labest_desktop.ui.reports import charts


def _axes(chart, kind):
    return [a for a in chart.axes() if isinstance(a, kind)]


def test_one_decision_sits_in_its_month(qapp):
    chart = charts.build("timeline", [("2026-11", 1)])
    (axis_x,) = _axes(chart, QDateTimeAxis)
    assert axis_x.min().date() < axis_x.max().date()
    assert axis_x.min().date().year() == 2026 and axis_x.max().date().month() == 11
    (axis_y,) = _axes(chart, QValueAxis)
    assert axis_y.labelFormat() == "%.0f" and axis_y.max() >= 2 and axis_y.tickInterval() == 1


@pytest.mark.parametrize("maximum, whole, top, step", [
    (1, True, 2, 1), (3, True, 4, 1), (7, True, 8, 2), (60, True, 80, 20), (0, True, 1, 1),
    (0.45, False, 0.6, 0.2), (1.0, False, 1.5, 0.5), (2300, False, 3000, 1000),
])
def test_nice_scales(maximum, whole, top, step):
    assert charts.nice_scale(maximum, whole) == (pytest.approx(top), pytest.approx(step))


def test_small_amounts_have_decimals_not_repeated_zeros(qapp):
    rows = [dashboard.EnvelopeBudget("Budget propre du Lab'EST", Decimal("1000"), Decimal("450"))]
    chart = charts.build("envelopes", rows)
    (axis,) = _axes(chart, QValueAxis)
    assert axis.labelFormat() == "%.1f" and axis.tickInterval() < 1


def test_counts_have_labelled_axes(qapp):
    """« %d » shows nothing once numbers are localised: every value axis uses a float format."""
    data = {"departments": [("67", 1), ("Région", 0)], "median": {"ideation": 3.0, "prototype": None},
            "timeline": [("2026-10", 2), ("2026-11", 1)]}
    for key, rows in data.items():
        chart = charts.build(key, rows)
        for axis in _axes(chart, QValueAxis):
            assert axis.labelFormat() in ("%.0f", "%.1f"), key


@pytest.mark.parametrize("key, data", [
    ("funnel", {"ideation": 0, "prototype": 0, "deployment": 0}), ("departments", []), ("envelopes", []),
    ("timeline", []), ("median", {"ideation": None, "prototype": None}),
])
def test_an_empty_chart_says_what_to_do(qapp, key, data):
    chart = charts.build(key, data)
    assert charts.empty_text(key) in chart.title().replace("&#x27;", "'").replace("&#39;", "'")
    assert "Aucun" in charts.empty_text(key) or "Pas encore" in charts.empty_text(key)
    assert not any(axis.isVisible() for axis in chart.axes())


def test_region_label_is_whole(qapp):
    rows = [(d, 1) for d in ("08", "10", "51", "52", "54", "55", "57", "67", "68", "88", "Région")]
    chart = charts.build("departments", rows)
    axis = next(a for a in chart.axes() if a not in _axes(chart, QValueAxis))
    assert axis.labelsAngle() != 0
