"""Finding projects: accent- and case-insensitive full-text search kept in sync with
every write, the list's filters, and sorting on every column with NULLs last and
stable windows — the same on SQLite (FTS5) and PostgreSQL."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import delete, event, select, text

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.models import FundingEnvelope, Organisation, Project
from labest_desktop.domain.text import fold
from labest_desktop.domain.vocab import Stage, Status
from labest_desktop.services import projects
from labest_desktop.services.project_query import (
    SORT_COLUMNS,
    ProjectFilter,
    count,
    ids_query,
    project_ids,
    rows,
)


def found(ws, query: str, **filters) -> set[str]:
    """Titles of the projects a search (and filters) finds."""
    ids = project_ids(ws, ProjectFilter(search=query, **filters))
    return {r.title for r in rows(ws, ids).values()}


@pytest.fixture
def portfolio(workspace):
    """Three projects whose accents, organisations, tags and contacts differ."""
    made = {
        "deploy": projects.create_project(
            workspace,
            ProjectFields(
                title="Déploiement des Maisons France Services",
                lead="Préfecture du Bas-Rhin",
                partners=("Emmaüs Connect Strasbourg",),
                tags=("numérique", "Accueil"),
                contact="Léa Müller",
                description="Étendre l'accueil sans rendez-vous.",
            ),
        ),
        "crues": projects.create_project(
            workspace,
            ProjectFields(
                title="Gestion des crues et inondations",
                lead="DREAL Grand Est",
                partners=("Université de Lorraine", "Collectivité européenne d'Alsace"),
                tags=("transition écologique",),
                contact="Mehdi Haddad",
            ),
        ),
        "jeunes": projects.create_project(
            workspace,
            ProjectFields(title="Accompagner les jeunes vers l'emploi", lead="France Travail Grand Est"),
        ),
    }
    return made


SEARCHES = [
    ("deploiement", {"Déploiement des Maisons France Services"}),
    ("DÉPLOIEMENT", {"Déploiement des Maisons France Services"}),
    ("Deploiement maisons", {"Déploiement des Maisons France Services"}),
    ("prefecture", {"Déploiement des Maisons France Services"}),  # lead organisation
    ("emmaus", {"Déploiement des Maisons France Services"}),  # partner organisation
    ("universite lorraine", {"Gestion des crues et inondations"}),  # partner, two words
    ("collectivite europeenne", {"Gestion des crues et inondations"}),
    ("dreal", {"Gestion des crues et inondations"}),
    ("numerique", {"Déploiement des Maisons France Services"}),  # tag
    ("ecologique", {"Gestion des crues et inondations"}),  # tag of two words
    ("lea muller", {"Déploiement des Maisons France Services"}),  # contact
    ("HADDAD", {"Gestion des crues et inondations"}),
    ("rendez-vous", {"Déploiement des Maisons France Services"}),  # description
    ("etendre", {"Déploiement des Maisons France Services"}),
    ("grand est", {"Gestion des crues et inondations", "Accompagner les jeunes vers l'emploi"}),
    ("accueil", {"Déploiement des Maisons France Services"}),
    ("inond", {"Gestion des crues et inondations"}),  # beginning of a word
    ("inexistant", set()),
    ("deploiement inexistant", set()),  # every word must match
]


def test_search_ignores_accents_and_case(portfolio, workspace):
    """Words typed without accents or capitals find projects by title, description,
    tags, contact and lead or partner organisation names (every case of ``SEARCHES``)."""
    got = {query: found(workspace, query) for query, _ in SEARCHES}
    assert got == dict(SEARCHES)


def test_search_by_reference(portfolio, workspace):
    """A project's reference finds it (and only it)."""
    reference = portfolio["crues"].reference
    assert found(workspace, reference) == {"Gestion des crues et inondations"}
    assert found(workspace, reference.lower()) == {"Gestion des crues et inondations"}


def test_an_empty_or_punctuation_search_finds_everything(portfolio, workspace):
    """A search of spaces or punctuation only is no search at all (and no SQL error)."""
    assert len(found(workspace, "   ")) == 3
    assert len(found(workspace, "\"*' -")) == 3


