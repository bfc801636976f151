"""How the views built for issue 6 show an expected error: the domain's sentence in
a message box (never a traceback); anything else goes to the excepthook."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from labest_desktop.domain.errors import LabestError


def show_error(parent: QWidget | None, exc: LabestError) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Errors", "Lab'EST"), exc.message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName(exc.message)
    box.exec()
    box.deleteLater()  # a child of the view: it would stay for the session
