"""Window bootstrap (minimal until the window issue lands): shows the projects."""

from __future__ import annotations

import sys


def run(args) -> int:
    from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

    from labest_desktop.cli import open_workspace
    from labest_desktop.services.project_query import iter_snapshots

    ws = open_workspace(args)
    app = QApplication.instance() or QApplication(sys.argv)
    table = QTableWidget()
    table.setWindowTitle("Lab'EST Desktop")
    headers = ["Référence", "Titre", "Étape", "Statut"]
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    snapshots = list(iter_snapshots(ws))
    table.setRowCount(len(snapshots))
    for row, snap in enumerate(snapshots):
        for col, key in enumerate(("reference", "title", "stage", "status")):
            table.setItem(row, col, QTableWidgetItem(str(snap[key])))
    table.resize(900, 600)
    table.show()
    return app.exec()
