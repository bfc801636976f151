"""Opening another database, creating one, restoring a backup: the window keeps
running and every view reads the new workspace."""

from __future__ import annotations

import logging
from pathlib import Path

from labest_desktop.domain.errors import LabestError
from labest_desktop.services import maintenance
from labest_desktop.services.workspace import open_workspace
from labest_desktop.ui import settings as keys
from labest_desktop.ui.excepthook import show_error

logger = logging.getLogger(__name__)


def switch(window, path: str | Path) -> bool:
    """Open ``path`` (created if new) and show it; the old database is closed."""
    context = window.context
    old = context.workspace
    try:
        new = open_workspace(
            path, author=old.author, backups_folder=old.database.backups_folder, keep=old.database.keep
        )
    except LabestError as exc:
        show_error(window, exc)
        return False
    context.workspace = new
    old.database.dispose()
    keys.set_value(context.settings, keys.LAST_DATABASE, str(Path(path)))
    context.undo_stack.clear()
    context.filter_state.clear()
    context.signals.workspace_changed.emit(new)
    context.projects_changed([])
    return True


def restore(window, backup: str | Path) -> bool:
    context = window.context
    database = context.workspace.database
    path = database.location.path
    database.dispose()
    try:
        maintenance.restore_database(database.location, Path(backup), database.backups_folder)
    except LabestError as exc:
        show_error(window, exc)
        return switch(window, path)
    return switch(window, path)
