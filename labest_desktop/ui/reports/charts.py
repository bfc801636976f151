"""The dashboard's charts, built with QtCharts from the figures of
:mod:`labest_desktop.services.dashboard`; shared by the Synthèse view and the
portfolio report so both draw the same thing."""

from __future__ import annotations

import math
from html import escape

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QMargins,
    QRectF,
    QSize,
    Qt,
    QTime,
)
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from labest_desktop.services import dashboard
from labest_desktop.ui import colours, labels

CHART_KEYS = ("funnel", "departments", "envelopes", "timeline", "median")


def chart_title(key: str) -> str:
    return {
        "funnel": QCoreApplication.translate("Charts", "Projects per stage"),
        "departments": QCoreApplication.translate("Charts", "Projects per department"),
        "envelopes": QCoreApplication.translate("Charts", "Budget by envelope (k€): allocated and committed"),
        "timeline": QCoreApplication.translate("Charts", "Stage decisions per month"),
        "median": QCoreApplication.translate("Charts", "Median time in each stage (days)"),
    }[key]


def _chart(key: str, dark: bool = False) -> QChart:
    """A chart in Qt's light or dark theme (dark on a dark palette on screen; files
    and PDFs are always light)."""
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setTitle(chart_title(key))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(False)
    # Numbers in the interface's locale (set at start-up): "9 187,9", not "9187.9".
    chart.setLocale(QLocale())
    chart.setLocalizeNumbers(True)
    return chart


def nice_scale(maximum: float, whole: bool = True, ticks: int = 5) -> tuple[float, float]:
    """(top, step) of a value axis from 0 that holds ``maximum`` with room above for
    the labels outside the bars, in steps of 1, 2 or 5 × 10ⁿ (whole numbers for
    counts: never « 0 0 0 1 1 1 »)."""
    wanted = max(maximum * 1.12, 1.0 if whole else maximum * 1.12) or 1.0
    raw = wanted / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if whole:
        step = max(1.0, round(step))
    top = step * math.ceil(wanted / step)
    return top, step


def _value_axis(maximum: float, whole: bool = True) -> QValueAxis:
    top, step = nice_scale(maximum, whole)
    axis = QValueAxis()
    axis.setRange(0, top)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    # "%d" shows nothing once numbers are localised: always a float format.
    axis.setLabelFormat("%.0f" if step >= 1 else "%.1f")
    return axis


def is_empty(key: str, data) -> bool:
    """Nothing to draw: no project, no envelope, no decision, no duration."""
    if key == "funnel":
        return not any(data.values())
    if key in ("departments", "timeline"):
        return not any(n for _k, n in data)
    if key == "envelopes":
        return not data
    return not any(v for v in data.values())


def empty_text(key: str) -> str:
    """What to do when a chart has nothing to show."""
    return {
        "funnel": QCoreApplication.translate("Charts", "No project under the current filter: create one, import a workbook or clear the filters."),
        "departments": QCoreApplication.translate("Charts", "No project under the current filter: create one, import a workbook or clear the filters."),
        "envelopes": QCoreApplication.translate("Charts", "No funding envelope yet: add one in the Funding view."),
        "timeline": QCoreApplication.translate("Charts", "No stage decision yet: move a project to its next stage on the board or in its editor."),
        "median": QCoreApplication.translate("Charts", "No time in stage yet: it appears once projects have stage decisions."),
    }[key]


def background_of(chart: QChart) -> QColor:
    """The chart's background colour (Qt's themes paint a gradient: its middle)."""
    brush = chart.backgroundBrush()
    gradient = brush.gradient()
    if gradient is not None and gradient.stops():
        stops = gradient.stops()
        return colours.mix(stops[0][1], stops[-1][1], 0.5)
    return brush.color()


def _outside_label_colour(chart: QChart) -> QColor:
    """Labels above a bar sit on the chart's background."""
    return colours.readable_on(background_of(chart))


