"""Bulk writes straight to the driver store exactly what the ORM would store, on
both engines, and their errors still come wrapped for the sentences users see."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import String, bindparam, insert, select, type_coerce, update
from sqlalchemy import text as sql

from labest_desktop.domain.errors import StorageError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.models import Project, ProjectRevision
from labest_desktop.services.projects import create_project
from labest_desktop.storage.bulk import (
    WRITE_CACHE_KIB,
    execute_many,
    insert_many,
    update_many,
    write_cache,
)


def test_insert_then_update_many_rows_read_back_as_the_orm_stores_them(workspace):
    view = create_project(workspace, ProjectFields(title="Base"))
    when = datetime(2026, 11, 25, 19, 30, 1)  # whole seconds: the driver alone would drop ".000000"
    revisions = ProjectRevision.__table__
    rows = [
        {"project_id": view.id, "number": n, "created_at": when, "author": "agent", "origin": "import",
         "import_batch_id": None, "snapshot": "{}", "fingerprint": f"{n:032x}"}
        for n in range(10, 2010)
    ]
    table = Project.__table__
    with workspace.unit_of_work() as uow:
        connection = uow.session.connection()
        execute_many(connection, insert(revisions), rows)
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(budget=bindparam("budget"), start_date=bindparam("start_date"), updated_at=bindparam("updated_at"))
        )
        execute_many(connection, statement, [
            {"b_id": view.id, "budget": Decimal("1234.56"), "start_date": date(2026, 2, 28), "updated_at": when}
        ])
        uow.commit()
    with workspace.reading() as session:
        stored = session.scalars(select(ProjectRevision).where(ProjectRevision.number >= 10)).all()
        project = session.get(Project, view.id)
        assert len(stored) == 2000
        assert {r.created_at for r in stored} == {when}
        assert project.budget == Decimal("1234.56")
        assert project.start_date == date(2026, 2, 28)
        assert project.updated_at == when
        # The time stamp is stored in the same spelling the ORM uses, so ordering and
        # comparisons between rows written either way hold.
        if workspace.database.location.is_sqlite:
            def spelling(number: int) -> str:
                return session.execute(
                    select(type_coerce(revisions.c.created_at, String)).where(revisions.c.number == number)
                ).scalar_one()

            assert spelling(10) == "2026-11-25 19:30:01.000000"  # written here in bulk
            assert len(spelling(1)) == len(spelling(10))  # written by the ORM at creation


def test_driver_errors_come_wrapped(workspace):
    view = create_project(workspace, ProjectFields(title="Base"))
    row = {"project_id": view.id, "number": 1, "created_at": datetime(2026, 1, 1), "author": "a", "origin": "import",
           "import_batch_id": None, "snapshot": "{}", "fingerprint": "0" * 32}
    # (project_id, number) is already taken by the creation: the unit of work turns the
    # driver's error into the storage sentence, as for any other write.
    with pytest.raises(StorageError) as raised:
        with workspace.unit_of_work() as uow:
            execute_many(uow.session.connection(), insert(ProjectRevision.__table__), [row])
    assert raised.value.message.startswith("Erreur de la base de données")


def test_no_rows_is_no_statement(workspace):
    with workspace.unit_of_work() as uow:
        execute_many(uow.session.connection(), insert(ProjectRevision.__table__), [])


def _revision_row(project_id: int, number: int, when: datetime, snapshot: str = "{}") -> dict:
    return {"project_id": project_id, "number": number, "created_at": when, "author": "agent", "origin": "import",
            "import_batch_id": None, "snapshot": snapshot, "fingerprint": f"{number:032x}"}


@pytest.mark.parametrize(
    "text",
    [
        "Tiers-lieu « Metz » — été 2026",
        "guillemets \" et \\ et '",
        "ligne\nligne\ttab",
        "nul \x00 caractère",  # JSON text would lose it: goes row by row
        "😀 hors du plan multilingue de base",
        "12",  # looks like a number, stays text
    ],
)
def test_insert_many_then_update_many_store_every_text_as_is(workspace, text):
    if "\x00" in text and not workspace.database.location.is_sqlite:
        pytest.skip("PostgreSQL text cannot hold NUL at all")
    view = create_project(workspace, ProjectFields(title="Base"))
    when = datetime(2026, 11, 25, 8, 0, 0)
    with workspace.unit_of_work() as uow:
        connection = uow.session.connection()
        insert_many(connection, ProjectRevision.__table__, [_revision_row(view.id, n, when, text) for n in (5, 6)])
        update_many(connection, Project.__table__, [
            {"id": view.id, "title": text, "budget": Decimal("0.10"), "start_date": date(2026, 1, 2),
             "users_involved": 10_000_000, "updated_at": when, "version": 7},
        ])
        uow.commit()
    with workspace.reading() as session:
        snapshots = session.scalars(select(ProjectRevision.snapshot).where(ProjectRevision.number >= 5)).all()
        project = session.get(Project, view.id)
        assert snapshots == [text, text]
        assert (project.title, project.budget, project.start_date) == (text, Decimal("0.10"), date(2026, 1, 2))
        assert (project.users_involved, project.updated_at, project.version) == (10_000_000, when, 7)


def test_update_many_leaves_the_rows_it_does_not_name(workspace):
    first = create_project(workspace, ProjectFields(title="Premier"))
    second = create_project(workspace, ProjectFields(title="Second"))
    rows = [{"id": first.id, "title": "Premier revu"}]
    with workspace.unit_of_work() as uow:
        update_many(uow.session.connection(), Project.__table__, rows)
        uow.commit()
    with workspace.reading() as session:
        titles = dict(session.execute(select(Project.id, Project.title)).all())
        others = session.execute(select(Project.id, Project.reference, Project.version)).all()
    assert titles == {first.id: "Premier revu", second.id: "Second"}
    # Only the columns the rows name are set (the key is not, nor any other).
    assert sorted(others) == sorted([(first.id, first.reference, first.version),
                                     (second.id, second.reference, second.version)])


def test_insert_many_errors_come_wrapped_too(workspace):
    view = create_project(workspace, ProjectFields(title="Base"))
    rows = [_revision_row(view.id, 9, datetime(2026, 1, 1)), _revision_row(view.id, 9, datetime(2026, 1, 1))]
    with pytest.raises(StorageError):
        with workspace.unit_of_work() as uow:
            insert_many(uow.session.connection(), ProjectRevision.__table__, rows)
    with workspace.reading() as session:
        assert session.scalars(select(ProjectRevision).where(ProjectRevision.number == 9)).all() == []


def test_the_write_cache_is_put_back_after_the_write_and_after_a_failure(sqlite_workspace):
    """A bulk write's larger page cache lasts as long as the write: the connection
    goes back to the pool with the engine's cache size, also when the write fails."""
    with sqlite_workspace.unit_of_work() as uow:
        connection = uow.session.connection()
        before = connection.execute(sql("PRAGMA cache_size")).scalar()
        with write_cache(connection):
            assert connection.execute(sql("PRAGMA cache_size")).scalar() == -WRITE_CACHE_KIB
        assert connection.execute(sql("PRAGMA cache_size")).scalar() == before
        with pytest.raises(ZeroDivisionError), write_cache(connection):
            1 / 0  # noqa: B018
        assert connection.execute(sql("PRAGMA cache_size")).scalar() == before
    assert before != -WRITE_CACHE_KIB
