"""Accented capitals on unselected tabs are drawn whole (issue 14, item 7: « Evénements »)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from labest_desktop.ui import theme


def _tabs(qtbot, second: str):
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.addTab(QWidget(), "Projets")
    tabs.addTab(QWidget(), second)  # not selected
    qtbot.addWidget(tabs)
    tabs.resize(400, 80)
    tabs.show()
    qtbot.waitExposed(tabs)
    return tabs.tabBar().grab().toImage()


def test_the_accent_of_an_unselected_tab_is_drawn(qtbot, qapp):
    theme.apply(qapp, theme.LIGHT)
    try:
        with_accent = _tabs(qtbot, "Événements")
        without = _tabs(qtbot, "Evénements")
        assert with_accent.size() == without.size()
        assert with_accent != without  # the accent over the É shows
    finally:
        theme.apply(qapp, theme.SYSTEM)
