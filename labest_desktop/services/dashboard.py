"""Figures of the Synthèse dashboard and the portfolio report, computed in the
database with aggregates so they follow any filter on any portfolio size.

Every function takes the same ``ProjectFilter`` as the list and the board.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import DateTime, Float, cast, func, literal, select

from labest_desktop.domain.models import Project, StageDecision, utcnow
from labest_desktop.domain.vocab import DEPARTMENTS, Stage
from labest_desktop.services import board, funding
from labest_desktop.services.project_query import ProjectFilter, apply_filter
from labest_desktop.services.workspace import Workspace

# A frozen dataclass: safe to share as a default.
ALL_PROJECTS = ProjectFilter()


@dataclass(frozen=True)
class EnvelopeBudget:
    name: str
    allocated: Decimal | None
    committed: Decimal

    @property
    def over_committed(self) -> bool:
        return self.allocated is not None and self.committed > self.allocated


@dataclass(frozen=True)
class Summary:
    projects: int
    budget: Decimal
    by_stage: dict[str, int]


def _filtered_ids(flt: ProjectFilter, dialect: str):
    return apply_filter(select(Project.id), flt, dialect)


def projects_per_stage(ws: Workspace, flt: ProjectFilter = ALL_PROJECTS) -> dict[str, int]:
    """The funnel: projects in each stage, in stage order."""
    return board.stage_counts(ws, flt)


def projects_per_department(ws: Workspace, flt: ProjectFilter = ALL_PROJECTS) -> list[tuple[str | None, int]]:
    """Projects per department, in the vocabulary's order, then projects with none."""
    statement = apply_filter(
        select(Project.department, func.count(Project.id)), flt, ws.database.dialect
    ).group_by(Project.department)
    with ws.reading() as session:
        counts = dict(session.execute(statement).all())
    ordered = [(d, counts[d]) for d in DEPARTMENTS if counts.get(d)]
    ordered += sorted(((d, n) for d, n in counts.items() if d not in DEPARTMENTS and d is not None))
    if counts.get(None):
        ordered.append((None, counts[None]))
    return ordered


def budget_per_envelope(ws: Workspace, flt: ProjectFilter = ALL_PROJECTS) -> list[EnvelopeBudget]:
    """Each envelope's allocation against the budgets of the filtered projects on it."""
    return [EnvelopeBudget(r.name, r.allocated, r.committed) for r in funding.envelopes(ws, flt)]


def _month(column, dialect: str):
    if dialect == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def decisions_per_month(ws: Workspace, flt: ProjectFilter = ALL_PROJECTS) -> list[tuple[str, int]]:
    """Stage moves (creations excluded) per month ``YYYY-MM``, every month between
    the first and the last present (empty months as 0)."""
    dialect = ws.database.dialect
    month = _month(StageDecision.decided_at, dialect).label("month")
    statement = (
        select(month, func.count(StageDecision.id))
        .where(StageDecision.from_stage.is_not(None))
        .where(StageDecision.project_id.in_(_filtered_ids(flt, dialect)))
        .group_by(month)
        .order_by(month)
    )
    with ws.reading() as session:
        counts = dict(session.execute(statement).all())
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, mon = int(first[:4]), int(first[5:7])
    months = []
    while True:
        key = f"{year:04d}-{mon:02d}"
        months.append((key, counts.get(key, 0)))
        if key >= last:
            break
        year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return months


def _days_between(start, end, dialect: str):
    if dialect == "postgresql":
        return func.extract("epoch", end - start) / 86400.0
    return cast(func.julianday(end) - func.julianday(start), Float)


def days_in_stages(
    ws: Workspace, flt: ProjectFilter = ALL_PROJECTS, until: datetime | None = None
) -> dict[str, list[float]]:
    """For each stage, the days each filtered project spent in it (all its stays
    added up; the current stay counts up to ``until``, now by default) — the same
    rule as ``projects.time_in_stages``, computed with a window function."""
    dialect = ws.database.dialect
    until = until or utcnow()
    following = func.lead(StageDecision.decided_at).over(
        partition_by=StageDecision.project_id, order_by=StageDecision.id
    )
    stays = (
        select(
            StageDecision.project_id.label("pid"),
            StageDecision.to_stage.label("stage"),
            StageDecision.decided_at.label("start"),
            func.coalesce(following, literal(until, DateTime)).label("end"),
        )
        .where(StageDecision.project_id.in_(_filtered_ids(flt, dialect)))
        .subquery()
    )
    days = _days_between(stays.c.start, stays.c.end, dialect)
    statement = select(stays.c.stage, func.sum(days)).group_by(stays.c.pid, stays.c.stage)
    result: dict[str, list[float]] = {str(s): [] for s in Stage}
    with ws.reading() as session:
        for stage, total in session.execute(statement):
            result.setdefault(stage, []).append(max(0.0, float(total or 0.0)))
    return result


def median_days_in_stage(
    ws: Workspace, flt: ProjectFilter = ALL_PROJECTS, until: datetime | None = None
) -> dict[str, float | None]:
    """Median days spent in each stage by the projects that went through it."""
    return {
        stage: (statistics.median(values) if values else None)
        for stage, values in days_in_stages(ws, flt, until).items()
    }


def summary(ws: Workspace, flt: ProjectFilter = ALL_PROJECTS) -> Summary:
    statement = apply_filter(select(func.count(Project.id), func.sum(Project.budget)), flt, ws.database.dialect)
    with ws.reading() as session:
        count, total = session.execute(statement).one()
    return Summary(count or 0, Decimal(total or 0).quantize(Decimal("0.01")), board.stage_counts(ws, flt))
