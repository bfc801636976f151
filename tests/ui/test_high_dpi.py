"""High-DPI: Qt's scaling is left on, the window draws at a scale factor of 2 and
the application's icon is vector, so it is sharp at twice its size."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, sys
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from labest_desktop.app import build_window
from labest_desktop.services.demo import load_demo
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location
from labest_desktop.ui import icons, translation

folder = sys.argv[1]
translation.install(app, "fr")
workspace = Workspace(open_database(sqlite_location(folder + "/labest.sqlite3"), backups_folder=folder), "test")
load_demo(workspace, projects=20, seed=3)
window = build_window(workspace, QSettings(folder + "/settings.ini", QSettings.Format.IniFormat))
window.resize(1000, 700)
window.show()
for key in ("board", "dashboard", "projects"):
    window.show_view(key)
    app.processEvents()
shot = window.grab()
icon = icons.application_icon().pixmap(QSize(32, 32), 2.0)
print(json.dumps({
    "ratio": window.devicePixelRatioF(),
    "policy": QGuiApplication.highDpiScaleFactorRoundingPolicy().name,
    "logical": [window.width(), window.height()],
    "grabbed": [shot.width(), shot.height()],
    "grab_ratio": shot.devicePixelRatio(),
    "saved": shot.save(folder + "/scale2.png"),
    "icon": [icon.width(), icon.height()],
}))
workspace.database.dispose()
"""


def test_window_draws_at_a_scale_factor_of_two(tmp_path):
    """With QT_SCALE_FACTOR=2 the window opens offscreen, grabs at twice its logical
    size without error, and the icon renders at 64 px for a 32 px place."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2", LABEST_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["ratio"] == 2
    assert result["policy"] == "PassThrough"  # Qt 6's default, not rounded or disabled
    assert result["grab_ratio"] == 2
    assert result["grabbed"] == [2 * n for n in result["logical"]]
    assert result["saved"] and (tmp_path / "scale2.png").stat().st_size > 0
    assert result["icon"] == [64, 64]
    assert "Traceback" not in done.stderr


def test_nothing_turns_high_dpi_scaling_off():
    """No module sets the attributes or variables that disable or round Qt's scaling."""
    forbidden = re.compile(r"AA_DisableHighDpiScaling|QT_ENABLE_HIGHDPI_SCALING|QT_AUTO_SCREEN_SCALE_FACTOR"
                           r"|QT_SCALE_FACTOR|setHighDpiScaleFactorRoundingPolicy|AA_Use96Dpi")
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "labest_desktop").rglob("*.py")
                 if forbidden.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
