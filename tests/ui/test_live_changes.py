"""What a colleague saves shows in an open window without a restart (SQLite through
data_version, PostgreSQL through notices), an open editor says so before its user
saves, and a lost server connection shows a banner until the window reconnects."""

from __future__ import annotations

import pytest

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import projects
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from tests.support.ui_context import screenshot


@pytest.fixture
def colleague(workspace, tmp_path):
    database = open_database(workspace.database.location, backups_folder=tmp_path / "colleague-backups")
    yield Workspace(database, "Claire Roux")
    database.dispose()


def test_a_colleagues_new_project_appears_in_the_list(workspace, colleague, make_window, qtbot):
    projects.create_project(workspace, ProjectFields(title="Premier projet"))
    window = make_window(workspace)
    model = window.projects_view.model
    assert model.rowCount() == 1
    projects.create_project(colleague, ProjectFields(title="Projet de Claire"))
    # Within the SQLite timer (2 s) or as soon as the server's notice arrives.
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=6000)


def test_an_open_editor_says_a_colleague_changed_its_project(workspace, colleague, make_window, qtbot):
    from labest_desktop.ui.editor.project_editor import ProjectEditor

    view = projects.create_project(workspace, ProjectFields(title="Guichet unique"))
    window = make_window(workspace)
    editor = ProjectEditor(window.context, view.id, window)
    qtbot.addWidget(editor)
    editor.show()
    editor.form.contact.setText("Ma modification")  # unsaved edit
    theirs = projects.get_project(colleague, view.id)
    projects.update_project(colleague, view.id, theirs.fields.with_changes(description="La leur"), theirs.version)
    qtbot.waitUntil(lambda: editor.stale_banner.isVisible(), timeout=6000)
    assert "Claire Roux" in editor.stale_banner.text()
    assert "avant d'enregistrer" in editor.stale_banner.text()
    assert editor.compare_button.isVisible()
    assert editor.form.contact.text() == "Ma modification"  # nothing typed is lost
    screenshot(editor, f"editor-changed-elsewhere-{workspace.database.dialect}")


def test_an_untouched_editor_shows_the_new_version(workspace, colleague, make_window, qtbot):
    from labest_desktop.ui.editor.project_editor import ProjectEditor

    view = projects.create_project(workspace, ProjectFields(title="Tiers-lieu"))
    window = make_window(workspace)
    editor = ProjectEditor(window.context, view.id, window)
    qtbot.addWidget(editor)
    editor.show()
    theirs = projects.get_project(colleague, view.id)
    projects.update_project(colleague, view.id, theirs.fields.with_changes(contact="Claire Roux"), theirs.version)
    qtbot.waitUntil(lambda: editor.form.contact.text() == "Claire Roux", timeout=6000)
    assert editor.view.version == theirs.version + 1
    assert not editor.compare_button.isVisible()


@pytest.mark.postgres
def test_a_lost_connection_shows_a_banner_until_reconnected(postgres_server, tmp_path, make_window, qtbot):
    """The server ends the window's connections (as a restart does): the banner says
    the connection is lost; the window reconnects by itself, the banner goes, and a
    colleague's save made meanwhile is shown."""
    import psycopg

    from labest_desktop.storage.location import server_location

    location = server_location(postgres_server.create_database("banner"))
    workspace = Workspace(open_database(location, backups_folder=tmp_path / "b"), "test-agent")
    colleague = Workspace(open_database(location, backups_folder=tmp_path / "c"), "Claire Roux")
    try:
        window = make_window(workspace)
        banner = window.connection_banner
        assert not banner.isVisible()
        qtbot.waitUntil(lambda: window.search_warm_up.task is not None and window.search_warm_up.task.done)
        first_warm_up = window.search_warm_up.task
        with psycopg.connect(host=str(postgres_server.socket_dir), user="labest", dbname="banner",
                             autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = 'banner' AND pid <> pg_backend_pid()")
            # While it is away, a colleague saves (their notice reaches nobody).
            projects.create_project(colleague, ProjectFields(title="Pendant la coupure"))
        qtbot.waitUntil(banner.isVisible, timeout=5000)
        assert "connexion au serveur" in banner.text()
        screenshot(window, "connection-lost-banner")
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10000)
        qtbot.waitUntil(lambda: window.projects_view.model.rowCount() == 1, timeout=5000)
        # Back: the search is warmed up again (a restarted server starts cold).
        assert window.search_warm_up.task is not first_warm_up
    finally:
        window.close()
        colleague.database.dispose()
        workspace.database.dispose()


def test_a_colleagues_stage_move_moves_the_card_on_an_open_board(workspace, colleague, make_window, qtbot):
    from labest_desktop.services import stage_moves

    view = projects.create_project(workspace, ProjectFields(title="Tiers-lieu numérique"))
    window = make_window(workspace)
    window.show_view("board")
    board = window.views["board"]
    qtbot.waitUntil(lambda: not board.is_updating())  # cards are read in the background
    assert board.columns["ideation"].model.row_of(view.id) >= 0
    theirs = projects.get_project(colleague, view.id)
    stage_moves.move(colleague, view.id, "prototype", "Comité de sélection", theirs.version)
    qtbot.waitUntil(lambda: board.columns["prototype"].model.row_of(view.id) >= 0, timeout=6000)
    assert board.columns["ideation"].model.row_of(view.id) < 0


def test_the_window_prepares_the_first_search_in_the_background_on_a_server(workspace, make_window, qtbot):
    """Once shown on a server, the window warms the search up in the background
    (tests/unit/storage/test_search_warm_up.py checks what that does); on a SQLite
    file it starts nothing."""
    from labest_desktop.ui import tasks

    window = make_window(workspace)
    qtbot.waitUntil(lambda: window.search_warm_up.task is not None or workspace.database.location.is_sqlite)
    if workspace.database.location.is_sqlite:
        qtbot.wait(50)  # the event loop ran: nothing was started meanwhile
        assert window.search_warm_up.task is None
    else:
        qtbot.waitUntil(lambda: window.search_warm_up.task.done, timeout=10000)
        assert not tasks.busy()
