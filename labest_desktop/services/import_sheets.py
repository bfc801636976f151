"""The ``Événements`` and ``Partenaires`` sheets of an exchange file.

Events are matched by ``Identifiant`` and merged like projects: the base is the
newest version the row names (``Empreinte``, then ``Empreintes antérieures``) that
this office holds among the event's current state and its revisions; a field
changed only in the file is taken, only here is kept, on both sides differently is
a conflict (settled like the others). Linked projects and organisations are merged
as sets: a link added on one side and another removed on the other both land.
Without a base, every field that differs is a conflict. Unknown events are created
with every link, the projects they name included (projects are written first).

Organisations are reference data: a kind or department missing here is filled in
from the file, and nothing stored is overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from labest_desktop.domain.errors import StaleEditError
from labest_desktop.domain.fingerprints import event_fingerprint
from labest_desktop.domain.models import (
    Event,
    EventRevision,
    ImportBatch,
    Organisation,
    Project,
    event_organisation,
    event_project,
    new_uid,
)
from labest_desktop.domain.snapshot_json import load_snapshot
from labest_desktop.domain.text import fold
from labest_desktop.services.event_history import (
    SCALAR_FIELDS,
    SET_FIELDS,
    event_snapshot,
    merge_sets,
    record_event_revision,
)
from labest_desktop.services.import_plan import EVENTS, FieldConflict, crossed_histories

EVENT_FIELDS = SCALAR_FIELDS
_ALL_FIELDS = (*SCALAR_FIELDS, *SET_FIELDS)


@dataclass
class EventMerge:
    """A known event the file changes: its state here, what the file brings, the
    fields taken without conflict."""

    event_id: int
    version: int
    row: int
    title: str
    mine: dict
    taken: dict = field(default_factory=dict)
    theirs: dict = field(default_factory=dict)
    file_print: str | None = None  # the row's fingerprint
    whole: bool = False  # the row has every column
    receipt: bool = False  # the row's print was never received nor held here


@dataclass
class SheetPlan:
    new_events: list[dict] = field(default_factory=list)  # snapshots (+ uid, _row, _print)
    merges: dict[int, EventMerge] = field(default_factory=dict)
    conflicts: list[FieldConflict] = field(default_factory=list)  # one per differing field
    new_organisations: list[dict] = field(default_factory=list)
    filled_organisations: list[tuple[int, dict]] = field(default_factory=list)

    def has_writes(self, taken: dict[int, set[str]]) -> bool:
        return bool(
            self.new_events or self.new_organisations or self.filled_organisations or taken
            or any(m.taken or m.receipt for m in self.merges.values())
        )


def _file_snapshot(values: dict, uids: Callable[[str], str | None], names: dict[str, str]) -> dict:
    """An ``Événements`` row as an event snapshot (only the columns the file has)."""
    snapshot: dict = {}
    for key in _ALL_FIELDS:
        if key not in values:
            continue
        value = values[key]
        if key == "date":
            value = value.isoformat() if isinstance(value, date) else value
        elif key == "kind":
            value = str(value) if value is not None else None
        elif key == "projects":
            value = sorted({uid for ref in value or [] if (uid := uids(ref))})
        elif key == "organisations":
            spelled = {fold(n): names.get(fold(n), n) for n in value or []}
            value = sorted(spelled.values(), key=fold)
        snapshot[key] = value
    return snapshot


def plan_sheets(session: Session, event_records, partner_records, file_uids: dict[str, str] | None = None) -> SheetPlan:
    """Plan the events and organisations of a file. ``file_uids`` maps the file's
    project references to identifiers (from its ``Projets`` sheet): an event names
    its projects by the references of the office that wrote the file."""
    plan = SheetPlan()
    file_uids = file_uids or {}
    local: dict[str, str] | None = None

    def uid_of(reference: str) -> str | None:
        nonlocal local
        if reference in file_uids:
            return file_uids[reference]
        if local is None:
            local = dict(session.execute(select(Project.reference, Project.uid)).all())
        return local.get(reference)

    names = dict(session.execute(select(Organisation.name_key, Organisation.name)).all())
    events = {e.uid: e for e in session.scalars(select(Event))} if event_records else {}
    references: dict[str, str] | None = None
    for record in event_records:
        values = record.values
        theirs = _file_snapshot(values, uid_of, names)
        whole = all(k in values for k in _ALL_FIELDS)
        event = events.get(values.get("uid")) if values.get("uid") else None
        if event is None:
            plan.new_events.append({
                **theirs, "uid": values.get("uid"), "_row": record.row, "_print": values.get("fingerprint"),
                "_whole": whole,
            })
            continue
        mine = event_snapshot(session, event)
        changes = {k: v for k, v in theirs.items() if not _same(k, mine.get(k), v)}
        if not changes:
            continue
        merge = EventMerge(
            event.id, event.version, record.row, event.title, mine, theirs=theirs,
            file_print=values.get("fingerprint"), whole=whole,
        )
        base, merge.receipt = _base(session, event.id, mine, _lineage(values), values.get("fingerprint"))
        for key, value in changes.items():
            if base is not None:
                if key in SET_FIELDS:
                    merged = merge_sets(base.get(key) or [], mine.get(key) or [], value or [], _set_key(key))
                    if not _same(key, merged, mine.get(key)):
                        merge.taken[key] = sorted(merged, key=_set_key(key))
                    continue
                if value == base.get(key):
                    continue  # changed only here: kept
                if mine.get(key) == base.get(key):
                    merge.taken[key] = value  # changed only in the file: taken
                    continue
            if references is None:
                references = {u: r for r, u in session.execute(select(Project.reference, Project.uid)).all()}
            plan.conflicts.append(
                FieldConflict(
                    record.row, event.uid, key, _shown(key, base.get(key) if base else None, references),
                    _shown(key, mine.get(key), references), _shown(key, value, references), None,
                    sheet=EVENTS, event_id=event.id, title=event.title,
                )
            )
        plan.merges[event.id] = merge
    organisations = {o.name_key: o for o in session.scalars(select(Organisation))} if partner_records else {}
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


def _set_key(key: str):
    return fold if key == "organisations" else (lambda x: x)


def _same(key: str, a, b) -> bool:
    if key in SET_FIELDS:
        k = _set_key(key)
        return sorted(k(x) for x in a or []) == sorted(k(x) for x in b or [])
    return a == b


def _lineage(values: dict) -> list[str]:
    found = [values["fingerprint"]] if values.get("fingerprint") else []
    found.extend(p for p in values.get("ancestry") or [] if p not in found)
    return found


def _base(session: Session, event_id: int, mine: dict, prints: list[str], own: str | None) -> tuple[dict | None, bool]:
    """The newest version named by the row that this office holds (or ``None``), and
    whether the row's own print is new here (neither held nor received)."""
    if not prints:
        return None, False
    held = {event_fingerprint(mine): mine}
    received: set[str] = set()
    for stored, got, text in session.execute(
        select(EventRevision.fingerprint, EventRevision.received_fingerprint, EventRevision.snapshot).where(
            EventRevision.event_id == event_id
        )
    ):
        snapshot = load_snapshot(text)
        held.setdefault(stored, snapshot)
        held.setdefault(event_fingerprint(snapshot), snapshot)
        received.add(got)
    found = next((p for p in prints if p in held), None)
    crossed = crossed_histories(found, prints, (event_fingerprint(mine),)) if found is not None else False
    base = held[found] if found is not None and not crossed else None
    return base, bool(own) and own not in held and own not in received


