"""GraphsPanel: live latency, CPU and memory graphs redrawn from the metrics ring buffers, 5 Hz while runs go on."""

from __future__ import annotations

import html
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.core import readable
from playground.core.metrics import ResourceSampler, RunHistory, TokenHistory
from playground.core.timing import STAGE_WORDS, STAGES
from playground.ui.i18n import translate
from playground.ui.plain import PlainLabel, rich_label
from playground.ui.scale import relative_font
from playground.ui.widgets.latency import LatencyPlot
from playground.ui.widgets.plots import make_plot, nice_ceiling

# Ticks at 10 Hz that take turns, so no two redraws share an event and no single repaint holds the event loop
# long enough to make the window stutter: the latency bars (if a run arrived) every other tick, 5 times a second,
# and the resource curves every fourth, 2.5 times a second, since their figures are a second's average anyway.
INTERVAL_MS = 100
RESOURCE_TURNS = 4  # busy ticks per resource redraw; the latency graph may redraw on the odd ones
# With nothing running the curves only creep left and the figures barely move: once a second is live enough
# to read, and the window then costs the computer next to nothing while it waits.
IDLE_INTERVAL_MS = 1000
CALM_S = 2.0  # repeat mode is busy, idle, busy between runs: only this long without a run slows the graphs
WINDOW_S = 60.0  # the resource graphs show the last minute
SMOOTH_S = 1.0  # single samples jitter by ±10 points (10 ms scheduler ticks): average over a second
PROCESS = QColor(0, 114, 178)  # Okabe–Ito blue
SYSTEM = QColor(213, 94, 0)  # Okabe–Ito vermillion, drawn dashed
MEMORY = QColor(0, 158, 115)  # Okabe–Ito bluish green
# Time per run is what people come to see; processor and memory are context and can be shorter,
# so all three fit beside the result on a 1280 × 800 screen without scrolling.
LATENCY_MIN_HEIGHT = 150
RESOURCE_MIN_HEIGHT = 100


def stage_colors() -> dict[str, QColor]:
    """One colour per pipeline stage from the Okabe–Ito palette, told apart with any colour vision."""
    palette = {
        "decode": QColor(86, 180, 233),  # sky blue
        "preprocess": QColor(230, 159, 0),  # orange
        "model": QColor(0, 114, 178),  # blue: the part the model itself costs, the darkest and biggest
        "postprocess": QColor(0, 158, 115),  # bluish green
        "render": QColor(204, 121, 167),  # reddish purple
    }
    return {stage: QColor(palette.get(stage, QColor(128, 128, 128))) for stage in STAGES}


def smooth(t: np.ndarray, values: np.ndarray, seconds: float, out: np.ndarray, sums: np.ndarray) -> np.ndarray:
    """Mean of each value and those in the `seconds` before it, written into preallocated `out`."""
    n = len(values)
    sums[0] = 0.0
    np.cumsum(values, out=sums[1:n + 1])
    first = np.searchsorted(t, t - seconds, side="left")
    np.divide(sums[1:n + 1] - sums[first], np.arange(1, n + 1) - first, out=out[:n])
    return out[:n]


def _title(text: str) -> QLabel:
    label = PlainLabel(text)
    label.setWordWrap(True)
    relative_font(label, 1.5, bold=True)
    return label


