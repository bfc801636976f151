"""What the window does to projects: new, open, delete, change status."""

from __future__ import annotations

from PySide6.QtCore import QObject

from labest_desktop.domain.errors import LabestError
from labest_desktop.ui.dialogs.prompts import ConfirmDialog, StatusDialog
from labest_desktop.ui.excepthook import show_error
from labest_desktop.ui.undo_commands import DeleteCommand, StatusCommand


class ProjectActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    @property
    def context(self):
        return self.window.context

    def _view(self):
        return self.window.projects_view

    def _report(self, exc: LabestError) -> None:
        show_error(self.window, exc)

    def editor(self, project_id: int | None):
        from labest_desktop.ui.editor.project_editor import ProjectEditor

        return ProjectEditor(self.context, project_id, self.window)

    def new_project(self) -> None:
        editor = self.editor(None)
        created = editor.project_id if editor.exec() else None
        editor.deleteLater()  # a child of the window: it would stay for the whole session
        if created is not None:
            self.window.show_view("projects")
            view = self._view()
            if view is not None:
                view.select_ids([created])

    def open_project(self, project_id: int | None) -> None:
        if project_id is None:
            return
        try:
            editor = self.editor(project_id)
        except LabestError as exc:
            self._report(exc)
            return
        editor.exec()
        event_id = editor.event_to_show
        editor.deleteLater()  # a child of the window: it would stay for the whole session
        if event_id is not None:
            self.show_event(event_id)

    def show_event(self, event_id: int) -> None:
        """The Événements view with ``event_id`` selected in its list."""
        self.window.show_view("events")
        events_view = self.window.views.get("events")
        if events_view is not None:
            events_view.select_event(event_id)

    def sheets_of_selection(self):
        """« Fiche projet (PDF) » from the list: one PDF for the selected projects."""
        from labest_desktop.ui.project_sheets import export_sheets

        view = self._view()
        ids = view.selected_ids() if view is not None else []
        if not ids:
            return None
        reference = None
        if len(ids) == 1:
            row = view.model.project_row(view.model.row_of(ids[0]))
            reference = row.reference if row is not None else None
        return export_sheets(self.window, self.context, ids, reference)

    def open_current(self) -> None:
        view = self._view()
        if view is not None:
            self.open_project(view.current_id())

    def delete_selection(self) -> None:
        view = self._view()
        ids = view.selected_ids() if view is not None else []
        if not ids:
            return
        if len(ids) == 1:
            row = view.model.project_row(view.model.row_of(ids[0]))
            text = self.tr("Delete the project “%1”? It can be brought back with Undo (Ctrl+Z).").replace(
                "%1", row.title if row else "")
        else:
            text = self.tr("Delete %n projects? They can be brought back with Undo (Ctrl+Z).", "", len(ids))
        if not ConfirmDialog.ask(self.window, self.tr("Delete"), text):
            return
        self.context.undo_stack.push(DeleteCommand(self.context, ids, self._report))

    def change_status_of_selection(self) -> None:
        view = self._view()
        ids = view.selected_ids() if view is not None else []
        if not ids:
            return
        status = StatusDialog.ask(self.window, len(ids))
        if status is None:
            return
        self.context.undo_stack.push(StatusCommand(self.context, ids, status, self._report))
