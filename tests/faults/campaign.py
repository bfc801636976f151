"""Fault campaigns: kill the ``labest`` command mid-write, feed the import damaged files.

    .venv/bin/python tests/faults/campaign.py                      # CI size
    .venv/bin/python tests/faults/campaign.py --projects 20000 --trials 30 --cases 3000

Kill campaigns (SIGKILL at random moments, stratified over the command's measured
duration so that every phase is hit: start-up, reading, backup, writing, commit):

* ``import``: ``labest import EDITED.xlsx --on-conflict theirs`` of a workbook in
  which every title was edited elsewhere (every row is a real write);
* ``restore``: ``labest restore BEFORE.sqlite3`` over the imported database;
* ``migration``: opening a database at schema 0001 (upgraded on opening).

After every kill, ``labest check`` must pass and the database must be exactly the
state before or the state after (a digest of every table; for the import, whose
rows carry the time of the import, the "after" digest ignores time-stamp columns),
and every file in the backups folder with a backup's final name must pass
``integrity_check``.

Fuzz campaign: byte-mutated copies of valid .xlsx, .ods and .csv exchange files
(bit flips, truncations, inserted, overwritten and duplicated bytes, seeded) and
hypothesis-made workbooks go through ``preview_import`` + ``apply_import``; the
only outcomes allowed are a report or ``ExchangeFileError``, each within 10 s. A
sample also goes through the ``labest import`` subprocess: exit 0, 1 or 2, one-line
reason, no traceback.

The functions here are used by the tests in this folder (CI size) and by ``main``
(any size); the result is printed as JSON.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CI_PROJECTS = 5_000
CI_TRIALS = 6
CI_CASES = 300
FULL_PROJECTS = 20_000
FULL_TRIALS = 30
FULL_CASES = 3_000
CASE_SECONDS = 10.0
# Columns holding the moment something was written: the only values an import run
# twice on the same database does not reproduce.
TIME_COLUMNS = frozenset({"created_at", "updated_at", "imported_at", "decided_at", "stage_since", "undone_at"})


# --- running the command ------------------------------------------------------------


def cli_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(LABEST_DATA_DIR=str(data_dir), LABEST_USER="fault-campaign", PYTHONPATH=str(ROOT))
    env.pop("LABEST_DB", None)
    env.pop("LABEST_DATABASE_URL", None)
    return env


def cli(db: Path, data_dir: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "labest_desktop", "--db", str(db), *args],
        capture_output=True, text=True, env=cli_env(data_dir), timeout=timeout,
    )


def must(done: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    if done.returncode != 0:
        raise RuntimeError(f"{done.args} exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    return done


# --- what a database holds ------------------------------------------------------------


def digest(db: Path, *, ignore_times: bool = False) -> str:
    """SHA-256 of every row of every table (FTS shadow tables aside: they are checked
    by the FTS integrity check in ``sound``), optionally with time stamps blanked."""
    total = hashlib.sha256()
    connection = sqlite3.connect(db)
    try:
        tables = [
            name for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
            if not name.startswith("project_fts")
        ]
        for table in tables:
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            order = ", ".join(str(i) for i in range(1, len(columns) + 1))
            masked = [i for i, c in enumerate(columns) if ignore_times and c in TIME_COLUMNS]
            total.update(f"{table}:{','.join(columns)}\n".encode())
            for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY {order}'):
                values = list(row)
                for i in masked:
                    values[i] = None
                total.update(repr(values).encode())
    finally:
        connection.close()
    return total.hexdigest()


def fts_problem(db: Path) -> str | None:
    """What the FTS5 index's own integrity check finds (None when sound or absent)."""
    connection = sqlite3.connect(db)
    try:
        names = {n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "project_fts" not in names:
            return None
        connection.execute("INSERT INTO project_fts(project_fts) VALUES ('integrity-check')")
        return None
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        connection.close()


def backup_problems(folder: Path) -> tuple[list[str], int]:
    """Backups (final names) that fail integrity_check, and the count of leftover
    ``.partial`` files (a backup cut short under its temporary name)."""
    from labest_desktop.storage.backup import integrity_problem, list_backups

    bad = [f"{p.name}: {problem}" for p in list_backups(folder) if (problem := integrity_problem(p))]
    partials = len(list(folder.glob("*.partial"))) if folder.is_dir() else 0
    return bad, partials


def remove_database(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)


# --- the files the campaigns start from ---------------------------------------------


@dataclass
class Corpus:
    folder: Path
    projects: int
    source: Path  # demo database, checkpointed (no WAL beside it)
    edited: Path  # every title edited "elsewhere"
    seeds: dict[str, Path]  # small valid exchange files for the fuzzer: xlsx, ods, csv
    small: Path  # small database the seeds were exported from


def make_corpus(folder: Path, projects: int) -> Corpus:
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    source = folder / "source.sqlite3"
    edited = folder / "edited.xlsx"
    if not source.exists():
        must(cli(source, data, "demo", "--projects", str(projects), "--seed", "2026"))
    if not edited.exists():
        write_edited(source, edited)
    small = folder / "small.sqlite3"
    seeds = {kind: folder / f"seed.{kind}" for kind in ("xlsx", "ods", "csv")}
    if not small.exists():
        must(cli(small, data, "demo", "--projects", "40", "--seed", "7"))
        must(cli(small, data, "export", str(seeds["xlsx"])))
        must(cli(small, data, "export", str(seeds["ods"])))
        write_csv(seeds["xlsx"], seeds["csv"])
    return Corpus(folder, projects, source, edited, seeds, small)


def write_edited(db: Path, out: Path) -> None:
    """As benchmarks/bench_import_export.py case_make_edited: every title changed."""
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_import_export.py"), "--case", "make_edited", str(db), str(out)],
        check=True, capture_output=True, env=cli_env(out.parent / "data-edit"),
    )


