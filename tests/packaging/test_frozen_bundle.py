"""The packaged executable IT installs (dist/labest/, built from build.spec) starts,
passes its self-test, opens databases left by earlier releases, reads labest.ini
beside itself, and holds only what the application uses."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from labest_desktop import __version__
from labest_desktop.storage.migrations import HEAD
from tests.packaging.bundle import DIST, WORK, disk_usage

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="CI builds the Linux bundle"),
]

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SIZE_LIMIT_MB = 150


def run(executable: Path, *args: str, data: Path, timeout: float = 120, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LABEST_")}
    environment.update({"QT_QPA_PLATFORM": "offscreen", "LABEST_DATA_DIR": str(data), "LABEST_LANG": "en", **env})
    return subprocess.run(
        [str(executable), *args], capture_output=True, text=True, timeout=timeout, env=environment, cwd=data.parent
    )


def test_frozen_version(bundle, tmp_path):
    result = run(bundle, "--version", data=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Lab'EST Desktop {__version__}"


def test_frozen_selftest_passes(bundle, tmp_path):
    """Every self-test step passes in the bundle, off-screen, in one line."""
    result = run(bundle, "--lang", "en", "--selftest", data=tmp_path / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and "self-test passed" in lines[0], result.stdout
    assert "window" in lines[0] and "workbook" in lines[0]
    assert "Traceback" not in result.stderr


def test_frozen_selftest_in_french_finds_qts_own_french(bundle, tmp_path):
    """In French the self-test also checks Qt's file dialog and buttons (qtbase_fr and
    qt_extra_fr from the bundle): « Voir dans : », not « Look in: »."""
    result = run(bundle, "--lang", "fr", "--selftest", data=tmp_path / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "réussi" in result.stdout and "window" in result.stdout


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.sqlite3")), ids=lambda p: p.stem)
def test_frozen_app_upgrades_old_databases(bundle, tmp_path, fixture):
    """A database from an earlier release is backed up, upgraded and checked by the
    frozen app (its migration scripts are in the bundle), every project listed."""
    database = tmp_path / "office.sqlite3"
    shutil.copyfile(fixture, database)
    data = tmp_path / "data"
    listed = run(bundle, "--db", str(database), "list", data=data)
    assert listed.returncode == 0, listed.stderr
    assert {line.split("\t")[0] for line in listed.stdout.splitlines()} >= {
        "PREF57-2025-0001", "PREF57-2025-0002", "PREF57-2025-0003", "LAB-2024-0001"
    }
    found = run(bundle, "--db", str(database), "list", "--search", "hotel region", data=data)
    assert found.stdout.split("\t")[0] == "PREF57-2025-0003", found.stdout + found.stderr
    checked = run(bundle, "--db", str(database), "check", data=data)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f"Schema: {HEAD} (current)" in checked.stdout
    backups = list((data / "backups").glob("labest-*before-upgrade-*.sqlite3"))
    assert len(backups) == 1


def test_labest_ini_beside_the_executable_chooses_the_database(bundle, tmp_path):
    """IT's labest.ini ([database] path=) next to an installed copy is obeyed, and the
    environment variable still wins over it."""
    installed = tmp_path / "Program Files" / "labest"
    try:
        shutil.copytree(DIST, installed, symlinks=True, copy_function=os.link)
    except OSError:
        shutil.copytree(DIST, installed, symlinks=True)
    chosen = tmp_path / "shared data" / "lab.sqlite3"
    (installed / "labest.ini").write_text(f"[database]\npath = {chosen}\n", encoding="utf-8")
    executable = installed / bundle.name
    result = run(executable, "check", data=tmp_path / "data")
    assert result.returncode != 0 and str(chosen) in result.stdout + result.stderr  # not created yet
    made = run(executable, "demo", "--projects", "3", data=tmp_path / "data")
    assert made.returncode == 0, made.stderr
    assert chosen.is_file()
    other = tmp_path / "env.sqlite3"
    run(executable, "demo", "--projects", "1", data=tmp_path / "data", LABEST_DB=str(other))
    assert other.is_file()


def test_bundle_holds_only_what_is_used(bundle):
    """Under the size target; no WebEngine, QML/Quick, 3D or Multimedia; Qt's
    translations in French and English only; migrations and defusedxml included."""
    size_mb = disk_usage(DIST) / 1e6
    assert size_mb <= SIZE_LIMIT_MB, f"bundle is {size_mb:.0f} MB"
    names = [p.relative_to(DIST).as_posix() for p in DIST.rglob("*")]
    unwanted = re.compile(r"Qt6?(WebEngine|Qml|Quick|3D|Multimedia)|QtWebEngine|/qml/")
    assert [n for n in names if unwanted.search(n)] == []
    qt_translations = [n.rsplit("/", 1)[-1] for n in names if "/Qt/translations/" in n]
    assert qt_translations and all(re.search(r"_(fr|en)\.qm$", n) for n in qt_translations), qt_translations
    assert any(n.endswith(f"storage/migrations/versions/{HEAD}_search.py") or
               re.search(rf"storage/migrations/versions/{HEAD}_\w+\.py$", n) for n in names)
    assert any(n.endswith("resources/icons/labest.png") for n in names)
    # Qt's own French (file dialogs) and what it lacks, loaded after it (issue 14).
    assert "qtbase_fr.qm" in qt_translations
    assert any(n.endswith("resources/translations/qt_extra_fr.qm") for n in names)
    toc = (WORK / "build" / "PYZ-00.toc").read_text(encoding="utf-8")
    assert "'defusedxml.ElementTree'" in toc and "'psycopg_binary" in toc


def test_frozen_reader_child_reads_and_holds_its_limits(bundle, tmp_path):
    """The path Windows takes, forced here: the frozen executable reads workbooks in
    a copy of itself started with ``--read-child`` (psutil, which watches it, is in
    the bundle). An ordinary CSV is imported; the 1.3 KB workbook that makes calamine
    build a 1.6 GB table, under a 300 MB limit, is one line, exit 2."""
    from tests.faults import hostile

    data, database = tmp_path / "data", tmp_path / "office.sqlite3"
    spawn = {"LABEST_READER_PROCESS": "spawn", "LABEST_DB": str(database)}
    csv = tmp_path / "court.csv"
    csv.write_text("Référence;Titre;Étape;Statut\n;Projet lu ailleurs;Idéation;Actif\n", encoding="utf-8")
    imported = run(bundle, "import", str(csv), data=data, **spawn)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    listed = run(bundle, "list", data=data, **spawn)
    assert "Projet lu ailleurs" in listed.stdout
    sparse = hostile.sparse_within_limits(tmp_path / "sparse.xlsx")
    refused = run(bundle, "import", str(sparse), data=data, LABEST_READER_MEMORY_MB="300", **spawn)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "sparse.xlsx" in lines[0] and "memory allowed (300 MB)" in lines[0], refused.stderr


def test_frozen_import_helper_works_out_updates(bundle, tmp_path, monkeypatch):
    """A large import works out its updates in a copy of the frozen executable
    started with ``--import-helper`` (services.import_helper): its modules are in the
    bundle, and it gives back what the import would work out itself."""
    from labest_desktop.services import exchange_import, import_helper
    from labest_desktop.services.import_helper import UpdateHelper, prepare_rows
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import sqlite_location
    from tests.unit.services.test_exchange_merge import edit_cell, export, make_portfolio

    database = open_database(sqlite_location(tmp_path / "office.sqlite3"), backups_folder=tmp_path / "backups")
    try:
        ws = Workspace(database, "test-agent")
        views = make_portfolio(ws, 3)
        path = export(ws, tmp_path / "out.xlsx")
        for view in views:
            edit_cell(path, view.reference, "Titre", f"Titre {view.reference} revu ailleurs")
        preview = exchange_import.preview_import(ws, path)
        updates = [(plan, {}) for plan in preview.match.plans]
        for plan, _ in updates:
            plan.mine = None  # read again, there
        with ws.reading() as session:
            expected = prepare_rows(session, updates, {}, {})
        monkeypatch.setattr(sys, "frozen", True, raising=False)
        monkeypatch.setattr(sys, "executable", str(bundle))
        with ws.reading() as session:
            helper = UpdateHelper.start(session.connection())
        assert helper is not None and helper.process.args == [str(bundle), import_helper.HELPER_ARGUMENT]
        try:
            helper.begin({}, {})
            assert helper._ready.wait(60), "the frozen helper never said it was ready"
            helper.submit(0, updates)
            assert helper.take(0) == expected
        finally:
            helper.close()
        assert helper.process.returncode == 0
    finally:
        database.dispose()
