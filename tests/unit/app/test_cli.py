"""The ``labest`` command, run as a real subprocess like an agent or a script would:
every command works, and every error is one line on standard error with a non-zero
exit status and never a traceback."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from labest_desktop import __version__
from labest_desktop.domain.fields import SNAPSHOT_KEYS
from labest_desktop.domain.fingerprints import fingerprint
from labest_desktop.domain.text import fold
from labest_desktop.storage import backup as backups

ROOT = Path(__file__).resolve().parents[3]
EXCHANGE_KEYS = {*SNAPSHOT_KEYS, "updated_at", "fingerprint"}
COMMANDS = ("demo", "list", "config", "check", "backup", "restore")


def labest(*args: str, data_dir: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m labest_desktop ARGS`` with its own data folder."""
    environment = dict(os.environ)
    environment["PYTHONPATH"] = str(ROOT)
    environment.pop("LABEST_LANG", None)
    if data_dir is not None:
        environment["LABEST_DATA_DIR"] = str(data_dir)
    environment.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "labest_desktop", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        cwd=ROOT,
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done


def assert_one_line_error(done: subprocess.CompletedProcess, *words: str) -> str:
    """A refused command: non-zero exit, exactly one line on stderr, saying ``words``."""
    assert done.returncode != 0, done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory) -> Path:
    """A data folder whose default database holds the default demo (made once)."""
    folder = tmp_path_factory.mktemp("demo-data")
    done = labest("demo", data_dir=folder)
    assert done.returncode == 0, done.stderr
    assert "60 projets" in done.stdout
    return folder


def listed(demo_data: Path, *args: str) -> list[dict]:
    done = labest("list", "--json", *args, data_dir=demo_data)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_version():
    done = labest("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"Lab'EST Desktop {__version__}"


def test_help_lists_every_command():
    """``--help`` names every command and the database options."""
    done = labest("--help")
    assert done.returncode == 0
    for command in COMMANDS:
        assert command in done.stdout
    for option in ("--db", "--database-url", "--lang", "--version"):
        assert option in done.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_each_command(command):
    done = labest(command, "--help")
    assert done.returncode == 0
    assert f"labest {command}" in done.stdout


def test_demo_then_list_json_shows_the_sample(demo_data):
    """After ``demo``, ``list --json`` prints valid JSON: 60 projects, each with exactly
    the keys of the exchange format, in exchange spellings, with a matching fingerprint."""
    items = listed(demo_data)
    assert len(items) == 60
    for item in items:
        assert set(item) == EXCHANGE_KEYS
        assert item["stage"] in ("ideation", "prototype", "deployment")
        assert isinstance(item["partners"], list) and isinstance(item["tags"], list)
        assert item["budget"] is None or (isinstance(item["budget"], str) and item["budget"].count(".") == 1)
        assert item["fingerprint"] == fingerprint(item)
    references = [i["reference"] for i in items]
    assert references == sorted(references)
    assert len(set(i["uid"] for i in items)) == 60


def test_list_filters(demo_data):
    """``--stage``, ``--status``, ``--department`` and ``--search`` narrow the list;
    French labels are accepted for stages and statuses."""
    everything = listed(demo_data)
    prototypes = listed(demo_data, "--stage", "prototype")
    assert prototypes and {i["stage"] for i in prototypes} == {"prototype"}
    assert listed(demo_data, "--stage", "Déploiement") == [i for i in everything if i["stage"] == "deployment"]
    two = listed(demo_data, "--stage", "ideation", "--stage", "deployment")
    assert len(two) + len(prototypes) == len(everything)
    paused = listed(demo_data, "--status", "En pause")
    assert paused and {i["status"] for i in paused} == {"paused"}
    in_67 = listed(demo_data, "--department", "67")
    assert in_67 == [i for i in everything if i["department"] == "67"]
    found = listed(demo_data, "--search", "prefecture")
    searched = [
        i for i in everything
        if "prefecture" in fold(" ".join([i["title"], i["lead"] or "", *i["partners"], i["description"] or ""]))
    ]
    assert found and found == searched
    assert listed(demo_data, "--search", "introuvable-xyz") == []


def test_plain_list_prints_one_line_per_project(demo_data):
    done = labest("list", "--stage", "prototype", data_dir=demo_data)
    assert done.returncode == 0
    lines = done.stdout.strip().splitlines()
    assert lines and all(line.split("\t")[1] == "Prototype" for line in lines)


def test_config_shows_gets_and_sets_the_office_identity(tmp_path):
    data = tmp_path / "data"
    shown = labest("config", data_dir=data)
    assert shown.returncode == 0
    assert "office.code = LAB" in shown.stdout
    assert "office.name = " in shown.stdout
    done = labest("config", "office.code", "pref67", data_dir=data)
    assert done.returncode == 0 and done.stdout.strip() == "office.code = PREF67"
    assert labest("config", "office.code", data_dir=data).stdout.strip() == "PREF67"
    labest("config", "office.name", "Préfecture du Bas-Rhin", data_dir=data)
    assert labest("config", "office.name", data_dir=data).stdout.strip() == "Préfecture du Bas-Rhin"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("config", "office.code", "pas un code"), ("PAS UN CODE", "PREF67")),
        (("config", "office.code", "x"), ("X",)),
        (("config", "office.name", "   "), ("obligatoire",)),
        (("config", "office.couleur"), ("office.couleur", "office.code")),
    ],
)
def test_config_refuses_bad_values(demo_data, args, words):
    """A bad office code, an empty name or an unknown setting is one line, and the
    stored identity does not change."""
    assert_one_line_error(labest(*args, data_dir=demo_data), *words)
    assert labest("config", "office.code", data_dir=demo_data).stdout.strip() == "LAB"


