"""The exchange commands of the contract, run as a coordinator runs them: `labest
import/export/opendata` in a subprocess, with the JSON report and exit statuses."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

REPORT_KEYS = {"created", "updated", "unchanged", "absent", "conflicts", "errors", "renumbered", "duplicates",
               "ignored_columns", "applied"}


@pytest.fixture
def labest(tmp_path):
    db = tmp_path / "labest.sqlite3"
    env = dict(os.environ, LABEST_DATA_DIR=str(tmp_path / "data"), LABEST_USER="cli-agent")

    def run(*args: str) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "-m", "labest_desktop", "--db", str(db), *args],
            capture_output=True, text=True, env=env, timeout=120,
        )
        assert "Traceback" not in result.stderr + result.stdout
        return result

    return run


def test_export_import_json_report_has_the_contract_keys(labest, tmp_path):
    """`import --json` prints one JSON object with the contract's keys; re-importing
    our own export applies nothing and exits 0."""
    assert labest("demo", "--projects", "12").returncode == 0
    out = tmp_path / "portfolio.xlsx"
    assert labest("export", str(out)).returncode == 0
    result = labest("import", str(out), "--json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert REPORT_KEYS <= set(report)
    assert (report["created"], report["updated"], report["unchanged"]) == (0, 0, 12)


def test_conflict_exit_1_then_settled_with_theirs(labest, tmp_path):
    """A conflict makes `import` exit 1 writing nothing; --on-conflict theirs applies."""
    labest("demo", "--projects", "3")
    out = tmp_path / "p.xlsx"
    labest("export", str(out))
    book = openpyxl.load_workbook(out)
    book["Projets"]["B2"] = "Titre du fichier"
    book["Projets"]["A2"].value  # noqa: B018 - the row's reference, for the edit below
    reference = book["Projets"]["A2"].value
    book.save(out)
    # The same field changed here, differently: one JSON line from `list` tells us the title.
    projects = json.loads(labest("list", "--json").stdout)
    assert any(p["reference"] == reference for p in projects)
    from labest_desktop.services import projects as project_service
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import sqlite_location

    ws = Workspace(open_database(sqlite_location(tmp_path / "labest.sqlite3"), backups_folder=tmp_path / "b"), "me")
    view = project_service.find_by_reference(ws, reference)
    project_service.update_project(ws, view.id, view.fields.with_changes(title="Titre d'ici"), view.version)
    ws.database.dispose()
    result = labest("import", str(out), "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["applied"] is False and report["conflicts"][0]["field"] == "title"
    result = labest("import", str(out), "--on-conflict", "theirs", "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["updated"] == 1
    titles = {p["reference"]: p["title"] for p in json.loads(labest("list", "--json").stdout)}
    assert titles[reference] == "Titre du fichier"


def test_dry_run_writes_nothing(labest, tmp_path):
    """--dry-run reports what would change and writes nothing."""
    labest("demo", "--projects", "3")
    out = tmp_path / "p.xlsx"
    labest("export", str(out))
    book = openpyxl.load_workbook(out)
    book["Projets"]["B3"] = "Changé"
    book.save(out)
    before = labest("list", "--json").stdout
    result = labest("import", str(out), "--dry-run", "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["updated"] == 1
    assert labest("list", "--json").stdout == before


def test_invalid_rows_exit_1_or_skipped(labest, tmp_path):
    """A bad cell makes import exit 1 with the cell named; --skip-invalid applies the rest."""
    labest("demo", "--projects", "3")
    out = tmp_path / "p.xlsx"
    labest("export", str(out))
    book = openpyxl.load_workbook(out)
    book["Projets"]["C2"] = "Phase 4"
    book["Projets"]["B3"] = "Titre valide"
    book.save(out)
    result = labest("import", str(out), "--json")
    assert result.returncode == 1
    error = json.loads(result.stdout)["errors"][0]
    assert (error["row"], error["column"], error["cell"], error["value"]) == (2, "Étape", "C2", "Phase 4")
    result = labest("import", str(out), "--skip-invalid", "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["updated"] == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty.xlsx", b""), ("text.xlsx", b"hello, not a workbook"), ("notes.csv", b"\x00\x01\x02")],
)
def test_unreadable_files_exit_2_with_one_line(labest, tmp_path, name, content):
    """A file that cannot be read at all: exit 2, one line naming the file, nothing written."""
    labest("demo", "--projects", "2")
    before = labest("list", "--json").stdout
    path = tmp_path / name
    path.write_bytes(content)
    result = labest("import", str(path))
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and name in lines[0]
    assert labest("list", "--json").stdout == before


def test_undo_last_import(labest, tmp_path):
    """`import --undo last` brings back what the last import changed."""
    labest("demo", "--projects", "3")
    out = tmp_path / "p.xlsx"
    labest("export", str(out))
    before = {p["reference"]: p["title"] for p in json.loads(labest("list", "--json").stdout)}
    book = openpyxl.load_workbook(out)
    book["Projets"]["B2"] = "Titre importé"
    book.save(out)
    assert labest("import", str(out)).returncode == 0
    result = labest("import", "--undo", "last")
    assert result.returncode == 0, result.stderr
    after = {p["reference"]: p["title"] for p in json.loads(labest("list", "--json").stdout)}
    assert after == before
    again = labest("import", "--undo", "last")
    assert again.returncode == 1 and len(again.stderr.strip().splitlines()) == 1


def test_opendata_csv_has_no_contact_and_names_the_office(labest, tmp_path):
    """The open-data CSV: comma separated, ISO dates, no contact names, office on every row."""
    labest("demo", "--projects", "5")
    labest("config", "office.name", "Préfecture de la Moselle")
    out = tmp_path / "open.csv"
    assert labest("opendata", str(out)).returncode == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 5
    assert all(r["office"] == "Préfecture de la Moselle" for r in rows)
    assert not any("contact" in key for key in rows[0])
    contacts = {p["contact"] for p in json.loads(labest("list", "--json").stdout)}
    assert not any(c and c in out.read_text(encoding="utf-8") for c in contacts)


def test_export_filtered_by_stage(labest, tmp_path):
    """`export --stage` writes only the projects at that stage."""
    labest("demo", "--projects", "20")
    out = tmp_path / "proto.xlsx"
    assert labest("export", str(out), "--stage", "prototype").returncode == 0
    sheet = openpyxl.load_workbook(out)["Projets"]
    stages = {row[2].value for row in sheet.iter_rows(min_row=2)}
    assert stages == {"Prototype"}


def test_export_to_unknown_format_is_refused(labest, tmp_path):
    """An export file name with another extension is refused with the allowed ones."""
    labest("demo", "--projects", "2")
    result = labest("export", str(tmp_path / "x.pdf"))
    assert result.returncode == 1 and ".xlsx" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_demo_then_export_ods(labest, tmp_path):
    """An .ods export is written for LibreOffice offices."""
    labest("demo", "--projects", "4")
    out = tmp_path / "p.ods"
    assert labest("export", str(out)).returncode == 0
    assert Path(out).read_bytes()[:2] == b"PK"