def funnel_chart(counts: dict[str, int], dark: bool = False) -> QChart:
    """Centred horizontal bars, widest at the top: a transparent pad on each side."""
    chart = _chart("funnel", dark)
    stages = list(counts)[::-1]  # horizontal categories run bottom-up
    widest = max(counts.values(), default=0) or 1
    pad = QBarSet("pad")
    pad.setColor(QColor(0, 0, 0, 0))
    pad.setBorderColor(QColor(0, 0, 0, 0))
    pad.setLabelColor(QColor(0, 0, 0, 0))
    series = QHorizontalStackedBarSeries()
    sets = []
    for stage in stages:
        bar = QBarSet(labels.stage_label(stage))
        bar.setColor(labels.stage_colour(stage))
        bar.setLabelColor(colours.readable_on(labels.stage_colour(stage)))  # labels inside the bars
        sets.append(bar)
    for i, stage in enumerate(stages):
        pad.append((widest - counts[stage]) / 2)
        for j, bar in enumerate(sets):
            bar.append(counts[stage] if i == j else 0)
    series.append(pad)
    for bar in sets:
        series.append(bar)
    series.setBarWidth(0.8)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append([f"{labels.stage_label(s)} ({counts[s]})" for s in stages])
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    axis_x = QValueAxis()
    axis_x.setRange(0, widest)
    axis_x.setVisible(False)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    return chart


def departments_chart(rows: list[tuple[str | None, int]], dark: bool = False) -> QChart:
    chart = _chart("departments", dark)
    bar = QBarSet(QCoreApplication.translate("Charts", "Projects"))
    bar.setColor(QColor("#3a6ea5"))
    bar.setLabelColor(_outside_label_colour(chart))
    categories = []
    for department, n in rows:
        categories.append(department or QCoreApplication.translate("Charts", "none"))
        bar.append(n)
    series = QBarSeries()
    series.append(bar)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(categories)
    if len(categories) > 8:
        axis_x.setLabelsAngle(-45)  # « Région » whole, not « Rég… », beside ten codes
        if hasattr(axis_x, "setTruncateLabels"):  # Qt 6.7+
            axis_x.setTruncateLabels(False)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = _value_axis(max((n for _, n in rows), default=0))
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    return chart


