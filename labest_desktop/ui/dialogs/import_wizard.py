"""Import wizard: choose a file → read and check it in the background (progress,
Cancel) → preview by kind of change, each conflict settled field by field → apply
→ summary. Nothing is written before the last step.

Conflicts start undecided: « Importer » stays disabled until each one is settled,
one by one or all at once (« Tout garder ici » / « Tout prendre du fichier »). A
detail pane shows the selected conflict's value at export, here and in the file,
whole, with the words each side changed marked."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from labest_desktop.domain.errors import LabestError
from labest_desktop.ui import labels
from labest_desktop.ui import settings as keys
from labest_desktop.ui.dialogs.word_diff import marked
from labest_desktop.ui.editor.project_editor import _text, iso_date_text
from labest_desktop.ui.excepthook import show_error
from labest_desktop.ui.tasks import TaskCancelled, run_in_background
from labest_desktop.ui.views.kind_labels import event_kind_label

logger = logging.getLogger(__name__)

MINE, THEIRS = "mine", "theirs"



def _conflict_text(key: str, value: object) -> str:
    """A conflict's value as the user reads it: a project field, or an event's kind
    or date."""
    if key == "kind" and value:
        return event_kind_label(str(value))
    if key == "date" and isinstance(value, str) and len(value) == 10:
        return iso_date_text(value)
    return _text(key, value)

class ImportFileDialog:
    @classmethod
    def ask(cls, parent, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("ImportFileDialog", "Import a workbook"), folder,
            QCoreApplication.translate("ImportFileDialog", "Workbooks (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv);;All files (*)"))
        return path or None


class FilePage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Choose the workbook"))
        self.setSubTitle(self.tr("An .xlsx, .xls, .xlsb, .ods or .csv file exported by Lab'EST or edited in a "
                                "spreadsheet."))
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("File to import"))
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        label = QLabel(self.tr("&File:"), self)
        label.setBuddy(self.path)
        row = QHBoxLayout(self)
        row.addWidget(label)
        row.addWidget(self.path, 1)
        row.addWidget(browse)

    def _browse(self) -> None:
        folder = keys.value(self.wizard().context.settings, keys.RECENT_IMPORT_FOLDER)
        chosen = ImportFileDialog.ask(self, folder)
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:
        return Path(self.path.text().strip()).is_file()

    def validatePage(self) -> bool:
        keys.set_value(self.wizard().context.settings, keys.RECENT_IMPORT_FOLDER,
                       str(Path(self.path.text().strip()).parent))
        return True


class ReadPage(QWizardPage):
    """Reads and checks the file in the background; the window stays responsive."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Reading and checking"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress of the reading"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("&Stop reading"), self)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.cancel_button)
        layout.addStretch(1)
        self.task = None
        self.preview = None

    def initializePage(self) -> None:
        from labest_desktop.services.exchange_import import preview_import

        wizard = self.wizard()
        ws = wizard.context.workspace
        path = wizard.file_page.path.text().strip()
        self.preview = None
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Reading %1…").replace("%1", Path(path).name))
        self.cancel_button.setEnabled(True)

        def work(control):
            return preview_import(ws, path, progress=control.progress, cancelled=control.cancelled)

        self.task = run_in_background(work, self._done, self._failed, self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _done(self, preview) -> None:
        self.task = None
        self.preview = preview
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("File read: %n row(s).", "", len(preview.match.plans)))
        self.completeChanged.emit()
        self.wizard().next()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        if isinstance(exc, TaskCancelled) or type(exc).__name__ == "ImportCancelled":
            self.status.setText(self.tr("Reading stopped. Nothing was imported."))
        elif isinstance(exc, LabestError):
            self.status.setText(exc.message)
        else:
            self.status.setText(self.tr("The file could not be read."))
            show_error(self, exc)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def isComplete(self) -> bool:
        return self.preview is not None

    def cleanupPage(self) -> None:
        self.cancel()


class PreviewPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("What the import will change"))
        self.setSubTitle(self.tr("Nothing is written yet. Settle each conflict, then choose Import."))
        self.tabs = QTabWidget(self)
        self.tabs.tabBar().setAccessibleName(self.tr("Kinds of change"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress of the import"))
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.choices: dict[tuple[int, str], QComboBox] = {}
        self.conflicts_table: QTableWidget | None = None
        self.detail: QTextBrowser | None = None
        self.conflict_list: list = []
        self.task = None
        self.applied_report = None
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))

    def initializePage(self) -> None:
        preview = self.wizard().read_page.preview
        self.applied_report = None
        self.tabs.clear()
        self.choices = {}
        creates = preview.plans("create") + preview.plans("duplicate")
        updates = preview.plans("update")
        unchanged = preview.plans("unchanged")
        conflicts = preview.conflicts
        errors = preview.errors
        absent = preview.match.absent
        self._add_list(self.tr("New (%1)"), [(str(p.row), p.reference or "", p.title) for p in creates],
                       [self.tr("Row"), self.tr("Reference"), self.tr("Title")])
        changed = QTreeWidget(self)
        changed.setHeaderLabels([self.tr("Project"), self.tr("Field"), self.tr("Here → in the file")])
        for plan in updates:
            item = QTreeWidgetItem([f"{plan.reference} — {plan.title}", "", ""])
            for key, value in plan.taken.items():
                old = plan.stored_value(key)
                QTreeWidgetItem(item, ["", labels.field_label(key), f"{_text(key, old)} → {_text(key, value)}"])
            changed.addTopLevelItem(item)
        changed.expandAll()
        changed_title = self.tr("Changed (%1)").replace("%1", str(len(updates)))
        changed.setAccessibleName(changed_title)
        self.tabs.addTab(changed, changed_title)
        self.conflict_list = conflicts
        conflicts_tab = self._conflicts_tab(conflicts)
        self.tabs.addTab(conflicts_tab, self.tr("Conflicts (%1)").replace("%1", str(len(conflicts))))
        self._add_list(self.tr("Errors (%1)"),
                       [(str(e.get("row") or ""), e.get("cell") or e.get("column") or "", e.get("message") or "")
                        for e in errors],
                       [self.tr("Row"), self.tr("Cell"), self.tr("Problem")])
        ignored = preview.exchange.ignored_rows
        if ignored:
            self._add_list(self.tr("Ignored rows (%1)"),
                           [(str(r.row), r.cell or "", r.message) for r in ignored],
                           [self.tr("Row"), self.tr("Cell"), self.tr("Why")])
        self._add_list(self.tr("Absent (%1)"), [(ref, title, "") for ref, title in absent],
                       [self.tr("Reference"), self.tr("Title"), ""])
        self._add_list(self.tr("Unchanged (%1)"), [(str(p.row), p.reference or "", p.title) for p in unchanged],
                       [self.tr("Row"), self.tr("Reference"), self.tr("Title")])
        if conflicts:
            self.tabs.setCurrentWidget(conflicts_tab)
        self._settled_changed()

    def _conflicts_tab(self, conflicts: list) -> QWidget:
        """Buttons to settle every conflict at once, the conflicts (each undecided),
        and the detail pane of the selected one."""
        tab = QWidget(self)
        keep_all = QPushButton(self.tr("&Keep all here"), tab)
        keep_all.clicked.connect(lambda: self._settle_all(MINE))
        take_all = QPushButton(self.tr("&Take all from the file"), tab)
        take_all.clicked.connect(lambda: self._settle_all(THEIRS))
        for button in (keep_all, take_all):
            button.setEnabled(bool(conflicts))
        self.keep_all_button, self.take_all_button = keep_all, take_all
        buttons = QHBoxLayout()
        buttons.addWidget(keep_all)
        buttons.addWidget(take_all)
        buttons.addStretch(1)
        table = QTableWidget(len(conflicts), 7, tab)
        table.setObjectName("conflictsTable")
        table.setAccessibleName(self.tr("Conflicts"))
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        # The choice before the values, so that it stays in view beside long ones.
        table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Project"), self.tr("Field"), self.tr("Choice"),
                                         self.tr("At export"), self.tr("Here"), self.tr("In the file")])
        for row, conflict in enumerate(conflicts):
            subject = self._subject(conflict)
            for column, value in zip((0, 1, 2, 4, 5, 6), [
                str(conflict.row), subject, labels.field_label(conflict.field),
                self._value_text(conflict, conflict.base),
                _conflict_text(conflict.field, conflict.mine),
                _conflict_text(conflict.field, conflict.theirs),
            ], strict=True):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                table.setItem(row, column, item)
            choice = QComboBox(table)
            choice.addItem(self.tr("To settle…"), None)
            choice.addItem(self.tr("Keep here"), MINE)
            choice.addItem(self.tr("Take from the file"), THEIRS)
            choice.setAccessibleName(self.tr("Choice for %1, %2").replace("%1", subject)
                                     .replace("%2", labels.field_label(conflict.field)))
            choice.currentIndexChanged.connect(self._settled_changed)
            table.setCellWidget(row, 3, choice)
            self.choices[conflict.key] = choice
        table.resizeColumnsToContents()
        # Long values are cut here; the pane below shows the selected one whole.
        for column in (1, 4, 5, 6):
            table.setColumnWidth(column, min(table.columnWidth(column), 150))
        table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        self.conflicts_table = table
        detail = QTextBrowser(tab)
        detail.setObjectName("conflictDetail")
        detail.setAccessibleName(self.tr("The selected conflict, whole"))
        detail.setOpenLinks(False)
        self.detail = detail
        splitter = QSplitter(Qt.Orientation.Vertical, tab)
        splitter.addWidget(table)
        splitter.addWidget(detail)
        splitter.setSizes([200, 160])
        layout = QVBoxLayout(tab)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        if conflicts:
            table.setCurrentCell(0, 0)
            self._show_detail(0)
        return tab

    def _subject(self, conflict) -> str:
        if conflict.event_id is not None:  # a known event of the Événements sheet
            return self.tr("Event: %1").replace("%1", conflict.title or conflict.reference)
        return conflict.reference

    def _value_text(self, conflict, value: object) -> str:
        if value is None and conflict.base is None:
            return self.tr("(unknown)")
        return _conflict_text(conflict.field, value)

    def _show_detail(self, row: int) -> None:
        """The conflict's three values whole, words changed since export marked (or,
        with no known base, the words each side has that the other has not)."""
        if self.detail is None or not 0 <= row < len(self.conflict_list):
            return
        conflict = self.conflict_list[row]
        mine = _conflict_text(conflict.field, conflict.mine)
        theirs = _conflict_text(conflict.field, conflict.theirs)
        known_base = conflict.base is not None
        base = _conflict_text(conflict.field, conflict.base) if known_base else None
        blocks = [f"<p><b>{self._subject(conflict)} — {labels.field_label(conflict.field)}</b></p>"]
        base_html = marked(base, base) if base is not None else self.tr("(unknown: no common version found)")
        for title, body in (
            (self.tr("At export"), base_html),
            (self.tr("Here"), marked(base if known_base else theirs, mine)),
            (self.tr("In the file"), marked(base if known_base else mine, theirs)),
        ):
            blocks.append(f"<p><b>{title}</b></p><p style=\"white-space: pre-wrap;\">{body}</p>")
        self.detail.setHtml("".join(blocks))

    def _settle_all(self, side: str) -> None:
        for combo in self.choices.values():
            combo.setCurrentIndex(combo.findData(side))

    def unsettled(self) -> int:
        return sum(1 for combo in self.choices.values() if combo.currentData() is None)

    def _settled_changed(self, *_args) -> None:
        left = self.unsettled()
        if left:
            self.status.setText(self.tr("%n conflict(s) left to settle before importing.", "", left))
        elif self.task is None:
            self.status.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.unsettled() == 0 and super().isComplete()

    def _add_list(self, title: str, rows: list[tuple[str, str, str]], headers: list[str]) -> None:
        limit = 5_000  # a preview of 100,000 unchanged rows need not be drawn
        table = QTableWidget(min(len(rows), limit), 3, self)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        for r, values in enumerate(rows[:limit]):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        title = title.replace("%1", str(len(rows)))
        table.setAccessibleName(title)
        self.tabs.addTab(table, title)

    def resolutions(self) -> dict[tuple, str]:
        return {key: combo.currentData() for key, combo in self.choices.items()}

    def validatePage(self) -> bool:
        """Apply in the background (10,000 rows take seconds): the first call starts
        the work and keeps the page; when it ends, ``next()`` comes back here."""
        from labest_desktop.services.exchange_import import apply_import

        wizard = self.wizard()
        if self.applied_report is not None:
            wizard.report = self.applied_report
            return True
        if self.task is not None:
            return False
        preview = wizard.read_page.preview
        ws = wizard.context.workspace
        resolutions = self.resolutions()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Importing… the database is backed up first, then every change is written "
                                    "in one go."))
        self.tabs.setEnabled(False)
        self._set_buttons_enabled(False)
        self.task = run_in_background(lambda _control: apply_import(ws, preview, resolutions=resolutions),
                                      self._applied, self._apply_failed)
        return False

    def _set_buttons_enabled(self, enabled: bool) -> None:
        for which in (QWizard.WizardButton.CommitButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.CancelButton):
            button = self.wizard().button(which)
            if button is not None:
                button.setEnabled(enabled)

    def _finished_applying(self) -> None:
        self.task = None
        self.progress.hide()
        self.status.clear()
        self.tabs.setEnabled(True)
        self._set_buttons_enabled(True)

    def _applied(self, report) -> None:
        self._finished_applying()
        self.wizard().report = report
        if not report.applied:
            from labest_desktop.ui.excepthook import ExpectedErrorDialog

            ExpectedErrorDialog.ask(self, self.tr(
                "Nothing was imported: %1 error(s) and %2 unsettled conflict(s). Correct the file "
                "and import it again.").replace("%1", str(len(report.errors)))
                .replace("%2", str(len(report.conflicts))))
            return
        self.applied_report = report
        self.wizard().next()

    def _apply_failed(self, exc: BaseException) -> None:
        self._finished_applying()
        show_error(self, exc)

    def is_applying(self) -> bool:
        return self.task is not None


class SummaryPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Import finished"))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.text)

    def initializePage(self) -> None:
        report = self.wizard().report
        lines = [
            self.tr("%1 project(s) created, %2 updated, %3 unchanged, %4 absent from the file.")
            .replace("%1", str(report.created)).replace("%2", str(report.updated))
            .replace("%3", str(report.unchanged)).replace("%4", str(report.absent)),
        ]
        if report.renumbered:
            lines.append(self.tr("%1 reference(s) renumbered.").replace("%1", str(len(report.renumbered))))
        if report.ignored_columns:
            lines.append(self.tr("Ignored columns: %1").replace("%1", ", ".join(report.ignored_columns)))
        lines.extend(item["message"] for item in report.ignored_rows)
        if report.backup:
            lines.append(self.tr("Backup made before the import: %1").replace("%1", report.backup))
        lines.append(self.tr("File > Undo the last import brings everything back."))
        self.text.setText("\n\n".join(lines))


class ImportWizard(QWizard):
    def __init__(self, context, parent=None, path: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.context = context
        self.report = None
        self.setWindowTitle(self.tr("Import a workbook"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = FilePage(self)
        self.read_page = ReadPage(self)
        self.preview_page = PreviewPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.file_page, self.read_page, self.preview_page, self.summary_page):
            self.addPage(page)
        if path:
            self.file_page.path.setText(path)
        self.resize(860, 560)

    def reject(self) -> None:
        if self.preview_page.is_applying():
            return  # one transaction under way: it ends by itself, applied or not
        self.read_page.cancel()
        super().reject()
