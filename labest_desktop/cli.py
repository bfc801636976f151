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
from labest_desktop.domain.vocab import (
    DEPARTMENTS,
    Stage,
    Status,
    choices,
    stage_from_text,
    status_from_text,
)

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_UNREADABLE = 2
EXIT_UNEXPECTED = 70


class UsageError(LabestError):
    key = "cli.usage"


class _Parser(argparse.ArgumentParser):
    """A usage mistake is one line like every other error (the usage is in --help);
    sub-command parsers inherit this class."""

    def error(self, message: str):
        self.exit(EXIT_UNREADABLE, f"{self.prog}: {message.rstrip('.')}. {messages.text('cli.see_help')}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    p.add_argument("--stage", action="append", type=_stage, metavar="STAGE", help=choices(list(Stage), "en"))
    p.add_argument("--status", action="append", type=_status, metavar="STATUS", help=choices(list(Status), "en"))
    p.add_argument("--department", action="append", type=_department, metavar="D", help="08 10 51 52 54 55 57 67 68 88 or Région")

    p = sub.add_parser("config", help="show or set the office identity (office.code, office.name)")
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")

    sub.add_parser("check", help="check the database's integrity and schema version")
    sub.add_parser("upgrade", help="create or upgrade the schema and exit (on a server: as the owner role)")

    p = sub.add_parser("backup", help="copy the database (default: the backups folder, time-stamped)")
    p.add_argument("dest", nargs="?", type=Path)

    p = sub.add_parser("import", help="merge an exchange workbook (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv)")
    p.add_argument("file", nargs="?", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    p.add_argument("--on-conflict", choices=("fail", "mine", "theirs"), default="fail",
                   help="settle conflicts: fail (default, write nothing), keep mine, take theirs")
    p.add_argument("--skip-invalid", action="store_true", help="leave out invalid rows and apply the rest")
    p.add_argument("--json", action="store_true", help="print the report as one JSON object")
    p.add_argument("--undo", metavar="BATCH", help="undo an import: 'last' or a batch number")

    p = sub.add_parser("export", help="write the exchange workbook (.xlsx or .ods)")
    p.add_argument("file", type=Path)
    p.add_argument("--stage", action="append", type=_stage, metavar="STAGE")
    p.add_argument("--status", action="append", type=_status, metavar="STATUS")
    p.add_argument("--department", action="append", type=_department, metavar="D")
    p.add_argument("--search", default="", metavar="TEXT")

    p = sub.add_parser("opendata", help="write the public open-data CSV (no contact names)")
    p.add_argument("file", type=Path)

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
    from labest_desktop.services import workspace
    from labest_desktop.storage.location import resolve

    return workspace.open_workspace(resolve(args.db, args.database_url))


def cmd_demo(args) -> int:
    from labest_desktop.services.demo import check_count, load_demo

    check_count(args.projects)  # before the database is created or opened
    ws = open_workspace(args)
    counts = load_demo(ws, projects=args.projects, seed=args.seed)
    print(messages.text("cli.demo_done", where=ws.database.location.describe(), **counts))
    return EXIT_OK


def cmd_upgrade(args) -> int:
    from labest_desktop.storage.migrations import HEAD

    ws = open_workspace(args)  # opening creates or upgrades the schema
    print(messages.text("cli.upgrade_done", where=ws.database.location.describe(), revision=HEAD))
    return EXIT_OK


def cmd_list(args) -> int:
    from labest_desktop.domain.fingerprints import fingerprint
    from labest_desktop.services.project_query import iter_snapshots

    ws = open_workspace(args)
    flt = _filter(args)
    if args.json:
        out = sys.stdout
        # Streamed item by item: 100,000 projects never sit in memory as one string.
        out.write("[")
        separator = "\n "
        for snapshot in iter_snapshots(ws, flt):
            snapshot["fingerprint"] = fingerprint(snapshot)  # the exchange format's hidden column
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


def _filter(args):
    from labest_desktop.services.project_query import ProjectFilter

    return ProjectFilter(
        search=getattr(args, "search", "") or "",
        stages=frozenset(getattr(args, "stage", None) or ()),
        statuses=frozenset(getattr(args, "status", None) or ()),
        departments=frozenset(getattr(args, "department", None) or ()),
    )


def cmd_import(args) -> int:
    """``import``; with ``--json`` every run prints exactly one JSON object on standard
    output, a refusal included (``{"error": "…", "applied": false}``, same exit
    status, the sentence also on standard error)."""
    if not args.json:
        return _import(args)
    try:
        return _import(args)
    except LabestError as exc:
        print(json.dumps({"error": exc.message, "applied": False}, ensure_ascii=False))
        raise
    except Exception:
        print(json.dumps({"error": messages.text("cli.unexpected_short"), "applied": False}, ensure_ascii=False))
        raise


def _import(args) -> int:
    from labest_desktop.exchange.workbook import start_exchange_read

    # The reader's process starts on the file before this one imports the services
    # and opens the database (SQLAlchemy, the models: 0.3-0.4 s, a fifth of a
    # 10,000-project import), which then runs beside its opening of the file.
    started = start_exchange_read(args.file) if args.file is not None and not args.undo else None
    try:
        return _import_started(args, started)
    finally:
        if started is not None:
            started.close()  # a read never used (the database could not be opened)


def _import_started(args, started) -> int:
    from labest_desktop.exchange.errors import ExchangeFileError
    from labest_desktop.services import exchange_import, import_undo

    ws = open_workspace(args)
    if args.undo:
        undone = import_undo.undo_import(ws, args.undo)
        if args.json:
            print(json.dumps(undone.as_dict(), ensure_ascii=False))
            return EXIT_OK
        print(messages.text("cli.undo_done", batch=undone.batch_id, file=undone.file_name, restored=undone.restored,
                            removed=undone.removed))
        if undone.events_removed or undone.events_restored or undone.organisations_removed:
            print(messages.text("cli.undo_also", events_restored=undone.events_restored,
                                events_removed=undone.events_removed,
                                organisations=undone.organisations_removed + undone.envelopes_removed))
        return EXIT_OK
    if args.file is None:
        raise UsageError(detail=messages.text("cli.import_needs_file"))
    try:
        preview = exchange_import.preview_import(ws, args.file, started=started)
    except ExchangeFileError as exc:
        exc.exit_status = EXIT_UNREADABLE
        raise
    report = exchange_import.apply_import(
        ws, preview, on_conflict=args.on_conflict, skip_invalid=args.skip_invalid, dry_run=args.dry_run
    )
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, default=_json_default))
    else:
        for line in import_summary(report, dry_run=args.dry_run):
            print(line)
    return report.exit_status


