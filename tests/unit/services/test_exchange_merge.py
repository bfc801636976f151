"""The import merge of docs/exchange-format.md, through the services: matching,
three-way merge per field, conflicts, apply in one transaction, undo."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from labest_desktop.domain.errors import StaleEditError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.models import ImportBatch, Organisation, ProjectRevision, StageDecision
from labest_desktop.domain.vocab import Stage
from labest_desktop.exchange.columns import PROJECT_COLUMNS
from labest_desktop.services import exchange_export, exchange_import, import_undo, office, projects
from labest_desktop.services.import_undo import UndoRefused
from labest_desktop.services.project_query import iter_snapshots


def make_portfolio(ws, count: int = 3) -> list:
    views = []
    for index in range(count):
        views.append(
            projects.create_project(
                ws,
                ProjectFields(
                    title=f"Projet numéro {index + 1} à Épinal",
                    lead="Préfecture des Vosges",
                    partners=("DREAL Grand Est",),
                    tags=("accueil", "numérique"),
                    department="88",
                    budget=Decimal("1500.25") * (index + 1),
                ),
            )
        )
    return views


def export(ws, path: Path) -> Path:
    exchange_export.export_workbook(ws, path)
    return path


def state(ws) -> list[dict]:
    return [{k: v for k, v in s.items()} for s in iter_snapshots(ws)]


def edit_cell(path: Path, reference: str, header: str, value) -> None:
    """Change one cell of the Projets sheet, as a coordinator would in Excel."""
    book = openpyxl.load_workbook(path)
    sheet = book["Projets"]
    headers = [c.value for c in sheet[1]]
    column = headers.index(header) + 1
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == reference:
            sheet.cell(row=row[0].row, column=column).value = value  # cell(value=None) would not clear
    book.save(path)


def test_export_then_import_changes_nothing(workspace, tmp_path):
    """Exporting and importing back changes nothing, on SQLite and PostgreSQL."""
    make_portfolio(workspace)
    before = state(workspace)
    for name in ("out.xlsx", "out.ods"):
        report = exchange_import.import_file(workspace, export(workspace, tmp_path / name))
        assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
        assert report.conflicts == [] and report.errors == [] and report.applied
        assert report.batch_id is None  # nothing was written, not even a batch
    assert state(workspace) == before


def test_change_made_only_in_the_file_is_taken(sqlite_workspace, tmp_path):
    """A field changed only in the file is taken; the project gets a revision that
    points to the import batch."""
    first, *_ = make_portfolio(sqlite_workspace)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Titre", "Titre revu par la DDT")
    report = exchange_import.import_file(sqlite_workspace, path)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    assert projects.get_project(sqlite_workspace, first.id).fields.title == "Titre revu par la DDT"
    last = projects.history(sqlite_workspace, first.id)[-1]
    assert last.origin == "import" and last.import_file == "out.xlsx"
    assert last.changes == [("title", "Projet numéro 1 à Épinal", "Titre revu par la DDT")]


def test_change_made_only_here_is_kept(sqlite_workspace, tmp_path):
    """A field changed here after the export, untouched in the file, is kept."""
    first, *_ = make_portfolio(sqlite_workspace)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    view = projects.get_project(sqlite_workspace, first.id)
    projects.update_project(sqlite_workspace, first.id, view.fields.with_changes(contact="Léa Klein"), view.version)
    report = exchange_import.import_file(sqlite_workspace, path)
    assert report.updated == 0 and report.conflicts == []
    assert projects.get_project(sqlite_workspace, first.id).fields.contact == "Léa Klein"


def test_both_sides_changed_is_a_conflict_and_nothing_is_written(sqlite_workspace, tmp_path):
    """The same field changed on both sides to different values is a conflict: by
    default nothing at all is written, and the report names base, mine and theirs."""
    first, second, _ = make_portfolio(sqlite_workspace)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Titre", "Titre du fichier")
    edit_cell(path, second.reference, "Responsable", "Camille Weber")  # a clean change
    view = projects.get_project(sqlite_workspace, first.id)
    projects.update_project(sqlite_workspace, first.id, view.fields.with_changes(title="Titre d'ici"), view.version)
    before = state(sqlite_workspace)
    report = exchange_import.import_file(sqlite_workspace, path)
    assert not report.applied and report.exit_status == 1
    assert report.conflicts == [
        {"row": 2, "reference": first.reference, "field": "title", "base": "Projet numéro 1 à Épinal",
         "mine": "Titre d'ici", "theirs": "Titre du fichier"}
    ]
    assert state(sqlite_workspace) == before


@pytest.mark.parametrize(("policy", "expected"), [("mine", "Titre d'ici"), ("theirs", "Titre du fichier")])
def test_conflicts_settled_by_policy(sqlite_workspace, tmp_path, policy, expected):
    """--on-conflict mine|theirs settles every conflict that way and applies the rest."""
    first, *_ = make_portfolio(sqlite_workspace)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Titre", "Titre du fichier")
    view = projects.get_project(sqlite_workspace, first.id)
    projects.update_project(sqlite_workspace, first.id, view.fields.with_changes(title="Titre d'ici"), view.version)
    report = exchange_import.import_file(sqlite_workspace, path, on_conflict=policy)
    assert report.applied and report.conflicts == []
    assert projects.get_project(sqlite_workspace, first.id).fields.title == expected


def test_conflicts_settled_field_by_field(sqlite_workspace, tmp_path):
    """Each conflict can be settled on its own (the wizard's keep mine / take theirs)."""
    first, *_ = make_portfolio(sqlite_workspace)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Titre", "Titre du fichier")
    edit_cell(path, first.reference, "Responsable", "Contact du fichier")
    view = projects.get_project(sqlite_workspace, first.id)
    projects.update_project(
        sqlite_workspace, first.id, view.fields.with_changes(title="Titre d'ici", contact="Contact d'ici"), view.version
    )
    preview = exchange_import.preview_import(sqlite_workspace, path)
    assert {c.field for c in preview.conflicts} == {"title", "contact"}
    report = exchange_import.apply_import(
        sqlite_workspace, preview, resolutions={(2, "title"): "theirs", (2, "contact"): "mine"}
    )
    assert report.applied
    fields = projects.get_project(sqlite_workspace, first.id).fields
    assert (fields.title, fields.contact) == ("Titre du fichier", "Contact d'ici")


def test_without_a_base_every_difference_is_a_conflict(sqlite_workspace, tmp_path):
    """A row whose fingerprint was removed has no base: every differing field conflicts,
    even one changed only in the file."""
    first, *_ = make_portfolio(sqlite_workspace)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Titre", "Titre du fichier")
    edit_cell(path, first.reference, "Empreinte", None)
    report = exchange_import.import_file(sqlite_workspace, path)
    assert [c["field"] for c in report.conflicts] == ["title"]
    assert report.conflicts[0]["base"] is None


def test_importing_the_same_file_twice_changes_nothing_the_second_time(sqlite_workspace, tmp_path):
    """A second import of the same edited file writes nothing and makes no batch."""
    first, *_ = make_portfolio(sqlite_workspace)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Titre", "Titre du fichier")
    book = openpyxl.load_workbook(path)
    book["Projets"].append([None, "Projet ajouté par la Région", "Idéation", "Actif", "Région Grand Est"])
    book.save(path)
    first_report = exchange_import.import_file(sqlite_workspace, path)
    assert (first_report.created, first_report.updated) == (1, 1)
    after_first = state(sqlite_workspace)
    second = exchange_import.import_file(sqlite_workspace, path)
    assert (second.created, second.updated) == (0, 0)
    assert second.duplicates and second.duplicates[0]["title"] == "Projet ajouté par la Région"
    assert state(sqlite_workspace) == after_first
    with sqlite_workspace.reading() as session:
        assert session.scalar(select(func.count(ImportBatch.id))) == 1


def test_new_rows_get_references_and_unknown_organisations_are_created(sqlite_workspace, tmp_path):
    """A row a coordinator adds gets a reference of this office; organisations named
    in the file and unknown here are created and listed."""
    office.set_value(sqlite_workspace, office.OFFICE_CODE, "PREF67")
    make_portfolio(sqlite_workspace, 1)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(path)
    book["Projets"].append([None, "Guichet unique des associations", "Prototype", "Actif", "Maison des associations"])
    book.save(path)
    report = exchange_import.import_file(sqlite_workspace, path)
    assert report.created == 1
    assert report.new_organisations == ["Maison des associations"]
    created = [s for s in iter_snapshots(sqlite_workspace) if s["title"] == "Guichet unique des associations"][0]
    assert created["reference"].startswith("PREF67-")
    with sqlite_workspace.reading() as session:
        assert session.scalar(select(Organisation.name).where(Organisation.name == "Maison des associations"))


def test_unknown_uid_with_a_reference_used_here_is_renumbered(sqlite_workspace, tmp_path):
    """A project from another office whose reference is already used here becomes a
    new project with a new reference, listed under renumbered."""
    first, *_ = make_portfolio(sqlite_workspace, 1)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(path)
    keys = [c.key for c in PROJECT_COLUMNS]
    row = [None] * len(keys)
    for key, value in (("reference", first.reference), ("title", "Projet d'un autre bureau"), ("stage", "Idéation"),
                       ("status", "Actif"), ("uid", "2f1e2d3c-4b5a-4987-8654-3210fedcba98")):
        row[keys.index(key)] = value
    book["Projets"].append(row)
    book.save(path)
    report = exchange_import.import_file(sqlite_workspace, path)
    assert report.created == 1
    assert report.renumbered[0]["from"] == first.reference
    assert report.renumbered[0]["to"] != first.reference


def test_row_without_uid_matches_by_reference(sqlite_workspace, tmp_path):
    """Without an Identifiant, the Référence finds the project (no duplicate made)."""
    first, *_ = make_portfolio(sqlite_workspace, 1)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Identifiant", None)
    edit_cell(path, first.reference, "Titre", "Titre via la référence")
    report = exchange_import.import_file(sqlite_workspace, path)
    assert (report.created, report.updated) == (0, 1)


def test_stage_changed_in_a_file_is_a_stage_decision(sqlite_workspace, tmp_path):
    """A stage changed through a file is recorded as a decision whose rationale names
    the file and the office."""
    first, *_ = make_portfolio(sqlite_workspace, 1)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Étape", "Prototype")
    exchange_import.import_file(sqlite_workspace, path)
    decided = projects.decisions(sqlite_workspace, first.id)
    assert [(d.from_stage, d.to_stage) for d in decided] == [(None, "ideation"), ("ideation", "prototype")]
    assert "out.xlsx" in decided[-1].rationale and "Lab'EST Grand Est" in decided[-1].rationale


def test_invalid_rows_stop_the_import_unless_skipped(sqlite_workspace, tmp_path):
    """A row error writes nothing; --skip-invalid leaves the row out and applies the rest."""
    first, second, _ = make_portfolio(sqlite_workspace)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Étape", "Phase 4")
    edit_cell(path, second.reference, "Titre", "Titre correct")
    report = exchange_import.import_file(sqlite_workspace, path)
    assert not report.applied and report.errors[0]["cell"] == "C2"
    assert projects.get_project(sqlite_workspace, second.id).fields.title != "Titre correct"
    report = exchange_import.import_file(sqlite_workspace, path, skip_invalid=True)
    assert report.applied and report.updated == 1
    assert projects.get_project(sqlite_workspace, second.id).fields.title == "Titre correct"


def test_merged_values_that_break_a_rule_are_an_error(sqlite_workspace, tmp_path):
    """A start date taken from the file after an end date kept here is refused."""
    first, *_ = make_portfolio(sqlite_workspace, 1)
    view = projects.get_project(sqlite_workspace, first.id)
    from datetime import date

    view = projects.update_project(
        sqlite_workspace, first.id, view.fields.with_changes(start_date=date(2026, 1, 1)), view.version
    )
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    projects.update_project(
        sqlite_workspace, first.id, view.fields.with_changes(end_date=date(2026, 6, 1)), view.version
    )
    edit_cell(path, first.reference, "Date de début", "01/09/2026")
    report = exchange_import.import_file(sqlite_workspace, path)
    assert not report.applied
    assert "précède" in report.errors[0]["message"]


def test_projects_missing_from_the_file_are_listed_not_deleted(sqlite_workspace, tmp_path):
    """A file may be a filtered subset: the others are reported absent and kept."""
    views = make_portfolio(sqlite_workspace)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(path)
    book["Projets"].delete_rows(3, 2)
    book.save(path)
    report = exchange_import.import_file(sqlite_workspace, path)
    assert report.absent == 2
    assert len(list(iter_snapshots(sqlite_workspace))) == len(views)


def test_apply_makes_a_backup_first(sqlite_workspace, tmp_path):
    """Every applied import is preceded by a backup of the database."""
    first, *_ = make_portfolio(sqlite_workspace, 1)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Titre", "Nouveau titre")
    report = exchange_import.import_file(sqlite_workspace, path)
    assert report.backup and Path(report.backup).is_file()
    # The copy is made while the import writes: it holds the state before the
    # import, never part of the import.
    import sqlite3

    with sqlite3.connect(report.backup) as copy:
        titles = [t for (t,) in copy.execute("SELECT title FROM project")]
        revisions = copy.execute("SELECT count(*) FROM project_revision").fetchone()[0]
    assert titles == ["Projet numéro 1 à Épinal"]
    assert revisions == 1
    assert [s["title"] for s in iter_snapshots(sqlite_workspace)] == ["Nouveau titre"]


def test_a_backup_that_cannot_be_made_stops_the_import(sqlite_workspace, tmp_path):
    """No backup, no import: the writes already made in the transaction are rolled
    back and the user reads why."""
    from labest_desktop.domain.errors import LabestError

    first, *_ = make_portfolio(sqlite_workspace, 1)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Titre", "Nouveau titre")
    before = state(sqlite_workspace)
    folder = sqlite_workspace.database.backups_folder
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    folder.rmdir()
    folder.write_text("not a folder")  # the backups folder cannot be created
    try:
        with pytest.raises(LabestError) as raised:
            exchange_import.import_file(sqlite_workspace, path)
    finally:
        folder.unlink()
    assert "sauvegarde" in raised.value.message.lower()
    assert state(sqlite_workspace) == before
    with sqlite_workspace.reading() as session:
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0


@pytest.mark.parametrize("scan_above", [5_000, 0], ids=["by-chunks", "one-pass"])
def test_a_project_changed_between_preview_and_apply_stops_the_import(sqlite_workspace, tmp_path, monkeypatch,
                                                                      scan_above):
    """While the wizard shows the preview, someone edits a project the file changes:
    applying is refused and nothing is written (checked by chunks of ids, and in
    one pass as for large imports)."""
    monkeypatch.setattr(exchange_import, "FULL_SCAN_ABOVE", scan_above)
    first, *_ = make_portfolio(sqlite_workspace, 1)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Titre", "Titre du fichier")
    preview = exchange_import.preview_import(sqlite_workspace, path)
    view = projects.get_project(sqlite_workspace, first.id)
    projects.update_project(sqlite_workspace, first.id, view.fields.with_changes(contact="X"), view.version)
    with pytest.raises(StaleEditError) as caught:
        exchange_import.apply_import(sqlite_workspace, preview)
    assert first.reference in caught.value.message
    assert projects.get_project(sqlite_workspace, first.id).fields.title == "Projet numéro 1 à Épinal"


def test_undo_restores_what_an_import_changed(sqlite_workspace, tmp_path):
    """Undo brings changed projects back and removes the ones the import created."""
    first, *_ = make_portfolio(sqlite_workspace, 2)
    before = state(sqlite_workspace)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Titre", "Titre du fichier")
    edit_cell(path, first.reference, "Étape", "Déploiement")
    book = openpyxl.load_workbook(path)
    book["Projets"].append([None, "Créé par l'import", "Idéation", "Actif"])
    book.save(path)
    exchange_import.import_file(sqlite_workspace, path)
    result = import_undo.undo_import(sqlite_workspace, "last")
    assert (result.restored, result.removed) == (1, 1)
    after = state(sqlite_workspace)
    for snapshot in after:
        snapshot.pop("updated_at")
    for snapshot in before:
        snapshot.pop("updated_at")
    assert after == before
    assert projects.get_project(sqlite_workspace, first.id).fields.stage == Stage.IDEATION


def test_undo_is_refused_when_a_project_changed_since(sqlite_workspace, tmp_path):
    """If a project the import changed was edited afterwards, undo refuses and names it."""
    first, *_ = make_portfolio(sqlite_workspace, 1)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Titre", "Titre du fichier")
    exchange_import.import_file(sqlite_workspace, path)
    view = projects.get_project(sqlite_workspace, first.id)
    projects.update_project(sqlite_workspace, first.id, view.fields.with_changes(contact="Y"), view.version)
    with pytest.raises(UndoRefused) as caught:
        import_undo.undo_import(sqlite_workspace, "last")
    assert first.reference in caught.value.message
    assert projects.get_project(sqlite_workspace, first.id).fields.contact == "Y"


def test_formula_like_text_goes_out_and_back_unchanged(sqlite_workspace, tmp_path):
    """Text starting with = + - @ is written as text (never a live formula) and comes
    back with no apostrophe added."""
    risky = ["=HYPERLINK(\"http://x\")", "+33 3 88 00 00 00", "-10 %", "@agents"]
    for text in risky:
        projects.create_project(sqlite_workspace, ProjectFields(title=text, contact=text, description=text))
    before = state(sqlite_workspace)
    for name in ("risky.xlsx", "risky.ods"):
        path = export(sqlite_workspace, tmp_path / name)
        if name.endswith(".xlsx"):
            book = openpyxl.load_workbook(path)
            for row in book["Projets"].iter_rows(min_row=2):
                assert all(cell.data_type != "f" for cell in row)
        report = exchange_import.import_file(sqlite_workspace, path)
        assert (report.created, report.updated, report.unchanged) == (0, 0, len(risky))
    assert state(sqlite_workspace) == before


def test_each_change_records_one_revision_and_decision_rows(sqlite_workspace, tmp_path):
    """Apply writes exactly one revision per changed project and one decision per
    stage change, all pointing to the batch."""
    first, second, _ = make_portfolio(sqlite_workspace)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    edit_cell(path, first.reference, "Étape", "Prototype")
    edit_cell(path, second.reference, "Budget (€)", "12 000,50 €")
    report = exchange_import.import_file(sqlite_workspace, path)
    with sqlite_workspace.reading() as session:
        revisions = session.scalars(
            select(ProjectRevision).where(ProjectRevision.import_batch_id == report.batch_id)
        ).all()
        decisions = session.scalars(
            select(StageDecision).where(StageDecision.import_batch_id == report.batch_id)
        ).all()
    assert sorted(r.project_id for r in revisions) == sorted([first.id, second.id])
    assert [d.project_id for d in decisions] == [first.id]
    assert projects.get_project(sqlite_workspace, second.id).fields.budget == Decimal("12000.50")
    assert json.loads(revisions[0].snapshot)["uid"]


@pytest.mark.parametrize("scan_above", [5_000, 0], ids=["by-chunks", "one-pass"])
def test_updates_written_over_several_slices_are_all_there(sqlite_workspace, tmp_path, monkeypatch, scan_above):
    """Updates are written a slice at a time: with slices of two rows, seven edited
    projects (titles, stages, partners) all land, each with its own next revision
    number and its stage decision."""
    monkeypatch.setattr(exchange_import, "WRITE_SLICE", 2)
    monkeypatch.setattr(exchange_import, "FULL_SCAN_ABOVE", scan_above)
    views = make_portfolio(sqlite_workspace, 7)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    for index, view in enumerate(views):
        edit_cell(path, view.reference, "Titre", f"Titre revu {index}")
        edit_cell(path, view.reference, "Étape", "Prototype")
        edit_cell(path, view.reference, "Partenaires", f"DREAL Grand Est; Partenaire {index}")
    report = exchange_import.import_file(sqlite_workspace, path)
    assert report.updated == 7
    after = {s["reference"]: s for s in state(sqlite_workspace)}
    for index, view in enumerate(views):
        assert after[view.reference]["title"] == f"Titre revu {index}"
        assert after[view.reference]["stage"] == "prototype"
        assert after[view.reference]["partners"] == ["DREAL Grand Est", f"Partenaire {index}"]
    with sqlite_workspace.reading() as session:
        numbers = session.execute(select(ProjectRevision.project_id, func.max(ProjectRevision.number))
                                  .group_by(ProjectRevision.project_id)).all()
        decisions = session.scalar(select(func.count()).select_from(StageDecision)
                                   .where(StageDecision.import_batch_id == report.batch_id))
    assert sorted(n for _, n in numbers) == [2] * 7
    assert decisions == 7


def test_a_write_failing_in_a_later_slice_leaves_nothing_written(sqlite_workspace, tmp_path, monkeypatch):
    """The third slice's statements fail (a full disk, say): the slices already
    written are rolled back with it, and the user reads a sentence."""
    from labest_desktop.domain.errors import LabestError
    from labest_desktop.storage import bulk

    monkeypatch.setattr(exchange_import, "WRITE_SLICE", 2)
    views = make_portfolio(sqlite_workspace, 7)
    path = export(sqlite_workspace, tmp_path / "out.xlsx")
    for view in views:
        edit_cell(path, view.reference, "Titre", "Titre revu " + view.reference)
    before = state(sqlite_workspace)
    calls = {"n": 0}
    real = bulk.update_many

    def failing(connection, table, rows):
        calls["n"] += 1
        if calls["n"] == 3:  # the third slice's update fails
            connection.exec_driver_sql("INSERT INTO no_such_table VALUES (1)")
        real(connection, table, rows)

    monkeypatch.setattr(exchange_import, "update_many", failing)
    with pytest.raises(LabestError):
        exchange_import.import_file(sqlite_workspace, path)
    assert calls["n"] == 3  # two slices were written before the failure
    assert state(sqlite_workspace) == before
    with sqlite_workspace.reading() as session:
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0


def test_a_csv_with_control_characters_is_stored_on_both_engines(workspace, tmp_path):
    """Control characters in a CSV cell (a file with NUL is not taken for text at
    all) become U+FFFD, so the project can be written to a workbook again."""
    path = tmp_path / "projets.csv"
    path.write_text("Titre;Étape;Responsable\nProjet\x01 A;Idéation;Jeanne\x07 Martin\n", encoding="utf-8")
    report = exchange_import.import_file(workspace, path)
    assert report.applied and report.created == 1
    (stored,) = state(workspace)
    assert (stored["title"], stored["contact"]) == ("Projet\ufffd A", "Jeanne\ufffd Martin")


def _project_indexes(ws) -> list[tuple]:
    with ws.reading() as session:
        return session.connection().exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'project' ORDER BY name"
        ).all()


