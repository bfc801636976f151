"""Snapshots of many projects at once, built from a handful of set-based queries.

Exports and imports of 100,000 projects cannot afford the ORM's per-object loading;
these functions read plain rows and build exactly what
:func:`labest_desktop.services.project_store.snapshot_of` builds for one project
(a test keeps the two equal).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from labest_desktop.domain.fields import CENT
from labest_desktop.domain.models import FundingEnvelope, Organisation, Project, project_partner
from labest_desktop.domain.text import fold
from labest_desktop.storage.search import search_text, sort_key

CHUNK = 900  # ids per IN (...) list: under SQLite's 999 bound parameters of old builds


@dataclass(frozen=True, slots=True)
class StoredProject:
    id: int
    uid: str
    reference: str
    version: int
    updated_at: datetime
    deleted: bool
    snapshot: dict


def chunks(ids: list[int], size: int = CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def organisation_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Organisation.id, Organisation.name)).all())


def envelope_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(FundingEnvelope.id, FundingEnvelope.name)).all())


def load_projects(session: Session, ids: Iterable[int] | None = None) -> Iterator[StoredProject]:
    """Stored projects (all, or ``ids``) with their snapshots, in chunks of ids."""
    orgs = organisation_names(session)
    envelopes = envelope_names(session)
    if ids is None:
        ids = list(session.scalars(select(Project.id).order_by(Project.id)))
    else:
        ids = list(ids)
    columns = (
        Project.id,
        Project.uid,
        Project.reference,
        Project.version,
        Project.updated_at,
        Project.deleted_at,
        Project.title,
        Project.stage,
        Project.status,
        Project.lead_id,
        Project.tags,
        Project.department,
        Project.contact,
        Project.start_date,
        Project.end_date,
        Project.budget,
        Project.funding_envelope_id,
        Project.users_involved,
        Project.agents_involved,
        Project.description,
    )
    for chunk in chunks(ids):
        partners: dict[int, list[str]] = defaultdict(list)
        for project_id, org_id in session.execute(
            select(project_partner.c.project_id, project_partner.c.organisation_id).where(
                project_partner.c.project_id.in_(chunk)
            )
        ):
            partners[project_id].append(orgs[org_id])
        rows = {row[0]: row for row in session.execute(select(*columns).where(Project.id.in_(chunk)))}
        for project_id in chunk:
            row = rows.get(project_id)
            if row is None:
                continue
            (pid, uid, reference, version, updated_at, deleted_at, title, stage, status, lead_id, tags,
             department, contact, start, end, budget, envelope_id, users, agents, description) = row
            snapshot = {
                "reference": reference,
                "title": title,
                "stage": stage,
                "status": status,
                "lead": orgs.get(lead_id) if lead_id is not None else None,
                "partners": sorted(partners.get(pid, []), key=fold),
                "tags": [t for t in (tags or "").split(";") if t],
                "department": department,
                "contact": contact,
                "start_date": start.isoformat() if start else None,
                "end_date": end.isoformat() if end else None,
                "budget": format(budget.quantize(CENT), "f") if budget is not None else None,
                "funding": envelopes.get(envelope_id) if envelope_id is not None else None,
                "users_involved": users,
                "agents_involved": agents,
                "description": description,
                "uid": uid,
            }
            yield StoredProject(pid, uid, reference, version, updated_at, deleted_at is not None, snapshot)


def column_values(
    snapshot: dict, organisation_ids: dict[str, int], envelope_ids: dict[str, int], *, with_search: bool = True
) -> dict:
    """The ``project`` table's editable columns for a snapshot (names resolved to ids
    through maps keyed by folded name) with their sort keys, and its search text
    unless told otherwise."""
    lead = snapshot.get("lead")
    funding = snapshot.get("funding")
    tags = ";".join(snapshot.get("tags") or []) or None
    values = {
        "title": snapshot["title"],
        "title_key": sort_key(snapshot["title"]) or "",
        "stage": snapshot["stage"],
        "status": snapshot["status"],
        "lead_id": organisation_ids[fold(lead)] if lead else None,
        "tags": tags,
        "department": snapshot.get("department"),
        "contact": snapshot.get("contact"),
        "contact_key": sort_key(snapshot.get("contact")),
        "start_date": date.fromisoformat(snapshot["start_date"]) if snapshot.get("start_date") else None,
        "end_date": date.fromisoformat(snapshot["end_date"]) if snapshot.get("end_date") else None,
        "budget": Decimal(snapshot["budget"]) if snapshot.get("budget") is not None else None,
        "funding_envelope_id": envelope_ids[fold(funding)] if funding else None,
        "users_involved": snapshot.get("users_involved"),
        "agents_involved": snapshot.get("agents_involved"),
        "description": snapshot.get("description"),
    }
    if with_search:
        values["search_text"] = search_text(
            title=snapshot["title"],
            description=snapshot.get("description"),
            tags=tags,
            reference=snapshot.get("reference"),
            contact=snapshot.get("contact"),
            organisations=[n for n in [lead, *(snapshot.get("partners") or [])] if n],
        )
    return values
