"""Least privilege on PostgreSQL, with the README's own set-up run on a real server:
the owner role creates and upgrades the schema; the application role reads and
writes every kind of data but cannot change the schema, and when the schema needs
the owner it says so in one sentence and changes nothing."""

from __future__ import annotations

import re
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, inspect

from labest_desktop import cli
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import demo, project_query, projects, stage_moves
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import NeedsOwnerError, open_database
from labest_desktop.storage.location import server_location
from labest_desktop.storage.migrations import HEAD
from labest_desktop.storage.schema import current_revision, upgrade

pytestmark = pytest.mark.postgres

README = Path(__file__).resolve().parents[3] / "README.md"


def readme_statements(owner: str, app: str, database: str) -> list[str]:
    """The README's set-up block, for these role and database names."""
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- roles-sql -->", 1)[1].split("<!-- /roles-sql -->", 1)[0]
    sql = block.split("```sql", 1)[1].split("```", 1)[0]
    sql = sql.replace("labest_owner", owner).replace("labest_app", app)
    sql = re.sub(r"\blabest\b", database, sql)
    statements, current = [], []
    for line in sql.splitlines():
        if line.startswith("\\connect"):
            statements.append(line.strip())
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            statements.append("\n".join(current).strip())
            current = []
    return [s for s in statements if s]


def set_up(server, owner: str, app: str, database: str) -> None:
    """Run the README's statements as the superuser, as IT would in psql."""
    connection = psycopg.connect(host=str(server.socket_dir), user=server.user, dbname="postgres", autocommit=True)
    try:
        for statement in readme_statements(owner, app, database):
            if statement.startswith("\\connect"):
                connection.close()
                connection = psycopg.connect(host=str(server.socket_dir), user=server.user,
                                             dbname=statement.split()[1], autocommit=True)
                continue
            if statement.startswith("CREATE ROLE"):
                name = statement.split()[2]
                if connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
                    continue
            connection.execute(statement)
    finally:
        connection.close()


def url(server, role: str, database: str) -> str:
    return f"postgresql+psycopg://{role}@/{database}?host={server.socket_dir}"


def tables(server, database: str) -> list[str]:
    engine = create_engine(url(server, server.user, database))
    try:
        with engine.connect() as connection:
            return inspect(connection).get_table_names()
    finally:
        engine.dispose()


def test_the_readme_roles_migrate_and_work_with_least_privilege(postgres_server, tmp_path, capsys):
    owner, app, name = "lp_owner", "lp_app", "lp_office"
    set_up(postgres_server, owner, app, name)

    # The application role cannot create the schema: one sentence, nothing made.
    with pytest.raises(NeedsOwnerError) as caught:
        open_database(server_location(url(postgres_server, app, name)), backups_folder=tmp_path)
    message = caught.value.message
    assert "lp_app" in message and "upgrade" in message and "Rien n'a été modifié" in message
    assert f"→ {HEAD}" in message
    assert tables(postgres_server, name) == []

    # The owner creates it through the command IT runs.
    assert cli.main(["--database-url", url(postgres_server, owner, name), "upgrade"]) == 0
    assert f"{HEAD}, à jour" in capsys.readouterr().out

    # The application role does everyday work: create, edit, search (and its
    # warm-up), stage move, notes, and the bulk writes of the demo (which also moves the id sequence).
    ws = Workspace(open_database(server_location(url(postgres_server, app, name)), backups_folder=tmp_path), "agent")
    try:
        made = projects.create_project(ws, ProjectFields(title="Guichet numérique"))
        edited = projects.update_project(ws, made.id, made.fields.with_changes(contact="Léa"), made.version)
        stage_moves.move(ws, made.id, "prototype", "Comité", edited.version)
        projects.add_note(ws, made.id, "Relancer la DREAL")
        demo.load_demo(ws, projects=40, seed=4)
        projects.create_project(ws, ProjectFields(title="Après la démonstration"))
        project_query.warm_up_search(ws)  # what the window starts once shown
        assert project_query.project_ids(ws, project_query.ProjectFilter(search="guichet num")) == [made.id]
        assert project_query.count(ws) == 42
    finally:
        ws.database.dispose()

    # ... but no DDL.
    with psycopg.connect(host=str(postgres_server.socket_dir), user=app, dbname=name) as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("CREATE TABLE mine (x int)")
        connection.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("DROP INDEX ix_project_search_vector")


def test_an_upgrade_waits_for_the_owner(postgres_server, tmp_path):
    """A database left at an earlier schema: the application role refuses to
    upgrade it, naming both revisions, and leaves it as it was; once the owner has
    upgraded, it opens."""
    owner, app, name = "lp_owner", "lp_app", "lp_older"
    set_up(postgres_server, owner, app, name)
    engine = create_engine(url(postgres_server, owner, name))
    try:
        upgrade(engine, "0004")
    finally:
        engine.dispose()
    with pytest.raises(NeedsOwnerError) as caught:
        open_database(server_location(url(postgres_server, app, name)), backups_folder=tmp_path)
    assert f"0004 → {HEAD}" in caught.value.message
    engine = create_engine(url(postgres_server, owner, name))
    try:
        assert current_revision(engine) == "0004"
    finally:
        engine.dispose()
    open_database(server_location(url(postgres_server, owner, name)), backups_folder=tmp_path).dispose()
    open_database(server_location(url(postgres_server, app, name)), backups_folder=tmp_path).dispose()
