"""Comparing a SQLite file's schema with the one its revision must have.

A database or a backup can come from anywhere (a USB stick, a colleague, another
program): a trigger or a view added to a genuine Lab'EST file runs its own SQL on
the next ordinary save, a table missing a column makes every command fail. So
before a file is opened, upgraded or restored, every table (its columns and foreign
keys), index, trigger and view in it is compared with what the migrations produce
at the file's revision, and anything unknown, missing or altered is refused with a
sentence naming it.

The expected schemas are derived from the shipped migrations themselves (never a
hand-written list, which would drift from them): each revision is applied in turn
to a scratch database and described. That takes about a second, so the result is
kept in the user's cache folder under a key made of the migration scripts' bytes and
the SQLite version; any change to either recomputes it.

Everything here reads through read-only connections: a refused file must not change
by a single byte.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from labest_desktop import __version__, messages, paths
from labest_desktop.domain.errors import StorageError
from labest_desktop.storage.damage import ForeignDatabaseError

logger = logging.getLogger(__name__)

# Statistics tables ANALYZE may create: data, not schema, and run no SQL.
IGNORED = frozenset({"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"})
MAX_NAMED = 5  # differences named in one sentence; the rest are counted

Schema = dict[str, str]  # "kind name" -> normalised description


class SchemaMismatchError(StorageError):
    key = "storage.schema_mismatch"


class EmptyDatabaseError(StorageError):
    key = "storage.schema_empty"


@dataclass(frozen=True)
class FileRevision:
    """What a file says about itself: its tables' names and its schema revision."""

    tables: frozenset[str]
    revision: str | None
    written_by: str | None

    @property
    def empty(self) -> bool:
        return not self.tables

    @property
    def foreign(self) -> bool:
        return bool(self.tables) and "alembic_version" not in self.tables


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change ``path`` (nor create its ``-wal``)."""
    return sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)


def file_revision(connection: sqlite3.Connection) -> FileRevision:
    tables = frozenset(
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    )
    revision = written_by = None
    if "alembic_version" in tables:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        revision = rows[0][0] if len(rows) == 1 else None
        if "setting" in tables:
            with contextlib.suppress(sqlite3.Error):
                row = connection.execute("SELECT value FROM setting WHERE key = 'app.version'").fetchone()
                written_by = row[0] if row else None
    return FileRevision(tables, revision, written_by)


def _sql(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


def describe(connection: sqlite3.Connection) -> Schema:
    """Every schema object of ``connection``'s main database, normalised so that two
    files made by the same migrations compare equal however they got there."""
    schema: Schema = {}
    objects = connection.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    for kind, name, table, sql in objects:
        if name in IGNORED:
            continue
        key = f"{kind} {name}"
        if kind == "table":
            if _sql(sql).startswith("create virtual table"):
                schema[key] = _sql(sql)
                continue
            quoted = name.replace('"', '""')
            columns = connection.execute(f'PRAGMA table_xinfo("{quoted}")').fetchall()
            keys = connection.execute(f'PRAGMA foreign_key_list("{quoted}")').fetchall()
            schema[key] = json.dumps(
                {
                    "columns": [[c[1], (c[2] or "").upper(), c[3], c[4], c[5], c[6]] for c in columns],
                    "foreign_keys": sorted([k[2], k[3], k[4], k[5], k[6]] for k in keys),
                },
                sort_keys=True,
            )
        elif kind == "index":
            quoted = name.replace('"', '""')
            columns = connection.execute(f'PRAGMA index_xinfo("{quoted}")').fetchall()
            schema[key] = json.dumps([table, _sql(sql), [[c[2], c[3], c[4]] for c in columns if c[5]]])
        else:  # trigger, view
            schema[key] = json.dumps([table, _sql(sql)])
    return schema


def differences(found: Schema, expected: Schema) -> list[tuple[str, str]]:
    """(message key, object) for every object unknown, missing or altered; columns
    are named one by one, since "a column is missing" is what a person can check."""
    problems: list[tuple[str, str]] = []
    for key in sorted(found.keys() - expected.keys()):
        problems.append(("storage.schema.unknown", key))
    for key in sorted(expected.keys() - found.keys()):
        problems.append(("storage.schema.missing", key))
    for key in sorted(found.keys() & expected.keys()):
        if found[key] == expected[key]:
            continue
        if key.startswith("table ") and found[key].startswith("{") and expected[key].startswith("{"):
            table = key.split(" ", 1)[1]
            have = {c[0]: c for c in json.loads(found[key])["columns"]}
            want = {c[0]: c for c in json.loads(expected[key])["columns"]}
            named = False
            for column in sorted(want.keys() - have.keys()):
                problems.append(("storage.schema.missing_column", f"{table}.{column}"))
                named = True
            for column in sorted(have.keys() - want.keys()):
                problems.append(("storage.schema.unknown_column", f"{table}.{column}"))
                named = True
            for column in sorted(have.keys() & want.keys()):
                if have[column] != want[column]:
                    problems.append(("storage.schema.altered_column", f"{table}.{column}"))
                    named = True
            if named:
                continue
        problems.append(("storage.schema.altered", key))
    return problems


def _label(key: str, name: str) -> str:
    if key in ("storage.schema.unknown", "storage.schema.missing", "storage.schema.altered"):
        kind, name = name.split(" ", 1)
        key = f"{key}.{kind}"
    return messages.text(key, name=name)


def describe_problems(problems: list[tuple[str, str]]) -> str:
    named = [_label(key, name) for key, name in problems[:MAX_NAMED]]
    if len(problems) > MAX_NAMED:
        named.append(messages.text("storage.schema.more", count=len(problems) - MAX_NAMED))
    return " ; ".join(named) if messages.language() == "fr" else "; ".join(named)


# --- expected schemas, from the migrations -------------------------------------------


_expected: dict[str, Schema] | None = None


def _migrations_key() -> str:
    digest = hashlib.sha256()
    folder = paths.package_path("storage", "migrations")
    for path in sorted([folder / "env.py", *(folder / "versions").glob("*.py")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(sqlite3.sqlite_version.encode())
    digest.update(__version__.encode())
    return digest.hexdigest()[:32]


def _cache_file(key: str) -> Path:
    override = os.environ.get("LABEST_CACHE_DIR")
    if override:
        folder = Path(override)
    else:
        from platformdirs import user_cache_dir

        folder = Path(user_cache_dir(paths.APP_NAME, paths.APP_AUTHOR))
    return folder / f"schema-{key}.json"


def expected_schemas() -> dict[str, Schema]:
    """The schema of every shipped revision, as the migrations make it."""
    global _expected
    if _expected is not None:
        return _expected
    key = _migrations_key()
    cache = _cache_file(key)
    try:
        loaded = json.loads(cache.read_text(encoding="utf-8"))
        if isinstance(loaded, dict) and loaded.get("key") == key:
            _expected = loaded["schemas"]
            return _expected
    except (OSError, ValueError, KeyError):
        pass
    _expected = _build_expected()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_name(f"{cache.name}.{os.getpid()}.partial")
        partial.write_text(json.dumps({"key": key, "schemas": _expected}), encoding="utf-8")
        os.replace(partial, cache)
    except OSError as exc:  # a read-only home: computed again next time, nothing lost
        logger.info("Schema cache not written to %s: %s", cache, exc)
    return _expected


def _build_expected() -> dict[str, Schema]:
    from sqlalchemy import create_engine

    from labest_desktop.storage import schema

    revisions = list(reversed(schema.known_revisions()))  # oldest first
    result: dict[str, Schema] = {}
    with tempfile.TemporaryDirectory(prefix="labest-schema-") as folder:
        path = Path(folder) / "reference.sqlite3"
        engine = create_engine(f"sqlite+pysqlite:///{path.as_posix()}")
        try:
            for revision in revisions:
                schema.upgrade(engine, revision)
                with contextlib.closing(sqlite3.connect(path)) as connection:
                    result[revision] = describe(connection)
        finally:
            engine.dispose()
    return result


# --- checks --------------------------------------------------------------------------


def verify_file(path: Path, *, allow_empty: bool = True) -> FileRevision:
    """Refuse ``path`` unless it is empty (when allowed) or a Lab'EST database whose
    schema is exactly the one of its revision; returns what it says about itself.

    Raises ``ForeignDatabaseError``, ``NewerSchemaError``, ``EmptyDatabaseError`` or
    ``SchemaMismatchError``; a file SQLite cannot read raises ``sqlite3.Error`` for
    the caller to explain.
    """
    with contextlib.closing(read_only(path)) as connection:
        return verify_connection(connection, path, allow_empty=allow_empty)


def verify_connection(connection: sqlite3.Connection, path: Path, *, allow_empty: bool = True) -> FileRevision:
    from labest_desktop.storage import schema

    found = file_revision(connection)
    if found.empty:
        if allow_empty:
            return found
        raise EmptyDatabaseError(path=str(path))
    if found.foreign:
        raise ForeignDatabaseError(path=str(path))
    expected = expected_schemas()
    if found.revision not in expected:
        if found.revision is None:
            raise SchemaMismatchError(path=str(path), revision="?", detail=messages.text("storage.schema.no_revision"))
        raise schema.NewerSchemaError(
            db_revision=found.revision,
            app_revision=schema.HEAD,
            app_version=__version__,
            written_by=found.written_by or "?",
        )
    problems = differences(describe(connection), expected[found.revision])
    if problems:
        logger.warning("Schema of %s differs from revision %s: %s", path, found.revision, problems)
        raise SchemaMismatchError(path=str(path), revision=found.revision, detail=describe_problems(problems))
    return found


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether SQLite's error says the file itself is bad (rather than busy or not
    readable from here)."""
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "encrypted" in text


