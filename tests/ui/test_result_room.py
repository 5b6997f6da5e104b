"""A result's picture beside or under its list (ranked labels, lines read), whichever draws the picture larger;
the list never squeezed, and the arrangement settles."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QScrollArea

from playground.core.results import Label, Labels, TextLine, TextLines
from playground.ui.views import create_view
from playground.ui.widgets.room import picture_above

TOP5 = Labels(tuple(Label(name, score) for name, score in
                    (("tiger cat", 0.38), ("Egyptian cat", 0.37), ("tabby", 0.16), ("lynx", 0.02), ("screen", 0.001))))


def in_scroller(qtbot, view, w: int, h: int) -> QScrollArea:
    scroller = QScrollArea()  # as the result area holds every view: a page that may scroll
    scroller.setWidgetResizable(True)
    scroller.setWidget(view)
    qtbot.addWidget(scroller)
    scroller.resize(w, h)
    scroller.show()
    qtbot.waitExposed(scroller)
    return scroller


def arranged(qtbot, w: int, h: int, picture=(300, 451)):
    view = create_view(Labels)
    scroller = in_scroller(qtbot, view, w, h)
    view.show_result(TOP5, SimpleNamespace(pixels=np.zeros((*picture, 3), np.uint8), label="cat.png"))
    qtbot.wait(50)  # the arrangement is settled once the layout has placed the rows
    return scroller, view


def test_the_picture_goes_above_only_when_that_draws_it_clearly_larger():
    # A wide page in a tall column: above it is drawn 1.6× larger than in three fifths of the width.
    assert picture_above(600, 700, (191, 384), 0.4, 0, 200)
    # A portrait photo in a wide, short area: beside it keeps its height, above it would shrink.
    assert not picture_above(900, 400, (600, 400), 0.5, 300, 160)
    assert not picture_above(600, 150, (191, 384), 0.4, 0, 200)  # no room for the list under it at all
    assert not picture_above(0, 700, (191, 384), 0.4, 0, 200)  # not laid out yet


def test_a_tall_area_puts_the_picture_above_the_list_and_it_fills_the_width(qtbot):
    scroller, view = arranged(qtbot, 640, 760)
    assert view._row.direction() == QBoxLayout.Direction.TopToBottom
    drawn = view.picture.image_rect()
    assert drawn.width() > 560 and drawn.height() > 370  # a 451 × 300 photo, drawn larger than it is
    assert view.picture.geometry().bottom() < view._scroll.geometry().top()
    assert view.picture.height() - drawn.bottom() <= 8  # sitting right on the list (the canvas keeps a margin)
    assert view._scroll.height() >= view._rows.sizeHint().height()  # every row shown, none behind a scroll bar
    assert view.height() <= scroller.viewport().height() + 1  # and it all fits: nothing to scroll to


def test_a_short_wide_area_keeps_them_side_by_side_and_the_layout_settles(qtbot):
    scroller, view = arranged(qtbot, 720, 380)
    assert view._row.direction() == QBoxLayout.Direction.LeftToRight
    heights = []
    for _ in range(3):  # arranging again changes nothing: no growth from pass to pass
        view._arrange()
        qtbot.wait(20)
        heights.append(view.height())
    assert len(set(heights)) == 1


def test_the_lines_read_from_a_wide_page_go_under_it_one_per_row(qtbot):
    view = create_view(TextLines)
    scroller = in_scroller(qtbot, view, 640, 760)
    assert scroller.widget() is view  # kept: the view lives as long as its scroll area
    page = np.full((191, 384, 3), 255, np.uint8)
    lines = tuple(TextLine(((10, 20 + 40 * i), (300, 20 + 40 * i), (300, 50 + 40 * i), (10, 50 + 40 * i)), text, 0.97)
                  for i, text in enumerate(("Region-based segmentation", "Let us first determine markers")))
    view.show_result(TextLines(page, lines), None)
    qtbot.wait(50)
    assert view._split.orientation() == Qt.Orientation.Vertical
    picture, listed = view._split.sizes()
    assert picture > listed and view.list.count() == 2
    assert listed >= sum(view.list.sizeHintForRow(i) for i in range(2))  # both lines show, none scrolled away
    assert view.canvas.image_rect().width() > 560  # the page across the whole width
