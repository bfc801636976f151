"""A throw-away PostgreSQL 15 server for the storage tests.

Started with ``initdb`` and ``pg_ctl`` on a Unix socket in a temporary folder (no
TCP port to collide with), stopped and deleted at the end of the session. As root,
the server runs as the ``postgres`` system user, since PostgreSQL refuses root.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path


def find_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


class PostgresServer:
    def __init__(self, tcp_port: int | None = None) -> None:
        self.tcp_port = tcp_port  # also listen on 127.0.0.1 (the socket alone otherwise)
        self.root = Path(tempfile.mkdtemp(prefix="labest-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "sock"
        self.user = "labest"
        self._as_user: list[str] = []
        self._owner: tuple[int, int] | None = None

    def _run(self, args: list[str], **kw) -> subprocess.CompletedProcess:
        return subprocess.run(self._as_user + args, check=True, capture_output=True, text=True, **kw)

    def start(self) -> None:
        initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError("PostgreSQL's initdb and pg_ctl were not found")
        self.socket_dir.mkdir(parents=True)
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            self._owner = (pw.pw_uid, pw.pw_gid)
            for path in (self.root, self.socket_dir):
                os.chown(path, *self._owner)
            self._as_user = ["runuser", "-u", "postgres", "--"]
        self._run([initdb, "-D", str(self.data), "-U", self.user, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"])
        self.resume()

    def resume(self) -> None:
        """Start the server on its existing data folder (after ``halt``)."""
        listen = f"127.0.0.1 -p {self.tcp_port}" if self.tcp_port else "''"
        options = f"-k {self.socket_dir} -c listen_addresses={listen} -c fsync=off -c full_page_writes=off"
        self._run([find_bin("pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.root / "server.log"),
                   "-w", "start"])

    def halt(self, mode: str = "immediate") -> None:
        """Stop the server, keeping its data (``immediate``: as a crash or a power cut
        of the server would, without letting sessions finish)."""
        self._run([find_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"])

    def url(self, database: str = "postgres") -> str:
        if self.tcp_port:
            return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.tcp_port}/{database}"
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.socket_dir}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(host=str(self.socket_dir), port=self.tcp_port or 5432, user=self.user, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        pg_ctl = find_bin("pg_ctl")
        try:
            if pg_ctl and self.data.exists():
                self._run([pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop"])
        except subprocess.CalledProcessError:  # already stopped (halted by a test)
            pass
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
