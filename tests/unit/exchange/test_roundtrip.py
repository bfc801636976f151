"""What the writers put in a file comes back through the reader exactly."""

from __future__ import annotations

import string
import uuid
import zipfile
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from labest_desktop.domain.fields import ProjectFields, to_snapshot
from labest_desktop.domain.fingerprints import fingerprint
from labest_desktop.domain.vocab import DEPARTMENTS, Stage, Status
from labest_desktop.exchange.columns import PROJECT_COLUMNS, column_letter
from labest_desktop.exchange.ods_writer import write_ods
from labest_desktop.exchange.workbook import read_exchange_file
from labest_desktop.exchange.xlsx_writer import write_xlsx

from .helpers import META, core, make_snapshot, snapshot_of

WRITERS = {"xlsx": write_xlsx, "ods": write_ods}
FORMULA_LIKE = ["=SOMME(A1:A3)", "+33 3 87 00 00 00", "-5 % de budget", "@importer", "\tTabulé", "=1+1\r\nsuite", "=HYPERLINK(\"http://x\")"]


def _write_and_read(tmp_path, kind, snapshots, **extra):
    path = tmp_path / f"export.{kind}"
    report = WRITERS[kind](path, snapshots, meta=META, **extra)
    return report, read_exchange_file(path)


@pytest.mark.parametrize("kind", WRITERS)
def test_snapshots_round_trip(tmp_path, kind):
    """Snapshots, update times and fingerprints come back identical; meta is read."""
    snapshots = [make_snapshot(i) for i in range(1, 30)]
    _, parsed = _write_and_read(tmp_path, kind, snapshots)
    assert parsed.projects.errors == []
    assert [snapshot_of(r) for r in parsed.projects.records] == [core(s) for s in snapshots]
    assert [r.fingerprint for r in parsed.projects.records] == [s["fingerprint"] for s in snapshots]
    assert [r.values["updated_at"] for r in parsed.projects.records] == [s["updated_at"] for s in snapshots]
    assert parsed.meta["format"] == "labest-exchange" and parsed.meta["format_version"] == "2"
    assert parsed.meta["office"] == "Préfecture de la Moselle"
    assert parsed.meta["exported_at"] == "2026-05-01T08:30:00"


@pytest.mark.parametrize("kind", WRITERS)
@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_formula_like_text_stays_text(tmp_path, kind, text):
    """Text starting with =, +, -, @, tab, CR or LF is written as text and read back
    unchanged, with no apostrophe added."""
    snapshot = make_snapshot(1, title=text, description=text, lead=text)
    _, parsed = _write_and_read(tmp_path, kind, [snapshot])
    values = parsed.projects.records[0].values
    assert values["title"] == text.strip() and values["description"] == text.strip() and values["lead"] == text.strip()


def test_xlsx_formula_like_text_is_a_string_cell(tmp_path):
    """In the xlsx, a title starting with = is an inline string, never a <f> formula."""
    path = tmp_path / "f.xlsx"
    write_xlsx(path, [make_snapshot(1, title="=SOMME(A1:A3)")], meta=META)
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "=SOMME(A1:A3)</t>" in sheet
    cell = openpyxl.load_workbook(path)["Projets"]["B2"]
    assert cell.data_type == "s" and cell.value == "=SOMME(A1:A3)"


@pytest.mark.parametrize("kind", WRITERS)
def test_dates_amounts_lists_and_empty_cells(tmp_path, kind):
    """Dates, Decimal amounts, lists and empty cells survive the round trip."""
    full = make_snapshot(1, budget=Decimal("999999999999.99"), start_date=date(1901, 3, 1), end_date=date(2099, 12, 31))
    empty = make_snapshot(
        2, lead=None, partners=(), tags=(), department=None, contact=None, start_date=None, end_date=None,
        budget=None, funding=None, users_involved=None, agents_involved=None, description=None,
    )
    zero = make_snapshot(3, budget=Decimal("0"), users_involved=0, department="Région")
    _, parsed = _write_and_read(tmp_path, kind, [full, empty, zero])
    assert [snapshot_of(r) for r in parsed.projects.records] == [core(full), core(empty), core(zero)]
    record = parsed.projects.records[1]
    assert record.values["partners"] == [] and record.values["budget"] is None


