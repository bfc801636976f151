"""The stored projects an import reads ahead while the reader's process opens the
file (services.import_plan.KnownProjects.preload): the projects here in the order of
their references, taken by the rows that name them, let go of when the rows do not
follow that order; the plans are the same as without reading ahead."""

from __future__ import annotations

import pytest

from labest_desktop.domain.fields import EDITABLE_KEYS
from labest_desktop.domain.fingerprints import fingerprint
from labest_desktop.exchange.parsed_stream import FileRow
from labest_desktop.services.demo import load_demo
from labest_desktop.services.import_plan import MATCH_CHUNK, KnownProjects, match_rows
from labest_desktop.services.snapshots import load_projects
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location

PROJECTS = MATCH_CHUNK + 100  # more than one stretch of rows


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    folder = tmp_path_factory.mktemp("read-ahead")
    database = open_database(sqlite_location(folder / "labest.sqlite3"), backups_folder=folder / "backups")
    workspace = Workspace(database, "test-agent")
    load_demo(workspace, projects=PROJECTS, seed=11)
    yield workspace
    database.dispose()


def edited_rows(stored: list) -> list[FileRow]:
    """Each project as a file row whose title was changed elsewhere since this
    office's export (its print is the stored state's)."""
    rows = []
    for number, project in enumerate(stored, start=2):
        snapshot = {key: project.snapshot[key] for key in EDITABLE_KEYS}
        snapshot["title"] = project.snapshot["title"][:180] + " (revu)"
        rows.append(FileRow(number, project.uid, project.reference, snapshot["title"], fingerprint(project.snapshot),
                            [], snapshot, True))
    return rows


def in_reference_order(session) -> list:
    return sorted(load_projects(session, with_search_text=True), key=lambda p: p.reference)


def summary(match) -> list[tuple]:
    spooled = [row for batch in match.spool.batches() for row in batch]
    return [(p.row, p.kind, p.project_id, p.taken, [c.field for c in p.conflicts], p.mine, p.spooled)
            for p in match.plans] + spooled


def test_projects_read_ahead_are_the_stored_ones_in_the_order_of_their_references(ws):
    with ws.reading() as session:
        known = KnownProjects(session)
        known.preload(session, limit=30)
        expected = in_reference_order(session)[:30]
    assert list(known.preloaded.values()) == expected


def test_reading_ahead_stops_once_the_reader_has_answered(ws):
    """``until`` is asked after each step: the read stops at the first step after it
    turns true (the reader's first rows are in)."""
    answers = iter([False, True])
    with ws.reading() as session:
        known = KnownProjects(session)
        known.preload(session, until=lambda: next(answers), limit=1000, step=40)
    assert len(known.preloaded) == 80


def test_rows_in_the_export_order_take_the_projects_read_ahead(ws):
    """Rows in the order of this office's export are planned from the projects read
    ahead (the writes worked out for a row come from the copy read ahead: marked
    here, the mark is in its revision document), and the plans and their writes are
    those made without reading ahead."""
    with ws.reading() as session:
        rows = edited_rows(in_reference_order(session))
        plain = match_rows(session, iter(rows), known=KnownProjects(session))
        known = KnownProjects(session)
        known.preload(session)
        ahead = dict(known.preloaded)
        plans = match_rows(session, iter(rows), known=known)
        assert len(ahead) == PROJECTS and not known.preloaded  # all taken, none left held
        assert summary(plans) == summary(plain)
        assert all(p.kind == "update" and p.spooled for p in plans.plans)
        marked = KnownProjects(session)
        marked.preload(session)
        first = next(iter(marked.preloaded.values()))
        first.snapshot["contact"] = "Marque de la lecture anticipée"
        spool = match_rows(session, iter(rows), known=marked).spool
    documents = {row.project_id: row.snapshot for batch in spool.batches() for row in batch}
    assert "Marque de la lecture anticipée" in documents[first.id]


def test_rows_in_another_order_let_the_projects_read_ahead_go(ws):
    """Rows that do not follow the order of the references (here the reverse one):
    after the first stretch of rows, what was read ahead and not taken is let go of,
    and the plans are still those made without reading ahead."""
    with ws.reading() as session:
        rows = edited_rows(in_reference_order(session)[::-1])
        plain = match_rows(session, iter(rows), known=KnownProjects(session))
        known = KnownProjects(session)
        known.preload(session, limit=100)  # the first references: the file's last rows
        held = []

        def watched():
            for index, row in enumerate(rows):
                if index == MATCH_CHUNK + 1:
                    held.append(len(known.preloaded))
                yield row

        plans = match_rows(session, watched(), known=known)
        assert held == [0]  # before its last rows, which would have taken them
        assert summary(plans) == summary(plain)


def test_writes_are_worked_out_at_preview_only_while_the_reader_is_still_parsing(ws):
    """While the reader's next rows are already waiting (this process is the slower
    one), a chunk's writes are left to the writer; the last chunk's are worked out
    at once (the reader is done). The plans are the same either way."""
    with ws.reading() as session:
        rows = edited_rows(in_reference_order(session))
        waiting = match_rows(session, iter(rows), known=KnownProjects(session), behind=lambda: True)
        idle = match_rows(session, iter(rows), known=KnownProjects(session), behind=lambda: False)
    assert [p.spooled for p in waiting.plans] == [False] * MATCH_CHUNK + [True] * (PROJECTS - MATCH_CHUNK)
    assert all(p.spooled for p in idle.plans)
    assert waiting.spool.count == PROJECTS - MATCH_CHUNK and idle.spool.count == PROJECTS
    unspooled = [(p.row, p.kind, p.project_id, p.taken, p.conflicts) for p in waiting.plans]
    assert unspooled == [(p.row, p.kind, p.project_id, p.taken, p.conflicts) for p in idle.plans]
