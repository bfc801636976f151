"""Finding projects: one filter object for the list, the board, exports and the
command line, evaluated in the database (search, filters and sort never load the
whole portfolio into Python)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import aliased

from labest_desktop.domain.models import FundingEnvelope, Organisation, Project, project_partner
from labest_desktop.domain.vocab import Stage, Status
from labest_desktop.services.snapshots import chunks, load_projects
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage import search


@dataclass(frozen=True)
class ProjectFilter:
    search: str = ""
    stages: frozenset[str] = field(default_factory=frozenset)
    statuses: frozenset[str] = field(default_factory=frozenset)
    departments: frozenset[str] = field(default_factory=frozenset)
    organisation_id: int | None = None  # lead or partner
    envelope_id: int | None = None
    date_from: date | None = None  # projects running on or after this day
    date_to: date | None = None  # projects started on or before this day
    ids: frozenset[int] | None = None  # an explicit selection
    include_deleted: bool = False

    def is_empty(self) -> bool:
        return self == ProjectFilter()


_lead = aliased(Organisation)
_envelope = aliased(FundingEnvelope)

STAGE_ORDER = case({str(s): i for i, s in enumerate(Stage)}, value=Project.stage, else_=99)
STATUS_ORDER = case({str(s): i for i, s in enumerate(Status)}, value=Project.status, else_=99)

# Sort keys the list offers, each evaluated in SQL; joins added when needed.
SORT_COLUMNS = {
    "reference": Project.reference,
    "title": func.lower(Project.title),
    "stage": STAGE_ORDER,
    "status": STATUS_ORDER,
    "lead": _lead.name_key,
    "department": Project.department,
    "contact": func.lower(Project.contact),
    "start_date": Project.start_date,
    "end_date": Project.end_date,
    "budget": Project.budget,
    "funding": _envelope.name_key,
    "users_involved": Project.users_involved,
    "agents_involved": Project.agents_involved,
    "updated_at": Project.updated_at,
    "stage_since": Project.stage_since,
}


def apply_filter(statement: Select, flt: ProjectFilter, dialect: str) -> Select:
    if not flt.include_deleted:
        statement = statement.where(Project.deleted_at.is_(None))
    if flt.search.strip():
        clause = search.match_clause(flt.search, dialect)
        if clause is not None:
            statement = statement.where(clause)
    if flt.stages:
        statement = statement.where(Project.stage.in_(sorted(flt.stages)))
    if flt.statuses:
        statement = statement.where(Project.status.in_(sorted(flt.statuses)))
    if flt.departments:
        statement = statement.where(Project.department.in_(sorted(flt.departments)))
    if flt.organisation_id is not None:
        partnered = select(project_partner.c.project_id).where(
            project_partner.c.organisation_id == flt.organisation_id
        )
        statement = statement.where(or_(Project.lead_id == flt.organisation_id, Project.id.in_(partnered)))
    if flt.envelope_id is not None:
        statement = statement.where(Project.funding_envelope_id == flt.envelope_id)
    if flt.date_from is not None:
        statement = statement.where(or_(Project.end_date.is_(None), Project.end_date >= flt.date_from))
    if flt.date_to is not None:
        statement = statement.where(or_(Project.start_date.is_(None), Project.start_date <= flt.date_to))
    if flt.ids is not None:
        statement = statement.where(Project.id.in_(sorted(flt.ids)))
    return statement


def ids_query(flt: ProjectFilter, dialect: str, sort: str = "reference", descending: bool = False) -> Select:
    column = SORT_COLUMNS.get(sort, Project.reference)
    statement = select(Project.id)
    if sort == "lead":
        statement = statement.outerjoin(_lead, _lead.id == Project.lead_id)
    elif sort == "funding":
        statement = statement.outerjoin(_envelope, _envelope.id == Project.funding_envelope_id)
    statement = apply_filter(statement, flt, dialect)
    # NULLs last either way, and the id as tie-breaker so windows never overlap.
    order = column.desc() if descending else column.asc()
    tie = Project.id.desc() if descending else Project.id.asc()
    return statement.order_by(column.is_(None), order, tie)


def project_ids(ws: Workspace, flt: ProjectFilter = ProjectFilter(), sort: str = "reference", descending: bool = False) -> list[int]:
    with ws.reading() as session:
        return list(session.scalars(ids_query(flt, ws.database.dialect, sort, descending)))


def count(ws: Workspace, flt: ProjectFilter = ProjectFilter()) -> int:
    with ws.reading() as session:
        statement = apply_filter(select(func.count(Project.id)), flt, ws.database.dialect)
        return session.scalar(statement) or 0


@dataclass(frozen=True)
class ProjectRow:
    """What the portfolio list shows of a project."""

    id: int
    reference: str
    title: str
    stage: str
    status: str
    lead: str | None
    department: str | None
    contact: str | None
    start_date: date | None
    end_date: date | None
    budget: object
    funding: str | None
    users_involved: int | None
    agents_involved: int | None
    updated_at: datetime
    stage_since: date | None
    version: int


def rows(ws: Workspace, ids: list[int]) -> dict[int, ProjectRow]:
    """List rows for ``ids`` (one window of the list), keyed by id."""
    if not ids:
        return {}
    statement = (
        select(
            Project.id,
            Project.reference,
            Project.title,
            Project.stage,
            Project.status,
            _lead.name,
            Project.department,
            Project.contact,
            Project.start_date,
            Project.end_date,
            Project.budget,
            _envelope.name,
            Project.users_involved,
            Project.agents_involved,
            Project.updated_at,
            Project.stage_since,
            Project.version,
        )
        .outerjoin(_lead, _lead.id == Project.lead_id)
        .outerjoin(_envelope, _envelope.id == Project.funding_envelope_id)
        .where(Project.id.in_(ids))
    )
    with ws.reading() as session:
        return {r[0]: ProjectRow(*r) for r in session.execute(statement)}


def iter_snapshots(ws: Workspace, flt: ProjectFilter = ProjectFilter(), sort: str = "reference") -> Iterator[dict]:
    """Snapshots (exchange keys) plus ``updated_at``, in ``sort`` order, read in
    chunks so that exports of 100,000 projects keep memory flat."""
    ids = project_ids(ws, flt, sort)
    for chunk in chunks(ids, 5000):
        with ws.reading() as session:
            for stored in load_projects(session, chunk):
                snapshot = dict(stored.snapshot)
                snapshot["updated_at"] = stored.updated_at
                yield snapshot
