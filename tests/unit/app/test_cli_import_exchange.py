"""Issue #11 through the real ``labest`` command, in a subprocess, on real files:
undo then import again brings the projects back (problem 1), the first import into
a new office keeps every event's links (problem 2), the undo undoes all of it and
every ``--json`` run prints exactly one JSON object (problem 7)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.unit.app.test_cli import labest


@pytest.fixture(scope="module")
def office_a(tmp_path_factory) -> tuple[Path, Path]:
    """Office AAA with a demo portfolio, and its export (made once)."""
    folder = tmp_path_factory.mktemp("office-a")
    db = folder / "a.sqlite3"
    assert labest("--db", str(db), "config", "office.code", "AAA", data_dir=folder).returncode == 0
    assert labest("--db", str(db), "demo", "--projects", "30", "--seed", "3", data_dir=folder).returncode == 0
    path = folder / "a.xlsx"
    assert labest("--db", str(db), "export", str(path), data_dir=folder).returncode == 0
    return db, path


def run_json(*args: str, data_dir: Path) -> tuple[int, dict]:
    done = labest(*args, "--json", data_dir=data_dir)
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1, done.stdout  # exactly one JSON object
    return done.returncode, json.loads(lines[0])


def listed(db: Path, data_dir: Path) -> list[dict]:
    return json.loads(labest("--db", str(db), "list", "--json", data_dir=data_dir).stdout)


def test_undo_then_import_again_brings_the_projects_back(office_a, tmp_path):
    """Problem 1: after ``import --undo last``, importing the same file again reports
    the projects as brought back (never « unchanged ») and lists them again."""
    _, path = office_a
    db = tmp_path / "b.sqlite3"
    status, first = run_json("--db", str(db), "import", str(path), data_dir=tmp_path)
    assert (status, first["created"], first["applied"]) == (0, 30, True)
    status, undone = run_json("--db", str(db), "import", "--undo", "last", data_dir=tmp_path)
    assert status == 0 and undone["removed"] == 30 and undone["applied"] is True
    assert undone["events_removed"] == first["events_created"] > 0
    assert undone["organisations_removed"] > 0
    assert listed(db, tmp_path) == []
    status, again = run_json("--db", str(db), "import", str(path), data_dir=tmp_path)
    assert status == 0 and again["unchanged"] == 0 and len(again["restored"]) == 30
    assert again["events_created"] == first["events_created"]
    assert len(listed(db, tmp_path)) == 30
    text = labest("--db", str(db), "import", "--undo", "last", data_dir=tmp_path)
    assert text.returncode == 0 and "annulé" in text.stdout


def test_first_import_into_a_new_office_keeps_every_event_link(office_a, tmp_path):
    """Problem 2: office B's own export after the first import lists the same linked
    projects on every event (by B's references), and importing A's file again is
    quiet: no conflict, exit 0."""
    _, path = office_a
    db = tmp_path / "b.sqlite3"
    labest("--db", str(db), "config", "office.code", "BBB", data_dir=tmp_path)
    assert run_json("--db", str(db), "import", str(path), data_dir=tmp_path)[0] == 0
    mine = tmp_path / "b.xlsx"
    assert labest("--db", str(db), "export", str(mine), data_dir=tmp_path).returncode == 0

    def links(workbook: Path) -> dict[str, str]:
        sheet = openpyxl.load_workbook(workbook)["Événements"]
        headers = [c.value for c in sheet[1]]
        return {r[0]: r[headers.index("Projets")] for r in sheet.iter_rows(min_row=2, values_only=True)}

    theirs, ours = links(path), links(mine)
    assert ours == theirs and all(ours.values())
    status, again = run_json("--db", str(db), "import", str(path), data_dir=tmp_path)
    assert status == 0 and again["conflicts"] == [] and again["unchanged"] == 30


def test_json_on_an_unreadable_file_is_one_object_with_exit_2(tmp_path):
    """``import FILE --json`` of a file that is not a workbook: one JSON object on
    standard output (``error`` in French, ``applied: false``), exit 2, the sentence
    on standard error too; nothing created."""
    bad = tmp_path / "pas-un-classeur.xlsx"
    bad.write_bytes(b"ceci n'est pas un classeur")
    db = tmp_path / "c.sqlite3"
    status, report = run_json("--db", str(db), "import", str(bad), data_dir=tmp_path)
    assert status == 2
    assert report == {"error": report["error"], "applied": False}
    assert "pas un classeur" in report["error"]
    status, report = run_json("--db", str(db), "import", "--undo", "last", data_dir=tmp_path)
    assert status == 1 and report["applied"] is False and "Import" in report["error"]


def test_json_undo_in_english(office_a, tmp_path):
    """The undo's JSON keys are the same whatever the language; its refusal speaks
    English with --lang en."""
    db = tmp_path / "d.sqlite3"
    done = labest("--lang", "en", "--db", str(db), "import", "--undo", "7", "--json", data_dir=tmp_path)
    report = json.loads(done.stdout)
    assert done.returncode == 1 and report["applied"] is False and "7" in report["error"]
