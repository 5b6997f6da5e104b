"""The app's log file: details of unexpected errors (and a kiosk's restarts) in a small rotating file."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from playground import paths

LOG_NAME = "playground.log"


def configure_file_logging() -> Path | None:
    """Log the "playground" loggers to the log folder; the window itself only ever shows a sentence."""
    log = logging.getLogger("playground")
    folder = paths.log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    except OSError:
        return None  # a read-only home (a locked-down kiosk) must not stop the window from opening
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in log.handlers):
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    return folder / LOG_NAME