messages.register(
    {
        "storage.schema_mismatch": (
            "« {path} » n'a pas le schéma d'une base Lab'EST (révision {revision}) : {detail}. "
            "Lab'EST ne l'ouvre pas et n'y exécute rien ; le fichier n'a pas été modifié.",
            "“{path}” does not have the schema of a Lab'EST database (revision {revision}): "
            "{detail}. Lab'EST does not open it nor run anything in it; the file was not changed.",
        ),
        "storage.schema_empty": (
            "« {path} » est une base SQLite vide, pas une sauvegarde Lab'EST ; rien n'a été restauré.",
            "“{path}” is an empty SQLite database, not a Lab'EST backup; nothing was restored.",
        ),
        "storage.schema.missing_column": ("colonne manquante « {name} »", "missing column “{name}”"),
        "storage.schema.unknown_column": ("colonne inconnue « {name} »", "unknown column “{name}”"),
        "storage.schema.altered_column": ("colonne modifiée « {name} »", "altered column “{name}”"),
        "storage.schema.more": ("et {count} autre(s) différence(s)", "and {count} more difference(s)"),
        "storage.schema.no_revision": ("révision illisible", "unreadable revision"),
        **{
            f"storage.schema.{state}.{kind}": (f"{fr} « {{name}} »", f"{state} {kind} “{{name}}”")
            for state, kind, fr in [
                ("unknown", "table", "table inconnue"),
                ("unknown", "index", "index inconnu"),
                ("unknown", "trigger", "déclencheur inconnu"),
                ("unknown", "view", "vue inconnue"),
                ("missing", "table", "table manquante"),
                ("missing", "index", "index manquant"),
                ("missing", "trigger", "déclencheur manquant"),
                ("missing", "view", "vue manquante"),
                ("altered", "table", "table modifiée"),
                ("altered", "index", "index modifié"),
                ("altered", "trigger", "déclencheur modifié"),
                ("altered", "view", "vue modifiée"),
            ]
        },
    }
)
