"""Two writers, where tests/unit/storage/test_concurrency.py stops: an import racing an edit
made by another program (SQLite and PostgreSQL), and an import meeting SQLite's write
lock, through the service and through the command."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import pytest

from labest_desktop.domain.errors import StaleEditError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import exchange_import, projects
from labest_desktop.services.exchange_export import export_workbook
from labest_desktop.storage.errors import DatabaseBusyError
from tests.faults.campaign import ROOT, cli_env, digest, write_edited
from tests.unit.storage.test_concurrency import edit_in_process, short_timeout_workspace


def test_an_import_racing_an_edit_from_another_program_is_refused(workspace, tmp_path):
    """On SQLite and on PostgreSQL: the import is previewed, another program then saves
    one of the projects the file changes; applying is refused as stale (naming the
    project), nothing of the import is written, and the other program's save is kept."""
    made = [projects.create_project(workspace, ProjectFields(title=f"Projet {i}")) for i in range(3)]
    path = tmp_path / "portefeuille.xlsx"
    export_workbook(workspace, path)
    edited = tmp_path / "modifié.xlsx"
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book["Projets"]
    for row in sheet.iter_rows(min_row=2):
        if row[1].value:
            row[1].value = row[1].value + " (revu)"
    book.save(edited)
    preview = exchange_import.preview_import(workspace, edited)
    done = edit_in_process(workspace, made[1].id, made[1].version, "Autre programme")
    assert done.returncode == 0, done.stderr
    with pytest.raises(StaleEditError) as caught:
        exchange_import.apply_import(workspace, preview)
    assert made[1].reference in caught.value.message
    after = [projects.get_project(workspace, v.id).fields for v in made]
    assert [f.title for f in after] == ["Projet 0", "Projet 1", "Projet 2"]
    assert after[1].contact == "Autre programme"


@pytest.fixture
def locked(sqlite_workspace):
    """Another program's connection; the test takes the write lock with it (BEGIN
    IMMEDIATE, never committed) once its own setup is written."""
    connection = sqlite3.connect(sqlite_workspace.database.location.path, isolation_level=None,
                                 check_same_thread=False)
    yield connection
    if connection.in_transaction:
        connection.rollback()
    connection.close()


def test_an_import_meeting_the_write_lock_waits_then_says_busy(sqlite_workspace, locked, tmp_path):
    """An import applied while another program holds the write lock waits for the busy
    timeout, then fails with ``DatabaseBusyError`` (one sentence: busy, nothing saved);
    once the lock is released the database holds none of the import."""
    for i in range(5):
        projects.create_project(sqlite_workspace, ProjectFields(title=f"Projet {i}"))
    db = sqlite_workspace.database.location.path
    edited = tmp_path / "edited.xlsx"
    write_edited(db, edited)
    before = digest(db)
    locked.execute("BEGIN IMMEDIATE")
    impatient = short_timeout_workspace(sqlite_workspace, tmp_path, busy_timeout_ms=400)
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseBusyError) as caught:
            exchange_import.import_file(impatient, edited, on_conflict="theirs")
        waited = time.monotonic() - started
    finally:
        impatient.database.dispose()
    assert waited >= 0.35
    assert "occupée" in caught.value.message and "rien n'a été enregistré" in caught.value.message
    locked.rollback()
    assert digest(db) == before


def test_the_command_waits_for_the_lock_then_reports_busy_in_one_line(sqlite_workspace, locked, tmp_path):
    """``labest import`` while another program keeps the write lock: after the 5 s busy
    timeout, exit 1 and one line saying the database is busy and nothing was saved; no
    traceback; the database unchanged."""
    for i in range(5):
        projects.create_project(sqlite_workspace, ProjectFields(title=f"Projet {i}"))
    db = sqlite_workspace.database.location.path
    edited = tmp_path / "edited.xlsx"
    write_edited(db, edited)
    before = digest(db)
    locked.execute("BEGIN IMMEDIATE")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "labest_desktop", "--db", str(db), "import", str(edited),
                           "--on-conflict", "theirs"], capture_output=True, text=True, env=cli_env(tmp_path / "data"),
                          cwd=ROOT, timeout=120)
    waited = time.monotonic() - started
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "occupée" in lines[0] and "rien n'a été enregistré" in lines[0], done.stderr
    assert waited >= 5
    locked.rollback()
    assert digest(db) == before
