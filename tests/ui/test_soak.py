"""A short soak of the real window: hundreds of repeat runs with switches and Stops leave nothing behind.

The long one (10,000 runs, `make soak`) is scripts/soak.py; this runs its engine for 300 runs across three
quick models with 50 rapid switches, new inputs and Stops, and checks what a week of use must not lose.
"""

from __future__ import annotations

import threading

import pytest

from playground.lab import report
from playground.ui.samples import sample_files
from scripts.soak import Soak

QUICK = ("digits", "langid", "magika")  # a drawing, a text file and a file's bytes: three kinds of answer
OBJECT_SLACK = 600  # pyqtgraph's pixel-vector cache (at most 100 entries) may still be filling after warm-up
BLOCK_SLACK = 3000  # the same cache in memory blocks (its points, tuples and floats)


@pytest.mark.models
def test_a_short_soak_grows_no_threads_timers_files_or_objects_and_shows_no_stale_answer(
        make_window, require_model, monkeypatch):
    for model in QUICK:
        require_model(model)
    monkeypatch.setattr(report, "MAX_LOGGED", 50)  # full by warm-up, as after hours of use (the soak's --log-cap)
    controller, window = make_window(model_id=QUICK[0])
    assert window.graphs.isVisible(), "the soak runs with the graphs live"
    soak = Soak(controller, window, QUICK, say=lambda _line: None)
    soak.soak(runs=300, switch_every=25, sample_every=25, burst_every=100, burst_size=17)
    assert not soak.aborted and soak.failures == 0, soak.problems
    assert soak.switches + soak.stops >= 50
    assert soak.stale == 0 and soak.stray == 0, soak.problems
    assert not controller.busy and not controller.repeat
    # Warm-up: every model loaded and drawn, and a burst through them, by the first sample after 90 runs.
    warm, end = soak.warm(0.3), soak.samples[-1]
    assert warm.runs >= 90 and end.runs >= 300
    assert end.os_threads <= warm.os_threads and end.py_threads <= warm.py_threads, (warm, end)
    assert end.timers <= warm.timers, (warm, end)
    assert end.fds <= warm.fds, (warm, end)
    assert end.objects - warm.objects < OBJECT_SLACK, (warm, end)
    assert end.py_blocks - warm.py_blocks < BLOCK_SLACK, (warm, end)
    assert len(controller.session_log.runs) == 50  # the log keeps its bound


@pytest.mark.models
def test_a_stop_before_the_new_inputs_answer_takes_the_earlier_answer_off_the_screen(
        qtbot, make_window, require_model, monkeypatch):
    card = require_model("langid")
    controller, window = make_window(model_id="langid")
    first, second = sample_files(card)[:2]
    controller.set_input(first, first.name, "sample")
    qtbot.waitUntil(lambda: window.result_area.current_view is not None and not controller.busy, timeout=30_000)
    release, real = threading.Event(), controller.pipeline.run

    def held(*args, **kwargs):  # the new input's run waits, so the Stop always comes before its answer
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(controller.pipeline, "run", held)
    controller.set_input(second, second.name, "sample")
    assert controller.busy and window.result_area.current_view is not None  # the old answer stays meanwhile
    controller.cancel()
    release.set()
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)
    # The answer for the first file, left beside the second, would read as the second's.
    assert window.result_area.current_view is None
    assert window.result_area.hint.message.text() == f"Stopped before the answer for {second.name} came."


@pytest.mark.models
def test_the_session_log_keeps_how_many_session_runs_a_run_made_not_each_ones_time(qtbot, make_window, require_model):
    card = require_model("silero-vad")
    controller, window = make_window(model_id="silero-vad")
    sample = sample_files(card)[0]
    controller.set_input(sample, sample.name, "sample")
    qtbot.waitUntil(lambda: len(controller.session_log.runs) == 1 and not controller.busy, timeout=30_000)
    shown, logged = controller.history.records[-1], controller.session_log.runs[-1].record
    assert len(shown.session_runs_ns) == 13  # the explainer and the graphs read each one's time
    # 20,000 logged runs of a long recording's would hold megabytes; the lab report reads only how many there were.
    assert logged.session_runs_ns == () and logged.session_runs == len(shown.session_runs_ns)
    assert logged.steps == shown.steps == 376  # and how many frames they read
    assert logged.to_dict() == shown.to_dict() and logged.total_ns == shown.total_ns
