"""A test run for a language speaks it whole: `spoken`, an autouse fixture for tests parametrized by `language`,
installs that language's translations before any other fixture reads a card or writes a figure."""

from __future__ import annotations

import pytest

from playground.core import words
from playground.ui import i18n


@pytest.fixture(autouse=True)
def spoken(request: pytest.FixtureRequest):
    callspec = getattr(request.node, "callspec", None)
    code = callspec.params.get("language", "en") if callspec else "en"
    if code != "en":
        assert i18n.install_without_window(code) == code
    yield code
    words.install(None)
