"""A file that went through LibreOffice comes back without loss (contract: "Sheets
as LibreOffice saves them"). Skipped only when soffice is not installed."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from labest_desktop.exchange.ods_writer import write_ods
from labest_desktop.exchange.workbook import read_exchange_file
from labest_desktop.exchange.xlsx_writer import write_xlsx

from .helpers import META, core, make_snapshot, snapshot_of

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _convert(source: Path, target_ext: str, out_dir: Path, profile: Path) -> Path:
    """Re-save ``source`` with LibreOffice, in its own profile to avoid lock clashes."""
    out_dir.mkdir(exist_ok=True)
    filter_name = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "ods": "ods"}[target_ext]
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", filter_name, "--outdir", str(out_dir), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    result = out_dir / (source.stem + "." + target_ext)
    assert result.exists(), f"LibreOffice wrote nothing for {source.name}"
    return result


def _snapshots() -> list[dict]:
    return [
        make_snapshot(1),
        make_snapshot(2, title="=SOMME(A1:A3)", lead="+33 3 87", description="-tiret\nligne 2", budget=Decimal("0.10")),
        make_snapshot(3, partners=(), tags=(), department="Région", budget=None, start_date=None, end_date=None,
                      users_involved=None, contact=None, description=None),
        make_snapshot(4, department="08", budget=Decimal("999999999.99"), users_involved=0),
        # A tab, repeated and leading spaces, line breaks, dates no date cell holds.
        make_snapshot(5, title="Tiers-lieu\tphase  2", lead="  Ville   de Metz", description="a  b\n  c\n\nd",
                      start_date=date(1850, 3, 1), end_date=date(1900, 1, 1)),
    ]


@pytest.mark.parametrize(("written", "resaved"), [("xlsx", "xlsx"), ("xlsx", "ods"), ("ods", "xlsx"), ("ods", "ods")])
def test_file_resaved_by_libreoffice_reads_back_identically(tmp_path, written, resaved):
    """Export, re-save with LibreOffice, import: same records, fingerprints and meta."""
    snapshots = _snapshots()
    source = tmp_path / f"export.{written}"
    (write_xlsx if written == "xlsx" else write_ods)(source, snapshots, meta=META, funding_names=["FNADT"])
    converted = _convert(source, resaved, tmp_path / "out", tmp_path / "profile")
    parsed = read_exchange_file(converted)
    assert parsed.projects.errors == []
    assert [snapshot_of(r) for r in parsed.projects.records] == [core(s) for s in snapshots]
    assert [r.fingerprint for r in parsed.projects.records] == [s["fingerprint"] for s in snapshots]
    assert [r.values["updated_at"] for r in parsed.projects.records] == [s["updated_at"] for s in snapshots]
    assert parsed.meta["format"] == "labest-exchange" and parsed.meta["office"] == META.office
