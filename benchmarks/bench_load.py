"""Twenty people on one PostgreSQL server: actions, latencies, stale edits, and proof
that no successful save was lost.

    .venv/bin/labest --database-url postgresql://labest@127.0.0.1:5432/load demo --projects 100000
    .venv/bin/python benchmarks/bench_load.py --database-url postgresql://labest@127.0.0.1:5432/load
    .venv/bin/python benchmarks/bench_load.py --database-url URL --users 20 --duration 120 --imports 6

Each simulated user is a separate process with its own connections, running the
services the window runs (and listening for the others' changes as the window
does), in a loop until the time is up, with a short think time
between actions: search as one types (a prefix of one to six letters of a common
word, then the first screen of rows), open a project (its sheet, history, notes),
edit it (read, think, save from the version read), move its stage, add a note; and
now and then (``--imports`` times, spread over the run, by whoever comes first) an
import of a workbook of 1,000 new projects. Edits and stage moves go to a "hot"
set of projects so that people collide: a save from an outdated version is refused
(``StaleEditError``) and counted as a stale edit, as the window would show it.

Every successful write is logged by the user who made it with a token written into
the data (the contact, a decision's rationale, a note's text, the imported titles).
At the end the log is checked against the database: each logged edit is in the
project's revisions, each stage move in its decisions, each note and each imported
row is there, no two successful saves of one project claim the same version, and
each project ends at the last logged version with the last logged contact. Prints
actions done, p50/p95 latency per action, stale edits refused, errors (any other
exception, named) and lost updates; exits 1 if an error or a lost update occurred.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from pathlib import Path

WORDS = ["mobilité", "numérique", "préfecture", "école", "strasbourg", "transition", "accueil", "emploi",
         "santé", "jeunes", "données", "inclusion", "metz", "nancy", "reims", "mulhouse", "vélo", "climat"]
HOT = 150  # projects that edits and stage moves go to
MIX = [("search", 34), ("open", 25), ("edit", 17), ("note", 14), ("stage", 10)]
STAGES = ["ideation", "prototype", "deployment"]
KEYSTROKE = "search, per keystroke"  # each of a search's keystrokes, not an action of its own


def _workspace(url: str, author: str):
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import server_location

    return Workspace(open_database(server_location(url), backups_folder=Path(tempfile.mkdtemp())), author)


def make_workbook(path: Path, batch: int, rows: int = 1000) -> None:
    """A workbook of ``rows`` new projects, as a coordinator would fill one in."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Projets"
    sheet.append(["Titre", "Étape", "Statut", "Département", "Description"])
    for row in range(rows):
        sheet.append([f"Charge {batch} ligne {row} — accompagnement numérique", "Idéation", "Actif", "67",
                      f"Projet {row} du lot {batch} importé pendant l'essai de charge."])
    book.save(path)


