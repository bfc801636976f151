"""PDF documents for committees, written then read back with pypdf."""

from __future__ import annotations

import unicodedata

import pytest
from pypdf import PdfReader

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import projects, stage_moves
from labest_desktop.services.demo import load_demo
from labest_desktop.services.project_query import ProjectFilter, project_ids
from labest_desktop.ui.reports.portfolio import write_portfolio_report
from labest_desktop.ui.reports.project_sheet import write_project_sheets
from labest_desktop.ui.views import dashboard as dashboard_view
from tests.support.ui_context import make_context


def _page_text(page) -> str:
    # NFKC undoes the typographic ligatures (« ﬁ ») the PDF's font uses.
    return " ".join(unicodedata.normalize("NFKC", page.extract_text()).split())


def _text(path):
    reader = PdfReader(str(path))
    return reader, "\n".join(_page_text(page) for page in reader.pages)


def test_project_sheet_has_the_title_decisions_and_french_amounts(qapp, sqlite_workspace, tmp_path):
    """A sheet shows the title, reference, the decisions with rationales and the budget
    written the French way."""
    from decimal import Decimal

    view = projects.create_project(
        sqlite_workspace,
        ProjectFields(title="Guichet unique des associations", lead="Grand Reims", partners=("ADEME Grand Est",),
                      budget=Decimal("125000.50"), funding="Budget propre", department="51",
                      description="Un guichet pour toutes les démarches."),
    )
    stage_moves.move(sqlite_workspace, view.id, "prototype", "Prototype validé en comité du 3 mars", view.version)
    projects.add_note(sqlite_workspace, view.id, "Tests avec 8 usagers programmés.")
    path = write_project_sheets(sqlite_workspace, [view.id], tmp_path / "fiche.pdf")
    reader, text = _text(path)
    assert len(reader.pages) >= 1
    flat = " ".join(text.split())
    assert "Guichet unique des associations" in flat
    assert view.reference in flat
    assert "Prototype validé en comité du 3 mars" in flat
    assert "125 000,50 €" in flat.replace("\u00a0", " ")
    assert "Tests avec 8 usagers programmés." in flat
    assert reader.metadata.title.endswith("Guichet unique des associations")


def test_several_selected_projects_make_one_pdf_with_a_page_each(qapp, sqlite_workspace, tmp_path):
    """Three selected projects: one PDF, each sheet starting on its own page."""
    load_demo(sqlite_workspace, projects=20, seed=4)
    ids = project_ids(sqlite_workspace)[:3]
    path = write_project_sheets(sqlite_workspace, ids, tmp_path / "fiches.pdf")
    reader, text = _text(path)
    assert len(reader.pages) >= 3
    for pid in ids:
        title = projects.get_project(sqlite_workspace, pid).fields.title
        assert any(" ".join(title.split()[:3]) in _page_text(p) for p in reader.pages)


@pytest.mark.parametrize("with_table", [True, False])
def test_portfolio_report_and_dashboard_pdf(qtbot, sqlite_workspace, tmp_path, with_table):
    """The report has the charts and, with the table, each stage's projects for the
    current filter; the dashboard's « Export as PDF » writes it."""
    load_demo(sqlite_workspace, projects=120, seed=6)
    context = make_context(sqlite_workspace, tmp_path)
    context.filter_state.update(departments=frozenset({"67"}))
    view = dashboard_view.DashboardView(context)
    qtbot.addWidget(view)
    target = tmp_path / "report.pdf"
    assert view.export_report(with_table=with_table, path=str(target)) == str(target)
    reader, text = _text(target)
    flat = " ".join(text.split())
    assert len(reader.pages) >= 2
    if with_table:
        assert "portfolio report" in flat.lower() or "rapport" in flat.lower()
        some = project_ids(sqlite_workspace, ProjectFilter(departments=frozenset({"67"})))
        reference = projects.get_project(sqlite_workspace, some[0]).reference
        assert reference in flat
        other = project_ids(sqlite_workspace, ProjectFilter(departments=frozenset({"57"})))
        assert projects.get_project(sqlite_workspace, other[0]).reference not in flat
    else:
        assert "dashboard" in flat.lower() or "synthèse" in flat.lower()


