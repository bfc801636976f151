"""Shown instead of the window when the database cannot be opened: damaged, another
application's, written by a newer version. The damaged file is never overwritten:
restoring sets it aside under a ``.damaged-…`` name first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from labest_desktop.services.maintenance import DamagedDatabaseError


class RecoveryDialog(QDialog):
    """``ask()`` returns ``("restore", backup)``, ``("open", file)``, ``("new", file)`` or
    ``("quit", None)``."""

    def __init__(self, error, backup: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Lab'EST – the database cannot be opened"))
        self.choice: tuple[str, Path | None] = ("quit", None)
        message = QLabel(error.message, self)
        message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        self.restore_button = None
        if backup is not None and isinstance(error, DamagedDatabaseError):
            when = QDateTime.fromSecsSinceEpoch(int(backup.stat().st_mtime)).toString("dd/MM/yyyy HH:mm")
            info = QLabel(self.tr("Newest good backup: %1 (%2). The damaged file will be kept aside, "
                                  "renamed, never deleted.").replace("%1", backup.name).replace("%2", when), self)
            info.setWordWrap(True)
            layout.addWidget(info)
            self.restore_button = QPushButton(self.tr("&Restore this backup"), self)
            self.restore_button.clicked.connect(lambda: self._choose("restore", backup))
            layout.addWidget(self.restore_button)
        elif isinstance(error, DamagedDatabaseError):
            layout.addWidget(QLabel(self.tr("No good backup was found."), self))
        open_button = QPushButton(self.tr("&Open another database…"), self)
        open_button.clicked.connect(self._open)
        new_button = QPushButton(self.tr("Create a &new database…"), self)
        new_button.clicked.connect(self._new)
        quit_button = QPushButton(self.tr("&Quit"), self)
        quit_button.clicked.connect(self.reject)
        for button in (open_button, new_button, quit_button):
            layout.addWidget(button)
        self.resize(560, 260)

    def _choose(self, what: str, path) -> None:
        self.choice = (what, Path(path) if path else None)
        self.accept()

    def _open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a database"), "",
                                              self.tr("Lab'EST databases (*.sqlite3 *.db);;All files (*)"))
        if path:
            self._choose("open", path)

    def _new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Create a database"), "labest.sqlite3",
                                              self.tr("Lab'EST databases (*.sqlite3)"))
        if path:
            self._choose("new", path)

    @classmethod
    def ask(cls, error, backup: Path | None) -> tuple[str, Path | None]:
        dialog = cls(error, backup)
        dialog.exec()
        return dialog.choice
