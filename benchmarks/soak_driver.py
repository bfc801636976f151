"""A day of work on the real window, one user action at a time, for the soak
benchmark (``bench_soak.py``) and its short version in the tests.

Actions go through the window's own code: the project editor (built as « Open »
builds it, saved with its Save), the board's move (the rationale dialog answered),
the editor's « Move to stage… », notes, the events editor, undo and redo on the
window's stack, view switches, the list's search; exports and imports through the
exchange services followed by what the window does after an applied import. The
modal dialogs are answered by replacing their ``ask()``, as the tests do.

Each action runs from the window's event loop (``app.exec``-like: a ``QEventLoop``
serves timers, queued background results and deferred deletions between
actions); the next one starts when the background work has settled. A 2 ms timer
measures the longest the window's thread went without serving its loop.
"""

from __future__ import annotations

import gc
import itertools
import random
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import window_probe as probe
from PySide6.QtCore import QEventLoop, QObject, QTimer

SKIPPED = object()  # what an action returns when the window would not let it happen (not timed)
WORDS = ("mobilité", "numérique", "école", "accueil", "santé", "vélo", "énergie", "eau")
DEPARTMENTS = ("67", "68", "57", "88")
TARGETS = {"ideation": "prototype", "prototype": "deployment", "deployment": "prototype"}


@dataclass
class Chunk:
    """Figures of one stretch of actions. An action's time runs from its start until
    the background work it started has settled (the view shows its result); its CPU
    time is the process's (every thread) over the same span, which other programs'
    load does not inflate; ``worst_action`` is the longest any took on the window's
    thread alone."""

    actions: int
    rss_mb: float  # at rest: once the window has been idle as long as it waits before giving memory back
    rss_busy_mb: float  # right after the stretch's last action settled
    worst_block_ms: float
    worst_action: tuple[str, float]
    median_ms: dict[str, float]
    qt_objects: int
    median_cpu_ms: dict[str, float] = field(default_factory=dict)
    times_ms: dict[str, list[float]] = field(default_factory=dict)
    cpu_ms: dict[str, list[float]] = field(default_factory=dict)
    native_mb: dict[str, float] = field(default_factory=dict)


@dataclass
class SoakResult:
    chunks: list[Chunk] = field(default_factory=list)

    def growth_after_warmup(self) -> float:
        """Resident memory at rest, from the end of the first stretch to the end."""
        return self.chunks[-1].rss_mb - self.chunks[0].rss_mb

    def busy_growth_after_warmup(self) -> float:
        """The same, each measured right after the last action of its stretch."""
        return self.chunks[-1].rss_busy_mb - self.chunks[0].rss_busy_mb

    def slower(self, factor: float = 1.5, slack_ms: float = 5.0, *, cpu: bool = False, stretches: int = 2,
               least: int = 5) -> dict[str, tuple[float, float]]:
        """Kinds of action slower at the end than at the start (after warm-up): their
        median time (or CPU time) over the last ``stretches`` stretches exceeds
        ``factor`` times their median over the first ones, plus ``slack_ms``. A kind
        seen fewer than ``least`` times on either side (an exchange of one department)
        compares its first time with its last."""
        first, last = self._pooled(self.chunks[:stretches], cpu), self._pooled(self.chunks[-stretches:], cpu)
        every = self._pooled(self.chunks, cpu)
        compared = {}
        for kind, values in every.items():
            if len(first.get(kind, ())) >= least and len(last.get(kind, ())) >= least:
                compared[kind] = (statistics.median(first[kind]), statistics.median(last[kind]))
            elif len(values) >= 2:
                compared[kind] = (values[0], values[-1])
        return {kind: (a, b) for kind, (a, b) in sorted(compared.items()) if b > factor * a + slack_ms}

    @staticmethod
    def _pooled(chunks: list[Chunk], cpu: bool = False) -> dict[str, list[float]]:
        pooled: dict[str, list[float]] = defaultdict(list)
        for chunk in chunks:
            for kind, values in (chunk.cpu_ms if cpu else chunk.times_ms).items():
                pooled[kind] += values
        return pooled