def write_csv(xlsx: Path, out: Path) -> None:
    """The Projets sheet of an exchange workbook as a coordinator's ``;`` CSV."""
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(xlsx))
    rows = book.get_sheet_by_name("Projets").to_python()
    with out.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=";")
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])


# --- kill campaigns ---------------------------------------------------------------------


@dataclass
class Trial:
    delay: float
    killed: bool
    state: str  # before, after
    check: int
    backups: int
    partials: int
    wal_bytes: int = 0  # the -wal left by the kill: > 0 when it struck mid-write
    problems: list[str] = field(default_factory=list)


@dataclass
class KillCampaign:
    name: str
    trials: list[Trial]
    reference_seconds: float

    @property
    def failures(self) -> list[str]:
        return [f"{self.name} trial {i} (kill at {t.delay:.2f}s): {p}"
                for i, t in enumerate(self.trials) for p in t.problems]

    def summary(self) -> dict:
        states = {s: sum(1 for t in self.trials if t.state == s) for s in ("before", "after")}
        return {
            "trials": len(self.trials),
            "killed": sum(t.killed for t in self.trials),
            "before": states["before"],
            "after": states["after"],
            # after the backup was made, before the change was committed: the write phase
            "killed_after_backup_before_commit": sum(
                1 for t in self.trials if t.killed and t.backups and t.state == "before"),
            "killed_during_backup": sum(1 for t in self.trials if t.killed and t.partials),
            "killed_leaving_a_wal": sum(1 for t in self.trials if t.killed and t.wal_bytes > 0),
            "leftover_partial_backups": sum(t.partials for t in self.trials),
            "reference_seconds": round(self.reference_seconds, 2),
            "failures": self.failures,
        }


def moments(trials: int, duration: float, rng: random.Random) -> list[float]:
    """One random moment in each of ``trials`` equal slices of the run (plus 10 %, so
    that a kill may also land after the commit, while the command exits)."""
    span = duration * 1.1
    return [span * (i + rng.random()) / trials for i in range(trials)]


