"""The helper process that works out an import's updates ahead of its writes
(services.import_helper): a real process on a real SQLite file. It only saves time:
the same import writes the same rows, ids included, with or without it, when it
is late, when it dies half-way, when it hangs and when it cannot start; it ends with
the import's process; and it refuses to work from a project in another version than
the one the import checked."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from labest_desktop.services import exchange_import, import_helper, import_plan, projects
from labest_desktop.services.import_helper import StaleSliceError, UpdateHelper, prepare_rows
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location
from tests.faults.campaign import digest
from tests.unit.services.test_exchange_merge import edit_cell, export, make_portfolio

ROWS = 24


def _workspace(folder: Path):
    database = open_database(sqlite_location(folder / "labest.sqlite3"), backups_folder=folder / "backups")
    return database, Workspace(database, "test-agent")


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> tuple[Path, Path]:
    """An office's database of 24 projects and its export edited elsewhere: titles,
    stages and partners (a new organisation among them) changed; on every fourth
    project the contact changed both there and here since (a conflict, settled for
    the file)."""
    folder = tmp_path_factory.mktemp("office")
    database, ws = _workspace(folder)
    views = make_portfolio(ws, ROWS)
    path = export(ws, folder / "out.xlsx")
    for index, view in enumerate(views):
        if index % 3 == 0:
            edit_cell(path, view.reference, "Titre", f"Titre {index} revu ailleurs")
        elif index % 3 == 1:
            edit_cell(path, view.reference, "Partenaires", f"DREAL Grand Est; Partenaire {index % 2}")
        else:
            edit_cell(path, view.reference, "Étape", "Prototype")
        if index % 4 == 0:
            edit_cell(path, view.reference, "Responsable", f"Contact {index} du fichier")
            here = projects.get_project(ws, view.id)
            projects.update_project(ws, view.id, here.fields.with_changes(contact=f"Contact {index} d'ici"),
                                    here.version)
    database.dispose()
    return folder / "labest.sqlite3", path


def _import(office, folder: Path, monkeypatch, *, helper: str) -> tuple[str, list[str]]:
    """Import the office's file into a copy of its database, every update worked out
    at apply (but the last chunk's, put aside at preview), in slices of 4; the digest of every
    row afterwards and what the import logged of its helper."""
    source, path = office
    folder.mkdir()
    with sqlite3.connect(source) as origin, sqlite3.connect(folder / "labest.sqlite3") as copy:
        origin.backup(copy)
    monkeypatch.setenv(import_helper.HELPER_VARIABLE, helper)
    monkeypatch.setattr(exchange_import, "WRITE_SLICE", 4)
    monkeypatch.setattr(import_plan, "MATCH_CHUNK", 2)
    real_match = exchange_import.match_rows
    monkeypatch.setattr(exchange_import, "match_rows",
                        lambda *args, **kwargs: real_match(*args, **{**kwargs, "behind": lambda: True}))
    logged: list[str] = []
    monkeypatch.setattr(exchange_import.logger, "info", lambda message, *args: logged.append(message % args))
    database, ws = _workspace(folder)
    try:
        preview = exchange_import.preview_import(ws, path)
        assert sum(plan.spooled for plan in preview.match.plans) <= 2  # the last chunk's at most
        assert sum(len(plan.conflicts) for plan in preview.match.plans) == ROWS // 4
        report = exchange_import.apply_import(ws, preview, on_conflict=exchange_import.THEIRS)
        assert report.applied and report.updated == ROWS, report.as_dict()
    finally:
        database.dispose()
    return digest(folder / "labest.sqlite3", ignore_times=True), [m for m in logged if m.startswith("import helper")]


def _worked_out(logged: list[str]) -> int:
    [line] = logged
    return int(line.split("worked out ")[1].split(" ")[0])


def _wait_ready(monkeypatch) -> None:
    """The helper ready before the first slice, so that it takes some."""
    real_begin = UpdateHelper.begin

    def begin(self, *args):
        real_begin(self, *args)
        assert self._ready.wait(30)

    monkeypatch.setattr(UpdateHelper, "begin", begin)


def test_the_same_import_writes_the_same_rows_with_or_without_the_helper(office, tmp_path, monkeypatch):
    alone, logged = _import(office, tmp_path / "alone", monkeypatch, helper="off")
    assert logged == []
    _wait_ready(monkeypatch)
    helped, logged = _import(office, tmp_path / "helped", monkeypatch, helper="on")
    assert _worked_out(logged) >= 3  # of 6 slices: the first is worked out here
    assert helped == alone


def test_a_late_helper_leaves_slices_to_the_import_from_the_back(office, tmp_path, monkeypatch):
    alone, _ = _import(office, tmp_path / "alone", monkeypatch, helper="off")
    _wait_ready(monkeypatch)
    monkeypatch.setattr(exchange_import, "HELPER_LATE", 0.0)
    real = UpdateHelper.answered
    monkeypatch.setattr(UpdateHelper, "answered", lambda self, index, wait=0.0: False if wait == 0.0 else real(self, index))
    helped, logged = _import(office, tmp_path / "helped", monkeypatch, helper="on")
    assert "here from the back" in logged[0] and not logged[0].endswith("(0 here from the back)")
    assert helped == alone


def test_a_helper_that_dies_half_way_leaves_the_rest_to_the_import(office, tmp_path, monkeypatch):
    alone, _ = _import(office, tmp_path / "alone", monkeypatch, helper="off")
    _wait_ready(monkeypatch)
    real_take = UpdateHelper.take

    def take(self, index):
        rows = real_take(self, index)
        if rows is not None:
            self.process.kill()  # after its first answer
            self.process.wait()
        return rows

    monkeypatch.setattr(UpdateHelper, "take", take)
    helped, logged = _import(office, tmp_path / "helped", monkeypatch, helper="on")
    assert _worked_out(logged) == 1
    assert helped == alone


def test_a_helper_that_cannot_start_leaves_the_import_alone(office, tmp_path, monkeypatch):
    alone, _ = _import(office, tmp_path / "alone", monkeypatch, helper="off")

    def refuse(*args, **kwargs):
        raise OSError("no process for you")

    monkeypatch.setattr(import_helper.subprocess, "Popen", refuse)
    helped, logged = _import(office, tmp_path / "helped", monkeypatch, helper="on")
    assert logged == []
    assert helped == alone


def test_the_helper_refuses_a_project_in_another_version(office, tmp_path):
    source, path = office
    folder = tmp_path / "copy"
    folder.mkdir()
    shutil.copy(source, folder / "labest.sqlite3")
    database, ws = _workspace(folder)
    try:
        preview = exchange_import.preview_import(ws, path)
        plan = next(p for p in preview.match.plans if p.kind == import_plan.UPDATE)
        plan.mine = None
        with ws.reading() as session:
            assert prepare_rows(session, [(plan, {})], {}, {})  # its version: worked out
            plan.version += 1
            with pytest.raises(StaleSliceError):
                prepare_rows(session, [(plan, {})], {}, {})
    finally:
        database.dispose()


def test_the_helper_ends_with_the_importing_process(office, tmp_path):
    """Killed while its helper waits for work (a kill during an import), the
    importing process leaves no helper behind: it sees its input close and ends."""
    source, _ = office
    script = textwrap.dedent(f"""
        import sys, time
        from sqlalchemy import create_engine
        from labest_desktop.services.import_helper import UpdateHelper
        with create_engine("sqlite:///{source.as_posix()}").connect() as connection:
            helper = UpdateHelper.start(connection)
            helper.begin({{}}, {{}})
            assert helper._ready.wait(30)
            print(helper.process.pid, flush=True)
            time.sleep(60)
    """)
    importer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                                cwd=Path(__file__).resolve().parents[3])
    try:
        helper_pid = int(importer.stdout.readline())
        os.kill(importer.pid, signal.SIGKILL)
        importer.wait()
        deadline = time.monotonic() + 20
        while _alive(helper_pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(helper_pid)
    finally:
        importer.kill()
        importer.wait()


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_a_helper_that_hangs_is_stopped_and_the_import_goes_on(office, tmp_path, monkeypatch):
    """A helper that stops answering (frozen here with SIGSTOP after it said it was
    ready) is waited for ``PATIENCE`` seconds, then stopped: the import works every
    slice out itself and writes the same rows."""
    alone, _ = _import(office, tmp_path / "alone", monkeypatch, helper="off")
    real_begin = UpdateHelper.begin
    frozen = []

    def begin(self, *args):
        real_begin(self, *args)
        assert self._ready.wait(30)
        os.kill(self.process.pid, signal.SIGSTOP)
        frozen.append(self.process)

    monkeypatch.setattr(UpdateHelper, "begin", begin)
    monkeypatch.setattr(import_helper, "PATIENCE", 0.5)
    helped, logged = _import(office, tmp_path / "helped", monkeypatch, helper="on")
    assert _worked_out(logged) == 0
    assert helped == alone
    assert frozen and frozen[0].poll() is not None  # stopped, not left behind
