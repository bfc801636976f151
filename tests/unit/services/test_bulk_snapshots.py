"""The bulk reader used by imports and exports builds, for every project, exactly
the snapshot the one-project path builds (it reads dates and cents raw, so each
storage engine's spelling of them is checked)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.models import Project
from labest_desktop.domain.vocab import Stage, Status
from labest_desktop.services.project_store import snapshot_of
from labest_desktop.services.projects import create_project
from labest_desktop.services.snapshots import load_projects

CASES = [
    ProjectFields(title="Minimal"),
    ProjectFields(
        title="Tiers-lieu « Metz »", stage=Stage.PROTOTYPE, status=Status.PAUSED, lead="Région Grand Est",
        partners=("Ville de Metz", "Établissement public", "abbaye"), tags=("numérique", "santé"),
        department="57", contact="Ève Martin", start_date=date(2026, 1, 5), end_date=date(2026, 12, 31),
        budget=Decimal("12000.50"), funding="FNADT", users_involved=12, agents_involved=0,
        description="Deux\nlignes",
    ),
    ProjectFields(title="Budget nul", budget=Decimal("0.00"), partners=("Seul partenaire",)),
    ProjectFields(title="Centimes", budget=Decimal("0.05"), start_date=date(2024, 2, 29)),
    ProjectFields(title="Gros budget", budget=Decimal("999999999999.99")),
]


def test_bulk_snapshots_equal_one_project_snapshots(workspace):
    for fields in CASES:
        create_project(workspace, fields)
    with workspace.reading() as session:
        one_by_one = {p.id: snapshot_of(p) for p in session.scalars(select(Project))}
        bulk = {p.id: p.snapshot for p in load_projects(session)}
    assert bulk == one_by_one
    assert {s["budget"] for s in bulk.values()} == {None, "12000.50", "0.00", "0.05", "999999999999.99"}


def test_projects_asked_for_are_given_in_that_order_whether_their_ids_are_close_or_far_apart(workspace):
    """Ids close together are read as one range (the rows of the range not asked
    for are left out), ids far apart one by one: the same projects either way,
    each once, in the order asked for."""
    for index in range(12):
        create_project(workspace, ProjectFields(title=f"Projet {index}", partners=(f"Partenaire {index}",)))
    with workspace.reading() as session:
        every = {p.id: p for p in load_projects(session)}
        ids = sorted(every)
        close = [ids[9], ids[2], ids[4], ids[5], ids[7]]  # a range of 8 for 5 ids: read as one range
        far = [ids[11], ids[0]]  # a range of 12 for 2 ids: read one by one
        for asked in (close, far, close + far):
            assert list(load_projects(session, asked)) == [every[i] for i in asked]
