"""The similarity view: the sentences numbered, the grid coloured by score, the best pair named, copy."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QGuiApplication

from playground.core.results import Similarities
from playground.ui.views import create_view
from playground.ui.views.similarity import ALIKE, cell_colour
from tests.ui.test_views import shown


def three() -> Similarities:
    m = np.array([[1.0, 0.719, -0.078], [0.719, 1.0, -0.033], [-0.078, -0.033, 1.0]], np.float32)
    return Similarities(("A man is playing a guitar.", "Someone is strumming a guitar.", "The market crashed."),
                        m, (9, 8, 7), (False, False, True))


def test_the_grid_shows_every_pair_coloured_by_how_alike_it_is(qtbot):
    view = shown(qtbot, create_view(Similarities), 800, 600)
    view.show_result(three(), None)
    assert view.headline.text() == "Most alike: 1 and 2 (0.72)"
    assert view.sentence_list.item(2).text() == "3.  The market crashed.   (only its start was read)"
    assert view.grid.rowCount() == view.grid.columnCount() == 3
    assert view.grid.item(0, 1).text() == "0.72" and view.grid.item(2, 0).text() == "-0.08"
    diagonal = view.grid.item(1, 1).background().color()
    assert diagonal == ALIKE  # 1 is the deepest blue
    assert view.grid.item(0, 2).background().color() == cell_colour(-0.078)
    assert cell_colour(0.0).name() == "#ffffff" and cell_colour(-1.0).red() > cell_colour(-1.0).blue()
    view.action_buttons()[0].click()
    assert QGuiApplication.clipboard().text().splitlines()[1] == "1\t1.000\t0.719\t-0.078"


def test_one_sentence_asks_for_a_second(qtbot):
    view = shown(qtbot, create_view(Similarities))
    view.show_result(Similarities(("Only me.",), np.ones((1, 1), np.float32), (4,), (False,)), None)
    assert view.headline.text() == "One sentence: type a second line to compare it with"
    view.clear()
    assert view.grid.rowCount() == 0 and view.headline.text() == ""


def test_a_search_shows_the_lines_closest_first_and_a_grid_comes_back_after_it(qtbot):
    view = shown(qtbot, create_view(Similarities), 800, 600)
    scores = np.array([-0.078, 0.719, -0.096], np.float32)
    found = Similarities(("The stock market crashed today.", "Someone is strumming a guitar.", "Shares fell."),
                         None, (9, 8, 5), (False, False, True), "", "A man is playing a guitar.", scores)
    view.show_result(found, None)
    assert view.headline.text() == "Closest to “A man is playing a guitar.”: line 2 (0.72)"
    assert view.ranking.isVisible() and not view.grid.isVisible() and not view.sentence_list.isVisible()
    cells = [[view.ranking.item(r, c).text() for c in range(3)] for r in range(3)]
    assert cells == [["0.72", "2", "Someone is strumming a guitar."], ["-0.08", "1", "The stock market crashed today."],
                     ["-0.10", "3", "Shares fell.   (only its start was read)"]]
    assert view.ranking.item(0, 0).background().color() == cell_colour(0.719)
    view.action_buttons()[0].click()
    assert QGuiApplication.clipboard().text().splitlines()[:2] == ["score\tline\tsentence",
                                                                   "0.719\t2\tSomeone is strumming a guitar."]
    view.show_result(three(), None)
    assert view.grid.isVisible() and not view.ranking.isVisible() and view.headline.text().startswith("Most alike")


def test_two_thousand_ranked_lines_fill_the_table(qtbot):
    view = shown(qtbot, create_view(Similarities), 800, 600)
    n = 2000
    found = Similarities(tuple(f"Line {i}" for i in range(n)), None, (4,) * n, (False,) * n, "", "Line 7",
                         np.linspace(-1, 1, n).astype(np.float32))
    view.show_result(found, None)
    assert view.ranking.rowCount() == n and view.ranking.item(0, 1).text() == str(n)
