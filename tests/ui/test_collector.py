"""Garbage is collected in the GUI thread while a window lives, so no Qt object is destroyed in the worker."""

from __future__ import annotations

import gc
import threading

import pytest

from playground.ui import collector as collector_module
from playground.ui.collector import Collector


class _Cycle:
    """Garbage in a reference cycle, as a replaced view is: it says in which thread it was destroyed."""

    def __init__(self, seen: list[str]) -> None:
        self.me = self
        self.seen = seen

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


def _cycle_then_worker_allocates(qtbot) -> list[str]:
    """Leave a cycle as garbage, then let a thread make thousands of containers that live on, as a run's answer does."""
    seen: list[str] = []
    answer: list[list[int]] = []
    _Cycle(seen)
    worker = threading.Thread(target=lambda: answer.extend([i] for i in range(50_000)), name="worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    return seen


def test_with_the_collector_garbage_made_before_a_worker_allocates_dies_in_the_gui_thread(qtbot):
    running = Collector(interval_ms=10)
    running.start(freeze=False)
    try:
        seen = _cycle_then_worker_allocates(qtbot)
    finally:
        running.stop()
    assert seen == [threading.main_thread().name]
    assert gc.isenabled(), "stop() gives collection back to Python"


def test_without_it_python_collects_the_same_garbage_in_the_worker(qtbot):
    """The hazard the collector removes, shown happening: the test above would fail without it."""
    gc.collect()
    assert gc.isenabled()
    assert _cycle_then_worker_allocates(qtbot) == ["worker"]


def test_a_window_runs_the_collector_until_it_is_closed(make_window, require_model):
    require_model("digits")
    _controller, window = make_window(model_id="digits")
    installed = collector_module.install()
    assert installed.running and not gc.isenabled()
    assert gc.get_freeze_count() > 10_000, "what start-up made alive is out of the full collections' way"
    collector_module.uninstall()
    assert gc.isenabled() and gc.get_freeze_count() == 0


@pytest.fixture
def counts(monkeypatch):
    """gc.get_count() as the test sets it, and the generations collect() was asked for."""
    state = {"count": (0, 0, 0), "asked": []}
    monkeypatch.setattr(gc, "get_count", lambda: state["count"])
    monkeypatch.setattr(gc, "collect", lambda generation=2: state["asked"].append(generation) or 0)
    return state


def test_a_generation_is_collected_when_pythons_own_threshold_is_passed(counts, monkeypatch):
    ticking = Collector()
    young, middle, old = ticking.thresholds
    for count, expected in [((young, middle, old), []), ((young + 1, 0, 0), [0]), ((young + 1, middle + 1, 0), [1])]:
        counts["count"], counts["asked"] = count, []
        ticking.check()
        assert counts["asked"] == expected, count


def test_full_collections_come_at_most_once_a_minute(counts, monkeypatch):
    ticking = Collector()
    young, middle, old = ticking.thresholds
    counts["count"] = (young + 1, middle + 1, old + 1)
    now = [1000.0]
    monkeypatch.setattr(collector_module.time, "monotonic", lambda: now[0])
    ticking._last_full = now[0]
    ticking.check()
    now[0] += collector_module.FULL_EVERY_S
    ticking.check()
    ticking.check()
    assert counts["asked"] == [1, 2, 1]
    assert ticking.collections == [0, 2, 1]
