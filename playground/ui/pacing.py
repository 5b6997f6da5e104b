"""Redraws paced to the screen: a burst of news becomes one redraw per frame, and an unchanged answer none."""

from __future__ import annotations

import dataclasses
import time
from typing import Any, Callable

import numpy as np
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication

FALLBACK_HZ = 60.0  # a screen that does not say its rate (offscreen, some X servers) is taken as a usual one


def frame_ms() -> int:
    """One frame of the primary screen, in whole milliseconds: nothing drawn faster than that can be seen."""
    screen = QGuiApplication.primaryScreen()
    hz = screen.refreshRate() if screen is not None else 0.0
    return max(1, round(1000.0 / (hz if hz >= 10.0 else FALLBACK_HZ)))


class FramePacer(QObject):
    """Draws the newest of a stream of values at most once a frame.

    A value offered a frame or more after the last drawing is drawn at once (ten partial answers a second all
    show, without delay); one offered sooner waits for the frame's end, and a value offered while another waits
    replaces it, so a window that fell behind draws only the latest;
    `drop()` forgets a waiting one (the final answer came, so a partial one would only flicker over it) and
    `flush()` draws it now (a stop must show how far the run got before it says it stopped).
    """

    def __init__(self, draw: Callable[[Any], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._draw = draw
        self._waiting: list[Any] = []  # [value] while one waits: None is a value too
        self._frame_s = frame_ms() / 1000
        self._drawn_at = -1.0
        self._timer = QTimer(self, singleShot=True, interval=frame_ms())
        self._timer.timeout.connect(self.flush)

    @property
    def waiting(self) -> bool:
        return bool(self._waiting)

    def offer(self, value: Any) -> None:
        self._waiting[:] = [value]
        if self._timer.isActive():
            return
        since = time.monotonic() - self._drawn_at
        if since >= self._frame_s:
            self.flush()
        else:
            self._timer.start(max(1, round((self._frame_s - since) * 1000)))

    def drop(self) -> None:
        self._waiting.clear()
        self._timer.stop()

    def flush(self) -> None:
        self._timer.stop()
        if self._waiting:
            value = self._waiting.pop()
            self._drawn_at = time.monotonic()
            self._draw(value)


def same_answer(a: Any, b: Any) -> bool:
    """Whether two results (or the inputs they were made of) hold equal values, arrays compared by content.

    Repeat mode gives the same answer run after run: drawn again, it would cost the event loop a repaint
    of the whole view for a picture that does not change."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return a.shape == b.shape and a.dtype == b.dtype and bool(np.array_equal(a, b))
    if dataclasses.is_dataclass(a):
        return all(same_answer(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(same_answer(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_answer(a[k], b[k]) for k in a)
    try:
        return bool(a == b)
    except (TypeError, ValueError):  # a value that cannot say it is equal is taken as changed
        return False
