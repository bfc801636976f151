"""A stretch of a day's work on the real window: memory and Qt's object tree stay
flat, and what the dashboard replaces is freed (the long version with 2,000 actions
at 10,000 and 100,000 projects is ``benchmarks/bench_soak.py``)."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject

from labest_desktop.services.demo import load_demo
from labest_desktop.ui import tasks

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))


def test_dashboard_refreshes_free_the_charts_they_replace(make_window, sqlite_workspace, qtbot):
    """Thirty refreshes with other figures each time: every chart replaced is deleted
    (none outlives its use) and the window's object tree does not grow."""
    load_demo(sqlite_workspace, projects=120, seed=4)
    window = make_window(sqlite_workspace)
    window.show_view("dashboard")
    dashboard = window.views["dashboard"]
    window.context.filter_state.update(departments=frozenset({"88"}))  # the filter's chip is built once
    qtbot.waitUntil(lambda: not tasks.busy())
    objects = len(window.findChildren(QObject))
    replaced = []
    for n in range(30):
        replaced += [panel.view.chart() for panel in dashboard.panels.values()]
        window.context.filter_state.update(departments=frozenset({("67", "57", "68")[n % 3]}))
        qtbot.waitUntil(lambda: not tasks.busy())
    qtbot.wait(10)  # deferred deletions run in the event loop
    gc.collect()
    current = {id(panel.view.chart()) for panel in dashboard.panels.values()}
    alive = [chart for chart in replaced if id(chart) not in current and shiboken6.isValid(chart)]
    assert alive == []
    assert len(window.findChildren(QObject)) <= objects


def test_a_stretch_of_actions_keeps_memory_flat(make_window, sqlite_workspace, qtbot):
    """Edits, stage moves on the board and in the editor, notes, events, undo/redo,
    view switches, searches and two exports imported back: after a quarter of the
    actions as warm-up, resident memory grows by 30 MB at most and Qt's object tree
    not at all (LABEST_SOAK_ACTIONS sets the count; 200 keeps the suite quick, the
    dashboard's old leak alone added 3.7 MB per save)."""
    import soak_driver

    count = int(os.environ.get("LABEST_SOAK_ACTIONS", "200"))
    load_demo(sqlite_workspace, projects=300, seed=5)
    window = make_window(sqlite_workspace)
    result = soak_driver.Soak(window, count=count, every=count // 4, imports=2).run()
    first, last = result.chunks[0], result.chunks[-1]
    assert last.actions == count
    assert result.growth_after_warmup() <= 30, [c.rss_mb for c in result.chunks]
    assert last.qt_objects <= first.qt_objects + 5, [c.qt_objects for c in result.chunks]
