"""Funding envelopes: committed budgets, what remains, over-commitment."""

from __future__ import annotations

from decimal import Decimal

import pytest

from labest_desktop.domain.errors import ValidationError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import funding, projects
from labest_desktop.services.project_query import ProjectFilter


def test_committed_remaining_and_over_commitment(workspace):
    """Committed is the sum of project budgets on the envelope; deleted projects don't count."""
    funding.create_envelope(workspace, "Fonds d'innovation", "DITP", Decimal("100000"))
    funding.create_envelope(workspace, "Budget propre", None, Decimal("1000"))
    projects.create_project(workspace, ProjectFields(title="A", budget=Decimal("60000.50"), funding="Fonds d'innovation", department="67"))
    projects.create_project(workspace, ProjectFields(title="B", budget=Decimal("50000"), funding="Fonds d'innovation", department="57"))
    gone = projects.create_project(workspace, ProjectFields(title="C", budget=Decimal("900"), funding="Budget propre"))
    projects.set_deleted(workspace, gone.id, True)
    rows = {r.name: r for r in funding.envelopes(workspace)}
    fonds = rows["Fonds d'innovation"]
    assert fonds.committed == Decimal("110000.50")
    assert fonds.remaining == Decimal("-10000.50")
    assert fonds.over_committed and fonds.projects == 2
    assert rows["Budget propre"].committed == Decimal("0.00")
    assert not rows["Budget propre"].over_committed
    only_67 = {r.name: r for r in funding.envelopes(workspace, ProjectFilter(departments=frozenset({"67"})))}
    assert only_67["Fonds d'innovation"].committed == Decimal("60000.50")


def test_negative_allocation_is_refused(sqlite_workspace):
    """An allocation is a positive amount to the cent."""
    with pytest.raises(ValidationError) as caught:
        funding.create_envelope(sqlite_workspace, "X", None, Decimal("-1"))
    assert "Montant alloué invalide" in caught.value.message