class GraphsPanel(QWidget):
    """Three live graphs: time per run by step, CPU use (this app and the whole computer), memory."""

    def __init__(self, history: RunHistory, sampler: ResourceSampler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history, self.sampler = history, sampler
        self.setAccessibleName(translate("Graphs", "Performance graphs"))
        self.colours = stage_colors()
        capacity = sampler.t.capacity
        self._proc = np.zeros(capacity)
        self._sys = np.zeros(capacity)
        self._sums = np.zeros(capacity + 1)
        self._history_key: tuple[int, int, bool] | None = None
        self._per_token = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self._build_latency(layout)
        self._build_resources(layout)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._paused = False
        self._turn = 0
        self._busy = False
        self._last_busy = time.monotonic()
        self._texts: dict[QLabel, str] = {}
        self._timer.start()
        self.refresh()

    def _build_latency(self, layout: QVBoxLayout) -> None:
        self.latency_title = _title(translate("Graphs", "Time per run"))
        layout.addWidget(self.latency_title)
        self.latency_readout = PlainLabel(translate("Graphs", "No runs yet."))
        self.latency_readout.setWordWrap(True)
        layout.addWidget(self.latency_readout)
        self.latency = LatencyPlot(self.colours, self)
        self.latency_plot = self.latency.widget
        self.latency_plot.setMinimumHeight(LATENCY_MIN_HEIGHT)
        layout.addWidget(self.latency_plot, 4)
        stage = lambda s: html.escape(translate("Stages", STAGE_WORDS[s]))  # noqa: E731
        swatches = " ".join(f"<span style='color:{self.colours[s].name()}'>■</span>&nbsp;{stage(s)}" for s in STAGES)
        cold = html.escape(translate("Graphs", "cold run")).replace(" ", "&nbsp;")
        per_token = html.escape(translate("Graphs", "each reply's typical time per token (the first token, which reads "
                                               "your whole message, is counted apart)"))
        self._legends = (f"{swatches} &nbsp;▨&nbsp;{cold}",
                         f"<span style='color:{self.colours['model'].name()}'>■</span>&nbsp;{per_token}")
        self.legend_label = rich_label(self._legends[0])
        self.legend_label.setWordWrap(True)
        self.legend_label.setToolTip(translate("Graphs", "A hatched bar is a cold run: the first run after the model was "
                                                    "loaded, which includes warming up."))
        self.legend_label.setAccessibleName(translate("Graphs", "Legend of the time per run graph"))
        layout.addWidget(self.legend_label)

    def _build_resources(self, layout: QVBoxLayout) -> None:
        # The top of the graph is the whole computer: "this app: 50 %" then reads as half of it, which a
        # person grasps at once, where "100 % = one core" made 200 % a normal figure on two cores.
        layout.addWidget(_title(translate("Graphs", "Processor (CPU)")))
        self.cpu_readout = rich_label("")  # figures and colour keys only, all made here
        self.cpu_readout.setWordWrap(True)
        layout.addWidget(self.cpu_readout)
        self.cpu_plot = make_plot(translate("Graphs", "Processor use"), translate("Graphs", "CPU (%)"),
                                  translate("Graphs", "seconds ago"), self)
        item = self.cpu_plot.getPlotItem()
        item.getAxis("bottom").showLabel(False)  # the memory graph right under it says "seconds ago"
        self.proc_curve = item.plot(name="this app", pen=pg.mkPen(PROCESS, width=2))
        self.sys_curve = item.plot(name="whole computer", pen=pg.mkPen(SYSTEM, width=2, style=Qt.PenStyle.DashLine))
        item.setYRange(0, 100.0 * 1.08, padding=0)
        # Three numbers say it all (idle, half, all busy) and stay apart in a short graph at any text size.
        item.getAxis("left").setTicks([[(v, f"{v:g}") for v in (0.0, 50.0, 100.0)]])
        item.setXRange(-WINDOW_S, 0, padding=0)
        self.cpu_plot.setMinimumHeight(RESOURCE_MIN_HEIGHT)
        layout.addWidget(self.cpu_plot, 2)
        row = QHBoxLayout()  # one short line: title and figure side by side leave the room to the graphs
        row.addWidget(_title(translate("Graphs", "Memory")))
        self.memory_readout = PlainLabel("")
        self.memory_readout.setWordWrap(True)
        row.addWidget(self.memory_readout, 1)
        layout.addLayout(row)
        self.memory_plot = make_plot(translate("Graphs", "Memory use"), "MB", translate("Graphs", "seconds ago"), self)
        self.rss_curve = self.memory_plot.getPlotItem().plot(pen=pg.mkPen(MEMORY, width=2), fillLevel=0,
                                                             brush=pg.mkBrush(0, 158, 115, 40))
        self.memory_plot.setXLink(self.cpu_plot)
        self._memory_top = 0.0
        self.memory_plot.setMinimumHeight(RESOURCE_MIN_HEIGHT)
        layout.addWidget(self.memory_plot, 2)
        for curve in (self.proc_curve, self.sys_curve, self.rss_curve):
            curve.setClipToView(True)
            curve.setDownsampling(auto=True, method="peak")
            curve.setSkipFiniteCheck(True)

    # --- public ---------------------------------------------------------------------------------
    @property
    def paused(self) -> bool:
        return self._paused

    @paused.setter
    def paused(self, value: bool) -> None:
        """Paused graphs neither sample nor redraw, so a person can read them; refresh() still works."""
        self._paused = bool(value)
        if self._paused:
            self._timer.stop()
        else:
            self._timer.start()

    def set_busy(self, busy: bool) -> None:
        """A run started (5 Hz, so the graphs follow it) or ended (back to once a second after a calm spell)."""
        self._busy = busy
        self._last_busy = time.monotonic()
        if busy and self._timer.interval() != INTERVAL_MS:
            self._timer.setInterval(INTERVAL_MS)  # restarts the timer: the first tick comes at the faster pace

    def show_per_token(self, on: bool) -> None:
        """A chat's graph: time per written token of each reply, since a reply's whole time follows its length."""
        if on == self._per_token:
            return
        self._per_token = on
        self.latency_title.setText(translate("Graphs", "Time per token") if on else translate("Graphs", "Time per run"))
        self.legend_label.setText(self._legends[on])
        self.latency.show_per_token(on)
        self._draw_latency()

    def refresh(self) -> None:
        """Redraw everything from the buffers now; otherwise the 5 Hz timer redraws when a run was added."""
        self._draw_latency()
        self._draw_resources()

    # --- drawing --------------------------------------------------------------------------------
    def _tick(self) -> None:
        calm = not self._busy and time.monotonic() - self._last_busy > CALM_S
        if calm and self._timer.interval() != IDLE_INTERVAL_MS:
            self._timer.setInterval(IDLE_INTERVAL_MS)
        # Idle ticks are a second apart, so each does both; busy ones take turns.
        self._turn = 0 if calm else (self._turn + 1) % RESOURCE_TURNS
        seen = self.isVisible() and not self.window().isMinimized()  # a minimised window draws nothing
        if calm or self._turn == 0:
            self.sampler.sample()
            if seen:
                self._draw_resources()
        if (calm or self._turn % 2) and seen and self._key() != self._history_key:
            self._draw_latency()

    def _key(self) -> tuple[int, int, bool]:
        records = self.history.records
        return (len(records), id(records[-1]) if records else 0, self._per_token)

    def _draw_latency(self) -> None:
        self._history_key = self._key()
        if self._per_token:
            tokens = TokenHistory(self.history)
            self.latency.redraw(tokens)
            self.latency_readout.setText(self._token_text(tokens))
        else:
            self.latency.redraw(self.history)
            self.latency_readout.setText(self._latency_text())
        self.latency_plot.setAccessibleDescription(self.latency_readout.text())

    def _latency_text(self) -> str:
        records = self.history.records
        if not records:
            return translate("Graphs", "No runs yet.")
        last = records[-1]
        last_run = (translate("Graphs", "Last run: {total} ms (cold), model {model} ms") if last.cold else
                    translate("Graphs", "Last run: {total} ms, model {model} ms"))
        parts = [last_run.format(total=readable.ms(last.total_ns / 1e6), model=readable.ms(last.ms("model")))]
        if self.history.warm_totals():
            parts.append(translate("Graphs", "typical (p50): {ms} ms").format(ms=readable.ms(self.history.p50())))
            parts.append(translate("Graphs", "slow (p95): {ms} ms").format(ms=readable.ms(self.history.p95())))
        else:
            parts.append(translate("Graphs", "the typical and slow lines appear after the next run"))
        return " · ".join(parts)

    def _token_text(self, tokens: TokenHistory) -> str:
        if not tokens.records:
            return translate("Graphs", "No replies yet.")
        each = tokens.total_ms.view()[-1]
        parts = [translate("Graphs", "Last reply: {each} ms per token, the first after {first} ms").format(
            each=readable.ms(float(each)), first=readable.ms(tokens.first_token_ms[-1]))]
        if tokens.warm_totals():
            parts.append(translate("Graphs", "typical (p50): {ms} ms per token").format(ms=readable.ms(tokens.p50())))
            parts.append(translate("Graphs", "slow (p95): {ms} ms").format(ms=readable.ms(tokens.p95())))
        else:
            parts.append(translate("Graphs", "the typical and slow lines appear after the next reply"))
        return " · ".join(parts)

    def _draw_resources(self) -> None:
        s = self.sampler
        t = s.t.view()
        if not len(t):
            self.cpu_readout.setText(translate("Graphs", "Measuring…"))
            self.memory_readout.setText(translate("Graphs", "Measuring…"))
            for curve in (self.proc_curve, self.sys_curve, self.rss_curve):
                curve.setData([], [])
            return
        proc = smooth(t, s.process_cpu.view(), SMOOTH_S, self._proc, self._sums)
        proc /= s.cores  # the sampler counts 100 per busy core; the graph's top is every core
        ago = t - t[-1]  # the axis stays put at "the last minute"; only the curves move
        self.proc_curve.setData(ago, proc)
        system = smooth(t, s.system_cpu.view(), SMOOTH_S, self._sys, self._sums)
        self.sys_curve.setData(ago, system)
        rss = s.rss_mb.view()
        self.rss_curve.setData(ago, rss)
        top = nice_ceiling(max(float(rss[ago >= -WINDOW_S].max()) * 1.15, 1.0))
        if top != self._memory_top:
            self._memory_top = top
            self.memory_plot.getPlotItem().setYRange(0, top, padding=0)
        # The readout doubles as the legend, so nothing covers the curves.
        busy = proc[-1] * s.cores / 100.0
        app = readable.fill(translate("Graphs", "This app: {app:.0f} % of the computer ({busy:.1f} of {cores} cores)"),
                            app=proc[-1], busy=busy, cores=s.cores)
        everyone = readable.fill(translate("Graphs", "all programs: {all:.0f} %"), all=system[-1])
        self.cpu_readout.setText(f"<span style='color:{PROCESS.name()}'>━━</span> {html.escape(app)} &nbsp;·&nbsp; "
                                 f"<span style='color:{SYSTEM.name()}'>╍╍</span> {html.escape(everyone)}")
        self.memory_readout.setText(translate("Graphs", "This app uses {size} of memory.").format(
            size=readable.size(rss[-1] * 1e6)))
        self.cpu_plot.setAccessibleDescription(readable.fill(translate(
            "Graphs", "This app {app:.0f} % of the computer ({busy:.1f} of {cores} cores), all programs {all:.0f} %"),
            app=proc[-1], busy=busy, cores=s.cores, all=system[-1]))
        self.memory_plot.setAccessibleDescription(self.memory_readout.text())