def user(index: int, url: str, deadline: float, started: float, duration: float, imports: list[str],
         next_import, out: str, seed: int) -> None:
    from labest_desktop.domain.errors import StaleEditError
    from labest_desktop.services import exchange_import, project_query, projects, stage_moves
    from labest_desktop.services.live_changes import ServerWatcher
    from labest_desktop.services.project_query import ProjectFilter

    rng = random.Random(seed)
    ws = _workspace(url, f"user{index:02d}")
    # Each user's window listens for the others' changes (one more connection
    # each), which also lets its list be kept between keystrokes.
    watcher = ServerWatcher(ws.database)
    watcher.connect()
    heard = 0
    hot = project_query.project_ids(ws, ProjectFilter())[:HOT]
    everyone = project_query.project_ids(ws, ProjectFilter(), sort="title")
    project_query.warm_up_search(ws)  # as the window does once its list is shown
    timings: dict[str, list[float]] = defaultdict(list)
    log: list[dict] = []
    stale = 0
    errors: list[str] = []
    count = 0
    while time.time() < deadline:
        count += 1
        token = f"u{index:02d}-{count}"
        action = rng.choices([a for a, _w in MIX], weights=[w for _a, w in MIX])[0]
        with next_import.get_lock():
            due = next_import.value < len(imports) and time.time() >= started + (next_import.value + 1) * duration / (
                len(imports) + 1)
            if due:
                batch = next_import.value
                next_import.value += 1
        if due:
            action = "import"
        if watcher.drain():  # what the window's socket notifier would have read
            heard += 1
        begun = time.perf_counter()
        try:
            if action == "search":
                word = rng.choice(WORDS)
                for end in range(1, min(len(word), 6) + 1):  # typed letter by letter
                    typed = time.perf_counter()
                    ids = project_query.project_ids(ws, ProjectFilter(search=word[:end]))
                    project_query.rows(ws, ids[:40])
                    timings[KEYSTROKE].append((time.perf_counter() - typed) * 1000)
            elif action == "open":
                pid = rng.choice(everyone)
                projects.get_project(ws, pid)
                projects.history(ws, pid)
                projects.notes(ws, pid)
            elif action == "edit":
                pid = rng.choice(hot)
                view = projects.get_project(ws, pid)
                time.sleep(rng.uniform(0.0, 0.5))  # reading the form, typing
                saved = projects.update_project(ws, pid, view.fields.with_changes(contact=token), view.version)
                log.append({"kind": "edit", "pid": pid, "version": saved.version, "token": token})
            elif action == "stage":
                pid = rng.choice(hot)
                view = projects.get_project(ws, pid)
                time.sleep(rng.uniform(0.0, 0.3))
                current = str(view.fields.stage)
                target = rng.choice([s for s in STAGES if s != current])
                moved = stage_moves.move(ws, pid, target, token, view.version)
                log.append({"kind": "stage", "pid": pid, "version": moved.version, "token": token})
            elif action == "note":
                pid = rng.choice(everyone)
                projects.add_note(ws, pid, token)
                log.append({"kind": "note", "pid": pid, "token": token})
            elif action == "import":
                preview = exchange_import.preview_import(ws, imports[batch])
                report = exchange_import.apply_import(ws, preview, on_conflict="fail")
                if not report.applied or report.created != 1000:
                    raise RuntimeError(f"import {batch}: applied={report.applied} created={report.created} "
                                       f"errors={report.errors[:2]} conflicts={report.conflicts[:2]}")
                log.append({"kind": "import", "batch": batch, "created": report.created})
        except StaleEditError:
            stale += 1
            action += " (stale)"
        except Exception as exc:  # counted and named; the run goes on
            errors.append(f"{action}: {type(exc).__name__}: {exc}".splitlines()[0][:300])
            traceback.print_exc(file=sys.stderr)
            action += " (error)"
        timings[action].append((time.perf_counter() - begun) * 1000)
        time.sleep(rng.uniform(0.05, 0.4))  # between two actions
    watcher.close()
    ws.database.dispose()
    Path(out).write_text(json.dumps({"timings": timings, "log": log, "stale": stale, "errors": errors,
                                     "heard": heard}))


