"""A workbook that made python-calamine abort the process (the window closed and
unsaved text was lost) now ends, in the import wizard, as one sentence on the
reading page; the window and its database stay as they were."""

from __future__ import annotations

from labest_desktop.ui.dialogs.import_wizard import ImportWizard
from tests.faults import hostile
from tests.faults.campaign import digest
from tests.ui.conftest import screenshot


def _read_in_wizard(window, qtbot, path):
    """The import wizard opened on ``path`` and taken to its reading page, once the
    reading has ended: the wizard and the page's sentence."""
    wizard = ImportWizard(window.context, None, str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.task is None, timeout=60_000)
    return wizard, page.status.text()


def test_the_wizard_says_why_and_the_window_stays(make_window, demo_workspace, qtbot, tmp_path, monkeypatch):
    """With the checks before parsing switched off, so that calamine really meets the
    512 GiB sheet and aborts in the reading process; then with them, the precise
    sentence."""
    from labest_desktop.exchange import extent

    window = make_window(demo_workspace)
    db = demo_workspace.database.location.path
    before = digest(db)
    path = hostile.sparse_extent(tmp_path / "bombe.xlsx")
    for checks in (False, True):
        if not checks:
            monkeypatch.setattr(extent, "_FAR_CELL", extent.re.compile(rb"(?!)"))
        else:
            monkeypatch.undo()
        wizard, status = _read_in_wizard(window, qtbot, path)
        expected = "mémoire permise" if not checks else "va jusqu'à la ligne 1048576"
        assert expected in status and "bombe.xlsx" in status
        screenshot(wizard, f"hostile-workbook-{'checked' if checks else 'reader-abort'}")
        wizard.close()
    assert window.isVisible()
    assert window.context.workspace.database.engine is not None
    assert digest(db) == before


def test_on_the_windows_path_the_limits_hold_and_the_window_stays(make_window, demo_workspace, qtbot, tmp_path, monkeypatch):
    """The reader as a new interpreter (as on Windows, forced here), limits lowered
    through the environment: a file that makes calamine build a 1.6 GB table, and a
    90 MB CSV that outlasts 2 seconds, each end as one sentence on the reading page;
    the window and its database stay as they were."""
    from labest_desktop.exchange import guard

    window = make_window(demo_workspace)
    db = demo_workspace.database.location.path
    before = digest(db)
    monkeypatch.setenv(guard.PROCESS_VARIABLE, "spawn")
    # One limit lowered at a time: on a loaded machine a new interpreter can take
    # more than 2 s just to start.
    cases = [
        (hostile.sparse_within_limits(tmp_path / "clairsemé.xlsx"), (guard.MEMORY_VARIABLE, "300"),
         "mémoire permise (300 Mo)"),
        # 1 s: the 90 MB file is read whole in about 2 s on an idle machine now.
        (hostile.long_csv(tmp_path / "long.csv"), (guard.SECONDS_VARIABLE, "1"), "a duré plus de 1 secondes"),
    ]
    for path, (variable, value), expected in cases:
        monkeypatch.delenv(guard.MEMORY_VARIABLE, raising=False)
        monkeypatch.setenv(variable, value)
        wizard, status = _read_in_wizard(window, qtbot, path)
        assert expected in status and path.name in status
        wizard.close()
    assert window.isVisible()
    assert window.context.workspace.database.engine is not None
    assert digest(db) == before