def run_and_kill(command: list[str], env: dict, delay: float) -> bool:
    """Start ``command``; SIGKILL it after ``delay`` seconds unless it ended first."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=delay)  # the fault's timing, not a synchronisation
        return False
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return True


def kill_campaign(
    name: str,
    workdir: Path,
    base: Path,
    args: list[str],
    trials: int,
    seed: int,
    *,
    ignore_times_after: bool = False,
) -> KillCampaign:
    """Kill ``labest --db DB ARGS`` ``trials`` times, DB being a fresh copy of ``base``."""
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "labest.sqlite3"
    data = workdir / "data"
    before = digest(base)
    # The reference run: the state after, and how long the command takes.
    remove_database(db)
    shutil.copyfile(base, db)
    started = time.monotonic()
    must(cli(db, data, *args))
    duration = time.monotonic() - started
    must(cli(db, data, "check"))
    after = digest(db, ignore_times=ignore_times_after)
    if after == digest(base, ignore_times=ignore_times_after):
        raise RuntimeError(f"{name}: the command changed nothing; the campaign would prove nothing")
    command = [sys.executable, "-m", "labest_desktop", "--db", str(db), *args]
    env = cli_env(data)
    results: list[Trial] = []
    rng = random.Random(seed)
    for delay in moments(trials, duration, rng):
        remove_database(db)
        shutil.rmtree(data / "backups", ignore_errors=True)
        for leftover in workdir.glob("labest.sqlite3.*"):
            leftover.unlink()
        shutil.copyfile(base, db)
        killed = run_and_kill(command, env, delay)
        wal = Path(str(db) + "-wal")
        wal_bytes = wal.stat().st_size if wal.exists() else 0
        problems: list[str] = []
        checked = cli(db, data, "check")
        if checked.returncode != 0:
            problems.append(f"labest check exited {checked.returncode}: {checked.stderr.strip()}")
        state = "?"
        try:
            now = digest(db)
            if now == before:
                state = "before"
            elif (digest(db, ignore_times=True) if ignore_times_after else now) == after:
                state = "after"
            else:
                problems.append("the database is neither the state before nor the state after")
        except sqlite3.Error as exc:
            problems.append(f"cannot read the database: {exc}")
        if problem := fts_problem(db):
            problems.append(f"search index: {problem}")
        bad, partials = backup_problems(data / "backups")
        problems.extend(f"half backup under its final name: {b}" for b in bad)
        count = len(list((data / "backups").glob("labest-*.sqlite3"))) if (data / "backups").is_dir() else 0
        results.append(Trial(round(delay, 3), killed, state, checked.returncode, count, partials, wal_bytes,
                             problems))
    return KillCampaign(name, results, duration)


def import_campaign(corpus: Corpus, workdir: Path, trials: int, seed: int) -> KillCampaign:
    args = ["import", str(corpus.edited), "--on-conflict", "theirs"]
    return kill_campaign("import", workdir, corpus.source, args, trials, seed, ignore_times_after=True)


def restore_campaign(corpus: Corpus, workdir: Path, trials: int, seed: int) -> KillCampaign:
    """Restore the demo database (as a backup) over the database after the import."""
    imported = workdir / "imported.sqlite3"
    if not imported.exists():
        scratch = workdir / "scratch"
        scratch.mkdir(parents=True, exist_ok=True)
        db = scratch / "labest.sqlite3"
        remove_database(db)
        shutil.copyfile(corpus.source, db)
        must(cli(db, scratch / "data", "import", str(corpus.edited), "--on-conflict", "theirs"))
        checkpoint_copy(db, imported)
        shutil.rmtree(scratch)
    return kill_campaign("restore", workdir / "runs", imported, ["restore", str(corpus.source)], trials, seed)


def migration_campaign(corpus: Corpus, workdir: Path, trials: int, seed: int) -> KillCampaign:
    """Open (and so upgrade) a copy of the demo database brought back to schema 0001."""
    old = workdir / "schema-0001-large.sqlite3"
    workdir.mkdir(parents=True, exist_ok=True)
    if not old.exists():
        make_schema_0001(corpus.source, old)
    return kill_campaign("migration", workdir / "runs", old, ["config", "office.code"], trials, seed)


def checkpoint_copy(db: Path, out: Path) -> None:
    """A single-file copy of ``db`` (WAL merged), through SQLite's backup API."""
    out.unlink(missing_ok=True)
    source = sqlite3.connect(db)
    target = sqlite3.connect(out)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=WAL")
    finally:
        target.close()
        source.close()