def test_search_syntax_characters_are_plain_text(portfolio, workspace):
    """FTS operators, quotes and LIKE wildcards typed by a user are never interpreted:
    no error, and no match-all."""
    queries = ['zzz"', "zzz*", "NEAR(zzz", "OR zzz", "title:zzz", "zzz' OR '1'='1", "zz%", "zz_z", "zz\\"]
    assert {q: found(workspace, q) for q in queries} == {q: set() for q in queries}


def test_search_follows_an_edit(portfolio, workspace):
    """After an edit, the new words find the project and the old ones no longer do."""
    view = portfolio["jeunes"]
    projects.update_project(
        workspace, view.id, view.fields.with_changes(title="Garantie jeunes à Épinal", tags=("jeunesse",)), view.version
    )
    assert found(workspace, "epinal") == {"Garantie jeunes à Épinal"}
    assert found(workspace, "jeunesse") == {"Garantie jeunes à Épinal"}
    assert found(workspace, "emploi") == set()


def test_search_follows_an_organisation_rename(portfolio, workspace):
    """Renaming an organisation updates the search of every project it leads or joins."""
    with workspace.unit_of_work() as uow:
        org = uow.session.scalar(select(Organisation).where(Organisation.name_key == fold("Université de Lorraine")))
        org.name = "Université de Lorraine – Nancy"
        org.name_key = fold(org.name)
        uow.commit()
    assert found(workspace, "nancy") == {"Gestion des crues et inondations"}
    with workspace.unit_of_work() as uow:
        org = uow.session.scalar(select(Organisation).where(Organisation.name_key == fold("Préfecture du Bas-Rhin")))
        org.name = "Préfecture de la Moselle"
        org.name_key = fold(org.name)
        uow.commit()
    assert found(workspace, "moselle") == {"Déploiement des Maisons France Services"}
    assert found(workspace, "bas-rhin") == set()


def test_deleted_projects_leave_the_search(portfolio, workspace):
    """A deleted project is no longer found; brought back, it is found again."""
    view = portfolio["deploy"]
    projects.set_deleted(workspace, view.id, True)
    assert found(workspace, "deploiement") == set()
    assert found(workspace, "deploiement", include_deleted=True) == {"Déploiement des Maisons France Services"}
    projects.set_deleted(workspace, view.id, False)
    assert found(workspace, "deploiement") == {"Déploiement des Maisons France Services"}


def test_a_removed_row_leaves_the_index(portfolio, workspace):
    """A row removed from the table is removed from the full-text index too (SQLite's
    FTS5 triggers), so the index never points to a missing project."""
    with workspace.unit_of_work() as uow:
        uow.session.execute(delete(Project).where(Project.id == portfolio["crues"].id))
        uow.commit()
    assert found(workspace, "inondations") == set()
    if workspace.database.dialect == "sqlite":
        with workspace.database.engine.connect() as connection:
            hits = connection.execute(text("SELECT rowid FROM project_fts WHERE project_fts MATCH 'inondations'")).all()
            check = connection.exec_driver_sql(
                "INSERT INTO project_fts(project_fts, rank) VALUES ('integrity-check', 1)"
            )
            check.close()
        assert hits == []


def test_the_search_text_is_folded(portfolio, workspace):
    """The stored search text is the lower-case, accent-free words of the project."""
    with workspace.reading() as session:
        value = session.scalar(select(Project.search_text).where(Project.id == portfolio["deploy"].id))
    assert "deploiement" in value
    assert "prefecture du bas rhin" in value  # words only: punctuation separates them
    assert value == fold(value)



# --- search as you type ---------------------------------------------------------------


def titles_in_order(ws, query: str, sort: str = "reference") -> list[str]:
    ids = project_ids(ws, ProjectFilter(search=query), sort)
    by_id = rows(ws, ids)
    return [by_id[i].title for i in ids]