def test_a_whole_portfolio_into_another_office_remakes_the_indexes(sqlite_workspace, tmp_path, monkeypatch):
    """A first import at least as large as the portfolio here writes the projects
    without their secondary indexes and makes them again: the same indexes after,
    used by the list's queries, every project there; a failure half-way leaves
    them as they were."""
    from labest_desktop.storage import bulk

    monkeypatch.setattr(bulk, "INDEX_REBUILD_ROWS", 1)
    monkeypatch.setattr(exchange_import, "WRITE_SLICE", 2)
    make_portfolio(sqlite_workspace, 7)
    path = export(sqlite_workspace, tmp_path / "a.xlsx")
    other = _open_other(tmp_path)
    make_portfolio(other, 2)
    before = _project_indexes(other)
    assert len(before) > 10

    real = bulk.insert_many
    calls = {"n": 0}

    def failing(connection, table, rows):
        calls["n"] += 1
        if table.name == "project" and calls["n"] > 3:
            raise OSError("disque plein")
        return real(connection, table, rows)

    monkeypatch.setattr(exchange_import, "insert_many", failing)
    with pytest.raises(OSError):
        exchange_import.import_file(other, path)
    assert _project_indexes(other) == before and len(state(other)) == 2
    monkeypatch.setattr(exchange_import, "insert_many", real)

    report = exchange_import.import_file(other, path)
    assert report.created == 7 and report.applied
    assert _project_indexes(other) == before
    titles = [f"Projet numéro {i} à Épinal" for i in (1, 2, *range(1, 8))]
    assert sorted(s["title"] for s in state(other)) == sorted(titles)
    with other.reading() as session:
        plan = " ".join(str(r) for r in session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM project WHERE department = '88' AND deleted_at IS NULL"
        ).all())
    assert "ix_project_live_department" in plan or "ix_project_department" in plan
    other.database.dispose()


def _open_other(tmp_path):
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import sqlite_location

    folder = tmp_path / "autre"
    folder.mkdir()
    ws = Workspace(open_database(sqlite_location(folder / "b.sqlite3"), backups_folder=folder / "backups"), "b")
    office.set_identity(ws, "Préfecture de la Meuse", "MEU")
    return ws
