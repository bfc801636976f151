"""A SQLite database on a network share is refused: SQLite's locking is unreliable
over SMB and NFS, so offices that share data use a PostgreSQL server instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from labest_desktop import messages
from labest_desktop.storage.location import (
    NetworkPathError,
    check_not_network_path,
    is_network_path,
    resolve,
    sqlite_location,
)

MOUNTS = "\n".join(
    [
        "/dev/sda1 / ext4 rw,relatime 0 0",
        "proc /proc proc rw 0 0",
        "fileserver:/export/lab /mnt/lab nfs4 rw,vers=4.2 0 0",
        "//nas/partage /srv/partage cifs rw,vers=3.0 0 0",
        "//nas/docs /media/Mes\\040documents smb3 rw 0 0",
        "tmpfs /mnt/lab/cache tmpfs rw 0 0",
        "user@host:/home /mnt/ssh fuse.sshfs rw 0 0",
        "/dev/sdb1 /mnt/labo ext4 rw 0 0",
        "malformed-line",
    ]
)


@pytest.mark.parametrize(
    "path",
    [
        "\\\\server\\share\\x.sqlite3",
        "\\\\prefecture-67\\lab$\\labest.sqlite3",
        "//server/share/x.sqlite3",
        "\\\\?\\UNC\\server\\share\\x.sqlite3",
    ],
)
def test_unc_paths_are_network_paths(path):
    """Windows UNC paths (\\\\server\\share, //server/share, \\\\?\\UNC\\…) are shares."""
    assert is_network_path(path, mounts="")
    assert is_network_path(path, mounts="", platform="win32")


@pytest.mark.parametrize(
    "path",
    [
        "/mnt/lab/labest.sqlite3",  # nfs4
        "/mnt/lab/sous/dossier/labest.sqlite3",
        "/srv/partage/labest.sqlite3",  # cifs
        "/media/Mes documents/labest.sqlite3",  # smb3, mount point with a space
        "/mnt/ssh/labest.sqlite3",  # sshfs
    ],
)
def test_files_under_network_mounts_are_network_paths(path):
    """A file under an NFS, CIFS/SMB or SSHFS mount point is on a share."""
    assert is_network_path(Path(path), mounts=MOUNTS, platform="linux")


@pytest.mark.parametrize(
    "path",
    [
        "/home/agent/.local/share/LabEST/labest.sqlite3",
        "/mnt/lab/cache/labest.sqlite3",  # a local mount inside the share wins (deepest)
        "/mnt/labo/labest.sqlite3",  # a name starting like a share is not inside it
        "/mnt/labest.sqlite3",
        "\\\\?\\C:\\Users\\agent\\labest.sqlite3",  # Windows long local path
        "C:\\Users\\agent\\AppData\\Local\\LabEST\\labest.sqlite3",
    ],
)
def test_local_paths_are_accepted(path):
    """Local disks (and a local mount nested in a share) are not network paths."""
    assert not is_network_path(path, mounts=MOUNTS, platform="linux")


def test_the_refusal_explains_why_and_points_to_the_server_option():
    """The error names the path, says why and points to the PostgreSQL option, in
    French and in English."""
    with pytest.raises(NetworkPathError) as caught:
        check_not_network_path(Path("/mnt/lab/labest.sqlite3"), mounts=MOUNTS)
    message = caught.value.message
    assert "/mnt/lab/labest.sqlite3" in message
    assert "partage réseau" in message
    assert "PostgreSQL" in message and "--database-url" in message
    messages.set_language("en")
    assert "network share" in caught.value.message
    assert "--database-url" in caught.value.message


def test_a_local_path_passes_the_check(tmp_path):
    check_not_network_path(tmp_path / "labest.sqlite3", mounts=MOUNTS)


@pytest.mark.parametrize("path", ["\\\\server\\share\\x.sqlite3", "//server/share/x.sqlite3"])
def test_choosing_a_share_for_the_database_is_refused(path, monkeypatch):
    """``--db``, ``LABEST_DB`` and a ``sqlite://`` URL on a share are all refused before
    anything is opened."""
    with pytest.raises(NetworkPathError):
        sqlite_location(path)
    with pytest.raises(NetworkPathError):
        resolve(db=path)
    monkeypatch.setenv("LABEST_DB", path)
    with pytest.raises(NetworkPathError):
        resolve()


def test_a_local_database_location_is_accepted(tmp_path):
    location = sqlite_location(tmp_path / "labest.sqlite3")
    assert location.is_sqlite
    assert location.path == (tmp_path / "labest.sqlite3").resolve()
