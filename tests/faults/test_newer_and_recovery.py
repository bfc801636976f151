"""A database from a newer release, and the window's recovery screen for a damaged one."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import project_query, projects
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.backup import backup_name, backup_sqlite
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location
from labest_desktop.storage.migrations import HEAD
from tests.faults.campaign import cli


def newer_database(path: Path) -> Path:
    open_database(sqlite_location(path), backups_folder=path.parent / "backups").dispose()
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
        db.execute("UPDATE setting SET value = '9.9.0' WHERE key = 'app.version'")
    db.close()
    return path


def test_check_refuses_a_newer_database_naming_both_versions(tmp_path):
    """``labest check`` on a database stamped '9999' by release 9.9.0 exits 1 with one
    line naming schema 9999 and this version's schema; the file is byte-identical and
    no backup is made."""
    db = newer_database(tmp_path / "labest.sqlite3")
    before = db.read_bytes()
    done = cli(db, tmp_path / "data", "--lang", "en", "check")
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "9999" in lines[0] and HEAD in lines[0], done.stderr
    assert "Traceback" not in done.stderr
    assert db.read_bytes() == before
    assert not (tmp_path / "data" / "backups").exists() or not any((tmp_path / "data" / "backups").iterdir())


def test_the_recovery_screen_offers_the_newest_good_backup(tmp_path, qtbot, monkeypatch):
    """The window started on a truncated database shows the recovery screen instead:
    it names the damage and offers the newest good backup (a damaged, newer backup is
    passed over); choosing it restores that backup, the damaged file is kept aside
    byte for byte, and the window's workspace holds the backup's projects."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from labest_desktop import app
    from labest_desktop.ui.dialogs.recovery import RecoveryDialog

    db = tmp_path / "labest.sqlite3"
    folder = tmp_path / "backups"
    database = open_database(sqlite_location(db), backups_folder=folder)
    ws = Workspace(database, "agent")
    for i in range(12):
        projects.create_project(ws, ProjectFields(title=f"Projet {i}", description="x" * 3000))
    database.dispose()
    good = backup_sqlite(db, folder / backup_name("manual"))
    bad = folder / backup_name("later")
    bad.write_bytes(good.read_bytes()[:5000])  # newer, but cut short
    os.utime(bad, (good.stat().st_mtime + 60,) * 2)
    whole = db.read_bytes()
    db.write_bytes(whole[: len(whole) // 2])
    damaged = db.read_bytes()

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("backups/folder", str(folder))
    shown = []

    def ask(error, backup):
        dialog = RecoveryDialog(error, backup)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        shown.append(dialog)
        assert dialog.restore_button is not None and dialog.restore_button.isEnabled()
        dialog.restore_button.click()
        return dialog.choice

    monkeypatch.setattr(RecoveryDialog, "ask", staticmethod(ask))
    restored = app.open_or_recover(sqlite_location(db), settings)
    try:
        assert len(shown) == 1
        from PySide6.QtWidgets import QLabel

        texts = " ".join(label.text() for label in shown[0].findChildren(QLabel))
        assert "endommagée" in texts or "damaged" in texts
        assert good.name in texts
        assert shown[0].choice == ("restore", good)
        assert project_query.count(restored) == 12
    finally:
        restored.database.dispose()
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("labest.sqlite3.damaged-")]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
