"""Export then import changes nothing: for any portfolio (property test), and for a
workbook that went through LibreOffice."""

from __future__ import annotations

import shutil
import string
import subprocess
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.vocab import DEPARTMENTS, Stage, Status
from labest_desktop.services import exchange_export, exchange_import, projects
from labest_desktop.services.project_query import iter_snapshots
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import sqlite_location

# Text as coordinators type it: accents, punctuation, formula-like starts, line breaks.
ALPHABET = string.ascii_letters + string.digits + " éèêàçùôÉÈÀÇœ€'’-=+@;:,.()/\n\t«»"
text = st.text(alphabet=ALPHABET, min_size=1, max_size=60).filter(lambda s: s.strip())
names = st.text(alphabet=string.ascii_letters + " éèÉ'-", min_size=2, max_size=30).filter(
    lambda s: s.strip() and ";" not in s
)


@st.composite
def project_fields(draw) -> ProjectFields:
    start = draw(st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2035, 12, 31))))
    end = None
    if draw(st.booleans()):
        end = draw(st.dates(start or date(2015, 1, 1), date(2040, 12, 31)))
    return ProjectFields(
        title=draw(text),
        stage=draw(st.sampled_from(list(Stage))),
        status=draw(st.sampled_from(list(Status))),
        lead=draw(st.one_of(st.none(), names)),
        partners=tuple(draw(st.lists(names, max_size=3))),
        tags=tuple(draw(st.lists(names, max_size=3))),
        department=draw(st.one_of(st.none(), st.sampled_from(DEPARTMENTS))),
        contact=draw(st.one_of(st.none(), text)),
        start_date=start,
        end_date=end,
        budget=draw(st.one_of(st.none(), st.integers(0, 99_999_999_999).map(lambda c: Decimal(c) / 100))),
        funding=draw(st.one_of(st.none(), names)),
        users_involved=draw(st.one_of(st.none(), st.integers(0, 100_000))),
        agents_involved=draw(st.one_of(st.none(), st.integers(0, 10_000))),
        description=draw(st.one_of(st.none(), st.text(alphabet=ALPHABET, max_size=300))),
    )


def fresh_workspace() -> tuple[Workspace, Path]:
    folder = Path(tempfile.mkdtemp(prefix="labest-prop-"))
    database = open_database(sqlite_location(folder / "db.sqlite3"), backups_folder=folder / "backups")
    return Workspace(database, "prop"), folder


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolio=st.lists(project_fields(), min_size=1, max_size=6), suffix=st.sampled_from([".xlsx", ".ods"]))
def test_any_portfolio_survives_export_and_import(portfolio, suffix):
    """For any portfolio, exporting then importing back creates, updates and loses
    nothing, and every project comes back with the same values."""
    ws, folder = fresh_workspace()
    try:
        for values in portfolio:
            projects.create_project(ws, values)
        before = list(iter_snapshots(ws))
        path = folder / f"portfolio{suffix}"
        exchange_export.export_workbook(ws, path)
        report = exchange_import.import_file(ws, path)
        assert report.errors == [] and report.conflicts == []
        assert (report.created, report.updated, report.unchanged) == (0, 0, len(portfolio))
        assert list(iter_snapshots(ws)) == before
    finally:
        ws.database.dispose()
        shutil.rmtree(folder, ignore_errors=True)


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is installed by `make test`; not found here")
@pytest.mark.parametrize("resaved", ["xlsx", "ods"])
def test_workbook_resaved_by_libreoffice_imports_with_no_change(sqlite_workspace, tmp_path, resaved):
    """A coordinator opens our export in LibreOffice and saves it (as .xlsx or .ods):
    importing it changes nothing."""
    from labest_desktop.services.demo import load_demo

    load_demo(sqlite_workspace, projects=25, seed=7)
    before = list(iter_snapshots(sqlite_workspace))
    source = tmp_path / "export.xlsx"
    exchange_export.export_workbook(sqlite_workspace, source)
    out = tmp_path / "out"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", {"xlsx": "xlsx:Calc MS Excel 2007 XML", "ods": "ods"}[resaved], "--outdir", str(out),
         str(source)],
        check=True, capture_output=True, timeout=180,
    )
    report = exchange_import.import_file(sqlite_workspace, out / f"export.{resaved}")
    assert report.errors == [] and report.conflicts == []
    assert (report.created, report.updated, report.unchanged) == (0, 0, 25)
    assert list(iter_snapshots(sqlite_workspace)) == before
