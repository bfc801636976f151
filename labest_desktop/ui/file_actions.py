"""What the window does with files and the database: import, export, undo an
import, preferences, back up, restore, load the demo."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from labest_desktop.domain.errors import LabestError
from labest_desktop.ui.dialogs.prompts import ConfirmDialog
from labest_desktop.ui.excepthook import show_error
from labest_desktop.ui.tasks import run_in_background

logger = logging.getLogger(__name__)


class InfoDialog:
    @classmethod
    def ask(cls, parent, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)


class BackupFileDialog:
    """Which backup to restore (replaceable in tests)."""

    @classmethod
    def ask(cls, parent, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("BackupFileDialog", "Restore a backup"), folder, QCoreApplication.translate("BackupFileDialog", "Lab'EST backups (*.sqlite3)"))
        return path or None


class FileActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.busy = False

    @property
    def context(self):
        return self.window.context

    @property
    def ws(self):
        return self.context.workspace

    def import_workbook(self) -> None:
        from labest_desktop.ui.dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(self.context, self.window)
        wizard.exec()
        wizard.deleteLater()  # children of the window would otherwise stay for the session
        report = wizard.report
        if report is not None and report.applied:
            # The history is kept: the import is one more step (older steps check their
            # versions when undone, so none overwrites what the import brought).
            if report.batch_id is not None:
                from labest_desktop.ui.undo_commands import ImportCommand

                name = Path(wizard.file_page.path.text().strip()).name
                self.context.undo_stack.push(ImportCommand(self.context, report.batch_id, name,
                                                           lambda exc: show_error(self.window, exc)))
            self.context.projects_changed([])

    def export_workbook(self, ids: list[int] | None = None) -> None:
        from labest_desktop.ui.dialogs.export_dialog import ExportDialog

        if ids is None and self.window.projects_view is not None:
            ids = self.window.projects_view.selected_ids() or None  # « sélectionnés (0) » with a row selected
        dialog = ExportDialog(self.context, self.window, selection=ids)
        dialog.exec()
        dialog.deleteLater()

    def export_selection(self) -> None:
        view = self.window.projects_view
        ids = view.selected_ids() if view is not None else []
        if ids:
            self.export_workbook(ids)

    def undo_last_import(self) -> None:
        from labest_desktop.services.import_undo import undo_import
        from labest_desktop.ui.undo_commands import ImportCommand

        if not ConfirmDialog.ask(self.window, self.tr("Undo the last import"),
                                 self.tr("Bring every project the last import touched back to its state "
                                         "before the import? A backup is made first.")):
            return
        try:
            result = undo_import(self.ws, "last")
        except LabestError as exc:
            show_error(self.window, exc)
            return
        # The history before the import stays: each step checks its own versions.
        if not ImportCommand.forget_batch(self.context.undo_stack, result.batch_id):
            self.context.projects_changed([])
        InfoDialog.ask(self.window, self.tr("Import undone"),
                       self.tr("Import of “%1” undone: %2 project(s) restored, %3 removed.")
                       .replace("%1", result.file_name).replace("%2", str(result.restored))
                       .replace("%3", str(result.removed)))

    def preferences(self) -> None:
        from labest_desktop.ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.context, self.window)
        dialog.exec()
        dialog.deleteLater()

    def backup_now(self) -> None:
        database = self.ws.database

        def done(path) -> None:
            self.window.statusBar().showMessage(self.tr("Backup written: %1").replace("%1", str(path)), 10_000)
            InfoDialog.ask(self.window, self.tr("Back up now"),
                           self.tr("Backup written:\n%1").replace("%1", str(path)))

        run_in_background(lambda _c: database.backup(reason="manual"), done,
                          lambda exc: show_error(self.window, exc))

    def restore_backup(self) -> None:
        from labest_desktop.ui import workspace_switch

        location = self.ws.database.location
        if not location.is_sqlite:
            from labest_desktop.services.maintenance import ServerBackupUnsupported

            show_error(self.window, ServerBackupUnsupported())
            return
        chosen = BackupFileDialog.ask(self.window, str(self.ws.database.backups_folder))
        if not chosen:
            return
        if not ConfirmDialog.ask(self.window, self.tr("Restore a backup"),
                                 self.tr("Replace the current database by this backup?\n%1\n\nThe current "
                                         "database is backed up first.").replace("%1", chosen)):
            return
        workspace_switch.restore(self.window, chosen)

    def load_demo(self) -> None:
        from labest_desktop.services.demo import load_demo

        ws = self.ws
        self.window.statusBar().showMessage(self.tr("Loading the demo sample…"))

        def done(_counts) -> None:
            self.window.statusBar().clearMessage()
            self.context.projects_changed([])

        run_in_background(lambda _c: load_demo(ws, projects=60), done, lambda exc: show_error(self.window, exc))
