"""Importing an exchange workbook: preview (read, check, match, merge), apply, undo.

``preview_import`` writes nothing. ``apply_import`` writes all of it in one
transaction after a backup, or none of it: rows with errors or unsettled conflicts
stop the whole import unless the caller chose to skip or settle them. Writes use
set-based statements so that 100,000 rows stay within seconds.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.orm import Session

from labest_desktop import messages
from labest_desktop.domain.errors import LabestError, StaleEditError
from labest_desktop.domain.field_registry import PERIOD_KEYS
from labest_desktop.domain.fields import date_order_error
from labest_desktop.domain.models import (
    FundingEnvelope,
    ImportBatch,
    Organisation,
    Project,
    ProjectRevision,
    ReferenceCounter,
    StageDecision,
    new_uid,
    project_partner,
    utcnow,
)
from labest_desktop.domain.snapshot_json import dump_snapshot
from labest_desktop.domain.text import fold
from labest_desktop.exchange.columns import PROJECTS_SHEET
from labest_desktop.exchange.workbook import ExchangeFile, open_exchange_file
from labest_desktop.services import import_helper, office
from labest_desktop.services.bulk_work import collector_paused
from labest_desktop.services.import_helper import UpdateHelper, prepare_rows
from labest_desktop.services.import_plan import (
    CREATE,
    DELETED_HERE,
    DUPLICATE,
    REVIVE,
    UNCHANGED,
    UPDATE,
    FieldConflict,
    ImportCancelled,
    KnownProjects,
    MatchResult,
    RowPlan,
    match_rows,
)
from labest_desktop.services.import_sheets import (
    SheetPlan,
    apply_events,
    apply_organisations,
    plan_sheets,
)
from labest_desktop.services.import_writes import (
    NAME_KEYS,
    UpdateRow,
    final_snapshot,
    new_revision_prints,
)
from labest_desktop.services.snapshots import (
    chunks,
    column_values,
    last_revision_numbers,
    load_projects,
)
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.bulk import indexes_set_aside, insert_many, update_many, write_cache
from labest_desktop.storage.search import bulk_index_upkeep

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
MINE, THEIRS, FAIL = "mine", "theirs", "fail"
WRITE_SLICE = 2_000
# Above this many projects, one pass over a whole table or index beats looking them
# up by chunks of ids (0.23 s -> 0.10 s for the revision numbers of 100,000).
FULL_SCAN_ABOVE = 5_000
# The helper process works out updates up to this many slices ahead of the writer
# (services.import_helper).
HELPER_AHEAD = 3
HELPER_LATE = 0.03


@dataclass
class ImportPreview:
    path: Path
    sha256: str
    exchange: ExchangeFile
    match: MatchResult
    sheets: SheetPlan

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def office(self) -> str | None:
        return self.exchange.meta.get("office") or None

    def plans(self, kind: str) -> list[RowPlan]:
        return [p for p in self.match.plans if p.kind == kind]

    @property
    def conflicts(self) -> list[FieldConflict]:
        """Every field to settle: the project rows', then the known events'."""
        return [c for p in self.match.plans for c in p.conflicts] + self.sheets.conflicts

    @property
    def errors(self) -> list[dict]:
        found = [e.as_dict() for e in self.exchange.errors]
        sheet = self.exchange.projects.sheet
        for row, key, params in self.match.row_errors:
            found.append(
                {"sheet": sheet, "row": row, "column": None, "cell": None, "value": None,
                 "message": messages.text(key, **params)}
            )
        return sorted(found, key=lambda e: (e["sheet"] != sheet, e["sheet"], e["row"]))


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    absent: int = 0
    conflicts: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    renumbered: list[dict] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    # Rows that are not projects (a formula, a « Total » line), never imported.
    ignored_rows: list[dict] = field(default_factory=list)
    applied: bool = False
    new_organisations: list[str] = field(default_factory=list)
    absent_projects: list[dict] = field(default_factory=list)
    batch_id: int | None = None
    backup: str | None = None
    events_created: int = 0
    events_updated: int = 0
    # Projects removed here by undoing an import and brought back by this file.
    restored: list[dict] = field(default_factory=list)
    # Projects deleted here on purpose that the file still holds: left deleted.
    deleted_here: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "absent": self.absent,
            "conflicts": self.conflicts,
            "errors": self.errors,
            "renumbered": self.renumbered,
            "duplicates": self.duplicates,
            "ignored_columns": self.ignored_columns,
            "ignored_rows": self.ignored_rows,
            "applied": self.applied,
            "new_organisations": self.new_organisations,
            "absent_projects": self.absent_projects,
            "batch": self.batch_id,
            "backup": self.backup,
            "events_created": self.events_created,
            "events_updated": self.events_updated,
            "restored": self.restored,
            "deleted_here": self.deleted_here,
        }

    @property
    def exit_status(self) -> int:
        return 0 if self.applied or not (self.errors or self.conflicts) else 1


# --- preview ------------------------------------------------------------------------


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@collector_paused()
def preview_import(
    ws: Workspace,
    path: str | Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    started=None,
) -> ImportPreview:
    """Read and check ``path`` and plan the merge; writes nothing.

    ``started``: the reading of ``path`` already under way
    (``exchange.workbook.start_exchange_read``). Raises ``ExchangeFileError`` when
    the file cannot be read at all and ``ImportCancelled`` when ``cancelled()``
    turns true.
    """
    path = Path(path)
    report = progress or (lambda done, total: None)
    report(0, 100)
    # The rows are parsed in the reader's process while they are matched here; the
    # plans hold what each row brings, and no row is kept once planned. The stored
    # projects matching needs are read here while that process opens and parses the
    # file (it hands over no row before its whole sheet is parsed).
    with ws.reading() as session:
        ready: dict = {}

        def meanwhile(answered: Callable[[], bool]) -> None:
            ready["sha"] = file_digest(path)
            known = ready["known"] = KnownProjects(session)
            known.preload(session, until=answered)

        exchange, rows = open_exchange_file(path, meanwhile=meanwhile, started=started)
        try:
            sha = ready.get("sha") or file_digest(path)
            if cancelled and cancelled():
                raise ImportCancelled()
            report(30, 100)
            match = match_rows(session, rows, cancelled, ready.get("known"), behind=exchange.rows_waiting)
            # The other sheets are read once the last row is: events name projects
            # by the file's references, mapped through the file's own rows.
            sheets = plan_sheets(
                session,
                exchange.events.records if exchange.events else [],
                exchange.partners.records if exchange.partners else [],
                match.file_uids,
            )
        finally:
            rows.close()  # stops the reader when the rows were not all read
    report(100, 100)
    return ImportPreview(path, sha, exchange, match, sheets)


# --- apply --------------------------------------------------------------------------


@collector_paused()
def apply_import(
    ws: Workspace,
    preview: ImportPreview,
    *,
    on_conflict: str = FAIL,
    resolutions: dict[tuple, str] | None = None,
    skip_invalid: bool = False,
    dry_run: bool = False,
    create_duplicates: bool = False,
) -> ImportReport:
    """Apply a preview. ``resolutions`` settles conflicts field by field (each
    conflict's ``key`` -> ``"mine"`` | ``"theirs"``); ``on_conflict`` settles the rest."""
    resolutions = resolutions or {}
    report = _report_skeleton(preview, create_duplicates)
    # (plan, fields settled in favour of the file): the final snapshots are made
    # again a slice at a time by the writer, so that 100,000 of them are never held
    # together with the plans they come from.
    work: list[tuple[RowPlan, dict]] = []
    # Rows that change nothing here but name a version never received: recorded, so
    # the next export names it and the office that wrote the row finds its base.
    receipts: list[RowPlan] = []
    unsettled: list[FieldConflict] = []
    for plan in preview.match.plans:
        if plan.kind == UNCHANGED and plan.receipt:
            receipts.append(plan)
        if plan.kind in (UNCHANGED, DELETED_HERE) or (plan.kind == DUPLICATE and not create_duplicates):
            continue
        chosen = _chosen_from_file(plan, resolutions, on_conflict, unsettled)
        if chosen is None:
            continue
        problem = _merge_problem(plan, chosen)
        if problem is not None:
            report.errors.append(_merge_error(preview, plan, problem, _period(plan, chosen)))
            continue
        # Every value taken from the file differs from the one here: the project is
        # left as it is only when nothing is taken.
        if plan.kind == UPDATE and not plan.taken and not chosen:
            report.unchanged += 1
            if plan.receipt:
                receipts.append(plan)
            continue
        work.append((plan, chosen))
    taken_events = _settle_events(preview.sheets.conflicts, resolutions, on_conflict, unsettled)
    report.conflicts = [c.as_dict() for c in unsettled]
    blocked = (report.errors and not skip_invalid) or report.conflicts
    if dry_run or blocked:
        report.created = sum(1 for p, _ in work if p.kind in (CREATE, DUPLICATE))
        report.updated = sum(1 for p, _ in work if p.kind == UPDATE)
        report.restored = [_restored_item(p) for p, _ in work if p.kind == REVIVE]
        report.applied = False
        return report
    if not work and not receipts and not preview.sheets.has_writes(taken_events):
        report.applied = True
        return report
    with ws.unit_of_work() as uow, ThreadPoolExecutor(1, thread_name_prefix="labest-backup") as pool:
        session = uow.session
        backup = _start_backup(ws, session, pool)
        batch = ImportBatch(
            file_name=preview.file_name,
            sha256=preview.sha256,
            imported_at=utcnow(),
            author=ws.author,
            office=preview.office,
        )
        session.add(batch)
        session.flush()
        writer = _Writer(session, ws.author, batch, preview)
        with write_cache(session.connection()):
            apply_organisations(session, preview.sheets, writer.organisation_id)
            writer.apply(work, receipts)
            # After the projects: a new event links the projects this file creates too.
            report.events_created, report.events_updated = apply_events(
                session, preview.sheets, taken=taken_events, organisation_id=writer.organisation_id, now=writer.now,
                batch=batch, author=ws.author,
            )
        report.created, report.updated = writer.created, writer.updated
        report.restored = [_restored_item(p) for p, _ in work if p.kind == REVIVE]
        report.renumbered = writer.renumbered
        report.new_organisations = writer.new_organisations
        batch.created, batch.updated, batch.unchanged = report.created, report.updated, report.unchanged
        if backup is not None:
            report.backup = str(backup.result())  # a failed backup raises here: nothing is committed
        uow.commit()
        report.batch_id = batch.id
    report.applied = True
    logger.info("imported %s: %s", preview.file_name, json.dumps(report.as_dict(), default=str)[:500])
    return report


def _start_backup(ws: Workspace, session: Session, pool: ThreadPoolExecutor) -> Future | None:
    """The automatic backup of the database as it is before the import.

    On SQLite in WAL mode the import's transaction takes the write lock first, then
    the copy is made by another connection while the import writes: that reader
    sees exactly the last committed state (nothing can commit in between, and the
    import's own writes stay invisible until its commit), and copying and checking
    the file runs on the second core instead of before the writes (0.85 s of a
    100,000-project import). The import commits only once the backup is made and
    checked. In any other journal mode the copy is made first, as a writer there
    would wait on the copying reader.
    """
    if not ws.database.location.is_sqlite:
        return None
    connection = session.connection()  # BEGIN IMMEDIATE: the write lock is ours from here
    mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    if str(mode).lower() != "wal":
        done: Future = Future()
        done.set_result(ws.database.backup(reason="before-import"))
        return done
    return pool.submit(ws.database.backup, reason="before-import")


def import_file(ws: Workspace, path: str | Path, **options) -> ImportReport:
    return apply_import(ws, preview_import(ws, path), **options)


def _report_skeleton(preview: ImportPreview, create_duplicates: bool) -> ImportReport:
    match = preview.match
    report = ImportReport(
        unchanged=sum(1 for p in match.plans if p.kind == UNCHANGED),
        absent=len(match.absent),
        errors=preview.errors,
        ignored_columns=preview.exchange.ignored_columns,
        ignored_rows=[row.as_dict() for row in preview.exchange.ignored_rows],
        absent_projects=[{"reference": r, "title": t} for r, t in match.absent],
    )
    for plan in match.plans:
        if plan.kind == DUPLICATE and not create_duplicates:
            report.duplicates.append({"row": plan.row, "title": plan.title, "matches": plan.duplicate_of})
        elif plan.kind == DELETED_HERE:
            report.deleted_here.append({"row": plan.row, "reference": plan.reference, "title": plan.title})
    return report


def _restored_item(plan: RowPlan) -> dict:
    return {"row": plan.row, "reference": plan.reference, "title": plan.title}


def _chosen_from_file(
    plan: RowPlan, resolutions: dict, on_conflict: str, unsettled: list[FieldConflict]
) -> dict | None:
    """The conflicting fields settled in favour of the file (field -> value), or
    ``None`` when a conflict of the row is left unsettled (it joins ``unsettled``)."""
    chosen: dict = {}
    open_conflicts = False
    for conflict in plan.conflicts:
        choice = resolutions.get(conflict.key, on_conflict)
        if choice == THEIRS:
            chosen[conflict.field] = conflict.theirs
        elif choice != MINE:
            unsettled.append(conflict)
            open_conflicts = True
    return None if open_conflicts else chosen


def _period(plan: RowPlan, chosen: dict) -> dict:
    """The dates of the period as the import would leave them."""
    return {key: chosen[key] if key in chosen else plan.taken[key] if key in plan.taken else plan.stored_value(key)
            for key in PERIOD_KEYS}


def _settle_events(
    conflicts: list[FieldConflict], resolutions: dict, on_conflict: str, unsettled: list[FieldConflict]
) -> dict[int, set[str]]:
    """The fields of known events to take from the file (event id -> fields); the
    conflicts left without a choice join ``unsettled``."""
    taken: dict[int, set[str]] = {}
    for conflict in conflicts:
        choice = resolutions.get(conflict.key, on_conflict)
        if choice == THEIRS:
            taken.setdefault(conflict.event_id, set()).add(conflict.field)  # type: ignore[arg-type]
        elif choice != MINE:
            unsettled.append(conflict)
    return taken


def _merge_problem(plan: RowPlan, chosen: dict) -> LabestError | None:
    """The rule a merged project breaks, if any.

    Every value comes from a row the parser checked or from a project stored here,
    so each one is valid on its own; only the rule that ties two fields can break
    when one date is taken from the file and the other kept from here.
    """
    if plan.kind not in (UPDATE, REVIVE):
        return None
    moved = plan.taken.keys() | {c.field for c in plan.conflicts}
    if moved.isdisjoint(PERIOD_KEYS):
        return None  # both dates are those stored here, which kept the rule
    period = _period(plan, chosen)
    start, end = (period[key] for key in PERIOD_KEYS)
    return date_order_error(
        date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None
    )


def _merge_error(preview: ImportPreview, plan: RowPlan, problem: LabestError, final: dict) -> dict:
    key = getattr(problem, "field", None)
    header = preview.exchange.projects.headers.get(key) if key else None
    if header is None and key:
        header = PROJECTS_SHEET.column(key).header if key in {c.key for c in PROJECTS_SHEET.columns} else key
    value = final.get(key) if key else None
    return {
        "sheet": preview.exchange.projects.sheet,
        "row": plan.row,
        "column": header,
        "cell": None,
        "value": "; ".join(value) if isinstance(value, list) else value,
        "message": messages.text("import.after_merge", detail=problem.message),
    }


@dataclass
class _SliceWrites:
    """The statements' rows for one slice of updated projects."""

    groups: dict[tuple[str, ...], list[dict]] = field(default_factory=lambda: defaultdict(list))
    decisions: list[dict] = field(default_factory=list)
    revisions: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    relinked: list[int] = field(default_factory=list)
    restaged: list[int] = field(default_factory=list)


def _from_spool(plan: RowPlan, chosen: dict) -> bool:
    """Whether an update is written as the preview worked it out (put aside, and
    nothing settled since in favour of the file)."""
    return plan.spooled and not chosen


class _Writer:
    """The writes of one import, inside the caller's transaction."""

    def __init__(self, session: Session, author: str, batch: ImportBatch, preview: ImportPreview) -> None:
        self.session = session
        self.author = author
        self.batch = batch
        self.preview = preview
        self.now = utcnow()
        self.created = 0
        self.updated = 0
        self.renumbered: list[dict] = []
        self.new_organisations: list[str] = []
        self.before: dict[int, tuple] = {}  # project id -> (updated_at, updated_by) before the import
        self.organisation_ids = {k: i for k, i in session.execute(select(Organisation.name_key, Organisation.id))}
        self.envelope_ids = {k: i for k, i in session.execute(select(FundingEnvelope.name_key, FundingEnvelope.id))}
        source = preview.office or preview.file_name
        self.rationale = messages.text("import.rationale", file=preview.file_name, office=source)

    # names ---------------------------------------------------------------------
    def organisation_id(self, name: str, kind: str | None = None, department: str | None = None) -> int:
        key = fold(name)
        if key not in self.organisation_ids:
            org = Organisation(
                name=name.strip(), name_key=key, kind=kind, department=department, created_at=self.now,
                import_batch_id=self.batch.id,
            )
            self.session.add(org)
            self.session.flush()
            self.organisation_ids[key] = org.id
            self.new_organisations.append(org.name)
        return self.organisation_ids[key]

    def envelope_id(self, name: str) -> int:
        key = fold(name)
        if key not in self.envelope_ids:
            envelope = FundingEnvelope(name=name.strip(), name_key=key, import_batch_id=self.batch.id)
            self.session.add(envelope)
            self.session.flush()
            self.envelope_ids[key] = envelope.id
        return self.envelope_ids[key]

    def _resolve_names(self, snapshot: dict) -> None:
        for name in [snapshot.get("lead"), *(snapshot.get("partners") or [])]:
            if name:
                self.organisation_id(name)
        if snapshot.get("funding"):
            self.envelope_id(snapshot["funding"])

    # projects ------------------------------------------------------------------
    def apply(self, work: list[tuple[RowPlan, dict]], receipts: list[RowPlan] = ()) -> None:
        """``work``: (plan, fields settled in favour of the file) of each row to write."""
        updates = [(p, s) for p, s in work if p.kind in (UPDATE, REVIVE)]
        creates = [(p, s) for p, s in work if p.kind in (CREATE, DUPLICATE)]
        helper = None
        if import_helper.wanted(sum(1 for p, chosen in updates if not _from_spool(p, chosen))):
            helper = UpdateHelper.start(self.session.connection())
        try:
            self._lock_and_check(updates + [(plan, {}) for plan in receipts])
            for plan, chosen in work:
                # The names of a project here exist already: only the row's can be new.
                if plan.kind in (CREATE, DUPLICATE):
                    self._resolve_names(plan.theirs)
                elif not (NAME_KEYS.isdisjoint(plan.taken) and NAME_KEYS.isdisjoint(chosen)):
                    self._resolve_names({**plan.taken, **chosen})
            if helper is not None:
                helper.begin(self.organisation_ids, self.envelope_ids)
            with bulk_index_upkeep(self.session, len(work)):
                self._create(creates)
                self._update(updates, helper)
        finally:
            if helper is not None:
                helper.close()
        self._receive(list(receipts))

    def _receive(self, receipts: list[RowPlan]) -> None:
        """A revision of the unchanged state that records the row's print as received."""
        if not receipts:
            return
        connection = self.session.connection()
        ids = [p.project_id for p in receipts]
        last = last_revision_numbers(connection, ids)
        stored = {p.id: p.snapshot for p in load_projects(self.session, ids)}
        insert_many(connection, ProjectRevision.__table__, [
            self._revision(p.project_id, last.get(p.project_id, 0) + 1, stored[p.project_id], p) for p in receipts
        ])

    def _lock_and_check(self, updates: list[tuple[RowPlan, dict]]) -> None:
        """Projects changed since the preview are not overwritten: the import stops.
        (On SQLite the write lock taken at the start covers every row; elsewhere the
        rows are locked as they are checked.)"""
        expected = {p.project_id: p.version for p, _ in updates}
        table = Project.__table__
        connection = self.session.connection()
        columns = (table.c.id, table.c.version, table.c.reference, table.c.updated_at, table.c.updated_by)
        if connection.dialect.name == "sqlite" and len(expected) > FULL_SCAN_ABOVE:
            statements = [select(*columns)]
        else:
            statements = [
                select(*columns).where(table.c.id.in_(chunk))
                for chunk in chunks(sorted(expected))
            ]
            if connection.dialect.name != "sqlite":
                statements = [statement.with_for_update() for statement in statements]
        changed: list[str] = []
        for statement in statements:
            for pid, version, reference, updated_at, updated_by in connection.execute(statement).all():
                if pid in expected:
                    if version != expected[pid]:
                        changed.append(reference)
                    self.before[pid] = (updated_at, updated_by)  # put back by an undo
        if changed:
            raise StaleEditError("import.stale", references=", ".join(sorted(changed)[:10]), count=len(changed))

    def _create(self, creates: list[tuple[RowPlan, dict]]) -> None:
        """Insert the new projects a slice at a time, so that the rows, revision
        documents and links of a 100,000-project first import are never all in
        memory at once. Rows go in through ``executemany`` and their ids are read
        back by identifier: SQLAlchemy's ``RETURNING`` with the parameters' order
        kept ran one statement per row on SQLite (0.7 s of 10,000 rows)."""
        if not creates:
            return
        code = office.get_setting(self.session, office.OFFICE_CODE)
        references = _ReferenceBook(self.session, code, self.now.year)
        connection = self.session.connection()
        with indexes_set_aside(connection, Project.__table__, len(creates)):
            for start in range(0, len(creates), WRITE_SLICE):
                self._create_slice(connection, creates[start : start + WRITE_SLICE], references)
        references.save()
        self.created = len(creates)

    def _create_slice(self, connection: Connection, creates: list[tuple[RowPlan, dict]], references) -> None:
        rows, snapshots = [], []
        today = self.now.date()
        for plan, chosen in creates:
            snapshot = final_snapshot(plan, chosen)
            reference = plan.reference if plan.reference and references.free(plan.reference) else None
            if reference is None:
                reference = references.next()
                if plan.renumbered_from:
                    self.renumbered.append({"row": plan.row, "from": plan.renumbered_from, "to": reference})
            else:
                references.take(reference)
            uid = plan.uid or new_uid()
            snapshot["reference"], snapshot["uid"] = reference, uid
            snapshots.append(snapshot)
            values = column_values(snapshot, self.organisation_ids, self.envelope_ids)
            values.update(
                uid=uid,
                reference=reference,
                created_at=self.now,
                created_by=self.author,
                updated_at=self.now,
                updated_by=self.author,
                stage_since=today,
                deleted_at=None,
                version=1,
            )
            rows.append(values)
        table = Project.__table__
        insert_many(connection, table, rows)
        del rows
        ids: dict[str, int] = {}
        for chunk in chunks([s["uid"] for s in snapshots]):
            ids.update(connection.execute(select(table.c.uid, table.c.id).where(table.c.uid.in_(chunk))).all())
        decisions, revisions, links = [], [], []
        for snapshot, (plan, _) in zip(snapshots, creates, strict=True):
            pid = ids[snapshot["uid"]]
            decisions.append(self._decision(pid, None, snapshot["stage"]))
            revisions.append(self._revision(pid, 1, snapshot, plan))
            links.extend(self._links(pid, snapshot))
        self._insert_many(connection, decisions, revisions, links)

    def _update(self, updates: list[tuple[RowPlan, dict]], helper: UpdateHelper | None = None) -> None:
        """Write the updated projects a slice at a time, so the statement parameters
        and revision documents of a 100,000-row import are never all in memory at
        once, in the plans' order: the writes the preview worked out read back from
        its spool, the others worked out by the helper process ahead of the writer
        (services.import_helper), or here when it has not. (Preparing a slice in a
        second thread while this one wrote was measured slower: the writing thread
        needs Python's lock for every row it binds.)"""
        connection = self.session.connection()
        ids = [p.project_id for p, _ in updates]
        last_numbers = last_revision_numbers(connection, ids, all_projects=len(ids) > FULL_SCAN_ABOVE)
        spooled = {p.project_id for p, chosen in updates if _from_spool(p, chosen)}
        # Written in the plans' order whichever rows the preview worked out (that
        # depends on timing): the same import gives the same rows, ids included.
        spool_rows = self._spooled_rows(set(spooled))
        parts = [updates[start : start + WRITE_SLICE] for start in range(0, len(updates), WRITE_SLICE)]
        unspooled = [[(p, c) for p, c in part if p.project_id not in spooled] for part in parts]
        self._write_parts(connection, parts, unspooled, spool_rows, last_numbers, helper)
        self.updated = sum(1 for plan, _ in updates if plan.kind == UPDATE)

    def _write_parts(
        self, connection: Connection, parts: list[list[tuple[RowPlan, dict]]],
        unspooled: list[list[tuple[RowPlan, dict]]], spool_rows: Iterator[tuple[int, UpdateRow]],
        last_numbers: dict[int, int], helper: UpdateHelper | None,
    ) -> None:
        """Write ``parts`` in order. The helper works out the slices from the front,
        up to ``HELPER_AHEAD`` ahead of the one written. Its answer for the next one
        is usually in or coming (it works at about the pace this process writes);
        when it is late by more than ``HELPER_LATE`` seconds (a busy machine), this
        process works out a slice itself from the back (kept until its turn)."""
        front, back = 0, len(parts)  # handed to the helper: < front; worked out here: >= back
        kept: dict[int, list] = {}
        for index, part in enumerate(parts):
            if helper is not None and helper.ready():
                front = max(front, index + 1)
                while front < back and front <= index + HELPER_AHEAD:
                    if unspooled[front]:
                        helper.submit(front, unspooled[front])
                    front += 1
            while helper is not None and front < back and not helper.answered(index, HELPER_LATE):
                back -= 1
                kept[back] = self._prepared(unspooled[back])
            ready = dict(itertools.islice(spool_rows, len(part) - len(unspooled[index])))
            if index in kept:
                ready.update(kept.pop(index))
            elif unspooled[index]:
                done = helper.take(index) if helper is not None else None
                ready.update(done if done is not None else self._prepared(unspooled[index]))
            unspooled[index] = []  # let the plans' list go
            rows = [(p, ready[p.project_id]) for p, _ in part]
            self._write_slice(connection, self._slice_writes(rows, last_numbers))
        if helper is not None:
            logger.info("import helper worked out %d of %d slices (%d here from the back)",
                        helper.worked_out, len(parts), len(parts) - back)

    def _prepared(self, updates: list[tuple[RowPlan, dict]]) -> list:
        return prepare_rows(self.session, updates, self.organisation_ids, self.envelope_ids) if updates else []

    def _spooled_rows(self, spooled: set[int]) -> Iterator[tuple[int, UpdateRow]]:
        """The rows the preview put aside for ``spooled`` projects, in the file's order;
        rows left out since (an error the import skips) are passed over."""
        spool = self.preview.match.spool
        for batch in spool.batches() if spool is not None else ():
            for row in batch:
                if row.project_id in spooled:
                    spooled.discard(row.project_id)
                    yield row.project_id, row
        if spooled:  # reached only when a slice asked for rows the spool lacks
            raise RuntimeError(f"{len(spooled)} planned updates missing from the preview's spool")

    def _slice_writes(self, rows: list[tuple[RowPlan, UpdateRow]], last_numbers: dict[int, int]) -> _SliceWrites:
        """The statements' rows of a slice of prepared updates, with what is known only
        now: the time, the author, the batch, the revision numbers."""
        prepared = _SliceWrites()
        for plan, update_row in rows:
            pid = update_row.project_id
            row = dict(zip(update_row.columns, update_row.values, strict=True))
            row.update(id=pid, updated_at=self.now, updated_by=self.author, version=plan.version + 1)
            prepared.groups[update_row.columns].append(row)
            if update_row.stage is not None:
                prepared.restaged.append(pid)
                prepared.decisions.append(self._decision(pid, *update_row.stage))
            prepared.revisions.append(self._revision_row(
                pid, last_numbers.get(pid, 0) + 1, plan, update_row.snapshot, update_row.fingerprint,
                update_row.received,
            ))
            if update_row.partners is not None:
                prepared.relinked.append(pid)
                prepared.links.extend(self._links(pid, {"partners": update_row.partners}))
        return prepared

    def _write_slice(self, connection: Connection, prepared: _SliceWrites) -> None:
        table = Project.__table__
        for rows in prepared.groups.values():
            update_many(connection, table, rows)
        for chunk in chunks(prepared.restaged):
            connection.execute(update(table).where(table.c.id.in_(chunk)).values(stage_since=self.now.date()))
        for chunk in chunks(prepared.relinked):
            connection.execute(delete(project_partner).where(project_partner.c.project_id.in_(chunk)))
        self._insert_many(connection, prepared.decisions, prepared.revisions, prepared.links)

    def _decision(self, pid: int, from_stage: str | None, to_stage: str) -> dict:
        return {
            "project_id": pid,
            "from_stage": from_stage,
            "to_stage": to_stage,
            "decided_at": self.now,
            "decided_by": self.author,
            "rationale": self.rationale,
            "import_batch_id": self.batch.id,
        }

    def _revision(self, pid: int, number: int, snapshot: dict, plan: RowPlan) -> dict:
        print_, received = new_revision_prints(plan, snapshot)
        return self._revision_row(pid, number, plan, dump_snapshot(snapshot), print_, received)

    def _revision_row(
        self, pid: int, number: int, plan: RowPlan, document: str, print_: str, received: str | None
    ) -> dict:
        before_at, before_by = self.before.get(pid, (None, None))
        return {
            "project_id": pid,
            "number": number,
            "created_at": self.now,
            "author": self.author,
            # A project brought back is a restoration, which its undo deletes again.
            "origin": "restore" if plan.kind == REVIVE else "import",
            "before_updated_at": before_at,
            "before_updated_by": before_by,
            "import_batch_id": self.batch.id,
            "snapshot": document,
            "fingerprint": print_,
            "received_fingerprint": received,
        }

    def _links(self, pid: int, snapshot: dict) -> list[dict]:
        ids = sorted({self.organisation_ids[fold(n)] for n in snapshot.get("partners") or []})
        return [{"project_id": pid, "organisation_id": oid} for oid in ids]

    @staticmethod
    def _insert_many(connection: Connection, decisions: list[dict], revisions: list[dict], links: list[dict]) -> None:
        insert_many(connection, StageDecision.__table__, decisions)
        insert_many(connection, ProjectRevision.__table__, revisions)
        insert_many(connection, project_partner, links)




class _ReferenceBook:
    """References of one office and year handed out in bulk, skipping taken ones."""

    def __init__(self, session: Session, code: str, year: int) -> None:
        self.session = session
        self.code, self.year = code, year
        self.counter = session.get(ReferenceCounter, (code, year), with_for_update=True)
        if self.counter is None:
            self.counter = ReferenceCounter(code=code, year=year, last=0)
            session.add(self.counter)
        self.taken = set(session.scalars(select(Project.reference)))
        self.last = self.counter.last

    def free(self, reference: str) -> bool:
        return reference not in self.taken

    def take(self, reference: str) -> None:
        self.taken.add(reference)

    def next(self) -> str:
        while True:
            self.last += 1
            reference = f"{self.code}-{self.year}-{self.last:04d}"
            if reference not in self.taken:
                self.taken.add(reference)
                return reference

    def save(self) -> None:
        self.counter.last = self.last
        self.session.flush()


messages.register(
    {
        "import.cancelled": ("Import annulé : rien n'a été modifié.", "Import cancelled: nothing was changed."),
        "import.row_twice": (
            "Le projet {reference} figure déjà ligne {other} : une seule ligne par projet.",
            "Project {reference} is already on row {other}: one row per project.",
        ),
        "import.uid_twice": (
            "Cet identifiant figure déjà ligne {other} : une seule ligne par projet.",
            "This identifier is already on row {other}: one row per project.",
        ),
        "import.after_merge": (
            "Après fusion avec les changements faits ici : {detail}",
            "After merging with the changes made here: {detail}",
        ),
        "import.rationale": (
            "Import du fichier « {file} » ({office})",
            "Import of the file “{file}” ({office})",
        ),
        "import.stale": (
            "{count} projet(s) ont changé depuis la lecture du fichier ({references}) : rien n'a été "
            "importé. Relancez l'import pour tenir compte de ces changements.",
            "{count} project(s) changed since the file was read ({references}): nothing was imported. "
            "Run the import again to take those changes into account.",
        ),
    }
)

__all__ = [
    "ImportPreview",
    "ImportReport",
    "apply_import",
    "import_file",
    "preview_import",
    "MINE",
    "THEIRS",
    "FAIL",
]