def test_check_passes_on_a_sound_database(demo_data):
    done = labest("check", data_dir=demo_data)
    assert done.returncode == 0, done.stderr
    assert "Intégrité : correcte" in done.stdout
    assert done.stderr == ""


def test_check_fails_on_a_damaged_file_naming_the_problem(tmp_path):
    """``check`` on a damaged file exits 1 and says what is wrong; the file is kept."""
    data = tmp_path / "data"
    data.mkdir()
    database = data / "labest.sqlite3"
    database.write_bytes(b"garbage" * 200)
    done = labest("check", data_dir=data)
    assert done.returncode == 1
    assert "endommagée" in done.stderr and "ce n'est pas une base SQLite" in done.stderr
    assert database.read_bytes() == b"garbage" * 200


def test_any_command_on_a_damaged_file_is_one_line(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "labest.sqlite3").write_bytes(b"garbage" * 200)
    assert_one_line_error(labest("list", data_dir=data), "endommagée")


def test_backup_to_the_default_folder_and_to_dest(demo_data, tmp_path):
    """``backup`` writes to the data folder's backups; ``backup DEST`` to DEST."""
    done = labest("backup", data_dir=demo_data)
    assert done.returncode == 0, done.stderr
    made = backups.list_backups(demo_data / "backups")
    assert made and str(made[0]) in done.stdout
    dest = tmp_path / "cle-usb.sqlite3"
    done = labest("backup", str(dest), data_dir=demo_data)
    assert done.returncode == 0, done.stderr
    assert backups.integrity_problem(dest) is None


def test_restore_a_backup(tmp_path):
    """``restore FILE`` puts the backup in place and keeps the previous database."""
    data = tmp_path / "data"
    assert labest("config", "office.code", "AVANT", data_dir=data).returncode == 0
    saved = tmp_path / "avant.sqlite3"
    assert labest("backup", str(saved), data_dir=data).returncode == 0
    assert labest("config", "office.code", "APRES", data_dir=data).returncode == 0
    done = labest("restore", str(saved), data_dir=data)
    assert done.returncode == 0, done.stderr
    assert "before-restore" in done.stdout
    assert labest("config", "office.code", data_dir=data).stdout.strip() == "AVANT"


