"""Undoing an import: every project it changed goes back to its revision before the
import, and every project it created is removed from the portfolio (kept deleted,
with its history). Refused, listing them, when any of those projects changed since."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from labest_desktop import messages
from labest_desktop.domain.errors import LabestError, NotFoundError
from labest_desktop.domain.fields import from_snapshot
from labest_desktop.domain.models import ImportBatch, Project, ProjectRevision, utcnow
from labest_desktop.domain.snapshot_json import load_snapshot
from labest_desktop.services.project_store import (
    assign_fields,
    record_decision,
    record_revision,
    touch,
)
from labest_desktop.services.snapshots import last_revision_numbers
from labest_desktop.services.workspace import Workspace


class UndoRefused(LabestError):
    key = "undo.changed_since"


@dataclass(frozen=True)
class UndoResult:
    batch_id: int
    file_name: str
    restored: int
    removed: int


def find_batch(session, which: str | int) -> ImportBatch:
    if str(which).strip().lower() == "last":
        batch = session.scalar(
            select(ImportBatch).where(ImportBatch.undone_at.is_(None)).order_by(ImportBatch.id.desc()).limit(1)
        )
    else:
        try:
            batch = session.get(ImportBatch, int(which))
        except ValueError:
            batch = None
    if batch is None:
        raise NotFoundError(what=messages.text("what.import"), ident=which)
    if batch.undone_at is not None:
        raise LabestError("undo.already", batch=batch.id, file=batch.file_name)
    return batch


def undo_import(ws: Workspace, which: str | int = "last") -> UndoResult:
    with ws.reading() as session:
        find_batch(session, which)  # a clear message before any backup is made
    if ws.database.location.is_sqlite:
        ws.database.backup(reason="before-undo-import")
    with ws.unit_of_work() as uow:
        session = uow.session
        batch = find_batch(session, which)
        revisions = session.scalars(
            select(ProjectRevision).where(ProjectRevision.import_batch_id == batch.id).order_by(ProjectRevision.id)
        ).all()
        latest = last_revision_numbers(session.connection(), {r.project_id for r in revisions})
        changed = [r for r in revisions if latest.get(r.project_id) != r.number]
        if changed:
            references = session.scalars(
                select(Project.reference).where(Project.id.in_({r.project_id for r in changed}))
            ).all()
            raise UndoRefused(batch=batch.id, references=", ".join(sorted(references)), count=len(references))
        restored = removed = 0
        rationale = messages.text("undo.rationale", batch=batch.id, file=batch.file_name)
        for revision in revisions:
            project = session.scalar(
                select(Project)
                .where(Project.id == revision.project_id)
                .options(selectinload(Project.partners), selectinload(Project.lead))
            )
            previous = session.scalar(
                select(ProjectRevision.snapshot).where(
                    ProjectRevision.project_id == project.id, ProjectRevision.number == revision.number - 1
                )
            )
            if previous is None:
                project.deleted_at = utcnow()
                removed += 1
            else:
                values = from_snapshot(load_snapshot(previous))
                if str(values.stage) != project.stage:
                    record_decision(
                        session, project, from_stage=project.stage, to_stage=str(values.stage),
                        author=ws.author, rationale=rationale,
                    )
                assign_fields(session, project, values)
                restored += 1
            touch(project, ws.author)
            session.flush()
            record_revision(session, project, author=ws.author, origin="undo")
        batch.undone_at = utcnow()
        uow.commit()
        return UndoResult(batch.id, batch.file_name, restored, removed)


messages.register(
    {
        "what.import": ("Import", "Import"),
        "undo.changed_since": (
            "Impossible d'annuler l'import n° {batch} : {count} projet(s) ont été modifiés depuis ({references}). "
            "Rien n'a été changé.",
            "Cannot undo import #{batch}: {count} project(s) changed since ({references}). Nothing was changed.",
        ),
        "undo.already": (
            "L'import n° {batch} ({file}) a déjà été annulé.",
            "Import #{batch} ({file}) was already undone.",
        ),
        "undo.rationale": (
            "Annulation de l'import n° {batch} ({file})",
            "Undo of import #{batch} ({file})",
        ),
    }
)
