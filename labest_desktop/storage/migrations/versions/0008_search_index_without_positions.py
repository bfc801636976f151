"""SQLite's full-text index without word positions (``detail=none``).

A search matches each of its words as the beginning of a word of the project's text
(``"mob"* AND "pref"*``): no phrase, no NEAR, no column filter, no ranking, so the
positions FTS5 stored for every word of every project served nothing. Without them
the index of 100,000 projects is 13.6 MB instead of 47.4 MB and rebuilt in 0.46 s
instead of 1.09 s (an import updating that many rebuilds it), and the searches of
the list take the same time (one to ten letters, 2-18 ms). PostgreSQL: nothing
changes (its search table has no positions).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Frozen copy of the DDL as of this revision (the triggers of 0002 name the table
# only: they stay as they are).
FTS_DDL = (
    "CREATE VIRTUAL TABLE project_fts USING fts5("
    "search_text, content='project', content_rowid='id', "
    "tokenize=\"unicode61 remove_diacritics 2\", prefix='1 2 3', detail=none)"
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    bind.exec_driver_sql("DROP TABLE project_fts")
    bind.exec_driver_sql(FTS_DDL)
    bind.exec_driver_sql("INSERT INTO project_fts(project_fts) VALUES ('rebuild')")


def downgrade() -> None:
    raise NotImplementedError("Lab'EST never downgrades a database; restore a backup instead.")
