"""Qt's harmless notices stay off the terminal a kiosk was started from; real warnings still reach it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType

from playground.ui import qt_messages


def test_known_noise_goes_to_the_log_only_and_the_rest_goes_on(caplog):
    passed = []
    handle = qt_messages.handler(lambda kind, context, message: passed.append(message))
    with caplog.at_level(logging.DEBUG, logger="playground.qt"):
        handle(QtMsgType.QtWarningMsg, QMessageLogContext(), "PulseAudioService: pa_context_connect() failed")
        handle(QtMsgType.QtWarningMsg, QMessageLogContext(), "QPainter::begin: Paint device returned engine == 0")
    assert passed == ["QPainter::begin: Paint device returned engine == 0"]
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.DEBUG, "Qt: PulseAudioService: pa_context_connect() failed"),
        (logging.WARNING, "Qt: QPainter::begin: Paint device returned engine == 0")]
