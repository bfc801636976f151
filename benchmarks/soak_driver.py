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
actions); an action ends once the background work it started has settled and the
window has handled what it posted meanwhile (layouts, repaints, deferred deletions),
so that its cost is never counted in the next action's time. A 2 ms timer measures
the longest the window's thread went without serving its loop.

Right after the warm-up stretch and again at the end, a probe round times every kind
of action ``PROBE_REPEATS`` times under the same conditions (same view on screen, same
search, same projects, same order): whether an action is slower at the end than at
the start is judged on these rounds' medians (``SoakResult.slower``), while the day's
own actions, whose mix varies from one stretch to the next, are shown per stretch.
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
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer

SKIPPED = object()  # what an action returns when the window would not let it happen (not timed)
UNTIMED = object()  # a probe round's set-up (a view shown, a search typed): run, not timed
PROBE_REPEATS = 7  # samples of each kind in each probe round: a median, not one sample
PROBE_SEED = 99
PROBE_GROUPS = ("editor", "search", "switch", "exchange", "undo")
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
    # The probe rounds: "start" (after warm-up) and "end", each {kind: [ms, ...]}.
    probes: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    probes_cpu: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    probe_seconds: dict[str, float] = field(default_factory=dict)  # each round's length

    def growth_after_warmup(self) -> float:
        """Resident memory at rest, from the end of the first stretch to the end."""
        return self.chunks[-1].rss_mb - self.chunks[0].rss_mb

    def busy_growth_after_warmup(self) -> float:
        """The same, each measured right after the last action of its stretch."""
        return self.chunks[-1].rss_busy_mb - self.chunks[0].rss_busy_mb

    def probe_medians(self, *, cpu: bool = False, least: int = PROBE_REPEATS) -> dict[str, tuple[float, float]]:
        """Each kind timed at least ``least`` times in both probe rounds: its median
        time (or CPU time) in the first round and in the last."""
        rounds = self.probes_cpu if cpu else self.probes
        first, last = rounds.get("start", {}), rounds.get("end", {})
        return {kind: (statistics.median(first[kind]), statistics.median(last[kind]))
                for kind in sorted(first.keys() & last.keys())
                if len(first[kind]) >= least and len(last[kind]) >= least}

    def slower(self, factor: float = 1.5, slack_ms: float = 5.0, *, cpu: bool = False,
               least: int = PROBE_REPEATS) -> dict[str, tuple[float, float]]:
        """Kinds of action slower at the end than at the start: their median over
        the last probe round exceeds ``factor`` times their median over the first
        one (right after warm-up), plus ``slack_ms``. Both rounds run each kind
        ``least`` times or more in the same conditions, so one slow sample (a
        collection, a repaint of the window) decides nothing either way."""
        return {kind: (a, b) for kind, (a, b) in self.probe_medians(cpu=cpu, least=least).items()
                if b > factor * a + slack_ms}

    def unprobed(self, least: int = PROBE_REPEATS) -> list[str]:
        """Kinds of the day's actions that the probe rounds did not time ``least``
        times on both sides (judged by nobody: should be none)."""
        day = {kind for chunk in self.chunks for kind in chunk.times_ms}
        return sorted(day - self.probe_medians(least=least).keys())


