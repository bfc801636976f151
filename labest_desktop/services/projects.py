"""Use cases on one project: create, edit, change stage, delete and restore, notes,
history. Each is one transaction and leaves a revision behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from labest_desktop import messages
from labest_desktop.domain.errors import NotFoundError, StaleEditError, ValidationError
from labest_desktop.domain.fields import ProjectFields, changed_keys, check
from labest_desktop.domain.models import (
    ImportBatch,
    Note,
    Project,
    ProjectRevision,
    StageDecision,
    new_uid,
    utcnow,
)
from labest_desktop.domain.snapshot_json import load_snapshot
from labest_desktop.domain.vocab import Stage
from labest_desktop.services import office
from labest_desktop.services.project_store import (
    assign_fields,
    fields_of,
    next_reference,
    record_decision,
    record_revision,
    touch,
)
from labest_desktop.services.workspace import Workspace

RATIONALE_MAX = 5_000


@dataclass(frozen=True)
class ProjectView:
    id: int
    uid: str
    reference: str
    version: int
    fields: ProjectFields
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    stage_since: date | None
    deleted: bool


@dataclass(frozen=True)
class RevisionView:
    number: int
    created_at: datetime
    author: str
    origin: str
    import_file: str | None
    changes: list[tuple[str, object, object]]  # (field, old, new)
    fingerprint: str


@dataclass(frozen=True)
class DecisionView:
    from_stage: str | None
    to_stage: str
    decided_at: datetime
    decided_by: str
    rationale: str


@dataclass(frozen=True)
class NoteView:
    id: int
    created_at: datetime
    author: str
    text: str


def view_of(project: Project) -> ProjectView:
    return ProjectView(
        id=project.id,
        uid=project.uid,
        reference=project.reference,
        version=project.version,
        fields=fields_of(project),
        created_at=project.created_at,
        created_by=project.created_by,
        updated_at=project.updated_at,
        updated_by=project.updated_by,
        stage_since=project.stage_since,
        deleted=project.deleted_at is not None,
    )


def load(session: Session, project_id: int) -> Project:
    project = session.scalar(
        select(Project)
        .where(Project.id == project_id)
        .options(selectinload(Project.partners), selectinload(Project.lead), selectinload(Project.funding_envelope))
    )
    if project is None:
        raise NotFoundError(what=messages.text("what.project"), ident=project_id)
    return project


def _check_version(project: Project, expected_version: int | None) -> None:
    if expected_version is not None and project.version != expected_version:
        raise StaleEditError(title=project.title, expected=expected_version, actual=project.version)


def create_project(ws: Workspace, values: ProjectFields, *, rationale: str | None = None) -> ProjectView:
    values = check(values)
    with ws.unit_of_work() as uow:
        session = uow.session
        now = utcnow()
        code = office.get_setting(session, office.OFFICE_CODE)
        project = Project(
            uid=new_uid(),
            reference=next_reference(session, code, now.year),
            created_at=now,
            created_by=ws.author,
        )
        touch(project, ws.author, now)
        session.add(project)
        assign_fields(session, project, values)
        record_decision(
            session,
            project,
            from_stage=None,
            to_stage=str(values.stage),
            author=ws.author,
            rationale=rationale or messages.text("decision.created"),
            when=now,
        )
        record_revision(session, project, author=ws.author, origin="create", when=now)
        uow.commit()
        return view_of(project)


def update_project(ws: Workspace, project_id: int, values: ProjectFields, expected_version: int) -> ProjectView:
    """Save an edit made from the version the user opened; a project changed since is
    refused with ``StaleEditError`` (never a silent lost update)."""
    values = check(values)
    with ws.unit_of_work() as uow:
        project = load(uow.session, project_id)
        _check_version(project, expected_version)
        if str(values.stage) != project.stage:
            raise ValidationError("stage", "rule.stage_by_decision")
        before = fields_of(project)
        if before == values:
            return view_of(project)
        assign_fields(uow.session, project, values)
        touch(project, ws.author)
        record_revision(uow.session, project, author=ws.author, origin="edit")
        uow.commit()
        return view_of(project)


def overwrite_project(ws: Workspace, project_id: int, values: ProjectFields, seen_version: int) -> ProjectView:
    """Save ``values`` over the version the user was shown as changed elsewhere and
    chose to overwrite; a change made after it was shown is refused as stale, like
    any other (overwriting what nobody saw would lose it)."""
    return update_project(ws, project_id, values, seen_version)


def change_stage(
    ws: Workspace, project_id: int, to_stage: Stage, rationale: str, expected_version: int | None = None
) -> ProjectView:
    rationale = (rationale or "").strip()
    if not rationale:
        raise ValidationError("rationale", "rule.rationale_required")
    if len(rationale) > RATIONALE_MAX:
        raise ValidationError("rationale", "rule.too_long", limit=RATIONALE_MAX, length=len(rationale))
    to_stage = Stage(to_stage)
    with ws.unit_of_work() as uow:
        project = load(uow.session, project_id)
        _check_version(project, expected_version)
        if project.stage == str(to_stage):
            raise ValidationError("stage", "rule.stage_same", stage=messages.text(f"stage.{to_stage}"))
        record_decision(
            uow.session, project, from_stage=project.stage, to_stage=str(to_stage), author=ws.author, rationale=rationale
        )
        touch(project, ws.author)
        record_revision(uow.session, project, author=ws.author, origin="stage")
        uow.commit()
        return view_of(project)


def set_deleted(ws: Workspace, project_id: int, deleted: bool, expected_version: int | None = None) -> ProjectView:
    """Delete (hide from every list and export) or bring back a project; its history
    and decisions are kept, so a deletion can always be undone."""
    with ws.unit_of_work() as uow:
        project = load(uow.session, project_id)
        _check_version(project, expected_version)
        if (project.deleted_at is not None) == deleted:
            return view_of(project)
        project.deleted_at = utcnow() if deleted else None
        touch(project, ws.author)
        record_revision(uow.session, project, author=ws.author, origin="delete" if deleted else "restore")
        uow.commit()
        return view_of(project)


def get_project(ws: Workspace, project_id: int) -> ProjectView:
    with ws.reading() as session:
        return view_of(load(session, project_id))


def find_by_reference(ws: Workspace, reference: str) -> ProjectView:
    with ws.reading() as session:
        project_id = session.scalar(select(Project.id).where(Project.reference == reference.strip()))
        if project_id is None:
            raise NotFoundError(what=messages.text("what.project"), ident=reference)
        return view_of(load(session, project_id))


def history(ws: Workspace, project_id: int) -> list[RevisionView]:
    """Every revision, oldest first, with each field's old and new value."""
    with ws.reading() as session:
        rows = session.execute(
            select(ProjectRevision, ImportBatch.file_name)
            .outerjoin(ImportBatch, ImportBatch.id == ProjectRevision.import_batch_id)
            .where(ProjectRevision.project_id == project_id)
            .order_by(ProjectRevision.number)
        ).all()
    views: list[RevisionView] = []
    previous: dict = {}
    for revision, file_name in rows:
        snapshot = load_snapshot(revision.snapshot)
        keys = changed_keys(previous, snapshot) if previous else []
        views.append(
            RevisionView(
                number=revision.number,
                created_at=revision.created_at,
                author=revision.author,
                origin=revision.origin,
                import_file=file_name,
                changes=[(k, previous.get(k), snapshot.get(k)) for k in keys],
                fingerprint=revision.fingerprint,
            )
        )
        previous = snapshot
    return views


