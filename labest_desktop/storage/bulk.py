"""Thousands of rows written with the least work per row.

SQLAlchemy's ``connection.execute(statement, rows)`` builds and converts a full
parameter set per row (about 8 microseconds each); an import of 100,000 projects
writes 200,000 such rows. Here each statement is compiled once, the column types'
conversions are applied only where a type has one (a date-time on SQLite, cents for
amounts), the converted form of a value repeated on every row (the import's time and
author) is remembered, and the rows go to the driver's ``executemany`` through
``exec_driver_sql``, which keeps SQLAlchemy's error wrapping: a full disk or a lock
still reaches the user as a sentence.

(Handing SQLite a whole batch as one JSON array through ``json_each`` was measured
too: it frees Python's lock for the batch, but SQLite then spends 1.6–1.8 times as
long on the rows, which cancelled the gain.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, update
from sqlalchemy.sql import Executable

_MISSING = object()

# Below this many new rows, keeping the indexes up row by row costs less than
# making them again.
INDEX_REBUILD_ROWS = 5_000


def insert_many(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same column names) into ``table``."""
    if rows:
        execute_many(connection, insert(table), rows)


def update_many(connection: Connection, table: Table, rows: list[dict[str, Any]], key: str = "id") -> None:
    """Set, in each row of ``table`` whose ``key`` is the row's, the other columns
    the rows name (every row names the same ones)."""
    if not rows:
        return
    columns = [name for name in rows[0] if name != key]
    # The parameters are named apart from the columns (SQLAlchemy keeps a column's own
    # name for itself in SET): each is read from the row under its column's name.
    statement = update(table).where(table.c[key] == bindparam("_key_")).values({c: bindparam("_" + c) for c in columns})
    execute_many(connection, statement, rows, fields={"_key_": key, **{"_" + c: c for c in columns}})


def execute_many(
    connection: Connection, statement: Executable, rows: list[dict[str, Any]], fields: dict[str, str] | None = None
) -> None:
    """Run ``statement`` once per row; every row has the same keys: the statement's
    bind parameter names (the column names of an ``insert``), or the keys ``fields``
    gives for them."""
    if not rows:
        return
    dialect = connection.dialect
    parameters = list(fields) if fields else list(rows[0])
    compiled = statement.compile(dialect=dialect, column_keys=parameters)  # type: ignore[attr-defined]
    names = list(compiled.positiontup) if compiled.positional else list(compiled.binds)
    keys = [fields.get(name, name) for name in names] if fields else names
    converters = []
    for index, name in enumerate(names):
        processor = compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
        if processor is not None:
            converters.append((index, _remembering(processor)))
    params: list = []
    for row in rows:
        values = [row[key] for key in keys]
        for index, convert in converters:
            values[index] = convert(values[index])
        params.append(tuple(values) if compiled.positional else dict(zip(names, values, strict=True)))
    connection.exec_driver_sql(str(compiled), params)


def _remembering(processor: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``processor`` with the last value's result kept: the values that need
    converting in a bulk write are mostly one time stamp repeated on every row."""
    last_in: list[Any] = [_MISSING, None]

    def convert(value: Any) -> Any:
        if value is None:
            return None
        if value is not last_in[0]:
            last_in[0], last_in[1] = value, processor(value)
        return last_in[1]

    return convert


@contextmanager
def indexes_set_aside(connection: Connection, table: Table, new_rows: int) -> Iterator[None]:
    """Around the insertion of ``new_rows`` rows into ``table`` in the caller's
    transaction: on SQLite, when they are at least as many as the rows already
    there (a whole portfolio imported into another office), the table's non-unique
    indexes are dropped, then made again from their own statements once the rows
    are in. Each index then costs one sort instead of a B-tree insertion per row
    (100,000 projects and their 20 indexes: 3.2 s -> 2.0 s). DDL is transactional
    on SQLite: a failure or a kill leaves the indexes as they were."""
    if connection.dialect.name != "sqlite" or new_rows < INDEX_REBUILD_ROWS:
        yield
        return
    present = connection.exec_driver_sql(f'SELECT count(*) FROM "{table.name}"').scalar() or 0
    if new_rows < present:
        yield
        return
    indexes = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
        "AND sql NOT LIKE 'CREATE UNIQUE%'", (table.name,),
    ).all()
    for name, _sql in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        connection.exec_driver_sql(sql)


# SQLite's page cache while an import writes, in KiB. The engine's 16 MB (storage/
# engine.py) fills with the pages of the rows being changed, so SQLite writes
# changed pages out to the log in the middle of the transaction, then reads and
# writes some of them again (index pages above all, touched in no order). An import
# of 100,000 changed rows measured 2.6 -> 2.2 s for its writes with 64 MB; the
# pages are let go once the import ends.
WRITE_CACHE_KIB = 65_536


@contextmanager
def write_cache(connection: Connection, kib: int = WRITE_CACHE_KIB) -> Iterator[None]:
    """A larger page cache for the connection of a bulk write (SQLite), put back
    to its size before, which also lets the extra pages go."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size=-{int(kib)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")
