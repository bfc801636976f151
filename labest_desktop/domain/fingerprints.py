"""Fingerprints: the digests by which offices recognise a version of a record.

A fingerprint names one state of a project's (or an event's) editable fields. The
exchange workbook carries the fingerprint of each row as exported (``Empreinte``)
and those of the record's earlier revisions (``Empreintes antérieures``); an office
importing the row looks for one it holds to find the merge base.

Format 2 (now): the digest of the *named* non-empty fields, as a JSON object with
sorted keys. A field left empty is not in the object at all, so adding a field to
the application (say a « Lien ») leaves the fingerprint of every record whose new
field is empty as it was, in every office. Identity (reference, identifier) is not
digested: a project renumbered in another office keeps the fingerprint of its
content, so the same content has the same fingerprint everywhere.

Format 1 (workbooks written before): the digest of the values of a fixed list of
keys, identity included. It is kept here, frozen, so that a format-1 row still
finds its base: revisions written then keep their stored format-1 fingerprints, and
the importer can compute the format-1 digest of any stored snapshot.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import orjson

from labest_desktop.domain.fields import EDITABLE_KEYS
from labest_desktop.domain.snapshot_json import canonical_bytes

FINGERPRINT_VERSION = 2
DIGITS = 32  # hex digits kept: enough to tell versions apart, short for a cell

# The snapshot keys of exchange format 1, frozen: never derived from the fields.
FORMAT1_KEYS = (
    "reference", "title", "stage", "status", "lead", "partners", "tags", "department", "contact",
    "start_date", "end_date", "budget", "funding", "users_involved", "agents_involved", "description", "uid",
)
# An event's fields as its snapshot names them (projects by identifier, organisations
# by name), in the order of the ``Événements`` sheet.
EVENT_KEYS = ("title", "kind", "date", "place", "participants", "projects", "organisations", "description")

_EMPTY = (None, "", [], ())
_TAG_PROJECT = b"labest-fingerprint-2:project\n"
_TAG_EVENT = b"labest-fingerprint-2:event\n"


def _digest(tag: bytes, snapshot: dict, keys: Iterable[str]) -> str:
    named = {key: value for key in keys if (value := snapshot.get(key)) not in _EMPTY}
    payload = orjson.dumps(named, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(tag + payload).hexdigest()[:DIGITS]


def fingerprint(snapshot: dict) -> str:
    """Format-2 fingerprint of a project snapshot: its editable fields by name."""
    return _digest(_TAG_PROJECT, snapshot, EDITABLE_KEYS)


def event_fingerprint(snapshot: dict) -> str:
    """Format-2 fingerprint of an event snapshot (see :data:`EVENT_KEYS`)."""
    return _digest(_TAG_EVENT, snapshot, EVENT_KEYS)


def fingerprint_v1(snapshot: dict) -> str:
    """Format-1 fingerprint, as workbooks of format 1 carry it (identity included)."""
    canonical = canonical_bytes([snapshot.get(key) for key in FORMAT1_KEYS])
    return hashlib.sha256(canonical).hexdigest()[:DIGITS]


def prints_of(snapshot: dict) -> tuple[str, str]:
    """Every fingerprint a stored state of a project may be known by in a file."""
    return fingerprint(snapshot), fingerprint_v1(snapshot)
