"""Schema migrations: a new database is created at the newest revision; an older one
is backed up, then upgraded in one transaction with its data kept; a newer one or
another application's file is refused and left byte-for-byte untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from labest_desktop import __version__
from labest_desktop.domain.errors import StorageError
from labest_desktop.domain.models import Base
from labest_desktop.services import project_query
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage import backup as backups
from labest_desktop.storage.damage import ForeignDatabaseError
from labest_desktop.storage.database import open_database
from labest_desktop.storage.engine import make_engine
from labest_desktop.storage.location import server_location, sqlite_location
from labest_desktop.storage.migrations import HEAD
from labest_desktop.storage.schema import (
    NewerSchemaError,
    current_revision,
    known_revisions,
    upgrade,
)


def test_head_constant_matches_the_migration_scripts():
    """``migrations.HEAD`` (read without importing Alembic) is the scripts' single head,
    and the history is a straight line starting at 0001."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from labest_desktop import paths

    config = Config()
    config.set_main_option("script_location", str(paths.package_path("storage", "migrations")))
    script = ScriptDirectory.from_config(config)
    assert script.get_heads() == [HEAD]
    assert known_revisions()[0] == HEAD
    assert known_revisions()[-1] == "0001"


def test_a_new_database_is_created_at_head(workspace):
    """Opening a location with no database creates every table at the newest revision
    and records which application version wrote it."""
    engine = workspace.database.engine
    assert current_revision(engine) == HEAD
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    with engine.connect() as connection:
        written = connection.execute(text("SELECT value FROM setting WHERE key = 'app.version'")).scalar()
    assert written == __version__


def _own_to(dialect: str):
    def include(_object, name, kind, _reflected, _compare_to) -> bool:
        if kind == "table":
            return not name.startswith(("project_fts", "project_search"))
        if kind == "index" and dialect == "postgresql":
            return not (name.startswith(("ix_project_sorted_", "ix_project_live_")) or name.endswith("_sorted_name"))
        return True

    return include


