"""Empty and sparse states say what to do (issue 14, item 12); one stage dialog for
every stage move; F1 tells every way a stage changes."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from labest_desktop.services import project_query, projects
from labest_desktop.ui import tasks
from labest_desktop.ui.dialogs import prompts


def test_a_search_without_result_says_so(make_window, demo_workspace, qtbot):
    window = make_window(demo_workspace)
    view = window.projects_view
    qtbot.waitUntil(lambda: not view.empty_state.isVisible())
    window.context.filter_state.update(search="kwyjibo")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=10_000)
    qtbot.waitUntil(view.empty_state.isVisible)
    assert "Aucun projet ne correspond à « kwyjibo »" in view.empty_state.text()
    window.context.filter_state.update(search="")
    qtbot.waitUntil(lambda: not view.empty_state.isVisible(), timeout=10_000)


def test_filters_without_result_and_one_project(make_window, sqlite_workspace, qtbot):
    from labest_desktop.domain.fields import ProjectFields

    projects.create_project(sqlite_workspace, ProjectFields(title="Accueil à Épinal", department="88"))
    window = make_window(sqlite_workspace)
    view = window.projects_view
    assert view.model.rowCount() == 1
    qtbot.waitUntil(lambda: not view.empty_state.isVisible())
    assert window.count_label.text() == "1 projet affiché sur 1"
    window.context.filter_state.update(departments=frozenset({"67"}))
    qtbot.waitUntil(view.empty_state.isVisible, timeout=10_000)
    assert "Aucun projet avec ces filtres" in view.empty_state.text()


def test_empty_views_say_what_to_do(make_window, sqlite_workspace, qtbot):
    from labest_desktop.domain.fields import ProjectFields

    projects.create_project(sqlite_workspace, ProjectFields(title="Accueil à Épinal"))
    window = make_window(sqlite_workspace)
    expected = {"events": "Aucun événement", "funding": "Aucune enveloppe"}
    for key, start in expected.items():
        view = window.ensure_view(key)
        window.show_view(key)
        qtbot.waitUntil(lambda: not tasks.busy(), timeout=20_000)
        qtbot.waitUntil(view.empty_state.isVisible, timeout=10_000)
        assert view.empty_state.text().startswith(start), key


def test_an_empty_board_says_what_to_do(make_window, sqlite_workspace, qtbot):
    """The board had only its « 0 projet au tableau. Faites glisser une fiche… » line."""
    from labest_desktop.domain.fields import ProjectFields

    window = make_window(sqlite_workspace)
    board = window.ensure_view("board")
    window.show_view("board")
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=20_000)
    assert board.summary.text().startswith("Aucun projet au tableau pour l'instant. Créez-en un (Ctrl+N)")
    projects.create_project(sqlite_workspace, ProjectFields(title="Accueil à Épinal", department="88"))
    window.context.projects_changed([])
    qtbot.waitUntil(lambda: board.summary.text().startswith("1 projet au tableau."), timeout=10_000)
    window.context.filter_state.update(departments=frozenset({"67"}))
    qtbot.waitUntil(lambda: board.summary.text().startswith("Aucun projet au tableau avec ces filtres"),
                    timeout=10_000)


def test_the_board_asks_with_the_editors_stage_dialog(make_window, demo_workspace, qtbot):
    """Dragging a card asks through the same dialog as « Passer à l'étape… », its
    target already chosen."""
    from labest_desktop.ui.views.board import RationaleDialog

    window = make_window(demo_workspace)
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        seen["type"] = type(dialog)
        seen["stage"] = dialog.stage.currentData()
        seen["locked"] = not dialog.stage.isEnabled()
        dialog.rationale.setPlainText("Prototype validé en comité")
        dialog._accept()

    QTimer.singleShot(0, answer)
    pid = project_query.project_ids(demo_workspace)[0]
    title = projects.get_project(demo_workspace, pid).fields.title
    assert RationaleDialog.ask(window, title, "ideation", "prototype") == "Prototype validé en comité"
    assert seen == {"type": prompts.StageDialog, "stage": "prototype", "locked": True}


def test_help_names_every_way_a_stage_changes(make_window, demo_workspace, qtbot):
    window = make_window(demo_workspace)
    seen = []

    def read():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read)
    window.show_help()
    assert "tableau" in seen[0] and "Ctrl+Maj+→" in seen[0] and "importez un classeur" in seen[0]
