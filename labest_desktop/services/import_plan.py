"""Matching the rows of an exchange file to projects here, and the three-way merge.

Pure planning: reads what is stored, decides for every row whether it creates,
updates or leaves a project unchanged and which fields conflict, and writes
nothing. The rules are the contract's (docs/exchange-format.md, "How import
merges"):

* a row is matched by ``Identifiant``, else by ``Référence``; unmatched rows are new;
* the base is the revision whose fingerprint the row carries (``Empreinte``);
* a field changed only in the file is taken, only here is kept, on both sides to
  different values is a conflict; without a base every difference is a conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labest_desktop.domain.errors import LabestError
from labest_desktop.domain.field_registry import PERIOD_KEYS
from labest_desktop.domain.fingerprints import fingerprint, fingerprint_v1, prints_of
from labest_desktop.domain.models import FundingEnvelope, Organisation, Project, ProjectRevision
from labest_desktop.domain.snapshot_json import load_snapshot
from labest_desktop.domain.text import fold
from labest_desktop.exchange.parsed_stream import FileRow
from labest_desktop.services.snapshots import StoredProject, chunks, load_projects
from labest_desktop.storage.search import forget_short_texts

if TYPE_CHECKING:
    from labest_desktop.services.import_writes import UpdateSpool

CREATE, UPDATE, UNCHANGED, DUPLICATE = "create", "update", "unchanged", "duplicate"
# A row whose project was removed here: by undoing the import that created it (it is
# brought back, with the file's values), or on purpose (left deleted, and reported).
REVIVE, DELETED_HERE = "revive", "deleted_here"


PROJECTS = "Projets"
EVENTS = "Événements"


@dataclass(slots=True)
class FieldConflict:
    """A field that differs here and in the file, with no base saying which side
    changed it (or changed on both sides). Rows of the ``Projets`` sheet name their
    project's reference; rows of the ``Événements`` sheet their event's identifier
    (``uid``) and title."""

    row: int
    reference: str
    field: str
    base: object
    mine: object
    theirs: object
    project_id: int | None
    sheet: str = PROJECTS
    event_id: int | None = None
    title: str | None = None

    @property
    def key(self) -> tuple:
        """How a choice for this conflict is given (``resolutions`` of an import):
        ``(row, field)`` for a project, ``(sheet, row, field)`` for another sheet."""
        return (self.row, self.field) if self.sheet == PROJECTS else (self.sheet, self.row, self.field)

    def as_dict(self) -> dict:
        found = {
            "row": self.row,
            "reference": self.reference,
            "field": self.field,
            "base": self.base,
            "mine": self.mine,
            "theirs": self.theirs,
        }
        if self.sheet != PROJECTS:
            found.update(sheet=self.sheet, title=self.title)
        return found


@dataclass(slots=True)
class RowPlan:
    """What one ``Projets`` row will do."""

    row: int
    kind: str  # create, update, unchanged, duplicate, revive, deleted_here
    title: str
    # The row as a snapshot: for a new project, the columns present in the file; for
    # a matched one, only the fields that differ from here.
    theirs: dict
    project_id: int | None = None
    version: int | None = None
    uid: str | None = None
    reference: str | None = None  # the reference here (kept, matched or to assign)
    # The project here: kept for rows whose project is deleted here and for the first
    # KEEP_STORED matched rows that change it; other matched rows keep only
    # ``before`` (their stored values of the fields the row changes, and of the
    # period when it changes either date), and the writer reads those projects again
    # a slice at a time, so that 100,000 plans do not hold 100,000 stored snapshots
    # (~1.3 KB each).
    mine: dict | None = None
    before: dict | None = None
    taken: dict = field(default_factory=dict)  # fields the file changes, no conflict
    conflicts: list[FieldConflict] = field(default_factory=list)
    renumbered_from: str | None = None
    duplicate_of: str | None = None
    # The row's fingerprint. A revision that takes a row holding every field whole
    # keeps it, so the same content has the same print everywhere; otherwise the
    # revision lists it as *received*: the exporter's version this office merged,
    # which the next export names in its ancestry (the exporter then finds it).
    file_print: str | None = None
    whole: bool = False  # the row has a column for every field
    # Differs from here, and its print was never received: recorded even when
    # nothing changes here (every difference was changed only here).
    receipt: bool = False
    # Its writes were worked out at preview and put aside (services.import_writes).
    spooled: bool = False

    def stored_value(self, key: str) -> object:
        """The value here, at preview, of a field the row changes (or of a date of
        the period, when the row changes either)."""
        return (self.mine if self.mine is not None else self.before or {}).get(key)

    def takes_file_whole(self, final: dict) -> bool:
        """Whether ``final`` (the project as the import leaves it: the project here
        with some of the row's values, or a new one) is exactly the row's content,
        nothing kept from here. Only the row's values need comparing: a whole row
        names every field, and a field the row does not change is the same here."""
        if self.file_print is None or not self.whole:
            return False
        return all(final.get(key) == value for key, value in self.theirs.items())


@dataclass
class MatchResult:
    plans: list[RowPlan]
    absent: list[tuple[str, str]]  # (reference, title) of projects the file omits
    row_errors: list[tuple[int, str, dict]]  # (row, message key, params)
    new_organisations: list[str]
    new_envelopes: list[str]
    # The identifier of each reference the file's rows give: events name projects
    # by reference.
    file_uids: dict[str, str] = field(default_factory=dict)
    # The writes of the updates settled at preview (plans marked ``spooled``).
    spool: UpdateSpool | None = None


class NameBook:
    """Canonical spelling of organisation and envelope names already stored, so
    that ``dreal grand est`` in a file is the stored ``DREAL Grand Est``."""

    def __init__(self, session: Session) -> None:
        self.organisations = dict(session.execute(select(Organisation.name_key, Organisation.name)).all())
        self.envelopes = dict(session.execute(select(FundingEnvelope.name_key, FundingEnvelope.name)).all())

    def organisation(self, name: str | None) -> str | None:
        return self.organisations.get(fold(name), name) if name else name

    def envelope(self, name: str | None) -> str | None:
        return self.envelopes.get(fold(name), name) if name else name

    def canonical(self, snapshot: dict) -> dict:
        if snapshot.get("lead"):
            snapshot["lead"] = self.organisation(snapshot["lead"])
        if "partners" in snapshot:
            partners = [self.organisation(p) for p in snapshot["partners"]]
            snapshot["partners"] = sorted(partners, key=fold) if len(partners) > 1 else partners
        if snapshot.get("funding"):
            snapshot["funding"] = self.envelope(snapshot["funding"])
        return snapshot


def file_snapshot(row: FileRow, names: NameBook) -> dict:
    """The row in snapshot spelling, restricted to the editable columns it has, with
    the names spelled as stored here (the row's own snapshot, used once)."""
    return names.canonical(row.snapshot)


class _Known(NamedTuple):
    """What matching needs of every stored project (full snapshots are read later,
    chunk by chunk, only for the projects the file names). A named tuple: one is
    made per stored project, and tuples are the cheapest to make. Titles are read
    only where needed (projects the file omits, rows without identity): 100,000 of
    them held through the whole preview were ~12 MB of its peak."""

    id: int
    reference: str
    deleted: bool


MATCH_CHUNK = 2000
# Stored projects read ahead while the reader's process opens the file (at most;
# see KnownProjects.preload): all of them up to 10,000 projects (about 0.15 s, which
# the import otherwise spends waiting for the first row). At 100,000 the reader's
# process peaks (265 MB, calamine's table) while this one reads ahead: 20,000
# snapshots with their search texts (~38 MB) keep the two under 500 MB together.
PRELOAD = 20_000
# Matched rows whose plan keeps the project's stored snapshot for the writer, which
# reads the others again a slice at a time (see RowPlan.mine): an import of up to
# 10,000 changed rows reads each project once (a tenth of its processor time),
# and 100,000 plans hold at most this many snapshots (~13 MB).
KEEP_STORED = 10_000
_PERIOD = frozenset(PERIOD_KEYS)


class KnownProjects:
    """What matching needs of the database before the first row: the names and every
    stored project by identifier and by reference. Made apart from the rows so that
    an import can read it while the reader's process parses the file."""

    def __init__(self, session: Session) -> None:
        self.names = NameBook(session)
        self.by_uid: dict[str, _Known] = {}
        self.by_reference: dict[str, _Known] = {}
        table = Project.__table__
        for pid, uid, reference, deleted_at in session.connection().execute(
            select(table.c.id, table.c.uid, table.c.reference, table.c.deleted_at)
        ).all():
            known = _Known(pid, reference, deleted_at is not None)
            self.by_uid[uid] = self.by_reference[reference] = known
        # Stored projects read ahead (see preload), by id; taken out as rows name them.
        self.preloaded: dict[int, StoredProject] = {}

    def preload(
        self, session: Session, until: Callable[[], bool] = lambda: False, limit: int = PRELOAD, step: int = 500
    ) -> None:
        """Read ahead the stored projects the first rows of a file will most likely
        name, while the reader's process is still opening the file and this one
        would only wait for it: the projects here in the order of their references,
        the order of this office's exports (a portfolio sent out and sent back
        edited lists its projects in that order), up to ``limit`` of them, a chunk
        at a time (``step``) until ``until()`` (the reader's first rows are in).

        A wrong guess costs nothing but that idle time: rows are matched the same
        way, and what was read ahead is let go of as soon as the rows show that
        they do not follow it (see :func:`match_rows`)."""
        table = Project.__table__
        ids = session.connection().execute(
            select(table.c.id).where(table.c.deleted_at.is_(None)).order_by(table.c.reference).limit(limit)
        ).scalars().all()
        for count, project in enumerate(load_projects(session, ids, with_search_text=True), start=1):
            self.preloaded[project.id] = project
            if count % step == 0 and until():
                break


def match_rows(
    session: Session, rows: Iterable[FileRow], cancelled=None, known: KnownProjects | None = None,
    behind: Callable[[], bool] = lambda: False,
) -> MatchResult:
    """Plan every row of a ``Projets`` sheet against the projects stored here
    (``known``: read from ``session`` in the same transaction, or read now).

    ``rows`` may be an iterator that parses as it goes: each chunk of rows matched to
    projects here is planned as soon as it is complete (while the reader's process
    parses the next), and each row is let go of once planned. The writes of its
    updates are worked out then too (see _plan_matched), unless ``behind()``: the
    reader's next rows are already waiting, this process being the slower of the two.
    """
    known = known or KnownProjects(session)
    names, by_uid, by_reference, preloaded = known.names, known.by_uid, known.by_reference, known.preloaded
    del known
    # Rows of the last stretch whose project was read ahead: when fewer than half of
    # a stretch's rows were, the rows do not follow the guessed order (or name few
    # projects here), and what was read ahead is let go of.
    ahead = 0
    titles: dict[str, str] | None = None  # folded title -> reference, made when first needed
    plans: list[RowPlan] = []
    matched: list[tuple[int, FileRow, int]] = []  # (plan index, row, project id)
    file_uids: dict[str, str] = {}
    row_errors: list[tuple[int, str, dict]] = []
    seen: dict[int, int] = {}  # project id -> first row that named it
    new_titles: dict[str, int] = {}
    new_uids: dict[str, int] = {}
    new_references: dict[str, int] = {}
    kept = 0  # plans that keep their project's stored snapshot
    # Imported here: that module works on this one's plans.
    from labest_desktop.services.import_writes import UpdateSpool

    spool = UpdateSpool()
    for index, row in enumerate(rows):
        if cancelled is not None and index % 1000 == 0 and cancelled():
            raise ImportCancelled()
        if preloaded and index % MATCH_CHUNK == 0 and index:
            if ahead < MATCH_CHUNK // 2:
                preloaded.clear()
            ahead = 0
        if row.reference and row.uid:
            file_uids[row.reference] = row.uid
        target = by_uid.get(row.uid) if row.uid else None
        if target is None and not row.uid and row.reference:
            target = by_reference.get(row.reference)
        if target is not None:
            if target.id in seen:
                row_errors.append((row.row, "import.row_twice", {"other": seen[target.id], "reference": target.reference}))
                continue
            seen[target.id] = row.row
            ahead += target.id in preloaded
            matched.append((len(plans), row, target.id))
            plans.append(None)  # type: ignore[arg-type]  # planned chunk by chunk
            if len(matched) == MATCH_CHUNK:
                # The writes are worked out now only while the reader's process is
                # still parsing the next rows (this one would wait for them); when
                # they are there already, this process is the slower one and leaves
                # that work to the writer.
                kept += _plan_matched(session, matched, plans, names, KEEP_STORED - kept, preloaded,
                                      None if behind() else spool)
                matched = []
            continue
        # A new project here.
        if row.uid and row.uid in new_uids:
            row_errors.append((row.row, "import.uid_twice", {"other": new_uids[row.uid]}))
            continue
        title = row.title
        plan = RowPlan(
            row=row.row, kind=CREATE, title=title, theirs=file_snapshot(row, names), uid=row.uid,
            file_print=row.fingerprint, whole=row.whole,
        )
        if row.reference:
            if row.reference in by_reference or row.reference in new_references:
                plan.renumbered_from = row.reference
            else:
                plan.reference = row.reference
                new_references[row.reference] = row.row
        if row.uid:
            new_uids[row.uid] = row.row
        elif not row.reference:
            key = fold(title)
            if titles is None:  # only rows without identity are checked for duplicates
                titles = {fold(title): reference for reference, title in _live_titles(session)}
            if key in titles:
                plan.kind, plan.duplicate_of = DUPLICATE, titles[key]
            elif key in new_titles:
                plan.kind, plan.duplicate_of = DUPLICATE, f"#{new_titles[key]}"
            else:
                new_titles[key] = row.row
        plans.append(plan)
    if matched:
        _plan_matched(session, matched, plans, names, KEEP_STORED - kept, preloaded, spool)  # the reader is done
    preloaded.clear()
    absent = sorted(_titled(session, [k for k in by_reference.values() if k.id not in seen and not k.deleted]))
    new_orgs, new_envelopes = _new_names(plans, names)
    return MatchResult(plans, absent, row_errors, new_orgs, new_envelopes, file_uids, spool)


def _live_titles(session: Session) -> list[tuple[str, str]]:
    """(reference, title) of every project not deleted, in the order of their ids."""
    table = Project.__table__
    return session.connection().execute(
        select(table.c.reference, table.c.title).where(table.c.deleted_at.is_(None)).order_by(table.c.id)
    ).all()


def _titled(session: Session, known: list[_Known]) -> list[tuple[str, str]]:
    """(reference, title) of the ``known`` projects."""
    table = Project.__table__
    titled: list[tuple[str, str]] = []
    for chunk in chunks([k.id for k in known]):
        titled.extend((reference, title) for reference, title in session.connection().execute(
            select(table.c.reference, table.c.title).where(table.c.id.in_(chunk))
        ))
    return titled


def _plan_matched(
    session: Session, chunk: list[tuple[int, FileRow, int]], plans: list[RowPlan], names: NameBook, keep: int = 0,
    preloaded: dict[int, StoredProject] | None = None, spool: UpdateSpool | None = None,
) -> int:
    """Plan a chunk of rows matched to projects here (``(plan index, row, project
    id)``): identical ones keep nothing but their title, so a re-imported portfolio
    of 100,000 never holds 100,000 snapshots at once; the first ``keep`` that differ
    keep their stored snapshot for the writer. Returns how many kept it. The stored
    projects are taken out of ``preloaded`` (read ahead) where they are there. The
    writes of the updates that settle nothing at apply time are worked out now and
    put in ``spool`` (their plans keep no snapshot)."""
    from labest_desktop.services.import_writes import prepare_update, settled_at_preview

    stored: dict[int, StoredProject] = {}
    unread: list[int] = []
    for _, _, pid in chunk:
        found = preloaded.pop(pid, None) if preloaded else None
        if found is None:
            unread.append(pid)
        else:
            stored[pid] = found
    if unread:
        stored.update((p.id, p) for p in load_projects(session, unread, with_search_text=True))
    removals = _removals(session, [pid for pid, p in stored.items() if p.deleted])
    differing = []
    for index, row, pid in chunk:
        target = stored[pid]
        if target.deleted:
            plans[index] = _removed_row_plan(row, target, removals.get(pid), names)
            continue
        theirs = file_snapshot(row, names)
        mine = target.snapshot
        changes = {key: value for key, value in theirs.items() if mine.get(key) != value}
        if changes:
            differing.append((index, row, changes, target))
        else:
            plans[index] = RowPlan(
                row=row.row, kind=UNCHANGED, title=target.snapshot["title"], theirs={}, project_id=pid,
                version=target.version, uid=row.uid if row.uid == target.uid else target.uid,
                reference=row.reference if row.reference == target.reference else target.reference,
            )
    bases, fresh = _bases(session, [(row, target) for _, row, _, target in differing])
    kept = 0
    spooled = []
    for index, row, changes, target in differing:
        plans[index] = plan = _merge(row, changes, target, bases.get(target.id), keep=kept < keep)
        plan.receipt = target.id in fresh
        if spool is not None and settled_at_preview(plan):
            spooled.append(prepare_update(plan, {}, target.snapshot, target.search_text, {}, {}))
            plan.spooled, plan.mine = True, None
        kept += plan.mine is not None
    if spool is not None:
        spool.add(spooled)
        if spooled:
            # Working the writes out folded every title of the chunk through the caches
            # of short texts, which keep names and labels met on many rows: unique
            # titles would pile up there (~30 MB at 100,000 rows, at the preview's
            # peak), so they are let go of chunk by chunk.
            forget_short_texts()
    return kept


def lineage(row) -> list[str]:
    """The fingerprints a row names, newest first: its own, then its ancestry."""
    found = [row.fingerprint] if row.fingerprint else []
    found.extend(p for p in row.ancestry if p not in found)
    return found


def _bases(session: Session, rows: list[tuple[FileRow, StoredProject]]) -> tuple[dict[int, dict], set[int]]:
    """Base snapshot per matched project: the newest version the row names (its
    fingerprint, then its ancestry) that this office holds (only for rows that
    differ from here: an identical row needs no base).

    A version is held when it is the project's current state or one of its
    revisions, known by the fingerprint stored with the revision or by the format-2
    or format-1 fingerprint of its snapshot (a format-1 file names versions by the
    old digest; a revision written before format 2 stores the old digest).

    Most often nothing changed here since the export: the file's print is that of
    the current state, which is then the base, and no revision needs reading. Only
    the others are looked up among the stored revisions, which also tell whether
    the row's print was already received here (the second set returned: projects
    whose row names a version never received).
    """
    bases: dict[int, dict] = {}
    wanted: dict[int, list[str]] = {}  # project id -> the row's prints, newest first
    own_prints = {target.id: row.fingerprint for row, target in rows}
    for row, target in rows:
        prints = lineage(row)
        if not prints:
            continue
        # The format-2 digest first: the only one a current file carries.
        if prints[0] == fingerprint(target.snapshot) or prints[0] == fingerprint_v1(target.snapshot):
            bases[target.id] = target.snapshot
        else:
            wanted[target.id] = prints
    # Through the (project_id, number) index: a project's revisions sit together,
    # and no index on prints has to be kept up by every write.
    revisions = ProjectRevision.__table__
    connection = session.connection()
    current = {target.id: target.snapshot for _, target in rows}
    fresh: set[int] = set()
    for chunk in chunks(sorted(wanted)):
        held: dict[int, dict[str, dict]] = {pid: dict.fromkeys(prints_of(current[pid]), current[pid]) for pid in chunk}
        received: dict[int, set[str]] = {pid: set() for pid in chunk}
        for project_id, fp, got, text in connection.execute(
            select(
                revisions.c.project_id, revisions.c.fingerprint, revisions.c.received_fingerprint,
                revisions.c.snapshot,
            ).where(revisions.c.project_id.in_(chunk))
        ).all():
            snapshot = load_snapshot(text)
            for known in (fp, *prints_of(snapshot)):
                held[project_id].setdefault(known, snapshot)
            received[project_id].add(got)
        for pid in chunk:
            prints = wanted[pid]
            found = next((p for p in prints if p in held[pid]), None)
            if found is not None and not crossed_histories(found, prints, prints_of(current[pid])):
                bases[pid] = held[pid][found]
            own = own_prints.get(pid)
            if own and own not in held[pid] and own not in received[pid]:
                fresh.add(pid)
    return bases, fresh


def crossed_histories(found: str, prints: list[str], current: tuple[str, ...]) -> bool:
    """Whether each side holds the other's current version as an older one of its
    own: the row's version is one this office has had (``found`` is the row's own
    print) and this office's current version is in the row's ancestry. The same
    content reached twice by different paths makes such a cycle; which side is
    ahead cannot be told, so every difference is asked (no base) rather than each
    office keeping its value for ever."""
    return found == prints[0] and found not in current and any(p in prints for p in current)


def _merge(row: FileRow, changes: dict, target: StoredProject, base: dict | None, *, keep: bool = False) -> RowPlan:
    """The plan of a matched row from ``changes``, its fields that differ from here
    (the project's stored snapshot kept with it when ``keep`` and it changes it)."""
    mine = target.snapshot
    plan = RowPlan(
        row=row.row,
        kind=UNCHANGED,
        title=mine["title"],
        theirs=changes,
        project_id=target.id,
        version=target.version,
        # The row's own copies when equal: the match's file_uids holds them already.
        uid=row.uid if row.uid == target.uid else target.uid,
        reference=row.reference if row.reference == target.reference else target.reference,
        mine=mine,
        file_print=row.fingerprint,
        whole=row.whole,
    )
    for key, value in changes.items():
        current = mine.get(key)
        if base is not None:
            original = base.get(key)
            if value == original:
                continue  # changed only here: kept
            if current == original:
                plan.taken[key] = value  # changed only in the file: taken
                continue
        plan.conflicts.append(
            FieldConflict(row.row, target.reference, key, base.get(key) if base else None, current, value, target.id)
        )
    if plan.taken or plan.conflicts:
        plan.kind = UPDATE
    if len(plan.taken) == len(changes):
        plan.taken = changes  # every difference taken (the most common case): one dict, not two
    # The period's stored dates only when the row changes one of them: the rule that
    # ties them is checked only then (100,000 plans: 15 MB less).
    keys = (*changes, *PERIOD_KEYS) if not _PERIOD.isdisjoint(changes) else changes
    plan.before = {key: mine.get(key) for key in keys}
    if not (keep and plan.kind == UPDATE):
        plan.mine = None
    return plan


def _removals(session: Session, ids: list[int]) -> dict[int, str]:
    """How each deleted project was removed: the origin of its latest revision
    (``delete`` for a deletion by a person, ``undo`` for an undone import)."""
    if not ids:
        return {}
    revisions = ProjectRevision.__table__
    latest = (
        select(revisions.c.project_id, func.max(revisions.c.number).label("number"))
        .where(revisions.c.project_id.in_(ids))
        .group_by(revisions.c.project_id)
        .subquery()
    )
    statement = select(revisions.c.project_id, revisions.c.origin).join(
        latest, (latest.c.project_id == revisions.c.project_id) & (latest.c.number == revisions.c.number)
    )
    return dict(session.connection().execute(statement).all())


def _removed_row_plan(row: FileRow, target: StoredProject, origin: str | None, names: NameBook) -> RowPlan:
    """A row whose project is deleted here is never « unchanged »: a project deleted
    on purpose stays deleted and the row is reported; one removed by undoing an
    import is brought back with the file's values."""
    plan = RowPlan(
        row=row.row, kind=DELETED_HERE, title=target.snapshot["title"], theirs={}, project_id=target.id,
        version=target.version, uid=target.uid, reference=target.reference, mine=target.snapshot,
    )
    if origin == "delete":
        return plan
    theirs = file_snapshot(row, names)
    plan.kind = REVIVE
    plan.theirs = plan.taken = {k: v for k, v in theirs.items() if target.snapshot.get(k) != v}
    plan.file_print, plan.whole = row.fingerprint, row.whole
    return plan


def _new_names(plans: list[RowPlan], names: NameBook) -> tuple[list[str], list[str]]:
    orgs: dict[str, str] = {}
    envelopes: dict[str, str] = {}
    for plan in plans:
        if plan.kind in (DUPLICATE, DELETED_HERE):
            continue
        source = plan.theirs
        for name in [source.get("lead"), *(source.get("partners") or [])]:
            if name and fold(name) not in names.organisations:
                orgs.setdefault(fold(name), name)
        funding = source.get("funding")
        if funding and fold(funding) not in names.envelopes:
            envelopes.setdefault(fold(funding), funding)
    return sorted(orgs.values(), key=fold), sorted(envelopes.values(), key=fold)


class ImportCancelled(LabestError):
    """The user cancelled reading the file; nothing was written."""

    key = "import.cancelled"
