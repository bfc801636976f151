"""Named views of the portfolio (filter, sort, column layout) kept in QSettings."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QSettings

from labest_desktop.services.project_query import ProjectFilter
from labest_desktop.ui import settings as keys


@dataclass(frozen=True)
class SavedView:
    name: str
    filter: ProjectFilter
    sort: str
    descending: bool
    header_state: bytes = b""


def filter_to_dict(flt: ProjectFilter) -> dict:
    return {
        "search": flt.search,
        "stages": sorted(flt.stages),
        "statuses": sorted(flt.statuses),
        "departments": sorted(flt.departments),
        "organisation_id": flt.organisation_id,
        "envelope_id": flt.envelope_id,
        "date_from": flt.date_from.isoformat() if flt.date_from else None,
        "date_to": flt.date_to.isoformat() if flt.date_to else None,
    }


def filter_from_dict(data: dict) -> ProjectFilter:
    def day(value):
        try:
            return date.fromisoformat(value) if value else None
        except (TypeError, ValueError):
            return None

    return ProjectFilter(
        search=str(data.get("search") or ""),
        stages=frozenset(data.get("stages") or ()),
        statuses=frozenset(data.get("statuses") or ()),
        departments=frozenset(data.get("departments") or ()),
        organisation_id=data.get("organisation_id"),
        envelope_id=data.get("envelope_id"),
        date_from=day(data.get("date_from")),
        date_to=day(data.get("date_to")),
    )


def load_all(settings: QSettings) -> dict[str, SavedView]:
    try:
        raw = json.loads(keys.value(settings, keys.SAVED_VIEWS) or "{}")
    except ValueError:
        return {}
    views = {}
    for name, data in raw.items():
        if not isinstance(data, dict):
            continue
        views[name] = SavedView(
            name=name,
            filter=filter_from_dict(data.get("filter") or {}),
            sort=str(data.get("sort") or "reference"),
            descending=bool(data.get("descending")),
            header_state=base64.b64decode(data.get("header") or ""),
        )
    return dict(sorted(views.items(), key=lambda item: item[0].casefold()))


def _write(settings: QSettings, views: dict[str, SavedView]) -> None:
    data = {
        v.name: {
            "filter": filter_to_dict(v.filter),
            "sort": v.sort,
            "descending": v.descending,
            "header": base64.b64encode(v.header_state).decode("ascii"),
        }
        for v in views.values()
    }
    keys.set_value(settings, keys.SAVED_VIEWS, json.dumps(data, ensure_ascii=False))


def save(settings: QSettings, view: SavedView) -> None:
    views = load_all(settings)
    views[view.name] = view
    _write(settings, views)


def delete(settings: QSettings, name: str) -> None:
    views = load_all(settings)
    views.pop(name, None)
    _write(settings, views)
