"""Events of the lab (workshops, creative sessions, exhibitions, trainings,
meetings) with the projects and organisations they involve."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import selectinload

from labest_desktop import messages
from labest_desktop.domain.errors import NotFoundError, StaleEditError, ValidationError
from labest_desktop.domain.models import Event, Organisation, Project, event_project, utcnow
from labest_desktop.domain.text import fold
from labest_desktop.domain.vocab import EventKind
from labest_desktop.services.event_history import record_event_revision
from labest_desktop.services.workspace import Workspace

TITLE_MAX = 200
PLACE_MAX = 200
DESCRIPTION_MAX = 10_000
PARTICIPANTS_MAX = 1_000_000


@dataclass(frozen=True)
class EventFields:
    title: str
    kind: EventKind | str = EventKind.WORKSHOP
    date: date | None = None
    place: str | None = None
    participants: int | None = None
    description: str | None = None
    project_ids: frozenset[int] = field(default_factory=frozenset)
    organisation_ids: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class LinkedProject:
    id: int
    reference: str
    title: str
    stage: str


@dataclass(frozen=True)
class LinkedOrganisation:
    id: int
    name: str


@dataclass(frozen=True)
class EventView:
    id: int
    version: int
    fields: EventFields
    projects: tuple[LinkedProject, ...]
    organisations: tuple[LinkedOrganisation, ...]


@dataclass(frozen=True)
class EventRow:
    id: int
    title: str
    kind: str
    date: date | None
    place: str | None
    participants: int | None
    project_count: int


def validate(values: EventFields) -> list[ValidationError]:
    errors: list[ValidationError] = []
    title = (values.title or "").strip()
    if not title:
        errors.append(ValidationError("title", "event.title_required"))
    elif len(title) > TITLE_MAX:
        errors.append(ValidationError("title", "rule.too_long", limit=TITLE_MAX, length=len(title)))
    if str(values.kind) not in {str(k) for k in EventKind}:
        errors.append(ValidationError("kind", "event.kind_unknown", value=values.kind))
    if values.place and len(values.place.strip()) > PLACE_MAX:
        errors.append(ValidationError("place", "rule.too_long", limit=PLACE_MAX, length=len(values.place.strip())))
    if values.description and len(values.description) > DESCRIPTION_MAX:
        errors.append(
            ValidationError("description", "rule.too_long", limit=DESCRIPTION_MAX, length=len(values.description))
        )
    if values.participants is not None and not (0 <= values.participants <= PARTICIPANTS_MAX):
        errors.append(
            ValidationError("participants", "event.participants_range", limit=PARTICIPANTS_MAX, value=values.participants)
        )
    return errors


def _check(values: EventFields) -> EventFields:
    errors = validate(values)
    if errors:
        raise errors[0]
    place = (values.place or "").strip() or None
    description = (values.description or "").strip() or None
    return EventFields(
        title=values.title.strip(),
        kind=EventKind(str(values.kind)),
        date=values.date,
        place=place,
        participants=values.participants,
        description=description,
        project_ids=frozenset(values.project_ids),
        organisation_ids=frozenset(values.organisation_ids),
    )


def _load(session, event_id: int) -> Event:
    event = session.scalar(
        select(Event)
        .where(Event.id == event_id)
        .options(selectinload(Event.projects), selectinload(Event.organisations))
    )
    if event is None:
        raise NotFoundError(what=messages.text("what.event"), ident=event_id)
    return event


def _assign(session, event: Event, values: EventFields) -> None:
    with session.no_autoflush:
        event.title = values.title
        event.kind = str(values.kind)
        event.date = values.date
        event.place = values.place
        event.participants = values.participants
        event.description = values.description
        projects = list(session.scalars(select(Project).where(Project.id.in_(sorted(values.project_ids)))))
        if len(projects) != len(values.project_ids):
            missing = sorted(values.project_ids - {p.id for p in projects})
            raise NotFoundError(what=messages.text("what.project"), ident=missing[0])
        orgs = list(session.scalars(select(Organisation).where(Organisation.id.in_(sorted(values.organisation_ids)))))
        if len(orgs) != len(values.organisation_ids):
            missing = sorted(values.organisation_ids - {o.id for o in orgs})
            raise NotFoundError(what=messages.text("what.organisation"), ident=missing[0])
        if {p.id for p in event.projects} != {p.id for p in projects}:
            event.projects = projects
        if {o.id for o in event.organisations} != {o.id for o in orgs}:
            event.organisations = orgs
        event.updated_at = utcnow()


def _view(event: Event) -> EventView:
    return EventView(
        id=event.id,
        version=event.version,
        fields=EventFields(
            title=event.title,
            kind=EventKind(event.kind),
            date=event.date,
            place=event.place,
            participants=event.participants,
            description=event.description,
            project_ids=frozenset(p.id for p in event.projects),
            organisation_ids=frozenset(o.id for o in event.organisations),
        ),
        projects=tuple(
            LinkedProject(p.id, p.reference, p.title, p.stage)
            for p in sorted(event.projects, key=lambda p: p.reference)
        ),
        organisations=tuple(
            LinkedOrganisation(o.id, o.name) for o in sorted(event.organisations, key=lambda o: o.name_key)
        ),
    )


def create_event(ws: Workspace, values: EventFields) -> EventView:
    values = _check(values)
    with ws.unit_of_work() as uow:
        event = Event(title=values.title, kind=str(values.kind))
        uow.session.add(event)
        _assign(uow.session, event, values)
        uow.session.flush()
        record_event_revision(uow.session, event, author=ws.author, origin="create")
        view = _view(event)
        uow.commit()
        return view


def update_event(ws: Workspace, event_id: int, values: EventFields, expected_version: int) -> EventView:
    values = _check(values)
    with ws.unit_of_work() as uow:
        event = _load(uow.session, event_id)
        if event.version != expected_version:
            raise StaleEditError(title=event.title, expected=expected_version, actual=event.version)
        _assign(uow.session, event, values)
        uow.session.flush()
        record_event_revision(uow.session, event, author=ws.author, origin="edit")
        view = _view(event)
        uow.commit()
        return view


def delete_event(ws: Workspace, event_id: int, expected_version: int) -> EventFields:
    """Delete an event as it was read (a change made since is refused as stale, not
    deleted unseen); returns its fields so the deletion can be undone by creating it
    again."""
    with ws.unit_of_work() as uow:
        event = _load(uow.session, event_id)
        if event.version != expected_version:
            raise StaleEditError(title=event.title, expected=expected_version, actual=event.version)
        fields = _view(event).fields
        uow.session.delete(event)
        uow.commit()
        return fields


def get_event(ws: Workspace, event_id: int) -> EventView:
    with ws.reading() as session:
        return _view(_load(session, event_id))


def list_events(
    ws: Workspace,
    *,
    search: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    project_id: int | None = None,
    organisation_id: int | None = None,
) -> list[EventRow]:
    """Events, most recent first (undated ones last), with the number of linked projects."""
    linked = (
        select(event_project.c.event_id, func.count().label("n"))
        .group_by(event_project.c.event_id)
        .subquery()
    )
    statement = select(
        Event.id, Event.title, Event.kind, Event.date, Event.place, Event.participants,
        func.coalesce(linked.c.n, 0),
    ).outerjoin(linked, linked.c.event_id == Event.id)
    if date_from is not None:
        statement = statement.where(Event.date >= date_from)
    if date_to is not None:
        statement = statement.where(Event.date <= date_to)
    if project_id is not None:
        statement = statement.where(Event.projects.any(Project.id == project_id))
    if organisation_id is not None:
        statement = statement.where(Event.organisations.any(Organisation.id == organisation_id))
    statement = statement.order_by(Event.date.is_(None), Event.date.desc(), Event.id.desc())
    with ws.reading() as session:
        rows = [EventRow(*r) for r in session.execute(statement)]
    words = fold(search).split()
    if words:
        # Events number in the hundreds: folding in Python keeps accents harmless on both backends.
        rows = [r for r in rows if all(w in fold(f"{r.title} {r.place or ''}") for w in words)]
    return rows


# The events list's sort keys, each evaluated in SQL (undated events and unknown
# participants last either way, the id as tie-breaker).
EVENT_SORTS = ("date", "title", "kind", "place", "participants", "projects")


def _linked_projects():
    return select(func.count()).where(event_project.c.event_id == Event.id).scalar_subquery()


def event_ids(
    ws: Workspace, *, search: str = "", sort: str = "date", descending: bool = True, kind_order: tuple[str, ...] = ()
) -> list[int]:
    """Ids of the events in list order, for a list that reads its rows a window at a
    time (:func:`event_rows`). ``kind_order`` is the kinds' codes in the order of
    their names in the user's language. A search keeps the events whose title or
    place holds every word, accents and case ignored: that compares each event's
    title and place in Python (events have no folded column; the lab holds hundreds)."""
    keys = {
        "date": Event.date,
        "title": func.lower(Event.title),
        "kind": case({code: i for i, code in enumerate(kind_order)}, value=Event.kind, else_=len(kind_order))
        if kind_order else Event.kind,
        "place": func.lower(Event.place),
        "participants": Event.participants,
        "projects": _linked_projects(),
    }
    key = keys.get(sort, Event.date)
    order = key.desc() if descending else key.asc()
    tie = Event.id.desc() if descending else Event.id.asc()
    words = fold(search).split()
    columns = (Event.id, Event.title, Event.place) if words else (Event.id,)
    statement = select(*columns).order_by(order.nulls_last(), tie)
    with ws.reading() as session:
        if not words:
            return list(session.scalars(statement))
        return [ident for ident, title, place in session.execute(statement)
                if all(w in fold(f"{title} {place or ''}") for w in words)]


def event_rows(ws: Workspace, ids: list[int]) -> dict[int, EventRow]:
    """The list's rows for ``ids`` (one window of the list), keyed by id."""
    if not ids:
        return {}
    statement = select(
        Event.id, Event.title, Event.kind, Event.date, Event.place, Event.participants, _linked_projects()
    ).where(Event.id.in_(ids))
    with ws.reading() as session:
        return {r[0]: EventRow(*r) for r in session.execute(statement)}