def test_the_migrations_build_what_the_models_declare(workspace):
    """The schema the migrations create matches the ORM models exactly (no missing
    column, index or constraint that a later migration would have to discover)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with workspace.database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": False,
                # The FTS5 index of migration 0002 is SQLite's own, not a model; so are
                # PostgreSQL's search table and (key, id) sort indexes of 0005, which
                # replace the models' single-column ones there.
                "include_object": _own_to(workspace.database.dialect),
            },
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_opening_a_current_database_changes_nothing(tmp_path):
    """A database already at head is opened without a backup and without a migration."""
    location = sqlite_location(tmp_path / "labest.sqlite3")
    open_database(location, backups_folder=tmp_path / "backups").dispose()
    again = open_database(location, backups_folder=tmp_path / "backups")
    again.dispose()
    assert backups.list_backups(tmp_path / "backups") == []


# --- upgrade of a database made at the first revision ---------------------------------

ROWS_AT_0001 = [
    "INSERT INTO setting (key, value) VALUES ('office.code', 'PREF57')",
    "INSERT INTO organisation (id, name, name_key, kind, department, created_at) VALUES "
    "(1, 'Préfecture de la Moselle', 'prefecture de la moselle', 'state', '57', '2025-01-02 10:00:00'),"
    "(2, 'Université de Lorraine', 'universite de lorraine', 'university', '54', '2025-01-02 10:00:00')",
    "INSERT INTO funding_envelope (id, name, name_key, origin, allocated) VALUES "
    "(1, 'Budget propre', 'budget propre', 'Lab', 25000000)",
    "INSERT INTO project (id, uid, reference, title, description, stage, status, lead_id, tags, department, "
    "contact, start_date, end_date, budget, funding_envelope_id, users_involved, agents_involved, created_at, "
    "created_by, updated_at, updated_by, stage_since, deleted_at, version) VALUES "
    "(1, 'a0000000-0000-4000-8000-000000000001', 'PREF57-2025-0001', 'Déploiement du guichet numérique', "
    "'Accueil à Metz', 'deployment', 'active', 1, 'numérique;accueil', '57', 'Sophie Weber', '2025-01-10', "
    "NULL, 1234550, 1, 12, 3, '2025-01-02 10:00:00', 'ancien', '2025-02-01 10:00:00', 'ancien', "
    "'2025-02-01', NULL, 4),"
    "(2, 'a0000000-0000-4000-8000-000000000002', 'PREF57-2025-0002', 'Crues de la Moselle', NULL, "
    "'ideation', 'paused', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
    "'2025-01-03 10:00:00', 'ancien', '2025-01-03 10:00:00', 'ancien', '2025-01-03', NULL, 1)",
    "INSERT INTO project_partner (project_id, organisation_id) VALUES (2, 2)",
    "INSERT INTO stage_decision (project_id, from_stage, to_stage, decided_at, decided_by, rationale) VALUES "
    "(1, NULL, 'ideation', '2025-01-02 10:00:00', 'ancien', 'Création')",
    "INSERT INTO reference_counter (code, year, last) VALUES ('PREF57', 2025, 2)",
]


def make_database_at_0001(location) -> None:
    engine = make_engine(location)
    try:
        upgrade(engine, "0001")
        with engine.begin() as connection:
            for statement in ROWS_AT_0001:
                connection.execute(text(statement))
        assert current_revision(engine) == "0001"
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def old_location(request, tmp_path):
    """A database made by the first release (revision 0001) with data in it."""
    if request.param == "sqlite":
        location = sqlite_location(tmp_path / "labest.sqlite3")
    else:
        server = request.getfixturevalue("postgres_server")
        location = server_location(server.create_database(f"old_{abs(hash(tmp_path)) % 10**8}"))
    make_database_at_0001(location)
    return location


def test_an_old_database_is_upgraded_with_its_data(old_location, tmp_path):
    """Opening a 0001 database upgrades it to head: every row is kept, the search
    text is computed for existing projects and search finds them."""
    database = open_database(old_location, backups_folder=tmp_path / "backups")
    try:
        assert current_revision(database.engine) == HEAD
        ws = Workspace(database, "test-agent")
        from labest_desktop.services import office, projects

        first = projects.find_by_reference(ws, "PREF57-2025-0001")
        assert first.fields.title == "Déploiement du guichet numérique"
        assert str(first.fields.budget) == "12345.50"
        assert first.fields.lead == "Préfecture de la Moselle"
        assert first.fields.tags == ("numérique", "accueil")
        assert first.version == 4
        assert office.get(ws, office.OFFICE_CODE) == "PREF57"
        with database.reading() as session:
            texts = dict(session.execute(text("SELECT id, search_text FROM project")).all())
        assert "deploiement du guichet numerique" in texts[1]
        assert "prefecture de la moselle" in texts[1]
        assert "universite de lorraine" in texts[2]
        for query, reference in [
            ("deploiement", "PREF57-2025-0001"),
            ("metz", "PREF57-2025-0001"),
            ("prefecture", "PREF57-2025-0001"),
            ("lorraine", "PREF57-2025-0002"),
            ("crues", "PREF57-2025-0002"),
        ]:
            ids = project_query.project_ids(ws, project_query.ProjectFilter(search=query))
            assert [r.reference for r in project_query.rows(ws, ids).values()] == [reference], query
        # The sequence goes on from the old counter.
        with ws.unit_of_work() as uow:
            from labest_desktop.services.project_store import next_reference

            assert next_reference(uow.session, "PREF57", 2025) == "PREF57-2025-0003"
    finally:
        database.dispose()


def test_an_old_sqlite_database_is_backed_up_before_the_upgrade(tmp_path):
    """Before upgrading, a backup of the database as it was (still at 0001, with its
    rows) is written to the backups folder."""
    location = sqlite_location(tmp_path / "labest.sqlite3")
    make_database_at_0001(location)
    open_database(location, backups_folder=tmp_path / "backups").dispose()
    [made] = backups.list_backups(tmp_path / "backups")
    assert f"before-upgrade-0001-to-{HEAD}" in made.name
    with sqlite3.connect(made) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert connection.execute("SELECT count(*) FROM project").fetchone() == (2,)
    assert backups.integrity_problem(made) is None


def test_a_failed_upgrade_leaves_the_database_at_its_old_revision(tmp_path):
    """The upgrade runs in one transaction, DDL included: when it fails half-way, the
    database is exactly as before (still 0001, no new column, data intact)."""
    location = sqlite_location(tmp_path / "labest.sqlite3")
    make_database_at_0001(location)
    with sqlite3.connect(location.path) as connection:
        # A table in the way of migration 0002, so that it fails after its first steps.
        connection.execute("CREATE TABLE project_fts (x)")
    with pytest.raises(StorageError):
        open_database(location, backups_folder=tmp_path / "backups")
    engine = make_engine(location)
    try:
        assert current_revision(engine) == "0001"
        columns = {c["name"] for c in inspect(engine).get_columns("project")}
        assert "search_text" not in columns
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM project")).scalar() == 2
    finally:
        engine.dispose()


# --- refusals ------------------------------------------------------------------------


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_newer_database_is_refused_naming_both_versions_and_left_unchanged(tmp_path, journal):
    """A database whose schema revision this application does not know (written by a
    newer release) is refused with a message naming its revision, the application's
    revision and version; the file is byte-identical afterwards, never downgraded —
    also when it is in rollback-journal mode, as a restored backup is."""
    path = tmp_path / "labest.sqlite3"
    location = sqlite_location(path)
    open_database(location, backups_folder=tmp_path / "backups").dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.execute("UPDATE setting SET value = '9.1.0' WHERE key = 'app.version'")
    connection.execute(f"PRAGMA journal_mode={journal}")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError) as caught:
        open_database(location, backups_folder=tmp_path / "backups")
    message = caught.value.message
    assert "9999" in message and HEAD in message
    assert "9.1.0" in message and __version__ in message
    assert "n'a pas été modifiée" in message
    assert path.read_bytes() == before
    assert backups.list_backups(tmp_path / "backups") == []


@pytest.mark.postgres
def test_a_newer_server_database_is_refused(postgres_server, tmp_path):
    """The same refusal on a PostgreSQL database; its revision stays 9999."""
    location = server_location(postgres_server.create_database("newer"))
    open_database(location, backups_folder=tmp_path / "b").dispose()
    engine = make_engine(location)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(NewerSchemaError):
        open_database(location, backups_folder=tmp_path / "b")
    assert current_revision(engine) == "9999"
    engine.dispose()


def make_foreign_database(path: Path) -> bytes:
    """Another application's SQLite database (default rollback journal, no Lab'EST
    schema), returned as its bytes."""
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO contacts (name) VALUES ('Alice'), ('Bob')")
    connection.commit()
    connection.close()
    return path.read_bytes()


def test_another_applications_database_is_refused_and_not_modified(tmp_path):
    """A healthy SQLite file with someone else's tables is refused with
    ``ForeignDatabaseError``; not one byte of it changes (not even its journal mode)."""
    path = tmp_path / "other-app.db"
    before = make_foreign_database(path)
    with pytest.raises(ForeignDatabaseError) as caught:
        open_database(sqlite_location(path), backups_folder=tmp_path / "backups")
    assert str(path) in caught.value.message
    assert "autre application" in caught.value.message
    assert path.read_bytes() == before
    assert not Path(str(path) + "-wal").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other-app.db"]