class Soak:
    """Drives ``window`` through ``count`` actions; ``report(chunk)`` every ``every``."""

    def __init__(self, window, *, seed: int = 12, imports: int = 12, count: int = 2000, every: int = 200,
                 report: Callable[[Chunk], None] | None = None, folder: Path | None = None) -> None:
        self.window = window
        self.context = window.context
        self.ws = window.context.workspace
        self.random = random.Random(seed)
        self.count, self.every = count, every
        self.report = report or (lambda chunk: None)
        self.folder = folder or Path(tempfile.mkdtemp(prefix="labest-soak-"))
        self.exchange_every = max(1, count // max(1, imports))
        self.result = SoakResult()
        self.ids = self._sample_ids()
        self._durations: dict[str, list[float]] = defaultdict(list)
        self._cpu: dict[str, list[float]] = defaultdict(list)
        self._words = itertools.count()
        self._exchanges = itertools.count()
        self.told: list[str] = []  # sentences shown to the user (a refused undo)
        self.skipped: dict[str, int] = defaultdict(int)  # actions with nothing to do at the time

    # --- set-up --------------------------------------------------------------------

    def _sample_ids(self) -> list[int]:
        from labest_desktop.services import project_query

        ids = project_query.project_ids(self.ws)
        return self.random.sample(ids, min(300, len(ids)))

    @contextmanager
    def _answered_dialogs(self):
        """The modal questions the actions raise, answered for the run only."""
        from labest_desktop.ui import excepthook
        from labest_desktop.ui.dialogs import prompts
        from labest_desktop.ui.views import board

        answers = {
            (board.RationaleDialog, "ask"): staticmethod(lambda *_args: "Décision du comité (soak)"),
            (prompts.StageDialog, "ask"): classmethod(
                lambda cls, parent, current: (TARGETS[current], "Décision du comité (soak)")),
            (prompts.StaleEditDialog, "ask"): classmethod(lambda cls, parent, changes, who: "reload"),
            # An undo refused (the project changed since, by an import): its sentence is kept.
            (excepthook.ExpectedErrorDialog, "ask"): classmethod(lambda cls, parent, text: self.told.append(text)),
        }
        before = {key: key[0].__dict__[key[1]] for key in answers}
        for (owner, name), answer in answers.items():
            setattr(owner, name, answer)
        try:
            yield
        finally:
            for (owner, name), original in before.items():
                setattr(owner, name, original)

    # --- actions -------------------------------------------------------------------

    def _editor(self):
        return self.window.project_actions.editor(self.random.choice(self.ids))

    def edit(self) -> None:
        editor = self._editor()
        values, _ = editor.form.values()
        title = values.title[:150]
        editor.form.set_values(values.with_changes(title=title[:-2] if title.endswith(" ·") else title + " ·"))
        editor.save()
        editor.deleteLater()

    def move_in_editor(self) -> None:
        editor = self._editor()
        editor.change_stage()
        editor.deleteLater()

    def note(self) -> None:
        editor = self._editor()
        editor.note_text.setPlainText(f"Point d'étape {self.random.randint(1, 10_000)}")
        editor.add_note()
        editor.deleteLater()

    def move_on_board(self) -> None:
        board = self.window.ensure_view("board")
        self.window.show_view("board")
        column = board.columns[self.random.choice(list(board.columns))]
        if column.model.rowCount():
            card = column.model.index(self.random.randrange(min(20, column.model.rowCount()))).data(
                board_card_role())
            board._move_card(card, TARGETS[card.stage])

    def event(self) -> None:
        events = self.window.ensure_view("events")
        self.window.show_view("events")
        editor = events.editor
        editor.clear()
        editor.title.setText(f"Atelier {self.random.randint(1, 10_000)}")
        editor.place.setText("Strasbourg")
        editor.submit()

    def undo(self) -> str:
        """Timed per kind of step undone, per view on screen and whether a search
        narrows it (``_shown``): what an undo costs
        is mostly that view reading again (the projects list 15 ms, the board 35 ms, the
        dashboard 60 ms at 10,000 projects), so a mixed median moves with whichever
        views happened to be on screen. With nothing to undo (the history is cleared
        after each import) the window's « Annuler » is greyed out: nothing done, nothing
        timed."""
        stack = self.context.undo_stack
        if not stack.canUndo():
            return SKIPPED
        kind = f"{_step_kind(stack.command(stack.index() - 1))}, {self._shown()}"
        stack.undo()
        return kind

    def redo(self) -> str:
        stack = self.context.undo_stack
        if not stack.canRedo():
            return SKIPPED
        kind = f"{_step_kind(stack.command(stack.index()))}, {self._shown()}"
        stack.redo()
        return kind

    def _view_on_screen(self) -> str:
        window = self.window
        current = window.tabs.currentWidget() if window.stack.currentWidget() is window.tabs else None
        return next((key for key, view in window.views.items() if view is current), "no view")

    def _shown(self) -> str:
        """The view on screen and whether a search narrows it (the list reads its
        ids again through the search then: 35 ms against 10 ms at 10,000 projects)."""
        searched = " (searched)" if self.context.filter_state.filter.search else ""
        return f"{self._view_on_screen()}{searched} shown"

    def switch_view(self) -> str:
        """Timed per view; a click on the view already on screen does nothing and is
        not timed (it measured only whatever else the process did meanwhile)."""
        from labest_desktop.ui.views import VIEWS

        key = self.random.choice(VIEWS).key
        if self._view_on_screen() == key:
            return SKIPPED
        self.window.show_view(key)
        return key

    def search(self) -> str:
        self.window.show_view("projects")
        state = self.context.filter_state
        # The words in turn, so that every stretch searches the same mix (their hits differ).
        word = "" if state.filter.search else WORDS[next(self._words) % len(WORDS)]
        state.update(search=word)
        return None if word else "cleared"

    def exchange(self) -> str:
        """Export the projects of one department and stage and import the file back,
        each step in the background as the export dialog and the import wizard run it;
        after an applied import the window clears its undo history and tells every view."""
        from labest_desktop.services import exchange_export, exchange_import
        from labest_desktop.services.project_query import ProjectFilter
        from labest_desktop.ui.tasks import run_in_background

        ws = self.ws
        path = self.folder / f"echange-{self.random.randint(1, 10_000)}.xlsx"
        department = DEPARTMENTS[next(self._exchanges) % len(DEPARTMENTS)]  # in turn: each at the start and the end
        flt = ProjectFilter(departments=frozenset({department}), stages=frozenset({"deployment"}))

        def applied(report) -> None:
            if report.applied:
                self.context.undo_stack.clear()
            self.context.projects_changed([])
            path.unlink()

        def previewed(preview) -> None:
            run_in_background(lambda _c: exchange_import.apply_import(ws, preview), applied)

        def exported(_report) -> None:
            run_in_background(lambda c: exchange_import.preview_import(ws, path, progress=c.progress), previewed)

        run_in_background(lambda c: exchange_export.export_workbook(ws, path, flt, progress=c.progress), exported)
        return department  # timed per department: their sizes differ

    MIX = (("edit", 6), ("move_on_board", 3), ("move_in_editor", 2), ("note", 2), ("event", 1),
           ("undo", 2), ("redo", 1), ("switch_view", 4), ("search", 3))

    def _plan(self) -> list[str]:
        names = [name for name, weight in self.MIX for _ in range(weight)]
        plan = [self.random.choice(names) for _ in range(self.count)]
        for n in range(self.exchange_every // 2, self.count, self.exchange_every):
            plan[n] = "exchange"
        return plan

    # --- running -------------------------------------------------------------------

    def run(self) -> SoakResult:
        plan = self._plan()
        meter = probe.BlockMeter()
        loop = QEventLoop()
        state = {"next": 0, "worst": ("", 0.0), "started": None}

        def step() -> None:
            if probe.tasks_busy():
                QTimer.singleShot(2, step)
                return
            if state["started"] is not None:  # the last action's work has settled
                label, began, began_cpu = state["started"]
                if label is not SKIPPED:
                    self._durations[label].append((time.perf_counter() - began) * 1000)
                    self._cpu[label].append((time.process_time() - began_cpu) * 1000)
                state["started"] = None
            n = state["next"]
            if n and n % self.every == 0 and state.get("reported") != n:
                state["reported"] = n
                self._close_chunk(n, meter, state)
            if n >= len(plan):
                loop.quit()
                return
            name = plan[n]
            began, began_cpu = time.perf_counter(), time.process_time()
            detail = getattr(self, name)()
            on_thread = (time.perf_counter() - began) * 1000
            if detail is SKIPPED:
                self.skipped[name] += 1
                label = SKIPPED
            else:
                label = name if detail is None else f"{name} {detail}"
            state["started"] = (label, began, began_cpu)
            if on_thread > state["worst"][1]:
                state["worst"] = (name, on_thread)
            state["next"] = n + 1
            QTimer.singleShot(0, step)

        with self._answered_dialogs():
            self._show_every_view()
            meter.start()
            QTimer.singleShot(0, step)
            loop.exec()
            meter.stop()
        return self.result

    @staticmethod
    def _rest() -> None:
        """Leave the window idle as a user's pause would: long enough for what the
        last actions freed to go back to the system (ui/tasks.py), so that memory
        still held is told from memory in passing (an import's rows)."""
        from labest_desktop.ui import tasks

        loop = QEventLoop()
        QTimer.singleShot(tasks.RELEASE_DELAY_MS + 500, loop.quit)
        loop.exec()

    def _show_every_view(self) -> None:
        """A day starts with every view shown once: what they build for good is not
        counted as growth."""
        from labest_desktop.ui.views import VIEWS

        for view in VIEWS:
            self.window.show_view(view.key)
            probe.settle()
        self.window.show_view("projects")
        probe.settle()

    def _close_chunk(self, n: int, meter, state) -> None:
        gc.collect()
        busy = probe.rss_mb()
        self._rest()
        chunk = Chunk(
            actions=n,
            rss_mb=probe.rss_mb(),
            rss_busy_mb=busy,
            worst_block_ms=meter.worst_ms,
            worst_action=state["worst"],
            median_ms={k: statistics.median(v) for k, v in self._durations.items() if v},
            median_cpu_ms={k: statistics.median(v) for k, v in self._cpu.items() if v},
            times_ms={k: list(v) for k, v in self._durations.items()},
            cpu_ms={k: list(v) for k, v in self._cpu.items()},
            qt_objects=len(self.window.findChildren(QObject)),
            native_mb=probe.native_memory(),
        )
        self.result.chunks.append(chunk)
        self.report(chunk)
        self._durations.clear()
        self._cpu.clear()
        state["worst"] = ("", 0.0)
        meter.worst_ms = 0.0


def _step_kind(command) -> str:
    from labest_desktop.ui.undo_commands import EditCommand, StageMoveCommand
    from labest_desktop.ui.views.events import CreateEventCommand

    kinds = {EditCommand: "edit", StageMoveCommand: "stage move", CreateEventCommand: "event created"}
    return kinds.get(type(command), type(command).__name__)


def board_card_role():
    from labest_desktop.ui.views.board import CARD_ROLE

    return CARD_ROLE
