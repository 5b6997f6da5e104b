"""Sentence similarity in the window: the grid of a sample, a search typed in the settings, and back again."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from tests.ui.test_main_window import choose_sample, wait_for_result

pytestmark = pytest.mark.models


@pytest.fixture
def window(make_window, require_model):
    require_model("minilm-l6")
    return make_window(model_id="minilm-l6")[1]


def test_a_search_typed_in_the_settings_ranks_the_lines_and_clearing_it_brings_back_the_grid(qtbot, window):
    choose_sample(window, "sentences.txt")
    view = wait_for_result(qtbot, window) and window.result_area.current_view
    assert view.grid.rowCount() == 6 and view.headline.text() == "Most alike: 5 and 6 (0.73)"
    box = window.params.widget("search")
    assert isinstance(box, QLineEdit) and box.text() == ""
    box.setText("money troubles")
    box.editingFinished.emit()
    outcome = wait_for_result(qtbot, window)
    assert outcome.result.query == "money troubles" and view.ranking.isVisible() and not view.grid.isVisible()
    assert {view.ranking.item(r, 1).text() for r in (0, 1)} == {"3", "4"}  # the market and Wall Street lines
    assert view.headline.text().startswith("Closest to “money troubles”: line ")
    box.setText("")
    box.editingFinished.emit()
    wait_for_result(qtbot, window)
    assert view.grid.isVisible() and not view.ranking.isVisible() and view.grid.rowCount() == 6


def test_a_search_set_first_ranks_the_lines_as_they_are_typed(qtbot, window):
    box = window.params.widget("search")
    box.setText("music")
    box.editingFinished.emit()  # no lines yet: nothing runs, nothing complains
    assert not window.input_panel.error.isVisible()
    window.input_panel.text_box.setPlainText("The train leaves at nine.\nShe plays the violin every evening.")
    outcome = wait_for_result(qtbot, window)
    assert outcome.result.ranked()[0][0] == 1 and window.result_area.current_view.ranking.rowCount() == 2
