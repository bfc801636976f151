"""« Lien » in the window and the project sheet: the editor refuses an address that
is not http(s) with the rule's sentence under the field, its « Ouvrir » button hands
only http(s) addresses to the system browser (QDesktopServices), and the project
sheet's PDF carries the address as a clickable link."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import project_query, projects
from labest_desktop.ui.editor.project_editor import ProjectEditor
from labest_desktop.ui.reports.project_sheet import write_project_sheets
from labest_desktop.ui.web_links import open_web_address

LINK = "https://www.grandest.fr/projets/guichet-unique?etape=2"


class Browser(QObject):
    """Stands where the system browser is: Qt hands it the URLs it would open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser(qapp):
    handler = Browser()
    for scheme in ("http", "https", "file", "javascript"):
        QDesktopServices.setUrlHandler(scheme, handler, "show")
    yield handler
    for scheme in ("http", "https", "file", "javascript"):
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def window(make_window, sqlite_workspace):
    return make_window(sqlite_workspace)


def test_the_editor_refuses_a_script_address_and_opens_a_web_one(window, qtbot, browser):
    ws = window.context.workspace
    editor = ProjectEditor(window.context, None, None)
    qtbot.addWidget(editor)
    link = editor.form.link
    editor.form.title.setText("Guichet unique")
    link.setText("javascript:alert(1)")
    assert not link.open_button.isEnabled()
    assert not link.open_link()
    assert not editor.save()
    assert "http:// ou https://" in editor.form.error_text("link")
    assert project_query.count(ws) == 0

    link.setText(LINK)
    assert link.open_button.isEnabled()
    link.open_button.click()
    assert browser.opened == [LINK]
    assert editor.save()
    assert projects.get_project(ws, editor.project_id).fields.link == LINK


@pytest.mark.parametrize("address", ["file:///etc/passwd", "javascript:alert(1)", "https://", "http://a b"])
def test_nothing_but_a_web_address_reaches_the_browser(browser, address):
    assert open_web_address(address) is False
    assert browser.opened == []


def test_the_project_sheet_links_to_the_address(qapp, sqlite_workspace, tmp_path):
    view = projects.create_project(sqlite_workspace, ProjectFields("Guichet unique", link=LINK))
    path = write_project_sheets(sqlite_workspace, [view.id], tmp_path / "fiche.pdf")
    page = PdfReader(str(path)).pages[0]
    uris = [annotation.get_object()["/A"]["/URI"] for annotation in page.get("/Annots", [])
            if annotation.get_object().get("/Subtype") == "/Link"]
    assert uris == [LINK]
    assert "Lien" in page.extract_text()
