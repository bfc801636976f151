"""Shared builders: snapshots as the storage layer gives them, and small workbooks."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl

from labest_desktop.domain.fields import ProjectFields, to_snapshot
from labest_desktop.domain.fingerprints import fingerprint
from labest_desktop.domain.vocab import Stage, Status
from labest_desktop.exchange.columns import PROJECT_COLUMNS
from labest_desktop.exchange.export_rows import ExportMeta


def make_snapshot(index: int = 1, **changes: object) -> dict:
    fields = ProjectFields(
        title=f"Projet {index}",
        stage=Stage.PROTOTYPE,
        status=Status.ACTIVE,
        lead="Région Grand Est",
        partners=("Préfecture de la Moselle", "Ville de Metz"),
        tags=("numérique", "santé"),
        department="57",
        contact="Jeanne Martin",
        start_date=date(2026, 1, 15),
        end_date=date(2026, 11, 26),
        budget=Decimal("12000.50"),
        funding="FNADT",
        users_involved=12,
        agents_involved=3,
        description="Première ligne\nseconde ligne",
    ).with_changes(**changes).normalised()
    snapshot = to_snapshot(fields, uid=str(uuid.UUID(int=index)), reference=f"LAB-2026-{index:04d}")
    snapshot["updated_at"] = datetime(2026, 3, 4, 5, 6, 7)
    snapshot["fingerprint"] = fingerprint(snapshot)
    return snapshot


def snapshot_of(record) -> dict:
    """The snapshot a parsed row stands for (what the merge compares)."""
    return to_snapshot(record.fields, uid=record.uid, reference=record.reference)


def core(snapshot: dict) -> dict:
    return {k: v for k, v in snapshot.items() if k not in ("updated_at", "fingerprint")}


META = ExportMeta(office="Préfecture de la Moselle", app_version="1.0.0", exported_at=datetime(2026, 5, 1, 8, 30))

HEADERS = [c.header for c in PROJECT_COLUMNS]


def save_rows(path: Path, rows: list[list[object]], *, sheet: str = "Projets", extra: dict | None = None) -> Path:
    """A plain openpyxl workbook with ``rows`` from A1, as a coordinator might make."""
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    for name, sheet_rows in (extra or {}).items():
        other = workbook.create_sheet(name)
        for row in sheet_rows:
            other.append(row)
    workbook.save(path)
    return path
