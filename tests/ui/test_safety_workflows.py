"""Safety in the window: the recovery screen, Préférences (name, office, backups),
undoing an import from the Fichier menu, and a 10,000-row import that never
freezes the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import project_query, projects
from labest_desktop.ui import file_actions
from labest_desktop.ui.dialogs import preferences, prompts


@pytest.fixture
def confirm(monkeypatch):
    monkeypatch.setattr(prompts.ConfirmDialog, "ask", classmethod(lambda cls, parent, title, text: True))


def test_recovery_screen_for_a_garbage_file_restores_the_newest_good_backup(tmp_path, qtbot, monkeypatch,
                                                                             ui_settings):
    """A database file overwritten with garbage opens the recovery screen instead of
    the window; it offers the newest good backup; restoring it opens the window on
    the backup's projects and the damaged file is kept aside, byte for byte."""
    from labest_desktop import app
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import sqlite_location
    from labest_desktop.ui.dialogs.recovery import RecoveryDialog

    db = tmp_path / "labest.sqlite3"
    folder = tmp_path / "backups"
    ws = Workspace(open_database(sqlite_location(db), backups_folder=folder), "agent")
    for i in range(5):
        projects.create_project(ws, ProjectFields(title=f"Projet sauvegardé {i}"))
    good = ws.database.backup(reason="manual")
    ws.database.dispose()
    for leftover in tmp_path.glob("labest.sqlite3-*"):
        leftover.unlink()
    garbage = b"\x00garbage, not SQLite\xff" * 4096
    db.write_bytes(garbage)
    ui_settings.setValue("backups/folder", str(folder))

    shown = []

    def ask(error, backup):
        dialog = RecoveryDialog(error, backup)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        shown.append(dialog)
        assert backup == good
        assert dialog.restore_button is not None
        dialog.restore_button.click()
        return dialog.choice

    monkeypatch.setattr(RecoveryDialog, "ask", staticmethod(ask))
    restored = app.open_or_recover(sqlite_location(db), ui_settings)
    assert len(shown) == 1 and shown[0].choice == ("restore", good)
    window = app.build_window(restored, ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        assert window.projects_view.model.rowCount() == 5
        aside = [p for p in tmp_path.iterdir() if p.name.startswith("labest.sqlite3.damaged-")]
        assert len(aside) == 1 and aside[0].read_bytes() == garbage
    finally:
        window.close()
        restored.database.dispose()


def test_preferences_user_name_and_office_name_are_used(make_window, demo_workspace, qtbot, tmp_path):
    """Préférences: the user name becomes the author of the next revision; the office
    name is written in the _labest sheet of the next export."""
    from labest_desktop.exchange.workbook import read_exchange_file
    from labest_desktop.services.exchange_export import export_workbook
    from labest_desktop.ui import settings as keys

    window = make_window(demo_workspace)
    dialog = preferences.PreferencesDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.user_name.setText("Camille Agent")
    dialog.office_name.setText("Préfecture de la Meuse")
    dialog.accept()
    assert keys.value(window.context.settings, keys.USER_NAME) == "Camille Agent"

    ws = window.context.workspace
    pid = project_query.project_ids(ws)[0]
    view = projects.get_project(ws, pid)
    projects.update_project(ws, pid, view.fields.with_changes(title="Titre revu"), view.version)
    assert projects.history(ws, pid)[-1].author == "Camille Agent"

    target = tmp_path / "export.xlsx"
    export_workbook(ws, target)
    assert read_exchange_file(target).meta["office"] == "Préfecture de la Meuse"


def test_back_up_now_and_restore_a_backup(make_window, demo_workspace, qtbot, confirm, monkeypatch):
    """« Sauvegarder maintenant » writes a backup in the background; after a new
    project, « Restaurer une sauvegarde… » brings that backup back and the list no
    longer shows the project."""
    window = make_window(demo_workspace)
    folder = Path(demo_workspace.database.backups_folder)
    before = set(folder.glob("*.sqlite3")) if folder.exists() else set()
    dialog = preferences.PreferencesDialog(window.context, window)
    qtbot.addWidget(dialog)
    backup_button = next(b for b in dialog.findChildren(preferences.QPushButton)
                         if b.text().replace("&", "") == "Sauvegarder maintenant")
    backup_button.click()
    qtbot.waitUntil(lambda: bool(set(folder.glob("*.sqlite3")) - before), timeout=20_000)
    (made,) = set(folder.glob("*.sqlite3")) - before
    count = project_query.count(window.context.workspace)

    created = projects.create_project(window.context.workspace, ProjectFields(title="Après la sauvegarde"))
    window.context.projects_changed([created.id])
    qtbot.waitUntil(lambda: window.projects_view.model.rowCount() == count + 1)

    monkeypatch.setattr(file_actions.BackupFileDialog, "ask", classmethod(lambda cls, parent, folder_: str(made)))
    restore_button = next(b for b in dialog.findChildren(preferences.QPushButton)
                          if b.text().replace("&", "") == "Restaurer une sauvegarde…")
    restore_button.click()
    qtbot.waitUntil(lambda: window.projects_view.model.rowCount() == count)
    assert project_query.count(window.context.workspace) == count
    assert "Après la sauvegarde" not in [r.title for r in
                                         project_query.rows(window.context.workspace,
                                                            project_query.project_ids(window.context.workspace)).values()]


def test_undo_the_last_import_from_the_file_menu(make_window, demo_workspace, qtbot, confirm, tmp_path):
    """A real import creates a project; « Annuler le dernier import » in the Fichier
    menu removes it again and the list follows."""
    from labest_desktop.services.exchange_import import apply_import, preview_import

    window = make_window(demo_workspace)
    ws = window.context.workspace
    before = project_query.count(ws)
    source = tmp_path / "nouveaux.csv"
    source.write_text("Titre,Étape,Statut\nGuichet importé des aidants,Idéation,Actif\n", encoding="utf-8")
    report = apply_import(ws, preview_import(ws, source))
    assert report.applied and report.created == 1
    window.context.projects_changed([])
    qtbot.waitUntil(lambda: window.projects_view.model.rowCount() == before + 1)

    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text().replace("&", "") == "Annuler le dernier import")
    assert action is window.undo_import_action
    action.trigger()
    qtbot.waitUntil(lambda: window.projects_view.model.rowCount() == before)
    assert project_query.count(ws) == before


