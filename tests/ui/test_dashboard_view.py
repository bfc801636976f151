"""The Synthèse view: each chart shows the database's figures for the current filter,
exports as PNG, and the dashboard exports as PDF."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from labest_desktop.services import dashboard
from labest_desktop.services.demo import load_demo
from labest_desktop.ui.views import dashboard as dashboard_view
from tests.support.ui_context import make_context, screenshot


@pytest.fixture
def context(sqlite_workspace, tmp_path):
    load_demo(sqlite_workspace, projects=150, seed=9)
    return make_context(sqlite_workspace, tmp_path)


def _bar_values(chart):
    series = chart.series()[0]
    return [[bar.at(i) for i in range(bar.count())] for bar in series.barSets()]


def test_charts_show_the_database_figures_and_follow_the_filter(qtbot, context):
    """Funnel, departments, envelopes, timeline and medians carry the service's
    figures (themselves checked against the database in the unit tests), and change
    when the shared filter changes."""
    view = dashboard_view.DashboardView(context)
    qtbot.addWidget(view)
    view.resize(1200, 1000)
    view.show()
    qtbot.waitUntil(lambda: not view.is_updating())  # figures are computed in the background
    ws = context.workspace
    counts = dashboard.projects_per_stage(ws)
    assert view.panels["funnel"].data == counts
    funnel = _bar_values(view.panels["funnel"].view.chart())
    visible = [sum(v) for v in zip(*funnel[1:], strict=True)]  # the pad set excluded
    assert visible == [counts["deployment"], counts["prototype"], counts["ideation"]]
    departments = dashboard.projects_per_department(ws)
    assert _bar_values(view.panels["departments"].view.chart()) == [[float(n) for _, n in departments]]
    envelopes = dashboard.budget_per_envelope(ws)
    allocated, committed = _bar_values(view.panels["envelopes"].view.chart())
    assert committed == pytest.approx([float(e.committed) / 1000 for e in envelopes[::-1]])
    assert allocated == pytest.approx([float(e.allocated or 0) / 1000 for e in envelopes[::-1]])
    timeline = view.panels["timeline"].view.chart().series()[0]
    assert [int(timeline.at(i).y()) for i in range(timeline.count())] == [n for _, n in dashboard.decisions_per_month(ws)]
    medians = view.panels["median"].data
    assert set(medians) == {"ideation", "prototype", "deployment"}
    screenshot(view, "dashboard")

    context.filter_state.update(departments=frozenset({"57"}))
    qtbot.waitUntil(lambda: view.panels["funnel"].data != counts)
    assert sum(view.panels["funnel"].data.values()) == sum(
        n for d, n in departments if d == "57"
    )


def test_each_chart_exports_as_png(qtbot, context, tmp_path):
    """Every chart's « Export PNG » writes a readable image."""
    view = dashboard_view.DashboardView(context)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.is_updating())
    for key in view.panels:
        target = tmp_path / f"{key}.png"
        assert view.export_chart(key, str(target)) == str(target)
        image = QImage(str(target))
        assert not image.isNull() and image.width() > 400