def _short(name: str, limit: int = 28) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def envelopes_chart(rows: list[dashboard.EnvelopeBudget], dark: bool = False) -> QChart:
    chart = _chart("envelopes", dark)
    chart.legend().setVisible(True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    allocated = QBarSet(QCoreApplication.translate("Charts", "Allocated"))
    committed = QBarSet(QCoreApplication.translate("Charts", "Committed"))
    for bar, colour in ((allocated, QColor("#9bbbd9")), (committed, QColor("#1f4e79"))):
        bar.setColor(colour)
        # Labels after the bars: inside, two thin bars' labels overlapped each other.
        bar.setLabelColor(_outside_label_colour(chart))
    categories = []
    top = max([float(r.allocated or 0) / 1000 for r in rows] + [float(r.committed) / 1000 for r in rows] + [0])
    for row in rows[::-1]:
        marker = " ⚠" if row.over_committed else ""  # over-commitment not by colour alone
        categories.append(_short(row.name) + marker)
        allocated.append(float(row.allocated or 0) / 1000)
        committed.append(float(row.committed) / 1000)
    series = QHorizontalBarSeries()
    series.append(allocated)
    series.append(committed)
    series.setBarWidth(0.9)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    # As many significant digits as the largest amount has whole k€: « 1 314 », not
    # « 1 313,84 » spilling out of its bar.
    series.setLabelsPrecision(max(2, len(str(int(top)))))
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append(categories)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    axis_x = _value_axis(top, whole=False)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    return chart


def _month_start(key: str) -> QDateTime:
    return QDateTime(QDate(int(key[:4]), int(key[5:7]), 1), QTime(0, 0))


def timeline_chart(rows: list[tuple[str, int]], dark: bool = False) -> QChart:
    chart = _chart("timeline", dark)
    line = QLineSeries()
    points = QScatterSeries()
    points.setMarkerSize(8)
    colour = QColor("#66bb6a" if dark else "#2e7d32")
    line.setColor(colour)
    points.setColor(colour)
    for key, n in rows:
        x = float(_month_start(key).toMSecsSinceEpoch())
        line.append(x, n)
        points.append(x, n)
    chart.addSeries(line)
    chart.addSeries(points)
    axis_x = QDateTimeAxis()
    axis_x.setFormat("MM/yyyy")
    if rows:
        first, last = _month_start(rows[0][0]), _month_start(rows[-1][0])
        if first == last:
            # One month: a fortnight on each side of its first day, dated to the day
            # (the axis ran from 01/1970 to 01/1970 and drew nothing).
            first, last = first.addDays(-15), last.addDays(15)
            axis_x.setFormat("d MMM yyyy")
            axis_x.setTickCount(3)
        else:
            months = (last.date().year() - first.date().year()) * 12 + last.date().month() - first.date().month()
            axis_x.setTickCount(min(8, months + 1))
        axis_x.setRange(first, last)
        if len(rows) <= 12:  # few points: each one's figure beside it
            points.setPointLabelsVisible(True)
            points.setPointLabelsFormat("@yPoint")
            points.setPointLabelsColor(_outside_label_colour(chart))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    axis_y = _value_axis(max((n for _, n in rows), default=0))
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for series in (line, points):
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
    return chart


def median_chart(medians: dict[str, float | None], dark: bool = False) -> QChart:
    chart = _chart("median", dark)
    series = QBarSeries()
    bar = QBarSet(QCoreApplication.translate("Charts", "Median days"))
    bar.setColor(QColor("#7b5ea7"))
    bar.setLabelColor(_outside_label_colour(chart))
    for stage in medians:
        bar.append(round(medians[stage] or 0.0))
    series.append(bar)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([labels.stage_label(s) for s in medians])
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = _value_axis(max((v or 0 for v in medians.values()), default=0))
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    return chart


def figures(ws, flt, durations=None) -> dict[str, object]:
    """Every chart's data for ``flt`` (one read each, all SQL aggregates); the
    medians from ``durations`` (a ``StageDurations`` kept up to date) when given."""
    return {
        "funnel": dashboard.projects_per_stage(ws, flt),
        "departments": dashboard.projects_per_department(ws, flt),
        "envelopes": dashboard.budget_per_envelope(ws, flt),
        "timeline": dashboard.decisions_per_month(ws, flt),
        "median": durations.medians(ws, flt) if durations is not None else dashboard.median_days_in_stage(ws, flt),
    }


BUILDERS = {
    "funnel": funnel_chart,
    "departments": departments_chart,
    "envelopes": envelopes_chart,
    "timeline": timeline_chart,
    "median": median_chart,
}


def build(key: str, data, dark: bool = False) -> QChart:
    chart = BUILDERS[key](data, dark)
    if is_empty(key, data):
        # Said in the chart itself, so PNG and PDF carry it as well as the screen.
        chart.setTitle(f"{chart_title(key)}<br><br><i>{escape(empty_text(key))}</i>")
        for axis in chart.axes():
            axis.setVisible(False)
        chart.legend().setVisible(False)
    return chart


def render(chart: QChart, size: QSize = QSize(900, 520)) -> QImage:  # noqa: B008 - an immutable value
    """The chart drawn on an image, without a window (for PNG export and PDFs)."""
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.setGeometry(QRectF(0, 0, size.width(), size.height()))
    scene.setSceneRect(QRectF(0, 0, size.width(), size.height()))
    # The chart lays itself out on posted events; run them before painting.
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), scene.sceneRect())
    painter.end()
    scene.removeItem(chart)
    return image
