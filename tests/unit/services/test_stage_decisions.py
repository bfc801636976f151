"""Stage decisions: a project changes stage only through a decision with a rationale,
and the time spent in each stage is derived from those decisions."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from labest_desktop import messages
from labest_desktop.domain.errors import StaleEditError, ValidationError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.models import utcnow
from labest_desktop.domain.vocab import Stage
from labest_desktop.services import projects
from labest_desktop.services.projects import DecisionView, time_in_stages


def new(ws, **kw):
    return projects.create_project(ws, ProjectFields(title="Guichet unique des associations", **kw))


def test_creation_records_the_first_decision(workspace):
    """A new project starts with a decision into its stage, from nowhere, by its author."""
    view = new(workspace)
    [first] = projects.decisions(workspace, view.id)
    assert (first.from_stage, first.to_stage) == (None, "ideation")
    assert first.decided_by == "test-agent"
    assert first.rationale == "Création du projet"
    assert view.stage_since == utcnow().date()


def test_a_decision_moves_the_stage_and_keeps_who_when_why(workspace):
    """Moving to prototype then deployment records each decision with its rationale
    and sets the project's stage and the day it entered it."""
    view = new(workspace)
    projects.change_stage(workspace, view.id, Stage.PROTOTYPE, "  Prototype testé avec 8 usagers  ")
    moved = projects.change_stage(workspace, view.id, Stage.DEPLOYMENT, "Validé en comité")
    assert moved.fields.stage == Stage.DEPLOYMENT
    assert moved.stage_since == utcnow().date()
    made = projects.decisions(workspace, view.id)
    assert [(d.from_stage, d.to_stage) for d in made] == [
        (None, "ideation"),
        ("ideation", "prototype"),
        ("prototype", "deployment"),
    ]
    assert made[1].rationale == "Prototype testé avec 8 usagers"
    assert made[1].decided_at <= made[2].decided_at


def test_a_stage_can_go_back(workspace):
    """Returning to an earlier stage is a decision like any other."""
    view = new(workspace)
    projects.change_stage(workspace, view.id, Stage.PROTOTYPE, "Essai")
    back = projects.change_stage(workspace, view.id, Stage.IDEATION, "Le prototype a montré d'autres besoins")
    assert back.fields.stage == Stage.IDEATION


@pytest.mark.parametrize("rationale", ["", "   ", None])
def test_the_rationale_is_required(workspace, rationale):
    """A decision without a rationale is refused with a French sentence; nothing changes."""
    view = new(workspace)
    with pytest.raises(ValidationError) as caught:
        projects.change_stage(workspace, view.id, Stage.PROTOTYPE, rationale)
    assert caught.value.field == "rationale"
    assert caught.value.message == "La justification de la décision est obligatoire."
    messages.set_language("en")
    assert caught.value.message == "The rationale of the decision is required."
    assert projects.get_project(workspace, view.id).fields.stage == Stage.IDEATION
    assert len(projects.decisions(workspace, view.id)) == 1


def test_a_too_long_rationale_is_refused(sqlite_workspace):
    """A rationale has at most 5,000 characters."""
    view = new(sqlite_workspace)
    with pytest.raises(ValidationError) as caught:
        projects.change_stage(sqlite_workspace, view.id, Stage.PROTOTYPE, "r" * 5001)
    assert caught.value.message == "Texte trop long : 5001 caractères pour 5000 au plus."


def test_moving_to_the_same_stage_is_refused(workspace):
    """A decision to the stage the project is already at is refused, naming the stage."""
    view = new(workspace)
    with pytest.raises(ValidationError) as caught:
        projects.change_stage(workspace, view.id, Stage.IDEATION, "Rien de neuf")
    assert caught.value.field == "stage"
    assert caught.value.message == "Le projet est déjà à l'étape Idéation."
    assert projects.get_project(workspace, view.id).version == view.version


def test_an_edit_cannot_change_the_stage(workspace):
    """The editor cannot move a project to another stage: that needs a decision."""
    view = new(workspace)
    with pytest.raises(ValidationError) as caught:
        projects.update_project(
            workspace, view.id, view.fields.with_changes(stage=Stage.DEPLOYMENT, title="Autre"), view.version
        )
    assert caught.value.field == "stage"
    assert caught.value.message == "L'étape se change par « Passer à l'étape… », avec une justification."
    after = projects.get_project(workspace, view.id)
    assert (after.fields.stage, after.fields.title) == (Stage.IDEATION, view.fields.title)


def test_a_decision_on_a_stale_version_is_refused(workspace):
    """A decision taken from a project version that changed since is refused."""
    view = new(workspace)
    projects.update_project(workspace, view.id, view.fields.with_changes(contact="Anne Meyer"), view.version)
    with pytest.raises(StaleEditError):
        projects.change_stage(workspace, view.id, Stage.PROTOTYPE, "Comité", expected_version=view.version)
    assert projects.get_project(workspace, view.id).fields.stage == Stage.IDEATION


def decision(to_stage, when, from_stage=None):
    return DecisionView(from_stage, to_stage, when, "agent", "pourquoi")


def test_time_in_stages_is_derived_from_the_decisions():
    """10 days in ideation, 30 in prototype, then deployment up to now: each stage
    counts from its decision to the next one, the current stage up to ``until``."""
    t0 = datetime(2026, 1, 1, 9, 0)
    made = [
        decision("ideation", t0),
        decision("prototype", t0 + timedelta(days=10), "ideation"),
        decision("deployment", t0 + timedelta(days=40), "prototype"),
    ]
    days = time_in_stages(made, until=t0 + timedelta(days=45, hours=12))
    assert days == {"ideation": 10.0, "prototype": 30.0, "deployment": 5.5}


def test_time_in_a_stage_visited_twice_adds_up():
    """A stage left and re-entered counts both stays."""
    t0 = datetime(2026, 1, 1)
    made = [
        decision("ideation", t0),
        decision("prototype", t0 + timedelta(days=3)),
        decision("ideation", t0 + timedelta(days=5)),
    ]
    days = time_in_stages(made, until=t0 + timedelta(days=9))
    assert days == {"ideation": 7.0, "prototype": 2.0, "deployment": 0.0}


def test_time_in_stages_of_a_stored_project(workspace):
    """The durations of a stored project come from its recorded decisions."""
    view = new(workspace)
    projects.change_stage(workspace, view.id, Stage.PROTOTYPE, "Go")
    made = projects.decisions(workspace, view.id)
    later = made[-1].decided_at + timedelta(days=2)
    days = time_in_stages(made, until=later)
    assert days["prototype"] == pytest.approx(2.0)
    assert days["ideation"] >= 0.0
    assert days["deployment"] == 0.0
