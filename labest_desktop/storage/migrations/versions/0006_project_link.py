"""« Lien »: a web address per project (the registry's ``link`` field).

A nullable text column: every existing project has no link, so nothing is
rewritten and the fingerprints of existing revisions stay valid (an empty field
is not digested).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("project", sa.Column("link", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("project") as batch:
        batch.drop_column("link")
