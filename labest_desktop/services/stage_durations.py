"""Days each project spent in each stage, kept up to date change by change.

The median days in stage over a whole portfolio cannot come from an index: it
needs every stay of every project (185,000 decisions at 100,000 projects, a second
of work for one query). :class:`StageDurations` reads every decision once, then,
for each change the window publishes, only the decisions of the projects it names;
the medians for any filter are then worked out from what it holds. The rule is
``dashboard.days_in_stages``': all stays in a stage added up, the current one
counting up to ``until``.

One instance is used by one reader at a time (the dashboard's background read).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select

from labest_desktop.domain.models import Project, StageDecision, utcnow
from labest_desktop.domain.vocab import Stage
from labest_desktop.services.changes import Changes
from labest_desktop.services.project_query import ProjectFilter, apply_filter
from labest_desktop.services.workspace import Workspace

_DAY = 86400.0
_CHUNK = 900  # ids per IN (...): under SQLite's variable limit
# Rows fetched a batch at a time: one fetch of 185,000 rows would hold the
# interpreter for a third of a second, and the window's thread with it.
_BATCH = {"yield_per": 2000}


class StageDurations:
    def __init__(self) -> None:
        # project id -> (days in each stage for stays that ended, current stage, since when);
        # tuples of plain values, which the garbage collector stops tracking: 100,000
        # dictionaries would make each of its full passes hold the interpreter.
        self._projects: dict[int, tuple[tuple[tuple[str, float], ...], str, datetime]] = {}
        self._loaded = False

    def update(self, ws: Workspace, changes: Changes) -> None:
        """Take ``changes`` into account (everything read again when their extent is
        not known, or the first time)."""
        if not self._loaded or changes.everything:
            self._projects = {}
            self._read(ws, None)
            self._loaded = True
        elif changes.projects:
            ids = sorted(changes.projects)
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start:start + _CHUNK]
                for pid in chunk:
                    self._projects.pop(pid, None)
                self._read(ws, chunk)

    def _read(self, ws: Workspace, ids: Iterable[int] | None) -> None:
        statement = select(StageDecision.project_id, StageDecision.to_stage, StageDecision.decided_at)
        if ids is not None:
            statement = statement.where(StageDecision.project_id.in_(list(ids)))
        statement = statement.order_by(StageDecision.project_id, StageDecision.id).execution_options(**_BATCH)
        current_pid, closed, stage, since = None, {}, "", None
        with ws.reading() as session:
            for pid, to_stage, decided_at in session.execute(statement):
                if pid != current_pid:
                    if current_pid is not None:
                        self._projects[current_pid] = (tuple(closed.items()), stage, since)
                    current_pid, closed = pid, {}
                else:
                    closed[stage] = closed.get(stage, 0.0) + (decided_at - since).total_seconds() / _DAY
                stage, since = to_stage, decided_at
        if current_pid is not None:
            self._projects[current_pid] = (tuple(closed.items()), stage, since)

    def medians(self, ws: Workspace, flt: ProjectFilter = ProjectFilter(),  # noqa: B008 - frozen
                until: datetime | None = None) -> dict[str, float | None]:
        """Median days spent in each stage by the filtered projects that went through it."""
        until = until or utcnow()
        projects = self._projects
        with ws.reading() as session:
            if flt == ProjectFilter():  # every live project: leave out the few deleted ones
                deleted = set(session.scalars(select(Project.id).where(Project.deleted_at.is_not(None))))
                ids = [pid for pid in projects if pid not in deleted]
            else:
                statement = apply_filter(select(Project.id), flt, ws.database.dialect).execution_options(**_BATCH)
                ids = [pid for pid in session.scalars(statement)]
        values: dict[str, list[float]] = {str(s): [] for s in Stage}
        for pid in ids:
            known = projects.get(pid)
            if known is None:
                continue
            closed, stage, since = known
            totals = dict(closed)
            totals[stage] = totals.get(stage, 0.0) + (until - since).total_seconds() / _DAY
            for name, days in totals.items():
                values.setdefault(name, []).append(max(0.0, days))
        return {stage: (statistics.median(days) if days else None) for stage, days in values.items()}
