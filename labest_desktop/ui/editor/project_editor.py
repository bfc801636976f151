"""The project editor: the form, and tabs for history, decisions, notes and events.

Saving goes through ``services.projects`` with the version the user opened; a
project changed elsewhere meanwhile is shown to the user, who reloads or
overwrites. Edits, stage decisions and creations enter the window's undo stack.
"""

from __future__ import annotations

import logging
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labest_desktop.domain.errors import LabestError, StaleEditError, ValidationError
from labest_desktop.domain.field_registry import FieldKind, field_spec
from labest_desktop.domain.fields import ProjectFields, to_snapshot
from labest_desktop.services import lookups, projects, stage_moves
from labest_desktop.ui import labels
from labest_desktop.ui.dialogs.prompts import StageDialog, StaleEditDialog, UnsavedChangesDialog
from labest_desktop.ui.editor.form import ProjectForm
from labest_desktop.ui.editor.widgets import AmountEdit
from labest_desktop.ui.excepthook import show_error
from labest_desktop.ui.geometry import GeometryMixin
from labest_desktop.ui.undo_commands import CreateCommand, EditCommand, StageMoveCommand
from labest_desktop.ui.views.events import ProjectEventsPanel

logger = logging.getLogger(__name__)


def _text(key: str, value: object) -> str:
    """A snapshot value as the user reads it."""
    if value is None or value == [] or value == "":
        return "—"
    if key == "stage":
        return labels.stage_label(str(value))
    if key == "status":
        return labels.status_label(str(value))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    spec = field_spec(key)
    if spec is not None and spec.kind is FieldKind.DATE:
        return iso_date_text(value)
    if spec is not None and spec.kind is FieldKind.AMOUNT:
        try:
            return AmountEdit.format(Decimal(str(value)))  # 79 934,50 €, not 79934.50
        except InvalidOperation:
            return str(value)
    return str(value)


def iso_date_text(value: object) -> str:
    """An ISO date of a snapshot as the user reads it: ``2026-03-01`` -> ``01/03/2026``."""
    if isinstance(value, str) and len(value) == 10:
        return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
    return str(value)


