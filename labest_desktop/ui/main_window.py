"""The main window: menus, toolbar, status bar and the view switcher.

It owns no use case itself: project actions live in ``project_actions``, files in
``file_actions``; views come from the ``views.VIEWS`` registry.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from labest_desktop import __version__
from labest_desktop.services import lookups, office
from labest_desktop.services.changes import EVERYTHING, Changes
from labest_desktop.ui import settings as keys
from labest_desktop.ui import tasks
from labest_desktop.ui.context import UiContext
from labest_desktop.ui.file_actions import FileActions
from labest_desktop.ui.geometry import GeometryMixin
from labest_desktop.ui.keyboard import WindowUndoKeys
from labest_desktop.ui.live_changes import ConnectionBanner, LiveChanges
from labest_desktop.ui.project_actions import ProjectActions
from labest_desktop.ui.search_warm_up import SearchWarmUp
from labest_desktop.ui.views import VIEWS
from labest_desktop.ui.views.base import View
from labest_desktop.ui.welcome import WelcomePanel

logger = logging.getLogger(__name__)


class UndoStackAction(QAction):
    """Undo or redo on the window's stack, named « Annuler <command> ».

    Rather than ``QUndoStack.createUndoAction()``, whose prefix could not follow a
    change of language. The stack's signals reach this action's own slots, so they
    stop when the action is destroyed (the window's children go before the stack).
    """

    def __init__(self, stack: QUndoStack, *, redo: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("redo" if redo else "undo")
        self._alone, self._with_command = "", "%1"
        if redo:
            self._command = stack.redoText()
            stack.redoTextChanged.connect(self.set_command)
            stack.canRedoChanged.connect(self.setEnabled)
            self.triggered.connect(stack.redo)
            self.setEnabled(stack.canRedo())
        else:
            self._command = stack.undoText()
            stack.undoTextChanged.connect(self.set_command)
            stack.canUndoChanged.connect(self.setEnabled)
            self.triggered.connect(stack.undo)
            self.setEnabled(stack.canUndo())

    def set_words(self, alone: str, with_command: str) -> None:
        """« &Annuler » and « &Annuler %1 » in the current language."""
        self._alone, self._with_command = alone, with_command
        self._show()

    def set_command(self, command: str) -> None:
        self._command = command
        self._show()

    # The toolbar button must not grow with a project's whole title: the command is
    # cut at this many characters; the tooltip and status bar give it whole.
    SHOWN = 32

    def _show(self) -> None:
        command = self._command
        short = command if len(command) <= self.SHOWN else command[: self.SHOWN - 1].rstrip() + "…"
        whole = self._with_command.replace("%1", command) if command else self._alone
        self.setText(self._with_command.replace("%1", short) if command else self._alone)
        self.setToolTip(whole.replace("&", ""))
        self.setStatusTip(whole.replace("&", ""))


class MainWindow(GeometryMixin, QMainWindow):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context = context
        self.resize(1280, 780)

        # Views are built when first shown: the board or the dashboard of 100,000
        # projects must not delay the window.
        self.views: dict[str, View] = {}
        self._specs = {spec.key: spec for spec in VIEWS}
        self._keys = [spec.key for spec in VIEWS]
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("viewTabs")
        self.tabs.setDocumentMode(True)
        current = keys.value(context.settings, keys.CURRENT_VIEW)
        for spec in VIEWS:
            if spec.key in ("projects", current):
                page = self._build_view(spec.key)
            else:
                page = QWidget(self.tabs)
            self.tabs.addTab(page, "")
        self.projects_view = self.views.get("projects")

        self.welcome = WelcomePanel("", self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.tabs)
        # Colleagues' changes published live; a banner while the server is lost.
        self.live_changes = LiveChanges(context, self)
        self.connection_banner = ConnectionBanner(self.live_changes, self)
        self.search_warm_up = SearchWarmUp(context, self)
        # A server that restarted has its buffers to fill again.
        self.live_changes.connection_back.connect(self.search_warm_up.start)
        # A pause of the person: the database's idle connections let their caches go.
        tasks.quiet().connect(self._release_memory)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.connection_banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.project_actions = ProjectActions(self)
        self.file_actions = FileActions(self)
        self._counts = (0, 0)
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self.retranslate()

        self.welcome.create_requested.connect(self.project_actions.new_project)
        self.welcome.import_requested.connect(self.file_actions.import_workbook)
        self.welcome.demo_requested.connect(self.file_actions.load_demo)
        context.dispatcher.changed.connect(self._data_changed)
        if self.projects_view is not None:
            table = self.projects_view.table
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            table.addActions([self.open_action, self.status_action, self.export_selection_action,
                              self.sheets_action, self.delete_action])
            self.projects_view.counts_changed.connect(self._show_counts)
            self.projects_view.selection_changed.connect(self._selection_changed)
            self._show_counts(self.projects_view.model.rowCount(), self.projects_view.total)
        if current in self.views:
            self.tabs.setCurrentWidget(self.views[current])
        self.tabs.currentChanged.connect(self._view_shown)
        self._selection_changed([])
        self._update_stack()
        self.restore_layout(context.settings)

    # --- building ------------------------------------------------------------------

    def _action(self, slot, shortcut=None, name: str = "") -> QAction:
        """An action without text yet: ``retranslate()`` gives every action its words."""
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        pa, fa = self.project_actions, self.file_actions
        self.new_action = self._action(pa.new_project, QKeySequence.StandardKey.New, "newProject")
        self.import_action = self._action(fa.import_workbook, "Ctrl+I", "import")
        self.export_action = self._action(fa.export_workbook, "Ctrl+E", "export")
        self.export_selection_action = self._action(fa.export_selection, None, "exportSelection")
        self.sheets_action = self._action(pa.sheets_of_selection, "Ctrl+P", "projectSheets")
        self.undo_import_action = self._action(fa.undo_last_import, None, "undoImport")
        self.preferences_action = self._action(fa.preferences, QKeySequence.StandardKey.Preferences, "preferences")
        self.backup_action = self._action(fa.backup_now, None, "backupNow")
        self.restore_action = self._action(fa.restore_backup, None, "restore")
        self.quit_action = self._action(self.close, "Ctrl+Q", "quit")

        stack = self.context.undo_stack
        self.undo_action = UndoStackAction(stack, redo=False, parent=self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = UndoStackAction(stack, redo=True, parent=self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.addActions([self.undo_action, self.redo_action])
        # Ctrl+Z from anywhere: text fields without history of their own let it through.
        self._undo_keys = WindowUndoKeys(self)
        QApplication.instance().installEventFilter(self._undo_keys)
        self.open_action = self._action(pa.open_current, None, "openProject")
        self.open_action.setShortcuts([QKeySequence("Ctrl+O")])
        self.status_action = self._action(pa.change_status_of_selection, None, "changeStatus")
        self.delete_action = self._action(pa.delete_selection, QKeySequence.StandardKey.Delete, "delete")
        self.find_action = self._action(self.focus_search, QKeySequence.StandardKey.Find, "find")
        self.clear_filters_action = self._action(self.context.filter_state.clear, None, "clearFilters")
        self.refresh_action = self._action(self.refresh_views, QKeySequence.StandardKey.Refresh, "refresh")
        self.help_action = self._action(self.show_help, QKeySequence.StandardKey.HelpContents, "help")
        self.help_action.setShortcuts([QKeySequence("F1")])
        self.about_action = self._action(self.show_about, None, "about")

    def _action_texts(self) -> dict[QAction, tuple[str, str]]:
        """Each action's text and status tip, in the current language."""
        return {
            self.new_action: (self.tr("&New project…"), self.tr("Create a project")),
            self.import_action: (self.tr("&Import a workbook…"),
                                 self.tr("Import projects from an .xlsx, .ods or .csv file")),
            self.export_action: (self.tr("&Export…"), self.tr("Export the portfolio or the current view")),
            self.export_selection_action: (self.tr("Export the se&lection…"), ""),
            self.sheets_action: (self.tr("Project s&heet (PDF)…"),
                                 self.tr("One PDF with the sheet of each selected project")),
            self.undo_import_action: (self.tr("&Undo the last import"), ""),
            self.preferences_action: (self.tr("&Preferences…"), ""),
            self.backup_action: (self.tr("&Back up now"), ""),
            self.restore_action: (self.tr("&Restore a backup…"), ""),
            self.quit_action: (self.tr("&Quit"), ""),
            self.open_action: (self.tr("&Open the project"), ""),
            self.status_action: (self.tr("Change the &status…"), ""),
            self.delete_action: (self.tr("&Delete…"), ""),
            self.find_action: (self.tr("&Find"), ""),
            self.clear_filters_action: (self.tr("C&lear the filters"), ""),
            self.refresh_action: (self.tr("&Refresh"), ""),
            self.help_action: (self.tr("&Help"), ""),
            self.about_action: (self.tr("&About Lab'EST Desktop"), ""),
        }

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for action in (self.new_action, self.import_action, self.export_action, self.export_selection_action,
                       self.sheets_action, self.undo_import_action, None, self.preferences_action, self.backup_action,
                       self.restore_action, None, self.quit_action):
            self.file_menu.addSeparator() if action is None else self.file_menu.addAction(action)
        self.edit_menu = bar.addMenu("")
        for action in (self.undo_action, self.redo_action, None, self.open_action, self.status_action,
                       self.delete_action, None, self.find_action):
            self.edit_menu.addSeparator() if action is None else self.edit_menu.addAction(action)
        self.view_menu = bar.addMenu("")
        self.view_actions: dict[str, QAction] = {}
        for number, spec in enumerate(VIEWS, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _c=False, k=spec.key: self.show_view(k))
            self.view_menu.addAction(action)
            self.addAction(action)
            self.view_actions[spec.key] = action
        self.view_menu.addSeparator()
        self.columns_menu = None
        if self.projects_view is not None:
            self.columns_menu = self.view_menu.addMenu("")
            self.columns_menu.aboutToShow.connect(lambda: self._fill_columns_menu(self.columns_menu))
        self.view_menu.addAction(self.clear_filters_action)
        self.view_menu.addAction(self.refresh_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.import_action, self.export_action, None, self.undo_action,
                       self.redo_action, None, self.status_action, self.delete_action):
            self.toolbar.addSeparator() if action is None else self.toolbar.addAction(action)
        self.addToolBar(self.toolbar)

    def retranslate(self) -> None:
        """Every text of the window in the language just installed (views translate
        their own on the same ``LanguageChange`` event)."""
        self.setWindowTitle(self.tr("Lab'EST Desktop"))
        for action, (text, tip) in self._action_texts().items():
            action.setText(text)
            action.setStatusTip(tip)
        self.undo_action.set_words(self.tr("&Undo"), self.tr("&Undo %1"))
        self.redo_action.set_words(self.tr("&Redo"), self.tr("&Redo %1"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        if self.columns_menu is not None:
            self.columns_menu.setTitle(self.tr("&Columns"))
        for index, spec in enumerate(VIEWS):
            self.view_actions[spec.key].setText(QCoreApplication.translate("ViewMenu", spec.menu_text))
            self.tabs.setTabText(index, QCoreApplication.translate("Views", spec.title))
        self.tabs.tabBar().setAccessibleName(self.tr("Views"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.toolbar.setAccessibleName(self.tr("Main toolbar"))
        self._set_count_text()
        self.database_label.setText(self._database_text())
        self.welcome.database_label.setText(self._database_text())
        self.connection_banner.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_columns_menu(self, menu) -> None:
        menu.clear()
        for action in self.projects_view.columns_menu(menu).actions():
            menu.addAction(action)

    def _build_status_bar(self) -> None:
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.database_label = QLabel(self)
        self.database_label.setObjectName("databaseLabel")
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.database_label)

    # --- state ---------------------------------------------------------------------

    def _database_text(self) -> str:
        return self.tr("Database: %1").replace("%1", self.context.workspace.database.location.describe())

    def _show_counts(self, shown: int, total: int) -> None:
        self._counts = (shown, total)
        self._set_count_text()
        self._update_stack(total)

    def _set_count_text(self) -> None:
        shown, total = self._counts
        # %Ln: the count in the locale's digits, and « 1 projet affiché » in the singular.
        self.count_label.setText(self.tr("%Ln of %1 projects shown", "", shown)
                                 .replace("%1", QLocale().toString(total)))

    def _update_stack(self, total: int | None = None) -> None:
        if total is None:
            total = lookups.total_projects(self.context.workspace, include_deleted=True)
        if total == 0 and lookups.total_projects(self.context.workspace, include_deleted=True) == 0:
            ws = self.context.workspace
            self.welcome.ask_office(ws, office.is_configured(ws))  # first start: who is this office?
            self.stack.setCurrentWidget(self.welcome)
        else:
            self.stack.setCurrentWidget(self.tabs)

    def _selection_changed(self, ids: list[int]) -> None:
        for action in (self.status_action, self.delete_action, self.export_selection_action, self.sheets_action):
            action.setEnabled(bool(ids))
        self.open_action.setEnabled(len(ids) == 1)

    def _build_view(self, key: str) -> View:
        widget = self._specs[key].factory(self.context)
        self.views[key] = widget
        widget.open_project.connect(self._open_project)
        return widget

    def _open_project(self, project_id: int) -> None:
        # Views are built before the actions (the projects view, in __init__).
        self.project_actions.open_project(project_id)

    def ensure_view(self, key: str) -> View:
        """The view's widget, built and put in its tab on first use."""
        if key not in self.views:
            index = self._keys.index(key)
            placeholder = self.tabs.widget(index)
            widget = self._build_view(key)
            self.tabs.blockSignals(True)
            current = self.tabs.currentIndex()
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, QCoreApplication.translate("Views", self._specs[key].title))
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            placeholder.deleteLater()
        return self.views[key]

    def _view_shown(self, index: int) -> None:
        if 0 <= index < len(self._keys):
            key = self._keys[index]
            self.ensure_view(key)
            self.tabs.setCurrentIndex(index)
            keys.set_value(self.context.settings, keys.CURRENT_VIEW, key)

    def show_view(self, key: str) -> None:
        if key in self._specs:
            self.stack.setCurrentWidget(self.tabs)
            self.tabs.setCurrentWidget(self.ensure_view(key))

    def _release_memory(self) -> None:
        self.context.workspace.database.release_memory()

    def refresh_views(self) -> None:
        """« Refresh » (F5): every view reads everything again, the visible one now,
        the others when next shown."""
        self.context.publish(EVERYTHING)

    def _data_changed(self, changes: Changes) -> None:
        """Views refresh themselves from the dispatcher; the window only follows a
        possible change of database and leaves the welcome panel once projects exist
        (the projects view, hidden behind it, would not tell)."""
        if changes.everything:
            self.database_label.setText(self._database_text())
            self.welcome.database_label.setText(self._database_text())
        if self.stack.currentWidget() is self.welcome:
            self._update_stack()

    def focus_search(self) -> None:
        if self.projects_view is not None:
            self.show_view("projects")
            self.projects_view.focus_search()

    def show_help(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Help"),
            self.tr(
                "<h3>Lab'EST Desktop</h3>"
                "<p><b>Ctrl+N</b> new project · <b>Enter</b> open the selected project · "
                "<b>Ctrl+F</b> search · <b>Ctrl+I</b> import · <b>Ctrl+E</b> export · "
                "<b>Ctrl+Z / Ctrl+Y</b> undo / redo · <b>Suppr</b> delete · <b>Ctrl+1…6</b> views · "
                "<b>Ctrl+Q</b> quit.</p>"
                "<p>Search ignores case and accents and matches the start of words. Filters "
                "appear as chips under the search field; click a chip to remove it. Save a "
                "combination of filters, sort and columns as a named view.</p>"
                "<p>The stage of a project changes by a decision whose rationale is kept in "
                "its Decisions tab: drag its card to another column of the board (or select "
                "it and press Ctrl+Shift+→ / Ctrl+Shift+←), use “Move to stage…” in its "
                "editor, or import a workbook from another office. Ctrl+Z undoes the "
                "decision.</p>"
            ),
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Lab'EST Desktop"),
            self.tr("Lab'EST Desktop %1<br>Portfolio of the Grand Est public-innovation lab.<br>%2")
            .replace("%1", __version__)
            .replace("%2", self._database_text()),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.live_changes.stop()
        self.save_layout(self.context.settings)
        if self.projects_view is not None:
            self.projects_view.save_layout()
        self.context.settings.sync()
        tasks.wait_all(10_000)
        super().closeEvent(event)
