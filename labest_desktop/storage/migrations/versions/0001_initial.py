"""Initial schema: projects, organisations, envelopes, decisions, revisions, events, notes.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_setting"),
    )
    op.create_table(
        "reference_counter",
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", "year", name="pk_reference_counter"),
    )
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(30)),
        sa.Column("department", sa.String(10)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_organisation"),
        sa.UniqueConstraint("name_key", name="uq_organisation_name_key"),
    )
    op.create_table(
        "funding_envelope",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("origin", sa.String(200)),
        sa.Column("allocated", sa.BigInteger()),
        sa.PrimaryKeyConstraint("id", name="pk_funding_envelope"),
        sa.UniqueConstraint("name_key", name="uq_funding_envelope_name_key"),
    )
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("office", sa.String(200)),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.DateTime()),
        sa.PrimaryKeyConstraint("id", name="pk_import_batch"),
    )
    op.create_index("ix_import_batch_sha256", "import_batch", ["sha256"])
    op.create_table(
        "project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("reference", sa.String(30), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text()),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("lead_id", sa.Integer()),
        sa.Column("tags", sa.Text()),
        sa.Column("department", sa.String(10)),
        sa.Column("contact", sa.String(200)),
        sa.Column("start_date", sa.Date()),
        sa.Column("end_date", sa.Date()),
        sa.Column("budget", sa.BigInteger()),
        sa.Column("funding_envelope_id", sa.Integer()),
        sa.Column("users_involved", sa.Integer()),
        sa.Column("agents_involved", sa.Integer()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("stage_since", sa.Date()),
        sa.Column("deleted_at", sa.DateTime()),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["organisation.id"], name="fk_project_lead_id_organisation", ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["funding_envelope_id"],
            ["funding_envelope.id"],
            name="fk_project_funding_envelope_id_funding_envelope",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_project"),
        sa.UniqueConstraint("uid", name="uq_project_uid"),
        sa.UniqueConstraint("reference", name="uq_project_reference"),
    )
    for column in ("title", "stage", "status", "lead_id", "department", "funding_envelope_id", "updated_at"):
        op.create_index(f"ix_project_{column}", "project", [column])
    op.create_table(
        "project_partner",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name="fk_project_partner_project_id_project", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name="fk_project_partner_organisation_id_organisation",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "organisation_id", name="pk_project_partner"),
    )
    op.create_index("ix_project_partner_organisation_id", "project_partner", ["organisation_id"])
    op.create_table(
        "stage_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("from_stage", sa.String(20)),
        sa.Column("to_stage", sa.String(20), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by", sa.String(200), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("import_batch_id", sa.Integer()),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name="fk_stage_decision_project_id_project", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batch.id"],
            name="fk_stage_decision_import_batch_id_import_batch",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_stage_decision"),
    )
    op.create_index("ix_stage_decision_project_id", "stage_decision", ["project_id"])
    op.create_index("ix_stage_decision_decided_at", "stage_decision", ["decided_at"])
    op.create_table(
        "project_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("import_batch_id", sa.Integer()),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name="fk_project_revision_project_id_project", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batch.id"],
            name="fk_project_revision_import_batch_id_import_batch",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_project_revision"),
        sa.UniqueConstraint("project_id", "number", name="uq_project_revision_project_id"),
    )
    op.create_index("ix_project_revision_project_id", "project_revision", ["project_id"])
    op.create_index("ix_project_revision_import_batch_id", "project_revision", ["import_batch_id"])
    op.create_index("ix_project_revision_fingerprint", "project_revision", ["fingerprint"])
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("date", sa.Date()),
        sa.Column("place", sa.String(200)),
        sa.Column("participants", sa.Integer()),
        sa.Column("description", sa.Text()),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_event"),
        sa.UniqueConstraint("uid", name="uq_event_uid"),
    )
    op.create_index("ix_event_date", "event", ["date"])
    for name, other in (("event_project", "project"), ("event_organisation", "organisation")):
        op.create_table(
            name,
            sa.Column("event_id", sa.Integer(), nullable=False),
            sa.Column(f"{other}_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["event_id"], ["event.id"], name=f"fk_{name}_event_id_event", ondelete="CASCADE"),
            sa.ForeignKeyConstraint(
                [f"{other}_id"], [f"{other}.id"], name=f"fk_{name}_{other}_id_{other}", ondelete="CASCADE"
            ),
            sa.PrimaryKeyConstraint("event_id", f"{other}_id", name=f"pk_{name}"),
        )
        op.create_index(f"ix_{name}_{other}_id", name, [f"{other}_id"])
    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], name="fk_note_project_id_project", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_note"),
    )
    op.create_index("ix_note_project_id", "note", ["project_id"])


def downgrade() -> None:
    raise NotImplementedError("Lab'EST never downgrades a database; restore a backup instead.")