def import_summary(report, *, dry_run: bool) -> list[str]:
    lines = [messages.text("cli.import_counts", created=report.created, updated=report.updated,
                           unchanged=report.unchanged, absent=report.absent)]
    for conflict in report.conflicts:
        lines.append(messages.text("cli.import_conflict", **conflict))
    for error in report.errors:
        lines.append(messages.text("cli.import_error", **{**{"cell": "", "column": ""}, **error}))
    for item in report.renumbered:
        lines.append(messages.text("cli.import_renumbered", **item))
    for item in report.duplicates:
        lines.append(messages.text("cli.import_duplicate", **item))
    for item in report.restored:
        lines.append(messages.text("cli.import_restored", **item))
    for item in report.deleted_here:
        lines.append(messages.text("cli.import_deleted_here", **item))
    if report.ignored_columns:
        lines.append(messages.text("cli.import_ignored", columns=", ".join(report.ignored_columns)))
    lines.extend(item["message"] for item in report.ignored_rows)
    if dry_run:
        lines.append(messages.text("cli.import_dry_run"))
    elif report.applied:
        lines.append(messages.text("cli.import_applied", backup=report.backup or "—"))
    else:
        lines.append(messages.text("cli.import_not_applied"))
    return lines


def cmd_export(args) -> int:
    from labest_desktop.services.exchange_export import export_workbook

    ws = open_workspace(args)
    written = export_workbook(ws, args.file, _filter(args))
    print(messages.text("cli.export_done", path=args.file, projects=written.projects))
    if written.replaced_characters:
        print(messages.text("cli.export_replaced", count=written.replaced_characters))
    return EXIT_OK


def cmd_opendata(args) -> int:
    from labest_desktop.services.exchange_export import export_opendata

    ws = open_workspace(args)
    rows = export_opendata(ws, args.file)
    print(messages.text("cli.export_done", path=args.file, projects=rows))
    return EXIT_OK


def cmd_window(args) -> int:
    from labest_desktop.app import run

    return run(args)


COMMANDS = {
    "demo": cmd_demo,
    "list": cmd_list,
    "config": cmd_config,
    "check": cmd_check,
    "upgrade": cmd_upgrade,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "import": cmd_import,
    "export": cmd_export,
    "opendata": cmd_opendata,
}