def verify(url: str, logs: list[dict]) -> tuple[int, int, list[str]]:
    """(saves checked, lost updates, what was lost) — the clients' log against the database."""
    from sqlalchemy import text

    ws = _workspace(url, "checker")
    lost: list[str] = []
    checked = 0
    entries = [e for log in logs for e in log]
    with ws.reading() as session:
        edits = [e for e in entries if e["kind"] == "edit"]
        stages = [e for e in entries if e["kind"] == "stage"]
        pids = sorted({e["pid"] for e in edits + stages})
        revisions: dict[int, list[str]] = defaultdict(list)
        for pid, snapshot in session.execute(
            text("SELECT project_id, snapshot FROM project_revision WHERE project_id = ANY(:ids)"), {"ids": pids}
        ):
            revisions[pid].append(snapshot if isinstance(snapshot, str) else json.dumps(snapshot))
        decisions = set(session.scalars(
            text("SELECT rationale FROM stage_decision WHERE project_id = ANY(:ids)"), {"ids": pids}))
        notes = set(session.scalars(text("SELECT text FROM note WHERE text LIKE 'u%-%'")))
        final = {pid: (version, contact) for pid, version, contact in session.execute(
            text("SELECT id, version, contact FROM project WHERE id = ANY(:ids)"), {"ids": pids})}
        for e in edits:
            checked += 1
            if not any(f'"{e["token"]}"' in snap for snap in revisions[e["pid"]]):
                lost.append(f"edit {e['token']} of project {e['pid']} (version {e['version']}) not in its revisions")
        for e in stages:
            checked += 1
            if e["token"] not in decisions:
                lost.append(f"stage move {e['token']} of project {e['pid']} not in its decisions")
        for e in entries:
            if e["kind"] == "note":
                checked += 1
                if e["token"] not in notes:
                    lost.append(f"note {e['token']} on project {e['pid']} missing")
            elif e["kind"] == "import":
                checked += 1
                found = session.scalar(text("SELECT count(*) FROM project WHERE title LIKE :t"),
                                       {"t": f"Charge {e['batch']} ligne %"})
                if found != e["created"]:
                    lost.append(f"import {e['batch']}: {found} projects found, {e['created']} reported")
        by_project: dict[int, list[dict]] = defaultdict(list)
        for e in edits + stages:
            by_project[e["pid"]].append(e)
        for pid, saves in by_project.items():
            versions = [e["version"] for e in saves]
            if len(versions) != len(set(versions)):
                lost.append(f"project {pid}: two successful saves claim the same version {sorted(versions)}")
            last = max(saves, key=lambda e: e["version"])
            version, contact = final[pid]
            if version != last["version"]:
                lost.append(f"project {pid} at version {version}, last logged save made {last['version']}")
            last_edit = max((e for e in saves if e["kind"] == "edit"), key=lambda e: e["version"], default=None)
            if last_edit is not None and contact != last_edit["token"]:
                lost.append(f"project {pid} contact {contact!r}, last logged edit wrote {last_edit['token']!r}")
    ws.database.dispose()
    return checked, len(lost), lost


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=float, default=120.0, help="seconds (default 120)")
    parser.add_argument("--imports", type=int, default=6, help="imports of 1,000 rows spread over the run")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)

    from labest_desktop.services import project_query

    ws = _workspace(args.database_url, "bench")  # creates or upgrades the schema once, before the users
    projects_before = project_query.count(ws)
    ws.database.dispose()
    if projects_before < HOT:
        print(f"the database holds {projects_before} projects; fill it first (labest demo --projects 100000)")
        return 2
    folder = Path(tempfile.mkdtemp(prefix="labest-load-"))
    workbooks = []
    for batch in range(args.imports):
        path = folder / f"charge-{batch}.xlsx"
        make_workbook(path, batch + args.seed * 1000)
        workbooks.append(str(path))
    load_before = os.getloadavg()
    context = multiprocessing.get_context("spawn")
    next_import = context.Value("i", 0)
    started = time.time() + 5.0  # time for every process to import the application
    deadline = started + args.duration
    outputs = [str(folder / f"user{i}.json") for i in range(args.users)]
    processes = [
        context.Process(target=user, args=(i, args.database_url, deadline, started, args.duration, workbooks,
                                          next_import, outputs[i], args.seed * 100 + i))
        for i in range(args.users)
    ]
    for process in processes:
        process.start()
    loads = []
    while any(p.is_alive() for p in processes):
        loads.append(os.getloadavg()[0])
        time.sleep(5)
    for process in processes:
        process.join()
    results = [json.loads(Path(o).read_text()) for o in outputs if Path(o).exists()]
    crashed = args.users - len(results)
    # Batches are numbered from the seed so that a second run adds new titles.
    for result in results:
        for entry in result["log"]:
            if entry["kind"] == "import":
                entry["batch"] += args.seed * 1000
    timings: dict[str, list[float]] = defaultdict(list)
    for result in results:
        for action, values in result["timings"].items():
            timings[action].extend(values)
    stale = sum(r["stale"] for r in results)
    errors = [e for r in results for e in r["errors"]]
    checked, lost, what = verify(args.database_url, [r["log"] for r in results])

    done = sum(len(v) for k, v in timings.items() if k != KEYSTROKE)
    print(f"{args.users} users, {args.duration:.0f} s, {projects_before} projects at start; "
          f"load average {load_before[0]:.1f} before, {statistics.mean(loads or [0]):.1f} during "
          f"({os.cpu_count()} cores)")
    print(f"actions done: {done} ({done / args.duration:.1f} a second)")
    for action in sorted(timings):
        values = timings[action]
        print(f"  {action:<21} {len(values):>6}  p50 {percentile(values, 0.5):>7.0f} ms  "
              f"p95 {percentile(values, 0.95):>7.0f} ms")
    print(f"stale edits refused: {stale}")
    print(f"colleagues' changes heard (LISTEN/NOTIFY), summed over users: {sum(r.get('heard', 0) for r in results)}")
    print(f"errors (other than stale edits): {len(errors) + crashed}")
    for error in errors[:10]:
        print(f"  {error}")
    if crashed:
        print(f"  {crashed} user process(es) ended without their log")
    print(f"saves checked against the database: {checked}; lost updates: {lost}")
    for item in what[:10]:
        print(f"  {item}")
    return 1 if errors or crashed or lost else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
