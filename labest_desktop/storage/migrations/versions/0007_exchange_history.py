"""What a complete undo and the merge of events need (issue #11).

``event_revision``: events keep revisions like projects (the snapshot of their
fields, its fingerprint, the import batch that wrote it), so an event is merged
three-way after any number of hops, and an import's changes to events are undone.

``organisation.import_batch_id`` and ``funding_envelope.import_batch_id``: the
import that created the row, so that undoing it removes what it added (unless used
since). ``project_revision.before_updated_at`` / ``before_updated_by``: when and by
whom the project had last been changed before an import's revision, so that the
undo puts them back. ``received_fingerprint`` (projects and events): the print of
the file row an import merged without taking it whole; the next export lists it in
the row's ancestry, so the office that wrote that row finds it as the base.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("event.id", ondelete="CASCADE",
                  name="fk_event_revision_event_id_event"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), sa.ForeignKey("import_batch.id", ondelete="SET NULL",
                  name="fk_event_revision_import_batch_id_import_batch"), nullable=True),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("received_fingerprint", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_event_revision"),
        sa.UniqueConstraint("event_id", "number", name="uq_event_revision_event_id"),
    )
    op.create_index("ix_event_revision_import_batch_id", "event_revision", ["import_batch_id"])
    # Plain columns (batches are never deleted): SQLite adds them in place, where a
    # foreign key would mean copying the table.
    op.add_column("organisation", sa.Column("import_batch_id", sa.Integer(), nullable=True))
    op.add_column("funding_envelope", sa.Column("import_batch_id", sa.Integer(), nullable=True))
    op.add_column("project_revision", sa.Column("before_updated_at", sa.DateTime(), nullable=True))
    op.add_column("project_revision", sa.Column("before_updated_by", sa.String(200), nullable=True))
    op.add_column("project_revision", sa.Column("received_fingerprint", sa.String(64), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("Lab'EST never downgrades a database; restore a backup instead.")