def test_report_to_an_unwritable_place_is_a_sentence(qapp, sqlite_workspace, tmp_path):
    """A folder that cannot be created gives the user a sentence, not a traceback."""
    from labest_desktop.ui.reports.pdf import PdfWriteError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(PdfWriteError) as caught:
        write_portfolio_report(sqlite_workspace, ProjectFilter(), blocker / "sub" / "r.pdf")
    assert "Impossible d'écrire le PDF" in caught.value.message


HOSTILE_TITLE = "X</title></head><body><h1>Projet annulé</h1><img src='file:///etc/hostname'>"


def test_a_title_made_of_html_is_printed_as_text_and_loads_nothing(qapp, sqlite_workspace, tmp_path):
    """Before, the title went into the page unescaped: the PDF showed the attacker's
    heading and embedded a local image file. Now the title is printed as typed and
    the PDF holds no image at all."""
    (tmp_path / "secret.png").write_bytes(b"")
    title = HOSTILE_TITLE.replace("/etc/hostname", str(tmp_path / "secret.png"))
    view = projects.create_project(sqlite_workspace, ProjectFields(title=title))
    path = write_project_sheets(sqlite_workspace, [view.id], tmp_path / "fiche.pdf")
    reader, text = _text(path)
    assert "X</title></head><body><h1>Projetannulé</h1><imgsrc=" in text.replace(" ", "")  # wrapped lines
    assert reader.metadata.title.endswith(title)
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        objects = resources.get("/XObject") or {}
        assert all(objects[name].get_object().get("/Subtype") != "/Image" for name in objects)


def test_no_report_fetches_a_resource_it_was_not_given(qapp, tmp_path):
    """An <img> pointing at a real image file, in any report body, is not loaded."""
    from PySide6.QtGui import QColor, QImage

    from labest_desktop.ui.reports.pdf import write_pdf

    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    picture = tmp_path / "photo.png"
    image.save(str(picture))
    path = write_pdf(tmp_path / "r.pdf", "Rapport", f"<p>Avant</p><img src='file://{picture}'><img src='{picture}'>")
    reader, text = _text(path)
    assert "Avant" in text
    for page in reader.pages:
        objects = (page.get("/Resources") or {}).get("/XObject") or {}
        assert all(objects[name].get_object().get("/Subtype") != "/Image" for name in objects)


def test_portfolio_tables_read_right(qtbot, sqlite_workspace, tmp_path):
    """Read back with pypdf: no word cut inside a cell (« Abandonn/é », « Régio/n »),
    every amount whole on one line with its € (no-break spaces), and the table's
    heading row at the top of every page the tables run on (issue 14, item 8)."""
    import re

    from labest_desktop.services.project_query import project_ids, rows
    from labest_desktop.ui.labels import status_label
    from labest_desktop.ui.reports.formatting import french_amount
    from labest_desktop.ui.reports.portfolio import write_portfolio_report

    load_demo(sqlite_workspace, projects=150, seed=11)
    target = tmp_path / "portefeuille.pdf"
    write_portfolio_report(sqlite_workspace, ProjectFilter(), target, with_table=True)
    reader, _text_all = _text(target)
    pages = [_page_text(p) for p in reader.pages]
    lines = [" ".join(line.replace("\u00a0", " ").replace("\u202f", " ").split())
             for page in pages for line in page.splitlines()]
    words = {w for line in lines for w in line.split()}
    ids = project_ids(sqlite_workspace)
    found = rows(sqlite_workspace, ids)
    statuses = {status_label(r.status) for r in found.values()}
    assert "Abandonné" in statuses or "En pause" in statuses
    for label in statuses:
        for word in label.split():
            assert word in words, f"« {word} » cut in the table"
    assert "Région" in words
    amounts = {french_amount(r.budget).replace("\u00a0", " ") for r in found.values() if r.budget is not None}
    joined = "\n".join(lines)
    missing = [a for a in amounts if a not in joined]
    assert not missing, f"amounts broken across lines: {missing[:5]}"
    table_pages = [p for p in pages if re.search(r"LAB-\d{4}-\d{4}", p)]
    assert len(table_pages) >= 3
    assert all("Référence" in p and "Budget" in p for p in table_pages)
