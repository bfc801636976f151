"""Bulk writes keep the full-text index right: above the threshold the FTS triggers
are set aside and the index rebuilt in the same transaction."""

from __future__ import annotations

from sqlalchemy import text, update

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.models import Project
from labest_desktop.services import projects
from labest_desktop.services.project_query import ProjectFilter, count
from labest_desktop.storage.search import BULK_THRESHOLD, FTS_TRIGGERS, bulk_index_upkeep


def triggers(ws) -> set[str]:
    with ws.reading() as session:
        return set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))


def test_bulk_upkeep_rebuilds_the_index_and_restores_triggers(sqlite_workspace):
    """A bulk update with the triggers set aside is found by search afterwards, the
    old words are gone, and the triggers are back."""
    view = projects.create_project(sqlite_workspace, ProjectFields(title="Ancien intitulé"))
    with sqlite_workspace.unit_of_work() as uow:
        with bulk_index_upkeep(uow.session, BULK_THRESHOLD):
            uow.session.execute(
                update(Project).where(Project.id == view.id).values(title="Nouvel intitulé", search_text="nouvel intitule")
            )
        uow.commit()
    assert count(sqlite_workspace, ProjectFilter(search="nouvel")) == 1
    assert count(sqlite_workspace, ProjectFilter(search="ancien")) == 0
    assert set(FTS_TRIGGERS) <= triggers(sqlite_workspace)
    with sqlite_workspace.reading() as session:
        session.execute(text("INSERT INTO project_fts(project_fts, rank) VALUES ('integrity-check', 1)"))
        # Incremental merging, switched off for the rebuild, is back to FTS5's default.
        automerge = session.execute(text("SELECT v FROM project_fts_config WHERE k = 'automerge'")).scalar()
        assert automerge in (None, 4)


def test_bulk_upkeep_rolled_back_leaves_triggers_and_index(sqlite_workspace):
    """A failure inside the bulk write rolls the DDL back too: triggers still there,
    later edits still indexed."""
    view = projects.create_project(sqlite_workspace, ProjectFields(title="Premier titre"))
    try:
        with sqlite_workspace.unit_of_work() as uow:
            with bulk_index_upkeep(uow.session, BULK_THRESHOLD):
                raise RuntimeError("power cut")
    except RuntimeError:
        pass
    assert set(FTS_TRIGGERS) <= triggers(sqlite_workspace)
    current = projects.get_project(sqlite_workspace, view.id)
    projects.update_project(sqlite_workspace, view.id, current.fields.with_changes(title="Second titre"), current.version)
    assert count(sqlite_workspace, ProjectFilter(search="second")) == 1
    assert count(sqlite_workspace, ProjectFilter(search="premier")) == 0
