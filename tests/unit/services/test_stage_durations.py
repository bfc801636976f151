"""Days in stage kept change by change give the same medians as the query over
every decision, for any filter, before and after moves and deletions."""

from __future__ import annotations

from datetime import timedelta

import pytest

from labest_desktop.domain.models import utcnow
from labest_desktop.services import dashboard, projects, stage_moves
from labest_desktop.services.changes import EVERYTHING, Changes
from labest_desktop.services.demo import load_demo
from labest_desktop.services.project_query import ProjectFilter, project_ids
from labest_desktop.services.stage_durations import StageDurations


def _same(ws, durations, flt, until):
    expected = dashboard.median_days_in_stage(ws, flt, until)
    got = durations.medians(ws, flt, until)
    assert got.keys() == expected.keys()
    for stage, value in expected.items():
        assert got[stage] == (None if value is None else pytest.approx(value, abs=1e-3)), stage


def test_medians_follow_moves_and_deletions(workspace):
    load_demo(workspace, projects=150, seed=21)
    until = utcnow() + timedelta(days=3)
    durations = StageDurations()
    durations.update(workspace, EVERYTHING)
    for flt in (ProjectFilter(), ProjectFilter(departments=frozenset({"67"}))):
        _same(workspace, durations, flt, until)
    moved = []
    for pid in project_ids(workspace)[:5]:
        view = projects.get_project(workspace, pid)
        target = "prototype" if str(view.fields.stage) != "prototype" else "deployment"
        stage_moves.move(workspace, pid, target, "Comité", view.version)
        moved.append(pid)
    gone = project_ids(workspace)[7]
    projects.set_deleted(workspace, gone, True)
    durations.update(workspace, Changes.of_projects([*moved, gone]))
    _same(workspace, durations, ProjectFilter(), until)
    _same(workspace, durations, ProjectFilter(stages=frozenset({"prototype"})), until)
