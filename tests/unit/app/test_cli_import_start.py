"""``labest import FILE`` starts the guarded reader's process on the file before it
imports the services and opens the database, so that the two run side by side; a
read started for nothing (the database cannot be opened) is stopped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from labest_desktop.exchange.xlsx_writer import write_xlsx
from tests.unit.exchange.helpers import META, make_snapshot

ROOT = Path(__file__).resolve().parents[3]

# Runs the command in this interpreter, noting at each start of a reader's process
# whether SQLAlchemy was imported yet, and which reader processes are left at the end.
_PROBE = textwrap.dedent(
    """
    import json, sys
    import psutil
    from labest_desktop.exchange import guard

    starts = []
    start = guard._Child.start.__func__

    def noting(cls, *args, **kwargs):
        starts.append("sqlalchemy" in sys.modules)
        return start(cls, *args, **kwargs)

    guard._Child.start = classmethod(noting)
    from labest_desktop.cli import main

    status = main(sys.argv[1:])
    left = [p.pid for p in psutil.Process().children(recursive=True)]
    print(json.dumps({"status": status, "sqlalchemy_at_start": starts, "left": left}), file=sys.stderr)
    """
)


def _run(tmp_path: Path, *args: str) -> tuple[dict, str]:
    environment = dict(os.environ, PYTHONPATH=str(ROOT), LABEST_DATA_DIR=str(tmp_path))
    environment.pop("LABEST_LANG", None)
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, env=environment,
                          timeout=120)
    return json.loads(done.stderr.strip().splitlines()[-1]), done.stdout


def test_the_reader_starts_before_the_services_are_imported(tmp_path):
    """The reader's process is started while SQLAlchemy is not yet imported (it is
    imported, and the database opened, while that process opens the file), and the
    import is the same: every row created, nothing left running."""
    path = tmp_path / "export.xlsx"
    write_xlsx(path, [make_snapshot(i) for i in range(1, 13)], meta=META)
    probe, out = _run(tmp_path, "--db", str(tmp_path / "db.sqlite3"), "import", str(path), "--json")
    assert probe == {"status": 0, "sqlalchemy_at_start": [False], "left": []}
    report = json.loads(out)
    assert report["created"] == 12 and report["applied"] is True


def test_a_read_started_for_a_database_that_cannot_be_opened_is_stopped(tmp_path):
    """The database's own refusal is the one given (as before the read started
    early), and the reader's process does not outlive the command."""
    path = tmp_path / "export.xlsx"
    write_xlsx(path, [make_snapshot(i) for i in range(1, 13)], meta=META)
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database, " * 200)
    probe, out = _run(tmp_path, "--db", str(damaged), "import", str(path), "--json")
    assert probe["status"] != 0 and probe["sqlalchemy_at_start"] == [False] and probe["left"] == []
    assert "endommagée" in json.loads(out)["error"]


def test_undo_starts_no_reader(tmp_path):
    """``import --undo`` reads no file: no reader's process is started for it."""
    db = tmp_path / "db.sqlite3"
    probe, _ = _run(tmp_path, "--db", str(db), "import", "--undo", "last", "--json")
    assert probe["sqlalchemy_at_start"] == [] and probe["left"] == []
