"""Three indexes that every write paid for, and no query needs.

``ix_project_title`` ordered raw titles; the list sorts by ``title_key`` since 0003
and title search goes through the full-text index, so nothing reads it, while every
title change moved an entry in it. ``ix_project_revision_project_id`` repeats the
first column of the ``(project_id, number)`` unique index, which serves the same
lookups (history, undo, cascades). ``ix_project_revision_fingerprint`` served the
import's search for merge bases, which now reads the revisions of the few projects
changed here since the export through that same unique index; its random inserts
were half the cost of writing an import's revisions. A 100,000-row import spent
about 1.2 s in the three.

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
    op.drop_index("ix_project_revision_fingerprint", table_name="project_revision")


def downgrade() -> None:
    raise NotImplementedError("Lab'EST never downgrades a database; restore a backup instead.")