def test_event_loop_runs_during_a_real_10000_row_import(make_window, sqlite_workspace, qtbot, tmp_path):
    """A workbook of 10,000 projects (the demo sample exported by the export service)
    is read and checked, then applied, in the background: a 10 ms timer keeps firing
    on the main thread during both, and every project arrives."""
    from PySide6.QtCore import QTimer

    from labest_desktop.services.demo import load_demo
    from labest_desktop.services.exchange_export import export_workbook
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import sqlite_location
    from labest_desktop.ui.dialogs.import_wizard import ImportWizard

    source = Workspace(open_database(sqlite_location(tmp_path / "source.sqlite3"),
                                     backups_folder=tmp_path / "source-backups"), "bureau-source")
    try:
        load_demo(source, projects=10_000, seed=3)
        workbook = tmp_path / "10000.xlsx"
        export_workbook(source, workbook)
    finally:
        source.database.dispose()

    window = make_window(sqlite_workspace)
    wizard = ImportWizard(window.context, None, str(workbook))
    qtbot.addWidget(wizard)
    wizard.show()
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(wizard.currentPage()))
    timer.start()
    try:
        wizard.next()
        assert wizard.read_page.task is not None  # reading runs in the background
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=120_000)
        while_reading = sum(1 for page in ticks if page is wizard.read_page)
        wizard.next()
        assert wizard.preview_page.is_applying()
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=120_000)
        while_applying = sum(1 for page in ticks if page is wizard.preview_page)
    finally:
        timer.stop()
    assert while_reading >= 10, while_reading
    assert while_applying >= 10, while_applying
    assert wizard.report.created == 10_000
    assert project_query.count(sqlite_workspace) == 10_000