def _language_asked(argv: list[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def main(argv: list[str] | None = None) -> int:
    from labest_desktop import logging_setup

    # The language first, so that argument errors are already in it.
    messages.set_language(_language_asked(sys.argv[1:] if argv is None else argv) or messages.language())
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
        from labest_desktop.storage.redact import mask

        print(f"labest: {mask(exc.message)}", file=sys.stderr)
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
        "cli.see_help": ("Voir labest --help.", "See labest --help."),
        "cli.upgrade_done": (
            "Schéma de {where} : {revision}, à jour.",
            "Schema of {where}: {revision}, up to date.",
        ),
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
        "cli.import_needs_file": (
            "Indiquez le fichier à importer (ou --undo last).",
            "Give the file to import (or --undo last).",
        ),
        "cli.import_counts": (
            "Créés : {created}, modifiés : {updated}, inchangés : {unchanged}, absents du fichier : {absent}.",
            "Created: {created}, updated: {updated}, unchanged: {unchanged}, absent from the file: {absent}.",
        ),
        "cli.import_conflict": (
            "Conflit ligne {row} ({reference}), champ {field} : ici « {mine} », fichier « {theirs} ».",
            "Conflict on row {row} ({reference}), field {field}: here “{mine}”, file “{theirs}”.",
        ),
        "cli.import_error": (
            "Erreur {sheet} ligne {row} {cell} ({column}) : {message}",
            "Error {sheet} row {row} {cell} ({column}): {message}",
        ),
        "cli.import_renumbered": (
            "Ligne {row} : référence {from} déjà utilisée ici, nouveau projet numéroté {to}.",
            "Row {row}: reference {from} already used here, new project numbered {to}.",
        ),
        "cli.import_duplicate": (
            "Ligne {row} : « {title} » ressemble au projet {matches} ; non créé (doublon probable).",
            "Row {row}: “{title}” looks like project {matches}; not created (probable duplicate).",
        ),
        "cli.import_ignored": ("Colonnes ignorées : {columns}.", "Ignored columns: {columns}."),
        "cli.import_dry_run": ("Essai à blanc : rien n'a été écrit.", "Dry run: nothing was written."),
        "cli.import_applied": (
            "Import appliqué (sauvegarde préalable : {backup}).",
            "Import applied (backup made first: {backup}).",
        ),
        "cli.import_not_applied": (
            "Rien n'a été écrit : corrigez les erreurs, ou relancez avec --skip-invalid ou --on-conflict mine|theirs.",
            "Nothing was written: fix the errors, or run again with --skip-invalid or --on-conflict mine|theirs.",
        ),
        "cli.import_restored": (
            "Ligne {row} : le projet {reference} « {title} », retiré ici par l'annulation d'un import, est rétabli "
            "avec les valeurs du fichier.",
            "Row {row}: project {reference} “{title}”, removed here by undoing an import, is brought back with the "
            "file's values.",
        ),
        "cli.import_deleted_here": (
            "Ligne {row} : le projet {reference} « {title} » a été supprimé ici ; il reste supprimé et la ligne "
            "n'est pas importée (restaurez-le d'abord pour reprendre le fichier).",
            "Row {row}: project {reference} “{title}” was deleted here; it stays deleted and the row is not "
            "imported (restore it first to take the file's values).",
        ),
        "cli.undo_also": (
            "Événements rétablis : {events_restored}, événements retirés : {events_removed}, organisations et "
            "financements retirés : {organisations}.",
            "Events restored: {events_restored}, events removed: {events_removed}, organisations and funding "
            "sources removed: {organisations}.",
        ),
        "cli.unexpected_short": (
            "Erreur inattendue : voir le journal de l'application.",
            "Unexpected error: see the application's log.",
        ),
        "cli.undo_done": (
            "Import n° {batch} ({file}) annulé : {restored} projet(s) rétabli(s), {removed} retiré(s).",
            "Import #{batch} ({file}) undone: {restored} project(s) restored, {removed} removed.",
        ),
        "cli.export_done": ("{projects} projet(s) écrit(s) dans {path}.", "{projects} project(s) written to {path}."),
        "cli.export_replaced": (
            "{count} caractère(s) non représentables remplacé(s) par « \ufffd ».",
            "{count} character(s) that the format cannot hold were replaced by “\ufffd”.",
        ),
        "cli.interrupted": ("Interrompu : rien n'a été enregistré.", "Interrupted: nothing was saved."),
        "cli.unexpected": (
            "Erreur inattendue : les détails sont dans le journal {log}. Merci de le transmettre au support.",
            "Unexpected error: the details are in the log {log}. Please send it to support.",
        ),
    }
)
