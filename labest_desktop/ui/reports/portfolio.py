"""The portfolio report for committees: the dashboard's charts and, per stage, the
table of the projects under the current filter."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize

from labest_desktop.services import dashboard, project_query
from labest_desktop.services.project_query import ProjectFilter
from labest_desktop.ui import labels
from labest_desktop.ui.reports import charts
from labest_desktop.ui.reports.formatting import french_amount, french_date, short_date
from labest_desktop.ui.reports.pdf import write_pdf

TABLE_LIMIT = 500  # rows per stage; a committee reads a few hundred at most
HEADINGS = (
    QT_TRANSLATE_NOOP("Reports", "Reference"), QT_TRANSLATE_NOOP("Reports", "Title"),
    QT_TRANSLATE_NOOP("Reports", "Lead"), QT_TRANSLATE_NOOP("Reports", "Dept."),
    QT_TRANSLATE_NOOP("Reports", "Status"), QT_TRANSLATE_NOOP("Reports", "In stage since"),
    QT_TRANSLATE_NOOP("Reports", "Budget"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


def _filter_description(flt: ProjectFilter) -> str:
    parts = []
    if flt.search.strip():
        parts.append(QCoreApplication.translate("Reports", "search: %1").replace("%1", flt.search.strip()))
    if flt.stages:
        parts.append(", ".join(labels.stage_label(s) for s in sorted(flt.stages)))
    if flt.statuses:
        parts.append(", ".join(labels.status_label(s) for s in sorted(flt.statuses)))
    if flt.departments:
        parts.append(QCoreApplication.translate("Reports", "departments: %1").replace("%1", ", ".join(sorted(flt.departments))))
    if flt.ids is not None:
        parts.append(QCoreApplication.translate("Reports", "%1 selected projects").replace("%1", str(len(flt.ids))))
    return "; ".join(parts) if parts else QCoreApplication.translate("Reports", "whole portfolio")


def _stage_table(ws, flt: ProjectFilter, stage: str) -> str:
    if flt.stages and stage not in flt.stages:
        return ""
    ids = project_query.project_ids(ws, replace(flt, stages=frozenset({stage})), "reference")
    heading = f"<h3>{escape(labels.stage_label(stage))} ({len(ids)})</h3>"
    if not ids:
        return heading + "<p class='muted'>" + escape(QCoreApplication.translate("Reports", "No project at this stage.")) + "</p>"
    shown = ids[:TABLE_LIMIT]
    rows = project_query.rows(ws, shown)
    # Per cent of the page: titles need the room; the others fit their longest word
    # (« Abandonné », « Région ») and a whole date or amount on one line.
    widths = (13, 29, 17, 8, 10, 12, 11)
    head = "".join(
        f"<th width='{w}%'>{escape(_tr(h))}</th>"
        for h, w in zip(HEADINGS, widths, strict=True)
    )
    body = []
    for pid in shown:
        r = rows[pid]
        body.append(
            "<tr>"
            f"<td>{escape(r.reference)}</td><td>{escape(r.title)}</td><td>{escape(r.lead or '—')}</td>"
            f"<td>{escape(r.department or '—')}</td><td>{escape(labels.status_label(r.status))}</td>"
            f"<td class='nowrap'>{escape(short_date(r.stage_since))}</td>"
            f"<td class='num'>{escape(french_amount(r.budget))}</td>"
            "</tr>"
        )
    more = ""
    if len(ids) > len(shown):
        text = QCoreApplication.translate("Reports", "… and %1 more projects.")
        more = f"<p class='muted'>{escape(text.replace('%1', str(len(ids) - len(shown))))}</p>"
    return (
        heading
        # <thead>: Qt repeats the heading row at the top of every page the table runs on.
        + f"<table class='grid small' width='100%' cellspacing='0'><thead><tr>{head}</tr></thead>"
        + f"<tbody>{''.join(body)}</tbody></table>"
        + more
    )


def write_portfolio_report(ws, flt: ProjectFilter, path: str | Path, *, with_table: bool = True) -> Path:
    """Write the report (charts, then the tables when ``with_table``) to ``path``."""
    title = QCoreApplication.translate("Reports", "Lab'EST portfolio report") if with_table else QCoreApplication.translate("Reports", "Lab'EST dashboard")
    data = charts.figures(ws, flt)
    totals = dashboard.summary(ws, flt)
    images = {}
    blocks = []
    for key in charts.CHART_KEYS:
        images[f"chart://{key}"] = charts.render(charts.build(key, data[key]), QSize(680, 392))
        blocks.append(f"<p align='center'><img src='chart://{key}' width='620' height='358'></p>")
    over = [b.name for b in data["envelopes"] if b.over_committed]
    html = [
        f"<h1>{escape(title)}</h1>",
        "<p class='muted'>"
        + escape(QCoreApplication.translate("Reports", "Drawn up on %1 — %2")
                 .replace("%1", french_date(date.today())).replace("%2", _filter_description(flt)))
        + "</p>",
        "<p>"
        + escape(QCoreApplication.translate("Reports", "%1 projects — total budget %2").replace("%1", str(totals.projects)).replace("%2", french_amount(totals.budget)))
        + "<br>"
        + " · ".join(escape(f"{labels.stage_label(s)} : {n}") for s, n in totals.by_stage.items())
        + "</p>",
    ]
    if over:
        text = QCoreApplication.translate("Reports", "Over-committed envelopes: %1")
        html.append(f"<p class='warn'>⚠ {escape(text.replace('%1', ', '.join(over)))}</p>")
    html.append("<h2>" + escape(QCoreApplication.translate("Reports", "Charts")) + "</h2>")
    html.extend(blocks)
    if with_table:
        html.append("<h2 style='page-break-before: always'>" + escape(QCoreApplication.translate("Reports", "Projects per stage")) + "</h2>")
        for stage in labels.stages():
            html.append(_stage_table(ws, flt, stage))
    return write_pdf(path, title, "\n".join(html), images)