@pytest.mark.parametrize("kind", WRITERS)
def test_control_characters_are_replaced_and_counted(tmp_path, kind):
    """Characters XML cannot hold are replaced and counted, never a crash."""
    report, parsed = _write_and_read(tmp_path, kind, [make_snapshot(1, title="Bip\x07 et\x00 nul")])
    assert report.replaced_characters == 2
    assert parsed.projects.records[0].values["title"] == "Bip\ufffd et\ufffd nul"


@pytest.mark.parametrize("kind", WRITERS)
def test_other_sheets_round_trip(tmp_path, kind):
    """Événements and Partenaires rows come back; Historique is written for information."""
    events = [{"uid": str(uuid.UUID(int=9)), "title": "Atelier", "kind": "workshop", "date": "2026-11-26", "place": "Metz",
               "participants": 12, "projects": ["LAB-2026-0001"], "organisations": ["CD57", "Ville de Metz"], "description": "=x"}]
    organisations = [{"name": "Ville de Metz", "kind": "local_authority", "department": "57"}]
    history = [{"reference": "LAB-2026-0001", "title": "Projet 1", "decided_at": datetime(2026, 1, 1, 9), "from_stage": "ideation",
                "to_stage": "prototype", "decided_by": "J. Martin", "rationale": "Go"}]
    report, parsed = _write_and_read(tmp_path, kind, [make_snapshot(1)], events=events, organisations=organisations,
                                     history=history, funding_names=["FNADT", "Fonds vert, volet 2"])
    assert (report.events, report.organisations, report.history) == (1, 1, 1)
    event = parsed.events.records[0].values
    assert event["date"] == date(2026, 11, 26) and event["organisations"] == ["CD57", "Ville de Metz"]
    assert event["description"] == "=x" and event["kind"] == "workshop"
    assert parsed.partners.records[0].values == organisations[0]
    assert parsed.sheet_names == ["Projets", "Événements", "Partenaires", "Historique", "_labest"]


def test_xlsx_sheet_features(tmp_path):
    """Bold frozen header, autofilter, validations, date and euro formats, hidden
    Empreinte column and very hidden _labest sheet."""
    path = tmp_path / "f.xlsx"
    write_xlsx(path, [make_snapshot(i) for i in range(1, 4)], meta=META, funding_names=["FNADT"])
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Projets"]
    assert workbook.sheetnames[0] == "Projets" and workbook["_labest"].sheet_state == "veryHidden"
    letter = {c.key: column_letter(i) for i, c in enumerate(PROJECT_COLUMNS)}  # the registry's order
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{column_letter(len(PROJECT_COLUMNS) - 1)}4"
    assert sheet["A1"].font.b and sheet["A1"].value == "Référence"
    assert sheet.column_dimensions[letter["fingerprint"]].hidden
    assert sheet["J2"].number_format == "dd/mm/yyyy" and sheet["J2"].is_date
    assert "€" in sheet["L2"].number_format
    assert sheet["P2"].alignment.wrap_text
    validated = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert validated["C2"] == '"Idéation,Prototype,Déploiement"'
    assert validated["H2"].startswith('"08,10,51')
    assert validated["M2"] == "_labest!$D$1:$D$1"


def test_xlsx_fallback_cell_path_round_trips(tmp_path):
    """The ordinary openpyxl cell path (used when lxml is installed) writes the same data."""
    snapshots = [make_snapshot(i, title="=x" if i == 2 else f"P{i}", description="a\r\nb _x0041_") for i in range(1, 4)]
    path = tmp_path / "lent.xlsx"
    write_xlsx(path, snapshots, meta=META, _raw_rows=False)
    parsed = read_exchange_file(path)
    assert [snapshot_of(r) for r in parsed.projects.records] == [core(s) for s in snapshots]


