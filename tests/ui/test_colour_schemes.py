"""Light and dark: the window follows the colour scheme, and every text colour the
models and delegates choose reads on the background it goes on (WCAG contrast of at
least 4.5) — stage badges in the list, cards on the board, an over-committed
envelope, days with events, chart labels, error messages."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from labest_desktop.services import funding
from labest_desktop.services.events import list_events
from labest_desktop.ui import colours, labels, theme
from labest_desktop.ui.models.project_table import COL_STAGE, STAGE_ROLE
from labest_desktop.ui.reports import charts
from labest_desktop.ui.views.board import CardDelegate

BACKGROUND, FOREGROUND = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole


@pytest.fixture(params=[theme.LIGHT, theme.DARK])
def scheme(request, qapp):
    """The application in the light or the dark scheme (Qt's request first; Fusion
    with a palette of that scheme where the platform cannot give it)."""
    theme.apply(qapp, request.param)
    yield request.param
    theme.apply(qapp, theme.SYSTEM)


def effective(model, index, role, fallback: QPalette.ColorRole):
    """The colour a view paints: the model's, else the palette's."""
    value = model.data(index, role)
    return value if value is not None else QGuiApplication.palette().color(fallback)


def assert_readable(text, background, what: str) -> None:
    ratio = colours.contrast(text, background)
    assert ratio >= colours.MIN_CONTRAST, f"{what}: {text.name()} on {background.name()} = {ratio:.2f}"


def test_the_scheme_is_applied(scheme):
    """Asking for dark gives a dark palette, for light a light one, and the colour
    scheme Qt reports is asked for too."""
    assert colours.is_dark() == (scheme == theme.DARK)
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    assert (colours.luminance(window) < 0.2) == (scheme == theme.DARK)


def test_stage_badges_in_the_list_are_readable(make_window, demo_workspace, scheme):
    """Each stage's cell in the list: its text colour on its badge colour, and the
    other cells' text on the palette's rows."""
    window = make_window(demo_workspace)
    model = window.projects_view.model
    seen = set()
    for row in range(model.rowCount()):
        index = model.index(row, COL_STAGE)
        stage = index.data(STAGE_ROLE)
        if stage in seen:
            continue
        seen.add(stage)
        background = effective(model, index, BACKGROUND, QPalette.ColorRole.Base)
        assert_readable(effective(model, index, FOREGROUND, QPalette.ColorRole.Text), background, f"stage {stage}")
        assert (colours.luminance(background) < 0.2) == (scheme == theme.DARK), f"badge of {stage} matches the scheme"
        title = model.index(row, 1)
        assert_readable(effective(model, title, FOREGROUND, QPalette.ColorRole.Text),
                        effective(model, title, BACKGROUND, QPalette.ColorRole.Base), "title")
    assert seen == set(labels.stages())


def test_board_cards_are_readable(scheme):
    """A card's title and secondary lines, selected or not, on the card."""
    palette = QGuiApplication.palette()
    for selected in (False, True):
        background, text, muted = CardDelegate.colours(palette, selected)
        assert_readable(text, background, f"card title, selected={selected}")
        assert_readable(muted, background, f"card details, selected={selected}")
    for stage in labels.stages():
        background, text = colours.stage_badge(stage, palette)
        assert_readable(text, background, f"badge {stage}")


def test_over_committed_envelope_is_readable(make_window, demo_workspace, scheme, qtbot):
    """The warning row of an over-committed envelope: its text on its background, in
    every column."""
    ws = demo_workspace
    row = next(r for r in funding.envelopes(ws) if r.committed > 0)
    funding.update_envelope(ws, row.id, row.name, row.origin, Decimal("1"), read=row)
    window = make_window(ws)
    view = window.show_view("funding") or window.views["funding"]
    qtbot.waitUntil(lambda: not view.is_updating())  # sums are read in the background
    model = view.model
    warned = [r for r in range(model.rowCount()) if model.row(r).over_committed]
    assert warned
    for column in range(model.columnCount()):
        index = model.index(warned[0], column)
        assert model.data(index, BACKGROUND) is not None
        assert_readable(model.data(index, FOREGROUND), model.data(index, BACKGROUND), f"warning column {column}")


def test_days_with_events_are_readable(make_window, demo_workspace, scheme):
    """A marked day of the events' calendar: its text on its background."""
    window = make_window(demo_workspace)
    view = window.show_view("events") or window.views["events"]
    dated = next(r for r in list_events(window.context.workspace) if r.date is not None)
    view.calendar.setCurrentPage(dated.date.year, dated.date.month)
    assert QDate(dated.date.year, dated.date.month, dated.date.day) in view._marked
    for day in view._marked:
        text_format = view.calendar.dateTextFormat(day)
        text = text_format.foreground()  # none set: the calendar paints the palette's text
        text = text.color() if text.style() != Qt.BrushStyle.NoBrush else view.calendar.palette().color(
            QPalette.ColorRole.Text)
        assert_readable(text, text_format.background().color(), f"day {day.toString()}")


