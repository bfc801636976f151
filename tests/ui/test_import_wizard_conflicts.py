"""The import wizard asks: conflicts start undecided, « Importer » stays disabled until
each is settled (one by one, or all at once), and each conflict shows its value at
export, here and in the file, whole, with the changed words marked."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtWidgets import QWizard

from labest_desktop.services import project_query, projects
from labest_desktop.services.exchange_export import export_workbook
from labest_desktop.services.project_query import iter_snapshots
from labest_desktop.ui.dialogs.word_diff import changed_words, marked
from tests.ui.conftest import screenshot
from tests.ui.test_exchange_dialogs import open_preview

LONG_BASE = "Accompagner les usagers des services publics dans leurs démarches en ligne. " * 6
LONG_HERE = LONG_BASE + "Ajout d'ici : un atelier à Metz."
LONG_FILE = LONG_BASE.replace("usagers", "habitants", 1) + "Ajout du fichier : permanences à Nancy."


def _conflicting_file(ws, tmp_path, count: int = 2):
    """Export, then change the description of ``count`` projects here and in the file."""
    path = tmp_path / "echange.xlsx"
    ids = project_query.project_ids(ws)[:count]
    for pid in ids:
        view = projects.get_project(ws, pid)
        projects.update_project(ws, pid, view.fields.with_changes(description=LONG_BASE), view.version)
    export_workbook(ws, path)
    references = []
    for pid in ids:
        view = projects.get_project(ws, pid)
        projects.update_project(ws, pid, view.fields.with_changes(description=LONG_HERE), view.version)
        references.append(view.reference)
    book = openpyxl.load_workbook(path)
    sheet = book["Projets"]
    headers = [c.value for c in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, headers.index("Référence") + 1).value in references:
            sheet.cell(row, headers.index("Description") + 1).value = LONG_FILE
    book.save(path)
    return path, ids


def _import_button(wizard):
    return wizard.button(QWizard.WizardButton.CommitButton)


def test_conflicts_start_undecided_and_import_waits_for_each(make_window, demo_workspace, qtbot, tmp_path):
    ws = demo_workspace
    path, ids = _conflicting_file(ws, tmp_path)
    wizard = open_preview(make_window(ws), path, qtbot)
    page = wizard.preview_page
    assert len(page.choices) == 2
    assert all(combo.currentData() is None for combo in page.choices.values())
    assert [combo.currentText() for combo in page.choices.values()] == ["À trancher…"] * 2
    assert not _import_button(wizard).isEnabled()
    assert page.status.text() == "2 conflits à trancher avant d'importer."
    first, second = page.choices.values()
    first.setCurrentIndex(first.findData("mine"))
    assert not _import_button(wizard).isEnabled()
    assert page.status.text() == "1 conflit à trancher avant d'importer."
    second.setCurrentIndex(second.findData("theirs"))
    assert _import_button(wizard).isEnabled()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=20_000)
    assert wizard.report.applied
    descriptions = sorted(projects.get_project(ws, pid).fields.description for pid in ids)
    assert descriptions == sorted([LONG_HERE.strip(), LONG_FILE.strip()])


@pytest.mark.parametrize(("button", "expected"), [("keep_all_button", LONG_HERE), ("take_all_button", LONG_FILE)])
def test_settle_all_at_once(make_window, demo_workspace, qtbot, tmp_path, button, expected):
    """« Tout garder ici » / « Tout prendre du fichier » settle every conflict."""
    ws = demo_workspace
    path, ids = _conflicting_file(ws, tmp_path)
    wizard = open_preview(make_window(ws), path, qtbot)
    page = wizard.preview_page
    assert (page.keep_all_button.text(), page.take_all_button.text()) == ("Tout &garder ici", "Tout &prendre du fichier")
    getattr(page, button).click()
    assert page.unsettled() == 0 and _import_button(wizard).isEnabled()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=20_000)
    assert {projects.get_project(ws, pid).fields.description for pid in ids} == {expected.strip()}


def test_conflict_shows_base_here_and_file_whole_with_changes_marked(make_window, demo_workspace, qtbot, tmp_path):
    ws = demo_workspace
    path, _ids = _conflicting_file(ws, tmp_path, count=1)
    wizard = open_preview(make_window(ws), path, qtbot)
    page = wizard.preview_page
    table = page.conflicts_table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Ligne", "Projet", "Champ", "Choix", "À l'export", "Ici", "Dans le fichier"]
    text = page.detail.toPlainText()
    for whole in (LONG_BASE.strip(), LONG_HERE.strip(), LONG_FILE.strip()):
        assert whole in text  # nothing cut off
    assert text.index("À l'export") < text.index("Ici") < text.index("Dans le fichier")
    html = page.detail.toHtml()
    assert html.count("font-weight:700") >= 3 or html.count("font-weight:600") >= 3
    screenshot(wizard, "import-preview-conflict-detail")
    bar = page.detail.verticalScrollBar()
    bar.setValue(bar.maximum())
    screenshot(wizard, "import-preview-conflict-marked")


def test_marked_words():
    """Only the words that differ from the reference are marked, escaped for HTML."""
    assert changed_words("un atelier à Metz", "un atelier à Nancy") == ["Nancy"]
    assert changed_words("a b c", "a b c") == []
    assert changed_words("", "nouveau texte") == ["nouveau texte"]
    html = marked("x < y", "x < z")
    assert "&lt;" in html and html.endswith("z</span>")


def test_wizard_lists_rows_that_are_not_projects(make_window, demo_workspace, qtbot, tmp_path):
    """A « Total » row with a formula under the table is shown in « Lignes ignorées »
    with its row, cell and why, and is not imported."""
    ws = demo_workspace
    path = tmp_path / "avec-total.xlsx"
    export_workbook(ws, path)
    book = openpyxl.load_workbook(path)
    sheet = book["Projets"]
    headers = [c.value for c in sheet[1]]
    last = sheet.max_row
    sheet.cell(last + 1, headers.index("Titre") + 1).value = "Total"
    budget = headers.index("Budget (€)") + 1
    letter = openpyxl.utils.get_column_letter(budget)
    sheet.cell(last + 1, budget).value = f"=SUM({letter}2:{letter}{last})"
    book.save(path)
    before = list(iter_snapshots(ws))
    wizard = open_preview(make_window(ws), path, qtbot)
    tabs = wizard.preview_page.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "Lignes ignorées (1)" in titles
    table = tabs.widget(titles.index("Lignes ignorées (1)"))
    assert table.item(0, 0).text() == str(last + 1)
    assert table.item(0, 1).text() == f"{letter}{last + 1}"
    assert "contient une formule" in table.item(0, 2).text()
    tabs.setCurrentIndex(titles.index("Lignes ignorées (1)"))
    screenshot(wizard, "import-preview-ignored-rows")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=20_000)
    assert wizard.report.applied and wizard.report.created == 0
    assert f"Ligne {last + 1} ignorée" in wizard.summary_page.text.text()
    assert list(iter_snapshots(ws)) == before
