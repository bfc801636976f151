"""Small modal questions, each behind an ``ask()`` classmethod tests can replace."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from labest_desktop.ui import colours, labels


class ConfirmDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


class UnsavedChangesDialog:
    """Returns ``"save"``, ``"discard"`` or ``"cancel"``."""

    @classmethod
    def ask(cls, parent: QWidget) -> str:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("UnsavedChangesDialog", "Unsaved changes"))
        box.setText(QCoreApplication.translate("UnsavedChangesDialog", "This project has changes that were not saved."))
        box.setInformativeText(QCoreApplication.translate("UnsavedChangesDialog", "Save them before closing?"))
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        box.deleteLater()
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
            QMessageBox.StandardButton(answer), "cancel")


class StageDialog(QDialog):
    """Asks for the new stage and the rationale of the decision: the one dialog of
    every stage move (the editor's « Passer à l'étape… », and the board's drag or
    Ctrl+Maj+→, which come with their target stage already chosen)."""

    def __init__(self, current: str, parent: QWidget | None = None, *, target: str | None = None,
                 title: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move to stage"))
        self.stage = QComboBox(self)
        for code in labels.stages():
            if code != current:
                self.stage.addItem(labels.stage_label(code), code)
        if target is not None:  # chosen by the drag or the shortcut on the board
            self.stage.setCurrentIndex(max(0, self.stage.findData(target)))
            self.stage.setEnabled(False)
        self.stage.setAccessibleName(self.tr("New stage"))
        self.rationale = QPlainTextEdit(self)
        self.rationale.setTabChangesFocus(True)
        self.rationale.setAccessibleName(self.tr("Rationale of the decision"))
        self.rationale.setPlaceholderText(self.tr("Why this decision? (required; kept in the Decisions tab)"))
        self.error = QLabel(self)
        self.error.hide()
        form = QFormLayout(self)
        if title:
            heading = QLabel(title, self)
            heading.setWordWrap(True)
            heading.setStyleSheet("font-weight: bold;")
            form.addRow(heading)
        form.addRow(QLabel(self.tr("Current stage: %1").replace("%1", labels.stage_label(current)), self))
        stage_label = QLabel(self.tr("&New stage:"), self)
        stage_label.setBuddy(self.stage)
        form.addRow(stage_label, self.stage)
        rationale_label = QLabel(self.tr("&Rationale:"), self)
        rationale_label.setBuddy(self.rationale)
        form.addRow(rationale_label, self.rationale)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        if not self.rationale.toPlainText().strip():
            from labest_desktop import messages

            self.error.setText(messages.text("rule.rationale_required"))
            colours.paint_as_error(self.error)
            self.error.show()
            self.rationale.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, current: str, *, target: str | None = None,
            title: str | None = None) -> tuple[str, str] | None:
        dialog = cls(current, parent, target=target, title=title)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.stage.currentData(), dialog.rationale.toPlainText().strip()
        finally:
            dialog.deleteLater()  # a child of the editor: it would stay as long as it


class StaleEditDialog(QDialog):
    """The project changed elsewhere: shows what changed, asks reload / overwrite.

    ``changes`` lists ``(field label, value when opened, value now, my value)``.
    Returns ``"reload"``, ``"overwrite"`` or ``"cancel"``.
    """

    def __init__(self, changes: list[tuple[str, str, str, str]], who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Project changed elsewhere"))
        self.choice = "cancel"
        text = QLabel(
            self.tr("While you were editing, %1 saved changes to this project. Nothing of yours has "
                    "been saved yet.").replace("%1", who),
            self,
        )
        text.setWordWrap(True)
        table = QTextBrowser(self)
        table.setAccessibleName(self.tr("Changes made elsewhere"))
        rows = "".join(
            f"<tr><td><b>{_esc(label)}</b></td><td>{_esc(before)}</td><td>→ {_esc(now)}</td><td>{_esc(mine)}</td></tr>"
            for label, before, now, mine in changes
        ) or f"<tr><td colspan=4>{_esc(self.tr('(only the version changed)'))}</td></tr>"
        table.setHtml(
            "<table cellspacing=6><tr><th align=left>{}</th><th align=left>{}</th><th align=left>{}</th>"
            "<th align=left>{}</th></tr>{}</table>".format(
                _esc(self.tr("Field")), _esc(self.tr("When opened")), _esc(self.tr("Now")),
                _esc(self.tr("Yours")), rows)
        )
        buttons = QDialogButtonBox(self)
        self.reload_button = buttons.addButton(self.tr("&Reload (lose my changes)"),
                                               QDialogButtonBox.ButtonRole.ResetRole)
        self.overwrite_button = buttons.addButton(self.tr("&Overwrite with my version"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.reload_button.clicked.connect(lambda: self._choose("reload"))
        self.overwrite_button.clicked.connect(lambda: self._choose("overwrite"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, changes: list[tuple[str, str, str, str]], who: str) -> str:
        dialog = cls(changes, who, parent)
        dialog.exec()
        dialog.deleteLater()
        return dialog.choice


class StatusDialog(QDialog):
    """Asks which status to give to the selected projects."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the status"))
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("New status"))
        for code in labels.statuses():
            self.status.addItem(labels.status_label(code), code)
        form = QFormLayout(self)
        label = QLabel(self.tr("New &status for %n project(s):", "", count), self)
        label.setBuddy(self.status)
        form.addRow(label, self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, count: int) -> str | None:
        dialog = cls(count, parent)
        try:
            return dialog.status.currentData() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()  # a child of the window: it would stay for the session


def _esc(text: object) -> str:
    import html

    return html.escape("" if text is None else str(text))
