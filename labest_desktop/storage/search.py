"""Accent- and case-insensitive full-text search over projects.

Each project keeps ``search_text``: the words (letters and digits) of the folded
(lower-case, accent-free) text of its reference and of the fields the registry marks
as searched (title, organisations, tags, contact, description…), one space
between them. A session hook recomputes it on
every flush that touches a project or renames an organisation, so every writer
(editor, import, command line) keeps it in sync. A query matches a project when
each of its words begins a word of that text, on both back ends:

- SQLite: an FTS5 index mirrors the column through triggers (migration 0002), with
  prefix indexes for one to three letters;
- PostgreSQL: the ``project_search`` table mirrors it through triggers (migration
  0005) as a ``tsvector`` of the words under a GIN index; each query word is a
  prefix match (``'mob':*``). The table is narrow (no description, no title), so
  reading the ids of 90,000 hits does not read the wide project rows. A word of one
  letter (a-z, 0-9) is answered from ``initials``, one bit per first letter of the
  words, read from a small B-tree without the table. (Extra lexemes for the first
  one and two letters were measured too: no faster, six times dearer to write.)

The same hook keeps ``title_key`` and ``contact_key``, the sort keys of the list
(:func:`sort_key`); bulk writers fill all of them through the same functions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import ColumnElement, event, literal_column, select, text
from sqlalchemy.orm import Session

from labest_desktop.domain.field_registry import PROJECT_FIELDS, FieldKind
from labest_desktop.domain.models import Organisation, Project
from labest_desktop.domain.text import MAX_SEARCH_CHARS, MAX_SEARCH_WORDS, fold, forget_folded

# Letters and digits: what SQLite's unicode61 tokenizer keeps in a token (``_``, like
# every punctuation mark, separates words).
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_LEADING_PUNCTUATION = re.compile(r"^[\W_]+")
# Ligatures NFKD leaves whole, spelled out as French dictionaries sort them.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


def sort_key(value: str | None) -> str | None:
    """The key that sorts ``value`` in French order with a plain byte comparison:
    case and accents ignored (``"Évaluation"`` between ``"école"`` and ``"Zone"``),
    œ/æ spelled out, leading quotes and dashes skipped."""
    if value is None:
        return None
    folded = fold(value).translate(_LIGATURES)
    return _LEADING_PUNCTUATION.sub("", folded) or folded


SEARCHED_FIELDS = tuple(spec for spec in PROJECT_FIELDS if spec.searched)


def search_text(reference: str | None, values: Iterable[object]) -> str:
    """The folded words of a project's reference and the values of its searched
    fields (in :data:`SEARCHED_FIELDS` order; lists give each of their items)."""
    parts = [reference]
    for value in values:
        if isinstance(value, list | tuple):
            parts.extend(value)
        else:
            parts.append(value)
    # Word by word, the text of each part alone is the text of the parts joined by
    # spaces (folding decomposes and lowers each character by itself, and no word
    # crosses a space): a name, tag or status met on many projects is worked out once.
    return " ".join(words for words in map(_part_words, filter(None, parts)) if words)


def _part_words(part: str) -> str:
    return _short_part_words(part) if len(part) <= 120 else _words_text(fold(part))


@lru_cache(maxsize=65_536)
def _short_part_words(part: str) -> str:
    return _words_text(fold(part))


def forget_short_texts() -> None:
    """Empty the caches of folded short texts (here and in domain.text), for a bulk
    writer that has just folded thousands of texts met once (titles)."""
    _short_part_words.cache_clear()
    forget_folded()


# ASCII letters and digits kept, every other ASCII character a space: the words
# ``_WORD`` finds in an ASCII text (most folded texts), a third of its cost.
_ASCII_WORD_BYTES = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))


def _words_text(folded: str) -> str:
    """The words of a folded text, one space between them."""
    if folded.isascii():
        return " ".join(folded.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split())
    return " ".join(_WORD.findall(folded))


def snapshot_search_text(snapshot: dict) -> str:
    return search_text(snapshot.get("reference"), [snapshot.get(spec.key) for spec in SEARCHED_FIELDS])


# The searched fields up to the first long text (the description): a change to
# these alone leaves the words of the long texts as stored (see below).
_SHORT_HEAD = next(i for i, spec in enumerate(SEARCHED_FIELDS) if spec.kind is FieldKind.LONG_TEXT)


def snapshot_search_text_after(before: dict, after: dict, stored: str | None) -> str:
    """:func:`snapshot_search_text` of ``after``, a project that was ``before`` with
    ``stored`` as its search text. The text is the words of each part, parts joined
    by a space: when only fields ahead of the long texts changed (a title, a
    partner), the words of the parts after the last changed one are taken from
    ``stored`` as they are, and the long texts are not folded again. Any other
    change, or a stored text that does not begin with the words of ``before``'s
    first parts, gives the text worked out whole."""
    reference = after.get("reference")
    if stored is None or before.get("reference") != reference:
        return snapshot_search_text(after)
    last = -1
    for index, key in enumerate(_SEARCHED_KEYS):
        if before.get(key) != after.get(key):
            if index >= _SHORT_HEAD:
                return snapshot_search_text(after)
            last = index
    if last < 0:
        return snapshot_search_text(after)
    head = _SEARCHED_KEYS[: last + 1]
    old_head = search_text(reference, [before.get(key) for key in head])
    size = len(old_head)
    if not old_head or not stored.startswith(old_head) or stored[size : size + 1] not in ("", " "):
        return snapshot_search_text(after)
    new_head = search_text(reference, [after.get(key) for key in head])
    tail = stored[size + 1 :]
    return f"{new_head} {tail}" if new_head and tail else new_head or tail


_SEARCHED_KEYS = tuple(spec.key for spec in SEARCHED_FIELDS)


def project_search_text(project: Project) -> str:
    return search_text(project.reference, [project.stored_value(spec) for spec in SEARCHED_FIELDS])


def _refresh_search_text(session: Session, _context, _instances) -> None:
    stale: set[Project] = {obj for obj in session.new if isinstance(obj, Project)}
    stale.update(obj for obj in session.dirty if isinstance(obj, Project))
    for obj in session.dirty:
        if isinstance(obj, Organisation) and session.is_modified(obj, include_collections=False):
            stale.update(obj.led_projects)
            stale.update(obj.partner_projects)
    for project in stale:
        if project in session.deleted:
            continue
        value = project_search_text(project)
        if project.search_text != value:
            project.search_text = value
        title_key = sort_key(project.title) or ""
        if project.title_key != title_key:
            project.title_key = title_key
        contact_key = sort_key(project.contact)
        if project.contact_key != contact_key:
            project.contact_key = contact_key


def install() -> None:
    """Keep ``search_text`` current on every ORM session (idempotent)."""
    if not event.contains(Session, "before_flush", _refresh_search_text):
        event.listen(Session, "before_flush", _refresh_search_text)


def words(query: str) -> list[str]:
    """The words searched for, at most ``MAX_SEARCH_WORDS`` from the query's first
    ``MAX_SEARCH_CHARS`` characters (every word narrows the hits; more cost time
    and find nothing more)."""
    return _WORD.findall(fold(query[:MAX_SEARCH_CHARS]))[:MAX_SEARCH_WORDS]


def match_clause(query: str, dialect_name: str) -> ColumnElement[bool] | None:
    """A condition on ``Project`` matching every word of ``query`` as the beginning
    of a word of its text; ``None`` for an empty query."""
    terms = words(query)
    if not terms:
        return None
    if dialect_name == "sqlite":
        matches = select(text("rowid")).select_from(text("project_fts")).where(
            text("project_fts MATCH :fts_query").bindparams(fts_query=_fts_query(terms))
        )
        # ``+id``: the id may not drive the plan, so SQLite walks the sort key's
        # index in order and checks each id against the hits (sorting the hits
        # instead reads every wide project row: 3x slower for broad prefixes).
        return literal_column("+project.id").in_(matches)
    matches = select(text("project_id")).select_from(text("project_search")).where(
        text("vector @@ CAST(:ts_query AS tsquery)").bindparams(ts_query=ts_query(terms))
    )
    return Project.id.in_(matches)


def ts_query(terms: list[str]) -> str:
    """PostgreSQL's ``tsquery`` for ``terms``: each a prefix. Written as quoted
    lexemes, not parsed: a word holds only letters and digits, so the quotes
    cannot be closed from inside."""
    return " & ".join(f"'{term}':*" for term in terms)


def postgresql_matches(session: Session, query: str) -> set[int] | None:
    """Ids of the projects (deleted ones included) whose text matches every word of
    ``query``, from the ``project_search`` GIN index; ``None`` for an empty query.

    The planner reads a broad match (one letter: 90 % of the table) sequentially,
    evaluating every vector; through the index it costs about a third less, so
    sequential scans are off for this one statement. The ids come back as one
    array, in one round trip with the settings around it."""
    terms = words(query)
    if not terms:
        return None
    # A word of one letter a-z or 0-9 is answered by the first-letter bits (see
    # migration 0005): an index-only scan of a 3 MB B-tree.
    letters = [t for t in terms if len(t) == 1 and t.isascii() and t.isalnum()]
    words_left = [t for t in terms if t not in letters]
    conditions, params = [], []
    if words_left:
        conditions.append("vector @@ %s::tsquery")
        params.append(ts_query(words_left))
    if letters:
        mask = 0
        for letter in letters:
            mask |= initial_bit(letter)
        conditions.append("initials & %s = %s")
        params.extend([mask, mask])
    packed = fetch_array(session, f"SELECT array_agg(project_id) FROM project_search WHERE {' AND '.join(conditions)}",
                         tuple(params), planner_off=("enable_seqscan",))
    return set(packed)


def warm_up(session: Session) -> None:
    """Read, ahead of the first keystroke, what the first search of a session would
    otherwise read cold (PostgreSQL; nothing to do on SQLite, whose first search
    costs the same as the next ones).

    A search's cost is visiting the ``project_search`` rows of its hits: a broad
    prefix touches nearly every page of the table (6,258 pages, 49 MB, at 100,000
    projects). After a server start those pages are not in its shared buffers, and
    reading them from the operating system took the first keystroke from about
    40 ms to 100 (``'mo'``, 40,000 hits). A bitmap scan over the first-letter index
    visits every page once and leaves them in shared buffers (a sequential scan of
    a table larger than a quarter of them would go through a small ring of buffers
    instead and leave nothing behind). Then a letter and a word are searched, so
    that this connection has the catalog entries and plans of both statements, and
    the GIN index's upper pages are read. About 250 ms on a server just started,
    50 ms when the pages were already there."""
    if session.get_bind().dialect.name != "postgresql":
        return
    # Every initials value is >= 0 (bits 0-35 and 62): the whole index, every row.
    fetch_array(session, "SELECT array[sum(project_id)] FROM project_search WHERE initials >= 0",
                planner_off=("enable_seqscan", "enable_indexonlyscan"))
    postgresql_matches(session, "e")
    postgresql_matches(session, "de")


def initial_bit(letter: str) -> int:
    """The bit of ``project_search.initials`` for words beginning with ``letter``
    (a-z: bits 0-25, 0-9: bits 26-35), as labest_search_initials sets it."""
    return 1 << (ord(letter) - 97 if letter.isalpha() else ord(letter) - 22)


def fetch_array(session: Session, statement: str, params: tuple | dict = (),
                planner_off: tuple[str, ...] = ()) -> list[int]:
    """One ``array_agg`` of integers read on PostgreSQL in the binary format, in the
    session's transaction (90,000 ids: about a third faster than parsing their
    text).

    ``planner_off`` names planner methods (``enable_seqscan``…) turned off for
    this statement only. The settings, the statement, the reset and the
    transaction's ``BEGIN`` go in one round trip (psycopg's pipeline): four round
    trips cost 13 ms against 8 for a keystroke's search on a busy machine, where
    each one waits for the server process to be scheduled."""
    driver = session.connection().connection.driver_connection
    if not planner_off:
        with driver.cursor(binary=True) as cursor:
            cursor.execute(statement, params)
            row = cursor.fetchone()
        return list(row[0] or ()) if row else []
    names = ", ".join(f"set_config('{name}', %s, true)" for name in planner_off)
    with driver.pipeline() as pipeline, driver.cursor() as before, driver.cursor(binary=True) as cursor, \
            driver.cursor() as after:
        before.execute(f"SELECT {names}", ("off",) * len(planner_off))
        cursor.execute(statement, params)
        after.execute(f"SELECT {names}", ("on",) * len(planner_off))
        pipeline.sync()
        row = cursor.fetchone()
    return list(row[0] or ()) if row else []


def sqlite_matches(session: Session, query: str) -> set[int] | None:
    """Ids of the projects (deleted ones included) whose text matches every word of
    ``query`` as a prefix, from the SQLite FTS index; ``None`` for an empty query.

    The ids come back as one JSON array built in SQLite: 90,000 hits of a one-letter
    prefix cost one string instead of 90,000 result rows (21 ms -> 9 ms)."""
    terms = words(query)
    if not terms:
        return None
    packed = session.execute(
        text("SELECT json_group_array(rowid) FROM project_fts WHERE project_fts MATCH :fts_query"),
        {"fts_query": _fts_query(terms)},
    ).scalar_one()
    return set(json.loads(packed))


def _fts_query(terms: list[str]) -> str:
    # Each word quoted: FTS5 operators and column filters typed by a user stay text.
    # The index keeps no positions (migration 0008): a quoted word the tokenizer
    # splits in two would be a phrase, which it refuses. The few letters where it
    # does are taken as separators here (the parts of such a word are each looked
    # for, anywhere in the text); a word of them only stays whole and finds nothing,
    # as it always did.
    pieces: list[str] = []
    for term in terms:
        pieces.extend([part for part in _FTS_SEPARATORS.split(term) if part] or [term])
    return " AND ".join(f'"{piece}"*' for piece in pieces)


# Characters Python's ``\w`` (Unicode 14) keeps in a word and SQLite's unicode61
# tokenizer (Unicode 6.1 tables, the same in every SQLite) takes for separators:
# New Tai Lue vowel signs and tone marks, two Vedic signs. Found by trying every
# code point (``test_no_search_is_a_phrase``, which fails if Python's tables change).
_FTS_SEPARATORS = re.compile("[\u19b0-\u19c0\u19c8\u19c9\u1cf2\u1cf3]")


# The triggers that keep the SQLite FTS index in step with ``project.search_text``
# (as created by migration 0002, which keeps its own frozen copy).
FTS_TRIGGERS = {
    "project_fts_insert": "CREATE TRIGGER project_fts_insert AFTER INSERT ON project BEGIN "
    "INSERT INTO project_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "project_fts_update": "CREATE TRIGGER project_fts_update AFTER UPDATE OF search_text ON project BEGIN "
    "INSERT INTO project_fts(project_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO project_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
}
# Above this many rows, one rebuild of the index costs less than row-by-row upkeep
# (measured: 100,000 updated rows take 10.7 s through the triggers, 0.4 s + a 1.7 s
# rebuild without them).
BULK_THRESHOLD = 5_000


FTS_AUTOMERGE = 4  # FTS5's default


@contextmanager
def bulk_index_upkeep(session: Session, rows: int):
    """Around a bulk write of ``rows`` projects in the caller's transaction: on SQLite
    and above the threshold, the FTS triggers are dropped, then the index is rebuilt
    and the triggers put back before the transaction ends. DDL is transactional here,
    so a failure or a kill leaves the triggers and the index as they were."""
    connection = session.connection()
    if connection.dialect.name != "sqlite" or rows < BULK_THRESHOLD:
        yield
        return
    for name in FTS_TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    yield
    # Incremental merging while the whole index is rebuilt only merges segments the
    # rebuild is still writing: off for the rebuild (1.5 s -> 1.1 s on 100,000
    # projects, same segments and query times after), back to FTS5's default after.
    connection.exec_driver_sql("INSERT INTO project_fts(project_fts, rank) VALUES ('automerge', 0)")
    connection.exec_driver_sql("INSERT INTO project_fts(project_fts) VALUES ('rebuild')")
    connection.exec_driver_sql(f"INSERT INTO project_fts(project_fts, rank) VALUES ('automerge', {FTS_AUTOMERGE})")
    for statement in FTS_TRIGGERS.values():
        connection.exec_driver_sql(statement)
