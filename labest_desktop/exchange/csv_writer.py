"""The open-data subset of the portfolio as CSV (``labest opendata FILE.csv``).

For publication, not for exchange between offices: no person's name (fields the
registry marks as not public, such as the person in charge, are left out), UTF-8 without BOM, comma separator, ISO 8601
dates, decimal point, stable snake_case headers, codes rather than French labels
for stage and status, and the producing office on every row so that files from
several offices can be concatenated. Values are written exactly as stored: a
publisher's consumers are programs, and prefixing text that starts with ``=``
would alter the data (spreadsheet users should import it as text).
"""

from __future__ import annotations

import csv
import logging
import os
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path

from labest_desktop.domain.field_registry import PROJECT_FIELDS

logger = logging.getLogger(__name__)

# The reference, the public fields of the registry, then time, identity and office.
OPENDATA_COLUMNS: tuple[str, ...] = (
    "reference",
    *(spec.key for spec in PROJECT_FIELDS if spec.public),
    "updated_at",
    "uid",
    "office",
)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def opendata_row(snapshot: Mapping[str, object], office: str) -> list[str]:
    """One CSV row of the public subset; fields that are not public are never read."""
    return [office if key == "office" else _cell(snapshot.get(key)) for key in OPENDATA_COLUMNS]


def write_opendata_csv(path: str | Path, snapshots: Iterable[Mapping[str, object]], *, office: str) -> int:
    """Write the public subset of ``snapshots`` to ``path``; returns the row count."""
    path = Path(path)
    temporary = path.with_name(path.name + ".part")
    rows = 0
    try:
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter=",", lineterminator="\r\n")
            writer.writerow(OPENDATA_COLUMNS)
            for snapshot in snapshots:
                writer.writerow(opendata_row(snapshot, office))
                rows += 1
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
    logger.info("wrote %d open-data rows to %s", rows, path.name)
    return rows
