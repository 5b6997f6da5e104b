"""The card's knob lines write their figures as the window's language does, as the knobs' own boxes show them."""

from __future__ import annotations

from playground.core.card import Param
from playground.ui import i18n
from playground.ui.panels.card_view import _knob

THRESHOLD = Param("threshold", 0.5, "Threshold", min=0.05, max=0.95)
SEARCH = Param("query", "", "Search the lines for")


def test_a_knobs_default_and_range_follow_the_language(qapp):
    assert "(default 0.5, from 0.05 to 0.95)" in _knob(THRESHOLD)
    assert "(empty at first)" in _knob(SEARCH)  # not "(default )"
    i18n.install("de")
    try:
        assert "(Standard 0,5, von 0,05 bis 0,95)" in _knob(THRESHOLD)
        assert "(anfangs leer)" in _knob(SEARCH)
    finally:
        i18n.install(i18n.ENGLISH)
