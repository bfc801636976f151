"""Killed mid-write: ``labest import`` of a whole edited portfolio, ``labest restore``
and a schema upgrade, each killed with SIGKILL at random moments spread over the
command's run. After every kill ``labest check`` passes, the database is exactly the
state before or the state after (never in between), and every backup under its final
name is complete. CI size here; ``LABEST_FULL_CAMPAIGN=1`` (or tests/faults/campaign.py
with --trials 30) runs the full one."""

from __future__ import annotations

import os
import shutil

import pytest

from labest_desktop.storage import schema
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location
from labest_desktop.storage.schema import NewerSchemaError
from tests.faults import campaign
from tests.faults.conftest import FULL

TRIALS = campaign.FULL_TRIALS if FULL else campaign.CI_TRIALS
SEED = int(os.environ.get("LABEST_FAULT_SEED", "2026"))
FIXTURE_0001 = campaign.ROOT / "tests" / "fixtures" / "schema-0001.sqlite3"


def assert_nothing_lost(result: campaign.KillCampaign) -> None:
    assert result.failures == []
    assert len(result.trials) == TRIALS
    assert all(t.check == 0 for t in result.trials)
    assert {t.state for t in result.trials} <= {"before", "after"}
    assert sum(t.killed for t in result.trials) >= TRIALS // 2  # most kills land mid-run


def test_an_import_killed_at_any_moment_is_all_or_nothing(corpus, tmp_path):
    """``labest import --on-conflict theirs`` of a workbook whose every title was edited
    elsewhere, killed at random moments: each time the database holds either none of
    the import or all of it (every table compared, time stamps aside), passes
    ``labest check`` and its search index check, and the backup made before the import
    is either complete or absent under its final name."""
    assert_nothing_lost(campaign.import_campaign(corpus, tmp_path, TRIALS, SEED))


def test_a_restore_killed_at_any_moment_leaves_one_whole_database(corpus, tmp_path):
    """``labest restore`` killed at random moments (while backing up the current
    database, copying the backup, replacing the file): the database is byte for byte
    the old one or the restored one, and checks out."""
    assert_nothing_lost(campaign.restore_campaign(corpus, tmp_path, TRIALS, SEED))


def test_an_upgrade_killed_at_any_moment_leaves_the_old_or_the_new_schema(corpus, tmp_path):
    """Opening a large database at schema 0001 upgrades it (after a backup); killed at
    random moments, the database is exactly the 0001 one (upgraded again at the next
    opening) or exactly the upgraded one, and checks out."""
    assert_nothing_lost(campaign.migration_campaign(corpus, tmp_path, TRIALS, SEED))


def test_the_committed_schema_0001_fixture_upgrades_in_one_transaction(tmp_path, monkeypatch):
    """The upgrade and the recording of the application's version that wrote the
    schema are one transaction: if the second fails (here, made to), the committed
    0001 database is left exactly as it was, at its old revision and old writer."""
    db = tmp_path / "labest.sqlite3"
    shutil.copyfile(FIXTURE_0001, db)
    before = campaign.digest(db)

    def fail(_connection):
        raise NewerSchemaError(db_revision="?", app_revision="?", app_version="?", written_by="?")

    monkeypatch.setattr(schema, "_record_app_version", fail)
    with pytest.raises(NewerSchemaError):
        open_database(sqlite_location(db), backups_folder=tmp_path / "backups")
    assert campaign.digest(db) == before


@pytest.mark.skipif(not FULL, reason="full campaign: set LABEST_FULL_CAMPAIGN=1")
def test_the_full_campaign(tmp_path):
    """The whole campaign at full size (20,000-row import, 30 kills per command,
    thousands of fuzzed files): nothing lost, no crash."""
    assert campaign.main(["--projects", str(campaign.FULL_PROJECTS), "--trials", str(campaign.FULL_TRIALS),
                          "--cases", str(campaign.FULL_CASES), "--workdir", str(tmp_path)]) == 0


def test_backups_cut_short_by_a_crash_are_cleared_after_a_day(sqlite_workspace, tmp_path):
    """A kill during a backup leaves its ``.partial`` file (never a final name); the
    next automatic backup's pruning removes such leftovers once a day old, and leaves
    a younger one alone (another program may be writing it)."""
    from labest_desktop.storage.backup import backup_name

    folder = sqlite_workspace.database.backups_folder
    folder.mkdir(parents=True, exist_ok=True)
    old = folder / (backup_name("before-import") + ".partial")
    young = folder / (backup_name("manual") + ".partial")
    for path in (old, young):
        path.write_bytes(b"SQLite format 3\x00" + b"\0" * 5000)
    day_ago = old.stat().st_mtime - 25 * 3600
    os.utime(old, (day_ago, day_ago))
    sqlite_workspace.database.backup(reason="before-import")
    assert not old.exists()
    assert young.exists()
