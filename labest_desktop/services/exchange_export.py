"""Exporting the portfolio (or a filtered part of it) as an exchange workbook
(.xlsx or .ods) or as the public open-data CSV."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from labest_desktop import __version__, messages
from labest_desktop.domain.errors import LabestError
from labest_desktop.domain.fingerprints import event_fingerprint, fingerprint
from labest_desktop.domain.models import (
    Event,
    FundingEnvelope,
    Organisation,
    Project,
    StageDecision,
)
from labest_desktop.domain.text import fold
from labest_desktop.exchange.csv_writer import write_opendata_csv
from labest_desktop.exchange.export_rows import ExportMeta, WriteReport
from labest_desktop.exchange.ods_writer import write_ods
from labest_desktop.exchange.xlsx_writer import write_xlsx
from labest_desktop.services import office
from labest_desktop.services.event_history import event_prints, event_snapshot
from labest_desktop.services.project_query import ProjectFilter, apply_filter, count, iter_snapshots
from labest_desktop.services.snapshots import ANCESTRY_DEPTH, revision_prints
from labest_desktop.services.workspace import Workspace

Progress = Callable[[int, int], None]
WORKBOOK_SUFFIXES = (".xlsx", ".ods")


class ExportCancelled(LabestError):
    key = "export.cancelled"


class ExportFormatError(LabestError):
    key = "export.format"


def export_workbook(
    ws: Workspace,
    path: str | Path,
    flt: ProjectFilter = ProjectFilter(),
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> WriteReport:
    """Write the exchange workbook for the projects ``flt`` selects.

    The file appears whole or not at all; a cancelled export leaves nothing behind.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES:
        raise ExportFormatError(file=path.name, allowed=", ".join(WORKBOOK_SUFFIXES))
    total = count(ws, flt)
    settings = office.all_settings(ws)
    meta = ExportMeta(office=settings[office.OFFICE_NAME], app_version=__version__)
    projects = _tracked(_with_ancestry(ws, iter_snapshots(ws, flt)), total, progress, cancelled)
    events, organisations, history, funding = _side_sheets(ws, flt)
    writer = write_xlsx if suffix == ".xlsx" else write_ods
    try:
        return writer(
            path,
            projects,
            meta=meta,
            events=events,
            organisations=organisations,
            history=history,
            funding_names=funding,
        )
    except OSError as exc:
        raise LabestError("export.write_failed", file=str(path), detail=exc.strerror or str(exc)) from exc


def export_opendata(ws: Workspace, path: str | Path, flt: ProjectFilter = ProjectFilter()) -> int:
    """The public subset as CSV (no contact names); returns the number of rows."""
    path = Path(path)
    if path.suffix.lower() != ".csv":
        raise ExportFormatError(file=path.name, allowed=".csv")
    settings = office.all_settings(ws)
    try:
        return write_opendata_csv(path, iter_snapshots(ws, flt), office=settings[office.OFFICE_NAME])
    except OSError as exc:
        raise LabestError("export.write_failed", file=str(path), detail=exc.strerror or str(exc)) from exc


def _with_ancestry(ws: Workspace, snapshots: Iterable[dict]) -> Iterator[dict]:
    """Each exported row with its fingerprint and the stored fingerprints of the
    project's earlier revisions, newest first: an office holding any of them finds
    the base of a merge (docs/exchange-format.md, "How import merges")."""
    with ws.reading() as session:
        prints = revision_prints(session.connection())
    for snapshot in snapshots:
        own = snapshot["fingerprint"] = fingerprint(snapshot)
        snapshot["ancestry"] = [p for p in prints.pop(snapshot["uid"], ()) if p != own]
        yield snapshot


def _tracked(rows: Iterable[dict], total: int, progress: Progress | None, cancelled) -> Iterator[dict]:
    for done, row in enumerate(rows, start=1):
        if done % 500 == 0:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            if progress is not None:
                progress(done, total)
        yield row
    if progress is not None:
        progress(total, total)


def _side_sheets(ws: Workspace, flt: ProjectFilter):
    """Events, organisations, stage history and envelope names for the workbook.

    For a filtered export, only the events and history of the exported projects go
    with it, so a subset sent to a partner holds nothing about other projects.
    """
    with ws.reading() as session:
        funding = sorted(session.scalars(select(FundingEnvelope.name)), key=fold)
        organisations = [
            {"name": o.name, "kind": o.kind, "department": o.department}
            for o in session.scalars(select(Organisation).order_by(Organisation.name_key))
        ]
        events_query = select(Event).options(selectinload(Event.projects), selectinload(Event.organisations))
        history_query = (
            select(
                Project.reference,
                Project.title,
                StageDecision.decided_at,
                StageDecision.from_stage,
                StageDecision.to_stage,
                StageDecision.decided_by,
                StageDecision.rationale,
            )
            .join(Project, Project.id == StageDecision.project_id)
            .where(Project.deleted_at.is_(None))
            .order_by(StageDecision.decided_at, StageDecision.id)
        )
        selected: set[str] | None = None
        if not flt.is_empty():
            selected = set(session.scalars(apply_filter(select(Project.reference), flt, ws.database.dialect)))
        events = []
        prints = event_prints(session, ANCESTRY_DEPTH)
        for event in session.scalars(events_query.order_by(Event.date, Event.id)):
            references = sorted(p.reference for p in event.projects if p.deleted_at is None)
            if selected is not None and not set(references) & selected:
                continue
            events.append(
                {
                    "uid": event.uid,
                    "title": event.title,
                    "kind": event.kind,
                    "date": event.date,
                    "place": event.place,
                    "participants": event.participants,
                    "projects": references,
                    "organisations": sorted((o.name for o in event.organisations), key=fold),
                    "description": event.description,
                    **_event_prints(session, event, prints.get(event.id, [])),
                }
            )
    return events, organisations, _history(ws, history_query, selected), funding


def _event_prints(session, event: Event, stored: list[str]) -> dict:
    own = event_fingerprint(event_snapshot(session, event))
    return {"fingerprint": own, "ancestry": [p for p in stored if p != own]}


def _history(ws: Workspace, query, selected: set[str] | None) -> Iterator[dict]:
    """Stage decisions streamed from the database (a 100,000-project portfolio has
    nearly 200,000), so the export's memory stays flat."""
    with ws.reading() as session:
        # Plain columns, not entities: nothing piles up in the session's identity map.
        for row in session.execute(query.execution_options(yield_per=2000)).mappings():
            if selected is None or row["reference"] in selected:
                yield dict(row)


messages.register(
    {
        "export.cancelled": ("Export annulé : aucun fichier n'a été écrit.", "Export cancelled: no file was written."),
        "export.format": (
            "Format non pris en charge pour « {file} » : choisissez {allowed}.",
            "Unsupported format for “{file}”: choose {allowed}.",
        ),
        "export.write_failed": (
            "Impossible d'écrire « {file} » : {detail}.",
            "Cannot write “{file}”: {detail}.",
        ),
    }
)
