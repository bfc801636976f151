"""Search means the same on SQLite (FTS5) and PostgreSQL (project_search, GIN): the
same queries over the same projects find the same projects, whether a word is typed
whole or letter by letter, with accents or capitals, punctuation or digits; and the
server lists every sort from its indexes, in the same order."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.models import Project
from labest_desktop.services import demo, projects
from labest_desktop.services.project_query import ProjectFilter, project_ids, rows
from labest_desktop.services.workspace import Workspace
from labest_desktop.storage.database import open_database
from labest_desktop.storage.location import server_location, sqlite_location

pytestmark = pytest.mark.postgres

# Texts whose words a tokenizer could cut differently: apostrophes, hyphens,
# underscores, digits glued to letters, e-mail and web addresses, ligatures,
# non-Latin letters, a word of one letter.
TRICKY = [
    ProjectFields(title="L'accueil des Œuvres d'art", contact="Jean-Éudes O'Neil",
                  description="Écrire à contact_prefecture@bas-rhin.gouv.fr ou voir www.grandest.fr/aides."),
    ProjectFields(title="Plan 2030 : 3,5 M€ pour la v2.0 du portail", tags=("IA", "e-santé"),
                  description="Version 1.2.3 ; budget_total 12k ; A/B testing ; x"),
    ProjectFields(title="Coopération franco-allemande Straße Zürich", lead="Ευρωπαϊκή Επιτροπή",
                  description="Привет мир ; 東京 ; naïve café"),
]

QUERIES = [
    "m", "mo", "mob", "mobilite", "MOBILITÉ", "p", "pr", "pre", "prefecture", "é", "ec", "eco",
    "strasbourg velo", "s v", "numerique ecole", "kwyjibo", "2030", "20", "3", "5", "v2", "v2 0",
    "l accueil", "l'accueil", "oeuvres", "œuvres", "jean eudes", "o neil", "contact prefecture",
    "contact_prefecture", "gouv fr", "www", "grandest", "aides", "e sante", "ia", "1 2 3", "budget total",
    "12k", "a b", "x", "franco allemande", "strasse", "straße", "zurich", "ευρωπαϊκή", "επιτροπη", "привет",
    "мир", "東京", "naive cafe", "lab", "lab 20", "-", "'", "   ", "%", "_", "a%b", "o'", ":*", "!",
]

# Words this sample does not hold (œ is a letter of its own: "oeuvres" is not
# "œuvres", on either back end).
FINDS_NOTHING = {"strasbourg velo", "numerique ecole", "kwyjibo", "oeuvres"}


@pytest.fixture(scope="module")
def both(postgres_server, tmp_path_factory):
    """The same portfolio (demo sample, same seed, plus the tricky texts) on both."""
    folder = tmp_path_factory.mktemp("search-backends")
    locations = {
        "sqlite": sqlite_location(folder / "labest.sqlite3"),
        "postgresql": server_location(postgres_server.create_database("search_backends")),
    }
    workspaces = {}
    for name, location in locations.items():
        ws = Workspace(open_database(location, backups_folder=folder / "backups"), "test-agent")
        demo.load_demo(ws, projects=400, seed=15)
        for fields in TRICKY:
            projects.create_project(ws, fields)
        workspaces[name] = ws
    yield workspaces
    for ws in workspaces.values():
        ws.database.dispose()


def references(ws, query: str, **filters) -> list[str]:
    ids = project_ids(ws, ProjectFilter(search=query, **filters))
    found = rows(ws, ids)
    return [found[i].reference for i in ids]


@pytest.mark.parametrize("query", QUERIES)
def test_the_same_query_finds_the_same_projects_in_the_same_order(both, query):
    on_sqlite = references(both["sqlite"], query)
    on_server = references(both["postgresql"], query)
    assert on_server == on_sqlite
    if query.strip(" -'%_:*!") and query not in FINDS_NOTHING:
        assert on_sqlite, f"{query!r} should find something in this sample"  # the comparison is not vacuous


def test_typing_letter_by_letter_with_filters_matches(both):
    """Every prefix of a phrase, with a stage and status filter set, and deleted
    projects included (that path filters in SQL, not through the kept list)."""
    phrase = "préfecture strasbourg"
    for end in range(1, len(phrase) + 1):
        typed = phrase[:end]
        for filters in ({"stages": frozenset({"prototype", "deployment"}), "statuses": frozenset({"active"})},
                        {"include_deleted": True}):
            assert references(both["postgresql"], typed, **filters) == references(both["sqlite"], typed, **filters)


def test_an_edited_project_is_found_by_its_new_words_on_both(both):
    """The PostgreSQL search table follows edits through its triggers, as the FTS
    index does on SQLite."""
    for ws in both.values():
        with ws.reading() as session:
            pid = session.scalar(select(Project.id).where(Project.title.like("L'accueil%")))
        current = projects.get_project(ws, pid)
        projects.update_project(ws, pid, current.fields.with_changes(title="Zygomatique ouverture"), current.version)
    for query in ("zygo", "zy", "z", "accueil des oeuvres"):
        assert references(both["postgresql"], query) == references(both["sqlite"], query)
    assert references(both["postgresql"], "zygomatique")


def test_the_server_search_reads_the_gin_index(both):
    """A word's query on PostgreSQL uses the GIN index, a one-letter one the small
    first-letter index, never a scan of every project."""
    ws = both["postgresql"]
    with ws.reading() as session:
        session.execute(text("SELECT set_config('enable_seqscan', 'off', true)"))
        plan = "\n".join(session.scalars(text(
            "EXPLAIN SELECT array_agg(project_id) FROM project_search WHERE vector @@ CAST('m:*' AS tsquery)"
        )))
    assert "ix_project_search_vector" in plan
    with ws.reading() as session:
        session.execute(text("SELECT set_config('enable_seqscan', 'off', true)"))
        plan = "\n".join(session.scalars(text(
            "EXPLAIN SELECT array_agg(project_id) FROM project_search WHERE initials & 4096 = 4096")))
    assert "ix_project_search_initials" in plan  # one letter: the first-letter bits


@pytest.mark.parametrize("descending", [False, True])
def test_the_server_lists_every_sort_in_the_reference_order_from_its_indexes(both, descending):
    """On PostgreSQL each sort is read in parts from the ``(key, id)`` indexes
    (no sort step, even where the planner would rather sort a small table), and
    the result is exactly ``ids_query``'s order."""
    from labest_desktop.services import project_query
    from labest_desktop.services.project_query import SORT_COLUMNS, ids_query

    ws = both["postgresql"]
    for sort in SORT_COLUMNS:
        with ws.reading() as session:
            expected = [pid for pid in session.scalars(ids_query(ProjectFilter(), "postgresql", sort, descending))]
            session.execute(text("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_sort', 'off', true)"))
            for part in project_query._segments(session, ProjectFilter(), sort, descending, "postgresql"):
                compiled = part.compile(session.connection(), compile_kwargs={"literal_binds": True})
                plan = "\n".join(session.scalars(text(f"EXPLAIN {compiled}")))
                # An incremental sort orders each lead's projects (read in id order
                # already); a full sort would order every project.
                nodes = [line.strip().removeprefix("->").strip().split("  ")[0] for line in plan.splitlines()]
                assert "Sort" not in nodes, (sort, plan)
        assert project_ids(ws, ProjectFilter(), sort, descending) == expected, sort
