"""The board: columns with counts, a drag recorded as a decision and undone, the
keyboard move, the shared filter, and capped columns."""

from __future__ import annotations

import pytest
from pytestqt.qt_compat import qt_api

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.vocab import Stage
from labest_desktop.services import projects
from labest_desktop.services.demo import load_demo
from labest_desktop.ui.views import board as board_view
from tests.support.ui_context import make_context, screenshot


@pytest.fixture
def context(sqlite_workspace, tmp_path):
    return make_context(sqlite_workspace, tmp_path)


@pytest.fixture
def answer(monkeypatch):
    """Replace the rationale dialog by a recorded answer."""
    asked = []

    def ask(parent, title, from_stage, to_stage):
        asked.append((title, from_stage, to_stage))
        return "Validé en comité de pilotage"

    monkeypatch.setattr(board_view.RationaleDialog, "ask", staticmethod(ask))
    return asked


def _drop(view, project_id, source_stage, target_stage):
    """What a drop does: the source column's mime data given to the target column's model."""
    source = view.columns[source_stage].model
    target = view.columns[target_stage].model
    mime = source.mimeData([source.index(source.row_of(project_id))])
    assert target.canDropMimeData(mime, qt_api.QtCore.Qt.DropAction.MoveAction, -1, -1, qt_api.QtCore.QModelIndex())
    target.dropMimeData(mime, qt_api.QtCore.Qt.DropAction.MoveAction, -1, -1, qt_api.QtCore.QModelIndex())


def test_drag_records_a_decision_and_undo_reverses_it(qtbot, context, answer):
    """Dropping a card on Prototype asks the rationale, records the decision, moves the
    card; undo records « Annulation : … » and brings the card back."""
    view_ = projects.create_project(context.workspace, ProjectFields(title="Accueil des usagers", lead="DREAL Grand Est"))
    view = board_view.BoardView(context)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    qtbot.waitUntil(lambda: not view.is_updating())  # the cards are read in the background
    assert view.columns["ideation"].model.total == 1
    _drop(view, view_.id, "ideation", "prototype")
    qtbot.waitUntil(lambda: view.columns["prototype"].model.total == 1)
    assert view.columns["ideation"].model.total == 0
    assert answer == [("Accueil des usagers", "ideation", "prototype")]
    decided = projects.decisions(context.workspace, view_.id)
    assert (decided[-1].from_stage, decided[-1].to_stage, decided[-1].rationale) == (
        "ideation", "prototype", "Validé en comité de pilotage"
    )
    assert context.undo_stack.count() == 1

    context.undo_stack.undo()
    qtbot.waitUntil(lambda: view.columns["ideation"].model.total == 1)
    decided = projects.decisions(context.workspace, view_.id)
    assert decided[-1].to_stage == "ideation"
    assert decided[-1].rationale == "Annulation : Validé en comité de pilotage"
    context.undo_stack.redo()
    qtbot.waitUntil(lambda: view.columns["prototype"].model.total == 1)


def test_keyboard_moves_the_selected_card(qtbot, context, answer):
    """Ctrl+Shift+Right on the selected card moves it to the next stage, and the card
    stays selected in its new column."""
    created = projects.create_project(context.workspace, ProjectFields(title="Guichet unique", stage=Stage.PROTOTYPE))
    view = board_view.BoardView(context)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitActive(view)
    qtbot.waitUntil(lambda: not view.is_updating())
    column = view.columns["prototype"]
    column.view.setFocus()
    column.view.setCurrentIndex(column.model.index(0))
    qtbot.keyClick(column.view, qt_api.QtCore.Qt.Key.Key_Right,
                   qt_api.QtCore.Qt.KeyboardModifier.ControlModifier | qt_api.QtCore.Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: view.columns["deployment"].model.total == 1 and not view.is_updating())
    assert projects.get_project(context.workspace, created.id).fields.stage == Stage.DEPLOYMENT
    deployed = view.columns["deployment"]
    assert deployed.selected_card().id == created.id
    # The context menu offers the same moves.
    texts = [a.text() for a in deployed.view.actions()]
    assert any("Idéation" in t or "Ideation" in t for t in texts)


def test_cancelled_rationale_changes_nothing(qtbot, context, monkeypatch):
    """Closing the rationale dialog leaves the project where it was, with no undo step."""
    created = projects.create_project(context.workspace, ProjectFields(title="Crues"))
    monkeypatch.setattr(board_view.RationaleDialog, "ask", staticmethod(lambda *a: None))
    view = board_view.BoardView(context)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.is_updating())
    _drop(view, created.id, "ideation", "deployment")
    assert projects.get_project(context.workspace, created.id).fields.stage == Stage.IDEATION
    assert context.undo_stack.count() == 0


def test_board_follows_the_shared_filter_and_caps_columns(qtbot, context):
    """The list's filter narrows the board; a column shows PAGE cards then « show more »."""
    load_demo(context.workspace, projects=600, seed=3)
    view = board_view.BoardView(context)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    assert view.updating.isVisible()  # « updating… » until the cards are in
    qtbot.waitUntil(lambda: not view.is_updating())
    assert not view.updating.isVisible()
    totals = {s: c.model.total for s, c in view.columns.items()}
    assert sum(totals.values()) == 600
    biggest = max(view.columns.values(), key=lambda c: c.model.total)
    assert biggest.model.loaded() == board_view.PAGE and biggest.more.isVisible()
    qtbot.mouseClick(biggest.more, qt_api.QtCore.Qt.MouseButton.LeftButton)
    assert biggest.model.loaded() == min(biggest.model.total, 2 * board_view.PAGE)
    screenshot(view, "board")
    context.filter_state.update(departments=frozenset({"67"}))
    qtbot.waitUntil(lambda: sum(c.model.total for c in view.columns.values()) < 600)
    for column in view.columns.values():
        assert all(column.model.index(r).data(board_view.CARD_ROLE).department == "67"
                   for r in range(column.model.rowCount()))


def test_card_model_passes_the_model_tester(qtbot, context, qtmodeltester):
    """The column model follows Qt's model rules."""
    load_demo(context.workspace, projects=30, seed=1)
    view = board_view.BoardView(context)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.is_updating())
    assert view.columns["ideation"].model.rowCount() > 0
    qtmodeltester.check(view.columns["ideation"].model)
