"""The field registry is the one place a project field is declared: what the rest of
the application shows, stores, searches, exchanges and publishes comes from it."""

from __future__ import annotations

import re
from pathlib import Path

from labest_desktop.domain.field_registry import PROJECT_FIELDS
from labest_desktop.domain.fields import EDITABLE_KEYS, SNAPSHOT_KEYS, ProjectFields, empty_snapshot
from labest_desktop.domain.models import Project
from labest_desktop.exchange.columns import PROJECT_COLUMNS
from labest_desktop.exchange.csv_writer import OPENDATA_COLUMNS
from labest_desktop.services.project_query import SORT_COLUMNS

PACKAGE = Path(__file__).resolve().parents[3] / "labest_desktop"
MAX_MODULES = 4
# Keys that are also everyday words or other records' attributes (an event has a
# title and a description, an organisation a department, a vocabulary is a stage or
# a status…): counting modules that spell them says nothing about projects.
SHARED_WORDS = frozenset(
    {"title", "stage", "status", "lead", "partners", "tags", "department", "contact", "budget", "funding",
     "description"}
)


def modules_naming(key: str) -> list[str]:
    """Modules of labest_desktop/ (migrations aside) whose code names ``key``: as a
    string, an attribute or a keyword argument."""
    pattern = re.compile(rf"""["']{key}["']|\.{key}\b|\b{key}=""")
    return sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts and pattern.search(path.read_text(encoding="utf-8"))
    )


def test_a_field_is_named_in_at_most_four_modules():
    """Adding a field means the registry, its migration, translations and tests: no
    module outside a handful may spell a field's key (the count can fail: before the
    registry, ``end_date`` was named in 16 modules)."""
    counted = [spec.key for spec in PROJECT_FIELDS if spec.key not in SHARED_WORDS]
    assert {"users_involved", "agents_involved", "start_date", "end_date"} <= set(counted)
    for key in counted:
        modules = modules_naming(key)
        assert "domain/field_registry.py" in modules, key  # the count sees the declaration
        assert len(modules) <= MAX_MODULES, (key, modules)


def test_everything_derived_follows_the_registry_order():
    """Snapshot keys, the dataclass, the exchange columns and the empty snapshot list
    the registry's fields in its order; the CSV publishes only public ones."""
    keys = [spec.key for spec in PROJECT_FIELDS]
    assert list(EDITABLE_KEYS) == keys
    assert list(SNAPSHOT_KEYS) == ["reference", *keys, "uid"]
    assert [name for name in ProjectFields.__dataclass_fields__] == keys
    fields = PROJECT_COLUMNS[1 : 1 + len(keys)]
    assert PROJECT_COLUMNS[0].key == "reference"
    assert [c.key for c in fields] == keys
    assert [c.header for c in fields] == [spec.label[0] for spec in PROJECT_FIELDS]
    assert list(empty_snapshot()) == keys
    assert "contact" not in OPENDATA_COLUMNS
    assert [k for k in OPENDATA_COLUMNS if k in keys] == [spec.key for spec in PROJECT_FIELDS if spec.public]


def test_stored_and_sorted_columns_exist():
    """Every field stored in a plain column has it on ``Project``; every sorted field
    is offered by the list's sort."""
    columns = set(Project.__table__.columns.keys())
    for spec in PROJECT_FIELDS:
        if spec.stored_in is not None:
            assert spec.stored_in in columns, spec.key
        if spec.sort_key is not None:
            assert spec.sort_key in columns, spec.key
        assert (spec.key in SORT_COLUMNS) == spec.sorted, spec.key
