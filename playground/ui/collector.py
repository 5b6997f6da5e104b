"""Python's cycle collector, run in the GUI thread only, on a timer, with Python's own thresholds.

Left to itself, Python collects cyclic garbage in whichever thread happens to allocate, often the inference
worker. Garbage holding a Qt object (a view replaced by another model's, a closed lesson page) then runs Qt's
destructor in the worker: it takes Qt's lock and waits for the GIL, while the GUI thread holds the GIL and waits
for that lock, and the window freezes for good. So automatic collection is switched off while the window lives,
and this collector does the same work from the event loop, where every Qt object belongs (pyqtgraph ships the
same remedy). The objects alive once the window is up last the whole session: they are moved out of the
collector's sight (`gc.freeze`), so a full collection walks only what the session made since.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 100  # the worker allocates a few hundred objects a run; a tenth of a second keeps the young few
FULL_EVERY_S = 60.0  # a full collection walks every object: Python's own rule spaces them by the long-lived's growth


class Collector(QObject):
    """Collects a generation when Python would have, but always here; stop() gives collection back to Python."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.collections = [0, 0, 0]  # per generation, for the soak and the tests
        self.slowest_ms = 0.0
        self._last_full = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._was_enabled = gc.isenabled()
        self._settled = True  # what start-up made is collected and frozen (or need not be)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self, freeze: bool = True, later: bool = False) -> None:
        """Collection moves here now; with `later`, start-up's full collection and freeze wait for settle() (it
        takes tens of milliseconds, which the window's first paint should not wait for)."""
        if self.running:
            if not later:
                self.settle()
            return
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._settled = not freeze
        if not later:
            self.settle()
        self._last_full = time.monotonic()
        self._timer.start()

    def settle(self) -> None:
        """Collect what start-up left as garbage, then freeze the rest: a frozen object is never collected."""
        if self._settled:
            return
        self._settled = True
        gc.collect()
        gc.freeze()

    def stop(self) -> None:
        self._timer.stop()
        self._settled = True  # stopped before it settled: nothing is left to freeze
        gc.unfreeze()  # what was alive at start may be garbage by now: Python may collect it again
        if self._was_enabled:
            gc.enable()

    def check(self) -> None:
        """One tick: collect the oldest generation whose count passed Python's threshold, if any."""
        young, middle, old = gc.get_count()
        if young <= self.thresholds[0]:
            return
        generation = 0
        if middle > self.thresholds[1]:
            generation = 1
            # A full collection only as often as a minute apart: like Python's own rule, it keeps full
            # collections from walking a session's worth of objects every few seconds.
            if old > self.thresholds[2] and time.monotonic() - self._last_full >= FULL_EVERY_S:
                generation = 2
        self.collect(generation)

    def collect(self, generation: int = 2) -> int:
        started = time.perf_counter()
        found = gc.collect(generation)
        self.slowest_ms = max(self.slowest_ms, (time.perf_counter() - started) * 1000)
        self.collections[generation] += 1
        if generation == 2:
            self._last_full = time.monotonic()
        return found


_installed: Collector | None = None


def install(later: bool = False) -> Collector:
    """The application's collector, started: every window built calls this (ui/app.build); a second call is free.
    `later`: start-up's collection waits for settle(), which a call without it does at once."""
    global _installed
    if _installed is None:
        _installed = Collector(QCoreApplication.instance())
    _installed.start(later=later)
    return _installed


def uninstall() -> None:
    """Collection back to Python, everything frozen back in its sight: for when the window is gone (tests, the app's end)."""
    if _installed is not None and _installed.running:
        _installed.stop()
