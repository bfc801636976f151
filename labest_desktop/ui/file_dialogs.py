"""Choosing where a file goes, and saying that it was written.

Every save asks through :func:`ask_save`, which starts in the last folder used for
that kind of file (``settings.FOLDERS``; the Documents folder the first time, never
the program's folder) and remembers the one chosen. After a file is written,
:func:`announce_written` says so with « Ouvrir » and « Ouvrir le dossier ».
Both dialogs are reached through ``ask()`` classmethods that tests replace.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from labest_desktop.ui import settings as keys

logger = logging.getLogger(__name__)


def last_folder(settings, kind: str) -> Path:
    stored = keys.value(settings, keys.FOLDERS[kind])
    if stored and Path(stored).is_dir():
        return Path(stored)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember(settings, kind: str, path: Path) -> None:
    keys.set_value(settings, keys.FOLDERS[kind], str(Path(path).parent))


class SaveFileDialog:
    """Where to save (replaceable in tests); ``None`` when cancelled."""

    @classmethod
    def ask(cls, parent: QWidget | None, caption: str, suggested: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, pattern)
        return path or None


def ask_save(parent, settings, kind: str, caption: str, name: str, pattern: str, suffix: str) -> Path | None:
    """The file to write, with ``suffix``, starting in the kind's last folder."""
    chosen = SaveFileDialog.ask(parent, caption, str(last_folder(settings, kind) / name), pattern)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    remember(settings, kind, path)
    return path


OPEN, OPEN_FOLDER, CLOSE = "open", "folder", "close"


class WrittenDialog:
    """« <file> written » with Ouvrir / Ouvrir le dossier / Fermer; the choice made."""

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path) -> str:
        box = QMessageBox(parent)
        box.setObjectName("writtenDialog")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("FileDialogs", "File written"))
        box.setText(QCoreApplication.translate("FileDialogs", "“%1” was written.").replace("%1", path.name))
        box.setInformativeText(QCoreApplication.translate("FileDialogs", "In the folder %1").replace("%1", str(path.parent)))
        open_file = box.addButton(QCoreApplication.translate("FileDialogs", "&Open"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(QCoreApplication.translate("FileDialogs", "Open the &folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QCoreApplication.translate("FileDialogs", "&Close"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_file)
        box.exec()
        clicked = box.clickedButton()
        return OPEN if clicked is open_file else OPEN_FOLDER if clicked is open_folder else CLOSE


def open_path(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def announce_written(parent: QWidget | None, path: Path) -> str:
    """Say the file was written; open it or its folder if asked. Returns the choice."""
    path = Path(path)
    window = parent
    while window is not None and not callable(getattr(window, "statusBar", None)):
        window = window.parentWidget()
    if window is not None:
        window.statusBar().showMessage(QCoreApplication.translate("FileDialogs", "File written: %1").replace("%1", str(path)), 10_000)
    choice = WrittenDialog.ask(parent, path)
    if choice == OPEN:
        open_path(path)
    elif choice == OPEN_FOLDER:
        open_path(path.parent)
    logger.info("Written %s (%s)", path, choice)
    return choice