def test_ods_package_layout(tmp_path):
    """The ODS has its mimetype first and stored, a manifest, and a hidden _labest table."""
    path = tmp_path / "f.ods"
    write_ods(path, [make_snapshot(1)], meta=META)
    archive = zipfile.ZipFile(path)
    first = archive.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert "META-INF/manifest.xml" in archive.namelist()
    content = archive.read("content.xml").decode()
    assert 'table:visibility="collapse"' in content and 'table:display="false"' in content
    assert 'office:value-type="date" office:date-value="2026-01-15"' in content
    assert 'office:value-type="currency" office:currency="EUR" office:value="12000.50"' in content


# --- property: any valid snapshot survives -------------------------------------

# Single characters plus the tokens that need escaping in one format or the other.
_token = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff") | st.sampled_from(
    list("\n\r\t =+-@;&<>") + ["_x000D_", "_x0041_", "  ", "\r\n"]
)
_text = st.lists(_token, max_size=20).map("".join)
_item = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=";\ufffe\uffff") | st.sampled_from(list(string.punctuation.replace(";", ""))), min_size=1, max_size=20)


@st.composite
def snapshots_strategy(draw):
    title = draw(_text.filter(lambda t: t.strip()))
    start = draw(st.none() | st.dates(date(1901, 1, 1), date(2099, 12, 31)))
    end = draw(st.none() | st.dates(start or date(1901, 1, 1), date(2099, 12, 31)))
    fields = ProjectFields(
        title=title[:200],
        stage=draw(st.sampled_from(list(Stage))),
        status=draw(st.sampled_from(list(Status))),
        lead=draw(st.none() | _text),
        partners=tuple(draw(st.lists(_item, max_size=4))),
        tags=tuple(draw(st.lists(_item, max_size=3))),
        department=draw(st.none() | st.sampled_from(DEPARTMENTS)),
        contact=draw(st.none() | _text),
        start_date=start,
        end_date=end,
        budget=draw(st.none() | st.integers(0, 99_999_999_999_999).map(lambda c: Decimal(c) / 100)),
        funding=draw(st.none() | _text),
        users_involved=draw(st.none() | st.integers(0, 10_000_000)),
        agents_involved=draw(st.none() | st.integers(0, 10_000_000)),
        description=draw(st.none() | st.lists(_token, max_size=150).map("".join)),
    ).normalised()
    snapshot = to_snapshot(fields, uid=str(draw(st.uuids())), reference=f"LAB-{draw(st.integers(2000, 2099))}-{draw(st.integers(1, 99999)):04d}")
    snapshot["updated_at"] = draw(st.datetimes(datetime(1901, 1, 1), datetime(2099, 12, 31))).replace(microsecond=0)
    snapshot["fingerprint"] = fingerprint(snapshot)
    return snapshot


@pytest.mark.parametrize("kind", WRITERS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(snapshots=st.lists(snapshots_strategy(), min_size=1, max_size=8))
def test_property_write_then_read_gives_snapshots_back(tmp_path, kind, snapshots):
    """For any valid snapshots, writing then reading gives them back exactly."""
    path = tmp_path / f"prop.{kind}"
    WRITERS[kind](path, snapshots, meta=META)
    parsed = read_exchange_file(path)
    assert parsed.projects.errors == []
    assert [snapshot_of(r) for r in parsed.projects.records] == [core(s) for s in snapshots]
    assert [r.values["updated_at"] for r in parsed.projects.records] == [s["updated_at"] for s in snapshots]
    assert [r.fingerprint for r in parsed.projects.records] == [s["fingerprint"] for s in snapshots]
