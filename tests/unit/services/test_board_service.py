"""The board's service (counts per stage, windows of cards) and the stage-move
service behind the board, the editor and undo/redo."""

from __future__ import annotations

import pytest

from labest_desktop.domain.errors import StaleEditError, ValidationError
from labest_desktop.domain.fields import ProjectFields
from labest_desktop.domain.vocab import Stage
from labest_desktop.services import board, projects, stage_moves
from labest_desktop.services.project_query import ProjectFilter


def _project(ws, title, stage=Stage.IDEATION, department="67"):
    return projects.create_project(ws, ProjectFields(title=title, stage=stage, department=department, lead="DREAL Grand Est"))


def test_counts_and_cards_follow_the_filter(workspace):
    """Counts come per stage for the filtered projects, and cards carry what the card shows."""
    _project(workspace, "Accueil en sous-préfecture")
    _project(workspace, "Permis de construire", Stage.PROTOTYPE, "57")
    _project(workspace, "Médiation numérique", Stage.PROTOTYPE)
    assert board.stage_counts(workspace) == {"ideation": 1, "prototype": 2, "deployment": 0}
    flt = ProjectFilter(departments=frozenset({"67"}))
    assert board.stage_counts(workspace, flt) == {"ideation": 1, "prototype": 1, "deployment": 0}
    [card] = board.cards(workspace, Stage.PROTOTYPE, flt)
    assert card.title == "Médiation numérique"
    assert card.lead == "DREAL Grand Est"
    assert card.department == "67"
    assert card.days_in_stage() == 0


def test_cards_come_in_windows_that_never_overlap(workspace):
    """Offset and limit page through a column without repeating or losing a card."""
    for i in range(7):
        _project(workspace, f"Projet {i}")
    first = board.cards(workspace, Stage.IDEATION, limit=4)
    second = board.cards(workspace, Stage.IDEATION, offset=4, limit=4)
    assert len(first) == 4 and len(second) == 3
    assert not {c.id for c in first} & {c.id for c in second}


def test_move_is_a_decision_and_undo_is_a_reverse_decision(workspace):
    """A move records a decision with its rationale; undo records « Annulation : … »."""
    view = _project(workspace, "Guichet unique des associations")
    done = stage_moves.move(workspace, view.id, Stage.PROTOTYPE, "Comité du 3 mars", view.version)
    assert (done.from_stage, done.to_stage) == ("ideation", "prototype")
    done = stage_moves.undo_move(workspace, done)
    decided = projects.decisions(workspace, view.id)
    assert [(d.from_stage, d.to_stage) for d in decided] == [
        (None, "ideation"),
        ("ideation", "prototype"),
        ("prototype", "ideation"),
    ]
    assert decided[1].rationale == "Comité du 3 mars"
    assert decided[2].rationale == "Annulation : Comité du 3 mars"
    stage_moves.redo_move(workspace, done)
    assert projects.get_project(workspace, view.id).fields.stage == Stage.PROTOTYPE


def test_undo_of_a_move_checks_the_version_it_left(workspace):
    """A project changed elsewhere after a move is not moved back over that change:
    undo is refused with the stale-edit sentence and the project stays where it is."""
    view = _project(workspace, "Covoiturage des agents")
    done = stage_moves.move(workspace, view.id, Stage.PROTOTYPE, "Comité du 3 mars", view.version)
    current = projects.get_project(workspace, view.id)
    projects.update_project(workspace, view.id, current.fields.with_changes(title="Covoiturage"), current.version)
    with pytest.raises(StaleEditError) as caught:
        stage_moves.undo_move(workspace, done)
    assert "modifié ailleurs" in caught.value.message
    assert projects.get_project(workspace, view.id).fields.stage == Stage.PROTOTYPE
    assert [d.to_stage for d in projects.decisions(workspace, view.id)] == ["ideation", "prototype"]


def test_move_without_rationale_is_refused(workspace):
    """The rationale is required: the project stays where it was."""
    view = _project(workspace, "Transports scolaires")
    with pytest.raises(ValidationError) as caught:
        stage_moves.move(workspace, view.id, Stage.DEPLOYMENT, "  ", view.version)
    assert "justification" in caught.value.message
    assert projects.get_project(workspace, view.id).fields.stage == Stage.IDEATION


def test_undated_cards_come_last_and_windows_cross_the_boundary(workspace):
    """Cards without a date in their stage follow the dated ones; windows of any size
    page through both without repeating or losing a card."""
    from sqlalchemy import update

    from labest_desktop.domain.models import Project

    made = [_project(workspace, f"Projet {i}") for i in range(7)]
    undated = {made[1].id, made[4].id, made[6].id}
    with workspace.unit_of_work() as uow:
        uow.session.execute(update(Project).where(Project.id.in_(undated)).values(stage_since=None))
        uow.commit()
    whole = board.cards(workspace, Stage.IDEATION, limit=100)
    assert len(whole) == 7
    assert {c.id for c in whole[-3:]} == undated
    for size in (1, 2, 3, 4):
        paged = []
        for offset in range(0, 8, size):
            paged += board.cards(workspace, Stage.IDEATION, offset=offset, limit=size)
        assert [c.id for c in paged] == [c.id for c in whole], size
        following = board.cards(workspace, Stage.IDEATION, limit=size)
        while following and len(following) < 8:  # « show more »: from the last card shown
            window = board.cards(workspace, Stage.IDEATION, limit=size, after=following[-1])
            if not window:
                break
            following += window
        assert [c.id for c in following] == [c.id for c in whole], size
