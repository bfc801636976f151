"""The events view: creating an event with linked projects from the editor, the
month view, a project's events, and undo of a creation."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qt_compat import qt_api

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import events, organisations, projects
from labest_desktop.services.changes import Changes
from labest_desktop.services.demo import load_demo
from labest_desktop.ui.models.windowed_table import WINDOW
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


def test_a_busy_day_is_marked_once(qtbot, context):
    """Twelve events on one day and one on another: the calendar marks two days, each
    once (it marked a day once per event, and read every event of the month with its
    linked projects to do so: a day's soak of new events made each refresh longer)."""
    for n in range(12):
        events.create_event(context.workspace, events.EventFields(title=f"Atelier {n}", kind="workshop",
                                                                  date=date(2026, 11, 5)))
    events.create_event(context.workspace, events.EventFields(title="Comité", kind="meeting", date=date(2026, 11, 20)))
    view = events_view.EventsView(context)
    qtbot.addWidget(view)
    view.show()
    view.calendar.setCurrentPage(2026, 11)
    assert view._marked == [qt_api.QtCore.QDate(2026, 11, 5), qt_api.QtCore.QDate(2026, 11, 20)]
    assert view.calendar.dateTextFormat(qt_api.QtCore.QDate(2026, 11, 20)).fontWeight() > 400
    view.calendar.setSelectedDate(qt_api.QtCore.QDate(2026, 11, 5))
    assert view.day_events.count() == 12


def test_the_day_list_is_read_when_the_month_page_is_shown(qtbot, context):
    """While the list page is on screen, a new event does not rebuild the selected
    day's list (one item per event of the day, every change); showing the month page
    reads it, with the new event."""
    today = date.today()
    events.create_event(context.workspace, events.EventFields(title="Atelier 1", kind="workshop", date=today))
    view = events_view.EventsView(context)
    qtbot.addWidget(view)
    view.show()
    view.calendar.setSelectedDate(qt_api.QtCore.QDate(today.year, today.month, today.day))
    view.tabs.setCurrentIndex(1)
    assert view.day_events.count() == 1
    view.tabs.setCurrentIndex(0)
    created = events.create_event(context.workspace, events.EventFields(title="Atelier 2", kind="workshop", date=today))
    view.data_changed(Changes.of(events=[created.id]))
    assert view.model.rowCount() == 2  # the list on screen follows at once
    assert view.day_events.count() == 1  # the hidden day's list waits
    view.tabs.setCurrentIndex(1)
    assert [view.day_events.item(i).data(events_view.ID_ROLE) for i in range(2)].count(created.id) == 1
    assert view.day_events.count() == 2


def _many_events(workspace, count: int) -> None:
    """``count`` events written in one transaction (dates spread over four years,
    every tenth undated)."""
    from datetime import timedelta

    from labest_desktop.domain.models import Event

    with workspace.unit_of_work() as uow:
        uow.session.add_all(
            Event(title=f"Atelier {i:04d}", kind="workshop", place=f"Salle {i % 7}",
                  date=None if i % 10 == 0 else date(2023, 1, 1) + timedelta(days=i % 1400))
            for i in range(count)
        )
        uow.commit()


def test_events_list_reads_only_the_rows_on_screen(qtbot, context, monkeypatch):
    """With 1,000 events the list knows every id but reads and formats only the rows
    it draws (a window of them), whatever the sort; the columns are not measured over
    the rows. Scrolling to the end reads the rows there, not the ones in between."""
    _many_events(context.workspace, 1_000)
    asked: list[int] = []
    read = events.event_rows

    def counted(ws, ids):
        asked.extend(ids)
        return read(ws, ids)

    monkeypatch.setattr(events, "event_rows", counted)
    view = events_view.EventsView(context)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    table = view.table
    qtbot.waitUntil(lambda: bool(asked))
    assert view.model.rowCount() == 1_000
    assert len(asked) <= WINDOW
    assert view.model.cached() <= WINDOW
    first_on_screen = table.model().index(table.rowAt(0), events_view.COL_TITLE).data()
    assert first_on_screen.startswith("Atelier")
    asked.clear()
    table.sortByColumn(events_view.COL_TITLE, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: bool(asked))
    assert table.model().index(0, events_view.COL_TITLE).data() == "Atelier 0000"
    assert len(asked) <= WINDOW
    asked.clear()
    table.scrollToBottom()
    qtbot.waitUntil(lambda: bool(asked))
    assert table.model().index(999, events_view.COL_TITLE).data() == "Atelier 0999"
    assert len(asked) <= WINDOW
    assert view.model.cached() <= 2 * WINDOW
    table.sortByColumn(events_view.COL_DATE, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: table.model().index(0, events_view.COL_DATE).data() != "")
    undated = [table.model().index(row, events_view.COL_DATE).data() for row in range(900, 1000)]
    assert undated == [""] * 100  # undated events last, ascending or not


def test_events_list_sorts_and_searches_in_the_database(qtbot, context):
    """Each column sorts in the database (kinds by their names, undated events and
    unknown participants last); a search ignores accents and case."""
    made = [
        events.create_event(context.workspace, events.EventFields(
            title=title, kind=kind, date=day, place=place, participants=people))
        for title, kind, day, place, people in (
            ("Été des usagers", "exhibition", date(2026, 7, 1), "Nancy", 40),
            ("atelier accueil", "workshop", None, "Metz", None),
            ("Bilan", "meeting", date(2025, 1, 3), None, 8),
        )
    ]
    view = events_view.EventsView(context)
    qtbot.addWidget(view)
    model = view.model

    def titles() -> list[str]:
        return [model.index(row, events_view.COL_TITLE).data() for row in range(model.rowCount())]

    assert titles() == ["Été des usagers", "Bilan", "atelier accueil"]  # recent first, undated last
    view.table.sortByColumn(events_view.COL_PARTICIPANTS, Qt.SortOrder.DescendingOrder)
    assert titles() == ["Été des usagers", "Bilan", "atelier accueil"]
    view.table.sortByColumn(events_view.COL_PARTICIPANTS, Qt.SortOrder.AscendingOrder)
    assert titles() == ["Bilan", "Été des usagers", "atelier accueil"]
    view.table.sortByColumn(events_view.COL_KIND, Qt.SortOrder.AscendingOrder)
    kinds = [model.index(row, events_view.COL_KIND).data() for row in range(3)]
    assert kinds == sorted(kinds, key=str.lower)
    view.search.setText("ETE")
    assert titles() == ["Été des usagers"]
    view.search.setText("metz ACCUEIL")
    assert titles() == ["atelier accueil"]
    view.search.clear()
    view.select_event(made[2].id)
    assert view.editor.event_id == made[2].id
