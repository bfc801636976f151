"""Telling the other programs on the same database what a transaction changed.

On PostgreSQL every unit of work that wrote ends with ``pg_notify`` on
:data:`CHANNEL`, in its own transaction: the server delivers the notice to the
listeners (services.live_changes) when, and only if, the transaction commits. The
payload names what the ORM flushed (project, event, organisation and envelope ids)
and the program that wrote it, so that it can ignore its own notices; a
transaction that also wrote outside the ORM's flush (the import's and the demo's
bulk writes), or more than :data:`MAX_IDS` rows, says "everything". SQLite needs no notice: the others read
``PRAGMA data_version``.
"""

from __future__ import annotations

import json

from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session

from labest_desktop.domain.models import Event, FundingEnvelope, Organisation, Project

CHANNEL = "labest_changes"
MAX_IDS = 200  # PostgreSQL caps a payload at 8,000 bytes
_TOUCHED = "labest_desktop.touched"
_BULK = "labest_desktop.bulk_write"
_FLUSHING = "labest_desktop.flushing"
_KINDS = {Project: "projects", Event: "events", Organisation: "organisations", FundingEnvelope: "envelopes"}


def _note_flushed(session: Session, _context) -> None:
    touched = session.info.setdefault(_TOUCHED, {})
    for obj in (*session.new, *session.dirty, *session.deleted):
        kind = _KINDS.get(type(obj))
        if kind is not None:
            key = obj.id
        elif getattr(obj, "project_id", None) is not None:  # revisions, decisions, notes…
            kind, key = "projects", obj.project_id
        else:
            continue
        if key is not None:
            touched.setdefault(kind, set()).add(int(key))


def _flushing(session: Session, _context, _instances) -> None:
    session.connection().info[_FLUSHING] = True


def _after_flush(session: Session, context) -> None:
    # In after_flush the new objects have ids and session.new/dirty/deleted still
    # hold what was flushed.
    _note_flushed(session, context)
    session.connection().info.pop(_FLUSHING, None)


def _statement(connection, _cursor, statement: str, _parameters, _context, _executemany) -> None:
    # A write that is not the ORM's flush (Core inserts of the demo, the import's
    # bulk writes, a merge of organisations): the ORM cannot say which rows.
    if not connection.info.get(_FLUSHING) and statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
        connection.info[_BULK] = True


def install() -> None:
    """Record on every ORM session what each flush wrote, and on every connection
    whether anything else wrote (idempotent)."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "before_flush", _flushing)
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Engine, "before_cursor_execute", _statement)


def payload(session: Session, origin: str) -> str:
    touched: dict[str, set[int]] = session.info.get(_TOUCHED, {})
    count = sum(len(ids) for ids in touched.values())
    body: dict = {"origin": origin}
    bulk = session.connection().info.pop(_BULK, False)
    if bulk or not touched or count > MAX_IDS:
        body["everything"] = True
    else:
        body.update({kind: sorted(ids) for kind, ids in touched.items()})
    return json.dumps(body, separators=(",", ":"))


def announce(session: Session, origin: str) -> None:
    """In ``session``'s transaction, before its commit: a notice to the listeners if
    the transaction wrote anything (``txid_current_if_assigned`` is NULL for a
    transaction that only read)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(
        text("SELECT pg_notify(:channel, :payload) WHERE txid_current_if_assigned() IS NOT NULL"),
        {"channel": CHANNEL, "payload": payload(session, origin)},
    )
    session.info.pop(_TOUCHED, None)


def decode(raw: str) -> dict:
    """A notice's payload as sent by :func:`announce` (anything else: everything)."""
    try:
        body = json.loads(raw)
    except ValueError:
        return {"everything": True}
    return body if isinstance(body, dict) else {"everything": True}
