"""Window bootstrap: QApplication, translators, excepthook, the database (or the
recovery screen), the main window. Nothing else lives here."""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

logger = logging.getLogger(__name__)


def choose_location(args, settings):
    """--db / --database-url / environment / IT's ini, else the file last chosen in
    Préférences, else the default file."""
    from labest_desktop.storage.location import resolve, sqlite_location
    from labest_desktop.ui import settings as keys

    explicit = (getattr(args, "db", None) or getattr(args, "database_url", None)
                or os.environ.get("LABEST_DB") or os.environ.get("LABEST_DATABASE_URL"))
    last = keys.value(settings, keys.LAST_DATABASE)
    if not explicit and last:
        return sqlite_location(last)
    return resolve(getattr(args, "db", None), getattr(args, "database_url", None))


def open_or_recover(location, settings):
    """The workspace on ``location``, or on what the recovery screen chose; ``None``
    when the user quits."""
    from labest_desktop import paths
    from labest_desktop.domain.errors import StorageError
    from labest_desktop.services.workspace import default_author, open_workspace
    from labest_desktop.storage.backup import newest_good_backup, restore_sqlite
    from labest_desktop.storage.location import sqlite_location
    from labest_desktop.ui import settings as keys

    author = keys.value(settings, keys.USER_NAME) or default_author()
    folder = Path(keys.value(settings, keys.BACKUPS_FOLDER) or paths.backups_dir())
    keep = keys.value(settings, keys.BACKUPS_KEEP)
    while True:
        try:
            return open_workspace(location, author=author, backups_folder=folder, keep=keep)
        except StorageError as exc:
            logger.warning("Cannot open %s: %s", location.describe(), exc)
            from labest_desktop.ui.dialogs.recovery import RecoveryDialog

            backup = newest_good_backup(folder) if location.is_sqlite else None
            what, path = RecoveryDialog.ask(exc, backup)
            if what == "quit":
                return None
            if what == "restore":
                try:
                    restore_sqlite(path, location.path, folder)
                except StorageError as failed:
                    from labest_desktop.ui.excepthook import ExpectedErrorDialog

                    ExpectedErrorDialog.ask(None, failed.message)
            else:
                location = sqlite_location(path)
                keys.set_value(settings, keys.LAST_DATABASE, str(path))


def build_window(workspace, settings):
    from PySide6.QtGui import QUndoStack

    from labest_desktop.ui.context import UiContext
    from labest_desktop.ui.filter_state import FilterState
    from labest_desktop.ui.main_window import MainWindow

    context = UiContext(workspace, FilterState(), QUndoStack(), settings)
    window = MainWindow(context)
    context.filter_state.setParent(window)
    context.undo_stack.setParent(window)
    context.signals.setParent(window)
    return window


def freeze_startup_objects() -> None:
    """What the running window is built of lives as long as it: moved out of the
    collector's reach, so that a full collection (set off by any thread's
    allocations, such as a background read of a big partner's thousands of projects)
    does not walk it all while the window's thread waits for the interpreter
    (blocks of 80-160 ms measured at 100,000 projects with the partners view on
    screen; 3-12 ms frozen). Once per process: objects frozen are never collected,
    so tests that build many windows do not call it."""
    gc.freeze()


def run(args) -> int:
    from PySide6.QtWidgets import QApplication

    from labest_desktop.ui import excepthook, icons, theme, translation
    from labest_desktop.ui import settings as keys

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(keys.ORGANISATION)
    app.setApplicationName(keys.APPLICATION)
    app.setApplicationDisplayName("Lab'EST Desktop")
    app.setWindowIcon(icons.application_icon())  # vector: sharp at any scale factor
    settings = keys.store()
    language = getattr(args, "lang", None) or keys.value(settings, keys.LANGUAGE)
    translation.install(app, language)
    theme.apply(app, keys.value(settings, keys.THEME))
    excepthook.install()
    workspace = open_or_recover(choose_location(args, settings), settings)
    if workspace is None:
        return 1
    window = build_window(workspace, settings)
    freeze_startup_objects()
    window.show()
    if os.environ.get("LABEST_EXIT_WHEN_SHOWN"):  # benchmarks: report once shown and populated
        import resource
        import time

        app.processEvents()
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"LABEST_SHOWN {time.time():.6f} {window.projects_view.model.rowCount()} {rss_mb:.0f}", flush=True)
        from labest_desktop.ui import tasks

        tasks.wait_all()  # background work (the search warm-up) ends before the interpreter does
        return 0
    status = app.exec()
    workspace.database.dispose()
    return status
