"""LiveFeeder: hands a stream of inputs (camera frames, canvas strokes) to the model, newest first.

A live source makes inputs faster than a slow model can answer. Starting a new run for each would
cancel the one in flight, so nothing would ever finish; queueing them would make the answers lag
further and further behind. The feeder keeps only the newest input while a run is busy, sends it
when the run ends, and counts the inputs it had to drop: the honest figure of a real-time system.
"""

from __future__ import annotations

import time
from collections import deque
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal

from playground.core.media.image import image_from_array
from playground.ui.controller import Controller

RATE_WINDOW_S = 2.0  # frame and run rates are averaged over the last two seconds


class LiveFeeder(QObject):
    stats_changed = Signal()

    def __init__(self, controller: Controller, label: str, origin: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller, self._label, self._origin = controller, label, origin
        self._pending: Any = None
        self.offered = self.sent = self.dropped = 0
        self._offers: deque[float] = deque()
        self._sends: deque[float] = deque()
        self.active = False
        controller.busy_changed.connect(self._on_busy_changed)

    def start(self) -> None:
        self.active = True
        self.offered = self.sent = self.dropped = 0
        self._offers.clear()
        self._sends.clear()
        self.stats_changed.emit()

    def stop(self) -> None:
        self.active = False
        self._pending = None
        self.stats_changed.emit()

    def offer(self, source: Any) -> None:
        """A new input from the live source; sent at once when the model is free, else kept as the next."""
        if not self.active:
            return
        now = time.monotonic()
        self.offered += 1
        self._offers.append(now)
        if self._controller.busy:
            if self._pending is not None:
                self.dropped += 1  # the older waiting input is replaced: it will never be answered
            self._pending = source
        else:
            self._send(source, now)
        self.stats_changed.emit()

    def input_rate(self) -> float:
        return rate_of(self._offers)

    def run_rate(self) -> float:
        return rate_of(self._sends)

    def _send(self, source: Any, now: float) -> None:
        self.sent += 1
        self._sends.append(now)
        if isinstance(source, np.ndarray):
            # Named for what it is ("your drawing", "camera frame"), not as a pasted picture.
            source = image_from_array(source, self._label)
        self._controller.set_input(source, self._label, self._origin)

    def _on_busy_changed(self, busy: bool) -> None:
        if busy or not self.active or self._pending is None:
            return
        source, self._pending = self._pending, None
        self._send(source, time.monotonic())
        self.stats_changed.emit()


def rate_of(stamps: deque[float]) -> float:
    """Events per second over the last RATE_WINDOW_S seconds."""
    now = time.monotonic()
    while stamps and now - stamps[0] > RATE_WINDOW_S:
        stamps.popleft()
    if len(stamps) < 2:
        return 0.0
    span = max(now - stamps[0], 1e-6)
    return (len(stamps) - 1) / span
