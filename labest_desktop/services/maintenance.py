"""Checking, backing up and restoring the database as a whole."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from labest_desktop import messages, paths
from labest_desktop.domain.errors import StorageError
from labest_desktop.storage import backup as backups
from labest_desktop.storage.damage import DamagedDatabaseError, header_problem
from labest_desktop.storage.database import ServerBackupUnsupported, integrity_report, open_database
from labest_desktop.storage.location import DatabaseLocation
from labest_desktop.storage.migrations import HEAD
from labest_desktop.storage.schema import current_revision

# Errors the window tells apart (a damaged file, a server without file backups),
# offered here so that ui/ reaches storage only through services.
__all__ = ["DamagedDatabaseError", "ServerBackupUnsupported", "backup_database", "check_database",
           "restore_database"]


@dataclass
class CheckReport:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(location: DatabaseLocation) -> CheckReport:
    """integrity_check, foreign_key_check and schema version; never changes anything."""
    report = CheckReport()
    report.lines.append(messages.text("check.where", where=location.describe()))
    if location.is_sqlite:
        assert location.path is not None
        if not location.path.exists():
            report.problems.append(messages.text("check.missing", path=location.path))
            return report
        problem = header_problem(location.path)
        if problem:
            report.problems.append(messages.text("storage.damaged", path=location.path, detail=problem))
            return report
    try:
        database = open_database(location, migrate=False)
    except StorageError as exc:
        report.problems.append(exc.message)
        return report
    try:
        revision = current_revision(database.engine)
        if revision is None:
            report.problems.append(messages.text("check.no_schema"))
        elif revision == "foreign":
            report.problems.append(messages.text("storage.foreign", path=location.describe()))
        elif revision == HEAD:
            report.lines.append(messages.text("check.schema_ok", revision=revision))
        else:
            from labest_desktop.storage.schema import known_revisions

            if revision in known_revisions():
                report.lines.append(messages.text("check.schema_old", revision=revision, head=HEAD))
            else:
                report.problems.append(messages.text("check.schema_newer", revision=revision, head=HEAD))
        problems = integrity_report(database)
        report.problems.extend(problems)
        if not problems:
            report.lines.append(messages.text("check.integrity_ok"))
    except Exception as exc:  # a damaged page shows up as any driver error
        from labest_desktop.storage.errors import translate

        report.problems.append(translate(exc, location).message)
    finally:
        database.dispose()
    return report


def backup_database(location: DatabaseLocation, destination: Path | None = None) -> Path:
    if not location.is_sqlite:
        raise ServerBackupUnsupported()
    assert location.path is not None
    problem = header_problem(location.path) if location.path.exists() else messages.text("backup.missing")
    if problem:
        raise StorageError("storage.damaged", path=location.path, detail=problem)
    folder = paths.backups_dir()
    target = destination if destination is not None else folder / backups.backup_name("manual")
    made = backups.backup_sqlite(location.path, target)
    if made.parent == folder:
        backups.prune(folder)
    return made


def restore_database(location: DatabaseLocation, backup_file: Path, backups_folder: Path | None = None) -> Path | None:
    """Put ``backup_file`` in place of the SQLite database at ``location`` (the
    current one is backed up first, into ``backups_folder`` or the data folder's)."""
    if not location.is_sqlite:
        raise ServerBackupUnsupported()
    assert location.path is not None
    return backups.restore_sqlite(backup_file, location.path, backups_folder or paths.backups_dir())


messages.register(
    {
        "check.where": ("Base : {where}", "Database: {where}"),
        "check.missing": ("La base « {path} » n'existe pas.", "The database “{path}” does not exist."),
        "check.no_schema": (
            "La base ne contient pas de schéma Lab'EST (base vide ou d'une autre application).",
            "The database holds no Lab'EST schema (empty, or another application's).",
        ),
        "check.schema_ok": ("Schéma : {revision} (à jour)", "Schema: {revision} (current)"),
        "check.schema_old": (
            "Schéma : {revision}, sera mis à jour vers {head} à la prochaine ouverture (après sauvegarde).",
            "Schema: {revision}, will be upgraded to {head} when next opened (after a backup).",
        ),
        "check.schema_newer": (
            "Schéma {revision} plus récent que cette version de l'application (qui connaît {head}).",
            "Schema {revision} is newer than this version of the application (which knows {head}).",
        ),
        "check.integrity_ok": ("Intégrité : correcte", "Integrity: ok"),
    }
)
