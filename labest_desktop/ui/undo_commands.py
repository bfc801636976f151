"""Undoable project actions, each done through the services.

A command is pushed after its first execution succeeded (the editor must see a
stale edit or a validation error before anything enters the stack), so the first
``redo()`` — which ``QUndoStack.push`` calls — does nothing. Undo and redo check the
version they expect: a project changed elsewhere since is not overwritten, the
command is made obsolete and the user told why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from labest_desktop.domain.errors import LabestError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.vocab import Status
from labest_desktop.services import projects, stage_moves
from labest_desktop.ui import labels

logger = logging.getLogger(__name__)


class _ServiceCommand(QUndoCommand):
    def __init__(self, context, text: str, report_error: Callable[[LabestError], None] | None) -> None:
        super().__init__(text)
        self.context = context
        self._first = True
        self._report = report_error

    @property
    def ws(self):
        return self.context.workspace

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_it)

    def _run(self, work) -> None:
        try:
            ids = work()
        except LabestError as exc:
            logger.info("Undo/redo refused: %s", exc)
            self.setObsolete(True)
            if self._report is not None:
                self._report(exc)
            self.context.projects_changed([])
            return
        self.context.projects_changed(ids)

    def do(self) -> list[int]:  # pragma: no cover - abstract
        raise NotImplementedError

    def undo_it(self) -> list[int]:  # pragma: no cover - abstract
        raise NotImplementedError


class EditCommand(_ServiceCommand):
    """Fields of one project changed from ``before`` to ``after``."""

    def __init__(self, context, project_id: int, title: str, before: ProjectFields, after: ProjectFields,
                 version_after: int, report_error=None) -> None:
        super().__init__(context, QCoreApplication.translate("UndoCommands", "Edit “%1”").replace("%1", title), report_error)
        self.project_id = project_id
        self.before, self.after = before, after
        self.version = version_after

    def undo_it(self) -> list[int]:
        # The stage is not an edit: keep whatever stage the project has now.
        view = projects.update_project(self.ws, self.project_id, self._keep_stage(self.before), self.version)
        self.version = view.version
        return [self.project_id]

    def do(self) -> list[int]:
        view = projects.update_project(self.ws, self.project_id, self._keep_stage(self.after), self.version)
        self.version = view.version
        return [self.project_id]

    def _keep_stage(self, values: ProjectFields) -> ProjectFields:
        current = projects.get_project(self.ws, self.project_id)
        return values.with_changes(stage=current.fields.stage)


class CreateCommand(_ServiceCommand):
    """A new project; undoing it deletes it (history kept), redo brings it back."""

    def __init__(self, context, project_id: int, title: str, report_error=None) -> None:
        super().__init__(context, QCoreApplication.translate("UndoCommands", "Create “%1”").replace("%1", title), report_error)
        self.project_id = project_id
        # Each step from the version the step before left: a project edited elsewhere
        # in between is refused as stale, the command made obsolete.
        self.version = projects.get_project(self.ws, project_id).version

    def undo_it(self) -> list[int]:
        self.version = projects.set_deleted(self.ws, self.project_id, True, self.version).version
        return [self.project_id]

    def do(self) -> list[int]:
        self.version = projects.set_deleted(self.ws, self.project_id, False, self.version).version
        return [self.project_id]


class StageMoveCommand(_ServiceCommand):
    """A stage decision already recorded (on the board or in the editor); undo records
    the move back, redo the same decision, each checking the version left by the step
    before (a project changed elsewhere is refused, the command made obsolete)."""

    def __init__(self, context, done: stage_moves.StageMove, report_error=None) -> None:
        super().__init__(
            context,
            QCoreApplication.translate("UndoCommands", "Move “%1” to %2")
            .replace("%1", done.title).replace("%2", labels.stage_label(done.to_stage)),
            report_error,
        )
        self.done = done

    @property
    def project_id(self) -> int:
        return self.done.project_id

    def undo_it(self) -> list[int]:
        self.done = stage_moves.undo_move(self.ws, self.done)
        return [self.done.project_id]

    def do(self) -> list[int]:
        self.done = stage_moves.redo_move(self.ws, self.done)
        return [self.done.project_id]


class DeleteCommand(_ServiceCommand):
    """Deletion of several projects (they stay in the database, hidden)."""

    def __init__(self, context, project_ids: list[int], report_error=None) -> None:
        count = len(project_ids)  # a plain name: lupdate skips translate() whose count is a call
        super().__init__(context, QCoreApplication.translate("UndoCommands", "Delete %n project(s)", "", count), report_error)
        self.project_ids = list(project_ids)
        self.versions: dict[int, int] = {}  # as the last step left each project
        self._first = False  # deletion runs on push: nothing to check beforehand

    def do(self) -> list[int]:
        # Redo from the versions the undo left (the first deletion from what is there).
        self.versions = {pid: projects.set_deleted(self.ws, pid, True, self.versions.get(pid)).version
                         for pid in self.project_ids}
        return self.project_ids

    def undo_it(self) -> list[int]:
        # Brought back only if nobody changed them since they were deleted here.
        self.versions = {pid: projects.set_deleted(self.ws, pid, False, self.versions[pid]).version
                         for pid in self.project_ids}
        return self.project_ids


class StatusCommand(_ServiceCommand):
    """The same status given to several projects; undo restores each one's own."""

    def __init__(self, context, project_ids: list[int], status: str, report_error=None) -> None:
        count = len(project_ids)
        super().__init__(
            context,
            QCoreApplication.translate("UndoCommands", "Set %n project(s) to %1", "", count)
            .replace("%1", labels.status_label(status)),
            report_error,
        )
        self.project_ids = list(project_ids)
        self.status = status
        self.previous: dict[int, str] = {}
        # The version each project had after this command's last step: undo and redo
        # write from it, so a change made elsewhere in between is refused as stale.
        self.versions: dict[int, int] = {}
        self._first = False

    def do(self) -> list[int]:
        return self._set_status(lambda pid: Status(self.status), remember=not self.previous)

    def undo_it(self) -> list[int]:
        return self._set_status(lambda pid: Status(self.previous[pid]), remember=False)

    def _set_status(self, status_of, remember: bool) -> list[int]:
        for pid in self.project_ids:
            view = projects.get_project(self.ws, pid)
            if remember:
                self.previous[pid] = str(view.fields.status)
            version = self.versions.get(pid, view.version)
            saved = projects.update_project(self.ws, pid, view.fields.with_changes(status=status_of(pid)), version)
            self.versions[pid] = saved.version
        return self.project_ids


