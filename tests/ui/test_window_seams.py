"""Where the window and the views meet: project sheets from the editor and from the
list, the board's request to open a project, the editor's linked events."""

from __future__ import annotations

import unicodedata

import pytest
from pypdf import PdfReader

from labest_desktop.services import events, project_query, projects
from labest_desktop.ui import project_sheets
from labest_desktop.ui.editor import project_editor
from labest_desktop.ui.views.events import ProjectEventsPanel


def _pdf_text(path) -> tuple[int, str]:
    reader = PdfReader(str(path))
    # NFKC undoes the typographic ligatures (« ﬁ ») of the PDF's font.
    text = " ".join(" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages)
    return len(reader.pages), text


@pytest.fixture
def window(make_window, demo_workspace):
    return make_window(demo_workspace)


@pytest.fixture
def asked(monkeypatch, tmp_path):
    """The file dialog answers a path in tmp_path and remembers what it suggested."""
    suggestions: list[str] = []

    def ask(cls, parent, suggested):
        suggestions.append(suggested)
        return str(tmp_path / "sortie" / "fiches")  # no suffix: .pdf is added

    monkeypatch.setattr(project_sheets.SheetFileDialog, "ask", classmethod(ask))
    return suggestions


def _title_words(ws, pid) -> str:
    return " ".join(projects.get_project(ws, pid).fields.title.split()[:3])


def test_project_sheet_from_the_editor(window, asked, qtbot, tmp_path):
    """« Fiche projet (PDF) » in the editor of a project writes that project's sheet to
    the file chosen in the dialog (suggested from its reference): a PDF whose text has
    the project's title and reference."""
    ws = window.context.workspace
    pid = project_query.project_ids(ws)[0]
    view = projects.get_project(ws, pid)
    editor = project_editor.ProjectEditor(window.context, pid, window)
    qtbot.addWidget(editor)
    assert editor.sheet_button.isEnabled()
    assert editor.sheet_button.text().replace("&", "") == "Fiche projet (PDF)…"
    editor.sheet_button.click()
    target = tmp_path / "sortie" / "fiches.pdf"
    assert target.exists()
    assert asked[0].endswith(f"fiche-{view.reference}.pdf")
    pages, text = _pdf_text(target)
    assert pages >= 1
    assert view.reference in text
    assert _title_words(ws, pid) in text
    assert str(target) in window.statusBar().currentMessage()


def test_project_sheet_not_offered_for_an_unsaved_project(window, qtbot):
    """A new project has no sheet yet: the button is disabled."""
    editor = project_editor.ProjectEditor(window.context, None, window)
    qtbot.addWidget(editor)
    assert not editor.sheet_button.isEnabled()


def test_project_sheets_of_the_selection_make_one_pdf(window, asked, qtbot, tmp_path):
    """With three projects selected in the list, « Fiche projet (PDF) » writes one PDF
    with a page per project, each title present; the action is disabled with nothing
    selected and sits in the Fichier menu and the list's context menu."""
    ws = window.context.workspace
    view = window.projects_view
    view.select_ids([])
    assert not window.sheets_action.isEnabled()
    ids = view.model.ids()[:3]
    view.select_ids(ids)
    qtbot.waitUntil(window.sheets_action.isEnabled)
    assert window.sheets_action in view.table.actions()
    file_menu = window.menuBar().actions()[0].menu()
    assert window.sheets_action in file_menu.actions()
    window.sheets_action.trigger()
    target = tmp_path / "sortie" / "fiches.pdf"
    assert asked[0].endswith("fiches-projets-3.pdf")
    pages, text = _pdf_text(target)
    assert pages >= 3
    for pid in ids:
        assert _title_words(ws, pid) in text


def test_cancelled_file_dialog_writes_nothing(window, monkeypatch, tmp_path):
    """Cancelling the file dialog writes no PDF and says nothing."""
    monkeypatch.setattr(project_sheets.SheetFileDialog, "ask", classmethod(lambda cls, parent, suggested: None))
    view = window.projects_view
    view.select_ids(view.model.ids()[:2])
    assert window.project_actions.sheets_of_selection() is None
    assert not list(tmp_path.rglob("*.pdf"))


def test_board_open_request_opens_the_project_editor(window, qtbot, monkeypatch):
    """The board's « Ouvrir le projet » (Enter or double-click on a card) opens the
    editor of that card's project, through the main window."""
    opened = []

    def exec_(editor):
        opened.append(editor.project_id)
        return 0

    monkeypatch.setattr(project_editor.ProjectEditor, "exec", exec_)
    board = window.ensure_view("board")
    window.show_view("board")
    qtbot.waitUntil(lambda: not board.is_updating())  # cards are read in the background
    column = next(c for c in board.columns.values() if c.model.rowCount() > 0)
    column.view.setCurrentIndex(column.model.index(0))
    card = column.selected_card()
    opener = next(a for a in column.view.actions() if a.text().replace("&", "") == "Ouvrir le projet")
    opener.trigger()
    assert opened == [card.id]


def test_events_and_partners_open_requests_reach_the_editor(window, monkeypatch):
    """The events and partners views ask for a project the same way; the window
    opens the editor for both."""
    opened = []
    monkeypatch.setattr(project_editor.ProjectEditor, "exec", lambda editor: opened.append(editor.project_id) or 0)
    pid = project_query.project_ids(window.context.workspace)[0]
    window.ensure_view("events").open_project.emit(pid)
    window.ensure_view("partners").open_project.emit(pid)
    assert opened == [pid, pid]


def test_editor_linked_events_tab_uses_the_project_events_panel(window, qtbot):
    """The editor's « Événements liés » tab is the events view's ProjectEventsPanel,
    listing the project's events; activating one closes the editor and shows that
    event selected in the Événements view."""
    ws = window.context.workspace
    pid = next(p for p in project_query.project_ids(ws) if events.events_of_project(ws, p))
    linked = events.events_of_project(ws, pid)
    editor = project_editor.ProjectEditor(window.context, pid, window)
    qtbot.addWidget(editor)
    assert isinstance(editor.events, ProjectEventsPanel)
    tab = editor.tabs.indexOf(editor.events)
    assert editor.tabs.tabText(tab).replace("&", "") == "Événements liés"
    assert editor.events.count() == len(linked)
    assert linked[0].title in editor.events.item(0).text()
    editor.events.open_event.emit(linked[0].id)
    assert editor.event_to_show == linked[0].id
    window.project_actions.show_event(editor.event_to_show)
    events_view = window.views["events"]
    assert window.tabs.currentWidget() is events_view
    assert events_view.editor.event_id == linked[0].id


def test_first_start_columns_show_whole_references_stages_and_statuses(window):
    """At first start (no saved layout) the Référence, Étape, Statut and Modifié le
    columns are wide enough for their longest text, so none is cut (« Déploiem… »)."""
    from labest_desktop.ui import labels
    from labest_desktop.ui.models.project_table import COLUMN_KEYS

    view = window.projects_view
    header = view.table.horizontalHeader()
    metrics = view.table.fontMetrics()
    reference = view.model.index(0, COLUMN_KEYS.index("reference")).data()
    updated = view.model.index(0, COLUMN_KEYS.index("updated_at")).data()
    for key, texts in (("reference", [reference]),
                       ("stage", [labels.stage_label(s) for s in labels.stages()]),
                       ("status", [labels.status_label(s) for s in labels.statuses()]),
                       ("updated_at", [updated])):
        widest = max(metrics.horizontalAdvance(t) for t in texts)
        assert header.sectionSize(COLUMN_KEYS.index(key)) > widest + 8, key
