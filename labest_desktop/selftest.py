"""``labest --selftest``: prove an installation works, on a throw-away database.

Each step is a small function in :data:`STEPS`, run in order on one temporary
folder (database, backups, logs, workbooks), never the user's data. A feature that
matters adds a step here, so the frozen build in CI proves it as well as the source.
The run ends with one line: the steps passed, or the step that failed and why (the
traceback goes to the log, never to the terminal).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import sys
import tempfile
import time
from argparse import Namespace
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from labest_desktop import __version__, messages
from labest_desktop.domain.errors import LabestError

logger = logging.getLogger(__name__)

SEARCH_TITLE = "Télétravail à l'Hôtel de Région – Châlons"
WINDOW_TIMEOUT_S = 30.0


class SelftestFailure(Exception):
    """A check inside a step did not hold."""


@dataclass
class Context:
    """What the steps share: the temporary folder and what earlier steps made."""

    folder: Path
    database: object | None = None  # storage.database.Database
    workspace: object | None = None  # services.workspace.Workspace
    project_id: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def db_path(self) -> Path:
        return self.folder / "selftest.sqlite3"


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise SelftestFailure(what)


# --- the steps ------------------------------------------------------------------------


def step_migrations(ctx: Context) -> None:
    """A new SQLite database is created at the newest schema revision."""
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database
    from labest_desktop.storage.location import sqlite_location
    from labest_desktop.storage.migrations import HEAD
    from labest_desktop.storage.schema import current_revision, known_revisions

    ctx.database = open_database(sqlite_location(ctx.db_path), backups_folder=ctx.folder / "backups")
    ctx.workspace = Workspace(ctx.database, "selftest")
    revision = current_revision(ctx.database.engine)
    _check(revision == HEAD, f"schema {revision}, expected {HEAD}")
    # The migration scripts are read from files: they must be in the bundle.
    _check(HEAD in known_revisions(), f"migration script {HEAD} not found")


def step_project(ctx: Context) -> None:
    """A project is created with an office reference and a first revision."""
    from labest_desktop.domain.fields import ProjectFields
    from labest_desktop.services import projects

    view = projects.create_project(
        ctx.workspace, ProjectFields(title=SEARCH_TITLE, lead="Préfecture de la Marne", tags=("télétravail",))
    )
    ctx.project_id = view.id
    _check(bool(view.reference), "no reference given")
    _check(len(projects.history(ctx.workspace, view.id)) == 1, "no first revision")


def step_stage(ctx: Context) -> None:
    """The project moves to the prototype stage with a recorded decision."""
    from labest_desktop.domain.vocab import Stage
    from labest_desktop.services import projects

    view = projects.change_stage(ctx.workspace, ctx.project_id, Stage.PROTOTYPE, "Autotest : prototype validé")
    _check(str(view.fields.stage) == str(Stage.PROTOTYPE), "stage not changed")
    _check(len(projects.decisions(ctx.workspace, ctx.project_id)) == 2, "decision not recorded")


def step_search(ctx: Context) -> None:
    """Full-text search ignores accents and case, both ways."""
    from labest_desktop.services.project_query import ProjectFilter, project_ids

    for query in ("hotel region teletravail", "CHÂLONS", "Télétrav"):
        found = project_ids(ctx.workspace, ProjectFilter(search=query))
        _check(found == [ctx.project_id], f"search {query!r} found {found}")


def step_backup(ctx: Context) -> None:
    """An online backup is written and passes SQLite's integrity check."""
    from labest_desktop.storage.backup import integrity_problem

    made = ctx.database.backup(ctx.folder / "backups" / "selftest-backup.sqlite3")
    _check(made.is_file(), "backup file missing")
    problem = integrity_problem(made)
    _check(problem is None, f"backup damaged: {problem}")


def step_workbook(ctx: Context) -> None:
    """The portfolio is exported to an exchange workbook and read back into a second
    database: the project arrives with its title and stage."""
    path = ctx.folder / "selftest-export.xlsx"
    _export_workbook(ctx, path)
    _check(path.is_file() and path.stat().st_size > 0, "no workbook written")
    _reimport_workbook(ctx, path)


