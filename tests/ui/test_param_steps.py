"""A knob's arrows step by an amount that suits its range: 0.05 for a threshold, round milliseconds for a length."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from playground.core.card import Param
from playground.ui.panels.params import _spin


@pytest.mark.parametrize("low, high, step", [(0.05, 0.95, 0.05), (0.0, 1.0, 0.05), (10.0, 2000.0, 10.0),
                                             (None, None, 0.05)])
def test_float_knobs_step_by_a_share_of_their_range(qtbot, low, high, step):
    parent = QWidget()
    qtbot.addWidget(parent)
    box = _spin(Param("x", 0.5 if high is None or high <= 1 else 127.7, "X", min=low, max=high), parent)
    assert box.singleStep() == pytest.approx(step)
