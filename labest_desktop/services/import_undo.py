"""Undoing an import: every project it changed goes back to its revision before the
import (with when and by whom it had last been changed), every project it created or
brought back is removed from the portfolio (kept deleted, with its history), every
event it changed goes back and every event it created is removed, and the
organisations and funding sources it created are removed unless used since. Refused,
listing them, when any of those projects or events changed since."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from labest_desktop import messages
from labest_desktop.domain.errors import LabestError, NotFoundError
from labest_desktop.domain.fields import from_snapshot
from labest_desktop.domain.models import (
    FundingEnvelope,
    ImportBatch,
    Organisation,
    Project,
    ProjectRevision,
    event_organisation,
    project_partner,
    utcnow,
)
from labest_desktop.domain.snapshot_json import load_snapshot
from labest_desktop.services.import_sheets import events_changed_since, undo_event_changes
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
    events_restored: int = 0
    events_removed: int = 0
    organisations_removed: int = 0
    envelopes_removed: int = 0

    def as_dict(self) -> dict:
        return {
            "undone": self.batch_id,
            "file": self.file_name,
            "restored": self.restored,
            "removed": self.removed,
            "events_restored": self.events_restored,
            "events_removed": self.events_removed,
            "organisations_removed": self.organisations_removed,
            "envelopes_removed": self.envelopes_removed,
            "applied": True,
        }


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
        events_changed = events_changed_since(session, batch)
        if changed or events_changed:
            references = sorted(session.scalars(
                select(Project.reference).where(Project.id.in_({r.project_id for r in changed}))
            ).all()) + [f"« {title} »" for title in events_changed]
            raise UndoRefused(batch=batch.id, references=", ".join(references), count=len(references))
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
            if previous is None or revision.origin == "restore":
                project.deleted_at = utcnow()  # created, or brought back, by the import
                removed += 1
            if previous is not None:
                values = from_snapshot(load_snapshot(previous))
                if str(values.stage) != project.stage:
                    record_decision(
                        session, project, from_stage=project.stage, to_stage=str(values.stage),
                        author=ws.author, rationale=rationale,
                    )
                assign_fields(session, project, values)
                restored += revision.origin != "restore"
            if revision.before_updated_at is not None:
                project.updated_at = revision.before_updated_at
                project.updated_by = revision.before_updated_by or project.updated_by
            else:
                touch(project, ws.author)
            session.flush()
            record_revision(session, project, author=ws.author, origin="undo")
        events_restored, events_removed = undo_event_changes(session, batch, ws.author)
        session.flush()
        organisations_removed, envelopes_removed = _remove_unused_names(session, batch.id)
        batch.undone_at = utcnow()
        uow.commit()
        return UndoResult(
            batch.id, batch.file_name, restored, removed, events_restored, events_removed,
            organisations_removed, envelopes_removed,
        )


def _remove_unused_names(session, batch_id: int) -> tuple[int, int]:
    """Organisations and funding sources the import created, deleted unless a project
    in the portfolio or an event uses them now (used since the import: kept)."""
    live = Project.deleted_at.is_(None)
    organisations = [
        org_id for org_id in session.scalars(select(Organisation.id).where(Organisation.import_batch_id == batch_id))
        if not session.scalar(select(Project.id).where(live, Project.lead_id == org_id).limit(1))
        and not session.scalar(
            select(project_partner.c.project_id)
            .join(Project, Project.id == project_partner.c.project_id)
            .where(live, project_partner.c.organisation_id == org_id).limit(1)
        )
        and not session.scalar(
            select(event_organisation.c.event_id).where(event_organisation.c.organisation_id == org_id).limit(1)
        )
    ]
    envelopes = [
        envelope_id
        for envelope_id in session.scalars(select(FundingEnvelope.id).where(FundingEnvelope.import_batch_id == batch_id))
        if not session.scalar(select(Project.id).where(live, Project.funding_envelope_id == envelope_id).limit(1))
    ]
    # Projects kept deleted may still name them: their links go with the names
    # (a later import that brings them back names them again).
    if organisations:
        session.execute(delete(Organisation).where(Organisation.id.in_(organisations)))
    if envelopes:
        session.execute(delete(FundingEnvelope).where(FundingEnvelope.id.in_(envelopes)))
    return len(organisations), len(envelopes)


messages.register(
    {
        "what.import": ("Import", "Import"),
        "undo.changed_since": (
            "Impossible d'annuler l'import n° {batch} : {count} projet(s) ou événement(s) ont été modifiés depuis "
            "({references}). Rien n'a été changé.",
            "Cannot undo import #{batch}: {count} project(s) or event(s) changed since ({references}). "
            "Nothing was changed.",
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
