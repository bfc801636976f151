"""Rows parsed from a sheet give fields that are already normalised: the parser
builds them without :meth:`ProjectFields.normalised`, so the two must agree on
whatever a coordinator types, and a column's remembered values must never leak
from one row into another."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from labest_desktop.exchange.columns import PROJECT_COLUMNS
from labest_desktop.exchange.sheet_parser import parse_projects

HEADER = [c.header for c in PROJECT_COLUMNS if c.key in (
    "title", "stage", "status", "lead", "partners", "tags", "department", "contact",
    "start_date", "end_date", "budget", "funding", "users_involved", "agents_involved", "description",
)]

_words = st.sampled_from(["Ville de Metz", " ville  de metz ", "Région Grand Est", "RÉGION grand est", "éco", "Eco", ""])
_text = st.one_of(st.none(), st.text(max_size=12), _words)
_list = st.lists(_words, max_size=4).map(lambda items: " ; ".join(items))


def _row(draw_values: dict) -> list[object]:
    return [draw_values.get(h) for h in HEADER]


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {
                HEADER[0]: st.text(min_size=1, max_size=20).filter(lambda t: t.strip()),
                HEADER[1]: st.sampled_from(["Idéation", " prototype ", "DEPLOIEMENT", None]),
                HEADER[2]: st.sampled_from(["Actif", "en pause", None]),
                HEADER[3]: _text,
                HEADER[4]: _list,
                HEADER[5]: _list,
                HEADER[6]: st.sampled_from(["57", 57, "Moselle", None]),
                HEADER[7]: _text,
                HEADER[10]: st.one_of(st.none(), st.sampled_from(["12 000,50", "12000.5", 1500, 99.99, "0"])),
                HEADER[11]: _text,
                HEADER[12]: st.one_of(st.none(), st.integers(0, 500)),
                HEADER[14]: _text,
            }
        ),
        min_size=1,
        max_size=6,
    )
)
def test_parsed_fields_equal_their_normalised_form(rows):
    sheet = [HEADER, *(_row(r) for r in rows)]
    result = parse_projects(sheet)
    for record in result.records:
        assert record.fields == record.fields.normalised()


def test_a_list_value_met_again_is_a_copy_of_its_own():
    """Two rows with the same partners cell get equal lists, not one list shared."""
    sheet = [HEADER, ["Projet A", None, None, None, "Ville de Metz; Région Grand Est"],
             ["Projet B", None, None, None, "Ville de Metz; Région Grand Est"]]
    first, second = parse_projects(sheet).records
    assert first.values["partners"] == second.values["partners"] == ["Ville de Metz", "Région Grand Est"]
    first.values["partners"].append("Autre")
    assert second.values["partners"] == ["Ville de Metz", "Région Grand Est"]


def test_a_bad_cell_met_again_is_reported_on_each_row():
    sheet = [HEADER, ["Projet A", "Étape 4"], ["Projet B", "Étape 4"], ["Projet C", "Prototype"]]
    result = parse_projects(sheet)
    assert [e.row for e in result.errors] == [2, 3]
    assert [r.values["stage"] for r in result.records] == ["prototype"]


def test_a_check_box_in_a_number_column_is_refused_after_the_number_one():
    """True equals 1 as a dictionary key: a remembered 1 must not let TRUE through."""
    header = [HEADER[0], "Statut", "Usagers impliqués"]
    sheet = [header, ["Projet A", None, 1], ["Projet B", None, True], ["Projet C", None, 1.0]]
    result = parse_projects(sheet)
    assert [e.row for e in result.errors] == [3]
    assert [r.values["users_involved"] for r in result.records] == [1, 1]


def test_characters_a_workbook_cannot_hold_are_replaced_on_import():
    """A CSV can carry NUL or other control characters: stored as U+FFFD, so the
    project can be exported again and PostgreSQL (which refuses NUL) can store it."""
    sheet = [HEADER, ["Projet\x00 A\x07", None, None, None, None, None, None, "Jeanne\x1fMartin"]]
    (record,) = parse_projects(sheet).records
    assert record.fields.title == "Projet\ufffd A\ufffd"
    assert record.fields.contact == "Jeanne\ufffdMartin"
