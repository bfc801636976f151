"""Préférences: who I am, the office, the language and theme, the database and its backups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from labest_desktop import messages, paths
from labest_desktop.domain.errors import LabestError
from labest_desktop.services import office
from labest_desktop.services.workspace import default_author
from labest_desktop.ui import settings as keys
from labest_desktop.ui import theme, translation
from labest_desktop.ui.excepthook import show_error


class DatabaseFileDialog:
    @classmethod
    def ask(cls, parent, new: bool) -> str | None:
        if new:
            path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("DatabaseFileDialog", "Create a database"), "labest.sqlite3",
                                                  QCoreApplication.translate("DatabaseFileDialog", "Lab'EST databases (*.sqlite3)"))
        else:
            path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("DatabaseFileDialog", "Open a database"), "",
                                                  QCoreApplication.translate("DatabaseFileDialog", "Lab'EST databases (*.sqlite3 *.db);;All files (*)"))
        return path or None


class PreferencesDialog(QDialog):
    def __init__(self, context, window) -> None:
        super().__init__(window)
        self.setObjectName("preferencesDialog")
        self.context = context
        self.window_ = window
        self.setWindowTitle(self.tr("Preferences"))
        settings = context.settings

        self.user_name = QLineEdit(keys.value(settings, keys.USER_NAME) or default_author(), self)
        self.user_name.setAccessibleName(self.tr("Your name, recorded as author"))
        identity_now = office.all_settings(context.workspace)
        self.office_name = QLineEdit(identity_now[office.OFFICE_NAME], self)
        self.office_name.setAccessibleName(self.tr("Office name written in exports"))
        self.office_code = QLineEdit(identity_now[office.OFFICE_CODE], self)
        self.office_code.setMaxLength(12)
        self.office_code.setAccessibleName(self.tr("Office code, first part of new references"))
        self.office_effect = QLabel(self.tr(
            "The code begins the reference of projects created from now on (e.g. %1-2026-0001); "
            "existing references never change. The name is written in exports, open data and PDF sheets. "
            "Both are shared by everyone using this database."
        ).replace("%1", identity_now[office.OFFICE_CODE]), self)
        self.office_effect.setWordWrap(True)
        self.language = QComboBox(self)
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(keys.value(settings, keys.LANGUAGE))))
        self.language.setAccessibleName(self.tr("Language of the interface"))
        self.theme = QComboBox(self)
        self.theme.addItem(self.tr("Follow the system"), theme.SYSTEM)
        self.theme.addItem(self.tr("Light"), theme.LIGHT)
        self.theme.addItem(self.tr("Dark"), theme.DARK)
        self.theme.setCurrentIndex(max(0, self.theme.findData(keys.value(settings, keys.THEME))))
        self.theme.setAccessibleName(self.tr("Colour theme"))
        identity = QGroupBox(self.tr("Identity and appearance"), self)
        form = QFormLayout(identity)
        form.addRow(self._label(self.tr("&Your name:"), self.user_name), self.user_name)
        form.addRow(self._label(self.tr("&Office name:"), self.office_name), self.office_name)
        form.addRow(self._label(self.tr("Office co&de:"), self.office_code), self.office_code)
        form.addRow(self.office_effect)
        form.addRow(self._label(self.tr("&Language:"), self.language), self.language)
        form.addRow(self._label(self.tr("&Theme:"), self.theme), self.theme)

        database = QGroupBox(self.tr("Database"), self)
        self.database_path = QLabel(context.workspace.database.location.describe(), self)
        self.database_path.setWordWrap(True)
        open_button = QPushButton(self.tr("Open &another…"), self)
        open_button.clicked.connect(lambda: self._switch(new=False))
        new_button = QPushButton(self.tr("Create a &new one…"), self)
        new_button.clicked.connect(lambda: self._switch(new=True))
        column = QVBoxLayout(database)
        column.addWidget(self.database_path)
        row = QHBoxLayout()
        row.addWidget(open_button)
        row.addWidget(new_button)
        row.addStretch(1)
        column.addLayout(row)

        backups = QGroupBox(self.tr("Backups"), self)
        self.backups_folder = QLineEdit(keys.value(settings, keys.BACKUPS_FOLDER) or str(paths.backups_dir()), self)
        self.backups_folder.setAccessibleName(self.tr("Backups folder"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse_backups)
        self.keep = QSpinBox(self)
        self.keep.setRange(1, 500)
        self.keep.setValue(keys.value(settings, keys.BACKUPS_KEEP))
        self.keep.setAccessibleName(self.tr("Number of backups kept"))
        backup_now = QPushButton(self.tr("Back &up now"), self)
        backup_now.clicked.connect(window.file_actions.backup_now)
        restore = QPushButton(self.tr("&Restore a backup…"), self)
        restore.clicked.connect(self._restore)
        form = QFormLayout(backups)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backups_folder, 1)
        folder_row.addWidget(browse)
        form.addRow(self._label(self.tr("&Folder:"), self.backups_folder), folder_row)
        form.addRow(self._label(self.tr("&Keep:"), self.keep), self.keep)
        actions = QHBoxLayout()
        actions.addWidget(backup_now)
        actions.addWidget(restore)
        actions.addStretch(1)
        form.addRow(actions)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(identity)
        layout.addWidget(database)
        layout.addWidget(backups)
        layout.addWidget(buttons)
        # As tall as the content: a fixed height left a large empty gap.
        self.resize(max(620, self.sizeHint().width()), self.sizeHint().height())

    def _label(self, text: str, buddy) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _browse_backups(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backups folder"), self.backups_folder.text())
        if folder:
            self.backups_folder.setText(folder)

    def _switch(self, new: bool) -> None:
        from labest_desktop.ui import workspace_switch

        chosen = DatabaseFileDialog.ask(self, new)
        if chosen and workspace_switch.switch(self.window_, chosen):
            self.database_path.setText(self.context.workspace.database.location.describe())

    def _restore(self) -> None:
        self.window_.file_actions.restore_backup()
        self.database_path.setText(self.context.workspace.database.location.describe())

    def accept(self) -> None:
        settings = self.context.settings
        ws = self.context.workspace
        name = self.user_name.text().strip() or default_author()
        identity = (self.office_name.text().strip(), self.office_code.text().strip().upper())
        try:
            current = office.all_settings(ws)
            if identity != (current[office.OFFICE_NAME], current[office.OFFICE_CODE]):
                office.set_identity(ws, *identity)
        except LabestError as exc:
            show_error(self, exc)
            return
        keys.set_value(settings, keys.USER_NAME, "" if name == default_author() else name)
        ws.author = name
        self._apply_appearance(settings)
        folder = self.backups_folder.text().strip()
        keys.set_value(settings, keys.BACKUPS_FOLDER, "" if folder == str(paths.backups_dir()) else folder)
        keys.set_value(settings, keys.BACKUPS_KEEP, self.keep.value())
        ws.database.backups_folder = Path(folder) if folder else paths.backups_dir()
        ws.database.keep = self.keep.value()
        super().accept()

    def _apply_appearance(self, settings) -> None:
        """Language and theme take effect at once: installing the translators makes
        Qt send ``LanguageChange`` to every widget, which retranslates itself."""
        app = QApplication.instance()
        language = self.language.currentData()
        if language != keys.value(settings, keys.LANGUAGE) or language != messages.language():
            keys.set_value(settings, keys.LANGUAGE, language)
            translation.install(app, language)
        chosen = self.theme.currentData()
        if chosen != keys.value(settings, keys.THEME):
            keys.set_value(settings, keys.THEME, chosen)
            theme.apply(app, chosen)
