"""How long the board takes to show a portfolio of 10,000 projects, and a move.

    .venv/bin/python benchmarks/bench_board.py [--projects 10000]
Prints the seconds to build the view, to refresh it, to load « show more », and to
record a stage move with its undo; the window must stay well under a second.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=10_000)
    args = parser.parse_args()
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from labest_desktop.services import board, dashboard, stage_moves
    from labest_desktop.services.demo import load_demo
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import sqlite_location
    from labest_desktop.ui.context import UiContext
    from labest_desktop.ui.filter_state import FilterState
    from labest_desktop.ui.views.board import BoardView

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(sqlite_location(Path(folder) / "bench.sqlite3"), backups_folder=Path(folder))
        ws = Workspace(database, "bench")
        started = time.perf_counter()
        load_demo(ws, projects=args.projects, seed=1)
        print(f"demo of {args.projects} projects: {time.perf_counter() - started:.2f} s")
        context = UiContext(ws, FilterState(), QUndoStack(), QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        started = time.perf_counter()
        view = BoardView(context)
        view.resize(1200, 800)
        view.show()
        app.processEvents()
        print(f"board built and shown: {time.perf_counter() - started:.3f} s "
              f"({sum(c.model.loaded() for c in view.columns.values())} cards of "
              f"{sum(c.model.total for c in view.columns.values())})")
        started = time.perf_counter()
        view.refresh()
        print(f"refresh: {time.perf_counter() - started:.3f} s")
        started = time.perf_counter()
        context.filter_state.update(search="accueil")  # the board refreshes on the signal
        app.processEvents()
        print(f"refresh with a search: {time.perf_counter() - started:.3f} s")
        context.filter_state.update(search="")
        started = time.perf_counter()
        view.show_more("ideation")
        print(f"show more: {time.perf_counter() - started:.3f} s")
        card = board.cards(ws, "ideation", limit=1)[0]
        started = time.perf_counter()
        done = stage_moves.move(ws, card.id, "prototype", "bench", card.version)
        stage_moves.undo_move(ws, done)
        print(f"move + undo (services): {time.perf_counter() - started:.3f} s")
        started = time.perf_counter()
        dashboard.projects_per_stage(ws)
        dashboard.projects_per_department(ws)
        dashboard.budget_per_envelope(ws)
        dashboard.decisions_per_month(ws)
        dashboard.median_days_in_stage(ws)
        print(f"all dashboard figures: {time.perf_counter() - started:.3f} s")
        view.close()
        database.dispose()


if __name__ == "__main__":
    main()
