"""The writes of an update worked out at preview (services.import_writes): put aside
for the rows that settle nothing when the import is applied, worked out at apply
for the others, the same writes either way; a row left out at apply (an error the
import skips) is not written from what was put aside."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from labest_desktop.domain.models import ProjectRevision
from labest_desktop.services import exchange_import, projects
from labest_desktop.services.exchange_import import THEIRS
from labest_desktop.storage.search import sqlite_matches
from tests.unit.services.test_exchange_merge import edit_cell, export, make_portfolio


def revisions(ws, project_id: int) -> list[tuple[int, dict, str]]:
    with ws.reading() as session:
        rows = session.execute(
            select(ProjectRevision.number, ProjectRevision.snapshot, ProjectRevision.fingerprint)
            .where(ProjectRevision.project_id == project_id).order_by(ProjectRevision.number)
        ).all()
    return [(number, json.loads(snapshot), print_) for number, snapshot, print_ in rows]


def test_updates_settled_at_preview_and_at_apply_write_alike(sqlite_workspace, tmp_path):
    """Four rows: a plain change and a stage change (worked out at preview), a new
    partner (a name the import may have to create) and a conflict settled for the
    file (worked out at apply). Each project ends as the file has it, with one new
    revision holding it and a stage decision where the stage moved."""
    views = make_portfolio(sqlite_workspace, 4)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, views[0].reference, "Titre", "Titre changé ailleurs")
    edit_cell(path, views[1].reference, "Étape", "Prototype")
    edit_cell(path, views[2].reference, "Partenaires", "DREAL Grand Est; Nouveau partenaire")
    edit_cell(path, views[3].reference, "Responsable", "Contact du fichier")
    here = projects.get_project(sqlite_workspace, views[3].id)
    projects.update_project(sqlite_workspace, here.id, here.fields.with_changes(contact="Contact d'ici"), here.version)
    preview = exchange_import.preview_import(sqlite_workspace, path)
    spooled = {p.project_id for p in preview.match.plans if p.spooled}
    assert spooled == {views[0].id, views[1].id}
    before = {v.id: len(revisions(sqlite_workspace, v.id)) for v in views}
    report = exchange_import.apply_import(sqlite_workspace, preview, on_conflict=THEIRS)
    assert report.applied and report.updated == 4
    after = {v.id: projects.get_project(sqlite_workspace, v.id).fields for v in views}
    assert after[views[0].id].title == "Titre changé ailleurs"
    assert after[views[1].id].stage.value == "prototype"
    assert after[views[2].id].partners == ("DREAL Grand Est", "Nouveau partenaire")
    assert after[views[3].id].contact == "Contact du fichier"
    for view in views:
        history = revisions(sqlite_workspace, view.id)
        assert len(history) == before[view.id] + 1
        number, snapshot, _ = history[-1]
        assert number == history[-2][0] + 1
        assert snapshot["title"] == after[view.id].title and snapshot["contact"] == after[view.id].contact
        assert snapshot["partners"] == list(after[view.id].partners)
    decided = projects.decisions(sqlite_workspace, views[1].id)
    assert [(d.from_stage, d.to_stage) for d in decided][-1] == ("ideation", "prototype")
    with sqlite_workspace.reading() as session:  # the search text written with the row
        assert sqlite_matches(session, "changé ailleurs") == {views[0].id}


def test_a_row_left_out_at_apply_is_not_written_from_the_preview(sqlite_workspace, tmp_path):
    """A row whose merge breaks the period's order (its end date taken from the file,
    before the start date changed here since) is an error; skipped, it is not
    written, although its writes were worked out at preview; the other row is."""
    first, second = make_portfolio(sqlite_workspace, 2)
    view = projects.get_project(sqlite_workspace, first.id)
    view = projects.update_project(
        sqlite_workspace, first.id, view.fields.with_changes(start_date=date(2026, 1, 1)), view.version
    )
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    projects.update_project(sqlite_workspace, first.id, view.fields.with_changes(start_date=date(2026, 9, 1)),
                            view.version)
    edit_cell(path, first.reference, "Date de fin prévue", "01/03/2026")
    edit_cell(path, second.reference, "Titre", "Second revu")
    preview = exchange_import.preview_import(sqlite_workspace, path)
    assert {p.project_id for p in preview.match.plans if p.spooled} == {first.id, second.id}
    count = len(revisions(sqlite_workspace, first.id))
    report = exchange_import.apply_import(sqlite_workspace, preview, skip_invalid=True)
    assert report.applied and report.updated == 1 and "précède" in report.errors[0]["message"]
    assert projects.get_project(sqlite_workspace, first.id).fields.end_date is None
    assert len(revisions(sqlite_workspace, first.id)) == count
    assert projects.get_project(sqlite_workspace, second.id).fields.title == "Second revu"


def test_the_same_import_writes_the_same_rows_whichever_writes_the_preview_worked_out(tmp_path, monkeypatch):
    """Which chunks' writes the preview works out depends on timing (whether the
    reader's next rows are already waiting), so two offices, or the same one on a
    busier day, spool different rows. The rows written, ids included (revisions,
    stage decisions, links), must not depend on it: the writer writes in the plans'
    order. Chunks of 2 rows and slices of 3, so both kinds mix within a slice."""
    import shutil
    import sqlite3

    from labest_desktop.services import import_plan
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import sqlite_location
    from tests.faults.campaign import digest

    monkeypatch.setattr(import_plan, "MATCH_CHUNK", 2)
    monkeypatch.setattr(exchange_import, "WRITE_SLICE", 3)

    def workspace(folder):
        database = open_database(sqlite_location(folder / "labest.sqlite3"), backups_folder=folder / "backups")
        return database, Workspace(database, "test-agent")

    (tmp_path / "a").mkdir()
    database, ws = workspace(tmp_path / "a")
    views = make_portfolio(ws, 9)
    path = export(ws, tmp_path / "out.xlsx")
    for index, view in enumerate(views):
        if index % 3 == 1:
            edit_cell(path, view.reference, "Partenaires", f"DREAL Grand Est; Partenaire {index}")  # worked out at apply
        else:
            edit_cell(path, view.reference, "Étape" if index % 3 == 2 else "Titre", "Prototype" if index % 3 == 2
                      else f"Titre {index} revu ailleurs")
    database.dispose()
    (tmp_path / "b").mkdir()
    source = sqlite3.connect(tmp_path / "a" / "labest.sqlite3")
    target = sqlite3.connect(tmp_path / "b" / "labest.sqlite3")
    source.backup(target)
    source.close()
    target.close()
    real_match = exchange_import.match_rows
    spooled = {}
    for name, waiting in (("a", True), ("b", False)):
        monkeypatch.setattr(exchange_import, "match_rows",
                            lambda *args, waiting=waiting, **kwargs: real_match(*args, **{**kwargs, "behind": lambda: waiting}))
        database, ws = workspace(tmp_path / name)
        preview = exchange_import.preview_import(ws, path)
        spooled[name] = [p.spooled for p in preview.match.plans]
        report = exchange_import.apply_import(ws, preview)
        assert report.applied and report.updated == 9
        database.dispose()
    assert spooled["a"] != spooled["b"]  # the two ways were both taken
    shutil.rmtree(tmp_path / "a" / "backups")
    assert digest(tmp_path / "a" / "labest.sqlite3", ignore_times=True) == digest(
        tmp_path / "b" / "labest.sqlite3", ignore_times=True)