def event_days(ws: Workspace, year: int, month: int) -> list[date]:
    """The days of a month that have at least one event, each once (what the
    calendar marks): a busy day costs the calendar one mark, not one per event."""
    first = date(year, month, 1)
    last = date(year + (month == 12), month % 12 + 1, 1)
    statement = (select(Event.date).where(Event.date >= first, Event.date < last)
                 .group_by(Event.date).order_by(Event.date))
    with ws.reading() as session:
        return list(session.scalars(statement))


def events_of_project(ws: Workspace, project_id: int) -> list[EventRow]:
    return list_events(ws, project_id=project_id)


def find_projects(ws: Workspace, text: str, limit: int = 50) -> list[LinkedProject]:
    """Projects to link to an event, found by reference or title words."""
    statement = select(Project.id, Project.reference, Project.title, Project.stage).where(
        Project.deleted_at.is_(None)
    )
    words = fold(text).split()
    for word in words:
        statement = statement.where(or_(Project.search_text.contains(word), func.lower(Project.reference).contains(word)))
    statement = statement.order_by(Project.reference).limit(limit)
    with ws.reading() as session:
        return [LinkedProject(*r) for r in session.execute(statement)]


messages.register(
    {
        "what.event": ("Événement", "Event"),
        "what.organisation": ("Organisation", "Organisation"),
        "event.title_required": ("Le titre de l'événement est obligatoire.", "The event's title is required."),
        "event.kind_unknown": ("Type d'événement inconnu : {value}.", "Unknown event kind: {value}."),
        "event.participants_range": (
            "Le nombre de participants doit être compris entre 0 et {limit} (saisi : {value}).",
            "The number of participants must be between 0 and {limit} (entered: {value}).",
        ),
    }
)
