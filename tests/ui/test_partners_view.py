"""The partners view: an organisation's links, and merging two organisations (undoable)."""

from __future__ import annotations

import pytest

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import organisations, projects
from labest_desktop.services.demo import load_demo
from labest_desktop.ui.views import partners as partners_view
from tests.support.ui_context import make_context, screenshot


@pytest.fixture
def context(sqlite_workspace, tmp_path):
    return make_context(sqlite_workspace, tmp_path)


def _names(ws):
    return {r.name: r.id for r in organisations.list_organisations(ws)}


def test_merge_moves_links_and_undo_restores(qtbot, context, monkeypatch):
    """Merging « DREAL GE » into « DREAL Grand Est » moves its project to the one kept,
    records a « merge » revision; undo brings « DREAL GE » back with its project."""
    led = projects.create_project(context.workspace, ProjectFields(title="Crues", lead="DREAL GE"))
    projects.create_project(context.workspace, ProjectFields(title="Eau", lead="DREAL Grand Est"))
    ids = _names(context.workspace)
    monkeypatch.setattr(partners_view.MergeDialog, "ask", classmethod(lambda cls, p, removed, rows: ids["DREAL Grand Est"]))
    view = partners_view.PartnersView(context)
    qtbot.addWidget(view)
    view.select(ids["DREAL GE"])
    qtbot.waitUntil(lambda: view.led.count() == 1)  # an organisation's projects are read in the background
    view.merge.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.current_id == ids["DREAL Grand Est"]
    qtbot.waitUntil(lambda: view.led.count() == 2)
    assert projects.get_project(context.workspace, led.id).fields.lead == "DREAL Grand Est"
    assert projects.history(context.workspace, led.id)[-1].origin == "merge"

    context.undo_stack.undo()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert projects.get_project(context.workspace, led.id).fields.lead == "DREAL GE"
    context.undo_stack.redo()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert projects.get_project(context.workspace, led.id).fields.lead == "DREAL Grand Est"


def test_detail_and_model(qtbot, context, qtmodeltester):
    """Each organisation shows the projects it leads, partners and its events."""
    load_demo(context.workspace, projects=80, seed=11)
    view = partners_view.PartnersView(context)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtmodeltester.check(view.model)
    oid = _names(context.workspace)["DREAL Grand Est"]
    view.select(oid)
    qtbot.waitUntil(lambda: not view.detail_pending() and not view.counts_pending())
    detail = organisations.get_organisation(context.workspace, oid)
    assert view.led.count() == len(detail.led)
    assert view.partnered.count() == len(detail.partnered)
    assert view.events.count() == len(detail.events)
    counted = {r.id: (r.led, r.partnered, r.events) for r in organisations.list_organisations(context.workspace)}
    assert {view.model.index(r, 0).data(partners_view.ID_ROLE): view.model.counts_of(view.model.index(r, 0).data(partners_view.ID_ROLE))
            for r in range(view.model.rowCount())} == counted
    screenshot(view, "partners")
