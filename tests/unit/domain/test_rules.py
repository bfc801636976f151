"""Every rule on a project's fields, with the sentence the user reads.

The rules live in ``domain.fields`` and every front end (window, command line,
workbook import) shows the same error; these tests pin each rule to its field and
its French sentence, check the English rendering, and check that amounts stay exact
through both databases.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from labest_desktop import messages
from labest_desktop.domain.errors import ValidationError
from labest_desktop.domain.field_registry import PERIOD_KEYS, PROJECT_FIELDS
from labest_desktop.domain.fields import ProjectFields, check, field_errors, validate
from labest_desktop.domain.models import Project
from labest_desktop.services import projects


def only_error(values: ProjectFields) -> ValidationError:
    """The single rule ``values`` breaks (a test of one rule must break only it)."""
    errors = validate(values.normalised())
    assert len(errors) == 1, [e.message for e in errors]
    return errors[0]


BASE = ProjectFields(title="Accueil en sous-préfecture")


# --- one test per rule: the field named and the French sentence -----------------

RULES = [
    pytest.param(
        BASE.with_changes(title="   "), "title", "Le titre est obligatoire.", id="title-required"
    ),
    pytest.param(
        BASE.with_changes(title="x" * 201),
        "title",
        "Texte trop long : 201 caractères pour 200 au plus.",
        id="title-too-long",
    ),
    pytest.param(
        BASE.with_changes(description="d" * 10_001),
        "description",
        "Texte trop long : 10001 caractères pour 10000 au plus.",
        id="description-too-long",
    ),
    pytest.param(
        BASE.with_changes(start_date=date(2026, 3, 10), end_date=date(2026, 3, 9)),
        "end_date",
        "La date de fin prévue (09/03/2026) précède la date de début (10/03/2026).",
        id="end-before-start",
    ),
    pytest.param(
        BASE.with_changes(budget=Decimal("-0.01")),
        "budget",
        "Le budget ne peut pas être négatif (-0.01).",
        id="budget-negative",
    ),
    pytest.param(
        BASE.with_changes(budget=Decimal("12.345")),
        "budget",
        "Le budget s'exprime au centime près (12.345 a trop de décimales).",
        id="budget-too-many-decimals",
    ),
    pytest.param(
        BASE.with_changes(budget=Decimal("NaN")),
        "budget",
        "« NaN » n'est pas un montant en euros (exemple : 12 000,50).",
        id="budget-nan",
    ),
    pytest.param(
        BASE.with_changes(budget=Decimal("Infinity")),
        "budget",
        "« Infinity » n'est pas un montant en euros (exemple : 12 000,50).",
        id="budget-infinite",
    ),
    pytest.param(
        BASE.with_changes(budget=12.5),
        "budget",
        "« 12.5 » n'est pas un montant en euros (exemple : 12 000,50).",
        id="budget-float-refused",
    ),
    pytest.param(
        BASE.with_changes(budget=Decimal("1000000000000.00")),
        "budget",
        "Budget trop élevé (1000000000000.00) : 999 999 999 999,99 € au plus.",
        id="budget-too-large",
    ),
    pytest.param(
        BASE.with_changes(users_involved=-1),
        "users_involved",
        "Le nombre ne peut pas être négatif (-1).",
        id="users-negative",
    ),
    pytest.param(
        BASE.with_changes(agents_involved=-3),
        "agents_involved",
        "Le nombre ne peut pas être négatif (-3).",
        id="agents-negative",
    ),
    pytest.param(
        BASE.with_changes(users_involved=2.5),
        "users_involved",
        "« 2.5 » n'est pas un nombre entier.",
        id="users-not-whole",
    ),
    pytest.param(
        BASE.with_changes(agents_involved=True),
        "agents_involved",
        "« True » n'est pas un nombre entier.",
        id="agents-bool-not-a-count",
    ),
    pytest.param(
        BASE.with_changes(users_involved=10_000_001),
        "users_involved",
        "Nombre trop grand (10000001) : 10000000 au plus.",
        id="users-too-large",
    ),
    pytest.param(
        BASE.with_changes(department="75"),
        "department",
        "Département « 75 » hors Grand Est : choisir 08, 10, 51, 52, 54, 55, 57, 67, 68, 88 ou Région.",
        id="department-unknown",
    ),
    pytest.param(
        BASE.with_changes(stage="incubation"),
        "stage",
        "Étape inconnue « incubation » : choisir Idéation, Prototype ou Déploiement.",
        id="stage-unknown",
    ),
    pytest.param(
        BASE.with_changes(status="archived"),
        "status",
        "Statut inconnu « archived » : choisir Actif, En pause, Terminé ou Abandonné.",
        id="status-unknown",
    ),
    pytest.param(
        BASE.with_changes(lead="L" * 201),
        "lead",
        "Texte trop long : 201 caractères pour 200 au plus.",
        id="lead-name-too-long",
    ),
    pytest.param(
        BASE.with_changes(partners=("P" * 201,)),
        "partners",
        "Texte trop long : 201 caractères pour 200 au plus.",
        id="partner-name-too-long",
    ),
]


@pytest.mark.parametrize(("values", "field", "sentence"), RULES)
def test_each_rule_names_its_field_with_a_french_sentence(values, field, sentence):
    """A value breaking one rule gives exactly one error, on that field, worded in French."""
    error = only_error(values)
    assert error.field == field
    assert error.message == sentence
    assert str(error) == sentence


@pytest.mark.parametrize(("values", "field", "sentence"), RULES)
def test_check_raises_the_broken_rule(values, field, sentence):
    """``check`` (used by create and edit) raises the rule's error instead of saving."""
    with pytest.raises(ValidationError) as caught:
        check(values)
    assert caught.value.field == field


