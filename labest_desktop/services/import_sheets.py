"""The ``Événements`` and ``Partenaires`` sheets of an exchange file.

Events are matched by ``Identifiant`` and organisations by name (case and accents
ignored). Unknown ones are created. Events keep no revision history here, so for a
known event there is no base telling which side changed a field: differences are
listed in the report and taken from the file only when conflicts are settled
"theirs". Organisations are reference data: a kind or department missing here is
filled in from the file, and nothing stored is overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, selectinload

from labest_desktop.domain.models import (
    Event,
    Organisation,
    Project,
    event_organisation,
    event_project,
    new_uid,
)
from labest_desktop.domain.text import fold

EVENT_FIELDS = ("title", "kind", "date", "place", "participants", "description")


@dataclass
class SheetPlan:
    new_events: list[dict] = field(default_factory=list)
    changed_events: list[tuple[int, dict, list[str]]] = field(default_factory=list)  # id, values, fields
    new_organisations: list[dict] = field(default_factory=list)
    filled_organisations: list[tuple[int, dict]] = field(default_factory=list)

    def differences(self) -> list[dict]:
        return [
            {"row": values.get("_row"), "event": values.get("uid"), "title": values.get("title"), "fields": fields}
            for _, values, fields in self.changed_events
        ]

    def has_writes(self, take_theirs: bool) -> bool:
        return bool(
            self.new_events or self.new_organisations or self.filled_organisations
            or (take_theirs and self.changed_events)
        )


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
        differing = [k for k in EVENT_FIELDS if k in values and getattr(event, k) != _value(values, k)]
        if "projects" in values and sorted(p.reference for p in event.projects) != sorted(values["projects"] or []):
            differing.append("projects")
        if "organisations" in values and sorted(fold(o.name) for o in event.organisations) != sorted(
            fold(n) for n in values["organisations"] or []
        ):
            differing.append("organisations")
        if differing:
            plan.changed_events.append((event.id, values, differing))
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


def _value(values: dict, key: str):
    value = values.get(key)
    return str(value) if key == "kind" and value is not None else value


def apply_sheets(
    session: Session,
    plan: SheetPlan,
    *,
    take_theirs: bool,
    organisation_id: Callable[..., int],
    now: datetime,
) -> tuple[int, int]:
    """Write the plan; returns (events created, events updated)."""
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
    updated = 0
    if take_theirs:
        for event_id, values, _fields in plan.changed_events:
            _fill(session, session.get(Event, event_id), values, references, organisation_id, now)
            updated += 1
    return len(plan.new_events), updated


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
