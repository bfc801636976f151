"""The first search of a session on PostgreSQL costs what the next ones cost: the
warm-up the window starts once its list is shown leaves every page a broad search
visits in the server's shared buffers, even on a server just restarted (whose
buffers start empty). On SQLite it does nothing."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from labest_desktop.services import demo
from labest_desktop.services.project_query import ProjectFilter, project_ids, warm_up_search
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import server_location

pytestmark = pytest.mark.postgres

BROAD = "SELECT array_agg(project_id) FROM project_search WHERE vector @@ CAST('p:*' AS tsquery)"


def heap_pages_read(ws) -> tuple[int, int]:
    """(pages found in shared buffers, pages read from outside them) by a search
    whose prefix every project matches."""
    with ws.reading() as session:
        session.execute(text("SELECT set_config('enable_seqscan', 'off', true)"))
        plan = "\n".join(session.scalars(text(f"EXPLAIN (ANALYZE, BUFFERS) {BROAD}")))
    heap = plan[plan.index("Bitmap Heap Scan"):]
    buffers = re.search(r"Buffers: shared( hit=(\d+))?( read=(\d+))?", heap)
    return int(buffers.group(2) or 0), int(buffers.group(4) or 0)


def test_after_a_server_restart_the_warm_up_leaves_nothing_for_the_first_search_to_read(restartable_server, tmp_path):
    server = restartable_server
    url = server.create_database("warm_up")
    ws = Workspace(open_database(server_location(url), backups_folder=tmp_path), "test-agent")
    try:
        demo.load_demo(ws, projects=600, seed=3)  # every reference starts with "p"
        ws.database.dispose()

        server.halt("fast")
        server.resume()
        _hit, read = heap_pages_read(ws)
        assert read > 0  # cold: what the first search of the session paid

        ws.database.dispose()
        server.halt("fast")
        server.resume()
        warm_up_search(ws)
        ws.database.dispose()  # a fresh connection, as another window's would be
        hit, read = heap_pages_read(ws)
        assert read == 0 and hit > 0
        assert len(project_ids(ws, ProjectFilter(search="p"))) == 600
    finally:
        ws.database.dispose()


def test_the_warm_up_asks_nothing_of_sqlite(sqlite_workspace):
    """No statement reaches a SQLite file (the server's tables and settings do not
    exist there)."""
    from sqlalchemy import event

    demo.load_demo(sqlite_workspace, projects=20, seed=3)
    statements = []
    event.listen(sqlite_workspace.database.engine, "before_cursor_execute",
                 lambda _c, _cur, statement, *_a: statements.append(statement))
    warm_up_search(sqlite_workspace)
    assert not [s for s in statements if "project_search" in s or "set_config" in s]
