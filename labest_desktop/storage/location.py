"""Which database to open: a local SQLite file or a PostgreSQL server.

Precedence, highest first: ``--database-url`` / ``--db`` on the command line, the
``LABEST_DATABASE_URL`` / ``LABEST_DB`` environment variables, the ``[database]``
section of ``labest.ini`` beside the executable (set by IT), then the SQLite file in
the user's data folder.
"""

from __future__ import annotations

import configparser
import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from sqlalchemy.engine import make_url

from labest_desktop import messages, paths
from labest_desktop.domain.errors import StorageError
from labest_desktop.storage.redact import mask

INI_NAME = "labest.ini"
NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "fuse.sshfs", "sshfs", "afs", "9p",
     "ncpfs", "fuse.gvfsd-fuse", "davfs", "fuse.davfs2", "glusterfs", "ceph", "lustre", "gpfs"}
)


class NetworkPathError(StorageError):
    key = "storage.network_path"


class BadDatabaseUrlError(StorageError):
    key = "storage.bad_url"


@dataclass(frozen=True)
class DatabaseLocation:
    url: str
    path: Path | None = None  # the SQLite file, None for a server database

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    def describe(self) -> str:
        """Where the data is, for the status bar and messages (no password)."""
        if self.path is not None:
            return str(self.path)
        return mask(make_url(self.url).render_as_string(hide_password=True))


def sqlite_location(path: str | os.PathLike) -> DatabaseLocation:
    file = Path(path).expanduser()
    check_not_network_path(file)
    file = file.resolve()
    return DatabaseLocation(url=f"sqlite+pysqlite:///{file.as_posix()}", path=file)


def server_location(url: str) -> DatabaseLocation:
    try:
        parsed = make_url(url)
    except Exception as exc:  # sqlalchemy raises ArgumentError with a technical text
        raise BadDatabaseUrlError(url=_safe(url)) from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise BadDatabaseUrlError(url=_safe(url))
        return sqlite_location(parsed.database)
    if backend != "postgresql":
        raise BadDatabaseUrlError(url=_safe(url))
    if "@" in (parsed.host or ""):
        # An "@" left unencoded in the password: the parser took its end for the host
        # name, which every connection error would then print.
        raise BadDatabaseUrlError("storage.bad_url_at", url=_safe(url))
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return DatabaseLocation(url=parsed.render_as_string(hide_password=False))


def _safe(url: str) -> str:
    try:
        return mask(make_url(url).render_as_string(hide_password=True))
    except Exception:
        return mask(url)


def read_ini(folder: Path | None = None) -> configparser.ConfigParser:
    parser = configparser.ConfigParser()
    ini = (folder or paths.executable_dir()) / INI_NAME
    if ini.is_file():
        parser.read(ini, encoding="utf-8")
    return parser


def resolve(db: str | None = None, url: str | None = None, *, ini_folder: Path | None = None) -> DatabaseLocation:
    """The database chosen by arguments, environment, IT's ini file or default."""
    if url:
        return server_location(url)
    if db:
        return sqlite_location(db)
    if os.environ.get("LABEST_DATABASE_URL"):
        return server_location(os.environ["LABEST_DATABASE_URL"])
    if os.environ.get("LABEST_DB"):
        return sqlite_location(os.environ["LABEST_DB"])
    ini = read_ini(ini_folder)
    if ini.has_option("database", "url") and ini.get("database", "url").strip():
        return server_location(ini.get("database", "url").strip())
    if ini.has_option("database", "path") and ini.get("database", "path").strip():
        return sqlite_location(os.path.expandvars(ini.get("database", "path").strip()))
    return sqlite_location(paths.default_database_path())


# --- network shares ----------------------------------------------------------------


def check_not_network_path(path: Path, *, mounts: str | None = None) -> None:
    """Refuse a SQLite file on a network share.

    SQLite's locking is unreliable over SMB and NFS: two offices writing through a
    share can corrupt the file. Those offices should share a PostgreSQL server.
    """
    if is_network_path(path, mounts=mounts):
        raise NetworkPathError(path=str(path))


def is_network_path(path: Path | str, *, mounts: str | None = None, platform: str | None = None) -> bool:
    platform = platform or sys.platform
    text = str(path)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return True  # UNC path \\server\share
    if text.startswith("\\\\?\\UNC\\"):
        return True
    if platform == "win32":
        return _windows_drive_is_remote(text)
    return _posix_mount_is_network(Path(text), mounts)


def _windows_drive_is_remote(text: str) -> bool:
    drive = PureWindowsPath(text).drive
    if not drive or sys.platform != "win32":
        return False
    import ctypes

    DRIVE_REMOTE = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE


def _posix_mount_is_network(path: Path, mounts: str | None) -> bool:
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    target = PurePosixPath(os.path.abspath(path))
    best: tuple[int, str] | None = None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        fs_type = fields[2]
        mp = PurePosixPath(mount_point)
        if target == mp or mp in target.parents:
            depth = len(mp.parts)
            if best is None or depth > best[0]:
                best = (depth, fs_type)
    return best is not None and best[1] in NETWORK_FILESYSTEMS


messages.register(
    {
        "storage.network_path": (
            "La base « {path} » est sur un partage réseau : SQLite ne peut pas y être partagé sans "
            "risque de corruption. Copiez-la sur ce poste, ou faites partager aux bureaux un serveur "
            "PostgreSQL (option --database-url, voir le README).",
            "The database “{path}” is on a network share, where SQLite cannot be shared without "
            "risk of corruption. Copy it to this computer, or have the offices share a PostgreSQL "
            "server (--database-url option, see the README).",
        ),
        "storage.bad_url_at": (
            "Adresse de base de données mal formée : « {url} ». Un « @ » dans le mot de passe "
            "s'écrit %40 dans l'adresse.",
            "Malformed database address: “{url}”. An “@” in the password is written %40 in the address.",
        ),
        "storage.bad_url": (
            "Adresse de base de données non reconnue : « {url} ». Exemple : "
            "postgresql://utilisateur@serveur/labest",
            "Database address not recognised: “{url}”. Example: postgresql://user@server/labest",
        ),
    }
)
