"""One change signal: a save is published once, the visible view re-reads what it
shows, hidden views wait until they are next shown — so the statements sent for an
edit do not grow with the number of views built."""

from __future__ import annotations

from sqlalchemy import event

from labest_desktop.services import projects
from labest_desktop.services.changes import Changes
from labest_desktop.ui import tasks
from labest_desktop.ui.views import VIEWS
from labest_desktop.ui.views.base import View


class Statements:
    def __init__(self, engine) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args) -> None:
        self.count += 1


def _save_title(window, project_id: int, title: str) -> None:
    ws = window.context.workspace
    view = projects.get_project(ws, project_id)
    projects.update_project(ws, project_id, view.fields.with_changes(title=title), view.version)


def _statements_for_one_edit(window, qtbot, statements, project_id: int, title: str) -> int:
    _save_title(window, project_id, title)
    statements.count = 0
    window.context.projects_changed([project_id])
    qtbot.waitUntil(lambda: not tasks.busy())
    return statements.count


def test_statements_per_edit_do_not_grow_with_the_views_built(make_window, demo_workspace, qtbot):
    """With only the list built, then with every view built (the list on screen), one
    edit costs the same statements; the hidden views are marked stale, not read."""
    window = make_window(demo_workspace)
    statements = Statements(demo_workspace.database.engine)
    project_id = window.projects_view.model.id_at(0)
    alone = _statements_for_one_edit(window, qtbot, statements, project_id, "Premier titre")
    assert alone > 0
    for spec in VIEWS:
        window.show_view(spec.key)
        qtbot.waitUntil(lambda: not tasks.busy())
    window.show_view("projects")
    qtbot.waitUntil(lambda: not tasks.busy())
    everything_built = _statements_for_one_edit(window, qtbot, statements, project_id, "Second titre")
    assert everything_built == alone
    hidden = [key for key in window.views if key != "projects"]
    assert hidden and all(window.views[key].is_stale() for key in hidden)
    assert window.projects_view.model.index(window.projects_view.model.row_of(project_id), 0).isValid()


def test_a_hidden_view_refreshes_when_next_shown(make_window, demo_workspace, qtbot):
    """The board, hidden during a save, shows the new title as soon as it is shown."""
    window = make_window(demo_workspace)
    window.show_view("board")
    board = window.views["board"]
    window.show_view("projects")
    card = next(iter(board.columns.values())).model.index(0).data(board_view_card_role())
    _save_title(window, card.id, "Titre changé ailleurs")
    window.context.projects_changed([card.id])
    assert board.is_stale()
    window.show_view("board")
    assert not board.is_stale()
    column = board.columns[card.stage]
    assert column.model.index(column.model.row_of(card.id)).data(board_view_card_role()).title == "Titre changé ailleurs"


def board_view_card_role():
    from labest_desktop.ui.views.board import CARD_ROLE

    return CARD_ROLE


def test_views_keep_the_typed_contract(make_window, demo_workspace, qtbot):
    """Every registered view is a ``View``: it refreshes from ``Changes``, translates
    itself and asks for a project's editor through ``open_project``; a change it does
    not show leaves it alone."""
    window = make_window(demo_workspace)
    for spec in VIEWS:
        window.show_view(spec.key)
        assert isinstance(window.views[spec.key], View)
    qtbot.waitUntil(lambda: not tasks.busy())
    statements = Statements(demo_workspace.database.engine)
    window.show_view("projects")
    window.context.publish(Changes.of(envelopes=[1]))  # the list shows no envelope figure
    assert statements.count == 0
    opened = []
    window.project_actions.open_project = opened.append
    window.views["board"].open_project.emit(7)
    assert opened == [7]
