"""Logging handlers, set once at start-up: a rotating file in the data folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from labest_desktop import paths

LOG_NAME = "labest.log"
_configured: Path | None = None


def configure(level: int = logging.INFO) -> Path | None:
    """Send every module's log to ``<data>/logs/labest.log`` (5 files of 1 MB).

    Returns the log file's path, or ``None`` when the folder cannot be written (the
    application still runs; messages then go to standard error only).
    """
    global _configured
    if _configured is not None:
        return _configured
    from labest_desktop.storage.redact import MaskingFilter

    root = logging.getLogger()
    root.setLevel(level)
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        logging.basicConfig(level=logging.WARNING)
        for existing in root.handlers:
            existing.addFilter(MaskingFilter())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskingFilter())  # no password in the log, whoever logs it
    root.addHandler(handler)
    _configured = folder / LOG_NAME
    return _configured


def log_path() -> Path:
    return _configured or paths.log_dir() / LOG_NAME
