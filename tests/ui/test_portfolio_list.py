"""The portfolio list: model checks, search, filters as chips, sort in SQL, saved
views, columns remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from labest_desktop.services import project_query
from labest_desktop.services.project_query import ProjectFilter
from labest_desktop.ui import labels
from labest_desktop.ui.models.project_table import (
    COLUMN_KEYS,
    ID_ROLE,
    STAGE_ROLE,
    ProjectTableModel,
)
from labest_desktop.ui.views import projects as projects_module


def test_model_passes_qtmodeltester(qtmodeltester, demo_workspace):
    """The windowed table model honours Qt's model contract."""
    model = ProjectTableModel(demo_workspace)
    model.reload()
    qtmodeltester.check(model)
    model.set_sort("title", True)
    qtmodeltester.check(model)


def test_model_fetches_rows_in_windows(demo_workspace, monkeypatch):
    """Reading one cell fetches a window of rows, not the whole portfolio."""
    asked = []
    real = project_query.rows
    monkeypatch.setattr(project_query, "rows", lambda ws, ids: asked.append(len(ids)) or real(ws, ids))
    model = ProjectTableModel(demo_workspace)
    model.reload()
    model.data(model.index(30, 1))
    model.data(model.index(31, 1))
    assert asked and max(asked) <= 200 and len(asked) == 1


def test_stage_shown_by_text_and_colour(demo_workspace):
    """The stage column carries its name and a swatch of the stage's colour: one icon
    per stage, made once (a colour given to the delegate made a new icon, kept in
    Qt's pixmap cache, for every cell painted: 6 MB per 1,000 actions of the soak)."""
    model = ProjectTableModel(demo_workspace)
    model.reload()
    column = COLUMN_KEYS.index("stage")
    index = model.index(0, column)
    assert index.data() in ("Idéation", "Prototype", "Déploiement")
    icons = {}
    for row in range(model.rowCount()):
        stage = model.index(row, column).data(STAGE_ROLE)
        icon = model.index(row, column).data(Qt.ItemDataRole.DecorationRole)
        assert icons.setdefault(stage, icon.cacheKey()) == icon.cacheKey()
        image = icon.pixmap(16, 16).toImage()
        assert image.pixelColor(8, 8) == labels.stage_colour(stage)
    assert len(icons) >= 2


def test_search_as_you_type(make_window, demo_workspace, qtbot):
    """Typed text is searched (debounced) in the database and the count follows."""
    window = make_window(demo_workspace)
    view = window.projects_view
    ws = demo_workspace
    # QtTest types ASCII only: the first such word of the first titles.
    word = next(w for row in range(view.model.rowCount()) for w in view.model.project_row(row).title.split()
                if w.isascii() and w.isalpha() and len(w) > 3)
    expected = project_query.count(ws, ProjectFilter(search=word))
    qtbot.keyClicks(view.search, word)
    qtbot.waitUntil(lambda: view.model.rowCount() == expected, timeout=3000)
    assert f"{expected} projets affichés sur 60" == window.count_label.text().replace("\u202f", "")
    view.search.clear()
    view._apply_search()
    qtbot.waitUntil(lambda: view.model.rowCount() == 60)


def test_filters_shown_as_removable_chips(make_window, demo_workspace, qtbot):
    """Each active filter is a chip; removing one chip removes only that filter."""
    window = make_window(demo_workspace)
    view = window.projects_view
    state = window.context.filter_state
    state.update(stages=frozenset({"prototype"}), departments=frozenset({"67"}))
    assert view.model.rowCount() == project_query.count(demo_workspace, state.filter)
    texts = view.chips.chip_texts()
    assert any(t.startswith("Étape : Prototype") for t in texts)
    assert any(t.startswith("Département : 67") for t in texts)
    from tests.ui.conftest import screenshot

    screenshot(window, "projects-filtered")
    stage_chip = next(c for c in view.chips.chips if c.text().startswith("Étape"))
    stage_chip.click()
    assert state.filter.stages == frozenset() and state.filter.departments == frozenset({"67"})
    assert view.model.rowCount() == project_query.count(demo_workspace, ProjectFilter(departments=frozenset({"67"})))


def test_sort_by_header_in_sql(make_window, demo_workspace, qtbot):
    """Clicking a header sorts in the database: the order equals the query's."""
    window = make_window(demo_workspace)
    view = window.projects_view
    column = COLUMN_KEYS.index("title")
    view.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    ids = [view.model.index(r, 0).data(ID_ROLE) for r in range(view.model.rowCount())]
    assert ids == project_query.project_ids(demo_workspace, ProjectFilter(), "title", True)


def test_saved_view_restores_filters_sort_and_columns(make_window, demo_workspace, qtbot, monkeypatch):
    """A named view keeps filters, sort and hidden columns, and brings them back."""
    window = make_window(demo_workspace)
    view = window.projects_view
    state = window.context.filter_state
    state.update(statuses=frozenset({"active"}))
    view.table.sortByColumn(COLUMN_KEYS.index("budget"), Qt.SortOrder.DescendingOrder)
    view.set_column_visible(COLUMN_KEYS.index("lead"), False)
    monkeypatch.setattr(projects_module.SaveViewDialog, "ask", classmethod(lambda cls, p, s="": "Actifs par budget"))
    assert view.save_current_view() == "Actifs par budget"
    state.clear()
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.set_column_visible(COLUMN_KEYS.index("lead"), True)
    view.apply_view("Actifs par budget")
    assert state.filter.statuses == frozenset({"active"})
    assert (view.model.sort_key, view.model.descending) == ("budget", True)
    assert view.table.horizontalHeader().isSectionHidden(COLUMN_KEYS.index("lead"))
    assert view.views_combo.currentText() == "Actifs par budget"


def test_column_layout_remembered(make_window, demo_workspace, ui_settings):
    """Hidden and moved columns come back in the next window."""
    window = make_window(demo_workspace)
    header = window.projects_view.table.horizontalHeader()
    window.projects_view.set_column_visible(COLUMN_KEYS.index("department"), False)
    header.moveSection(header.visualIndex(COLUMN_KEYS.index("budget")), 0)
    window.close()
    again = make_window(demo_workspace)
    header = again.projects_view.table.horizontalHeader()
    assert header.isSectionHidden(COLUMN_KEYS.index("department"))
    assert header.logicalIndex(0) == COLUMN_KEYS.index("budget")
