"""The one change signal of the window.

Whatever changed the data — a save in the editor, a stage move on the board, an
import, undo/redo, a colleague's save noticed on the shared database — is published
here once as a :class:`~labest_desktop.services.changes.Changes`; every view listens
to ``changed`` and decides, from the ids, whether it shows any of it (see
``ui.views.base.View``). Publishing never reads the database itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from labest_desktop.services.changes import Changes


class ChangeDispatcher(QObject):
    changed = Signal(object)  # a Changes

    def publish(self, changes: Changes) -> None:
        """Hand ``changes`` to every view (nothing happens for an empty change)."""
        if changes:
            self.changed.emit(changes)