def test_restore_of_a_garbage_file_is_refused(tmp_path):
    data = tmp_path / "data"
    assert labest("config", data_dir=data).returncode == 0
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"nope" * 100)
    before = (data / "labest.sqlite3").read_bytes()
    assert_one_line_error(labest("restore", str(bad), data_dir=data), "Rien n'a été restauré")
    assert (data / "labest.sqlite3").read_bytes() == before


def test_db_option_selects_another_file(tmp_path):
    other = tmp_path / "autre.sqlite3"
    done = labest("--db", str(other), "config", "office.code", "AUTRE", data_dir=tmp_path / "data")
    assert done.returncode == 0
    with sqlite3.connect(other) as connection:
        assert connection.execute("SELECT value FROM setting WHERE key = 'office.code'").fetchone() == ("AUTRE",)
    connection.close()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("frobnicate",), ("frobnicate",)),
        (("demo", "--projects", "beaucoup"), ("beaucoup",)),
        (("demo", "--projects", "0"), ("0",)),
        (("demo", "--projects", "100001"), ("100001", "100000")),
        (("demo", "--projects", "-5"), ("-5",)),
        (("list", "--stage", "incubation"), ("incubation", "Idéation")),
        (("list", "--status", "archivé"), ("archivé",)),
        (("list", "--department", "75"), ("75", "Grand Est")),
        (("list", "--nope"), ("--nope",)),
        (("restore",), ("file",)),
        (("restore", "/nonexistent/backup.sqlite3"), ("fichier introuvable",)),
        (("--db", "//server/share/labest.sqlite3", "list"), ("partage réseau", "--database-url")),
        (("--database-url", "mysql://x@y/z", "list"), ("mysql://x@y/z",)),
        (("--db", "a.sqlite3", "--database-url", "postgresql://x/y", "list"), ("--db",)),
        (("--lang", "de", "list"), ("de",)),
    ],
)
def test_bad_arguments_are_one_line_errors(tmp_path, args, words):
    """Wrong commands, options and values: non-zero exit, one line on stderr naming the
    problem, no traceback, and no database written by a refused demo."""
    assert_one_line_error(labest(*args, data_dir=tmp_path / "data"), *words)


@pytest.mark.parametrize("count", ["0", "100001"])
def test_a_refused_demo_creates_no_database(tmp_path, count):
    """``demo --projects 0`` (nothing to show) and more than 100,000 are refused before
    the database is created."""
    data = tmp_path / "data"
    assert_one_line_error(labest("demo", "--projects", count, data_dir=data), "entre 1 et 100000")
    assert not (data / "labest.sqlite3").exists()


def test_errors_speak_english_with_lang_en(tmp_path):
    done = labest("--lang", "en", "list", "--department", "75", data_dir=tmp_path / "data")
    assert_one_line_error(done, "is not in Grand Est")
    done = labest("--lang", "en", "config", "office.code", "x y", data_dir=tmp_path / "data")
    assert_one_line_error(done, "Invalid office code")


@pytest.mark.postgres
def test_commands_on_a_server_database(postgres_server, tmp_path):
    """``--database-url`` works for demo, list and check; backup explains it is the
    server's job."""
    url = postgres_server.create_database("cli")
    data = tmp_path / "data"
    assert labest("--database-url", url, "demo", "--projects", "5", data_dir=data).returncode == 0
    done = labest("--database-url", url, "list", "--json", data_dir=data)
    assert len(json.loads(done.stdout)) == 5
    assert labest("--database-url", url, "check", data_dir=data).returncode == 0
    assert_one_line_error(labest("--database-url", url, "backup", data_dir=data), "pg_dump")
    assert not (data / "labest.sqlite3").exists()
