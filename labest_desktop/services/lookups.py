"""Names the window offers for completion and filters: organisations, funding
envelopes, themes. Read-only, small results (never one row per project)."""

from __future__ import annotations

from sqlalchemy import select

from labest_desktop.domain.models import FundingEnvelope, Organisation, Project
from labest_desktop.domain.text import fold, unique
from labest_desktop.services.workspace import Workspace


def organisations(ws: Workspace) -> list[tuple[int, str]]:
    """Every organisation as ``(id, name)``, in alphabetical (folded) order."""
    with ws.reading() as session:
        rows = session.execute(select(Organisation.id, Organisation.name).order_by(Organisation.name_key)).all()
    return [(r[0], r[1]) for r in rows]


def envelopes(ws: Workspace) -> list[tuple[int, str]]:
    with ws.reading() as session:
        rows = session.execute(
            select(FundingEnvelope.id, FundingEnvelope.name).order_by(FundingEnvelope.name_key)
        ).all()
    return [(r[0], r[1]) for r in rows]


def tags(ws: Workspace, limit: int = 2_000) -> list[str]:
    """Themes in use (distinct spellings folded together), alphabetical."""
    with ws.reading() as session:
        combos = session.scalars(
            select(Project.tags).where(Project.tags.is_not(None)).distinct().limit(limit)
        ).all()
    found = unique([t.strip() for combo in combos for t in combo.split(";") if t.strip()])
    return sorted(found, key=fold)


def total_projects(ws: Workspace, include_deleted: bool = False) -> int:
    from labest_desktop.services.project_query import ProjectFilter, count

    return count(ws, ProjectFilter(include_deleted=include_deleted))


def project_events(ws: Workspace, project_id: int) -> list[tuple[object, str, str, str | None]]:
    """Events linked to a project as ``(date, title, kind, place)``, newest first."""
    from labest_desktop.domain.models import Event, event_project

    with ws.reading() as session:
        rows = session.execute(
            select(Event.date, Event.title, Event.kind, Event.place)
            .join(event_project, event_project.c.event_id == Event.id)
            .where(event_project.c.project_id == project_id)
            .order_by(Event.date.desc())
        ).all()
    return [tuple(r) for r in rows]
