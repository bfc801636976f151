"""The frame: title, menus, shortcuts, status bar, welcome panel, views."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from labest_desktop.services import project_query
from tests.ui.conftest import screenshot


def test_title_menus_and_status_bar(make_window, demo_workspace):
    """The title names Lab'EST, the four menus exist, the status bar shows shown/total
    and the database file."""
    window = make_window(demo_workspace)
    assert "Lab'EST" in window.windowTitle()
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["Fichier", "Édition", "Affichage", "Aide"]
    assert "60" in window.count_label.text()
    assert str(demo_workspace.database.location.path) in window.database_label.text()
    assert window.stack.currentWidget() is window.tabs


def test_shortcuts(make_window, demo_workspace):
    """Every shortcut the issue names is bound to its action."""
    window = make_window(demo_workspace)
    expected = {
        "Ctrl+N": window.new_action, "Ctrl+I": window.import_action, "Ctrl+E": window.export_action,
        "Ctrl+Z": window.undo_action, "Ctrl+Y": window.redo_action, "F1": window.help_action,
        "Ctrl+Q": window.quit_action, "Ctrl+F": window.find_action,
    }
    for text, action in expected.items():
        assert QKeySequence(text) in action.shortcuts(), text


def test_welcome_panel_on_empty_database(make_window, sqlite_workspace, qtbot):
    """An empty database shows the welcome panel; its demo button fills the database
    in the background and the list appears."""
    window = make_window(sqlite_workspace)
    assert window.stack.currentWidget() is window.welcome
    screenshot(window, "welcome")
    window.welcome.demo_button.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.tabs, timeout=20_000)
    qtbot.waitUntil(lambda: not window.projects_view.reading())  # the list reads its ids in the background
    assert window.projects_view.model.rowCount() == project_query.count(sqlite_workspace) > 0


def test_screenshot_of_each_view(make_window, demo_workspace, qtbot):
    """Each registered view is shown once and saved as a screenshot."""
    window = make_window(demo_workspace)
    window.resize(1280, 760)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(0) if False else None
        key = window._keys[index]
        assert screenshot(window, f"view-{key}").exists()


def test_event_loop_runs_during_background_task(qtbot):
    """While a long task runs in the background, timers keep firing on the main thread
    and the result arrives there."""
    import threading

    from PySide6.QtCore import QThread, QTimer

    from labest_desktop.ui.tasks import run_in_background

    release = threading.Event()
    ticks = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    results = []

    def slow(control):
        for done in range(10_000):
            control.progress(done, 10_000)
            if done == 5_000:
                release.wait(10)
        return QThread.currentThread()

    run_in_background(slow, results.append)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5_000)
    release.set()
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    timer.stop()
    assert results[0] is not QThread.currentThread()