def _shown(key: str, value, references: dict[str, str]):
    """A value as the person settling a conflict reads it (projects by reference)."""
    if key == "projects" and value is not None:
        return sorted(references.get(uid, uid) for uid in value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def settled_values(plan: SheetPlan, taken: dict[int, set[str]]) -> dict[int, dict]:
    """Per known event, the fields to write: those taken without conflict and those
    of conflicts settled for the file (``taken``: event id -> fields)."""
    writes: dict[int, dict] = {}
    for event_id, merge in plan.merges.items():
        values = dict(merge.taken)
        for key in taken.get(event_id, ()):
            values[key] = merge.theirs.get(key)
        if values:
            writes[event_id] = values
    return writes


def apply_organisations(session: Session, plan: SheetPlan, organisation_id: Callable[..., int]) -> None:
    """The ``Partenaires`` sheet: new organisations (kind and department kept) and
    missing kinds or departments filled in. Written before projects name them."""
    for values in plan.new_organisations:
        organisation_id(values["name"], str(values["kind"]) if values.get("kind") else None, values.get("department"))
    for org_id, values in plan.filled_organisations:
        org = session.get(Organisation, org_id)
        if values.get("kind") and not org.kind:
            org.kind = str(values["kind"])
        if values.get("department") and not org.department:
            org.department = values["department"]


def apply_events(
    session: Session,
    plan: SheetPlan,
    *,
    taken: dict[int, set[str]],
    organisation_id: Callable[..., int],
    now: datetime,
    batch: ImportBatch,
    author: str,
) -> tuple[int, int]:
    """Write the events, after the projects (so new projects are linked); returns
    (events created, events updated)."""
    writes = settled_values(plan, taken)
    wanted_uids = {u for e in plan.new_events for u in e.get("projects") or []}
    wanted_uids |= {u for values in writes.values() for u in values.get("projects") or []}
    project_ids: dict[str, int] = {}
    uid_list = sorted(wanted_uids)
    for start in range(0, len(uid_list), 900):
        chunk = uid_list[start : start + 900]
        project_ids.update(session.execute(select(Project.uid, Project.id).where(Project.uid.in_(chunk))).all())
    for values in plan.new_events:
        event = Event(uid=values.get("uid") or new_uid(), title=values["title"], kind=values.get("kind") or "workshop",
                      version=1)
        session.add(event)
        _fill(session, event, values, project_ids, organisation_id, now)
        print_ = values.get("_print")
        record_event_revision(
            session, event, author=author, origin="import", batch_id=batch.id,
            print_=print_ if values.get("_whole") else None, received=print_, when=now,
        )
    receipts = [i for i, m in plan.merges.items() if m.receipt and i not in writes]
    events = {event_id: session.get(Event, event_id, with_for_update=True) for event_id in [*writes, *receipts]}
    stale = sorted(e.title if e else str(i) for i, e in events.items() if e is None or e.version != plan.merges[i].version)
    if stale:  # changed here since the file was read: never overwritten unseen
        raise StaleEditError("import.stale", references=", ".join(stale[:10]), count=len(stale))
    for event_id, values in writes.items():
        merge = plan.merges[event_id]
        _fill(session, events[event_id], values, project_ids, organisation_id, now)
        final = {**merge.mine, **values}
        whole = merge.whole and all(_same(k, final.get(k), merge.theirs.get(k)) for k in _ALL_FIELDS)
        record_event_revision(
            session, events[event_id], author=author, origin="import", batch_id=batch.id,
            print_=merge.file_print if whole else None, received=merge.file_print, when=now,
        )
    for event_id in receipts:  # nothing changes here: the row's print is recorded as received
        record_event_revision(
            session, events[event_id], author=author, origin="import", batch_id=batch.id,
            received=plan.merges[event_id].file_print, when=now,
        )
    return len(plan.new_events), len(writes)


def _fill(session, event: Event, values: dict, project_ids: dict[str, int], organisation_id, now: datetime) -> None:
    for key in SCALAR_FIELDS:
        # A blank title or kind cannot empty a required field; other blanks clear.
        if key in values and not (key in ("title", "kind") and values[key] is None):
            value = values[key]
            if key == "date":
                value = date.fromisoformat(value) if value else None
            setattr(event, key, value)
    if not event.kind:
        event.kind = "workshop"
    event.updated_at = now
    session.flush()
    if "projects" in values:
        wanted = sorted({project_ids[u] for u in values["projects"] or [] if u in project_ids})
        session.execute(delete(event_project).where(event_project.c.event_id == event.id))
        if wanted:
            session.execute(insert(event_project), [{"event_id": event.id, "project_id": p} for p in wanted])
    if "organisations" in values:
        wanted = sorted({o for n in values["organisations"] or [] if (o := organisation_id(n)) is not None})
        session.execute(delete(event_organisation).where(event_organisation.c.event_id == event.id))
        if wanted:
            session.execute(insert(event_organisation), [{"event_id": event.id, "organisation_id": o} for o in wanted])


# --- undo ----------------------------------------------------------------------------


def _batch_event_revisions(session: Session, batch: ImportBatch) -> list[tuple[EventRevision, int | None]]:
    """The batch's event revisions with each event's latest revision number."""
    revisions = session.scalars(
        select(EventRevision).where(EventRevision.import_batch_id == batch.id).order_by(EventRevision.id)
    ).all()
    latest: dict[int, int] = {}
    for revision in session.scalars(
        select(EventRevision).where(EventRevision.event_id.in_({r.event_id for r in revisions}))
    ):
        latest[revision.event_id] = max(latest.get(revision.event_id, 0), revision.number)
    return [(r, latest.get(r.event_id)) for r in revisions]


def events_changed_since(session: Session, batch: ImportBatch) -> list[str]:
    """Titles of events the import changed (not created) that changed again since:
    undoing would overwrite that change, so the undo is refused."""
    changed = []
    for revision, latest in _batch_event_revisions(session, batch):
        if revision.number > 1 and latest != revision.number:
            event = session.get(Event, revision.event_id)
            changed.append(event.title if event else str(revision.event_id))
    return changed


def _named_in(names: dict[str, int]) -> Callable[..., int | None]:
    """The id of an organisation by name, ``None`` for one no longer here."""
    return lambda name, *_: names.get(fold(name))


def undo_event_changes(session: Session, batch: ImportBatch, author: str) -> tuple[int, int]:
    """Put back the events the import changed and remove those it created (unless
    changed since: then kept). Returns (restored, removed)."""
    restored = removed = 0
    names: dict[str, int] | None = None
    for revision, latest in _batch_event_revisions(session, batch):
        event = session.get(Event, revision.event_id)
        if event is None:
            continue
        if revision.number == 1:
            if latest == 1:
                session.delete(event)
                removed += 1
            continue
        previous = session.scalar(
            select(EventRevision.snapshot).where(
                EventRevision.event_id == event.id, EventRevision.number == revision.number - 1
            )
        )
        snapshot = load_snapshot(previous)
        if names is None:
            names = dict(session.execute(select(Organisation.name_key, Organisation.id)).all())
        project_ids = dict(
            session.execute(select(Project.uid, Project.id).where(Project.uid.in_(snapshot.get("projects") or []))).all()
        )
        _fill(session, event, snapshot, project_ids, _named_in(names), event.updated_at)
        record_event_revision(session, event, author=author, origin="undo")
        restored += 1
    return restored, removed
