"""The partners view: an organisation's links, and merging two organisations (undoable)."""

from __future__ import annotations

import pytest

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import organisations, projects
from labest_desktop.services.demo import load_demo
from labest_desktop.ui.models.windowed_table import WINDOW
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


def test_partners_list_reads_only_the_rows_on_screen(qtbot, context, monkeypatch):
    """With 1,000 organisations the list knows every id but reads only the rows it
    draws (a window), sorts in the database (by name, by a count) and is not measured
    over its rows; scrolling to the middle reads the rows there only."""
    from labest_desktop.domain.models import Organisation

    with context.workspace.unit_of_work() as uow:
        uow.session.add_all(Organisation(name=f"Commune {i:04d}", name_key=f"commune {i:04d}", department="57")
                            for i in range(1_000))
        uow.commit()
    lead = projects.create_project(context.workspace, ProjectFields(title="Crues", lead="Commune 0500"))
    asked: list[int] = []
    read = organisations.organisation_rows

    def counted(ws, ids):
        asked.extend(ids)
        return read(ws, ids)

    monkeypatch.setattr(organisations, "organisation_rows", counted)
    view = partners_view.PartnersView(context)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.counts_pending())
    table, model = view.table, view.model
    assert model.rowCount() == 1_000
    assert len(asked) <= WINDOW and model.cached() <= WINDOW
    assert model.index(0, partners_view.COL_NAME).data() == "Commune 0000"
    asked.clear()
    table.sortByColumn(partners_view.COL_LED, qtbot_descending())
    assert model.index(0, partners_view.COL_NAME).data() == "Commune 0500"
    assert model.index(0, partners_view.COL_LED).data() == "1"
    # Sorted from the counts already read, in the database's order (ties by name).
    assert model._rows.ids == organisations.organisation_ids(context.workspace, sort="led", descending=True)
    assert len(asked) <= 2 * WINDOW  # the top rows and the selected one's, kept selected
    assert model.row_of(view.current_id) == table.currentIndex().row() > 0
    asked.clear()
    table.scrollTo(model.index(500, 0), table.ScrollHint.PositionAtTop)
    qtbot.waitUntil(lambda: bool(asked))
    assert len(asked) <= WINDOW
    assert model.cached() <= 3 * WINDOW  # three windows of 1,000 rows
    view.search.setText("COMMUNE 0500")
    assert model.rowCount() == 1
    assert model.index(0, partners_view.COL_NAME).data() == lead.fields.lead


def qtbot_descending():
    from pytestqt.qt_compat import qt_api

    return qt_api.QtCore.Qt.SortOrder.DescendingOrder
