"""Export dialog and import wizard: background work, conflicts settled per field."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from labest_desktop.services import project_query, projects
from labest_desktop.ui.dialogs.export_dialog import ExportDialog
from labest_desktop.ui.dialogs.import_wizard import ImportWizard
from tests.ui.conftest import screenshot


def test_export_current_view_in_background(make_window, demo_workspace, qtbot, tmp_path):
    """The export dialog writes the current view's projects in the background and
    then offers to open the folder."""
    window = make_window(demo_workspace)
    window.context.filter_state.update(stages=frozenset({"prototype"}))
    dialog = ExportDialog(window.context, None)
    qtbot.addWidget(dialog)
    assert dialog.scope_view.isChecked()
    target = tmp_path / "vue.xlsx"
    dialog.path.setText(str(target))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    assert target.exists() and dialog.open_folder_button.isVisibleTo(dialog)
    from labest_desktop.exchange.workbook import read_exchange_file

    rows = read_exchange_file(target).projects.records
    assert len(rows) == project_query.count(demo_workspace, window.context.filter_state.filter)


def open_preview(window, path, qtbot) -> ImportWizard:
    """The import wizard on ``path``, past reading, showing its preview."""
    wizard = ImportWizard(window.context, None, str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=20_000)
    return wizard


@pytest.mark.parametrize("choice", ["mine", "theirs"])
def test_import_wizard_settles_conflict_per_field(make_window, demo_workspace, qtbot, tmp_path, choice):
    """A title changed both here and in the file is a conflict; the wizard shows it
    and applies the choice made for that field, then shows a summary."""
    import openpyxl

    from labest_desktop.services.exchange_export import export_workbook

    ws = demo_workspace
    pid = project_query.project_ids(ws)[0]
    path = tmp_path / "echange.xlsx"
    export_workbook(ws, path)
    view = projects.get_project(ws, pid)
    projects.update_project(ws, pid, view.fields.with_changes(title="Titre d'ici"), view.version)
    book = openpyxl.load_workbook(path)
    sheet = book["Projets"]
    headers = [c.value for c in sheet[1]]
    ref_col, title_col = headers.index("Référence") + 1, headers.index("Titre") + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, ref_col).value == view.reference:
            sheet.cell(row, title_col).value = "Titre du fichier"
    book.save(path)

    window = make_window(ws)
    wizard = open_preview(window, path, qtbot)
    page = wizard.preview_page
    assert len(page.choices) == 1
    (row, field), combo = next(iter(page.choices.items()))
    assert field == "title"
    screenshot(wizard, "import-preview")
    combo.setCurrentIndex(combo.findData(choice))
    wizard.next()  # applying runs in the background, then the summary shows
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=20_000)
    assert wizard.report.applied
    expected = "Titre d'ici" if choice == "mine" else "Titre du fichier"
    assert projects.get_project(ws, pid).fields.title == expected


def test_import_wizard_settles_an_event_conflict_beside_a_project_one(make_window, demo_workspace, qtbot, tmp_path):
    """A known event edited in the file shows in « Conflits » as « Événement : … »
    next to a project row with the same row number; each keeps its own choice."""
    import openpyxl

    from labest_desktop.domain.models import Event
    from labest_desktop.services import events
    from labest_desktop.services.exchange_export import export_workbook

    ws = demo_workspace
    with ws.reading() as session:
        event = session.scalars(select(Event).order_by(Event.id)).first()
        event_id, event_title = event.id, event.title
    pid = project_query.project_ids(ws)[0]
    view = projects.get_project(ws, pid)
    path = tmp_path / "echange.xlsx"
    export_workbook(ws, path)
    projects.update_project(ws, pid, view.fields.with_changes(title="Titre d'ici"), view.version)
    # The place changed here too: both sides changed it since the export.
    here = events.get_event(ws, event_id)
    events.update_event(ws, event_id, replace(here.fields, place="Salle d'ici"), expected_version=here.version)
    book = openpyxl.load_workbook(path)
    for sheet_name, key_header, key, header, value in (
        ("Projets", "Référence", view.reference, "Titre", "Titre du fichier"),
        ("Événements", "Titre", event_title, "Lieu", "Salle du fichier"),
    ):
        sheet = book[sheet_name]
        headers = [c.value for c in sheet[1]]
        for row in range(2, sheet.max_row + 1):
            if sheet.cell(row, headers.index(key_header) + 1).value == key:
                sheet.cell(row, headers.index(header) + 1).value = value
                break
    book.save(path)

    window = make_window(ws)
    wizard = open_preview(window, path, qtbot)
    page = wizard.preview_page
    assert len(page.choices) == 2
    table = page.conflicts_table
    subjects = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert f"Événement : {event_title}" in subjects
    assert "Lieu" in [table.item(r, 2).text() for r in range(table.rowCount())]
    screenshot(wizard, "import-preview-event-conflict")
    for key, combo in page.choices.items():
        combo.setCurrentIndex(combo.findData("theirs" if key[0] == "Événements" else "mine"))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=20_000)
    assert wizard.report.applied
    assert events.get_event(ws, event_id).fields.place == "Salle du fichier"
    assert projects.get_project(ws, pid).fields.title == "Titre d'ici"


def test_import_wizard_reading_can_be_cancelled(make_window, demo_workspace, qtbot, tmp_path, monkeypatch):
    """Cancel during reading stops the background work and imports nothing."""
    import threading

    from labest_desktop.services import exchange_import

    started = threading.Event()

    def slow_preview(ws, path, progress=None, cancelled=None):
        started.set()
        while not cancelled():
            progress(1, 10)
            threading.Event().wait(0.005)
        raise exchange_import.ImportCancelled()

    monkeypatch.setattr(exchange_import, "preview_import", slow_preview)
    path = tmp_path / "x.csv"
    path.write_text("Titre\nA\n", encoding="utf-8")
    window = make_window(demo_workspace)
    wizard = ImportWizard(window.context, None, str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(started.is_set, timeout=5000)
    wizard.read_page.cancel_button.click()
    qtbot.waitUntil(lambda: wizard.read_page.task is None, timeout=5000)
    assert wizard.read_page.preview is None
    assert "Rien n'a été importé" in wizard.read_page.status.text()
