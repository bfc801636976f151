"""Two indexes no query uses, that every write paid for.

``ix_project_title`` ordered raw titles; the list sorts by ``title_key`` since 0003
and title search goes through the full-text index, so nothing reads it, while every
title change moved an entry in it. ``ix_project_revision_project_id`` repeats the
first column of the ``(project_id, number)`` unique index, which serves the same
lookups (history, undo, cascades). A 100,000-row import spent about a fifth of its
project update in them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_project_title", table_name="project")
    op.drop_index("ix_project_revision_project_id", table_name="project_revision")


def downgrade() -> None:
    raise NotImplementedError("Lab'EST never downgrades a database; restore a backup instead.")
