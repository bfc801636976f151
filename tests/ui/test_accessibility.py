"""Accessibility: every control a keyboard can reach has a name a screen reader
reads (in French), the Tab key walks the editor and Préférences top to bottom, and
every menu entry can be reached from the keyboard with its own mnemonic."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from labest_desktop.services import project_query
from labest_desktop.ui.dialogs.export_dialog import ExportDialog
from labest_desktop.ui.dialogs.import_wizard import ImportWizard
from labest_desktop.ui.dialogs.preferences import PreferencesDialog
from labest_desktop.ui.editor.project_editor import ProjectEditor
from labest_desktop.ui.mnemonics import mnemonic_of

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTabBar,
               QPlainTextEdit, QTextEdit)


def accessible_name(widget: QWidget) -> str:
    """What a screen reader announces as the control's name: its accessible name,
    else the label Qt relates to it (a buddy label), else — for buttons and tab bars
    only — their own text. (On Linux a combo box's interface names it by its current
    value, so that value cannot count as a name.)"""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    for label, _relation in interface.relations(QAccessible.Relation.Label):
        if label.text(QAccessible.Text.Name).strip():
            return label.text(QAccessible.Text.Name).strip()
    if isinstance(widget, (QAbstractButton, QTabBar)):
        return interface.text(QAccessible.Text.Name).strip()
    return ""


def reachable_controls(root: QWidget) -> list[QWidget]:
    """Interactive widgets the Tab key can reach (visible or on another tab page);
    the line edit inside a spin box or a combo box is announced through its owner."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue
        if widget.window() is not root.window():
            continue  # a popup (a combo box's list, a completer): announced as the control's
        if widget.isHidden() and widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
            continue  # hidden on purpose (e.g. the stage list of an existing project)
        found.append(widget)
    return found


def unnamed(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__}"
            for w in reachable_controls(root) if not accessible_name(w)]


def test_every_view_names_its_controls(make_window, demo_workspace):
    """Projets, Tableau, Événements, Partenaires, Financement and Synthèse: each
    reachable control has a non-empty accessible name."""
    window = make_window(demo_workspace)
    for key in window._keys:
        view = window.show_view(key) or window.views[key]
        assert reachable_controls(view), key
        assert unnamed(view) == [], key
    assert unnamed(window) == []
    assert window.tabs.tabBar().accessibleName() == "Vues"


def test_editor_names_its_controls(make_window, demo_workspace):
    """The project editor, new and existing (with its history, decisions, notes and
    events tabs), names each control; a field's name is its French label."""
    window = make_window(demo_workspace)
    for project_id in (None, project_query.project_ids(demo_workspace)[0]):
        editor = ProjectEditor(window.context, project_id, window)
        assert unnamed(editor) == []
        assert accessible_name(editor.form.title) == "Titre"
        assert accessible_name(editor.form.start_date) == "Date de début"
        editor.deleteLater()


def test_dialogs_name_their_controls(make_window, demo_workspace, qtbot, tmp_path):
    """The import wizard (up to its preview of a real file), the export dialog and
    Préférences name each control."""
    from labest_desktop.services.exchange_export import export_workbook

    window = make_window(demo_workspace)
    path = tmp_path / "echange.xlsx"
    export_workbook(demo_workspace, path)
    wizard = ImportWizard(window.context, window, str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    assert unnamed(wizard) == []
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=20_000)
    assert unnamed(wizard) == []
    wizard.reject()
    export = ExportDialog(window.context, window, selection=[1, 2])
    qtbot.addWidget(export)
    assert unnamed(export) == []
    preferences = PreferencesDialog(window.context, window)
    qtbot.addWidget(preferences)
    assert unnamed(preferences) == []
    assert accessible_name(preferences.theme) == "Thème de couleurs"


def top_left(widget: QWidget, root: QWidget) -> QPoint:
    return widget.mapTo(root, QPoint(0, 0))


def focus_chain(root: QWidget) -> list[QWidget]:
    """The controls Tab visits, in order, from the one at the top left of the window
    (the chain is a loop) until it comes back to it."""
    reachable = [w for w in reachable_controls(root) if w.isVisible() and w.isEnabled()]
    first = min(reachable, key=lambda w: (top_left(w, root).y(), top_left(w, root).x()))
    chain, widget = [], first
    for _ in range(1000):
        if widget in reachable and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is first:
            break
    return chain


def out_of_visual_order(chain: list[QWidget], root: QWidget) -> list[str]:
    """Pairs where Tab goes up the window, or left along the same row."""
    wrong = []
    for before, after in zip(chain, chain[1:], strict=False):
        a, b = top_left(before, root), top_left(after, root)
        same_row = abs(a.y() - b.y()) < min(before.height(), after.height()) // 2
        if (b.y() < a.y() and not same_row) or (same_row and b.x() < a.x()):
            wrong.append(f"{type(before).__name__} {accessible_name(before)!r} → "
                         f"{type(after).__name__} {accessible_name(after)!r}")
    return wrong


