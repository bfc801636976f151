"""Session-level building blocks shared by the use cases that write projects
(editor, stage decisions, import, undo): converting between the stored project and
its ``ProjectFields``, finding organisations and envelopes by name, assigning
references and recording revisions. They take a session and never commit.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from labest_desktop.domain.field_registry import PROJECT_FIELDS, FieldKind
from labest_desktop.domain.fields import ProjectFields, to_snapshot
from labest_desktop.domain.fingerprints import fingerprint
from labest_desktop.domain.models import (
    FundingEnvelope,
    ImportBatch,
    Organisation,
    Project,
    ProjectRevision,
    ReferenceCounter,
    StageDecision,
    utcnow,
)
from labest_desktop.domain.snapshot_json import dump_snapshot
from labest_desktop.domain.text import fold
from labest_desktop.domain.vocab import Stage, Status


def fields_of(project: Project) -> ProjectFields:
    values = {}
    for spec in PROJECT_FIELDS:
        value = project.stored_value(spec)
        if spec.kind is FieldKind.ORGANISATIONS:
            value = sorted(value, key=fold)
        values[spec.key] = _AS_FIELD.get(spec.kind, _same)(value)
    return ProjectFields(**values)


def _same(value: object) -> object:
    return value


_AS_FIELD = {FieldKind.STAGE: Stage, FieldKind.STATUS: Status, FieldKind.ORGANISATIONS: tuple, FieldKind.TAGS: tuple}


def snapshot_of(project: Project) -> dict:
    return to_snapshot(fields_of(project), uid=project.uid, reference=project.reference)


def _named(session: Session, model, name: str, created: list[str] | None):
    """The ``model`` row whose name folds like ``name`` (stored or pending in this
    session), created if there is none; new names are appended to ``created``."""
    key = fold(name)
    found = session.scalar(select(model).where(model.name_key == key))
    if found is None:
        for pending in session.new:
            if isinstance(pending, model) and pending.name_key == key:
                return pending
        found = model(name=name.strip(), name_key=key)
        session.add(found)
        if created is not None:
            created.append(found.name)
    return found


def organisation_named(session: Session, name: str, created: list[str] | None = None) -> Organisation:
    return _named(session, Organisation, name, created)


def envelope_named(session: Session, name: str, created: list[str] | None = None) -> FundingEnvelope:
    return _named(session, FundingEnvelope, name, created)


def assign_fields(
    session: Session,
    project: Project,
    values: ProjectFields,
    *,
    created_organisations: list[str] | None = None,
    created_envelopes: list[str] | None = None,
) -> None:
    """Write checked ``values`` onto ``project`` (stage included: callers that change
    it record the decision themselves)."""
    # No flush half-way: a user action must bump the version counter once.
    with session.no_autoflush:
        _assign(session, project, values, created_organisations, created_envelopes)


def _assign(session, project, values, created_organisations, created_envelopes) -> None:
    for spec in PROJECT_FIELDS:
        value = getattr(values, spec.key)
        if spec.kind is FieldKind.ORGANISATION:
            project.lead = organisation_named(session, value, created_organisations) if value else None
        elif spec.kind is FieldKind.ORGANISATIONS:
            wanted = [organisation_named(session, name, created_organisations) for name in value]
            if {id(o) for o in project.partners} != {id(o) for o in wanted}:
                project.partners = wanted
        elif spec.kind is FieldKind.ENVELOPE:
            project.funding_envelope = envelope_named(session, value, created_envelopes) if value else None
        elif spec.kind is FieldKind.TAGS:
            setattr(project, spec.stored_in, ";".join(value) or None)
        elif spec.kind in (FieldKind.STAGE, FieldKind.STATUS):
            setattr(project, spec.stored_in, str(value))
        else:
            setattr(project, spec.stored_in, value)


def next_reference(session: Session, code: str, year: int) -> str:
    """``CODE-YYYY-NNNN`` with the next number of that office and year.

    The counter row is updated in the caller's transaction (SQLite holds the write
    lock from BEGIN IMMEDIATE; PostgreSQL locks the row), so two offices' agents on
    one server never get the same number. A number already taken (a reference kept
    from another office's file) is skipped.
    """
    counter = session.get(ReferenceCounter, (code, year), with_for_update=True)
    if counter is None:
        # Two first projects of a year on one server both find no counter: the
        # second INSERT waits for the first, then fails on the key. In a savepoint,
        # that failure only means "someone made it": lock theirs and go on.
        try:
            with session.begin_nested():
                session.add(ReferenceCounter(code=code, year=year, last=0))
        except IntegrityError:
            pass
        counter = session.get(ReferenceCounter, (code, year), with_for_update=True, populate_existing=True)
        assert counter is not None
    number = counter.last
    while True:
        number += 1
        reference = f"{code}-{year}-{number:04d}"
        taken = session.scalar(select(func.count()).select_from(Project).where(Project.reference == reference))
        if not taken:
            break
    counter.last = number
    return reference


def record_revision(
    session: Session,
    project: Project,
    *,
    author: str,
    origin: str,
    batch: ImportBatch | None = None,
    when: datetime | None = None,
) -> ProjectRevision:
    """Store the project's current state as its next revision."""
    snapshot = snapshot_of(project)
    if project.id is None:
        number = 1
    else:
        last = session.scalar(
            select(func.max(ProjectRevision.number)).where(ProjectRevision.project_id == project.id)
        )
        number = (last or 0) + 1
    revision = ProjectRevision(
        number=number,
        created_at=when or utcnow(),
        author=author,
        origin=origin,
        snapshot=dump_snapshot(snapshot),
        fingerprint=fingerprint(snapshot),
    )
    if batch is not None:
        revision.import_batch_id = batch.id
    _attach(session, revision, project)
    return revision


def _attach(session: Session, record, project: Project) -> None:
    """Add a revision or decision to ``project`` without reading the ones it has:
    appending to ``project.revisions`` loads the whole collection first (every earlier
    snapshot, read again by each edit, longer for every change the project had).
    Setting the record's side of the link appends only where already loaded."""
    record.project = project
    session.add(record)


def record_decision(
    session: Session,
    project: Project,
    *,
    from_stage: str | None,
    to_stage: str,
    author: str,
    rationale: str,
    batch: ImportBatch | None = None,
    when: datetime | None = None,
) -> StageDecision:
    when = when or utcnow()
    decision = StageDecision(
        from_stage=from_stage,
        to_stage=to_stage,
        decided_at=when,
        decided_by=author,
        rationale=rationale,
        import_batch_id=batch.id if batch is not None else None,
    )
    _attach(session, decision, project)
    project.stage = to_stage
    project.stage_since = when.date()
    return decision


def touch(project: Project, author: str, when: datetime | None = None) -> None:
    project.updated_at = when or utcnow()
    project.updated_by = author
