"""The funding view: an over-committed envelope is shown by text and icon, not colour alone."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pytestqt.qt_compat import qt_api

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import funding, projects
from labest_desktop.services.demo import load_demo
from labest_desktop.ui.views import funding as funding_view
from tests.support.ui_context import make_context, screenshot

Qt = qt_api.QtCore.Qt


@pytest.fixture
def context(sqlite_workspace, tmp_path):
    return make_context(sqlite_workspace, tmp_path)


def test_over_commitment_is_shown(qtbot, context, qtmodeltester):
    """An envelope whose projects' budgets exceed its allocation reads « Over-committed »
    with a warning icon, a highlighted row and a sentence under the table."""
    load_demo(context.workspace, projects=40, seed=2)
    funding.create_envelope(context.workspace, "Petit fonds", "Lab'EST", Decimal("1000"))
    projects.create_project(context.workspace, ProjectFields(title="Gros projet", budget=Decimal("5000"), funding="Petit fonds"))
    view = funding_view.FundingView(context)
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show()
    qtbot.waitUntil(lambda: not view.is_updating())  # sums are read in the background
    qtmodeltester.check(view.model)
    model = view.model
    row = next(i for i in range(model.rowCount()) if model.index(i, 0).data() == "Petit fonds")
    state = model.index(row, funding_view.COL_STATE)
    assert state.data() == model.tr("Over-committed")
    assert state.data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(row, funding_view.COL_REMAINING).data().startswith("-4")
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "Petit fonds" in view.summary.text()
    view.table.selectRow(row)
    screenshot(view, "funding")


def test_editing_an_allocation_clears_the_warning(qtbot, context):
    """Raising the allocation above the commitments removes the over-commitment."""
    funding.create_envelope(context.workspace, "Fonds", None, Decimal("10"))
    projects.create_project(context.workspace, ProjectFields(title="P", budget=Decimal("50"), funding="Fonds"))
    view = funding_view.FundingView(context)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.is_updating())
    view.table.selectRow(0)
    view.allocated.setText("100 000,00")
    view.save.click()
    assert funding.envelopes(context.workspace)[0].allocated == Decimal("100000.00")
    qtbot.waitUntil(lambda: not view.is_updating())
    assert not view.model.index(0, 0).data(funding_view.OVER_ROLE)
