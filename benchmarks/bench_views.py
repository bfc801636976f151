"""Each view of the window on a big portfolio: first show, refresh after one edit,
and what one save costs the window's thread with every view built.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_views.py /work/coord/data/demo-100k.sqlite3
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_views.py --database-url postgresql://…

The database file is copied first (never written). The window is built as
``app.build_window`` builds it and each view shown once, as a user visiting the tabs
would: « first show » is the time the window's thread spends showing it (figures
computed in the background arrive later: « figures in » says when). « refresh after
one edit » is the view's own refresh for a title saved through the services. Then,
with every view built and the Summary on screen, one more save is published as the
editor publishes it: « refresh after an edit, all views built » is the time the
window's thread spends on it, « worst block » the longest the event loop went
unserved until everything settled, and each view's next show after that edit (hidden
views refresh then, not before). Finally the statements sent to the database for
that edit, which must not grow with the number of views built, and each kind of
change (an edit, a stage move, a note, an event, an import) with the view that shows
it on screen: the worst block of the window's thread until everything is in.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import window_probe as probe  # noqa: E402


def _edit(window, project_id: int):
    """Save a new title through the services, as the editor does; returns the change."""
    from labest_desktop.services import projects

    ws = window.context.workspace
    view = projects.get_project(ws, project_id)
    title = view.fields.title.removesuffix(" (b)") if view.fields.title.endswith(" (b)") else view.fields.title + " (b)"
    saved = projects.update_project(ws, project_id, view.fields.with_changes(title=title), view.version)
    return saved


def _publish(window, project_id: int) -> None:
    window.context.projects_changed([project_id])


def _refresh_one(window, key: str, project_id: int) -> None:
    from labest_desktop.services.changes import Changes

    window.views[key].refresh(Changes.of_projects([project_id]))


def _kinds_of_change(window, project_id: int):
    """(name, view on screen, act) for an edit, a stage move, a note, an event and an
    import; ``act`` writes through the services and returns what the window publishes."""
    from labest_desktop.domain.vocab import Stage
    from labest_desktop.services import events, projects, stage_moves
    from labest_desktop.services.changes import EVERYTHING, NOTHING, Changes

    ws = window.context.workspace

    def edit():
        return Changes.of_projects([_edit(window, project_id).id])

    def move():
        view = projects.get_project(ws, project_id)
        stages = [str(s) for s in Stage]
        target = stages[(stages.index(str(view.fields.stage)) + 1) % len(stages)]
        return stage_moves.move(ws, project_id, target, "Banc d'essai", view.version).changes

    def note():
        projects.add_note(ws, project_id, "Note du banc d'essai")
        return NOTHING  # the editor shows its notes; no view lists them

    def event():
        made = events.create_event(ws, events.EventFields(title="Atelier du banc d'essai",
                                                          project_ids=frozenset({project_id})))
        return Changes.of(events=[made.id])

    return (
        ("edit, list on screen", "projects", edit),
        ("edit, partners on screen", "partners", edit),
        ("stage move, board on screen", "board", move),
        ("stage move, list on screen", "projects", move),
        ("note, list on screen", "projects", note),
        ("event saved, events on screen", "events", event),
        ("import (everything), list on screen", "projects", lambda: EVERYTHING),
        ("import (everything), board on screen", "board", lambda: EVERYTHING),
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", nargs="?", help="a SQLite file (copied first)")
    parser.add_argument("--database-url", help="a PostgreSQL URL instead of a file")
    args = parser.parse_args(argv)
    if not args.database and not args.database_url:
        parser.error("give a database file or --database-url")
    probe.application()
    from labest_desktop.ui.views import VIEWS

    workspace, folder = probe.open_copy(args.database, args.database_url)
    started = time.perf_counter()
    window = probe.build_window(workspace, folder)
    from labest_desktop.app import freeze_startup_objects

    freeze_startup_objects()  # as ``labest`` does once its window is built
    probe.settle()
    print(f"{probe.describe(args.database, args.database_url)}: window built in "
          f"{(time.perf_counter() - started) * 1000:.0f} ms, {probe.rss_mb():.0f} MB")
    project_id = window.projects_view.model.id_at(0)
    meter = probe.BlockMeter()
    print(f"{'view':<12}{'first show':>12}{'figures in':>12}{'refresh after one edit':>25}{'worst block':>13}")
    for spec in VIEWS:
        meter.start()
        began = time.perf_counter()
        window.show_view(spec.key)
        probe.QCoreApplication.processEvents()
        shown = (time.perf_counter() - began) * 1000
        ready = shown + probe.settle() * 1000
        worst = meter.stop()
        _edit(window, project_id)  # the save itself is not the window's work
        meter.resume()
        began = time.perf_counter()
        _refresh_one(window, spec.key, project_id)
        probe.QCoreApplication.processEvents()
        refresh = (time.perf_counter() - began) * 1000
        refresh_ready = refresh + probe.settle() * 1000
        worst = max(worst, meter.stop())
        late = f" (figures {refresh_ready:.0f})" if refresh_ready - refresh > 5 else ""
        print(f"{spec.key:<12}{shown:>9.0f} ms{ready:>9.0f} ms{refresh:>15.0f} ms{late:<10}{worst:>10.0f} ms")

    counter = probe.QueryCounter(workspace.database.engine)
    _edit(window, project_id)
    counter.count = 0
    meter.start()
    began = time.perf_counter()
    _publish(window, project_id)
    spent = (time.perf_counter() - began) * 1000
    settled = spent + probe.settle() * 1000
    worst = meter.stop()
    queries = counter.count
    print(f"refresh after an edit, all views built: {spent:.0f} ms on the window's thread "
          f"({settled:.0f} ms until every figure is in), worst block of the window's thread {worst:.0f} ms, "
          f"{queries} statements")
    shows = []
    meter.start()
    for spec in VIEWS:
        began = time.perf_counter()
        window.show_view(spec.key)
        probe.QCoreApplication.processEvents()
        shows.append(f"{spec.key} {(time.perf_counter() - began) * 1000:.0f}")
        probe.settle()
    worst = meter.stop()
    print(f"next show of each view after that edit (ms): {', '.join(shows)}; worst block {worst:.0f} ms")
    print("each kind of change with the view that shows it on screen, three times (the service's own time "
          "apart; worst of the three):")
    for name, key, act in _kinds_of_change(window, project_id):
        window.show_view(key)
        probe.settle()
        figures = []
        for _ in range(3):
            for _paint in range(3):  # what showing the view left to paint is not the change's
                probe.QCoreApplication.processEvents()
            began = time.perf_counter()
            changes = act()
            saved = (time.perf_counter() - began) * 1000
            meter.start()
            began = time.perf_counter()
            window.context.publish(changes)
            probe.QCoreApplication.processEvents()
            spent = (time.perf_counter() - began) * 1000
            settled = spent + probe.settle() * 1000
            probe.QCoreApplication.processEvents()  # the repaint of what changed counts too
            figures.append((saved, spent, meter.stop(), settled))
        saved, spent, worst, settled = (max(f[i] for f in figures) for i in range(4))
        print(f"  {name:<37} service {saved:>4.0f} ms, window's thread on publishing {spent:>4.0f} ms, "
              f"worst block {worst:>4.0f} ms, all in after {settled:>5.0f} ms")
    print(f"resident memory at the end: {probe.rss_mb():.0f} MB")
    window.close()
    workspace.database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
