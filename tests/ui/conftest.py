"""Fixtures every window test shares: a real main window, built as the app builds it, shut down after."""

from __future__ import annotations

import pytest

from playground.ui import collector
from playground.ui.app import build
from playground.ui.settings import Settings


@pytest.fixture
def make_window(qtbot):
    """make(catalog=None, model_id="") -> (controller, window), shown and exposed; all closed at the end."""
    made = []

    def make(catalog=None, model_id: str = ""):
        controller, window = build(Settings(), catalog, model_id=model_id)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return controller, window

    yield make
    for window in made:
        window.controller.cancel()
        window.controller.shutdown(10.0)
    collector.uninstall()  # as when the app's window is gone: the next test starts with Python's own collection
