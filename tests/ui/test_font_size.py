"""The system's font size: with a large application font the list's rows, the
board's cards and the editor's fields grow with it, and no label of the editor is
cut."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QStyleOptionViewItem

from labest_desktop.services import project_query
from labest_desktop.ui.editor.project_editor import ProjectEditor

LARGE_POINTS = 18


def measure(make_window, workspace, qtbot) -> dict[str, int]:
    window = make_window(workspace)
    row_height = window.projects_view.table.verticalHeader().defaultSectionSize()
    board = window.show_view("board") or window.views["board"]
    qtbot.waitUntil(lambda: not board.is_updating())  # cards are read in the background
    column = next(c for c in board.columns.values() if c.model.rowCount())
    option = QStyleOptionViewItem()
    option.font = column.view.font()
    card = column.view.itemDelegate().sizeHint(option, column.model.index(0))
    editor = ProjectEditor(window.context, project_query.project_ids(workspace)[0], window)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    sizes = {
        "row": row_height,
        "card_height": card.height(),
        "card_width": card.width(),
        "title_field": editor.form.title.height(),
        "date_field": editor.form.start_date.height(),
        "status_field": editor.form.status.height(),
        "description": editor.form.description.minimumHeight(),
        "line": QFontMetrics(editor.form.title.font()).height(),
        "clipped": clipped_labels(editor),
    }
    editor.close()
    window.close()
    return sizes


def clipped_labels(root) -> list[str]:
    """Visible labels smaller than the text they show."""
    cut = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        hint = label.sizeHint()
        if label.wordWrap():
            needed_height = label.heightForWidth(label.width())
            if label.height() < needed_height:
                cut.append(f"{label.text()[:30]!r}: {label.height()} < {needed_height}")
        elif label.width() < hint.width() or label.height() < label.minimumSizeHint().height():
            cut.append(f"{label.text()[:30]!r}: {label.size().toTuple()} < {hint.toTuple()}")
    return cut


def test_sizes_follow_a_large_system_font(make_window, demo_workspace, qtbot, qapp):
    """Measured at the default font, then at 18 pt: rows, cards and fields are taller
    (and cards wider), by about the growth of the font; nothing in the editor is cut."""
    normal = measure(make_window, demo_workspace, qtbot)
    previous = qapp.font()
    font = QFont(previous)
    font.setPointSizeF(LARGE_POINTS)
    qapp.setFont(font)
    try:
        large = measure(make_window, demo_workspace, qtbot)
    finally:
        qapp.setFont(previous)
    growth = large["line"] / normal["line"]
    assert growth > 1.3, "the large font is larger"
    for key in ("row", "card_height", "card_width", "title_field", "date_field", "status_field", "description"):
        assert large[key] > normal[key], key
        assert large[key] >= normal[key] * growth * 0.75, f"{key} grows with the font"
    assert large["row"] >= large["line"]
    assert large["card_height"] >= 4 * large["line"]
    assert large["title_field"] >= large["line"]
    assert normal["clipped"] == []
    assert large["clipped"] == []


def test_an_open_window_follows_a_change_of_font(make_window, demo_workspace, qtbot, qapp):
    """A window built before the system's font grew: the list's rows follow the new
    size."""
    window = make_window(demo_workspace)
    header = window.projects_view.table.verticalHeader()
    before = header.defaultSectionSize()
    previous = qapp.font()
    font = QFont(previous)
    font.setPointSizeF(LARGE_POINTS)
    qapp.setFont(font)
    try:
        qtbot.waitUntil(lambda: header.defaultSectionSize() >= QFontMetrics(font).height())
        assert header.defaultSectionSize() > before
    finally:
        qapp.setFont(previous)
