"""Export dialog: format, scope, file; the writing runs in the background with
progress and Cancel; "Open the folder" at the end."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from labest_desktop.domain.errors import LabestError
from labest_desktop.services.project_query import ProjectFilter
from labest_desktop.ui import file_dialogs
from labest_desktop.ui.excepthook import show_error
from labest_desktop.ui.tasks import TaskCancelled, run_in_background

FORMATS = (("xlsx", ".xlsx"), ("ods", ".ods"), ("csv", ".csv"))


class ExportFileDialog:
    @classmethod
    def ask(cls, parent, suggested: str, suffix: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ExportFileDialog", "Export to"), suggested, f"*{suffix}")
        return path or None


class ExportDialog(QDialog):
    def __init__(self, context, parent=None, selection: list[int] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.context = context
        self.selection = selection
        self.task = None
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Export"))

        formats = QGroupBox(self.tr("Format"), self)
        self.format_group = QButtonGroup(self)
        column = QVBoxLayout(formats)
        for number, (code, text) in enumerate((
            ("xlsx", self.tr("Exchange workbook &Excel (.xlsx)")),
            ("ods", self.tr("Exchange workbook &LibreOffice (.ods)")),
            ("csv", self.tr("&Open data (.csv, without names of persons)")),
        )):
            button = QRadioButton(text, formats)
            button.setProperty("code", code)
            self.format_group.addButton(button, number)
            column.addWidget(button)
        self.format_group.button(0).setChecked(True)
        self.format_group.idToggled.connect(lambda *_: self._suggest())

        scope = QGroupBox(self.tr("Projects"), self)
        self.scope_group = QButtonGroup(self)
        column = QVBoxLayout(scope)
        self.scope_all = QRadioButton(self.tr("The &whole portfolio"), scope)
        self.scope_view = QRadioButton(self.tr("The &current view (search and filters)"), scope)
        self.scope_selection = QRadioButton(self.tr("The &selected projects (%1)").replace(
            "%1", str(len(selection or []))), scope)
        for number, button in enumerate((self.scope_all, self.scope_view, self.scope_selection)):
            self.scope_group.addButton(button, number)
            column.addWidget(button)
        self.scope_selection.setEnabled(bool(selection))
        (self.scope_selection if selection else self.scope_view if not context.filter_state.filter.is_empty()
         else self.scope_all).setChecked(True)

        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("File to write"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        label = QLabel(self.tr("&File:"), self)
        label.setBuddy(self.path)
        file_row.addWidget(label)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress of the export"))
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("E&xport"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_folder_button = self.buttons.addButton(self.tr("Open the fol&der"),
                                                         QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.hide()
        self.open_file_button = self.buttons.addButton(self.tr("Op&en"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_file_button.hide()
        self.open_file_button.clicked.connect(self.open_file)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(formats)
        layout.addWidget(scope)
        layout.addLayout(file_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._suggest()

    def format_code(self) -> str:
        return self.format_group.checkedButton().property("code")

    def _suffix(self) -> str:
        return dict(FORMATS)[self.format_code()]

    def _suggest(self) -> None:
        folder = file_dialogs.last_folder(self.context.settings, "workbook")
        current = self.path.text().strip()
        name = Path(current).stem if current else "labest-export"
        base = Path(current).parent if current else folder
        self.path.setText(str(base / (name + self._suffix())))

    def _browse(self) -> None:
        chosen = ExportFileDialog.ask(self, self.path.text(), self._suffix())
        if chosen:
            self.path.setText(chosen if chosen.lower().endswith(self._suffix()) else chosen + self._suffix())

    def chosen_filter(self) -> ProjectFilter:
        if self.scope_selection.isChecked() and self.selection:
            return ProjectFilter(ids=frozenset(self.selection))
        if self.scope_view.isChecked():
            return self.context.filter_state.filter
        return ProjectFilter()

    def start(self) -> None:
        from labest_desktop.services import exchange_export

        path = Path(self.path.text().strip()).expanduser()
        if not path.name:
            return
        ws = self.context.workspace
        flt = self.chosen_filter()
        code = self.format_code()
        file_dialogs.remember(self.context.settings, "workbook", path)

        def work(control):
            if code == "csv":
                return exchange_export.export_opendata(ws, path, flt)
            return exchange_export.export_workbook(ws, path, flt, progress=control.progress,
                                                   cancelled=control.cancelled)

        self.progress.setRange(0, 0)
        self.progress.show()
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Writing %1…").replace("%1", path.name))
        self.written = path
        self.task = run_in_background(work, self._done, self._failed, self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _done(self, _result) -> None:
        self.task = None
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(self.tr("Export written: %1").replace("%1", str(self.written)))
        self.open_file_button.show()
        self.open_folder_button.show()
        self.open_file_button.setFocus()
        self.close_button.setText(self.tr("Close"))

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.written = None
        self.progress.hide()
        self.export_button.setEnabled(True)
        if isinstance(exc, TaskCancelled) or type(exc).__name__ == "ExportCancelled":
            self.status.setText(self.tr("Export stopped; no file was written."))
        elif isinstance(exc, LabestError):
            self.status.setText(exc.message)
        else:
            show_error(self, exc)

    def open_file(self) -> None:
        if self.written is not None:
            file_dialogs.open_path(self.written)

    def open_folder(self) -> None:
        if self.written is not None:
            file_dialogs.open_path(self.written.parent)

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Stopping…"))
            return
        super().reject()
