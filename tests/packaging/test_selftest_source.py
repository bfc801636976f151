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