class ProjectEditor(GeometryMixin, QDialog):
    def __init__(self, context, project_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectEditor")
        self.context = context
        self.project_id = project_id
        self.event_to_show: int | None = None
        self.view = projects.get_project(self.ws, project_id) if project_id is not None else None
        ws = self.ws
        organisations = [name for _i, name in lookups.organisations(ws)]
        envelopes = [name for _i, name in lookups.envelopes(ws)]
        # The tabs first: their bar is above the form, so Tab reaches it first.
        self.tabs = QTabWidget(self)
        self.tabs.tabBar().setAccessibleName(self.tr("Parts of the project"))
        self.form = ProjectForm(organisations, envelopes, lookups.tags(ws), new_project=self.view is None, parent=self)
        self.form.stage_change_requested.connect(self.change_stage)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)

        self.tabs.addTab(scroll, self.tr("&Details"))
        self.history = QTreeWidget(self)
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Change")])
        self.history.setAccessibleName(self.tr("History of the project"))
        self.decisions = QTableWidget(0, 5, self)
        self.decisions.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("From"), self.tr("To"), self.tr("Decided by"), self.tr("Rationale")])
        self.decisions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.decisions.setAccessibleName(self.tr("Stage decisions"))
        self.decisions.horizontalHeader().setStretchLastSection(True)
        self.durations = QLabel(self)
        self.durations.setWordWrap(True)
        decisions_page = QWidget(self)
        column = QVBoxLayout(decisions_page)
        column.addWidget(self.decisions)
        column.addWidget(self.durations)
        self.notes = QListWidget(self)
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.note_text = QPlainTextEdit(self)
        self.note_text.setTabChangesFocus(True)
        self.note_text.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.note_text.setAccessibleName(self.tr("New note"))
        self.note_text.setPlaceholderText(self.tr("Write a note…"))
        self.add_note_button = QPushButton(self.tr("&Add the note"), self)
        self.add_note_button.clicked.connect(self.add_note)
        notes_page = QWidget(self)
        column = QVBoxLayout(notes_page)
        column.addWidget(self.notes)
        row = QHBoxLayout()
        row.addWidget(self.note_text, 1)
        row.addWidget(self.add_note_button)
        column.addLayout(row)
        # From a project, its events: the events view's own panel (activating one shows
        # it in the Événements view, once this editor is closed).
        self.events = ProjectEventsPanel(context, None, self)
        self.events.open_event.connect(self._open_event)
        self.tabs.addTab(self.history, self.tr("&History"))
        self.tabs.addTab(decisions_page, self.tr("De&cisions"))
        self.tabs.addTab(notes_page, self.tr("&Notes"))
        self.tabs.addTab(self.events, self.tr("Linked &events"))
        for index in range(1, 5):
            self.tabs.setTabEnabled(index, self.view is not None)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.sheet_button = self.buttons.addButton(self.tr("Project sheet (&PDF)…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.sheet_button.setObjectName("projectSheetButton")
        self.sheet_button.setToolTip(self.tr("Write this project's sheet for a committee, as a PDF"))
        self.sheet_button.setEnabled(self.view is not None)
        self.sheet_button.clicked.connect(self.export_sheet)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Ctrl+S saves from any field; Échap closes (QDialog), asking about unsaved changes.
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.activated.connect(self.save)
        self.header = QLabel(self)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Said as soon as someone else saves this project, not only when this
        # editor's save is refused.
        self.stale_banner = QLabel(self)
        self.stale_banner.setObjectName("staleBanner")
        self.stale_banner.setWordWrap(True)
        self.stale_banner.setStyleSheet("QLabel#staleBanner { background: #fff3cd; color: #3d2e00; padding: 6px; }")
        self.stale_banner.hide()
        self.compare_button = QPushButton(self.tr("Co&mpare now…"), self)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.clicked.connect(self._compare_now)
        self.compare_button.hide()
        self._own_action = False
        context.dispatcher.changed.connect(self._changed_elsewhere)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        stale_row = QHBoxLayout()
        stale_row.addWidget(self.stale_banner, 1)
        stale_row.addWidget(self.compare_button)
        layout.addLayout(stale_row)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 720)
        self.restore_layout(context.settings)

        if self.view is not None:
            self._load(self.view)
        else:
            self.setWindowTitle(self.tr("New project"))
            self.header.setText(self.tr("<b>New project</b> — the reference is given when saving."))
            self.baseline, _ = self.form.values()
        self.form.title.setFocus()

    @property
    def ws(self):
        return self.context.workspace

    # --- loading ----------------------------------------------------------------------

    def _load(self, view) -> None:
        self.view = view
        self.form.set_values(view.fields)
        self.baseline, _ = self.form.values()
        self.setWindowTitle(self.tr("%1 – %2").replace("%1", view.reference).replace("%2", view.fields.title))
        self.header.setText(
            self.tr("<b>%1</b> · version %2 · modified %3 by %4")
            .replace("%1", view.reference)
            .replace("%2", str(view.version))
            .replace("%3", QLocale().toString(view.updated_at, QLocale.FormatType.ShortFormat))
            .replace("%4", view.updated_by)
        )
        self._load_tabs()

    def _load_tabs(self) -> None:
        pid = self.view.id
        locale = QLocale()
        self.history.clear()
        for revision in reversed(projects.history(self.ws, pid)):
            what = labels.origin_label(revision.origin)
            if revision.import_file:
                what += " — " + revision.import_file
            item = QTreeWidgetItem([locale.toString(revision.created_at, QLocale.FormatType.ShortFormat),
                                    revision.author, what,
                                    self.tr("%n field(s)", "", len(revision.changes)) if revision.changes else ""])
            for key, old, new in revision.changes:
                QTreeWidgetItem(item, ["", "", labels.field_label(key), f"{_text(key, old)} → {_text(key, new)}"])
            self.history.addTopLevelItem(item)
        self.history.expandAll()
        for column in range(3):
            self.history.resizeColumnToContents(column)
        decided = projects.decisions(self.ws, pid)
        self.decisions.setRowCount(len(decided))
        for row, decision in enumerate(decided):
            values = [locale.toString(decision.decided_at, QLocale.FormatType.ShortFormat),
                      labels.stage_label(decision.from_stage) if decision.from_stage else "—",
                      labels.stage_label(decision.to_stage), decision.decided_by, decision.rationale]
            for column, value in enumerate(values):
                self.decisions.setItem(row, column, QTableWidgetItem(value))
        for column in range(4):  # dates and names on one line; the rationale takes the rest
            self.decisions.resizeColumnToContents(column)
        self.decisions.resizeRowsToContents()
        days = projects.time_in_stages(decided)
        self.durations.setText(self.tr("Time in each stage: %1").replace(
            "%1", " · ".join(f"{labels.stage_label(s)} {days.get(s, 0):.0f} j" for s in labels.stages())))
        self.notes.clear()
        for note in projects.notes(self.ws, pid):
            self.notes.addItem(f"{locale.toString(note.created_at, QLocale.FormatType.ShortFormat)} — "
                               f"{note.author}\n{note.text}")
        self.events.set_project(pid)

    # --- state ------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        values, _ = self.form.values()
        return values != self.baseline

    def _reporter(self):
        """How an undo step pushed from here tells that it was refused. The step
        outlives this editor (deleted once closed), so it speaks from the window:
        a refused undo after the editor was closed used to fail on the deleted editor."""
        window = self.parentWidget()
        return lambda exc: show_error(window, exc)

    # --- changes made elsewhere -------------------------------------------------------

    def _changed_elsewhere(self, changes) -> None:
        """Another program (or window) changed this project: an untouched form
        shows the new version; one with edits says so before the user saves."""
        if self._own_action or self.view is None or not (changes.everything or self.view.id in changes.projects):
            return
        try:
            current = projects.get_project(self.ws, self.view.id)
        except LabestError:
            return  # deleted or unreachable: the save will say so
        if current.version == self.view.version:
            return
        who = current.updated_by or "?"
        if not self.is_dirty():
            self._load(current)
            self.stale_banner.setText(self.tr("%1 has just changed this project: the form shows the new version.")
                                      .replace("%1", who))
            self.compare_button.hide()
        else:
            self.stale_banner.setText(self.tr("%1 changed this project since you opened it. Compare their changes "
                                              "with yours before saving.").replace("%1", who))
            self.compare_button.show()
        self.stale_banner.show()

    def _compare_now(self) -> None:
        values, _errors = self.form.values()
        self._stale(values)

    # --- saving -----------------------------------------------------------------------

    def save(self) -> bool:
        self._own_action = True
        try:
            return self._save()
        finally:
            self._own_action = False

    def _save(self) -> bool:
        values, errors = self.form.values()
        if errors:
            self.form.show_errors(errors)
            return False
        try:
            if self.view is None:
                created = projects.create_project(self.ws, values)
                self.context.undo_stack.push(CreateCommand(self.context, created.id, created.fields.title,
                                                           self._reporter()))
                self.project_id = created.id
                self.view = created
            else:
                before = self.view.fields
                saved = projects.update_project(self.ws, self.view.id, values, self.view.version)
                if saved.version != self.view.version:
                    self.context.undo_stack.push(EditCommand(self.context, saved.id, saved.fields.title, before,
                                                             saved.fields, saved.version, self._reporter()))
                self.view = saved
        except ValidationError as exc:
            self.form.show_errors([exc])
            return False
        except StaleEditError:
            return self._stale(values)
        except LabestError as exc:
            show_error(self, exc)
            return False
        self.context.projects_changed([self.view.id])
        self.baseline = values
        self.save_layout(self.context.settings)
        super().accept()
        return True

    def _stale(self, mine: ProjectFields) -> bool:
        current = projects.get_project(self.ws, self.view.id)
        opened = to_snapshot(self.view.fields, uid="", reference="")
        now = to_snapshot(current.fields, uid="", reference="")
        wanted = to_snapshot(mine, uid="", reference="")
        changes = [(labels.field_label(k), _text(k, opened[k]), _text(k, now[k]), _text(k, wanted[k]))
                   for k in opened if opened[k] != now[k]]
        choice = StaleEditDialog.ask(self, changes, current.updated_by)
        if choice == "reload":
            self._load(current)
            self.stale_banner.hide()
            self.compare_button.hide()
            return False
        if choice == "overwrite":
            try:
                # The stage is never overwritten: it changes only by decision.
                saved = projects.overwrite_project(self.ws, self.view.id, mine.with_changes(stage=current.fields.stage),
                                                   current.version)
            except LabestError as exc:
                show_error(self, exc)
                return False
            self.context.undo_stack.push(EditCommand(self.context, saved.id, saved.fields.title, current.fields,
                                                     saved.fields, saved.version, self._reporter()))
            self.view = saved
            self.baseline = mine
            self.context.projects_changed([saved.id])
            super().accept()
            return True
        return False

    def change_stage(self) -> None:
        self._own_action = True
        try:
            self._change_stage()
        finally:
            self._own_action = False

    def _change_stage(self) -> None:
        if self.view is None:
            return
        chosen = StageDialog.ask(self, str(self.view.fields.stage))
        if chosen is None:
            return
        stage, rationale = chosen
        try:
            done = stage_moves.move(self.ws, self.view.id, stage, rationale, self.view.version)
        except StaleEditError:
            current = projects.get_project(self.ws, self.view.id)
            show_error(self, StaleEditError(title=current.fields.title, expected=self.view.version,
                                            actual=current.version))
            return
        except LabestError as exc:
            show_error(self, exc)
            return
        self.context.undo_stack.push(StageMoveCommand(self.context, done, self._reporter()))
        saved = projects.get_project(self.ws, self.view.id)
        # Unsaved edits in the form stay; they now apply on top of the new version.
        pending, _ = self.form.values()
        dirty = self.is_dirty()
        self._load(saved)
        if dirty:
            self.form.set_values(pending.with_changes(stage=saved.fields.stage))
            self.form.set_stage(stage)
        self.context.projects_changed([saved.id])

    def add_note(self) -> None:
        try:
            projects.add_note(self.ws, self.view.id, self.note_text.toPlainText())
        except LabestError as exc:
            show_error(self, exc)
            return
        self.note_text.clear()
        self._load_tabs()

    def export_sheet(self):
        """The PDF sheet of this project as saved (unsaved edits are not in it)."""
        from labest_desktop.ui.project_sheets import export_sheets

        if self.view is None:
            return None
        return export_sheets(self, self.context, [self.view.id], self.view.reference)

    def _open_event(self, event_id: int) -> None:
        self.event_to_show = event_id
        self.reject()
        if self.isVisible():  # the user kept the editor open (unsaved changes)
            self.event_to_show = None

    # --- closing ----------------------------------------------------------------------

    def reject(self) -> None:
        if self.is_dirty():
            answer = UnsavedChangesDialog.ask(self)
            if answer == "cancel":
                return
            if answer == "save":
                self.save()
                return
        self.save_layout(self.context.settings)
        super().reject()
