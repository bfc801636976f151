"""The search text of an edited project worked out from its stored text: the same
words as worked out whole, whatever changed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from labest_desktop.storage.search import snapshot_search_text, snapshot_search_text_after

WORDS = st.text(alphabet="aéÉœ Z9-'_;.\t\n\u00a0", max_size=40)
LONG = st.text(alphabet="aéÉœ Z9-'_;.\t\n", min_size=0, max_size=300)


def snapshots():
    return st.fixed_dictionaries({
        "reference": st.sampled_from(["LAB-2026-0001", "MOS-2025-0042"]),
        "title": WORDS,
        "lead": st.none() | WORDS,
        "partners": st.lists(WORDS, max_size=3),
        "tags": st.lists(WORDS, max_size=3),
        "contact": st.none() | WORDS,
        "description": st.none() | LONG,
        "link": st.none() | st.just("https://exemple.fr/a-b"),
    })


@settings(max_examples=400, deadline=None)
@given(snapshots(), st.data())
def test_the_same_words_as_worked_out_whole(before, data):
    """Any change of any searched fields (one, several, none; the reference kept):
    the text worked out from the stored one is the text worked out whole."""
    changed = data.draw(st.sets(st.sampled_from(sorted(before))))
    after = {**before, **{key: data.draw(snapshots())[key] for key in changed if key != "reference"}}
    assert snapshot_search_text_after(before, after, snapshot_search_text(before)) == snapshot_search_text(after)


def test_a_title_change_keeps_the_stored_words_of_the_long_texts():
    """Only the fields ahead of the long texts changed: the words after them are the
    stored ones, not folded again; a stored text that does not begin with the
    project's first words is worked out whole instead."""
    before = {"reference": "LAB-2026-0001", "title": "Ancien", "partners": [], "tags": [],
              "description": "Élan commun"}
    after = {**before, "title": "Nouvel intitulé"}
    assert snapshot_search_text_after(before, after, "lab 2026 0001 ancien TAIL") == "lab 2026 0001 nouvel intitule TAIL"
    assert snapshot_search_text_after(before, after, "autre chose") == "lab 2026 0001 nouvel intitule elan commun"
    assert snapshot_search_text_after(before, after, None) == "lab 2026 0001 nouvel intitule elan commun"
    # A description changed too: worked out whole.
    both = {**after, "description": "Autre"}
    assert snapshot_search_text_after(before, both, "lab 2026 0001 ancien TAIL") == "lab 2026 0001 nouvel intitule autre"
