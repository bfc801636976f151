"""The projects list gives its room to the titles (issue 14, item 7)."""

from __future__ import annotations

from labest_desktop.ui.models.project_table import COLUMN_KEYS


def test_titles_get_the_room_left(make_window, demo_workspace, qtbot):
    window = make_window(demo_workspace)
    window.resize(1280, 760)
    header = window.projects_view.table.horizontalHeader()
    title, modified = COLUMN_KEYS.index("title"), COLUMN_KEYS.index("updated_at")
    qtbot.waitUntil(lambda: header.sectionSize(title) > 2 * header.sectionSize(modified))
    em = window.fontMetrics().horizontalAdvance("M")
    assert header.sectionSize(title) >= 28 * em


def test_the_stage_chip_stays_on_a_selected_row(make_window, demo_workspace, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    window = make_window(demo_workspace)
    view = window.projects_view
    table = view.table
    stage = COLUMN_KEYS.index("stage")
    index = view.model.index(0, stage)
    table.selectRow(0)
    qtbot.waitUntil(lambda: table.selectionModel().isRowSelected(0))
    rect = table.visualRect(index)
    image = table.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    pixel = QColor(image.pixel(int((rect.right() - 6) * ratio), int(rect.center().y() * ratio)))
    chip = view.model.data(index, Qt.ItemDataRole.BackgroundRole)
    chip = chip.color() if hasattr(chip, "color") else QColor(chip)
    assert abs(pixel.red() - chip.red()) + abs(pixel.green() - chip.green()) + abs(pixel.blue() - chip.blue()) < 30