def _export_workbook(ctx: Context, path: Path) -> None:
    exporter = _optional("labest_desktop.services.exchange_export")
    for name in ("export_file", "export_workbook", "export_projects"):
        function = getattr(exporter, name, None) if exporter else None
        if callable(function):
            function(ctx.workspace, path)
            ctx.notes.append("export service")
            return
    # Until the export service lands: the exchange layer's writer on the stored snapshots.
    from labest_desktop.domain.fingerprints import fingerprint
    from labest_desktop.exchange.export_rows import ExportMeta
    from labest_desktop.exchange.xlsx_writer import write_xlsx
    from labest_desktop.services.project_query import iter_snapshots

    rows = [{**snapshot, "fingerprint": fingerprint(snapshot)} for snapshot in iter_snapshots(ctx.workspace)]
    write_xlsx(path, rows, meta=ExportMeta(office="Autotest", app_version=__version__))
    ctx.notes.append("xlsx writer")


def _reimport_workbook(ctx: Context, path: Path) -> None:
    importer = _optional("labest_desktop.services.exchange_import")
    if importer is not None and callable(getattr(importer, "import_file", None)):
        from labest_desktop.services.project_query import iter_snapshots
        from labest_desktop.services.workspace import Workspace
        from labest_desktop.storage.database import open_database
        from labest_desktop.storage.location import sqlite_location

        other = open_database(sqlite_location(ctx.folder / "reimport.sqlite3"), backups_folder=ctx.folder / "backups")
        try:
            workspace = Workspace(other, "selftest")
            report = importer.import_file(workspace, path)
            _check(report.applied and report.created == 1, f"import report {report.as_dict()}")
            arrived = list(iter_snapshots(workspace))
            _check([s["title"] for s in arrived] == [SEARCH_TITLE], "imported title differs")
            _check([s["stage"] for s in arrived] == ["prototype"], "imported stage differs")
        finally:
            other.dispose()
        ctx.notes.append("import service")
        return
    from labest_desktop.exchange.workbook import read_exchange_file

    parsed = read_exchange_file(path)
    _check(not parsed.errors, f"rows refused: {parsed.errors[:1]}")
    titles = [record.fields.title for record in parsed.projects.records]
    _check(titles == [SEARCH_TITLE], f"read back {titles}")
    ctx.notes.append("workbook reader")