def decisions(ws: Workspace, project_id: int) -> list[DecisionView]:
    with ws.reading() as session:
        rows = session.scalars(
            select(StageDecision).where(StageDecision.project_id == project_id).order_by(StageDecision.id)
        ).all()
        return [DecisionView(d.from_stage, d.to_stage, d.decided_at, d.decided_by, d.rationale) for d in rows]


def time_in_stages(decided: list[DecisionView], until: datetime | None = None) -> dict[str, float]:
    """Days spent in each stage, derived from the decisions (the current stage counts
    up to ``until``, now by default)."""
    until = until or utcnow()
    days: dict[str, float] = {str(s): 0.0 for s in Stage}
    for current, following in zip(decided, [*decided[1:], None], strict=True):
        end = following.decided_at if following else until
        days[current.to_stage] = days.get(current.to_stage, 0.0) + max(
            0.0, (end - current.decided_at).total_seconds() / 86400
        )
    return days


def add_note(ws: Workspace, project_id: int, text: str) -> NoteView:
    text = (text or "").strip()
    if not text:
        raise ValidationError("note", "rule.note_required")
    if len(text) > 10_000:
        raise ValidationError("note", "rule.too_long", limit=10_000, length=len(text))
    with ws.unit_of_work() as uow:
        load(uow.session, project_id)
        note = Note(project_id=project_id, author=ws.author, text=text, created_at=utcnow())
        uow.session.add(note)
        uow.commit()
        return NoteView(note.id, note.created_at, note.author, note.text)


def notes(ws: Workspace, project_id: int) -> list[NoteView]:
    with ws.reading() as session:
        rows = session.scalars(select(Note).where(Note.project_id == project_id).order_by(Note.created_at)).all()
        return [NoteView(n.id, n.created_at, n.author, n.text) for n in rows]


messages.register(
    {
        "what.project": ("Projet", "Project"),
        "decision.created": ("Création du projet", "Project created"),
        "rule.stage_by_decision": (
            "L'étape se change par « Passer à l'étape… », avec une justification.",
            "The stage is changed with “Move to stage…”, with a rationale.",
        ),
        "rule.rationale_required": (
            "La justification de la décision est obligatoire.",
            "The rationale of the decision is required.",
        ),
        "rule.stage_same": ("Le projet est déjà à l'étape {stage}.", "The project is already at stage {stage}."),
        "rule.note_required": ("La note est vide.", "The note is empty."),
    }
)