def test_chart_labels_are_readable(scheme):
    """Labels above the bars read on the chart's background; labels inside the bars
    read on the bars; the on-screen chart is dark on a dark palette."""
    dark = scheme == theme.DARK
    departments = charts.departments_chart([("57", 4), ("67", 2)], dark=dark)
    background = charts.background_of(departments)
    assert (colours.luminance(background) < 0.2) == dark
    bar = departments.series()[0].barSets()[0]
    assert_readable(bar.labelColor(), background, "department labels")
    median = charts.median_chart({"ideation": 10.0, "prototype": 40.0, "deployment": 5.0}, dark=dark)
    assert_readable(median.series()[0].barSets()[0].labelColor(), charts.background_of(median), "median labels")
    funnel = charts.funnel_chart({"ideation": 5, "prototype": 3, "deployment": 1}, dark=dark)
    for bar in funnel.series()[0].barSets()[1:]:  # the transparent pad excluded
        assert_readable(bar.labelColor(), bar.color(), f"funnel label {bar.label()}")
    from labest_desktop.services import dashboard

    envelopes = charts.envelopes_chart([dashboard.EnvelopeBudget("Plan", Decimal("1000"), Decimal("1200"))], dark=dark)
    for bar in envelopes.series()[0].barSets():  # labels after the bars
        assert_readable(bar.labelColor(), charts.background_of(envelopes), f"envelope label {bar.label()}")


def test_error_text_is_readable(scheme):
    """An error message under a field reads on the window's background."""
    palette = QGuiApplication.palette()
    assert_readable(colours.error_text(palette), palette.color(QPalette.ColorRole.Window), "error")


def test_a_change_of_scheme_reaches_the_open_window(make_window, demo_workspace, qapp, qtbot):
    """Switching to dark while the window is open redraws the charts in Qt's dark
    theme and recolours the calendar's marked days, without rebuilding anything."""
    window = make_window(demo_workspace)
    dashboard = window.show_view("dashboard") or window.views["dashboard"]
    qtbot.waitUntil(lambda: not dashboard.is_updating())  # figures are computed in the background
    events = window.ensure_view("events")
    dated = next(r for r in list_events(window.context.workspace) if r.date is not None)
    events.calendar.setCurrentPage(dated.date.year, dated.date.month)
    chart = dashboard.panels["funnel"].view
    try:
        theme.apply(qapp, theme.DARK)
        qtbot.waitUntil(lambda: colours.luminance(charts.background_of(chart.chart())) < 0.2)
        day = events.calendar.dateTextFormat(events._marked[0])
        assert colours.luminance(day.background().color()) < 0.2
    finally:
        theme.apply(qapp, theme.SYSTEM)
    qtbot.waitUntil(lambda: colours.luminance(charts.background_of(chart.chart())) > 0.5)


def test_theme_chosen_in_preferences(make_window, demo_workspace, qapp):
    """Préférences → Thème: « Sombre » applies at once and is remembered; « Suivre le
    système » gives the palette back to the platform."""
    from labest_desktop.ui import settings as keys
    from labest_desktop.ui.dialogs.preferences import PreferencesDialog

    window = make_window(demo_workspace)

    def choose(choice: str) -> None:
        dialog = PreferencesDialog(window.context, window)
        dialog.theme.setCurrentIndex(dialog.theme.findData(choice))
        dialog.accept()

    try:
        choose(theme.DARK)
        assert colours.is_dark()
        assert keys.value(window.context.settings, keys.THEME) == theme.DARK
        choose(theme.SYSTEM)
        assert not colours.is_dark()  # the offscreen platform's scheme is light
        assert keys.value(window.context.settings, keys.THEME) == theme.SYSTEM
    finally:
        theme.apply(qapp, theme.SYSTEM)


def test_check_boxes_are_visible(qtbot, scheme):
    """An unticked check box in a list (the organisations of an event, the partners
    of a project) has a frame that stands out from the list (3:1, WCAG non-text)."""
    from PySide6.QtWidgets import QListWidget, QListWidgetItem

    widget = QListWidget()
    qtbot.addWidget(widget)
    item = QListWidgetItem("Organisation", widget)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    widget.resize(200, 60)
    widget.show()
    qtbot.waitExposed(widget)
    image = widget.viewport().grab().toImage()
    box = widget.visualItemRect(item)
    base = widget.palette().color(QPalette.ColorRole.Base)
    strongest = max(colours.contrast(image.pixelColor(x, y), base)
                    for x in range(box.left(), box.left() + box.height()) for y in range(box.top(), box.bottom()))
    assert strongest >= 3.0
