"""Revisions and fingerprints: every change to a project leaves exactly one revision
holding a snapshot of its exchange fields and a stable digest of them."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import event, select

from labest_desktop.domain.fields import (
    EDITABLE_KEYS,
    SNAPSHOT_KEYS,
    ProjectFields,
    changed_keys,
    from_snapshot,
    to_snapshot,
)
from labest_desktop.domain.fingerprints import FORMAT1_KEYS, fingerprint, fingerprint_v1, prints_of
from labest_desktop.domain.models import ProjectRevision
from labest_desktop.domain.vocab import Stage, Status
from labest_desktop.services import project_query, projects

FULL = ProjectFields(
    title="Simplifier l'accueil en sous-préfecture",
    stage=Stage.IDEATION,
    status=Status.ACTIVE,
    lead="Préfecture du Bas-Rhin",
    partners=("Emmaüs Connect Strasbourg", "Université de Strasbourg"),
    tags=("accueil", "numérique"),
    department="67",
    contact="Camille Martin",
    start_date=date(2026, 1, 5),
    end_date=date(2026, 12, 18),
    budget=Decimal("12000.50"),
    funding="Budget propre du Lab'EST",
    users_involved=40,
    agents_involved=6,
    description="Tester un accueil sans rendez-vous.",
)
UID = "0b4f5f1e-8c39-4c6e-9d3e-1d2f3a4b5c6d"
REF = "LAB-2026-0001"

# A different value for every snapshot field (identity included).
OTHER_VALUES = {
    "reference": "LAB-2026-0002",
    "title": "Autre titre",
    "stage": "prototype",
    "status": "paused",
    "lead": "Région Grand Est",
    "partners": ["Emmaüs Connect Strasbourg"],
    "tags": ["accueil"],
    "department": "68",
    "contact": "Léa Klein",
    "start_date": "2026-01-06",
    "end_date": "2026-12-19",
    "budget": "12000.51",
    "funding": "CPER 2021-2027",
    "users_involved": 41,
    "agents_involved": 7,
    "description": "Autre description.",
    "link": "https://www.grandest.fr/autre-projet",
    "uid": "11111111-2222-4333-8444-555555555555",
}


PINNED_V2 = "0a05eab2d9aee2c54a8ba6c55c5a5e4c"


def snapshot(values: ProjectFields = FULL) -> dict:
    return to_snapshot(values, uid=UID, reference=REF)


def test_every_snapshot_key_has_a_changed_value_in_this_test():
    """Guard: the table of changed values covers every exchange field."""
    assert set(OTHER_VALUES) == set(SNAPSHOT_KEYS)


def test_equal_values_give_the_same_fingerprint():
    """Two snapshots of equal values have one fingerprint, whatever the key order or
    how the values were built (normalised text, budget trailing zeros)."""
    a = snapshot()
    b = dict(reversed(list(snapshot(FULL.with_changes(title="  " + FULL.title + " ")
                                    .normalised()).items())))
    c = snapshot(FULL.with_changes(budget=Decimal("12000.500")).normalised())
    assert fingerprint(a) == fingerprint(b) == fingerprint(c)
    assert len(fingerprint(a)) == 32
    assert all(ch in "0123456789abcdef" for ch in fingerprint(a))


def test_the_fingerprint_is_stable_across_runs():
    """The digest is fixed by the values alone (a workbook exported today must match
    tomorrow): these values are pinned, format 2 and format 1."""
    assert fingerprint(snapshot()) == PINNED_V2
    assert fingerprint_v1(snapshot()) == "92b0d689ef37d16588a06f2dcc5d5e9d"
    assert fingerprint({}) == fingerprint({k: None for k in SNAPSHOT_KEYS})
    assert fingerprint(snapshot()) == fingerprint(json.loads(json.dumps(snapshot())))


@pytest.mark.parametrize("key", SNAPSHOT_KEYS)
def test_any_field_change_changes_the_fingerprint(key):
    """Changing any editable field gives another fingerprint; identity (reference,
    identifier) is not digested in format 2, so a project renumbered in another
    office keeps the print of its content. Format 1 digested identity too."""
    before = snapshot()
    after = {**before, key: OTHER_VALUES[key]}
    if key in EDITABLE_KEYS:
        assert fingerprint(after) != fingerprint(before)
    else:
        assert fingerprint(after) == fingerprint(before)
    # Format 1's keys are frozen: a field added since (« Lien ») is not in its digest.
    assert (fingerprint_v1(after) != fingerprint_v1(before)) == (key in FORMAT1_KEYS)
    assert changed_keys(before, after) == [key]


def test_a_new_empty_field_keeps_every_fingerprint(monkeypatch):
    """Adding a field to the application (a « Lien » say) leaves the format-2 print
    of a project whose new field is empty unchanged: fields are digested by name and
    empty ones are left out, so what other offices hold stays findable."""
    from labest_desktop.domain import fingerprints

    before = fingerprint(snapshot())
    monkeypatch.setattr(fingerprints, "EDITABLE_KEYS", (*EDITABLE_KEYS, "link"))
    assert fingerprints.fingerprint({**snapshot(), "link": None}) == before
    assert fingerprints.fingerprint({**snapshot(), "link": ""}) == before
    assert fingerprints.fingerprint({**snapshot(), "link": "https://exemple.fr"}) != before


def test_prints_of_a_snapshot_name_both_formats():
    """A stored state is known by its format-2 and format-1 prints (what the importer
    looks for in a row's ``Empreinte`` and ancestry)."""
    assert prints_of(snapshot()) == (fingerprint(snapshot()), fingerprint_v1(snapshot()))
    assert fingerprint(snapshot()) != fingerprint_v1(snapshot())


@pytest.mark.parametrize("key", ["lead", "contact", "department", "budget", "end_date", "description"])
def test_emptying_a_field_changes_the_fingerprint(key):
    """A value removed (None) is a change too."""
    before = snapshot()
    assert fingerprint({**before, key: None}) != fingerprint(before)


def test_updated_at_and_other_read_only_columns_never_count():
    """``updated_at`` (a read-only column of the workbook) and any unknown key leave the
    fingerprint unchanged."""
    base = snapshot()
    with_time = {**base, "updated_at": datetime(2026, 5, 1, 10, 30)}
    with_other = {**base, "updated_at": "2027-01-01T00:00:00", "version": 9}
    assert fingerprint(with_time) == fingerprint(base) == fingerprint(with_other)


@given(
    title=st.text(min_size=1, max_size=40).filter(lambda s: s.strip()),
    cents=st.integers(min_value=0, max_value=99_999_999_999_999),
    users=st.none() | st.integers(min_value=0, max_value=10_000_000),
)
def test_snapshot_round_trip_keeps_the_fingerprint(title, cents, users):
    """A snapshot read back into fields and written again has the same fingerprint:
    the stored history can be compared with the current project."""
    values = FULL.with_changes(title=title, budget=Decimal(cents) / 100, users_involved=users).normalised()
    first = to_snapshot(values, uid=UID, reference=REF)
    again = to_snapshot(from_snapshot(json.loads(json.dumps(first))), uid=UID, reference=REF)
    assert again == first
    assert fingerprint(again) == fingerprint(first)


# --- revisions written by the use cases --------------------------------------------


def revisions_of(ws, project_id) -> list[ProjectRevision]:
    with ws.reading() as session:
        return list(
            session.scalars(
                select(ProjectRevision)
                .where(ProjectRevision.project_id == project_id)
                .order_by(ProjectRevision.number)
            )
        )


def test_each_action_leaves_exactly_one_revision(workspace):
    """Create, edit, stage decision, delete and restore each add one revision, numbered
    1, 2, 3…, with its author and origin; the version counter moves once per action."""
    view = projects.create_project(workspace, FULL)
    assert view.version == 1
    edited = projects.update_project(workspace, view.id, FULL.with_changes(status=Status.PAUSED), view.version)
    assert edited.version == 2
    staged = projects.change_stage(workspace, view.id, Stage.PROTOTYPE, "Comité du 12 mars")
    assert staged.version == 3
    deleted = projects.set_deleted(workspace, view.id, True)
    restored = projects.set_deleted(workspace, view.id, False)
    assert (deleted.version, restored.version) == (4, 5)
    revs = revisions_of(workspace, view.id)
    assert [r.number for r in revs] == [1, 2, 3, 4, 5]
    assert [r.origin for r in revs] == ["create", "edit", "stage", "delete", "restore"]
    assert {r.author for r in revs} == {"test-agent"}


def test_an_edit_or_a_decision_reads_none_of_the_earlier_revisions_and_decisions(sqlite_workspace):
    """Each change adds one revision (and a stage move one decision) without reading
    the project's earlier ones: a long history costs a later edit nothing (the soak
    saw undo and edits slow down as the history of the projects it edits grew)."""
    ws = sqlite_workspace
    view = projects.create_project(ws, FULL)
    for n in range(6):
        view = projects.update_project(ws, view.id, view.fields.with_changes(users_involved=n), view.version)
        view = projects.change_stage(ws, view.id, Stage.PROTOTYPE if n % 2 == 0 else Stage.IDEATION, f"Comité {n}")
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(" ".join(statement.split()))

    event.listen(ws.database.engine, "before_cursor_execute", seen)
    try:
        edited = projects.update_project(ws, view.id, view.fields.with_changes(users_involved=99), view.version)
        projects.change_stage(ws, view.id, Stage.DEPLOYMENT, "Comité final", edited.version)
    finally:
        event.remove(ws.database.engine, "before_cursor_execute", seen)
    reads = [s for s in statements if s.startswith("SELECT") and ("FROM project_revision" in s or "FROM stage_decision" in s)]
    # The next revision's number is the only thing read back (one per change).
    assert all(s.startswith("SELECT max(project_revision.number)") for s in reads), reads
    assert len(reads) == 2
    revs = revisions_of(ws, view.id)
    assert [r.number for r in revs] == list(range(1, 16))
    assert [r.origin for r in revs[-2:]] == ["edit", "stage"]
    assert [d.to_stage for d in projects.decisions(ws, view.id)][-1] == "deployment"


def test_saving_unchanged_values_adds_no_revision(workspace):
    """Saving the editor without any change writes nothing: no revision, same version."""
    view = projects.create_project(workspace, FULL)
    same = projects.update_project(workspace, view.id, FULL.with_changes(title=f" {FULL.title} "), view.version)
    assert same.version == view.version
    assert len(revisions_of(workspace, view.id)) == 1


def test_each_revision_holds_the_snapshot_and_its_fingerprint(workspace):
    """A revision's snapshot is the project's exchange fields at that moment, and its
    fingerprint is the digest of that snapshot."""
    view = projects.create_project(workspace, FULL)
    projects.update_project(workspace, view.id, FULL.with_changes(budget=Decimal("99.90")), view.version)
    revs = revisions_of(workspace, view.id)
    first, second = (json.loads(r.snapshot) for r in revs)
    assert first == to_snapshot(FULL.normalised(), uid=view.uid, reference=view.reference)
    assert second["budget"] == "99.90"
    for rev in revs:
        assert rev.fingerprint == fingerprint(json.loads(rev.snapshot))
    assert revs[0].fingerprint != revs[1].fingerprint


def test_the_export_fingerprint_matches_the_last_revision(workspace):
    """The snapshot an export writes (with ``updated_at`` added) has the fingerprint of
    the project's last revision, so an unchanged row is recognised on import."""
    view = projects.create_project(workspace, FULL)
    projects.update_project(workspace, view.id, FULL.with_changes(contact="Léa Klein"), view.version)
    [exported] = list(project_query.iter_snapshots(workspace))
    assert "updated_at" in exported
    assert fingerprint(exported) == revisions_of(workspace, view.id)[-1].fingerprint


def test_history_shows_each_field_old_and_new(workspace):
    """The history lists, for each revision after the first, the fields that changed
    with their old and new values (in exchange spelling)."""
    view = projects.create_project(workspace, FULL)
    projects.update_project(
        workspace,
        view.id,
        FULL.with_changes(budget=Decimal("15000"), contact=None, tags=("accueil", "design")),
        view.version,
    )
    projects.change_stage(workspace, view.id, Stage.PROTOTYPE, "Prototype validé")
    created, edited, staged = projects.history(workspace, view.id)
    assert created.changes == []
    assert created.origin == "create"
    assert edited.changes == [
        ("tags", ["accueil", "numérique"], ["accueil", "design"]),
        ("contact", "Camille Martin", None),
        ("budget", "12000.50", "15000.00"),
    ]
    assert staged.changes == [("stage", "ideation", "prototype")]
    assert [h.number for h in (created, edited, staged)] == [1, 2, 3]


def test_every_editable_field_change_is_recorded(workspace):
    """Changing any editable field through the editor leaves a revision naming it."""
    changes = {
        "title": "Nouveau titre",
        "status": Status.DONE,
        "lead": "Région Grand Est",
        "partners": ("ADEME Grand Est",),
        "tags": ("données",),
        "department": "Région",
        "contact": "Mehdi Haddad",
        "start_date": date(2026, 1, 1),
        "end_date": date(2027, 1, 1),
        "budget": Decimal("1.00"),
        "funding": "CPER 2021-2027",
        "users_involved": 0,
        "agents_involved": 1,
        "description": "Nouvelle description.",
        "link": "https://www.grandest.fr/projet",
    }
    assert set(changes) == set(EDITABLE_KEYS) - {"stage"}
    view = projects.create_project(workspace, FULL)
    version = view.version
    for key, value in changes.items():
        version = projects.update_project(
            workspace, view.id, projects.get_project(workspace, view.id).fields.with_changes(**{key: value}), version
        ).version
    recorded = [h.changes for h in projects.history(workspace, view.id)[1:]]
    assert [[c[0] for c in ch] for ch in recorded] == [[k] for k in changes]