def make_schema_0001(source: Path, out: Path) -> None:
    """The rows of ``source`` in a database at schema 0001 (as an older release left
    it: the committed fixture's way, tests/fixtures/make_schema_fixtures.py, at scale)."""
    from sqlalchemy import create_engine

    from labest_desktop.storage.schema import upgrade

    out.unlink(missing_ok=True)
    engine = create_engine(f"sqlite+pysqlite:///{out.as_posix()}")
    try:
        upgrade(engine, "0001")
    finally:
        engine.dispose()
    connection = sqlite3.connect(out)
    try:
        connection.execute("ATTACH DATABASE ? AS src", (str(source),))
        tables = [n for (n,) in connection.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version'")]
        with connection:
            for table in tables:
                columns = ", ".join(f'"{row[1]}"' for row in connection.execute(f'PRAGMA main.table_info("{table}")'))
                connection.execute(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM src."{table}"')
            connection.execute("UPDATE main.setting SET value = '0.0.9' WHERE key = 'app.version'")
        connection.execute("DETACH DATABASE src")
        connection.execute("PRAGMA journal_mode=WAL")
    finally:
        connection.close()


# --- fuzz campaign ----------------------------------------------------------------------


MUTATIONS = ("flip", "truncate", "insert", "overwrite", "duplicate")


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(MUTATIONS)
    buf = bytearray(data)
    n = len(buf)
    if kind == "flip":
        for _ in range(rng.randint(1, 16)):
            i = rng.randrange(n)
            buf[i] ^= 1 << rng.randrange(8)
    elif kind == "truncate":
        del buf[rng.randrange(1, n):]
    elif kind == "insert":
        i = rng.randrange(n)
        buf[i:i] = rng.randbytes(rng.randint(1, 64))
    elif kind == "overwrite":
        i = rng.randrange(n)
        size = rng.randint(1, 256)
        buf[i:i + size] = rng.randbytes(size)
    else:
        i, j = sorted(rng.randrange(n) for _ in range(2))
        k = rng.randrange(n)
        buf[k:k] = buf[i:j][:4096]
    return kind, bytes(buf)


@dataclass
class FuzzOutcome:
    case: str
    outcome: str  # report, refused, or the unexpected exception
    seconds: float
    detail: str = ""


def fuzz_one(ws, path: Path, case: str) -> FuzzOutcome:
    """Preview then apply ``path``; a report or ``ExchangeFileError`` are the outcomes
    allowed. Anything else is returned as a failure, never raised."""
    from labest_desktop.domain.errors import LabestError
    from labest_desktop.exchange.errors import ExchangeFileError
    from labest_desktop.services.exchange_import import apply_import, preview_import

    started = time.monotonic()
    try:
        preview = preview_import(ws, path)
        report = apply_import(ws, preview, on_conflict="theirs", skip_invalid=True)
        outcome, detail = "report", f"{report.created}c {report.updated}u {len(report.errors)}e"
    except ExchangeFileError as exc:
        outcome, detail = "refused", exc.message
        if "\n" in detail.strip():
            outcome = "multi-line reason"
    except LabestError as exc:  # expected sentences (stale edit, storage) are not crashes of the reader,
        outcome, detail = "other-error", exc.message  # but the import of a file should not meet them here
    except Exception as exc:  # noqa: BLE001 - what the campaign hunts
        import traceback

        outcome, detail = f"crash {type(exc).__name__}", traceback.format_exc()[-1500:]
    seconds = time.monotonic() - started
    if seconds > CASE_SECONDS and outcome in ("report", "refused"):
        outcome = "too slow"
    return FuzzOutcome(case, outcome, seconds, detail)


def fuzz_workspace(folder: Path, small: Path):
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import sqlite_location

    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "fuzz.sqlite3"
    remove_database(db)
    checkpoint_copy(small, db)
    return Workspace(open_database(sqlite_location(db), backups_folder=folder / "backups", keep=2), "fuzzer")


def mutated_cases(corpus: Corpus, folder: Path, cases: int, seed: int):
    """``(name, path)`` of ``cases`` mutated copies, round-robin over the seed files."""
    folder.mkdir(parents=True, exist_ok=True)
    originals = {kind: path.read_bytes() for kind, path in corpus.seeds.items()}
    kinds = sorted(originals)
    for index in range(cases):
        kind = kinds[index % len(kinds)]
        rng = random.Random(f"{seed}-{index}")
        mutation, data = mutate(originals[kind], rng)
        path = folder / f"case-{index % 50}.{kind}"
        path.write_bytes(data)
        yield f"{kind}#{index} {mutation} (seed {seed}-{index})", path


def fuzz_mutations(corpus: Corpus, workdir: Path, cases: int, seed: int) -> list[FuzzOutcome]:
    ws = fuzz_workspace(workdir, corpus.small)
    try:
        return [fuzz_one(ws, path, name) for name, path in mutated_cases(corpus, workdir / "cases", cases, seed)]
    finally:
        ws.database.dispose()


def fuzz_cli_sample(corpus: Corpus, workdir: Path, cases: int, seed: int) -> list[FuzzOutcome]:
    """Mutated files through ``labest import``: exit 0, 1 or 2, no traceback, one-line
    reason on exit 2."""
    db = workdir / "cli.sqlite3"
    remove_database(db)
    checkpoint_copy(corpus.small, db)
    found = []
    for name, path in mutated_cases(corpus, workdir / "cli-cases", cases, seed + 1):
        started = time.monotonic()
        done = cli(db, workdir / "data", "import", str(path), "--on-conflict", "theirs", "--skip-invalid",
                   timeout=60)
        seconds = time.monotonic() - started
        outcome = {0: "report", 1: "report", 2: "refused"}.get(done.returncode, f"exit {done.returncode}")
        if "Traceback" in done.stderr or "Traceback" in done.stdout:
            outcome = "traceback"
        elif done.returncode == 2 and len(done.stderr.strip().splitlines()) != 1:
            outcome = "multi-line reason"
        found.append(FuzzOutcome(name, outcome, seconds, done.stderr.strip()[-500:]))
    return found


def fuzz_summary(outcomes: list[FuzzOutcome]) -> dict:
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.outcome] = counts.get(o.outcome, 0) + 1
    bad = [o for o in outcomes if o.outcome not in ("report", "refused")]
    return {
        "cases": len(outcomes),
        "outcomes": counts,
        "slowest_seconds": round(max((o.seconds for o in outcomes), default=0), 2),
        "failures": [asdict(o) for o in bad[:20]],
    }


# --- the command ------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--projects", type=int, default=CI_PROJECTS, help="rows of the imported workbook")
    parser.add_argument("--trials", type=int, default=CI_TRIALS, help="kills per campaign (import, restore, migration)")
    parser.add_argument("--cases", type=int, default=CI_CASES, help="mutated files through the import service")
    parser.add_argument("--cli-cases", type=int, default=None, help="mutated files through the command (default cases/25)")
    parser.add_argument("--workbooks", type=int, default=None, help="hypothesis workbooks (default cases/3)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--only", choices=("import", "restore", "migration", "fuzz"), action="append")
    parser.add_argument("--workdir", type=Path, default=None, help="kept afterwards (default: a temporary folder)")
    parser.add_argument("--json", type=Path, default=None, help="also write the result to this file")
    args = parser.parse_args(argv)
    import logging
    import tempfile

    logging.disable(logging.WARNING)  # the reader's warnings about each bad file
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="labest-faults-"))
    only = set(args.only or ("import", "restore", "migration", "fuzz"))
    started = time.monotonic()
    corpus = make_corpus(workdir / f"corpus-{args.projects}", args.projects)
    result: dict = {"projects": args.projects, "seed": args.seed}
    campaigns = {"import": import_campaign, "restore": restore_campaign, "migration": migration_campaign}
    for name, run in campaigns.items():
        if name in only:
            t0 = time.monotonic()
            result[name] = run(corpus, workdir / name, args.trials, args.seed).summary()
            result[name]["seconds"] = round(time.monotonic() - t0, 1)
            print(name, json.dumps(result[name]), flush=True)
    if "fuzz" in only:
        t0 = time.monotonic()
        result["fuzz_mutations"] = fuzz_summary(fuzz_mutations(corpus, workdir / "fuzz", args.cases, args.seed))
        print("fuzz_mutations", json.dumps(result["fuzz_mutations"]), flush=True)
        cli_cases = args.cli_cases if args.cli_cases is not None else max(args.cases // 25, 4)
        result["fuzz_cli"] = fuzz_summary(fuzz_cli_sample(corpus, workdir / "fuzz", cli_cases, args.seed))
        print("fuzz_cli", json.dumps(result["fuzz_cli"]), flush=True)
        from tests.faults import workbooks

        workbooks_count = args.workbooks if args.workbooks is not None else max(args.cases // 3, 20)
        result["fuzz_workbooks"] = fuzz_summary(
            workbooks.run_campaign(corpus.small, workdir / "hypothesis", workbooks_count, args.seed)
        )
        print("fuzz_workbooks", json.dumps(result["fuzz_workbooks"]), flush=True)
        result["fuzz_seconds"] = round(time.monotonic() - t0, 1)
    result["seconds"] = round(time.monotonic() - started, 1)
    failures = [f for key in result if isinstance(result[key], dict) for f in result[key].get("failures", [])]
    result["verdict"] = "nothing lost, no crash" if not failures else f"{len(failures)} failure(s)"
    text = json.dumps(result, ensure_ascii=False, indent=2, default=str)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
