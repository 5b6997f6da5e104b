"""Qt's own warnings: the known, harmless ones kept off the terminal (in the log at debug level), the rest logged."""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("playground.qt")
# True and of no use to anyone: the offscreen plugin cannot resize a frame; a computer with no sound server
# (a kiosk without speakers, a build machine) has none to connect to, which the microphone button already says.
HARMLESS = ("propagateSizeHints", "pa_context_connect() failed")
_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
           QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
           QtMsgType.QtFatalMsg: logging.CRITICAL}


def handler(previous: Any) -> Any:
    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if any(noise in message for noise in HARMLESS):
            log.debug("Qt: %s", message)
            return
        log.log(_LEVELS.get(kind, logging.WARNING), "Qt: %s", message)
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    return handle


def install() -> Any:
    """Route Qt's messages through the filter above; returns the handler it replaced (to put back)."""
    previous = qInstallMessageHandler(None)
    qInstallMessageHandler(handler(previous))
    return previous
