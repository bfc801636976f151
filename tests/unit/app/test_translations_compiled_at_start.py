"""A checkout installed with ``pip install -e`` and no ``make``: the ``.qm`` files
are compiled at start-up, next to their sources or, when that folder cannot be
written, in the data folder (issue 14, item 11)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from labest_desktop.ui.translations_build import ensure_compiled

SOURCES = Path(__file__).resolve().parents[3] / "resources" / "translations"


def _copy_sources(folder: Path) -> Path:
    folder.mkdir()
    for source in SOURCES.glob("*.ts"):
        shutil.copy(source, folder)
    return folder


def test_missing_qm_compiled_next_to_sources(tmp_path):
    folder = _copy_sources(tmp_path / "translations")
    assert ensure_compiled(folder, tmp_path / "fallback") == folder
    assert (folder / "labest_fr.qm").stat().st_size > 10_000
    # Up to date now: a second start compiles nothing.
    stamp = (folder / "labest_fr.qm").stat().st_mtime_ns
    ensure_compiled(folder, tmp_path / "fallback")
    assert (folder / "labest_fr.qm").stat().st_mtime_ns == stamp


def test_unwritable_sources_compiled_in_the_data_folder(tmp_path):
    folder = _copy_sources(tmp_path / "translations")
    # A target that cannot be written (a folder in its place), older than its source:
    # works as root too, where a read-only folder would still be writable.
    blocker = folder / "labest_fr.qm"
    blocker.mkdir()
    os.utime(blocker, (0, 0))
    used = ensure_compiled(folder, tmp_path / "fallback")
    assert used == tmp_path / "fallback"
    assert (used / "labest_fr.qm").stat().st_size > 10_000
