"""Synthèse: the portfolio's charts for the current filter, each exportable as PNG,
the whole dashboard as PDF (with or without the table of projects per stage)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from labest_desktop.domain.errors import LabestError
from labest_desktop.services import dashboard
from labest_desktop.services.changes import EVERYTHING, NOTHING, Changes
from labest_desktop.services.stage_durations import StageDurations
from labest_desktop.ui import colours, file_dialogs
from labest_desktop.ui.reports import charts
from labest_desktop.ui.reports.formatting import french_amount
from labest_desktop.ui.retranslate import Retranslatable
from labest_desktop.ui.views import view_errors
from labest_desktop.ui.views.base import BackgroundRead, View


def ask_save_path(parent, caption: str, suggested: str, pattern: str) -> str | None:
    """The file chosen to save to, from the last folder of its kind (tests replace this
    function)."""
    suffix = Path(suggested).suffix
    kind = "image" if suffix == ".png" else "pdf"
    path = file_dialogs.ask_save(parent, parent.context.settings, kind, caption, suggested, pattern, suffix)
    return str(path) if path else None


class ChartPanel(Retranslatable, QFrame):
    """One chart with its « Export PNG… » button."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.data = None
        self._drawn = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.export = QPushButton()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self._fit_size()
        self.retranslate()

    def _fit_size(self) -> None:
        # About 50 × 20 characters: the chart grows with the system's font size.
        metrics = self.fontMetrics()
        self.view.setMinimumSize(QSize(metrics.averageCharWidth() * 50, metrics.lineSpacing() * 17))

    def retranslate(self) -> None:
        self.view.setAccessibleName(charts.chart_title(self.key))
        self.export.setText(self.tr("Export PNG…"))
        self.export.setAccessibleName(self.tr("Export the chart “%1” as PNG").replace("%1", charts.chart_title(self.key)))
        self.redraw()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.redraw()  # Qt's dark or light chart theme, following the palette
        elif event.type() == QEvent.Type.FontChange:
            self._fit_size()

    def redraw(self) -> None:
        """Draw the chart again from the figures already read (new language or palette)."""
        if self.data is not None:
            self.show_data(self.data, force=True)

    def show_data(self, data, *, force: bool = False) -> None:
        """Draw ``data``; the same figures as on screen leave the chart as it is."""
        if data == self.data and not force and self.view.chart() is not None and self._drawn:
            return
        self.data = data
        old = self.view.chart()
        self.view.setChart(charts.build(self.key, data, dark=colours.is_dark(self.palette())))
        self._drawn = True
        if old is not None:
            old.deleteLater()  # with its series and axes
        self.view.setAccessibleDescription(self.describe())

    def describe(self) -> str:
        """The chart's figures as text, for screen readers."""
        if self.key == "funnel":
            return ", ".join(f"{k}: {v}" for k, v in self.data.items())
        if self.key in ("departments", "timeline"):
            return ", ".join(f"{k or '—'}: {v}" for k, v in self.data)
        if self.key == "envelopes":
            return "; ".join(f"{r.name}: {french_amount(r.committed)} / {french_amount(r.allocated)}" for r in self.data)
        return ", ".join(f"{k}: {'—' if v is None else round(v)}" for k, v in self.data.items())

    def save_png(self, path: str | Path) -> bool:
        return charts.render(charts.build(self.key, self.data)).save(str(path), "PNG")


class DashboardView(View):
    """The figures are computed in the background (``ui.tasks``): the window stays
    responsive, the previous figures stay on screen with « updating… » until the new
    ones arrive, and a change published meanwhile starts one more round after it."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.updating = QLabel()
        self.updating.setObjectName("dashboardUpdating")
        self.updating.hide()
        self._totals = None
        self._durations = StageDurations()  # days in stage, kept change by change
        self._unread: Changes = NOTHING  # changes the durations have not taken in yet
        self._reader = BackgroundRead(self, self._read, self._figures_in, self.updating.setVisible)
        self.export_pdf = QPushButton()
        self.report_pdf = QPushButton()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.updating)
        top.addWidget(self.export_pdf)
        top.addWidget(self.report_pdf)
        self.panels = {key: ChartPanel(key) for key in charts.CHART_KEYS}
        grid = QGridLayout()
        for n, key in enumerate(charts.CHART_KEYS):
            grid.addWidget(self.panels[key], n // 2, n % 2)
            self.panels[key].export.clicked.connect(lambda _=False, k=key: self.export_chart(k))
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.export_pdf.clicked.connect(lambda: self.export_report(with_table=False))
        self.report_pdf.clicked.connect(lambda: self.export_report(with_table=True))
        context.filter_state.changed.connect(lambda _f: self.filter_changed())
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Summary"))
        self.export_pdf.setText(self.tr("Export the dashboard as PDF…"))
        self.report_pdf.setText(self.tr("Portfolio report (PDF)…"))
        self.updating.setText(self.tr("updating…"))
        self._show_summary()

    def _show_summary(self) -> None:
        if self._totals is None:
            return
        totals, filtered = self._totals
        text = self.tr("%n project(s), total budget %1", "", totals.projects).replace("%1", french_amount(totals.budget))
        if filtered:
            text += " — " + self.tr("following the current filter")
        self.summary.setText(text)

    def shows(self, changes: Changes) -> bool:
        return changes.touches_projects() or changes.touches_envelopes()

    def is_updating(self) -> bool:
        return self._reader.running

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        """Compute the figures again in the background for the current filter."""
        self._unread = self._unread | changes
        self._reader.start()

    def _read(self):
        ws, flt, durations = self.context.workspace, self.context.filter_state.filter, self._durations
        changes, self._unread = self._unread, NOTHING

        def read():
            durations.update(ws, changes)  # only the projects named, after the first time
            return charts.figures(ws, flt, durations), dashboard.summary(ws, flt), not flt.is_empty()

        return read

    def _figures_in(self, result) -> None:
        data, totals, filtered = result
        for key, panel in self.panels.items():
            panel.show_data(data[key])
        self._totals = (totals, filtered)
        self._show_summary()

    def export_chart(self, key: str, path: str | None = None) -> str | None:
        path = path or ask_save_path(self, self.tr("Export the chart"), f"{key}.png", self.tr("PNG images (*.png)"))
        if not path:
            return None
        self.panels[key].save_png(path)
        file_dialogs.announce_written(self, Path(path))
        return path

    def export_report(self, with_table: bool, path: str | None = None) -> str | None:
        from labest_desktop.ui.reports.portfolio import write_portfolio_report

        suggested = "rapport-portefeuille.pdf" if with_table else "synthese.pdf"
        path = path or ask_save_path(self, self.tr("Export as PDF"), suggested, self.tr("PDF documents (*.pdf)"))
        if not path:
            return None
        try:
            write_portfolio_report(self.context.workspace, self.context.filter_state.filter, path, with_table=with_table)
        except LabestError as exc:
            view_errors.show_error(self, exc)
            return None
        file_dialogs.announce_written(self, Path(path))
        return path