def test_a_write_between_two_keystrokes_shows_in_the_second(portfolio, workspace):
    """The list reused from one keystroke to the next never hides a write made in
    between: an edit, a new project, a deletion, an organisation renamed (which
    reorders the list by lead)."""
    assert titles_in_order(workspace, "grand", "lead") == [
        "Gestion des crues et inondations", "Accompagner les jeunes vers l'emploi",
    ]
    view = portfolio["jeunes"]
    projects.update_project(workspace, view.id, view.fields.with_changes(title="Garantie jeunes"), view.version)
    projects.create_project(workspace, ProjectFields(title="Gîtes ruraux", lead="ADEME Grand Est"))
    projects.set_deleted(workspace, portfolio["crues"].id, True)
    assert titles_in_order(workspace, "garantie", "lead") == ["Garantie jeunes"]
    assert titles_in_order(workspace, "grand", "lead") == ["Gîtes ruraux", "Garantie jeunes"]
    with workspace.unit_of_work() as uow:
        org = uow.session.scalar(select(Organisation).where(Organisation.name_key == fold("ADEME Grand Est")))
        org.name = "Zones humides Grand Est"
        org.name_key = fold(org.name)
        uow.commit()
    assert titles_in_order(workspace, "grand", "lead") == ["Garantie jeunes", "Gîtes ruraux"]


def test_a_write_by_another_connection_shows_in_the_next_keystroke(portfolio, workspace, tmp_path):
    """A project saved by another window or the command line on the same database
    is listed at the next keystroke, though this connection wrote nothing."""
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database

    assert titles_in_order(workspace, "ge") == ["Gestion des crues et inondations"]
    other = open_database(workspace.database.location, backups_folder=tmp_path / "other-backups")
    try:
        projects.create_project(Workspace(other, "other-agent"), ProjectFields(title="Gestion des haies"))
    finally:
        other.dispose()
    assert sorted(titles_in_order(workspace, "ges")) == ["Gestion des crues et inondations", "Gestion des haies"]


def test_keystrokes_after_the_first_ask_only_the_full_text_index(sqlite_workspace):
    """While nothing is written, typing reads the sorted list once: each later
    keystroke asks the FTS index and nothing else (what keeps a keystroke on
    100,000 projects near 15 ms)."""
    ws = sqlite_workspace
    projects.create_project(ws, ProjectFields(title="Déploiement de la fibre"))
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(ws.database.engine, "before_cursor_execute", seen)
    try:
        project_ids(ws, ProjectFilter(search="d"))
        statements.clear()
        for typed in ("de", "dep", "depl", "deploiement f"):
            project_ids(ws, ProjectFilter(search=typed))
    finally:
        event.remove(ws.database.engine, "before_cursor_execute", seen)
    read = [s for s in statements if s != "BEGIN" and "project_fts" not in s and "data_version" not in s]
    assert read == []
    assert titles_in_order(ws, "deploiement f") == ["Déploiement de la fibre"]


# --- filters ------------------------------------------------------------------------


@pytest.fixture
def listed(workspace):
    """Five projects covering every filter and sort value, NULLs included; the last
    one deleted. Returned as ``{name: id}``."""
    def create(title, stage=Stage.IDEATION, **kw):
        view = projects.create_project(workspace, ProjectFields(title=title, **kw))
        if stage != Stage.IDEATION:
            projects.change_stage(workspace, view.id, stage, "Comité")
        return view.id

    ids = {
        "alpha": create(
            "Alpha", status=Status.ACTIVE, lead="Préfecture du Bas-Rhin", department="67", contact="zoe",
            start_date=date(2026, 1, 1), end_date=date(2026, 6, 30), budget=Decimal("100"),
            funding="Budget propre du Lab'EST", users_involved=10, agents_involved=1,
        ),
        "beta": create(
            "beta", Stage.PROTOTYPE, status=Status.PAUSED, lead="ADEME Grand Est",
            partners=("Préfecture du Bas-Rhin",), department="57", contact="Anne",
            start_date=date(2025, 5, 1), agents_involved=5,
        ),
        "gamma": create(
            "Gamma", Stage.DEPLOYMENT, status=Status.DONE, budget=Decimal("100"),
            funding="CPER 2021-2027", users_involved=10,
        ),
        "delta": create(
            "delta", status=Status.ABANDONED, lead="Université de Lorraine", partners=("ADEME Grand Est",),
            department="Région", contact="bob", start_date=date(2026, 3, 1), end_date=date(2027, 1, 1),
            budget=Decimal("0"), funding="Budget propre du Lab'EST", users_involved=0, agents_involved=0,
        ),
        "epsilon": create("Epsilon", department="67"),
    }
    projects.set_deleted(workspace, ids["epsilon"], True)
    return ids


def names(ws, listed, **filters) -> set[str]:
    by_id = {v: k for k, v in listed.items()}
    return {by_id[i] for i in project_ids(ws, ProjectFilter(**filters))}


