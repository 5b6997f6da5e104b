"""The graphs panel on its own: latency bars by stage, cold run, p50/p95, CPU and memory, with 0 to 250 runs."""

from __future__ import annotations

import math
import os
import warnings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from playground.core import readable
from playground.core.metrics import ResourceSampler, RunHistory
from playground.core.timing import STAGES, RunRecord
from playground.ui.panels.graphs import INTERVAL_MS, GraphsPanel, smooth, stage_colors
from playground.ui.widgets.images import rgba_from_qimage

STAGE_MS = {"decode": 2.0, "preprocess": 3.0, "postprocess": 1.5, "render": 4.0}


def record(run_index: int, model_ms: float) -> RunRecord:
    ms = {**STAGE_MS, "model": model_ms}
    return RunRecord("test-model", run_index, {k: int(v * 1e6) for k, v in ms.items()}, (int(model_ms * 1e6),),
                     cpu_ns=0, load_ns=0, threads=1, started_ns=0)


def nearest_rank(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(len(ordered) * q / 100) - 1]


@pytest.fixture
def panel(qtbot):
    return made_panel(qtbot)


def made_panel(qtbot) -> GraphsPanel:
    history, sampler = RunHistory(200), ResourceSampler(600)
    widget = GraphsPanel(history, sampler)
    widget.paused = True  # tests feed the buffers themselves, so nothing changes behind their back
    qtbot.addWidget(widget)
    widget.resize(560, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def feed_samples(sampler: ResourceSampler, n: int, proc: float = 150.0, system: float = 40.0) -> None:
    for i in range(n):
        sampler.t.append(i * 0.2)
        sampler.process_cpu.append(proc)
        sampler.system_cpu.append(system)
        sampler.rss_mb.append(100.0 + i * 0.1)


def test_stage_colours_cover_every_stage_and_differ():
    colours = stage_colors()
    assert list(colours) == list(STAGES)
    names = {c.name() for c in colours.values()}
    assert len(names) == len(STAGES)
    assert all(c.lightness() < 235 for c in colours.values())  # none vanishes on the white background


def test_smoothing_averages_the_last_second():
    t = np.arange(20) * 0.2
    values = np.where(np.arange(20) < 10, 0.0, 100.0)
    out, sums = np.zeros(32), np.zeros(33)
    smoothed = smooth(t, values, 1.0, out, sums)
    assert smoothed[9] == 0.0
    assert smoothed[10] == pytest.approx(100 / 6)  # samples at 1.0..2.0 s: five zeros and one 100
    assert smoothed[19] == pytest.approx(100.0)


def test_no_runs_shows_an_invitation_instead_of_bars(panel):
    panel.refresh()
    assert panel.latency.empty_label.isVisible()
    assert panel.latency_readout.text() == "No runs yet."
    assert len(panel.latency.bars["model"].opts["x"]) == 0
    assert not panel.latency.p50_line.isVisible() and not panel.latency.cold_label.isVisible()
    assert panel.cpu_readout.text() == "Measuring…"


def test_one_cold_run_is_marked_and_has_no_percentile_lines(panel):
    panel.history.add(record(0, 300.0))
    panel.refresh()
    lat = panel.latency
    assert not lat.empty_label.isVisible()
    assert lat.cold_label.isVisible() and lat.cold_label.textItem.toPlainText() == "cold run 310 ms"
    assert len(lat.cold_marks.data) == 1
    assert not lat.p50_line.isVisible() and not lat.p95_line.isVisible()
    assert "(cold)" in panel.latency_readout.text()


def test_bars_stack_the_stages_of_each_run(panel):
    for i, model_ms in enumerate((300.0, 20.0, 24.0)):
        panel.history.add(record(i, model_ms))
    panel.refresh()
    bars = panel.latency.bars
    bottom = 0.0
    for stage in STAGES:
        assert bars[stage].opts["y0"][-1] == pytest.approx(bottom)
        bottom += {**STAGE_MS, "model": 24.0}[stage]
    assert bars["render"].opts["y0"][-1] + bars["render"].opts["height"][-1] == pytest.approx(34.5)
    assert list(bars["model"].opts["x"]) == [2.0, 3.0]  # warm runs
    assert list(panel.latency.cold_bars["model"].opts["x"]) == [1.0]  # the cold run, hatched
    assert panel.latency.cold_bars["model"].opts["brush"].style() == Qt.BrushStyle.BDiagPattern


def test_a_slow_cold_run_does_not_flatten_the_warm_runs(panel):
    for i, model_ms in enumerate((900.0, 20.0, 22.0, 21.0)):
        panel.history.add(record(i, model_ms))
    panel.refresh()
    top = panel.latency.plot.viewRange()[1][1]
    assert top < 910.5  # the cold bar is cut off ...
    assert top > 32.5  # ... but every warm bar fits
    assert panel.latency.cold_label.textItem.toPlainText() == "cold run 910 ms"  # and its value is written


def test_250_runs_wrap_the_buffers_and_show_p50_and_p95(panel):
    totals = {}
    for i in range(250):
        model_ms = 400.0 if i in (0, 230) else 10.0 + (i * 7) % 23
        panel.history.add(record(0 if i in (0, 230) else i, model_ms))
        totals[i] = model_ms + sum(STAGE_MS.values())
    feed_samples(panel.sampler, 40)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        panel.refresh()
        QApplication.processEvents()
    lat = panel.latency
    xs = sorted([*lat.bars["model"].opts["x"], *lat.cold_bars["model"].opts["x"]])
    assert len(xs) == 200 and xs[0] == 51 and xs[-1] == 250  # the oldest 50 runs have scrolled away
    assert list(lat.cold_bars["model"].opts["x"]) == [231]
    warm = [totals[i] for i in range(50, 250) if i != 230]
    assert lat.p50_line.isVisible() and lat.p50_line.value() == pytest.approx(nearest_rank(warm, 50))
    assert lat.p95_line.value() == pytest.approx(nearest_rank(warm, 95))
    # The same figure, written the same way, as the explainer and the status line quote.
    assert lat.p50_line.label.toPlainText() == f"p50 {readable.ms(nearest_rank(warm, 50))} ms"
    assert len(lat.cold_marks.data) == 1 and lat.cold_marks.data["x"][0] == 231
    assert f"typical (p50): {readable.ms(nearest_rank(warm, 50))} ms" in panel.latency_readout.text()


def test_latency_plot_paints_the_stage_colours(panel):
    for i in range(12):
        panel.history.add(record(i, 30.0))
    panel.refresh()
    QApplication.processEvents()
    img = rgba_from_qimage(panel.latency_plot.grab().toImage())[..., :3].astype(int)
    for stage in ("model", "preprocess", "render"):
        c = stage_colors()[stage]
        assert (np.abs(img - [c.red(), c.green(), c.blue()]).max(axis=-1) <= 8).sum() > 50, stage


def test_cpu_and_memory_curves_follow_the_samples_and_wrap(panel):
    feed_samples(panel.sampler, 650)  # more than the 600-sample ring holds
    panel.refresh()
    xs, proc = panel.proc_curve.getOriginalDataset()
    _, system = panel.sys_curve.getOriginalDataset()
    _, rss = panel.rss_curve.getOriginalDataset()
    # x is "seconds ago": the newest sample sits at 0, the oldest kept one 599 ticks of 0.2 s before it.
    assert len(xs) == 600 and xs[-1] == 0.0 and xs[0] == pytest.approx(-599 * 0.2)
    cores = panel.sampler.cores
    assert proc[-1] == pytest.approx(150.0 / cores)  # 1.5 cores busy, on the scale where 100 is every core
    assert system[-1] == pytest.approx(40.0)
    assert panel.cpu_plot.getPlotItem().viewRange()[1][1] == pytest.approx(108.0)  # the top is the whole computer
    assert rss[-1] == pytest.approx(164.9)
    left, right = panel.cpu_plot.getPlotItem().viewRange()[0]
    assert (left, right) == (pytest.approx(-60.0), pytest.approx(0.0))  # a fixed minute: axis text never redrawn
    app = f"{150.0 / cores:.0f} %"
    said = f"This app {app} of the computer (1.5 of {cores} cores), all programs 40 %"
    assert panel.cpu_plot.accessibleDescription() == said
    assert f"This app: {app} of the computer (1.5 of {cores} cores)" in panel.cpu_readout.text()
    assert "all programs: 40 %" in panel.cpu_readout.text()
    assert panel.memory_readout.text() == "This app uses 165 MB of memory."


def test_the_graphs_sample_while_running_and_stop_when_paused(panel, qtbot):
    qtbot.wait(5 * INTERVAL_MS)
    assert len(panel.sampler.t) == 0  # paused from the start: nothing sampled
    panel.paused = False
    qtbot.waitUntil(lambda: len(panel.sampler.t) >= 2, timeout=3000)
    assert panel.memory_readout.text().startswith("This app uses ")
    panel.paused = True
    sampled = len(panel.sampler.t)
    qtbot.wait(5 * INTERVAL_MS)
    assert panel.paused and len(panel.sampler.t) == sampled


def test_plots_have_accessible_names(panel):
    names = {w.accessibleName() for w in (panel.latency_plot, panel.cpu_plot, panel.memory_plot)}
    assert names == {"Time per run, by step", "Processor use", "Memory use"}


def test_a_new_run_repaints_its_bars_but_not_the_axes_and_grid_under_them(qtbot, monkeypatch):
    """The axis draws the grid across the whole plot, so every bar lies on it: repainting its tick labels for
    every run made half of each graph's repaint and the window's event loop stutter in repeat mode."""
    import pyqtgraph as pg

    from playground.ui.widgets.stacked_bars import StackedBars

    painted: dict[str, int] = {"axis": 0, "bars": 0}
    for cls, key in ((pg.AxisItem, "axis"), (StackedBars, "bars")):
        real = cls.paint

        def counting(self, *args, _real=real, _key=key):
            painted[_key] += 1
            return _real(self, *args)

        monkeypatch.setattr(cls, "paint", counting)
    panel = made_panel(qtbot)  # after the counting begins: Qt keeps to the paint an item had when it was made
    for i in range(3):
        panel.history.add(record(i, 5.0))
    panel.refresh()
    qtbot.waitUntil(lambda: painted["axis"] > 0 and painted["bars"] > 0)  # the first picture of each
    qtbot.wait(50)
    painted.update(axis=0, bars=0)
    panel.history.add(record(3, 5.0))  # the fourth run: the same scale, so the axes stay as they were
    panel.refresh()
    qtbot.waitUntil(lambda: painted["bars"] > 0)
    qtbot.wait(50)
    assert painted["axis"] == 0


def reply(run_index: int, prompt_ms: float, token_ms: list[float]) -> RunRecord:
    steps = (int(prompt_ms * 1e6), *(int(ms * 1e6) for ms in token_ms))
    return RunRecord("chat", run_index, {"model": sum(steps)}, steps, cpu_ns=0, load_ns=0, threads=1, started_ns=0)


def test_a_chat_is_drawn_per_written_token_not_per_reply(panel):
    # Three replies of very different lengths: per reply they would spread 0.2 s to 4 s; per token they agree.
    panel.history.add(reply(0, 300.0, [40.0] * 5))
    panel.history.add(reply(1, 140.0, [20.0] * 9 + [60.0]))
    panel.history.add(reply(2, 150.0, [21.0] * 199))
    panel.show_per_token(True)
    assert panel.latency_title.text() == "Time per token"
    assert panel.latency.plot.getAxis("left").labelText == "ms per token"
    heights = panel.latency.bars["model"].opts["height"]
    assert list(heights) == [pytest.approx(20.0), pytest.approx(21.0)]  # the warm replies' median steps
    assert list(panel.latency.cold_bars["model"].opts["height"]) == [pytest.approx(40.0)]
    warm_steps = [20.0] * 9 + [60.0] + [21.0] * 199
    text = panel.latency_readout.text()
    assert text.startswith("Last reply: 21.0 ms per token, the first after 150 ms")
    assert f"typical (p50): {readable.ms(nearest_rank(warm_steps, 50))} ms per token" in text
    assert f"slow (p95): {readable.ms(nearest_rank(warm_steps, 95))} ms" in text
    assert panel.latency.p95_line.value() == pytest.approx(nearest_rank(warm_steps, 95))
    panel.show_per_token(False)  # another model: back to whole runs split into steps
    assert panel.latency_title.text() == "Time per run" and panel.latency_readout.text().startswith("Last run: ")
