"""Finding projects: one filter object for the list, the board, exports and the
command line, evaluated in the database (search, filters and sort never load the
whole portfolio into Python)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, make_dataclass, replace
from datetime import date, datetime

from sqlalchemy import Select, case, func, inspect, literal_column, or_, select
from sqlalchemy.orm import aliased

from labest_desktop.domain.field_registry import PERIOD_KEYS, PROJECT_FIELDS, FieldKind, FieldSpec
from labest_desktop.domain.models import FundingEnvelope, Organisation, Project, project_partner
from labest_desktop.domain.vocab import Stage, Status
from labest_desktop.services.snapshots import chunks, load_projects
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage import search


@dataclass(frozen=True)
class ProjectFilter:
    search: str = ""
    stages: frozenset[str] = field(default_factory=frozenset)
    statuses: frozenset[str] = field(default_factory=frozenset)
    departments: frozenset[str] = field(default_factory=frozenset)
    organisation_id: int | None = None  # lead or partner
    envelope_id: int | None = None
    date_from: date | None = None  # projects running on or after this day
    date_to: date | None = None  # projects started on or before this day
    ids: frozenset[int] | None = None  # an explicit selection
    include_deleted: bool = False

    def is_empty(self) -> bool:
        return self == ProjectFilter()


_lead = aliased(Organisation, name="lead_org")
_envelope = aliased(FundingEnvelope, name="funding_env")

STAGE_ORDER = case({str(s): i for i, s in enumerate(Stage)}, value=Project.stage, else_=99)
STATUS_ORDER = case({str(s): i for i, s in enumerate(Status)}, value=Project.status, else_=99)



def _sort_expression(spec: FieldSpec):
    if spec.kind is FieldKind.STAGE:
        return STAGE_ORDER
    if spec.kind is FieldKind.STATUS:
        return STATUS_ORDER
    if spec.kind is FieldKind.ORGANISATION:
        return _lead.name_key
    if spec.kind is FieldKind.ENVELOPE:
        return _envelope.name_key
    return getattr(Project, spec.sort_key or spec.stored_in)


# Sort keys the list offers, each evaluated in SQL; joins added when needed. Text is
# sorted by folded keys (French order: case and accents ignored).
SORT_COLUMNS = {
    "reference": Project.reference,
    **{spec.key: _sort_expression(spec) for spec in PROJECT_FIELDS if spec.sorted},
    "updated_at": Project.updated_at,
    "stage_since": Project.stage_since,
}
# Text keys compare byte for byte on both backends (PostgreSQL's locale collations
# would otherwise skip spaces and punctuation where SQLite does not); PostgreSQL's
# sort indexes are built in that collation (migration 0005).
_BYTEWISE = {
    "reference",
    *(spec.key for spec in PROJECT_FIELDS
      if spec.sort_key or spec.kind in (FieldKind.ORGANISATION, FieldKind.ENVELOPE, FieldKind.DEPARTMENT)),
}
_START, _END = (getattr(Project, key) for key in PERIOD_KEYS)


def _key(sort: str, dialect: str):
    column = SORT_COLUMNS.get(sort, Project.reference)
    return column.collate("C") if sort in _BYTEWISE and dialect == "postgresql" else column


def apply_filter(statement: Select, flt: ProjectFilter, dialect: str) -> Select:
    if not flt.include_deleted:
        statement = statement.where(Project.deleted_at.is_(None))
    if flt.search.strip():
        clause = search.match_clause(flt.search, dialect)
        if clause is not None:
            statement = statement.where(clause)
    if flt.stages:
        statement = statement.where(Project.stage.in_(sorted(flt.stages)))
    if flt.statuses:
        statement = statement.where(Project.status.in_(sorted(flt.statuses)))
    if flt.departments:
        statement = statement.where(Project.department.in_(sorted(flt.departments)))
    if flt.organisation_id is not None:
        partnered = select(project_partner.c.project_id).where(
            project_partner.c.organisation_id == flt.organisation_id
        )
        statement = statement.where(or_(Project.lead_id == flt.organisation_id, Project.id.in_(partnered)))
    if flt.envelope_id is not None:
        statement = statement.where(Project.funding_envelope_id == flt.envelope_id)
    if flt.date_from is not None:
        statement = statement.where(or_(_END.is_(None), _END >= flt.date_from))
    if flt.date_to is not None:
        statement = statement.where(or_(_START.is_(None), _START <= flt.date_to))
    if flt.ids is not None:
        statement = statement.where(Project.id.in_(sorted(flt.ids)))
    return statement


def ids_query(flt: ProjectFilter, dialect: str, sort: str = "reference", descending: bool = False) -> Select:
    """Ids of the matching projects in list order: NULLs last either way, and the id
    as tie-breaker so windows never overlap."""
    column = _key(sort, dialect)
    statement = select(Project.id)
    if sort == "lead":
        statement = statement.outerjoin(_lead, _lead.id == Project.lead_id)
    elif sort == "funding":
        statement = statement.outerjoin(_envelope, _envelope.id == Project.funding_envelope_id)
    statement = apply_filter(statement, flt, dialect)
    order = column.desc() if descending else column.asc()
    tie = Project.id.desc() if descending else Project.id.asc()
    return statement.order_by(order.nulls_last(), tie)


# Above this many organisations (envelopes), a sort by lead (envelope) joins and
# sorts instead of reading one index range per organisation: each range is a round
# trip (38 leads: 170 ms against 100 ms for the join under load; 4 envelopes:
# 45-65 ms against 160).
_PARTS_LIMIT = 12


def _segments(session, flt: ProjectFilter, sort: str, descending: bool, dialect: str) -> list[Select]:
    """``ids_query`` as consecutive parts, each read in order from one partial index
    over live projects without a sort and without reading the wide rows (SQLite's
    ``ix_project_live_*`` on the key, whose entries end with the rowid; PostgreSQL's
    ``ix_project_sorted_*`` on ``(key, id)``): the non-NULL keys, then the NULL ones
    (an index gives NULLs last one way only); a stage or status one value after
    another in vocabulary order; a lead or envelope by walking the organisations
    (envelopes) in name order."""
    if sort not in SORT_COLUMNS:
        sort = "reference"
    tie = Project.id.desc() if descending else Project.id.asc()

    def part(*conditions, key=None, join=None) -> Select:
        statement = select(Project.id)
        if join is not None:
            statement = statement.join(*join)
        statement = apply_filter(statement.where(*conditions), replace(flt, search=""), dialect)
        if key is None:
            return statement.order_by(tie)
        return statement.order_by(key.desc() if descending else key.asc(), tie)

    if sort in ("stage", "status"):
        column = Project.stage if sort == "stage" else Project.status
        known = [str(v) for v in (Stage if sort == "stage" else Status)]
        present = set(session.scalars(select(column).where(Project.deleted_at.is_(None)).distinct()))
        parts = [part(column == value) for value in known if value in present]
        unknown = sorted(present.difference(known))
        if unknown:  # sorted after the vocabulary, as ids_query's "else 99"
            parts.append(part(column.in_(unknown)))
        return parts[::-1] if descending else parts
    if sort in ("lead", "funding"):
        other, link = (_lead, Project.lead_id) if sort == "lead" else (_envelope, Project.funding_envelope_id)
        if dialect == "postgresql":
            # The organisations (envelopes) that lead live projects, in name order,
            # then each one's projects from the (key, id) index: PostgreSQL would
            # rather join the few envelopes and sort 80,000 rows (160 ms).
            used = select(Project.id).where(link == other.id, Project.deleted_at.is_(None)).exists()
            names = list(session.scalars(select(other.id).where(used).order_by(other.name_key.collate("C"))))
            if len(names) <= _PARTS_LIMIT:
                parts = [part(link == oid) for oid in (names[::-1] if descending else names)]
                return parts + [part(link.is_(None))]
        # ``+id``: the name may not be looked up per project (then sorted); the
        # names are walked in order and each one's projects read from the index.
        joined = literal_column(f"+{inspect(other).name}.id") == link
        name = other.name_key.collate("C") if dialect == "postgresql" else other.name_key
        return [part(key=name, join=(other, joined)), part(link.is_(None))]
    column = _key(sort, dialect)
    parts = [part(SORT_COLUMNS[sort].is_not(None), key=column)]
    if SORT_COLUMNS[sort].expression.nullable:
        parts.append(part(SORT_COLUMNS[sort].is_(None)))
    return parts


def project_ids(ws: Workspace, flt: ProjectFilter = ProjectFilter(), sort: str = "reference", descending: bool = False) -> list[int]:
    dialect = ws.database.dialect
    with ws.reading() as session:
        if flt.include_deleted:  # no partial index for deleted rows
            return list(session.scalars(ids_query(flt, dialect, sort, descending)))
        # The search is applied in Python to the list without it: the hits as a
        # set (FTS5 on SQLite, the project_search GIN index on PostgreSQL), the
        # ordered ids filtered through it. That list does not change while the
        # user types, so each keystroke reuses it and costs only the index lookup
        # (SQLite, 100,000 projects, "m": 37 ms when SQLite checked each id of the
        # sorted index against the hits; 14 ms reused, 35 ms when read afresh).
        if dialect == "sqlite":
            hits = search.sqlite_matches(session, flt.search)
        else:
            hits = search.postgresql_matches(session, flt.search)
        if hits is not None and not hits:
            return []
        unsearched = replace(flt, search="")
        if dialect == "sqlite":
            ordered = _unsearched_ids(session, unsearched, sort, descending)
        else:
            ordered = _unsearched_server_ids(ws, session, unsearched, sort, descending)
        if hits is None:
            return list(ordered)
        return [pid for pid in ordered if pid in hits]


# Where a SQLite connection keeps the last list it read without a search, so that
# each keystroke of a search reuses it. It lives in the pool's record of the
# connection (dropped with it) because what proves it current is per connection
# too: ``data_version`` changes when another connection commits, and
# ``total_changes()`` when this one writes (triggers and rolled back writes
# included, so the proof errs only towards reading again).
_UNSEARCHED = "labest_desktop.unsearched_ids"


def _unsearched_ids(session, flt: ProjectFilter, sort: str, descending: bool) -> list[int]:
    """The ids ``flt`` (without a search) lists in order, read from the partial sort
    indexes or reused from the previous call on this connection if nothing was
    written since. The stamp is read in the caller's transaction, so it and the
    ids describe the same snapshot."""
    connection = session.connection()
    stamp = tuple(connection.exec_driver_sql("SELECT total_changes(), data_version FROM pragma_data_version()").one())
    key = (flt, sort, descending, stamp)
    info = connection.connection.info
    kept = info.get(_UNSEARCHED)
    if kept is not None and kept[0] == key:
        return kept[1]
    # Each part comes back as one JSON array built in SQLite: 100,000 ids cost one
    # string instead of 100,000 result rows (30 ms -> 14 ms). SQLite keeps a
    # FROM-subquery's ORDER BY for an aggregate such as json_group_array
    # (test_sort_order checks the result against ids_query).
    ids: list[int] = []
    for statement in _segments(session, flt, sort, descending, "sqlite"):
        inner = statement.subquery()
        packed = session.execute(select(func.json_group_array(inner.c.id))).scalar()
        ids.extend(json.loads(packed))
    info[_UNSEARCHED] = (key, ids)
    return ids


def _unsearched_server_ids(ws: Workspace, session, flt: ProjectFilter, sort: str, descending: bool) -> list[int]:
    """The same on PostgreSQL: each part read from its ``(key, id)`` index (an
    index-only scan once vacuumed) and sent as one array (100,000 ids: 25 ms).

    A server has no ``data_version``: the list is reused only while the database
    is watched for changes (``Database.change_stamp`` is not ``None``), the stamp
    moving with each of this process's commits and each change another one
    announces (storage.changes). Unwatched (command line, scripts), every call
    reads again."""
    stamp = ws.database.change_stamp
    key = (flt, sort, descending, stamp)
    kept = ws.database.kept_ids
    if stamp is not None and kept is not None and kept[0] == key:
        return kept[1]
    ids: list[int] = []
    for statement in _segments(session, flt, sort, descending, "postgresql"):
        inner = statement.subquery()
        # PostgreSQL aggregates a FROM-subquery's rows in its ORDER BY's order (an
        # ORDER BY inside array_agg would sort again instead of reading the index in
        # order); test_sort_order checks the result against ids_query.
        compiled = select(func.array_agg(inner.c.id)).compile(
            session.connection(), compile_kwargs={"render_postcompile": True}
        )
        ids.extend(search.fetch_array(session, str(compiled), compiled.params))
    ws.database.kept_ids = (key, ids) if stamp is not None else None
    return ids


def warm_up_search(ws: Workspace) -> None:
    """Prepare the database for the first search of the session (see
    ``storage.search.warm_up``); the window calls it in the background once the
    list is shown."""
    with ws.reading() as session:
        search.warm_up(session)


def count(ws: Workspace, flt: ProjectFilter = ProjectFilter()) -> int:
    with ws.reading() as session:
        statement = apply_filter(select(func.count(Project.id)), flt, ws.database.dialect)
        return session.scalar(statement) or 0


# The fields the portfolio list shows (those with a column header in the registry).
LIST_FIELDS = tuple(spec for spec in PROJECT_FIELDS if spec.short_label is not None)

# What the portfolio list shows of a project: id, reference, the list's fields
# (names for organisations and envelopes), time of change, stage date, version.
ProjectRow = make_dataclass(
    "ProjectRow",
    [("id", int), ("reference", str), *((spec.key, object) for spec in LIST_FIELDS),
     ("updated_at", datetime), ("stage_since", date | None), ("version", int)],
    frozen=True,
    namespace={"__module__": __name__},
)


def _list_column(spec: FieldSpec):
    if spec.kind is FieldKind.ORGANISATION:
        return _lead.name
    if spec.kind is FieldKind.ENVELOPE:
        return _envelope.name
    return getattr(Project, spec.stored_in)


def rows(ws: Workspace, ids: list[int]) -> dict[int, ProjectRow]:
    """List rows for ``ids`` (one window of the list), keyed by id."""
    if not ids:
        return {}
    statement = (
        select(
            Project.id,
            Project.reference,
            *(_list_column(spec) for spec in LIST_FIELDS),
            Project.updated_at,
            Project.stage_since,
            Project.version,
        )
        .outerjoin(_lead, _lead.id == Project.lead_id)
        .outerjoin(_envelope, _envelope.id == Project.funding_envelope_id)
        .where(Project.id.in_(ids))
    )
    with ws.reading() as session:
        return {r[0]: ProjectRow(*r) for r in session.execute(statement)}


def iter_snapshots(ws: Workspace, flt: ProjectFilter = ProjectFilter(), sort: str = "reference") -> Iterator[dict]:
    """Snapshots (exchange keys) plus ``updated_at``, in ``sort`` order, read in
    chunks so that exports of 100,000 projects keep memory flat."""
    ids = project_ids(ws, flt, sort)
    for chunk in chunks(ids, 5000):
        with ws.reading() as session:
            for stored in load_projects(session, chunk):
                snapshot = dict(stored.snapshot)
                snapshot["updated_at"] = stored.updated_at
                yield snapshot
