"""Run inside a network namespace of its own (``unshare -n``): a server on
127.0.0.1, a workspace and the window's listener connected to it, then the
namespace's only link taken down (a cable pulled: nothing is closed, nothing more
arrives), and a save started. Prints, as JSON, after how many seconds the listener
and the save each gave up, and with what error."""

from __future__ import annotations

import json
import select
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from labest_desktop.domain.fields import ProjectFields  # noqa: E402
from labest_desktop.services import projects  # noqa: E402
from labest_desktop.services.live_changes import ServerWatcher  # noqa: E402
from labest_desktop.services.workspace import Workspace  # noqa: E402
from labest_desktop.storage.database import open_database  # noqa: E402
from labest_desktop.storage.location import server_location  # noqa: E402
from tests.support.pg_server import PostgresServer  # noqa: E402

LIMIT = 90.0  # seconds: without keepalives neither would notice at all


def main() -> None:
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    server = PostgresServer(tcp_port=55432)
    server.start()
    outcome: dict = {}
    try:
        ws = Workspace(open_database(server_location(server.create_database("cut")),
                                     backups_folder=Path(tempfile.mkdtemp())), "test-agent")
        view = projects.create_project(ws, ProjectFields(title="Avant la coupure"))
        watcher = ServerWatcher(ws.database)
        watcher.connect()
        subprocess.run(["ip", "link", "set", "lo", "down"], check=True)
        cut = time.monotonic()

        def save() -> None:
            try:
                projects.update_project(ws, view.id, view.fields.with_changes(contact="Pendant"), view.version)
                outcome["save"] = "saved"
            except Exception as exc:  # what the window would show
                outcome["save"] = type(exc).__name__
            outcome["save_after"] = time.monotonic() - cut

        threading.Thread(target=save, daemon=True).start()
        while time.monotonic() - cut < LIMIT and "listener" not in outcome:
            if select.select([watcher.fileno()], [], [], 1)[0]:
                try:
                    watcher.drain()
                except Exception as exc:
                    outcome["listener"] = type(exc).__name__
                    outcome["listener_after"] = time.monotonic() - cut
        while time.monotonic() - cut < LIMIT and "save" not in outcome:
            time.sleep(0.5)
    finally:
        subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
        server.halt("immediate")
        server.stop()
    print(json.dumps(outcome), flush=True)


if __name__ == "__main__":
    main()
