"""Full-text search: folded ``search_text`` on projects, FTS5 index on SQLite.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from labest_desktop.domain.text import fold

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Frozen copies of the DDL as of this revision: later changes to the application's
# search module must not change what this migration did.
FTS_DDL = (
    "CREATE VIRTUAL TABLE project_fts USING fts5("
    "search_text, content='project', content_rowid='id', "
    "tokenize=\"unicode61 remove_diacritics 2\", prefix='1 2 3')",
    "CREATE TRIGGER project_fts_insert AFTER INSERT ON project BEGIN "
    "INSERT INTO project_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER project_fts_delete AFTER DELETE ON project BEGIN "
    "INSERT INTO project_fts(project_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER project_fts_update AFTER UPDATE OF search_text ON project BEGIN "
    "INSERT INTO project_fts(project_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO project_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
)


def upgrade() -> None:
    with op.batch_alter_table("project") as batch:
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    bind = op.get_bind()
    orgs = dict(bind.execute(sa.text("SELECT id, name FROM organisation")).all())
    partners: dict[int, list[str]] = {}
    for project_id, org_id in bind.execute(sa.text("SELECT project_id, organisation_id FROM project_partner")):
        partners.setdefault(project_id, []).append(orgs.get(org_id, ""))
    rows = bind.execute(
        sa.text("SELECT id, title, description, tags, reference, contact, lead_id FROM project")
    ).all()
    updates = []
    for pid, title, description, tags, reference, contact, lead_id in rows:
        names = ([orgs[lead_id]] if lead_id in orgs else []) + sorted(partners.get(pid, []), key=fold)
        parts = [title, reference, contact, (tags or "").replace(";", " "), *names, description]
        updates.append({"id": pid, "text": fold(" ".join(p for p in parts if p))})
    if updates:
        bind.execute(sa.text("UPDATE project SET search_text = :text WHERE id = :id"), updates)
    if bind.dialect.name == "sqlite":
        for statement in FTS_DDL:
            bind.exec_driver_sql(statement)
        bind.exec_driver_sql("INSERT INTO project_fts(project_fts) VALUES ('rebuild')")


def downgrade() -> None:
    raise NotImplementedError("Lab'EST never downgrades a database; restore a backup instead.")
