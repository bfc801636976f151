"""PostgreSQL: indexed word-prefix search and sorts read from indexes (no-op on SQLite).

Search: ``project.search_text`` becomes the words of the folded text, one space
between them (SQLite's FTS5 index already splits the text into the same words, so
SQLite's data is left as it is). The narrow ``project_search`` table holds each
project's ``tsvector`` of those words under a GIN index, kept by statement triggers
on ``project`` (transition tables: a multi-row statement costs one call).

Sort: one partial index per sort key over live projects, ``(key, id)``: the list's
order (key, then id as tie-breaker) is read from the index without a sort and,
the id being in the index, without reading the rows. Text keys are indexed in the
"C" collation, the byte order the list uses on both back ends (and the same on every
server, whatever its locale). They replace the single-column indexes of 0003 on
PostgreSQL, which no list query could use.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Frozen copies as of this revision (the application's live in storage.search): later changes there must not change what this migration did.
SORTED_COLUMNS = (
    "reference", "title_key", "stage", "status", "lead_id", "department", "contact_key", "start_date",
    "end_date", "budget", "funding_envelope_id", "users_involved", "agents_involved", "updated_at",
    "stage_since",
)
TEXT_COLUMNS = {"reference", "title_key", "department", "contact_key"}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

DDL = (
    # The words as lexemes, no parsing (search_text holds only words, one space
    # between them): C functions only, about 10 µs a project; immutable, so an
    # index could use it as well.
    """
    CREATE FUNCTION labest_search_vector(words text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT array_to_tsvector(array_remove(string_to_array(words, ' '), ''))
    $$
    """,
    # One bit per first letter of the words (a-z, 0-9, by code point whatever the
    # collation; bit 62 for any other): a
    # one-letter search reads them from a small B-tree, index only, instead of
    # the ids of 90 % of the table through the GIN index (40 ms instead of 110).
    """
    CREATE FUNCTION labest_search_initials(words text) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT coalesce(bit_or(CASE WHEN c BETWEEN 97 AND 122 THEN 1::bigint << (c - 97)
                                  WHEN c BETWEEN 48 AND 57 THEN 1::bigint << (c - 22)
                                  ELSE 1::bigint << 62 END), 0)
      FROM (SELECT ascii(w) AS c FROM unnest(string_to_array(words, ' ')) AS w WHERE w <> '') AS firsts
    $$
    """,
    """
    CREATE TABLE project_search (
      project_id integer PRIMARY KEY REFERENCES project(id) ON DELETE CASCADE,
      vector tsvector NOT NULL,
      initials bigint NOT NULL
    )
    """,
    """
    CREATE FUNCTION labest_project_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- labest_search_initials written out: an aggregate keeps a SQL function from
      -- being inlined, and it was planned again on every call (one per row of an
      -- executemany: 30 s over the demo's 100,000 rows); this plan is kept.
      INSERT INTO project_search (project_id, vector, initials)
      SELECT id, labest_search_vector(search_text),
             (SELECT coalesce(bit_or(CASE WHEN c BETWEEN 97 AND 122 THEN 1::bigint << (c - 97)
                                      WHEN c BETWEEN 48 AND 57 THEN 1::bigint << (c - 22)
                                      ELSE 1::bigint << 62 END), 0)
               FROM (SELECT ascii(w) AS c FROM unnest(string_to_array(search_text, ' ')) AS w WHERE w <> '') AS firsts)
      FROM inserted;
      RETURN NULL;
    END $$
    """,
    """
    CREATE FUNCTION labest_project_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE project_search s SET vector = labest_search_vector(n.search_text),
             initials = (SELECT coalesce(bit_or(CASE WHEN c BETWEEN 97 AND 122 THEN 1::bigint << (c - 97)
                                      WHEN c BETWEEN 48 AND 57 THEN 1::bigint << (c - 22)
                                      ELSE 1::bigint << 62 END), 0)
               FROM (SELECT ascii(w) AS c FROM unnest(string_to_array(n.search_text, ' ')) AS w WHERE w <> '') AS firsts)
      FROM updated n JOIN previous o ON o.id = n.id
      WHERE s.project_id = n.id AND n.search_text IS DISTINCT FROM o.search_text;
      RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER project_search_insert AFTER INSERT ON project
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION labest_project_search_insert()
    """,
    """
    CREATE TRIGGER project_search_update AFTER UPDATE ON project
    REFERENCING OLD TABLE AS previous NEW TABLE AS updated
    FOR EACH STATEMENT EXECUTE FUNCTION labest_project_search_update()
    """,
)


def _fold(value: str) -> str:
    if value.isascii():
        return " ".join(value.lower().split())
    stripped = re.sub("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]", "",
                      unicodedata.normalize("NFKD", value))
    return " ".join(stripped.casefold().split())


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    rows = bind.execute(sa.text("SELECT id, search_text FROM project")).all()
    updates = [
        {"id": pid, "words": words}
        for pid, old in rows
        if (words := " ".join(_WORD.findall(_fold(old or "")))) != old
    ]
    if updates:
        bind.execute(sa.text("UPDATE project SET search_text = :words WHERE id = :id"), updates)
    for statement in DDL:
        bind.exec_driver_sql(statement)
    bind.exec_driver_sql(
        "INSERT INTO project_search (project_id, vector, initials) "
        "SELECT id, labest_search_vector(search_text), labest_search_initials(search_text) FROM project"
    )
    bind.exec_driver_sql("CREATE INDEX ix_project_search_vector ON project_search USING gin (vector)")
    bind.exec_driver_sql("CREATE INDEX ix_project_search_initials ON project_search (initials, project_id)")
    for column in SORTED_COLUMNS:
        op.drop_index(f"ix_project_live_{column}", table_name="project")
        key = f'{column} COLLATE "C"' if column in TEXT_COLUMNS else column
        bind.exec_driver_sql(
            f"CREATE INDEX ix_project_sorted_{column} ON project ({key}, id) WHERE deleted_at IS NULL"
        )
    # Sorting by lead or envelope walks their names in byte order.
    for table in ("organisation", "funding_envelope"):
        bind.exec_driver_sql(f'CREATE INDEX ix_{table}_sorted_name ON {table} (name_key COLLATE "C", id)')


def downgrade() -> None:
    raise NotImplementedError("Lab'EST never downgrades a database; restore a backup instead.")
