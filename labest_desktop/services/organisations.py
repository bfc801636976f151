"""Organisations (partners, leads) and merging two spellings of the same one.

A merge moves every link (projects led, partnerships, events) to the organisation
kept, deletes the other and leaves a revision with origin ``merge`` on each project
whose lead or partners changed. It returns a ``MergeRecord`` holding exactly what
moved, so :func:`undo_merge` can put everything back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import case, delete, func, insert, literal, select, update

from labest_desktop import messages
from labest_desktop.domain.errors import NotFoundError, StaleEditError, ValidationError
from labest_desktop.domain.models import (
    Event,
    Organisation,
    Project,
    event_organisation,
    project_partner,
)
from labest_desktop.domain.text import fold
from labest_desktop.domain.vocab import DEPARTMENTS, OrgKind
from labest_desktop.services.project_store import record_revision, touch
from labest_desktop.services.workspace import Workspace

NAME_MAX = 200


@dataclass(frozen=True)
class OrganisationRow:
    """An organisation with how many projects it leads and partners and its events
    (``None`` when listed without counts)."""

    id: int
    name: str
    kind: str | None
    department: str | None
    led: int | None
    partnered: int | None
    events: int | None


@dataclass(frozen=True)
class ProjectLink:
    id: int
    reference: str
    title: str
    stage: str
    status: str


@dataclass(frozen=True)
class EventLink:
    id: int
    title: str
    date: object


@dataclass(frozen=True)
class OrganisationDetail:
    row: OrganisationRow
    led: tuple[ProjectLink, ...]
    partnered: tuple[ProjectLink, ...]
    events: tuple[EventLink, ...]


@dataclass(frozen=True)
class MergeRecord:
    """What a merge changed, enough to take it back."""

    kept_id: int
    removed_id: int
    removed_name: str
    removed_kind: str | None
    removed_department: str | None
    led: tuple[int, ...]  # projects whose lead moved
    partnered_moved: tuple[int, ...]  # partnerships moved (kept was not a partner yet)
    partnered_shared: tuple[int, ...]  # partnerships dropped (kept already a partner)
    events_moved: tuple[int, ...]
    events_shared: tuple[int, ...]
    lead_and_partner: tuple[int, ...]  # projects where the kept one led and the removed one partnered

    @property
    def affected_projects(self) -> tuple[int, ...]:
        return tuple(sorted({*self.led, *self.partnered_moved, *self.partnered_shared, *self.lead_and_partner}))


def _count_subqueries():
    led = select(Project.lead_id.label("oid"), func.count().label("n")).where(
        Project.deleted_at.is_(None)
    ).group_by(Project.lead_id).subquery()
    partnered = (
        select(project_partner.c.organisation_id.label("oid"), func.count().label("n"))
        .join(Project, Project.id == project_partner.c.project_id)
        .where(Project.deleted_at.is_(None))
        .group_by(project_partner.c.organisation_id)
        .subquery()
    )
    events = (
        select(event_organisation.c.organisation_id.label("oid"), func.count().label("n"))
        .group_by(event_organisation.c.organisation_id)
        .subquery()
    )
    return led, partnered, events


def _counts_statement():
    led, partnered, events = _count_subqueries()
    return (
        select(
            Organisation.id,
            Organisation.name,
            Organisation.kind,
            Organisation.department,
            func.coalesce(led.c.n, 0),
            func.coalesce(partnered.c.n, 0),
            func.coalesce(events.c.n, 0),
        )
        .outerjoin(led, led.c.oid == Organisation.id)
        .outerjoin(partnered, partnered.c.oid == Organisation.id)
        .outerjoin(events, events.c.oid == Organisation.id)
    )


def list_organisations(ws: Workspace, search: str = "", *, counts: bool = True) -> list[OrganisationRow]:
    """Organisations in name order, each word of ``search`` in its name; without
    ``counts`` the rows come at once (the counts go through every project: read
    them apart with :func:`organisation_counts` where a window must not wait)."""
    if counts:
        statement = _counts_statement()
    else:
        statement = select(Organisation.id, Organisation.name, Organisation.kind, Organisation.department,
                           literal(None), literal(None), literal(None))
    for word in fold(search).split():
        statement = statement.where(Organisation.name_key.contains(word))
    statement = statement.order_by(Organisation.name_key)
    with ws.reading() as session:
        return [OrganisationRow(*r) for r in session.execute(statement)]


# The partners list's sort keys, each evaluated in SQL (then the name, then the id).
ORGANISATION_SORTS = ("name", "kind", "department", "led", "partnered", "events")


def organisation_ids(
    ws: Workspace, search: str = "", *, sort: str = "name", descending: bool = False,
    kind_order: tuple[str, ...] = (),
) -> list[int]:
    """Ids of the organisations in list order, each word of ``search`` in the name,
    for a list that reads its rows a window at a time (:func:`organisation_rows`).
    ``kind_order`` is the kinds' codes in the order of their names in the user's
    language; a sort by a count joins the grouped counts (one pass over the projects)."""
    statement = select(Organisation.id)
    if sort in ("led", "partnered", "events"):
        led, partnered, events = _count_subqueries()
        counted = {"led": led, "partnered": partnered, "events": events}[sort]
        statement = statement.outerjoin(counted, counted.c.oid == Organisation.id)
        key = func.coalesce(counted.c.n, 0)
    elif sort == "kind" and kind_order:
        key = case({code: i for i, code in enumerate(kind_order)}, value=Organisation.kind, else_=len(kind_order))
    elif sort in ("kind", "department"):
        key = getattr(Organisation, sort)
    else:
        key = Organisation.name_key
    for word in fold(search).split():
        statement = statement.where(Organisation.name_key.contains(word))
    order = key.desc() if descending else key.asc()
    tie = (Organisation.name_key.desc(), Organisation.id.desc()) if descending else (
        Organisation.name_key.asc(), Organisation.id.asc())
    statement = statement.order_by(order.nulls_last(), *tie)
    with ws.reading() as session:
        return list(session.scalars(statement))


def organisation_rows(ws: Workspace, ids: list[int]) -> dict[int, OrganisationRow]:
    """Rows without counts for ``ids`` (one window of the list), keyed by id."""
    if not ids:
        return {}
    statement = select(Organisation.id, Organisation.name, Organisation.kind, Organisation.department,
                       literal(None), literal(None), literal(None)).where(Organisation.id.in_(ids))
    with ws.reading() as session:
        return {r[0]: OrganisationRow(*r) for r in session.execute(statement)}


def organisation_counts(ws: Workspace) -> dict[int, tuple[int, int, int]]:
    """For every organisation: projects it leads, projects it partners, its events."""
    result: dict[int, list[int]] = {}
    with ws.reading() as session:
        for position, subquery in enumerate(_count_subqueries()):
            for oid, n in session.execute(select(subquery.c.oid, subquery.c.n)):
                if oid is not None:
                    result.setdefault(oid, [0, 0, 0])[position] = n
    return {oid: (led, partnered, events) for oid, (led, partnered, events) in result.items()}


def get_organisation(ws: Workspace, organisation_id: int) -> OrganisationDetail:
    with ws.reading() as session:
        org = session.get(Organisation, organisation_id)
        if org is None:
            raise NotFoundError(what=messages.text("what.organisation"), ident=organisation_id)
        columns = (Project.id, Project.reference, Project.title, Project.stage, Project.status)
        led = session.execute(
            select(*columns)
            .where(Project.lead_id == organisation_id, Project.deleted_at.is_(None))
            .order_by(Project.reference)
            .execution_options(yield_per=2000)  # a big partner's thousands of rows, a batch at a time
        ).all()
        partnered = session.execute(
            select(*columns)
            .join(project_partner, project_partner.c.project_id == Project.id)
            .where(project_partner.c.organisation_id == organisation_id, Project.deleted_at.is_(None))
            .order_by(Project.reference)
            .execution_options(yield_per=2000)
        ).all()
        events = session.execute(
            select(Event.id, Event.title, Event.date)
            .join(event_organisation, event_organisation.c.event_id == Event.id)
            .where(event_organisation.c.organisation_id == organisation_id)
            .order_by(Event.date.is_(None), Event.date.desc())
        ).all()
        row = OrganisationRow(org.id, org.name, org.kind, org.department, len(led), len(partnered), len(events))
    return OrganisationDetail(
        row=row,
        led=tuple(ProjectLink(*r) for r in led),
        partnered=tuple(ProjectLink(*r) for r in partnered),
        events=tuple(EventLink(*r) for r in events),
    )


def _check(name: str, kind: str | None, department: str | None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError("name", "organisation.name_required")
    if len(name) > NAME_MAX:
        raise ValidationError("name", "rule.too_long", limit=NAME_MAX, length=len(name))
    if kind is not None and kind not in {str(k) for k in OrgKind}:
        raise ValidationError("kind", "organisation.kind_unknown", value=kind)
    if department is not None and department not in DEPARTMENTS:
        raise ValidationError("department", "rule.department_unknown", value=department)
    return name


def _ensure_unique(session, name: str, except_id: int | None = None) -> None:
    other = session.scalar(select(Organisation).where(Organisation.name_key == fold(name)))
    if other is not None and other.id != except_id:
        raise ValidationError("name", "organisation.name_taken", name=other.name)


def create_organisation(ws: Workspace, name: str, kind: str | None = None, department: str | None = None) -> int:
    name = _check(name, kind, department)
    with ws.unit_of_work() as uow:
        _ensure_unique(uow.session, name)
        org = Organisation(name=name, name_key=fold(name), kind=kind, department=department)
        uow.session.add(org)
        uow.session.flush()
        uow.commit()
        return org.id


def update_organisation(
    ws: Workspace, organisation_id: int, name: str, kind: str | None, department: str | None, *, read: OrganisationRow
) -> OrganisationRow:
    """Save the organisation as edited from ``read`` (the row the user was shown); a
    change made elsewhere since is refused as stale, never overwritten. Returns
    ``read`` as it now is, for the next save."""
    name = _check(name, kind, department)
    with ws.unit_of_work() as uow:
        org = uow.session.get(Organisation, organisation_id)
        if org is None:
            raise NotFoundError(what=messages.text("what.organisation"), ident=organisation_id)
        if (org.name, org.kind, org.department) != (read.name, read.kind, read.department):
            raise StaleEditError("error.stale_named", title=read.name)
        _ensure_unique(uow.session, name, organisation_id)
        org.name, org.name_key, org.kind, org.department = name, fold(name), kind, department
        uow.commit()
        return replace(read, name=org.name, kind=org.kind, department=org.department)


def merge_organisations(ws: Workspace, kept_id: int, removed_id: int, *, names: tuple[str, str]) -> MergeRecord:
    """Move every link of ``removed_id`` to ``kept_id`` and delete ``removed_id``;
    ``names`` are the kept and removed names the user chose from: if either was
    renamed elsewhere since, nothing is merged (stale)."""
    if kept_id == removed_id:
        raise ValidationError("organisation", "organisation.merge_same")
    with ws.unit_of_work() as uow:
        session = uow.session
        kept = session.get(Organisation, kept_id)
        removed = session.get(Organisation, removed_id)
        for org, ident in ((kept, kept_id), (removed, removed_id)):
            if org is None:
                raise NotFoundError(what=messages.text("what.organisation"), ident=ident)
        for org, seen in ((kept, names[0]), (removed, names[1])):
            if org.name != seen:
                raise StaleEditError("error.stale_named", title=seen)
        led = tuple(session.scalars(select(Project.id).where(Project.lead_id == removed_id).order_by(Project.id)))
        kept_partner = set(
            session.scalars(select(project_partner.c.project_id).where(project_partner.c.organisation_id == kept_id))
        )
        kept_lead = set(session.scalars(select(Project.id).where(Project.lead_id == kept_id)))
        removed_partner = set(
            session.scalars(
                select(project_partner.c.project_id).where(project_partner.c.organisation_id == removed_id)
            )
        )
        # A project led by the kept organisation cannot also list it as a partner.
        lead_and_partner = tuple(sorted(removed_partner & (kept_lead | set(led)) - kept_partner))
        shared = tuple(sorted(removed_partner & kept_partner))
        moved = tuple(sorted(removed_partner - kept_partner - set(lead_and_partner)))
        kept_events = set(
            session.scalars(
                select(event_organisation.c.event_id).where(event_organisation.c.organisation_id == kept_id)
            )
        )
        removed_events = set(
            session.scalars(
                select(event_organisation.c.event_id).where(event_organisation.c.organisation_id == removed_id)
            )
        )
        record = MergeRecord(
            kept_id=kept_id,
            removed_id=removed_id,
            removed_name=removed.name,
            removed_kind=removed.kind,
            removed_department=removed.department,
            led=led,
            partnered_moved=moved,
            partnered_shared=shared,
            events_moved=tuple(sorted(removed_events - kept_events)),
            events_shared=tuple(sorted(removed_events & kept_events)),
            lead_and_partner=lead_and_partner,
        )
        session.execute(
            delete(project_partner).where(project_partner.c.organisation_id == removed_id)
        )
        if moved:
            session.execute(insert(project_partner), [{"project_id": p, "organisation_id": kept_id} for p in moved])
        if led:
            session.execute(update(Project).where(Project.id.in_(led)).values(lead_id=kept_id))
        session.execute(delete(event_organisation).where(event_organisation.c.organisation_id == removed_id))
        if record.events_moved:
            session.execute(
                insert(event_organisation),
                [{"event_id": e, "organisation_id": kept_id} for e in record.events_moved],
            )
        session.delete(removed)
        session.flush()
        _revise(ws, session, record.affected_projects, origin="merge")
        uow.commit()
        return record


def undo_merge(ws: Workspace, record: MergeRecord) -> int:
    """Bring the removed organisation back with its links; returns its new id."""
    with ws.unit_of_work() as uow:
        session = uow.session
        if session.get(Organisation, record.kept_id) is None:
            raise NotFoundError(what=messages.text("what.organisation"), ident=record.kept_id)
        _ensure_unique(session, record.removed_name)
        org = Organisation(
            name=record.removed_name,
            name_key=fold(record.removed_name),
            kind=record.removed_kind,
            department=record.removed_department,
        )
        session.add(org)
        session.flush()
        if record.led:
            session.execute(update(Project).where(Project.id.in_(record.led)).values(lead_id=org.id))
        if record.partnered_moved:
            session.execute(
                delete(project_partner).where(
                    project_partner.c.organisation_id == record.kept_id,
                    project_partner.c.project_id.in_(record.partnered_moved),
                )
            )
        back = [*record.partnered_moved, *record.partnered_shared, *record.lead_and_partner]
        if back:
            session.execute(insert(project_partner), [{"project_id": p, "organisation_id": org.id} for p in back])
        if record.events_moved:
            session.execute(
                delete(event_organisation).where(
                    event_organisation.c.organisation_id == record.kept_id,
                    event_organisation.c.event_id.in_(record.events_moved),
                )
            )
        events = [*record.events_moved, *record.events_shared]
        if events:
            session.execute(insert(event_organisation), [{"event_id": e, "organisation_id": org.id} for e in events])
        _revise(ws, session, record.affected_projects, origin="undo")
        uow.commit()
        return org.id


def _revise(ws: Workspace, session, project_ids, origin: str) -> None:
    """Reload the projects touched by bulk statements and record their new state."""
    if not project_ids:
        return
    session.expire_all()
    for project in session.scalars(select(Project).where(Project.id.in_(project_ids))):
        touch(project, ws.author)
        record_revision(session, project, author=ws.author, origin=origin)


messages.register(
    {
        "organisation.name_required": ("Le nom de l'organisation est obligatoire.", "The organisation's name is required."),
        "organisation.kind_unknown": ("Type d'organisation inconnu : {value}.", "Unknown organisation kind: {value}."),
        "organisation.name_taken": (
            "Une organisation porte déjà ce nom : « {name} ».",
            "An organisation already has this name: “{name}”.",
        ),
        "organisation.merge_same": (
            "Choisissez deux organisations différentes à fusionner.",
            "Choose two different organisations to merge.",
        ),
    }
)