ENGLISH = [
    (BASE.with_changes(title=""), "The title is required."),
    (BASE.with_changes(title="x" * 201), "Text too long: 201 characters, at most 200 allowed."),
    (
        BASE.with_changes(start_date=date(2026, 3, 10), end_date=date(2026, 3, 9)),
        "The planned end date (09/03/2026) is before the start date (10/03/2026).",
    ),
    (BASE.with_changes(budget=Decimal("-5")), "The budget cannot be negative (-5.00)."),
    (BASE.with_changes(budget=Decimal("1.001")), "The budget is in whole cents (1.001 has too many decimals)."),
    (BASE.with_changes(budget=Decimal("NaN")), "“NaN” is not an amount in euros (for example 12000.50)."),
    (
        BASE.with_changes(budget=Decimal("1e13")),
        "Budget too large (10000000000000.00): at most 999,999,999,999.99 €.",
    ),
    (BASE.with_changes(users_involved=-2), "The number cannot be negative (-2)."),
    (BASE.with_changes(users_involved=1.5), "“1.5” is not a whole number."),
    (
        BASE.with_changes(department="13"),
        "Department “13” is not in Grand Est: choose 08, 10, 51, 52, 54, 55, 57, 67, 68, 88 or Région.",
    ),
    (BASE.with_changes(stage="x"), "Unknown stage “x”: choose Ideation, Prototype or Deployment."),
    (BASE.with_changes(status="x"), "Unknown status “x”: choose Active, Paused, Done or Abandoned."),
]


@pytest.mark.parametrize(("values", "sentence"), ENGLISH)
def test_rules_speak_english_when_the_language_is_english(values, sentence):
    """After ``messages.set_language("en")`` the same error reads in English."""
    error = only_error(values)
    messages.set_language("en")
    assert error.message == sentence


def test_every_broken_rule_is_reported_at_once():
    """``validate`` lists every broken rule, so a form can mark all fields together."""
    values = ProjectFields(
        title="",
        department="99",
        budget=Decimal("-1"),
        users_involved=-1,
        start_date=date(2026, 1, 2),
        end_date=date(2026, 1, 1),
    )
    fields = {e.field for e in validate(values)}
    assert fields == {"title", "department", "budget", "users_involved", "end_date"}


# --- values at the limits are accepted -------------------------------------------

ACCEPTED = [
    BASE.with_changes(title="t" * 200),
    BASE.with_changes(title="  padded title  "),
    BASE.with_changes(description="d" * 10_000),
    BASE.with_changes(start_date=date(2026, 3, 10), end_date=date(2026, 3, 10)),
    BASE.with_changes(budget=Decimal("0")),
    BASE.with_changes(budget=Decimal("999999999999.99")),
    BASE.with_changes(budget=Decimal("12.50")),
    BASE.with_changes(budget=Decimal("12.500")),  # trailing zeros are still whole cents
    BASE.with_changes(users_involved=0, agents_involved=10_000_000),
    BASE.with_changes(department="Région"),
    BASE.with_changes(department="08"),
]


