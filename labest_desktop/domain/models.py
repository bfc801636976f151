"""Entities of the lab's portfolio, mapped with SQLAlchemy 2.0 typed declarations.

Rules about values live in :mod:`labest_desktop.domain.fields`; these classes only
say what is stored and how records relate. Times are stored as naive UTC.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from labest_desktop.domain.field_registry import PROJECT_FIELDS, FieldKind, FieldSpec
from labest_desktop.domain.fields import CENT


class Money(TypeDecorator):
    """Euros as ``Decimal`` in Python, whole cents as an integer in the database.

    SQLite has no exact decimal type (NUMERIC columns round through floats), so
    cents in a BIGINT are the only way to keep every amount exact on both backends
    and to sort and sum amounts in SQL.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect) -> int | None:
        if value is None:
            return None
        return int((Decimal(value).quantize(CENT) * 100).to_integral_exact())

    def process_result_value(self, value: int | None, dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(CENT)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def new_uid() -> str:
    return str(uuid.uuid4())


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# The SQL type of a field stored as a plain column, by kind (a line takes its rule's
# length). Organisations and envelopes are links, declared on ``Project`` itself.
_SQL_TYPE = {
    FieldKind.LONG_TEXT: Text,
    FieldKind.TAGS: Text,  # ";"-joined, order kept
    FieldKind.STAGE: lambda: String(20),
    FieldKind.STATUS: lambda: String(20),
    FieldKind.DEPARTMENT: lambda: String(10),
    FieldKind.DATE: Date,
    FieldKind.AMOUNT: Money,
    FieldKind.COUNT: Integer,
    FieldKind.URL: Text,
}


def field_columns() -> dict:
    """The mapped columns of the registry's plain fields, by attribute name."""
    columns = {}
    for spec in PROJECT_FIELDS:
        if spec.kind is FieldKind.LINE:
            sql_type = String(spec.max_length) if spec.max_length else Text()
        elif spec.kind in _SQL_TYPE:
            sql_type = _SQL_TYPE[spec.kind]()
        else:
            continue
        always = spec.required or spec.kind in (FieldKind.STAGE, FieldKind.STATUS)
        columns[spec.stored_in] = mapped_column(
            spec.stored_in, sql_type, nullable=not always, index=spec.indexed or None
        )
    return columns


# Columns the list sorts by (the folded key where a text has one): each has a
# partial index over live projects (migration 0003).
SORTED_COLUMNS = tuple(spec.sort_key or spec.stored_in for spec in PROJECT_FIELDS if spec.sorted)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


project_partner = Table(
    "project_partner",
    Base.metadata,
    Column("project_id", ForeignKey("project.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_project_partner_organisation_id", "organisation_id"),
)

event_project = Table(
    "event_project",
    Base.metadata,
    Column("event_id", ForeignKey("event.id", ondelete="CASCADE"), primary_key=True),
    Column("project_id", ForeignKey("project.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_event_project_project_id", "project_id"),
)

event_organisation = Table(
    "event_organisation",
    Base.metadata,
    Column("event_id", ForeignKey("event.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_event_organisation_organisation_id", "organisation_id"),
)


class Setting(Base):
    """Office identity and other values shared by everyone using this database."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ReferenceCounter(Base):
    """Last sequence number given per office code and year (``CODE-YYYY-NNNN``)."""

    __tablename__ = "reference_counter"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Organisation(Base):
    __tablename__ = "organisation"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # Folded name (case, accents, spaces): two spellings of one name are one organisation.
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str | None] = mapped_column(String(30))
    department: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The import that created it (undoing that import removes it unless used since).
    import_batch_id: Mapped[int | None] = mapped_column(Integer)

    led_projects: Mapped[list[Project]] = relationship(back_populates="lead", foreign_keys="Project.lead_id")
    partner_projects: Mapped[list[Project]] = relationship(
        secondary=project_partner, back_populates="partners"
    )
    events: Mapped[list[Event]] = relationship(secondary=event_organisation, back_populates="organisations")


class FundingEnvelope(Base):
    __tablename__ = "funding_envelope"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    origin: Mapped[str | None] = mapped_column(String(200))
    allocated: Mapped[Decimal | None] = mapped_column(Money)
    import_batch_id: Mapped[int | None] = mapped_column(Integer)  # the import that created it

    projects: Mapped[list[Project]] = relationship(back_populates="funding_envelope")


class ImportBatch(Base):
    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(200))
    office: Mapped[str | None] = mapped_column(String(200))
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


class Project(Base):
    __tablename__ = "project"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    reference: Mapped[str] = mapped_column(String(30), unique=True)
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="SET NULL"), index=True)
    funding_envelope_id: Mapped[int | None] = mapped_column(
        ForeignKey("funding_envelope.id", ondelete="SET NULL"), index=True
    )
    # One column per field of the registry stored as a plain value (title, stage,
    # dates, budget…), typed by its kind.
    locals().update(field_columns())
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    updated_by: Mapped[str] = mapped_column(String(200))
    stage_since: Mapped[date | None] = mapped_column(Date)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Folded text of every searchable field, kept by the session hook in storage.search.
    search_text: Mapped[str] = mapped_column(Text, default="")
    # Folded title and contact (case, accents, leading punctuation) the list sorts
    # by in French order; kept by the same hook as ``search_text``.
    title_key: Mapped[str] = mapped_column(String(200), default="")
    contact_key: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    # One partial index per sort key of the list, over live projects only: the sorted
    # ids are read from the index alone, never from the wide rows (migration 0003).
    __table_args__ = tuple(
        Index(f"ix_project_live_{column}", column, sqlite_where=text("deleted_at IS NULL"),
              postgresql_where=text("deleted_at IS NULL"))
        for column in ("reference", *SORTED_COLUMNS, "updated_at", "stage_since")
    )

    lead: Mapped[Organisation | None] = relationship(back_populates="led_projects", foreign_keys=[lead_id])
    partners: Mapped[list[Organisation]] = relationship(
        secondary=project_partner, back_populates="partner_projects", order_by="Organisation.name_key"
    )
    funding_envelope: Mapped[FundingEnvelope | None] = relationship(back_populates="projects")
    decisions: Mapped[list[StageDecision]] = relationship(
        back_populates="project", order_by="StageDecision.id", cascade="all, delete-orphan"
    )
    revisions: Mapped[list[ProjectRevision]] = relationship(
        back_populates="project", order_by="ProjectRevision.number", cascade="all, delete-orphan"
    )
    notes: Mapped[list[Note]] = relationship(
        back_populates="project", order_by="Note.created_at", cascade="all, delete-orphan"
    )
    events: Mapped[list[Event]] = relationship(secondary=event_project, back_populates="projects")

    @property
    def tag_list(self) -> list[str]:
        return [t for t in (self.tags or "").split(";") if t]

    def stored_value(self, spec: FieldSpec) -> object:
        """A field of the registry as stored: names for links, a list for tags."""
        if spec.kind is FieldKind.ORGANISATION:
            return self.lead.name if self.lead else None
        if spec.kind is FieldKind.ORGANISATIONS:
            return [o.name for o in self.partners]
        if spec.kind is FieldKind.ENVELOPE:
            return self.funding_envelope.name if self.funding_envelope else None
        if spec.kind is FieldKind.TAGS:
            return self.tag_list
        return getattr(self, spec.stored_in)


class StageDecision(Base):
    """A change of stage, with who decided, when and why; durations derive from these."""

    __tablename__ = "stage_decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    from_stage: Mapped[str | None] = mapped_column(String(20))
    to_stage: Mapped[str] = mapped_column(String(20))
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    decided_by: Mapped[str] = mapped_column(String(200))
    rationale: Mapped[str] = mapped_column(Text)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="SET NULL"))

    project: Mapped[Project] = relationship(back_populates="decisions")


class ProjectRevision(Base):
    """One state of a project after a change: the history, the merge base, the undo."""

    __tablename__ = "project_revision"
    __table_args__ = (UniqueConstraint("project_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    # Looked up through the (project_id, number) unique index.
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(200))
    # create | edit | stage | import | undo | delete | restore | merge
    origin: Mapped[str] = mapped_column(String(20))
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), index=True
    )
    snapshot: Mapped[str] = mapped_column(Text)  # JSON of the exchange fields
    fingerprint: Mapped[str] = mapped_column(String(64))  # merge bases are found by project
    # Kept by imports: the project's last change before this revision, put back by an undo.
    before_updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    before_updated_by: Mapped[str | None] = mapped_column(String(200))
    # The file row's print an import merged without taking it whole (see snapshots.revision_prints).
    received_fingerprint: Mapped[str | None] = mapped_column(String(64))

    project: Mapped[Project] = relationship(back_populates="revisions")


class Event(Base):
    __tablename__ = "event"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    date: Mapped[date | None] = mapped_column(Date, index=True)
    place: Mapped[str | None] = mapped_column(String(200))
    participants: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}

    projects: Mapped[list[Project]] = relationship(secondary=event_project, back_populates="events")
    organisations: Mapped[list[Organisation]] = relationship(
        secondary=event_organisation, back_populates="events"
    )


class EventRevision(Base):
    """One state of an event after a change: the merge base of the events sheet and
    what undoing an import puts back."""

    __tablename__ = "event_revision"
    __table_args__ = (UniqueConstraint("event_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(200))
    origin: Mapped[str] = mapped_column(String(20))  # create | edit | import | undo
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), index=True
    )
    snapshot: Mapped[str] = mapped_column(Text)  # JSON of the event's fields
    fingerprint: Mapped[str] = mapped_column(String(64))
    received_fingerprint: Mapped[str | None] = mapped_column(String(64))


class Note(Base):
    __tablename__ = "note"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)

    project: Mapped[Project] = relationship(back_populates="notes")
