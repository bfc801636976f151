"""Render the README's pictures: each screen of the window, at a fixed size, to PNG.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/readme_pictures.py [--out docs/screens]

French in the light theme (every view, the first start, the project editor), French
in the dark theme (three views), and one in English, on the demo sample (fixed seed,
so the pictures change only when the window does). The images are saved without alpha at the
best PNG compression (flat colours: 40–150 KB each). Look at each one before committing them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (1280, 760)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screens")
    args = parser.parse_args()
    # A fixed folder: the status bar shows the database's path in every picture.
    folder = Path(tempfile.gettempdir()) / "LabEST"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.environ.setdefault("LABEST_DATA_DIR", str(folder / "data"))

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from labest_desktop.app import build_window
    from labest_desktop.services import office, project_query
    from labest_desktop.services.demo import load_demo
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import sqlite_location
    from labest_desktop.ui import tasks, theme, translation
    from labest_desktop.ui.editor.project_editor import ProjectEditor

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Lab'EST Desktop")
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def settle() -> None:
        for _ in range(50):
            app.processEvents()
            if not tasks.busy():
                break
            tasks.wait_all(200)
        app.processEvents()

    def save(widget, name: str) -> None:
        settle()
        # Full colour, no alpha, best compression: flat backgrounds cost next to nothing
        # (a 256-colour palette dithered them into noise that weighed more).
        image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
        path = args.out / f"{name}.png"
        image.save(str(path), "PNG", 9)
        written.append(path)

    def workspace(name: str, demo: bool) -> Workspace:
        ws = Workspace(open_database(sqlite_location(folder / name / "labest.sqlite3"), backups_folder=folder / "b"),
                       "Camille Martin")
        if demo:
            office.set_identity(ws, "Lab'EST Grand Est", "LAB")
            load_demo(ws, projects=60, seed=2026)
        return ws

    def window_on(ws, language: str, scheme: str):
        translation.install(app, language)
        theme.apply(app, scheme)
        settings = QSettings(str(folder / f"settings-{language}-{scheme}.ini"), QSettings.Format.IniFormat)
        window = build_window(ws, settings)
        window.resize(*SIZE)
        window.show()
        settle()
        return window

    # First start: an empty database.
    empty = workspace("empty", demo=False)
    window = window_on(empty, "fr", theme.LIGHT)
    save(window, "fr-light-first-start")
    window.close()

    ws = workspace("demo", demo=True)
    for language, scheme, keys in (
        ("fr", theme.LIGHT, ("projects", "board", "events", "partners", "funding", "dashboard")),
        ("fr", theme.DARK, ("projects", "board", "dashboard")),
        ("en", theme.LIGHT, ("projects",)),
    ):
        window = window_on(ws, language, scheme)
        for key in keys:
            window.show_view(key)
            save(window, f"{language}-{scheme}-{key}")
        if language == "fr" and scheme == theme.LIGHT:
            pid = project_query.project_ids(ws)[3]
            editor = ProjectEditor(window.context, pid, window)
            editor.resize(820, 720)
            editor.show()
            save(editor, "fr-light-editor")
            editor.tabs.setCurrentIndex(2)
            save(editor, "fr-light-editor-decisions")
            editor.close()
        window.close()
    translation.install(app, "fr")
    theme.apply(app, theme.SYSTEM)
    for path in written:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {path.stat().st_size // 1024} KB")
    ws.database.dispose()
    empty.database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
