"""Sorting in the database: folded title and contact keys, one partial index per
sort key over live projects.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import re

import sqlalchemy as sa
from alembic import op

from labest_desktop.domain.text import fold

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Frozen copies as of this revision (the application's own live in storage.search
# and domain.models): later changes there must not change what this migration did.
SORTED_COLUMNS = (
    "reference", "title_key", "stage", "status", "lead_id", "department", "contact_key", "start_date",
    "end_date", "budget", "funding_envelope_id", "users_involved", "agents_involved", "updated_at",
    "stage_since",
)
_LEADING_PUNCTUATION = re.compile(r"^[\W_]+")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


def _sort_key(value):
    if value is None:
        return None
    folded = fold(value).translate(_LIGATURES)
    return _LEADING_PUNCTUATION.sub("", folded) or folded


def upgrade() -> None:
    with op.batch_alter_table("project") as batch:
        batch.add_column(sa.Column("title_key", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("contact_key", sa.String(200), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, title, contact FROM project")).all()
    updates = [{"id": pid, "title": _sort_key(title) or "", "contact": _sort_key(contact)} for pid, title, contact in rows]
    if updates:
        bind.execute(sa.text("UPDATE project SET title_key = :title, contact_key = :contact WHERE id = :id"), updates)
    for column in SORTED_COLUMNS:
        op.create_index(
            f"ix_project_live_{column}",
            "project",
            [column],
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )


def downgrade() -> None:
    raise NotImplementedError("Lab'EST never downgrades a database; restore a backup instead.")
