"""Snapshot JSON through orjson keeps every fingerprint the standard encoder gave:
offices hold workbooks whose hidden ``Empreinte`` column was computed before."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from labest_desktop.domain.fingerprints import FORMAT1_KEYS, fingerprint_v1
from labest_desktop.domain.snapshot_json import dump_snapshot, load_snapshot

# Any text a cell can hold once read (no lone surrogates: no reader produces them).
_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
_value = st.one_of(st.none(), _text, st.integers(-(10**12), 10**12), st.lists(_text, max_size=4))
_snapshots = st.fixed_dictionaries({key: _value for key in FORMAT1_KEYS})


def reference_fingerprint(snapshot: dict) -> str:
    """The digest as the first releases computed it, with the standard library."""
    canonical = json.dumps([snapshot.get(k) for k in FORMAT1_KEYS], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


@settings(max_examples=400, deadline=None)
@given(_snapshots)
def test_fingerprint_is_the_one_the_standard_encoder_gave(snapshot):
    assert fingerprint_v1(snapshot) == reference_fingerprint(snapshot)


@settings(max_examples=200, deadline=None)
@given(_snapshots)
def test_dump_then_load_gives_the_snapshot_back(snapshot):
    assert load_snapshot(dump_snapshot(snapshot)) == snapshot


def test_known_fingerprint_is_stable():
    """A fixed snapshot's digest, written down once: any change to the encoding
    would make every exported workbook look edited."""
    snapshot = {key: None for key in FORMAT1_KEYS} | {
        "title": "Tiers-lieu numérique « Metz »\n\t", "partners": ["Région Grand Est", "Ville de Metz"],
        "budget": "12000.50", "users_involved": 12, "reference": "LAB-2026-0001",
    }
    assert fingerprint_v1(snapshot) == "258945543727d0b14ecf269302838efb"


def test_revisions_written_by_the_old_encoder_still_load():
    old = json.dumps({"title": "Écoles", "partners": ["A"]}, ensure_ascii=False, sort_keys=True)
    assert load_snapshot(old) == {"title": "Écoles", "partners": ["A"]}
