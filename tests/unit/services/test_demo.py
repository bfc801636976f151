"""The demo sample: realistic, deterministic for a seed, covering every stage, status
and kind of organisation, and indistinguishable from projects made by the use cases
(references, decisions, revisions, search)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from labest_desktop.domain.errors import ValidationError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.fingerprints import fingerprint
from labest_desktop.domain.models import (
    Event,
    FundingEnvelope,
    Note,
    Organisation,
    Project,
    ProjectRevision,
    StageDecision,
)
from labest_desktop.domain.vocab import OrgKind, Stage, Status
from labest_desktop.services import project_query, projects
from labest_desktop.services.demo import MAX_PROJECTS, load_demo
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location


def snapshots(ws) -> list[dict]:
    return list(project_query.iter_snapshots(ws))


def fresh_workspace(tmp_path, name: str) -> Workspace:
    database = open_database(sqlite_location(tmp_path / f"{name}.sqlite3"), backups_folder=tmp_path / "b")
    return Workspace(database, "test-agent")


def test_the_same_seed_gives_the_same_sample(tmp_path):
    """Two databases filled with the same seed hold identical projects (uids,
    references, values, times); another seed gives another sample."""
    a, b, c = (fresh_workspace(tmp_path, n) for n in "abc")
    try:
        load_demo(a, projects=25, seed=7)
        load_demo(b, projects=25, seed=7)
        load_demo(c, projects=25, seed=8)
        assert snapshots(a) == snapshots(b)
        assert [s["title"] for s in snapshots(a)] != [s["title"] for s in snapshots(c)]
    finally:
        for ws in (a, b, c):
            ws.database.dispose()


def test_the_default_sample(workspace):
    """By default: 60 projects over every stage and status, organisations of every
    kind, the funding envelopes, the lab's events, decisions and notes."""
    counts = load_demo(workspace)
    assert counts["projects"] == 60
    assert counts["events"] >= 8
    assert counts["notes"] > 0
    with workspace.reading() as session:
        stages = set(session.scalars(select(Project.stage).distinct()))
        statuses = set(session.scalars(select(Project.status).distinct()))
        kinds = set(session.scalars(select(Organisation.kind).distinct()))
        envelopes = session.scalar(select(func.count()).select_from(FundingEnvelope))
        events = list(session.scalars(select(Event.title)))
        decisions = session.scalar(select(func.count()).select_from(StageDecision))
        notes = session.scalar(select(func.count()).select_from(Note))
    assert stages == {str(s) for s in Stage}
    assert statuses == {str(s) for s in Status}
    assert kinds == {str(k) for k in OrgKind}
    assert envelopes >= 3
    assert any("Mois de l'innovation publique" in t for t in events)
    assert any("Imaginer les services publics de 2031" in t for t in events)
    assert any("Exposition" in t for t in events)
    assert decisions == counts["decisions"] >= 60
    assert notes == counts["notes"]


def test_demo_projects_look_like_created_ones(workspace):
    """Each demo project has a unique reference, a first decision and a stage that
    matches its last decision, one revision whose fingerprint is that of its current
    snapshot, valid field values, and is found by search without accents."""
    load_demo(workspace, projects=30, seed=3)
    exported = {s["reference"]: s for s in snapshots(workspace)}
    assert len(exported) == 30
    with workspace.reading() as session:
        for project in session.scalars(select(Project)):
            decided = sorted(project.decisions, key=lambda d: d.decided_at)
            assert decided[0].from_stage is None
            assert decided[-1].to_stage == project.stage
            [revision] = project.revisions
            snapshot = exported[project.reference]
            assert revision.fingerprint == fingerprint(snapshot)
            assert json.loads(revision.snapshot) == {k: v for k, v in snapshot.items() if k != "updated_at"}
    for snapshot in exported.values():
        view = projects.find_by_reference(workspace, snapshot["reference"])
        from labest_desktop.domain.fields import validate

        assert validate(view.fields) == []
    assert project_query.count(workspace, project_query.ProjectFilter(search="prefecture")) > 0


