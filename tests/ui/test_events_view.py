"""The events view: creating an event with linked projects from the editor, the
month view, a project's events, and undo of a creation."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qt_compat import qt_api

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import events, organisations, projects
from labest_desktop.services.demo import load_demo
from labest_desktop.ui.views import events as events_view
from labest_desktop.ui.views import view_errors
from tests.support.ui_context import make_context, screenshot

Qt = qt_api.QtCore.Qt


@pytest.fixture
def context(sqlite_workspace, tmp_path):
    return make_context(sqlite_workspace, tmp_path)


def test_event_created_with_linked_projects(qtbot, context):
    """Filling the editor, finding two projects by their words and saving creates one
    event linked to them; the list shows it, the project lists it; undo removes it."""
    p1 = projects.create_project(context.workspace, ProjectFields(title="Accueil des usagers à Metz"))
    p2 = projects.create_project(context.workspace, ProjectFields(title="Accueil numérique à Nancy"))
    projects.create_project(context.workspace, ProjectFields(title="Transports scolaires"))
    org = organisations.create_organisation(context.workspace, "Metz Métropole", "local_authority", "57")
    view = events_view.EventsView(context)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    editor = view.editor
    qtbot.keyClicks(editor.title, "Atelier design de services")
    editor.kind.setCurrentIndex(editor.kind.findData("workshop"))
    editor.date.setDate(qt_api.QtCore.QDate(2026, 11, 5))
    editor.place.setText("Metz, préfecture")  # QtTest types ASCII only
    editor.participants.setValue(24)
    editor.load_organisations()
    # Results follow the typing; Entrée links the first, one click links another.
    qtbot.keyClicks(editor.project_search, "accueil")
    qtbot.waitUntil(lambda: editor.project_results.count() == 2)
    qtbot.keyClick(editor.project_search, Qt.Key.Key_Return)
    assert editor.projects.count() == 1 and editor.project_search.text() == ""
    qtbot.keyClicks(editor.project_search, "accueil")
    qtbot.waitUntil(lambda: editor.project_results.count() == 2)
    second = editor.project_results.item(1)
    qtbot.mouseClick(editor.project_results.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.project_results.visualItemRect(second).center())
    assert editor.projects.count() == 2
    for i in range(editor.organisations.count()):
        if editor.organisations.item(i).data(events_view.ID_ROLE) == org:
            editor.organisations.item(i).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    [row] = events.list_events(context.workspace)
    stored = events.get_event(context.workspace, row.id)
    assert stored.fields.title == "Atelier design de services"
    assert stored.fields.date == date(2026, 11, 5)
    assert stored.fields.participants == 24
    assert {p.id for p in stored.projects} == {p1.id, p2.id}
    assert [o.name for o in stored.organisations] == ["Metz Métropole"]
    panel = events_view.ProjectEventsPanel(context, p1.id)
    qtbot.addWidget(panel)
    assert panel.count() == 1 and "Atelier design de services" in panel.item(0).text()

    context.undo_stack.undo()
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert events.list_events(context.workspace) == []


def test_invalid_event_shows_the_sentence(qtbot, context, monkeypatch):
    """Saving without a title shows the domain's sentence and writes nothing."""
    shown = []
    monkeypatch.setattr(view_errors, "show_error", lambda parent, exc: shown.append(exc.message))
    view = events_view.EventsView(context)
    qtbot.addWidget(view)
    qtbot.mouseClick(view.editor.save, Qt.MouseButton.LeftButton)
    assert shown == ["Le titre de l'événement est obligatoire."]
    assert events.list_events(context.workspace) == []


def test_month_view_marks_days_with_events(qtbot, context, qtmodeltester):
    """The calendar marks the days that have events, and a day lists its events."""
    load_demo(context.workspace, projects=40, seed=5)
    view = events_view.EventsView(context)
    qtbot.addWidget(view)
    view.resize(1200, 720)
    view.show()
    qtmodeltester.check(view.model)
    view.calendar.setCurrentPage(2026, 11)
    view.calendar.setSelectedDate(qt_api.QtCore.QDate(2026, 11, 2))
    assert view.calendar.dateTextFormat(qt_api.QtCore.QDate(2026, 11, 2)).fontWeight() > 400
    assert view.day_events.count() == 1
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.editor.event_id is not None)
    screenshot(view, "events-list")
    view.tabs.setCurrentIndex(1)
    screenshot(view, "events-month")
