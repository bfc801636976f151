"""The project sheet (fiche projet) for committees, one project per page group;
several selected projects give one PDF."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path
from xml.sax.saxutils import quoteattr

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from labest_desktop.domain.field_registry import PROJECT_FIELDS, FieldKind, FieldSpec
from labest_desktop.services import events, projects
from labest_desktop.ui import labels
from labest_desktop.ui.reports.formatting import french_amount, french_date, french_datetime
from labest_desktop.ui.reports.pdf import write_pdf
from labest_desktop.ui.views.kind_labels import event_kind_label
from labest_desktop.ui.web_links import web_url

RECENT_NOTES = 5
DECISION_HEADINGS = (
    QT_TRANSLATE_NOOP("ProjectSheet", "Date"), QT_TRANSLATE_NOOP("ProjectSheet", "Decision"),
    QT_TRANSLATE_NOOP("ProjectSheet", "By"), QT_TRANSLATE_NOOP("ProjectSheet", "Rationale"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectSheet", text)


def _row(label: str, value: str) -> str:
    return _html_row(label, escape(value))


# The fields shown as rows of the table (title, stage and status are shown above)
# and those long enough for a section of their own.
SHEET_ROWS = tuple(
    spec for spec in PROJECT_FIELDS
    if not spec.required and spec.kind not in (FieldKind.STAGE, FieldKind.STATUS, FieldKind.LONG_TEXT)
)
SHEET_SECTIONS = tuple(spec for spec in PROJECT_FIELDS if spec.kind is FieldKind.LONG_TEXT)

_FORMAT = {
    FieldKind.DATE: french_date,
    FieldKind.AMOUNT: french_amount,
    FieldKind.DEPARTMENT: lambda code: labels.department_label(code) or "—",
}


def _value_text(spec: FieldSpec, value: object) -> str:
    if spec.kind in _FORMAT:
        return _FORMAT[spec.kind](value)
    if spec.is_list:
        return ", ".join(value) or "—"  # type: ignore[arg-type]
    return "—" if value is None or value == "" else str(value)


def _value_html(spec: FieldSpec, value: object) -> str:
    """The value as HTML: a web address as a link (http or https only, opened by the
    PDF reader's browser), anything else as escaped text."""
    if spec.kind is FieldKind.URL and web_url(value) is not None:
        return f"<a href={quoteattr(str(value))}>{escape(str(value))}</a>"
    return escape(_value_text(spec, value))


def _html_row(label: str, html: str) -> str:
    return f"<tr><th align='left' width='30%'>{escape(label)}</th><td>{html}</td></tr>"


def _paragraphs(text: str | None) -> str:
    return escape(text).replace("\n", "<br>") if text else "—"


def sheet_html(ws, project_id: int, first: bool = True) -> tuple[str, str]:
    """The sheet of one project as HTML, and its title."""
    view = projects.get_project(ws, project_id)
    f = view.fields
    decided = projects.decisions(ws, project_id)
    noted = projects.notes(ws, project_id)[-RECENT_NOTES:][::-1]
    linked_events = events.events_of_project(ws, project_id)
    page_break = "" if first else " style='page-break-before: always'"
    parts = [
        f"<h1{page_break}>{escape(f.title)}</h1>",
        "<p class='muted'>" + escape(QCoreApplication.translate("ProjectSheet", "Project sheet")) + f" · {escape(view.reference)}</p>",
        "<table class='grid' width='100%' cellspacing='0'>",
        _row(QCoreApplication.translate("ProjectSheet", "Stage and status"), f"{labels.stage_label(str(f.stage))} · {labels.status_label(str(f.status))}"),
        _row(QCoreApplication.translate("ProjectSheet", "In stage since"), french_date(view.stage_since)),
        *(_html_row(labels.field_label(spec.key), _value_html(spec, getattr(f, spec.key))) for spec in SHEET_ROWS),
        _row(QCoreApplication.translate("ProjectSheet", "Created"), f"{french_date(view.created_at)} ({view.created_by})"),
        "</table>",
        *(
            f"<h2>{escape(labels.field_label(spec.key))}</h2><p>{_paragraphs(getattr(f, spec.key))}</p>"
            for spec in SHEET_SECTIONS
        ),
        "<h2>" + escape(QCoreApplication.translate("ProjectSheet", "Stage decisions")) + "</h2>",
    ]
    head = "".join(f"<th>{escape(_tr(h))}</th>" for h in DECISION_HEADINGS)
    rows = []
    for d in decided:
        move = labels.stage_label(d.to_stage)
        if d.from_stage:
            move = f"{labels.stage_label(d.from_stage)} → {move}"
        rows.append(
            f"<tr><td>{escape(french_date(d.decided_at))}</td><td>{escape(move)}</td>"
            f"<td>{escape(d.decided_by)}</td><td>{escape(d.rationale)}</td></tr>"
        )
    parts.append(f"<table class='grid' width='100%' cellspacing='0'><tr>{head}</tr>{''.join(rows)}</table>")
    parts.append("<h2>" + escape(QCoreApplication.translate("ProjectSheet", "Recent notes")) + "</h2>")
    if noted:
        parts.extend(
            f"<p><b>{escape(french_datetime(n.created_at))} — {escape(n.author)}</b><br>"
            f"{escape(n.text).replace(chr(10), '<br>')}</p>"
            for n in noted
        )
    else:
        parts.append("<p class='muted'>" + escape(QCoreApplication.translate("ProjectSheet", "No note.")) + "</p>")
    if linked_events:
        parts.append("<h2>" + escape(QCoreApplication.translate("ProjectSheet", "Events")) + "</h2><ul>")
        parts.extend(
            f"<li>{escape(french_date(e.date))} — {escape(e.title)} ({escape(event_kind_label(e.kind))})</li>"
            for e in linked_events
        )
        parts.append("</ul>")
    return "\n".join(parts), f.title


def write_project_sheets(ws, project_ids: Iterable[int], path: str | Path) -> Path:
    """One PDF with the sheet of each project, each starting on a new page."""
    ids = list(project_ids)
    bodies = []
    titles = []
    for n, pid in enumerate(ids):
        body, title = sheet_html(ws, pid, first=(n == 0))
        bodies.append(body)
        titles.append(title)
    if len(titles) == 1:
        title = QCoreApplication.translate("ProjectSheet", "Project sheet – %1").replace("%1", titles[0])
    else:
        title = QCoreApplication.translate("ProjectSheet", "Project sheets (%1)").replace("%1", str(len(titles)))
    return write_pdf(path, title, "\n".join(bodies))
