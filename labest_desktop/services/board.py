"""The board: projects grouped by stage and a capped window of cards per column
(stage moves themselves go through ``services.stage_moves``).

Counts come from one ``GROUP BY``; cards are fetched per column in windows so a
portfolio of 10,000 projects never builds 10,000 cards at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, tuple_
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
    ws: Workspace, stage: Stage | str, flt: ProjectFilter = ALL_PROJECTS, offset: int = 0, limit: int = 100,
    *, after: Card | None = None,
) -> list[Card]:
    """One window of a column's cards, longest in the stage first (what a committee
    looks at), then by reference so windows never overlap; projects without a date
    in the stage come last. ``after`` (the last card shown) reads the next window
    from the index where that card is, instead of skipping ``offset`` cards (deep in
    a column of 40,000, an offset cost 0.2-0.4 s).

    Dated and undated cards are read apart so that each window follows an index in
    order and stops after ``limit`` cards: one ``ORDER BY stage_since IS NULL, …``
    made the database sort the whole column (150 ms per column at 100,000 projects).
    """
    dialect = ws.database.dialect
    stage = str(Stage(stage))
    # On SQLite, the stage named through an expression keeps the planner off the
    # stage index (which would mean sorting the column) and on the stage_since one.
    in_stage = (Project.stage.concat("") if dialect == "sqlite" else Project.stage) == stage

    def window(dated: bool):
        statement = _card_query().where(in_stage)
        if dated:
            statement = statement.where(Project.stage_since.is_not(None))
            order = (Project.stage_since, Project.reference, Project.id)
        else:
            statement = statement.where(Project.stage_since.is_(None))
            order = (Project.reference, Project.id)
        return apply_filter(statement, flt, dialect).order_by(*order)

    with ws.reading() as session:
        if after is not None:
            if after.stage_since is not None:
                dated_after = tuple_(Project.stage_since, Project.reference, Project.id) > tuple_(
                    after.stage_since, after.reference, after.id)
                rows = session.execute(window(True).where(dated_after).limit(limit)).all()
                undated_after = None
            else:
                rows = []
                undated_after = tuple_(Project.reference, Project.id) > tuple_(after.reference, after.id)
            if len(rows) < limit:
                undated = window(False) if undated_after is None else window(False).where(undated_after)
                rows += session.execute(undated.limit(limit - len(rows))).all()
            return [Card(*row) for row in rows]
        rows = session.execute(window(True).offset(offset).limit(limit)).all()
        if len(rows) < limit:
            if rows or offset == 0:
                dated = offset + len(rows)
            else:
                dated = session.scalar(select(func.count()).select_from(window(True).order_by(None).subquery()))
            rows += session.execute(window(False).offset(max(0, offset - dated)).limit(limit - len(rows))).all()
    return [Card(*row) for row in rows]


def read_board(
    ws: Workspace, flt: ProjectFilter, loaded: dict[str, int]
) -> tuple[dict[str, int], dict[str, list[Card]]]:
    """What the board shows: the counts per stage and, for each stage in ``loaded``,
    the first ``loaded[stage]`` cards (read off the window's thread by the view)."""
    counts = stage_counts(ws, flt)
    return counts, {stage: cards(ws, stage, flt, 0, limit) for stage, limit in loaded.items()}


def card(ws: Workspace, project_id: int) -> Card:
    statement = _card_query().where(Project.id == project_id)
    with ws.reading() as session:
        row = session.execute(statement).first()
    if row is None:
        from labest_desktop.domain.errors import NotFoundError

        raise NotFoundError(what=messages.text("what.project"), ident=project_id)
    return Card(*row)