@pytest.mark.parametrize("values", ACCEPTED)
def test_values_at_the_limits_are_accepted(values):
    """The limits are inclusive: 200 characters, 10,000 characters, a one-day project,
    a budget of 0 or of 999,999,999,999.99 €, zero people."""
    assert validate(values.normalised()) == []


UNHOLDABLE_TEXTS = [
    BASE.with_changes(description="contrôle\x01", contact="\ufffe", tags=("a;b", "c"), partners=("x\x0b",)),
    BASE.with_changes(title="x\x02" * 150, funding="y" * 201, link="javascript:alert(1)"),
]


@pytest.mark.parametrize(
    "values", [p.values[0] for p in RULES] + [v for v, _ in ENGLISH] + ACCEPTED + UNHOLDABLE_TEXTS
)
def test_one_fields_rules_are_validates_for_that_field(values):
    """``field_errors`` (one field checked on its own, for rows read by another
    process) finds exactly the errors ``validate`` finds on that field, the order of
    the period's dates apart (it ties two fields)."""
    values = values.normalised()
    whole = [(e.field, e.key, e.params) for e in validate(values) if e.key != "rule.end_before_start"]
    by_field = [(e.field, e.key, e.params) for spec in PROJECT_FIELDS
                for e in field_errors(spec.key, getattr(values, spec.key))]
    assert sorted(by_field, key=repr) == sorted(whole, key=repr)
    assert all(key in {s.key for s in PROJECT_FIELDS} for key in PERIOD_KEYS)


def test_normalising_trims_text_and_sorts_partners():
    """Text is trimmed, empty text becomes nothing, repeated partners and tags (in any
    case or accents) are dropped and partners sorted; the budget is kept in cents."""
    values = check(
        ProjectFields(
            title="  Titre  ",
            contact="   ",
            partners=("Université de Lorraine", "ADEME", "universite de lorraine"),
            tags=("Design", "design", " rural "),
            budget=Decimal("10.500"),
        )
    )
    assert values.title == "Titre"
    assert values.contact is None
    assert values.partners == ("ADEME", "Université de Lorraine")
    assert values.tags == ("Design", "rural")
    assert values.budget == Decimal("10.50")
    assert str(values.budget) == "10.50"


def test_create_refuses_a_broken_rule_and_writes_nothing(sqlite_workspace):
    """A refused project leaves no row behind (the rule is checked before the transaction)."""
    with pytest.raises(ValidationError):
        projects.create_project(sqlite_workspace, BASE.with_changes(budget=Decimal("-1")))
    with sqlite_workspace.reading() as session:
        assert session.scalar(select(func.count()).select_from(Project)) == 0


# --- money stays exact through both databases -------------------------------------


def test_budgets_are_exact_cents_through_the_database(workspace):
    """0.10 + 0.20 sums to exactly 0.30 in SQL, and the largest budget survives the
    round trip to the cent, on SQLite and PostgreSQL (amounts are never floats)."""
    amounts = [Decimal("0.10"), Decimal("0.20"), Decimal("999999999999.99"), Decimal("0.01")]
    created = [
        projects.create_project(workspace, BASE.with_changes(title=f"Projet {i}", budget=amount))
        for i, amount in enumerate(amounts)
    ]
    for view, amount in zip(created, amounts, strict=True):
        again = projects.get_project(workspace, view.id)
        assert again.fields.budget == amount
        assert isinstance(again.fields.budget, Decimal)
        assert str(again.fields.budget) == str(amount)
    with workspace.reading() as session:
        small = session.scalar(
            select(func.sum(Project.budget)).where(Project.id.in_([created[0].id, created[1].id]))
        )
        raw = dict(session.execute(text("SELECT id, budget FROM project")).all())
    assert small == Decimal("0.30")
    # Stored as whole cents in an integer column, never as a float.
    assert raw[created[0].id] == 10
    assert raw[created[1].id] == 20
    assert raw[created[2].id] == 99999999999999


def test_a_project_without_budget_stays_without_budget(workspace):
    """No budget is stored as nothing, not as zero."""
    view = projects.create_project(workspace, BASE)
    assert projects.get_project(workspace, view.id).fields.budget is None
