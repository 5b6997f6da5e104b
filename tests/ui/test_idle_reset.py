"""A kiosk starts over for the next visitor: a countdown after a quiet while, then nothing of the last one remains."""

from __future__ import annotations

import gc
import tempfile
import weakref
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from playground.ui.app import build
from playground.ui.idle import IdleReset
from playground.ui.settings import Settings

MARKER = "Zebra-7731 visited with a secret"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_quiet_while_shows_a_countdown_that_any_touch_takes_back_then_starts_over(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    clock, resets = FakeClock(), []
    idle = IdleReset(window, lambda: resets.append(clock.now), idle_s=90, warn_s=15, clock=clock)
    try:
        idle.timer.stop()  # ticked by hand here, with the clock
        clock.now += 70
        idle.tick()
        assert not idle.banner.isVisible() and resets == []
        clock.now += 10  # 80 s quiet: 10 s left
        idle.tick()
        assert idle.banner.isVisible() and idle.banner.text() == (
            "Still there? Touch to keep going.\nStarting over for the next visitor in 10 s.")
        QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        assert not idle.banner.isVisible()  # a touch: the visit goes on
        clock.now += 89
        idle.tick()
        assert resets == []
        clock.now += 2
        idle.tick()
        assert resets == [clock.now] and not idle.banner.isVisible()
    finally:
        idle.stop()


def _texts(window: QWidget) -> list[str]:
    """Every piece of text the window holds: labels, boxes, lists, tables, combo boxes and tooltips."""
    QApplication.processEvents()
    found = []
    for w in [window, *window.findChildren(QWidget)]:
        found.append(w.toolTip())
        if isinstance(w, QLabel):
            found.append(w.text())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            found.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            found += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            root = QModelIndex()
            try:
                columns = model.columnCount(root)
            except TypeError:  # a list model keeps its one column private
                columns = 1
            found += [str(model.index(r, c).data()) for r in range(min(model.rowCount(root), 200))
                      for c in range(columns)]
        if isinstance(w, QTableWidget):
            found += [w.horizontalHeaderItem(c).text() for c in range(w.columnCount()) if w.horizontalHeaderItem(c)]
    return found


@pytest.mark.models
def test_after_a_reset_no_widget_model_buffer_or_file_holds_the_visitor(qtbot, require_model, private_settings):
    require_model("langid")
    require_model("centerface")
    before_files = {p.name for p in Path(tempfile.gettempdir()).iterdir() if p.name.startswith(("playground", ".saving"))}
    settings = Settings()
    settings.kiosk = True
    controller, window = build(settings, model_id="langid")
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.visits.idle is not None and window.visits.idle.idle_s == 90  # the kiosk's default quiet time
        # A visitor types a sentence, copies the answer, then pastes a photo of their own into the face finder.
        with qtbot.waitSignal(window.result_area.result_shown, timeout=60_000) as typed:
            window.input_panel.text_box.setPlainText(MARKER)
        text_result = weakref.ref(typed.args[0].result)
        QGuiApplication.clipboard().setText(f"{MARKER} is French")  # what the view's Copy button does
        controller.select_model("centerface")
        photo = np.random.default_rng(5).integers(0, 255, (240, 320, 3), dtype=np.uint8)
        with qtbot.waitSignal(window.result_area.result_shown, timeout=60_000) as shown:
            controller.set_input(photo, "pasted image", "paste")
        pixels, face_result = weakref.ref(photo), weakref.ref(shown.args[0].result)
        del photo, typed, shown
        window.show_lessons("lesson:latency")
        assert any(MARKER in t for t in _texts(window))

        window.visits.forget()
        QApplication.processEvents()
        gc.collect()
        assert controller.input is None and controller.last_outcome is None
        assert controller.history.records == [] and controller.session_log.runs == []
        assert controller.card.id == "langid" and window.result_area.current_view is None  # the start page
        assert not any(MARKER in t for t in _texts(window))
        assert QGuiApplication.clipboard().text() == ""  # the app had touched it: emptied
        assert window.lessons is None
        # Held nowhere: no widget, view, history or buffer keeps the photo or either answer alive.
        assert pixels() is None and face_result() is None and text_result() is None
        after_files = {p.name for p in Path(tempfile.gettempdir()).iterdir() if p.name.startswith(("playground", ".saving"))}
        assert after_files <= before_files
        window.input_panel.text_box.undo()
        assert MARKER not in window.input_panel.text_box.toPlainText()  # not even by undoing
    finally:
        controller.shutdown(10.0)
