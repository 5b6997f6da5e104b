"""Redraws paced to the screen: a burst of partial answers draws once a frame, an unchanged answer not at all."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np

from playground.core.metrics import ResourceSampler, RunHistory
from playground.ui.pacing import FramePacer, frame_ms, same_answer
from playground.ui.panels.graphs import IDLE_INTERVAL_MS, INTERVAL_MS, GraphsPanel


def test_a_burst_draws_at_most_once_a_frame_and_the_last_value_always_shows(qtbot):
    drawn: list[int] = []
    pacer = FramePacer(drawn.append)
    for i in range(50):  # fifty partial answers queued while the window was busy
        pacer.offer(i)
    assert drawn == [0]  # the first is drawn at once: nothing was drawn in the frame before it
    qtbot.waitUntil(lambda: drawn == [0, 49], timeout=1000)
    qtbot.wait(3 * frame_ms())
    assert drawn == [0, 49]  # one more redraw for the rest of the burst: the newest


def test_the_final_answer_drops_a_partial_one_still_waiting(qtbot):
    drawn: list[str] = []
    pacer = FramePacer(drawn.append)
    pacer.offer("a quarter")
    pacer.offer("half")  # within the frame: it waits
    pacer.drop()
    qtbot.wait(3 * frame_ms())
    assert drawn == ["a quarter"] and not pacer.waiting


def test_flush_draws_the_waiting_value_at_once(qtbot):
    drawn: list[str] = []
    pacer = FramePacer(drawn.append)
    pacer.offer("started")
    pacer.offer("how far it got")
    pacer.flush()
    assert drawn == ["started", "how far it got"]
    qtbot.wait(3 * frame_ms())
    assert drawn == ["started", "how far it got"]


@dataclass(frozen=True)
class Answer:
    probabilities: np.ndarray
    segments: tuple[tuple[float, float], ...]


def test_same_answer_compares_arrays_by_content():
    a = Answer(np.array([0.1, 0.9]), ((0.0, 1.0),))
    assert same_answer(a, Answer(np.array([0.1, 0.9]), ((0.0, 1.0),)))  # a repeat run's fresh copy
    assert not same_answer(a, Answer(np.array([0.1, 0.8]), ((0.0, 1.0),)))
    assert not same_answer(a, Answer(np.array([0.1, 0.9, 0.2]), ((0.0, 1.0),)))
    assert not same_answer(a, Answer(np.array([0.1, 0.9]), ((0.0, 1.5),)))


def test_an_idle_graph_slows_to_once_a_second_and_a_run_speeds_it_up(qtbot, monkeypatch):
    import playground.ui.panels.graphs as graphs

    monkeypatch.setattr(graphs, "CALM_S", 0.0)
    panel = GraphsPanel(RunHistory(50), ResourceSampler(100))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel._timer.interval() == IDLE_INTERVAL_MS, timeout=2000)
    panel.set_busy(True)
    assert panel._timer.interval() == INTERVAL_MS and panel._timer.isActive()


def test_the_idle_window_does_not_redraw_an_unchanged_latency_graph(qtbot, monkeypatch):
    panel = GraphsPanel(RunHistory(50), ResourceSampler(100))
    qtbot.addWidget(panel)
    panel.show()
    redraws: list[int] = []
    monkeypatch.setattr(panel.latency, "redraw", lambda history: redraws.append(len(history)))
    for _ in range(4):
        panel._tick()
    assert redraws == []  # no run came: the bars stay as they were drawn


def test_a_repeat_runs_unchanged_answer_is_not_drawn_again_and_a_changed_one_is(make_window):
    from playground.core.pipeline import Outcome
    from playground.core.results import SpeechSegments

    controller, window = make_window(model_id="silero-vad")
    area = window.result_area

    def answer(p: float) -> Outcome:
        result = SpeechSegments(samples=np.zeros(1600, np.float32), sample_rate=16000,
                                probabilities=np.array([p, p]), frame_seconds=0.05, segments=())
        return Outcome(result, None, None)  # type: ignore[arg-type]  # the record is the controller's, not drawn

    view = area.view_for(SpeechSegments)
    drawn: list[float] = []
    real = view.show_result
    view.show_result = lambda result, decoded=None: (drawn.append(float(result.probabilities[0])),  # type: ignore[method-assign]
                                                     real(result, decoded))
    shown: list[object] = []
    area.result_shown.connect(shown.append)
    for outcome in (answer(0.2), answer(0.2), answer(0.2), answer(0.7)):
        controller.draw_requested.emit(outcome)
    assert drawn == [0.2, 0.7]  # the two repeats of 0.2 were already on screen
    assert len(shown) == 4  # every answer still counts as shown


def test_a_partial_answer_with_newer_news_queued_behind_it_is_skipped(qtbot):
    from playground.ui.jobs import JobRunner

    runner = JobRunner()
    partials: list[object] = []
    runner.job_progressed.connect(lambda _g, _f, partial: partials.append(partial))

    def job(_token, progress):
        progress(0.5, "half")  # sent while the GUI thread is not looking ...
        progress(1.0, "whole")  # ... and overtaken before it is delivered
        return "done"

    generation = runner.submit(job)
    # The GUI thread looks only once the worker has sent everything (started, two partials, finished): on a busy
    # machine it could otherwise take the first partial before the second was sent.
    deadline = time.monotonic() + 5
    while runner._sent != (generation, 4) and time.monotonic() < deadline:
        time.sleep(0.001)
    with qtbot.waitSignal(runner.job_finished, timeout=5000):
        pass
    runner.shutdown()
    # Both were overtaken (the last by the finished answer): their fractions still arrive, without their answers.
    assert partials == [None, None]


def test_the_first_screen_leaves_onnxruntime_and_the_graphs_until_it_is_painted(tmp_path):
    import subprocess
    import sys

    # What is loaded when the window's first paint arrives, seen from an application-wide event filter.
    code = (
        "import sys, time; from pathlib import Path\n"
        "from PySide6.QtCore import QEvent, QObject\n"
        "from PySide6.QtWidgets import QApplication\n"
        "class Paint(QObject):\n"
        "    seen = None\n"
        "    def eventFilter(self, obj, event):\n"
        "        if self.seen is None and event.type() == QEvent.Type.Paint:\n"
        "            self.seen = sorted(m for m in ('pyqtgraph', 'onnxruntime', 'playground.ui.lessons.window',\n"
        "                                           'playground.ui.panels.mic_panel') if m in sys.modules)\n"
        "        return False\n"
        "app = QApplication([])\n"
        "paint = Paint(); app.installEventFilter(paint)\n"
        "from playground.ui.app import build\n"
        "from playground.ui.settings import Settings\n"
        f"controller, window = build(Settings(Path({str(tmp_path)!r}) / 's.ini'), model_id='silero-vad')\n"
        "before = ('onnxruntime' in sys.modules, window._graphs is not None)\n"
        "window.show()\n"
        "end = time.monotonic() + 10\n"
        "while window._graphs is None and time.monotonic() < end: app.processEvents()\n"
        "print(before, window._graphs is not None, paint.seen)\n"
        "controller.shutdown()\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    # Nothing of the graphs, the runtime, the lessons or the recorder before the first paint; the graphs just after.
    assert out.stdout.strip().splitlines()[-1] == "(False, False) True []", out.stderr
