"""No room, no rights: a database folder mounted read-only, a disk that fills during an
import or a backup. Each time: one clear sentence, exit status 1, the database's
content unchanged, and no half-written file under a final name.

The file systems are real: small tmpfs mounts made by the test (root, as in CI, where
``chmod`` would not stop root). Without the right to mount, the tests are skipped
saying so."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from tests.faults.campaign import backup_problems, checkpoint_copy, cli, digest, must

DISK_FULL = "Le disque de la base"
READ_ONLY = "ne peut pas être modifiée"
BACKUP_FAILED = "La sauvegarde vers"


class Mount:
    def __init__(self, where: Path, size_kb: int) -> None:
        self.where = where
        where.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", f"labest-{uuid.uuid4().hex[:8]}",
                               str(where)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN): {done.stderr.strip()}")

    def read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.where)], check=True)

    def fill(self, leave_kb: int = 0) -> None:
        """Take every free byte but ``leave_kb`` (another program filling the disk)."""
        filler = self.where / "filler"
        with filler.open("wb", buffering=0) as handle:
            try:
                while True:
                    handle.write(b"\0" * 4096)
            except OSError:
                pass
        if leave_kb:
            with filler.open("rb+") as handle:
                handle.truncate(max(filler.stat().st_size - leave_kb * 1024, 0))

    def free_kb(self) -> int:
        return shutil.disk_usage(self.where).free // 1024

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.where)], capture_output=True)


@pytest.fixture
def mount(tmp_path):
    made: list[Mount] = []

    def make(name: str, size_kb: int) -> Mount:
        made.append(Mount(tmp_path / name, size_kb))
        return made[-1]

    yield make
    for m in reversed(made):
        m.unmount()


def one_line(done: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture
def imported(corpus, tmp_path) -> tuple[Path, Path]:
    """A small database (the fuzzer's 40-project one) and an edited export of it."""
    db = tmp_path / "small.sqlite3"
    checkpoint_copy(corpus.small, db)
    from tests.faults.campaign import write_edited

    edited = tmp_path / "edited.xlsx"
    write_edited(db, edited)
    return db, edited


def test_an_import_into_a_read_only_folder_says_so_and_changes_nothing(mount, imported, tmp_path):
    """The database's folder is mounted read-only: ``labest import`` exits 1 with the
    read-only sentence (nothing saved), and the database's content is unchanged."""
    source, edited = imported
    ro = mount("ro", 16 * 1024)
    db = ro.where / "labest.sqlite3"
    shutil.copyfile(source, db)
    before = digest(source)
    ro.read_only()
    done = cli(db, tmp_path / "data", "import", str(edited), "--on-conflict", "theirs")
    assert done.returncode == 1
    assert READ_ONLY in one_line(done)
    copy = tmp_path / "after.sqlite3"
    shutil.copyfile(db, copy)
    assert digest(copy) == before


@pytest.mark.parametrize("leave_kb", [0, 48, 96], ids=["full-before", "fills-early", "fills-mid-import"])
def test_a_disk_filling_during_an_import_leaves_the_database_as_it_was(mount, imported, tmp_path, leave_kb):
    """The database sits on a disk that is full, or has room for the WAL's first
    pages but not for the import's writes: the import stops with the disk-full
    sentence (never "damaged", which would invite restoring an older backup over
    good data), exit 1, and the database holds exactly what it held; the backup,
    made on another disk, is complete. (The import needs about 300 KB more than the
    file; 96 KB lets the WAL start, then fills.)"""
    source, edited = imported
    size_kb = source.stat().st_size // 1024 + 300
    disk = mount("disk", size_kb)
    db = disk.where / "labest.sqlite3"
    shutil.copyfile(source, db)
    before = digest(source)
    disk.fill(leave_kb)
    done = cli(db, tmp_path / "data", "import", str(edited), "--on-conflict", "theirs")
    assert done.returncode == 1, done.stdout + done.stderr
    assert DISK_FULL in one_line(done)
    (disk.where / "filler").unlink()
    assert must(cli(db, tmp_path / "data", "check")).returncode == 0
    assert digest(db) == before
    assert backup_problems(tmp_path / "data" / "backups")[0] == []


def test_a_backup_to_a_full_disk_fails_cleanly(mount, imported, tmp_path):
    """``labest backup DEST`` onto a disk too small for it: the backup-failed sentence,
    exit 1, no file under the backup's name nor a leftover ``.partial``, and the
    database unchanged."""
    db, _ = imported
    before = digest(db)
    disk = mount("usb", 256)
    target = disk.where / "sauvegarde.sqlite3"
    done = cli(db, tmp_path / "data", "backup", str(target))
    assert done.returncode == 1
    assert BACKUP_FAILED in one_line(done)
    assert list(disk.where.iterdir()) == []
    assert digest(db) == before


def test_an_import_whose_backup_cannot_be_written_writes_nothing(mount, imported, tmp_path):
    """The backups folder is on a full disk: the import refuses to write without its
    backup (the backup-failed sentence, exit 1); the database is unchanged and the
    backups folder holds no backup-named file."""
    source, edited = imported
    data = mount("data", 256)
    db = tmp_path / "labest.sqlite3"
    shutil.copyfile(source, db)
    before = digest(db)
    done = cli(db, data.where, "import", str(edited), "--on-conflict", "theirs")
    assert done.returncode == 1
    assert BACKUP_FAILED in one_line(done)
    assert digest(db) == before
    assert backup_problems(data.where / "backups") == ([], 0)
    assert list((data.where / "backups").glob("labest-*.sqlite3")) == []
