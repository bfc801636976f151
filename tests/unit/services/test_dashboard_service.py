"""The dashboard's figures, checked against the database for the seeded demo sample:
every aggregate computed in SQL must equal the same figure counted in Python."""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from labest_desktop.domain.models import FundingEnvelope, Project, StageDecision
from labest_desktop.services import dashboard, projects
from labest_desktop.services.demo import load_demo
from labest_desktop.services.project_query import ProjectFilter

UNTIL = datetime(2026, 12, 1)


@pytest.fixture
def demo(workspace):
    load_demo(workspace, projects=120, seed=7)
    return workspace


def _projects(ws, department=None):
    with ws.reading() as session:
        statement = select(Project).where(Project.deleted_at.is_(None))
        if department:
            statement = statement.where(Project.department == department)
        return list(session.scalars(statement))


@pytest.mark.parametrize("department", [None, "67"])
def test_chart_figures_match_the_database(demo, department):
    """Funnel, departments, envelopes, decisions per month and median days in stage
    equal what counting the projects one by one gives, with and without a filter."""
    flt = ProjectFilter(departments=frozenset({department})) if department else ProjectFilter()
    rows = _projects(demo, department)
    assert rows, "the sample has projects in the filter"

    assert dashboard.projects_per_stage(demo, flt) == {
        s: sum(p.stage == s for p in rows) for s in ("ideation", "prototype", "deployment")
    }
    assert dict(dashboard.projects_per_department(demo, flt)) == dict(Counter(p.department for p in rows))

    with demo.reading() as session:
        allocations = {e.id: (e.name, e.allocated) for e in session.scalars(select(FundingEnvelope))}
        decisions = list(session.scalars(select(StageDecision).order_by(StageDecision.id)))
    committed = {eid: Decimal("0.00") for eid in allocations}
    for p in rows:
        if p.funding_envelope_id and p.budget is not None:
            committed[p.funding_envelope_id] += p.budget
    expected = sorted(
        ((allocations[e][0], allocations[e][1], committed[e]) for e in allocations), key=lambda t: t[0].lower()
    )
    got = [(b.name, b.allocated, b.committed) for b in dashboard.budget_per_envelope(demo, flt)]
    assert sorted(got, key=lambda t: t[0].lower()) == expected

    ids = {p.id for p in rows}
    months = Counter(d.decided_at.strftime("%Y-%m") for d in decisions if d.project_id in ids and d.from_stage)
    timeline = dashboard.decisions_per_month(demo, flt)
    assert {m: n for m, n in timeline if n} == dict(months)
    assert sum(n for _, n in timeline) == sum(months.values())

    per_stage: dict[str, list[float]] = {"ideation": [], "prototype": [], "deployment": []}
    for p in rows:
        decided = projects.decisions(demo, p.id)
        for stage, days in projects.time_in_stages(decided, until=UNTIL).items():
            if any(d.to_stage == stage for d in decided):
                per_stage[stage].append(days)
    medians = dashboard.median_days_in_stage(demo, flt, until=UNTIL)
    for stage, values in per_stage.items():
        if values:
            assert medians[stage] == pytest.approx(statistics.median(values), abs=1e-3)
        else:
            assert medians[stage] is None


def test_empty_portfolio_gives_empty_charts(sqlite_workspace):
    """No project: zero per stage, no department, no month, no median."""
    assert dashboard.projects_per_stage(sqlite_workspace) == {"ideation": 0, "prototype": 0, "deployment": 0}
    assert dashboard.projects_per_department(sqlite_workspace) == []
    assert dashboard.decisions_per_month(sqlite_workspace) == []
    assert set(dashboard.median_days_in_stage(sqlite_workspace).values()) == {None}
    assert dashboard.summary(sqlite_workspace).projects == 0
