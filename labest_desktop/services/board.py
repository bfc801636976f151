"""The board: projects grouped by stage and a capped window of cards per column
(stage moves themselves go through ``services.stage_moves``).

Counts come from one ``GROUP BY``; cards are fetched per column in windows so a
portfolio of 10,000 projects never builds 10,000 cards at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from labest_desktop import messages
from labest_desktop.domain.models import Organisation, Project
from labest_desktop.domain.vocab import Stage
from labest_desktop.services.project_query import ProjectFilter, apply_filter
from labest_desktop.services.workspace import Workspace

_lead = aliased(Organisation)

# A frozen dataclass: safe to share as a default.
ALL_PROJECTS = ProjectFilter()


@dataclass(frozen=True)
class Card:
    id: int
    reference: str
    title: str
    stage: str
    status: str
    lead: str | None
    department: str | None
    stage_since: date | None
    version: int

    def days_in_stage(self, today: date | None = None) -> int | None:
        if self.stage_since is None:
            return None
        return max(0, ((today or date.today()) - self.stage_since).days)


def stage_counts(ws: Workspace, flt: ProjectFilter = ALL_PROJECTS) -> dict[str, int]:
    """Number of projects in each stage under ``flt`` (every stage present)."""
    statement = apply_filter(
        select(Project.stage, func.count(Project.id)), flt, ws.database.dialect
    ).group_by(Project.stage)
    counts = {str(s): 0 for s in Stage}
    with ws.reading() as session:
        for stage, n in session.execute(statement):
            counts[stage] = n
    return counts


def _card_query():
    """What a card shows of a project (one column list for the column and the card)."""
    return select(
        Project.id,
        Project.reference,
        Project.title,
        Project.stage,
        Project.status,
        _lead.name,
        Project.department,
        Project.stage_since,
        Project.version,
    ).outerjoin(_lead, _lead.id == Project.lead_id)


def cards(
    ws: Workspace, stage: Stage | str, flt: ProjectFilter = ALL_PROJECTS, offset: int = 0, limit: int = 100
) -> list[Card]:
    """One window of a column's cards, longest in the stage first (what a committee
    looks at), then by reference so windows never overlap."""
    statement = _card_query().where(Project.stage == str(Stage(stage)))
    statement = apply_filter(statement, flt, ws.database.dialect)
    statement = statement.order_by(
        Project.stage_since.is_(None), Project.stage_since, Project.reference, Project.id
    ).offset(offset).limit(limit)
    with ws.reading() as session:
        return [Card(*row) for row in session.execute(statement)]


def card(ws: Workspace, project_id: int) -> Card:
    statement = _card_query().where(Project.id == project_id)
    with ws.reading() as session:
        row = session.execute(statement).first()
    if row is None:
        from labest_desktop.domain.errors import NotFoundError

        raise NotFoundError(what=messages.text("what.project"), ident=project_id)
    return Card(*row)