def step_window(ctx: Context) -> None:
    """The main window opens (off-screen) on the database and closes cleanly."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        # Never flash a window at IT, and work on a server without a display.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    # Qt's own warnings (the offscreen plugin has a few) go to the log, so the run
    # still ends in exactly one line.
    qt_log = logging.getLogger("qt")
    qInstallMessageHandler(lambda _mode, _context, text: qt_log.info("%s", text))
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "labest"])
    shown: list[str] = []
    started = time.monotonic()

    def close_when_shown() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
        if windows:
            shown.extend(w.windowTitle() for w in windows)
            for window in windows:
                window.close()
            app.quit()
        elif time.monotonic() - started > WINDOW_TIMEOUT_S:
            app.quit()
        else:
            QTimer.singleShot(20, close_when_shown)

    QTimer.singleShot(0, close_when_shown)
    from labest_desktop import app as bootstrap

    if callable(getattr(bootstrap, "build_window", None)):
        from PySide6.QtCore import QSettings

        translation = _optional("labest_desktop.ui.translation")
        if translation is not None and callable(getattr(translation, "install", None)):
            translation.install(app, messages.language())  # the .qm files load from the bundle
            if messages.language() == "fr":
                # Qt's standard dialogs (file dialogs, buttons) in French too: qtbase_fr
                # and qt_extra_fr travel with the bundle.
                english = qt_dialog_texts_in_english()
                _check(not english, f"Qt's own dialogs still in English: {english}")
                ctx.notes.append("Qt's French")
        # Settings in the temporary folder: the user's window geometry and last
        # database stay as they were.
        settings = QSettings(str(ctx.folder / "settings.ini"), QSettings.Format.IniFormat)
        window = bootstrap.build_window(ctx.workspace, settings)
        window.show()
        app.exec()
        window.deleteLater()
        ctx.notes.append("build_window")
    else:
        # The bootstrap's own entry point, as `labest` runs it, on the test database.
        args = Namespace(db=str(ctx.db_path), database_url=None, lang=None, command=None, selftest=False)
        bootstrap.run(args)
        ctx.notes.append("run")
    _check(bool(shown), f"no window shown within {WINDOW_TIMEOUT_S:.0f} s")
    _check(not any(w.isVisible() for w in QApplication.topLevelWidgets()), "window did not close")


# Texts of Qt's file dialog and standard buttons, one from qtbase_fr and two from qt_extra_fr.
QT_DIALOG_TEXTS = (("QPlatformTheme", "Cancel"), ("QFileDialog", "&Look in:"), ("QFileDialog", "Files of &type:"))


def qt_dialog_texts_in_english() -> list[str]:
    """Which of those texts the installed translators leave untranslated."""
    from PySide6.QtCore import QCoreApplication

    return [text for context, text in QT_DIALOG_TEXTS if QCoreApplication.translate(context, text) == text]


def _optional(module: str):
    """The module when this build has it (features land one by one), else None."""
    if importlib.util.find_spec(module) is None:
        return None
    return importlib.import_module(module)


Step = Callable[[Context], None]
STEPS: list[tuple[str, Step]] = [
    ("migrations", step_migrations),
    ("project", step_project),
    ("stage", step_stage),
    ("search", step_search),
    ("backup", step_backup),
    ("workbook", step_workbook),
    ("window", step_window),
]


# --- running them ---------------------------------------------------------------------


def run_steps(steps: list[tuple[str, Step]], folder: Path) -> tuple[list[str], str | None, str | None]:
    """Run ``steps`` in order until one fails: (passed names, failed name, reason)."""
    ctx = Context(folder)
    passed: list[str] = []
    try:
        for name, step in steps:
            try:
                step(ctx)
            except SelftestFailure as exc:
                logger.error("selftest step %s failed: %s", name, exc)
                return passed, name, str(exc)
            except LabestError as exc:
                logger.exception("selftest step %s failed", name)
                return passed, name, exc.message
            except Exception as exc:  # anything: name the step, log the traceback
                logger.exception("selftest step %s failed", name)
                detail = str(exc).strip().splitlines()
                return passed, name, f"{type(exc).__name__}: {detail[0] if detail else ''}".rstrip(": ")
            passed.append(name)
        return passed, None, None
    finally:
        logger.info("selftest passed %s using %s", passed, ", ".join(ctx.notes))
        if ctx.database is not None:
            ctx.database.dispose()


def run_selftest(steps: list[tuple[str, Step]] | None = None) -> int:
    """Run every step on a temporary folder; print one line; 0 when all pass, 1 if not."""
    steps = STEPS if steps is None else steps
    started = time.monotonic()
    language = messages.language()  # the window's bootstrap may pick its own
    saved = {key: os.environ.get(key) for key in ("LABEST_DATA_DIR", "LABEST_DB", "LABEST_DATABASE_URL")}
    with tempfile.TemporaryDirectory(prefix="labest-selftest-") as tmp:
        folder = Path(tmp)
        # Anything that looks for the default data folder finds the temporary one.
        os.environ["LABEST_DATA_DIR"] = str(folder)
        os.environ.pop("LABEST_DB", None)
        os.environ.pop("LABEST_DATABASE_URL", None)
        try:
            passed, failed, reason = run_steps(steps, folder)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    messages.set_language(language)
    elapsed = time.monotonic() - started
    if failed is None:
        print(messages.text("selftest.ok", version=__version__, steps=", ".join(passed), seconds=f"{elapsed:.1f}"))
        return 0
    print(
        messages.text("selftest.failed", version=__version__, step=failed, reason=reason, passed=", ".join(passed) or "—"),
        file=sys.stderr,
    )
    return 1


messages.register(
    {
        "selftest.ok": (
            "Autotest Lab'EST Desktop {version} réussi ({seconds} s) : {steps}",
            "Lab'EST Desktop {version} self-test passed ({seconds} s): {steps}",
        ),
        "selftest.failed": (
            "Autotest Lab'EST Desktop {version} en échec à l'étape « {step} » : {reason} (réussies : {passed})",
            "Lab'EST Desktop {version} self-test failed at step “{step}”: {reason} (passed: {passed})",
        ),
    }
)
