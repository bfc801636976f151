"""« Fiche projet (PDF) » from the editor (one project) and from the list (one PDF
for the selected projects): ask where, write with ``reports.project_sheet``."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from labest_desktop.domain.errors import LabestError
from labest_desktop.ui import file_dialogs
from labest_desktop.ui.excepthook import show_error

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectSheets", text)


class SheetFileDialog:
    """Where to write the PDF (replaceable in tests); ``None`` when cancelled."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ProjectSheets", "Save the project sheet"), suggested,
                                              QCoreApplication.translate("ProjectSheets", "PDF documents (*.pdf)"))
        return path or None


def suggested_name(count: int, reference: str | None) -> str:
    if count == 1 and reference:
        return "fiche-" + re.sub(r"[^\w.-]+", "-", reference) + ".pdf"
    return f"fiches-projets-{count}.pdf"


def export_sheets(parent: QWidget | None, context, ids: list[int], reference: str | None = None) -> Path | None:
    """Ask for a file, write one PDF with the sheet of each project in ``ids``
    (``reference`` names the file of a single project); the path written, or ``None`` (cancelled, or an error already shown to the user)."""
    from labest_desktop.ui.reports.project_sheet import write_project_sheets

    if not ids:
        return None
    folder = file_dialogs.last_folder(context.settings, "pdf")
    chosen = SheetFileDialog.ask(parent, str(folder / suggested_name(len(ids), reference)))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    file_dialogs.remember(context.settings, "pdf", path)
    # Qt's text layout and PDF writer stay on the main thread; a sheet takes a few
    # milliseconds, so a committee's selection of dozens is written in well under a second.
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = write_project_sheets(context.workspace, ids, path)
    except LabestError as exc:
        QApplication.restoreOverrideCursor()
        show_error(parent, exc)
        return None
    QApplication.restoreOverrideCursor()
    logger.info("Project sheets written: %s (%d projects)", written, len(ids))
    file_dialogs.announce_written(parent, written)
    return written