class Soak:
    """Drives ``window`` through ``count`` actions; ``report(chunk)`` every ``every``.
    A probe round runs after the first stretch and after the last (``probe``: which
    of ``PROBE_GROUPS``; ``probe_views``: the views its undo and redo are timed with,
    all by default; ``probe_repeats``: samples of each kind). ``rest=False`` skips
    the pause before each report's memory at rest (timing tests)."""

    def __init__(self, window, *, seed: int = 12, imports: int = 12, count: int = 2000, every: int = 200,
                 report: Callable[[Chunk], None] | None = None, folder: Path | None = None,
                 probe: tuple[str, ...] | None = None, probe_views: tuple[str, ...] | None = None,
                 probe_repeats: int = PROBE_REPEATS, rest: bool = True) -> None:
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
        self.probe_groups = PROBE_GROUPS if probe is None else probe
        self.probe_views = probe_views
        self.probe_repeats = probe_repeats
        self.rest = rest  # at each report, a pause for memory to go back (see _rest)

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

        return self.switch_to(self.random.choice(VIEWS).key)

    def switch_to(self, key: str) -> str:
        if self._view_on_screen() == key:
            return SKIPPED
        self.window.show_view(key)
        return key

    def search(self, word: str | None = None) -> str:
        """Search the list for ``word`` if none narrows it, otherwise clear the search.
        The words go in turn, so that every stretch searches the same mix (their hits
        differ)."""
        self.window.show_view("projects")
        state = self.context.filter_state
        if state.filter.search:
            word = ""
        elif word is None:
            word = WORDS[next(self._words) % len(WORDS)]
        state.update(search=word)
        return None if word else "cleared"

    def exchange(self, department: str | None = None) -> str:
        """Export the projects of one department and stage and import the file back,
        each step in the background as the export dialog and the import wizard run it;
        after an applied import the window clears its undo history and tells every view."""
        from labest_desktop.services import exchange_export, exchange_import
        from labest_desktop.services.project_query import ProjectFilter
        from labest_desktop.ui.tasks import run_in_background

        ws = self.ws
        path = self.folder / f"echange-{self.random.randint(1, 10_000)}.xlsx"
        if department is None:  # in turn: each at the start and the end
            department = DEPARTMENTS[next(self._exchanges) % len(DEPARTMENTS)]
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

    # --- probe rounds --------------------------------------------------------------

    def _show(self, key: str):
        self.window.show_view(key)
        return UNTIMED

    def _set_search(self, word: str):
        if self.context.filter_state.filter.search != word:
            self.context.filter_state.update(search=word)
        return UNTIMED

    def _changed_elsewhere(self):
        """A project changed as another program's save is noticed: the views not on
        screen read again when next shown (as they do after the day's actions)."""
        self.context.projects_changed([self.random.choice(self.ids)])
        return UNTIMED

    def _probe_begins(self):
        """Same projects, same titles, same choices in both rounds; the day's own
        sequence of choices goes on unchanged after the round."""
        self._day_random, self.random = self.random, random.Random(PROBE_SEED)
        self._probe_began = time.perf_counter()
        return UNTIMED

    def _probe_ends(self, when: str):
        self.result.probe_seconds[when] = time.perf_counter() - self._probe_began
        self.random = self._day_random
        self._meter.worst_ms = 0.0  # the round's blocks are not the next stretch's
        self._state["worst"] = ("", 0.0)
        return UNTIMED

    def _probe_round(self, when: str):
        """The steps of one probe round, each ``(name, action, sink)``: every kind of
        action ``probe_repeats`` times, in the same order and conditions each round.
        Undo and redo are timed per kind of step, per view on screen, with and
        without a search narrowing it (as the day labels them): the step is done
        once, the view shown, then undone and redone in turn."""
        from labest_desktop.ui.views import VIEWS

        n, groups = self.probe_repeats, self.probe_groups
        views = self.probe_views or tuple(view.key for view in VIEWS)

        def setup(name, action):
            return name, action, None

        def timed(name, action):
            return name, action, when

        yield setup("probe begins", self._probe_begins)
        yield setup("search cleared", lambda: self._set_search(""))
        yield setup("projects shown", lambda: self._show("projects"))
        if "editor" in groups:  # the list on screen; the board and the events view show themselves
            for name in ("edit", "note", "move_in_editor", "move_on_board", "event"):
                for _ in range(n):
                    yield timed(name, getattr(self, name))
        if "search" in groups:
            for i in range(n):
                yield timed("search", lambda i=i: self.search(WORDS[i % len(WORDS)]))
                yield timed("search", self.search)  # cleared
        if "switch" in groups:  # each view shown with a change to read again (a colleague's save, say)
            yield setup("projects shown", lambda: self._show("projects"))
            for key in views:
                for _ in range(n if key != "projects" else 0):
                    yield setup("changed", self._changed_elsewhere)
                    yield timed("switch_view", lambda key=key: self.switch_to(key))
                    yield setup("changed", self._changed_elsewhere)
                    yield timed("switch_view", lambda: self.switch_to("projects"))
        if "exchange" in groups:
            for department in DEPARTMENTS:
                for _ in range(n):
                    yield timed("exchange", lambda department=department: self.exchange(department))
        if "undo" in groups:
            for word in ("", WORDS[0]):
                for key in views:
                    for step in ("edit", "move_in_editor", "event"):
                        yield setup("search", lambda word=word: self._set_search(word))
                        yield setup(step, lambda step=step: getattr(self, step)() or UNTIMED)
                        yield setup("view shown", lambda key=key: self._show(key))
                        for _ in range(n):
                            yield timed("undo", self.undo)
                            yield timed("redo", self.redo)
            yield setup("search cleared", lambda: self._set_search(""))
            yield setup("projects shown", lambda: self._show("projects"))
        yield setup("probe ends", lambda: self._probe_ends(when))

    def _script(self, plan: list[str]):
        """The day's actions with a report every ``every`` of them, a probe round
        after the first report and one at the end."""
        probed = False
        for n, name in enumerate(plan, 1):
            yield name, getattr(self, name), "day"
            if n % self.every == 0:
                yield "report", lambda n=n: self._close_chunk(n) or UNTIMED, None
                if not probed:
                    probed = True
                    yield from self._probe_round("start")
        if not probed:
            yield from self._probe_round("start")
        yield from self._probe_round("end")

    # --- running -------------------------------------------------------------------

    def run(self) -> SoakResult:
        """Each step starts once the last one has settled: its background work done,
        then what the window posted meanwhile handled (``drain``: a relayout and a
        repaint of the whole window after a search is cleared take 30 ms at 10,000
        projects; left in the loop, they fell into whichever action came next)."""
        script = self._script(self._plan())
        self._meter = meter = probe.BlockMeter()
        loop = QEventLoop()
        self._state = state = {"worst": ("", 0.0), "started": None, "drained": False}

        def step() -> None:
            if probe.tasks_busy():
                state["drained"] = False
                QTimer.singleShot(2, step)
                return
            if state["started"] is not None:  # the last action's work has settled
                if not state["drained"]:
                    QTimer.singleShot(0, drain)  # after the loop's deferred deletions
                    return
                label, sink, began, began_cpu = state["started"]
                state["started"] = None
                if label is not None:
                    self._record(sink, label, (time.perf_counter() - began) * 1000,
                                 (time.process_time() - began_cpu) * 1000)
            entry = next(script, None)
            if entry is None:
                loop.quit()
                return
            name, action, sink = entry
            began, began_cpu = time.perf_counter(), time.process_time()
            detail = action()
            on_thread = (time.perf_counter() - began) * 1000
            if detail is UNTIMED or sink is None:
                label = None
            elif detail is SKIPPED:
                label = None
                if sink == "day":
                    self.skipped[name] += 1
            else:
                label = name if detail is None else f"{name} {detail}"
            state["started"] = (label, sink, began, began_cpu)
            state["drained"] = False
            if sink == "day" and on_thread > state["worst"][1]:
                state["worst"] = (name, on_thread)
            QTimer.singleShot(0, step)

        def drain() -> None:
            for _ in range(3):  # a relayout posts its repaint
                QCoreApplication.processEvents()
            state["drained"] = True
            step()

        with self._answered_dialogs():
            self._show_every_view()
            meter.start()
            QTimer.singleShot(0, step)
            loop.exec()
            meter.stop()
        return self.result

    def _record(self, sink: str, label: str, ms: float, cpu_ms: float) -> None:
        if sink == "day":
            self._durations[label].append(ms)
            self._cpu[label].append(cpu_ms)
        else:
            self.result.probes.setdefault(sink, defaultdict(list))[label].append(ms)
            self.result.probes_cpu.setdefault(sink, defaultdict(list))[label].append(cpu_ms)

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

    def _close_chunk(self, n: int) -> None:
        meter, state = self._meter, self._state
        gc.collect()
        busy = probe.rss_mb()
        if self.rest:
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
