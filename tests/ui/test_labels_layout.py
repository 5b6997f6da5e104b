"""The ranked list beside or under its picture, whichever draws the picture larger; the list never squeezed."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from PySide6.QtWidgets import QBoxLayout, QScrollArea

from playground.core.results import Label, Labels
from playground.ui.views import create_view

TOP5 = Labels(tuple(Label(name, score) for name, score in
                    (("tiger cat", 0.38), ("Egyptian cat", 0.37), ("tabby", 0.16), ("lynx", 0.02), ("screen", 0.001))))


def arranged(qtbot, w: int, h: int, picture=(300, 451)):
    scroller = QScrollArea()  # as the result area holds every view: a page that may scroll
    scroller.setWidgetResizable(True)
    view = create_view(Labels)
    scroller.setWidget(view)
    qtbot.addWidget(scroller)
    scroller.resize(w, h)
    scroller.show()
    qtbot.waitExposed(scroller)
    view.show_result(TOP5, SimpleNamespace(pixels=np.zeros((*picture, 3), np.uint8), label="cat.png"))
    qtbot.wait(50)  # the arrangement is settled once the layout has placed the rows
    return scroller, view


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
