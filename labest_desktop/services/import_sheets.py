"""The ``Événements`` and ``Partenaires`` sheets of an exchange file.

Events are matched by ``Identifiant`` and organisations by name (case and accents
ignored). Unknown ones are created. Events keep no revision history here, so a
known event has no base telling which side changed a field: as for a project row
without a base, every field that differs is a conflict, settled like the others
(field by field in the window, ``--on-conflict mine|theirs`` on the command line;
unsettled, it stops the import). Organisations are reference data: a kind or
department missing here is filled in from the file, and nothing stored is
overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, selectinload

from labest_desktop.domain.errors import StaleEditError
from labest_desktop.domain.models import (
    Event,
    Organisation,
    Project,
    event_organisation,
    event_project,
    new_uid,
)
from labest_desktop.domain.text import fold
from labest_desktop.services.import_plan import EVENTS, FieldConflict

EVENT_FIELDS = ("title", "kind", "date", "place", "participants", "description")


@dataclass
class SheetPlan:
    new_events: list[dict] = field(default_factory=list)
    changed_events: dict[int, dict] = field(default_factory=dict)  # event id -> the row's values
    event_versions: dict[int, int] = field(default_factory=dict)  # event id -> version when read
    conflicts: list[FieldConflict] = field(default_factory=list)  # one per differing field
    new_organisations: list[dict] = field(default_factory=list)
    filled_organisations: list[tuple[int, dict]] = field(default_factory=list)

    def has_writes(self, taken: dict[int, set[str]]) -> bool:
        return bool(self.new_events or self.new_organisations or self.filled_organisations or taken)


def plan_sheets(session: Session, event_records, partner_records) -> SheetPlan:
    plan = SheetPlan()
    events = {
        e.uid: e
        for e in session.scalars(select(Event).options(selectinload(Event.projects), selectinload(Event.organisations)))
    }
    for record in event_records:
        values = dict(record.values, _row=record.row)
        event = events.get(values.get("uid")) if values.get("uid") else None
        if event is None:
            plan.new_events.append(values)
            continue
        mine = _stored(event)
        differing = [k for k in EVENT_FIELDS if k in values and getattr(event, k) != _value(values, k)]
        if "projects" in values and sorted(mine["projects"]) != sorted(values["projects"] or []):
            differing.append("projects")
        if "organisations" in values and sorted(fold(n) for n in mine["organisations"]) != sorted(
            fold(n) for n in values["organisations"] or []
        ):
            differing.append("organisations")
        if differing:
            plan.changed_events[event.id] = values
            plan.event_versions[event.id] = event.version
            plan.conflicts.extend(
                FieldConflict(
                    values["_row"], event.uid, key, None, mine[key], _shown(values.get(key)), None,
                    sheet=EVENTS, event_id=event.id, title=event.title,
                )
                for key in differing
            )
    organisations = {o.name_key: o for o in session.scalars(select(Organisation))}
    seen: set[str] = set()
    for record in partner_records:
        values = record.values
        name = values.get("name")
        key = fold(name or "")
        if not key or key in seen:
            continue
        seen.add(key)
        org = organisations.get(key)
        if org is None:
            plan.new_organisations.append(values)
        elif (values.get("kind") and not org.kind) or (values.get("department") and not org.department):
            plan.filled_organisations.append((org.id, values))
    return plan


def _stored(event: Event) -> dict:
    """An event's fields as the file spells them (dates as ISO text)."""
    found = {key: getattr(event, key) for key in EVENT_FIELDS}
    found["date"] = event.date.isoformat() if event.date else None
    found["projects"] = sorted(p.reference for p in event.projects)
    found["organisations"] = sorted((o.name for o in event.organisations), key=fold)
    return found


def _shown(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return list(value)
    return str(value) if value is not None and not isinstance(value, str | int) else value


def _value(values: dict, key: str):
    value = values.get(key)
    return str(value) if key == "kind" and value is not None else value


def apply_sheets(
    session: Session,
    plan: SheetPlan,
    *,
    taken: dict[int, set[str]],
    organisation_id: Callable[..., int],
    now: datetime,
) -> tuple[int, int]:
    """Write the plan, taking from the file the fields of known events named in
    ``taken`` (event id -> fields); returns (events created, events updated)."""
    for values in plan.new_organisations:
        organisation_id(values["name"], str(values["kind"]) if values.get("kind") else None, values.get("department"))
    for org_id, values in plan.filled_organisations:
        org = session.get(Organisation, org_id)
        if values.get("kind") and not org.kind:
            org.kind = str(values["kind"])
        if values.get("department") and not org.department:
            org.department = values["department"]
    references = dict(session.execute(select(Project.reference, Project.id)).all())
    for values in plan.new_events:
        event = Event(uid=values.get("uid") or new_uid(), title=values["title"], kind="workshop", version=1)
        session.add(event)
        _fill(session, event, values, references, organisation_id, now)
    events = {event_id: session.get(Event, event_id, with_for_update=True) for event_id in taken}
    stale = sorted(e.title for i, e in events.items() if e is None or e.version != plan.event_versions[i])
    if stale:  # changed here since the file was read: never overwritten unseen
        raise StaleEditError("import.stale", references=", ".join(stale[:10]), count=len(stale))
    for event_id, fields in taken.items():
        values = plan.changed_events[event_id]
        _fill(session, events[event_id], {k: values[k] for k in fields}, references, organisation_id, now)
    return len(plan.new_events), len(taken)


def _fill(session, event: Event, values: dict, references: dict, organisation_id, now: datetime) -> None:
    for key in EVENT_FIELDS:
        # A blank title or kind cannot empty a required field; other blanks clear.
        if key in values and not (key in ("title", "kind") and values[key] is None):
            setattr(event, key, _value(values, key))
    if not event.kind:
        event.kind = "workshop"
    event.updated_at = now
    session.flush()
    if "projects" in values:
        wanted = sorted({references[r] for r in values["projects"] or [] if r in references})
        session.execute(delete(event_project).where(event_project.c.event_id == event.id))
        if wanted:
            session.execute(insert(event_project), [{"event_id": event.id, "project_id": p} for p in wanted])
    if "organisations" in values:
        wanted = sorted({organisation_id(n) for n in values["organisations"] or []})
        session.execute(delete(event_organisation).where(event_organisation.c.event_id == event.id))
        if wanted:
            session.execute(insert(event_organisation), [{"event_id": event.id, "organisation_id": o} for o in wanted])