def org_id(ws, name):
    with ws.reading() as session:
        return session.scalar(select(Organisation.id).where(Organisation.name_key == fold(name)))


def test_deleted_projects_are_hidden_unless_asked(workspace, listed):
    """Lists, counts and searches leave deleted projects out by default."""
    assert names(workspace, listed) == {"alpha", "beta", "gamma", "delta"}
    assert count(workspace) == 4
    assert names(workspace, listed, include_deleted=True) == set(listed)


def test_filter_by_stage_status_and_department(workspace, listed):
    """Stage, status and department filters keep the projects with one of the chosen values."""
    assert names(workspace, listed, stages=frozenset({"prototype"})) == {"beta"}
    assert names(workspace, listed, stages=frozenset({"ideation", "deployment"})) == {"alpha", "gamma", "delta"}
    assert names(workspace, listed, statuses=frozenset({"paused", "done"})) == {"beta", "gamma"}
    assert names(workspace, listed, departments=frozenset({"67"})) == {"alpha"}
    assert names(workspace, listed, departments=frozenset({"67"}), include_deleted=True) == {"alpha", "epsilon"}
    assert names(workspace, listed, departments=frozenset({"Région", "57"})) == {"beta", "delta"}
    assert count(workspace, ProjectFilter(statuses=frozenset({"active"}))) == 1


def test_filter_by_organisation_as_lead_or_partner(workspace, listed):
    """An organisation filter keeps the projects it leads and those it is a partner of."""
    assert names(workspace, listed, organisation_id=org_id(workspace, "ADEME Grand Est")) == {"beta", "delta"}
    assert names(workspace, listed, organisation_id=org_id(workspace, "Préfecture du Bas-Rhin")) == {"alpha", "beta"}


def test_filter_by_funding_envelope(workspace, listed):
    with workspace.reading() as session:
        envelope = session.scalar(
            select(FundingEnvelope.id).where(FundingEnvelope.name_key == fold("Budget propre du Lab'EST"))
        )
    assert names(workspace, listed, envelope_id=envelope) == {"alpha", "delta"}


def test_filter_by_date_range(workspace, listed):
    """A date range keeps the projects running during it; a project without dates is
    never hidden by it."""
    assert names(workspace, listed, date_from=date(2026, 7, 1)) == {"beta", "gamma", "delta"}
    assert names(workspace, listed, date_to=date(2025, 12, 31)) == {"beta", "gamma"}
    assert names(workspace, listed, date_from=date(2026, 1, 1), date_to=date(2026, 2, 1)) == {
        "alpha", "beta", "gamma"
    }


def test_filter_by_explicit_selection(workspace, listed):
    """An explicit selection of ids is kept, still without deleted ones."""
    chosen = frozenset({listed["alpha"], listed["delta"], listed["epsilon"]})
    assert names(workspace, listed, ids=chosen) == {"alpha", "delta"}
    assert names(workspace, listed, ids=frozenset()) == set()


def test_filters_combine_with_search(workspace, listed):
    """Every filter applies together with the search."""
    assert names(workspace, listed, search="prefecture") == {"alpha", "beta"}
    assert names(workspace, listed, search="prefecture", stages=frozenset({"prototype"})) == {"beta"}
    assert names(workspace, listed, search="prefecture", departments=frozenset({"57"})) == {"beta"}


# --- sorting ------------------------------------------------------------------------

STAGE_RANK = {str(s): i for i, s in enumerate(Stage)}
STATUS_RANK = {str(s): i for i, s in enumerate(Status)}


def sort_value(key: str, row):
    """What the list sorts by, computed in Python from the row."""
    value = getattr(row, key)
    if value is None:
        return None
    if key == "stage":
        return STAGE_RANK[value]
    if key == "status":
        return STATUS_RANK[value]
    if key in ("title", "contact"):
        return value.lower()
    if key in ("lead", "funding"):
        return fold(value)
    return value


