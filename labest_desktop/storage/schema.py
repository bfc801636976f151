"""Bringing a database to the application's schema with Alembic.

A new database is created at the newest revision; an older one is backed up, then
upgraded in one transaction; one newer than the application is refused, never
downgraded. Alembic is imported only when there is something to do, so opening an
up-to-date database stays fast.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError

from labest_desktop import __version__, messages, paths
from labest_desktop.domain.errors import StorageError
from labest_desktop.storage.damage import ForeignDatabaseError
from labest_desktop.storage.migrations import HEAD

logger = logging.getLogger(__name__)


class NewerSchemaError(StorageError):
    key = "storage.newer_schema"


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision, ``None`` for a database without one."""
    with engine.connect() as connection:
        names = inspect(connection).get_table_names()
        if "alembic_version" not in names:
            if names:
                return "foreign"
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def alembic_config(connection=None):
    """Alembic's configuration for the scripts shipped in the package (imported
    lazily: opening an up-to-date database never needs Alembic)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(paths.package_path("storage", "migrations")))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def known_revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in script.walk_revisions()]


def upgrade(engine: Engine, target: str = "head", *, record_version: bool = False) -> None:
    """Run the migrations up to ``target`` in a single transaction; with
    ``record_version``, the application's version is recorded in the same one, so
    that a crash never leaves an upgraded schema naming the older writer."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), target)
        if record_version:
            _record_app_version(connection)


def ensure_current(engine: Engine, *, backup: Callable[[str], object] | None = None) -> str:
    """Create or upgrade the schema; returns what was done: new, current or upgraded.

    ``backup(reason)`` is called before an existing database is upgraded.
    """
    revision = current_revision(engine)
    if revision == HEAD:
        return "current"
    if revision == "foreign":
        raise ForeignDatabaseError(path=engine.url.database or engine.url.render_as_string(hide_password=True))
    if revision is None:
        upgrade(engine, record_version=True)
        return "new"
    if revision not in known_revisions():
        written_by = app_version_of(engine)
        raise NewerSchemaError(
            db_revision=revision,
            app_revision=HEAD,
            app_version=__version__,
            written_by=written_by or "?",
        )
    if backup is not None:
        backup(f"before-upgrade-{revision}-to-{HEAD}")
    logger.info("Upgrading database schema from %s to %s", revision, HEAD)
    upgrade(engine, record_version=True)
    return "upgraded"


def app_version_of(engine: Engine) -> str | None:
    try:
        with engine.connect() as connection:
            row = connection.execute(text("SELECT value FROM setting WHERE key = 'app.version'")).first()
            return row[0] if row else None
    except DatabaseError:
        return None


def _record_app_version(connection) -> None:
    connection.execute(text("DELETE FROM setting WHERE key = 'app.version'"))
    connection.execute(text("INSERT INTO setting (key, value) VALUES ('app.version', :v)"), {"v": __version__})


messages.register(
    {
        "storage.newer_schema": (
            "Cette base a été écrite par une version plus récente de Lab'EST Desktop "
            "({written_by}, schéma {db_revision}) ; cette version ({app_version}) ne connaît que "
            "le schéma {app_revision}. Installez la version la plus récente ; la base n'a pas été modifiée.",
            "This database was written by a newer Lab'EST Desktop ({written_by}, schema "
            "{db_revision}); this version ({app_version}) only knows schema {app_revision}. "
            "Install the newest version; the database was not changed.",
        ),
    }
)
