"""The ``labest`` command: argparse front door over the services (never widgets).

Every expected error ends as one line on standard error and a non-zero exit status;
anything unexpected is logged with its traceback and reported as one line naming
the log file.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from labest_desktop import __version__, messages, paths
from labest_desktop.domain import fields as _fields  # noqa: F401  (registers rule sentences)
from labest_desktop.domain.errors import LabestError
from labest_desktop.domain.vocab import DEPARTMENTS, stage_from_text, status_from_text

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_UNREADABLE = 2
EXIT_UNEXPECTED = 70


class UsageError(LabestError):
    key = "cli.usage"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="labest",
        description="Lab'EST Desktop: the portfolio of the Grand Est public-innovation lab. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"Lab'EST Desktop {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="FILE", help="SQLite database file (default: the user's data folder; env LABEST_DB)")
    where.add_argument(
        "--database-url", metavar="URL", help="server database, e.g. postgresql://user@host/labest (env LABEST_DATABASE_URL)"
    )
    parser.add_argument("--lang", choices=messages.SUPPORTED_LANGUAGES, help="language of messages (default fr)")
    parser.add_argument("--selftest", action="store_true", help="check this installation on a temporary database")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", help="add a realistic sample portfolio")
    p.add_argument("--projects", type=int, default=60, metavar="N", help="number of projects (default 60, up to 100000)")
    p.add_argument("--seed", type=int, default=2026, metavar="S", help="random seed (same seed, same sample)")

    p = sub.add_parser("list", help="list projects")
    p.add_argument("--json", action="store_true", help="print a JSON list with the exchange format's keys")
    p.add_argument("--search", default="", metavar="TEXT", help="full-text search, accents and case ignored")
    p.add_argument("--stage", action="append", type=_stage, metavar="STAGE", help="ideation, prototype or deployment")
    p.add_argument("--status", action="append", type=_status, metavar="STATUS", help="active, paused, done or abandoned")
    p.add_argument("--department", action="append", type=_department, metavar="D", help="08 10 51 52 54 55 57 67 68 88 or Région")

    p = sub.add_parser("config", help="show or set the office identity (office.code, office.name)")
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")

    sub.add_parser("check", help="check the database's integrity and schema version")

    p = sub.add_parser("backup", help="copy the database (default: the backups folder, time-stamped)")
    p.add_argument("dest", nargs="?", type=Path)

    p = sub.add_parser("restore", help="replace the database by a backup, after checking it")
    p.add_argument("file", type=Path)
    return parser


def _stage(value: str) -> str:
    stage = stage_from_text(value)
    if stage is None:
        raise argparse.ArgumentTypeError(messages.text("rule.stage_unknown", value=value))
    return str(stage)


def _status(value: str) -> str:
    status = status_from_text(value)
    if status is None:
        raise argparse.ArgumentTypeError(messages.text("rule.status_unknown", value=value))
    return str(status)


def _department(value: str) -> str:
    value = value.strip()
    if value.isdigit():
        value = value.zfill(2)
    if value.lower() in ("region", "région"):
        value = "Région"
    if value not in DEPARTMENTS:
        raise argparse.ArgumentTypeError(messages.text("rule.department_unknown", value=value))
    return value


# --- commands ---------------------------------------------------------------------


def open_workspace(args):
    from labest_desktop.services.workspace import Workspace, default_author
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import resolve

    database = open_database(resolve(args.db, args.database_url))
    return Workspace(database, default_author())


def cmd_demo(args) -> int:
    from labest_desktop.services.demo import load_demo

    ws = open_workspace(args)
    counts = load_demo(ws, projects=args.projects, seed=args.seed)
    print(messages.text("cli.demo_done", where=ws.database.location.describe(), **counts))
    return EXIT_OK


def cmd_list(args) -> int:
    from labest_desktop.services.project_query import ProjectFilter, iter_snapshots

    ws = open_workspace(args)
    flt = ProjectFilter(
        search=args.search,
        stages=frozenset(args.stage or ()),
        statuses=frozenset(args.status or ()),
        departments=frozenset(args.department or ()),
    )
    if args.json:
        out = sys.stdout
        # Streamed item by item: 100,000 projects never sit in memory as one string.
        out.write("[")
        separator = "\n "
        for snapshot in iter_snapshots(ws, flt):
            out.write(separator + json.dumps(snapshot, ensure_ascii=False, default=_json_default))
            separator = ",\n "
        out.write("\n]\n" if separator != "\n " else "]\n")
        return EXIT_OK
    for snapshot in iter_snapshots(ws, flt):
        stage = messages.text(f"stage.{snapshot['stage']}")
        status = messages.text(f"status.{snapshot['status']}")
        print(f"{snapshot['reference']}\t{stage}\t{status}\t{snapshot['title']}")
    return EXIT_OK


def _json_default(value):
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    raise TypeError(type(value).__name__)


def cmd_config(args) -> int:
    from labest_desktop.services import office

    ws = open_workspace(args)
    if args.key is None:
        for key, value in office.all_settings(ws).items():
            print(f"{key} = {value}")
    elif args.value is None:
        print(office.get(ws, args.key))
    else:
        print(f"{args.key} = {office.set_value(ws, args.key, args.value)}")
    return EXIT_OK


def cmd_check(args) -> int:
    from labest_desktop.services.maintenance import check_database
    from labest_desktop.storage.location import resolve

    report = check_database(resolve(args.db, args.database_url))
    for line in report.lines:
        print(line)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_ERROR


def cmd_backup(args) -> int:
    from labest_desktop.services.maintenance import backup_database
    from labest_desktop.storage.location import resolve

    made = backup_database(resolve(args.db, args.database_url), args.dest)
    print(messages.text("cli.backup_done", path=made))
    return EXIT_OK


def cmd_restore(args) -> int:
    from labest_desktop.services.maintenance import restore_database
    from labest_desktop.storage.location import resolve

    previous = restore_database(resolve(args.db, args.database_url), args.file)
    print(messages.text("cli.restore_done", file=args.file, previous=previous or "—"))
    return EXIT_OK


def cmd_window(args) -> int:
    from labest_desktop.app import run

    return run(args)


COMMANDS = {
    "demo": cmd_demo,
    "list": cmd_list,
    "config": cmd_config,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
}


def main(argv: list[str] | None = None) -> int:
    from labest_desktop import logging_setup

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        messages.set_language(args.lang)
    log_file = logging_setup.configure()
    try:
        if args.selftest:
            from labest_desktop.selftest import run_selftest

            return run_selftest()
        if args.command is None:
            return cmd_window(args)
        return COMMANDS[args.command](args)
    except LabestError as exc:
        print(f"labest: {exc.message}", file=sys.stderr)
        return getattr(exc, "exit_status", EXIT_ERROR)
    except KeyboardInterrupt:
        print(messages.text("cli.interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception:
        logger.exception("Unexpected error in command %s", args.command)
        print(messages.text("cli.unexpected", log=log_file or paths.log_dir()), file=sys.stderr)
        return EXIT_UNEXPECTED


messages.register(
    {
        "cli.usage": ("{detail}", "{detail}"),
        "cli.demo_done": (
            "Démonstration ajoutée à {where} : {projects} projets, {decisions} décisions, {events} "
            "événements, {notes} notes.",
            "Demo added to {where}: {projects} projects, {decisions} decisions, {events} events, {notes} notes.",
        ),
        "cli.backup_done": ("Sauvegarde écrite : {path}", "Backup written: {path}"),
        "cli.restore_done": (
            "Base restaurée depuis {file}. L'ancienne base est conservée : {previous}",
            "Database restored from {file}. The previous database is kept: {previous}",
        ),
        "cli.interrupted": ("Interrompu : rien n'a été enregistré.", "Interrupted: nothing was saved."),
        "cli.unexpected": (
            "Erreur inattendue : les détails sont dans le journal {log}. Merci de le transmettre au support.",
            "Unexpected error: the details are in the log {log}. Please send it to support.",
        ),
    }
)