def test_every_sort_key_orders_with_nulls_last_and_ties_by_id(workspace, listed):
    """Each sort column orders the list in the database, both ways; projects without a
    value come last either way, and equal values keep a fixed order (by id)."""
    expected = sorted(v for k, v in listed.items() if k != "epsilon")
    for key in sorted(SORT_COLUMNS):
        for descending in (False, True):
            where = f"sort {key} {'desc' if descending else 'asc'}"
            ordered = project_ids(workspace, sort=key, descending=descending)
            assert sorted(ordered) == expected, where
            data = rows(workspace, ordered)
            values = [sort_value(key, data[i]) for i in ordered]
            present = [v for v in values if v is not None]
            assert values == present + [None] * (len(values) - len(present)), f"{where}: NULLs must come last"
            assert present == sorted(present, reverse=descending), where
            pairs = list(zip(ordered, values, strict=True))
            for (a, va), (b, vb) in zip(pairs, pairs[1:], strict=False):
                if va == vb:
                    assert (a < b) if not descending else (a > b), f"{where}: ties must keep the id order"


def test_windows_of_a_sorted_list_neither_overlap_nor_skip(workspace, listed):
    """Reading the sorted list in windows of two (as the window's table does) gives
    exactly the whole list, each project once, for every sort column."""
    flt = ProjectFilter()
    for key in sorted(SORT_COLUMNS):
        for descending in (False, True):
            whole = project_ids(workspace, flt, key, descending)
            windows = []
            with workspace.reading() as session:
                for offset in range(0, len(whole) + 2, 2):
                    statement = ids_query(flt, workspace.database.dialect, key, descending).limit(2).offset(offset)
                    windows.extend(session.scalars(statement))
            assert windows == whole, f"sort {key} descending={descending}"


def test_the_sample_covers_nulls_and_ties_for_every_sort_key(workspace, listed):
    """Guard: the sample has a missing value or a tie for the columns where it matters,
    so the two tests above check something."""
    data = rows(workspace, project_ids(workspace))
    for key in ("lead", "department", "contact", "start_date", "end_date", "budget", "funding",
                "users_involved", "agents_involved"):
        assert any(getattr(r, key) is None for r in data.values()), key
    budgets = [r.budget for r in data.values() if r.budget is not None]
    assert len(budgets) != len(set(budgets))


def test_an_unknown_sort_key_falls_back_to_the_reference(workspace, listed):
    assert project_ids(workspace, sort="no-such-column") == project_ids(workspace, sort="reference")


def test_a_pasted_page_is_cut_to_a_few_words_and_answers_at_once(portfolio, workspace):
    """100 KB pasted into the search took 11-13 s on 200 projects; the search now reads
    its first 200 characters (16 words at most), on SQLite and PostgreSQL alike."""
    import time

    first = found(workspace, "deploiement maisons")
    assert first == {"Déploiement des Maisons France Services"}
    pasted = "deploiement " + "maisons " * 12_500
    started = time.perf_counter()
    assert found(workspace, pasted) == first
    assert time.perf_counter() - started < 1.0
    from labest_desktop.storage.search import words

    assert len(words("a " * 50_000)) == 16


def test_no_search_is_a_phrase(sqlite_workspace):
    """The index keeps no word positions (migration 0008), so FTS5 refuses a phrase:
    a quoted word its tokenizer splits in two. Every code point, typed between two
    letters, makes a query the index answers (the database's own table, as the
    migrations made it); a word holding one of the characters the tokenizer
    separates on finds its parts."""
    from labest_desktop.storage.search import _fts_query, words

    with sqlite_workspace.reading() as session:
        raw = session.connection().connection.driver_connection
        ddl = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'project_fts'").fetchone()[0]
        assert "detail=none" in ddl
        refused = []
        for code in range(0x110000):
            if 0xD800 <= code <= 0xDFFF:
                continue
            terms = words(f"a{chr(code)}b")
            try:
                raw.execute("SELECT rowid FROM project_fts WHERE project_fts MATCH ?", (_fts_query(terms),)).fetchall()
            except sqlite3.Error as exc:
                refused.append((hex(code), str(exc)))
        assert refused == []


def test_a_word_the_index_splits_finds_its_parts(sqlite_workspace):
    made = projects.create_project(sqlite_workspace, ProjectFields(title="Atelier ᦰmobilité", stage=Stage.IDEATION,
                                                                   status=Status.ACTIVE))
    assert found(sqlite_workspace, "atelier") == {"Atelier ᦰmobilité"}
    assert found(sqlite_workspace, "ᦰmob") == {"Atelier ᦰmobilité"}
    assert found(sqlite_workspace, "ᦰ") == set()  # a word of separators only: as before
    assert made.id
