"""One change signal: a save is published once, the visible view re-reads what it
shows, hidden views wait until they are next shown — so the statements sent for an
edit do not grow with the number of views built."""

from __future__ import annotations

import threading

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
    _statements_for_one_edit(window, qtbot, statements, project_id, "Titre d'essai")  # the first paint's reads
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
    qtbot.waitUntil(lambda: not board.is_updating())
    window.show_view("projects")
    card = next(iter(board.columns.values())).model.index(0).data(board_view_card_role())
    _save_title(window, card.id, "Titre changé ailleurs")
    window.context.projects_changed([card.id])
    assert board.is_stale()
    window.show_view("board")
    assert not board.is_stale()
    qtbot.waitUntil(lambda: not board.is_updating())
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


def test_the_list_reads_its_ids_again_off_the_windows_thread(make_window, demo_workspace, qtbot):
    """After an edit that moves a project in the list's order, the ids are read in the
    background (no statement on the window's thread), then the rows selected, the
    current one and the first row on screen are the same projects as before."""
    window = make_window(demo_workspace)
    view = window.projects_view
    view.table.horizontalHeader().setSortIndicator(1, view.table.horizontalHeader().sortIndicatorOrder())  # by title
    qtbot.waitUntil(lambda: view.model.sort_key == "title")
    view.table.scrollTo(view.model.index(20, 0), view.table.ScrollHint.PositionAtTop)
    top = view.model.id_at(view.table.rowAt(0))
    assert view.model.project_row(20) is not None  # the rows on screen, read as a paint reads them
    chosen = view.model.ids()[22:25]
    view.select_ids(chosen)
    current = view.current_id()
    assert top != view.model.id_at(0)
    moved = view.model.id_at(0)  # the first title goes last: every row after it moves up
    _save_title(window, moved, "zzz Dernier par le titre")
    on_the_window = []
    main = threading.main_thread()
    event.listen(demo_workspace.database.engine, "before_cursor_execute",
                 lambda *_a: on_the_window.append(threading.current_thread() is main))
    window.context.projects_changed([moved])
    assert view.reading()
    qtbot.waitUntil(lambda: not view.reading() and not tasks.busy())
    assert on_the_window and not any(on_the_window)
    assert view.model.id_at(view.model.rowCount() - 1) == moved
    assert view.selected_ids() == chosen
    assert view.current_id() == current
    assert view.model.id_at(view.table.rowAt(0)) == top
    assert view.model.project_row(view.model.row_of(moved)).title == "zzz Dernier par le titre"
