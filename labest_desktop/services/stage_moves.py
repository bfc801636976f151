"""Stage moves: the one path by which a project changes stage, whatever starts it
(a card dropped on the board, « Move to stage… » in the editor, undo and redo).

A move records a decision with its rationale, checking the version the user read:
a project changed elsewhere since is refused with ``StaleEditError`` and stays
where it is. Undo records the reverse decision (history is never rewritten), redo
the same decision again; each checks the version left by the step before, and
returns the move with the version it leaves.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from labest_desktop import messages
from labest_desktop.domain.vocab import Stage
from labest_desktop.services import projects
from labest_desktop.services.changes import Changes
from labest_desktop.services.workspace import Workspace


@dataclass(frozen=True)
class StageMove:
    """A recorded move, with what is needed to take it back or make it again."""

    project_id: int
    reference: str
    title: str
    from_stage: str
    to_stage: str
    rationale: str
    version: int  # the project's version after the last step (move, undo or redo)

    def undo_rationale(self) -> str:
        return messages.text("stage_move.undo_rationale", rationale=self.rationale)

    @property
    def changes(self) -> Changes:
        return Changes.of_projects([self.project_id])


def move(ws: Workspace, project_id: int, to_stage: Stage | str, rationale: str, expected_version: int) -> StageMove:
    """Record the decision to move a project to ``to_stage`` (one transaction), from
    the version the user read."""
    before = projects.get_project(ws, project_id)
    view = projects.change_stage(ws, project_id, Stage(to_stage), rationale, expected_version)
    return StageMove(
        project_id=project_id,
        reference=view.reference,
        title=view.fields.title,
        from_stage=str(before.fields.stage),
        to_stage=str(view.fields.stage),
        rationale=(rationale or "").strip(),
        version=view.version,
    )


def undo_move(ws: Workspace, done: StageMove) -> StageMove:
    """Take a move back with a reverse decision, if nothing changed the project since."""
    view = projects.change_stage(ws, done.project_id, Stage(done.from_stage), done.undo_rationale(), done.version)
    return replace(done, version=view.version)


def redo_move(ws: Workspace, done: StageMove) -> StageMove:
    """Make a move taken back again, if nothing changed the project since."""
    view = projects.change_stage(ws, done.project_id, Stage(done.to_stage), done.rationale, done.version)
    return replace(done, version=view.version)


messages.register(
    {
        "stage_move.undo_rationale": ("Annulation : {rationale}", "Undone: {rationale}"),
    }
)
