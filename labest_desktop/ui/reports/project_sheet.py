"""The project sheet (fiche projet) for committees, one project per page group;
several selected projects give one PDF."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from labest_desktop.services import events, projects
from labest_desktop.ui import labels
from labest_desktop.ui.reports.formatting import french_amount, french_date, french_datetime
from labest_desktop.ui.reports.pdf import write_pdf
from labest_desktop.ui.views.kind_labels import event_kind_label

RECENT_NOTES = 5


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectSheet", text)


def _row(label: str, value: str) -> str:
    return f"<tr><th align='left' width='30%'>{escape(label)}</th><td>{escape(value)}</td></tr>"


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
        f"<p class='muted'>{escape(_tr('Project sheet'))} · {escape(view.reference)}</p>",
        "<table class='grid' width='100%' cellspacing='0'>",
        _row(_tr("Stage and status"), f"{labels.stage_label(str(f.stage))} · {labels.status_label(str(f.status))}"),
        _row(_tr("In stage since"), french_date(view.stage_since)),
        _row(_tr("Lead organisation"), f.lead or "—"),
        _row(_tr("Partners"), ", ".join(f.partners) or "—"),
        _row(_tr("Department"), labels.department_label(f.department) or "—"),
        _row(_tr("Person in charge"), f.contact or "—"),
        _row(_tr("Start date"), french_date(f.start_date)),
        _row(_tr("Planned end date"), french_date(f.end_date)),
        _row(_tr("Budget"), french_amount(f.budget)),
        _row(_tr("Funding envelope"), f.funding or "—"),
        _row(_tr("Users / agents involved"),
             f"{'—' if f.users_involved is None else f.users_involved} / "
             f"{'—' if f.agents_involved is None else f.agents_involved}"),
        _row(_tr("Themes"), ", ".join(f.tags) or "—"),
        _row(_tr("Created"), f"{french_date(view.created_at)} ({view.created_by})"),
        "</table>",
        f"<h2>{escape(_tr('Description'))}</h2>",
        "<p>" + (escape(f.description).replace("\n", "<br>") if f.description else "—") + "</p>",
        f"<h2>{escape(_tr('Stage decisions'))}</h2>",
    ]
    head = "".join(f"<th>{escape(_tr(h))}</th>" for h in ("Date", "Decision", "By", "Rationale"))
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
    parts.append(f"<h2>{escape(_tr('Recent notes'))}</h2>")
    if noted:
        parts.extend(
            f"<p><b>{escape(french_datetime(n.created_at))} — {escape(n.author)}</b><br>"
            f"{escape(n.text).replace(chr(10), '<br>')}</p>"
            for n in noted
        )
    else:
        parts.append(f"<p class='muted'>{escape(_tr('No note.'))}</p>")
    if linked_events:
        parts.append(f"<h2>{escape(_tr('Events'))}</h2><ul>")
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
        title = _tr("Project sheet – %1").replace("%1", titles[0])
    else:
        title = _tr("Project sheets (%1)").replace("%1", str(len(titles)))
    return write_pdf(path, title, "\n".join(bodies))
