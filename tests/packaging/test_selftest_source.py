"""``labest --selftest`` from the source tree, window step included (the frozen run
is in test_frozen_bundle.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.packaging


def test_selftest_from_source_passes_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LABEST_")}
    env.update({"QT_QPA_PLATFORM": "offscreen", "LABEST_DATA_DIR": str(tmp_path), "LABEST_LANG": "en"})
    result = subprocess.run(
        [sys.executable, "-m", "labest_desktop", "--lang", "en", "--selftest"], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("\n") == 1 and "self-test passed" in result.stdout
    assert "migrations, project, stage, search, backup, workbook, window" in result.stdout
    assert result.stderr == "", "Qt's warnings go to the log, not the terminal"


def test_the_french_check_of_qts_dialogs_can_fail(qapp):
    """Without translators Qt's dialog texts are English and the self-test's check says
    so; with the French ones installed it passes."""
    from labest_desktop import messages
    from labest_desktop.selftest import qt_dialog_texts_in_english
    from labest_desktop.ui import translation

    previous = messages.language()
    translation.install(qapp, "en")
    assert qt_dialog_texts_in_english() == ["Cancel", "&Look in:", "Files of &type:"]
    try:
        translation.install(qapp, "fr")
        assert qt_dialog_texts_in_english() == []
    finally:
        translation.install(qapp, previous)