def test_projects_created_after_the_demo_continue_the_numbering(workspace):
    """After a demo, a new project gets a fresh id and the next free reference of the
    year (the demo's counters are kept), on both backends."""
    load_demo(workspace, projects=20, seed=1)
    created = projects.create_project(workspace, ProjectFields(title="Après la démo"))
    with workspace.reading() as session:
        references = list(session.scalars(select(Project.reference)))
    assert len(references) == len(set(references)) == 21
    assert created.fields.title == "Après la démo"
    assert projects.get_project(workspace, created.id).reference == created.reference


def test_a_second_demo_adds_projects_without_duplicating_organisations(workspace):
    """Loading the demo twice adds projects with new references but reuses the
    organisations and envelopes."""
    load_demo(workspace, projects=10, seed=1)
    with workspace.reading() as session:
        organisations = session.scalar(select(func.count()).select_from(Organisation))
    load_demo(workspace, projects=10, seed=2)
    with workspace.reading() as session:
        assert session.scalar(select(func.count()).select_from(Organisation)) == organisations
        assert session.scalar(select(func.count()).select_from(Project)) == 20
        assert session.scalar(select(func.count(func.distinct(Project.reference)))) == 20
        assert session.scalar(select(func.count()).select_from(ProjectRevision)) == 20


@pytest.mark.parametrize("count", [0, -1, MAX_PROJECTS + 1])
def test_an_impossible_size_is_refused(sqlite_workspace, count):
    """No project, a negative count or more than 100,000 is refused with a sentence;
    nothing is written."""
    with pytest.raises(ValidationError) as caught:
        load_demo(sqlite_workspace, projects=count)
    assert caught.value.message == (
        f"Nombre de projets de démonstration invalide ({count}) : entre 1 et 100000."
    )
    assert project_query.count(sqlite_workspace) == 0


@pytest.mark.parametrize("size", [60, 2000])
def test_envelopes_within_budget_but_one_over_on_purpose(tmp_path, size):
    """Whatever the sample's size, the Financements view shows envelopes mostly within
    their allocation and exactly one over-committed, as a real year would."""
    from labest_desktop.services import funding

    ws = fresh_workspace(tmp_path, "funding")
    try:
        load_demo(ws, projects=size)
        rows = funding.envelopes(ws)
        assert len(rows) == 4
        assert [r.name for r in rows if r.over_committed] == ["Budget propre du Lab'EST"]
        for row in rows:
            assert row.allocated % 5000 == 0
            assert 0.5 < row.used_ratio < 1.15, (row.name, row.used_ratio)
    finally:
        ws.database.dispose()


def test_projects_sit_where_their_lead_organisation_is(workspace):
    """A project led by Grand Reims is in the Marne (51), never in the Ardennes; only
    projects led by a regional body are spread over the region."""
    load_demo(workspace)
    with workspace.reading() as session:
        rows = session.execute(
            select(Project.department, Organisation.department).join(Organisation, Organisation.id == Project.lead_id)
        ).all()
        reims = session.execute(select(Organisation.department).where(Organisation.name == "Grand Reims")).scalar_one()
    assert reims == "51"
    assert all(project == lead for project, lead in rows if lead != "Région")


def test_decisions_carry_real_reasons(workspace):
    """Every decision reads as a committee wrote it: no message key, no placeholder."""
    load_demo(workspace)
    with workspace.reading() as session:
        reasons = session.scalars(select(StageDecision.rationale)).all()
    assert reasons and all(r and "." in r[-2:] and "{" not in r and not r.startswith(("decision.", "demo.")) for r in reasons)
    assert len(set(reasons)) > 5


def test_a_second_demo_on_the_same_database_is_one_sentence_and_adds_nothing(tmp_path):
    """Before: « UNIQUE constraint failed: project.uid ». Now a sentence, exit 1, and
    the database holds the first sample only; another seed still adds one."""
    from tests.faults.campaign import cli

    db = tmp_path / "demo.sqlite3"
    first = cli(db, tmp_path / "data", "demo", "--projects", "30")
    assert first.returncode == 0, first.stderr
    again = cli(db, tmp_path / "data", "demo", "--projects", "30")
    assert again.returncode == 1
    assert "contient déjà la démonstration" in again.stderr and "UNIQUE" not in again.stderr
    import sqlite3

    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM project").fetchone()[0] == 30
    connection.close()
    other = cli(db, tmp_path / "data", "demo", "--projects", "30", "--seed", "7")
    assert other.returncode == 0, other.stderr