class ImportCommand(_ServiceCommand):
    """An applied import as one step of the history: undo takes it back (through
    ``import_undo``, which refuses if a project changed since); the file is not read
    again, so once undone it leaves the stack instead of offering a redo. The steps
    before it stay: each checks its own versions when undone."""

    def __init__(self, context, batch_id: int, file_name: str, report_error=None) -> None:
        super().__init__(context, QCoreApplication.translate("UndoCommands", "Import of “%1”").replace("%1", file_name),
                         report_error)
        self.batch_id = batch_id
        self.undone_elsewhere = False

    def undo_it(self) -> list[int]:
        from labest_desktop.services.import_undo import undo_import

        if not self.undone_elsewhere:
            undo_import(self.ws, self.batch_id)
        self.setObsolete(True)
        return []

    @classmethod
    def forget_batch(cls, stack, batch_id: int) -> bool:
        """The import was undone outside the stack (« Annuler le dernier import »): its
        step no longer undoes anything. On top of the stack it leaves at once (True:
        the views were told then); deeper, it is dropped silently when reached. Every
        other step stays."""
        steps = [stack.command(i) for i in range(stack.index())]
        for step in steps:
            if isinstance(step, cls) and step.batch_id == batch_id:
                step.undone_elsewhere = True
        if steps and isinstance(steps[-1], cls) and steps[-1].undone_elsewhere:
            stack.undo()  # publishes the change, as any undo does
            return True
        return False

    def do(self) -> list[int]:  # never reached: obsolete once undone
        return []