def test_tab_order_follows_the_layout(make_window, demo_workspace, qtbot):
    """In the editor and in Préférences, Tab goes from top to bottom (left to right
    on one row), and reaches every control."""
    window = make_window(demo_workspace)
    editor = ProjectEditor(window.context, project_query.project_ids(demo_workspace)[0], window)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    chain = focus_chain(editor)
    assert out_of_visual_order(chain, editor) == []
    visible = [w for w in reachable_controls(editor) if w.isVisible() and w.isEnabled()]
    assert set(chain) == set(visible)
    assert chain.index(editor.tabs.tabBar()) < chain.index(editor.form.title) < chain.index(editor.form.description)

    preferences = PreferencesDialog(window.context, window)
    qtbot.addWidget(preferences)
    preferences.show()
    qtbot.waitExposed(preferences)
    chain = focus_chain(preferences)
    assert out_of_visual_order(chain, preferences) == []
    assert chain[0] is preferences.user_name
    assert chain.index(preferences.language) < chain.index(preferences.theme) < chain.index(preferences.keep)


def menu_entries(menu: QMenu) -> list:
    menu.aboutToShow.emit()  # menus filled when opened (the columns)
    return [a for a in menu.actions() if not a.isSeparator()]


def mnemonic_problems(menu: QMenu, where: str) -> list[str]:
    problems, seen = [], {}
    for action in menu_entries(menu):
        letter = mnemonic_of(action.text())
        if letter is None:
            problems.append(f"{where}: « {action.text()} » has no mnemonic")
        elif letter in seen:
            problems.append(f"{where}: « {action.text()} » and « {seen[letter]} » share &{letter}")
        else:
            seen[letter] = action.text()
        if action.menu() is not None:
            problems += mnemonic_problems(action.menu(), f"{where} > {action.text()}")
    return problems


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_menu_entry_has_its_own_mnemonic(make_window, demo_workspace, qtbot, language):
    """Menu bar, each menu and submenu, the list's and the board's context menus:
    every entry has a mnemonic, and no two entries of one menu share it."""
    from labest_desktop.ui import translation

    app = QApplication.instance()
    window = make_window(demo_workspace)
    board = window.show_view("board") or window.views["board"]
    try:
        if language != "fr":
            translation.install(app, language)
            qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File")
        bar = QMenu()
        bar.addActions(window.menuBar().actions())
        problems = mnemonic_problems(bar, "menu bar")
        list_menu = QMenu()
        list_menu.addActions(window.projects_view.table.actions())
        problems += mnemonic_problems(list_menu, "list")
        for stage, column in board.columns.items():
            problems += mnemonic_problems(board.context_menu_for(column), f"board {stage}")
        assert problems == []
    finally:
        translation.install(app, "fr")


def window_mnemonics(root: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every Alt+letter shortcut on screen in ``root``'s window:
    the menu bar's titles, buttons, labels that give focus to a field, tabs."""
    from PySide6.QtWidgets import QGroupBox, QLabel, QMainWindow

    found = []
    if isinstance(root, QMainWindow):
        found += [(mnemonic_of(a.text()), a.text()) for a in root.menuBar().actions()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not root.window():
            continue
        texts = []
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        found += [(mnemonic_of(t), t) for t in texts if mnemonic_of(t)]
    return found


def clashes(root: QWidget, where: str) -> list[str]:
    seen: dict[str, str] = {}
    problems = []
    for letter, text in window_mnemonics(root):
        if letter in seen:
            problems.append(f"{where}: Alt+{letter} is both « {seen[letter]} » and « {text} »")
        else:
            seen[letter] = text
    return problems


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_two_controls_on_screen_share_a_mnemonic(make_window, demo_workspace, qtbot, language):
    """Alt+letter reaches one control: in each view with the menu bar, in each tab of
    the editor, in Préférences and the export dialog, no letter is used twice."""
    from labest_desktop.ui import translation

    app = QApplication.instance()
    window = make_window(demo_workspace)
    try:
        if language != "fr":
            translation.install(app, language)
            qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File")
        problems = []
        for key in window._keys:
            window.show_view(key)
            view = window.views[key]
            for page in range(getattr(getattr(view, "tabs", None), "count", lambda: 1)()):
                if hasattr(view, "tabs"):
                    view.tabs.setCurrentIndex(page)
                problems += clashes(window, f"{key} {page}")
        editor = ProjectEditor(window.context, project_query.project_ids(demo_workspace)[0], window)
        qtbot.addWidget(editor)
        editor.show()
        for page in range(editor.tabs.count()):
            editor.tabs.setCurrentIndex(page)
            problems += clashes(editor, f"editor {page}")
        for dialog in (PreferencesDialog(window.context, window), ExportDialog(window.context, window, [1])):
            qtbot.addWidget(dialog)
            dialog.show()
            problems += clashes(dialog, type(dialog).__name__)
        assert problems == []
    finally:
        translation.install(app, "fr")
