"""Revisions of events, as projects have: the merge base of an ``Événements`` row and
what undoing an import puts back.

An event's snapshot names its fields as the exchange sheet does, with two
differences that make it the same in every office: linked projects are listed by
identifier (``uid``), not by the reference each office gives them, and
organisations by name in folded order. Its fingerprint is
:func:`labest_desktop.domain.fingerprints.event_fingerprint`.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labest_desktop.domain.fingerprints import event_fingerprint
from labest_desktop.domain.models import (
    Event,
    EventRevision,
    Organisation,
    Project,
    event_organisation,
    event_project,
    utcnow,
)
from labest_desktop.domain.snapshot_json import dump_snapshot
from labest_desktop.domain.text import fold

SCALAR_FIELDS = ("title", "kind", "date", "place", "participants", "description")
SET_FIELDS = ("projects", "organisations")


def event_snapshot(session: Session, event: Event) -> dict:
    """The event's fields as stored here (projects by uid, sorted; organisations
    by name, in folded order). Links to projects deleted here are left out, as the
    export leaves them out of the ``Projets`` column: the fingerprint is that of
    the row as written."""
    connection = session.connection()
    uids = connection.execute(
        select(Project.uid).join(event_project, event_project.c.project_id == Project.id)
        .where(event_project.c.event_id == event.id, Project.deleted_at.is_(None))
    ).scalars().all()
    names = connection.execute(
        select(Organisation.name).join(event_organisation, event_organisation.c.organisation_id == Organisation.id)
        .where(event_organisation.c.event_id == event.id)
    ).scalars().all()
    return {
        "title": event.title,
        "kind": str(event.kind) if event.kind else None,
        "date": event.date.isoformat() if event.date else None,
        "place": event.place,
        "participants": event.participants,
        "projects": sorted(uids),
        "organisations": sorted(names, key=fold),
        "description": event.description,
    }


def record_event_revision(
    session: Session,
    event: Event,
    *,
    author: str,
    origin: str,
    batch_id: int | None = None,
    print_: str | None = None,
    received: str | None = None,
    when=None,
) -> EventRevision:
    """Store the event's current state as its next revision (``print_``: the file
    row's fingerprint when an import took the row whole; ``received``: the print of
    a row it merged otherwise)."""
    session.flush()
    snapshot = event_snapshot(session, event)
    last = session.scalar(select(func.max(EventRevision.number)).where(EventRevision.event_id == event.id))
    revision = EventRevision(
        event_id=event.id,
        number=(last or 0) + 1,
        created_at=when or utcnow(),
        author=author,
        origin=origin,
        import_batch_id=batch_id,
        snapshot=dump_snapshot(snapshot),
        fingerprint=print_ or event_fingerprint(snapshot),
    )
    revision.received_fingerprint = received if received != revision.fingerprint else None
    session.add(revision)
    return revision


def event_prints(session: Session, depth: int) -> dict[int, list[str]]:
    """Stored fingerprints of every event's revisions, newest first, each once."""
    prints: dict[int, list[str]] = {}
    statement = select(EventRevision.event_id, EventRevision.fingerprint, EventRevision.received_fingerprint).order_by(
        EventRevision.event_id, EventRevision.number.desc()
    )
    for event_id, print_, received in session.execute(statement):
        found = prints.setdefault(event_id, [])
        for known in (print_, received):
            if known is not None and len(found) < depth and known not in found:
                found.append(known)
    return prints


def merge_sets(base: list | None, mine: list, theirs: list, key=lambda x: x) -> list | None:
    """Three-way merge of two sets: what either side added since the base is in,
    what either side removed is out (never a conflict). ``None`` without a base."""
    if base is None:
        return None
    base_keys = {key(x) for x in base}
    mine_keys = {key(x) for x in mine}
    theirs_keys = {key(x) for x in theirs}
    merged: dict = {}
    for item in [*mine, *theirs]:
        k = key(item)
        if k in merged:
            continue
        if (k in mine_keys and k in theirs_keys) or k not in base_keys:
            merged[k] = item
    return list(merged.values())
