"""A workbook that made python-calamine abort the process (the window closed and
unsaved text was lost) now ends, in the import wizard, as one sentence on the
reading page; the window and its database stay as they were."""

from __future__ import annotations

from labest_desktop.ui.dialogs.import_wizard import ImportWizard
from tests.faults import hostile
from tests.faults.campaign import digest
from tests.ui.conftest import screenshot


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
        wizard = ImportWizard(window.context, None, str(path))
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.next()
        page = wizard.currentPage()
        qtbot.waitUntil(lambda page=page: page.task is None, timeout=60_000)
        expected = "mémoire permise" if not checks else "va jusqu'à la ligne 1048576"
        assert expected in page.status.text() and "bombe.xlsx" in page.status.text()
        screenshot(wizard, f"hostile-workbook-{'checked' if checks else 'reader-abort'}")
        wizard.close()
    assert window.isVisible()
    assert window.context.workspace.database.engine is not None
    assert digest(db) == before
