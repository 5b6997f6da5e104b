"""LatencyPlot: per-run stacked bars by stage, p50/p95 lines of warm runs, and the cold run marked."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from playground.core import readable
from playground.core.metrics import RunHistory
from playground.core.timing import STAGES
from playground.ui import theme
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.widgets.plots import ink, label_fill, make_plot, muted, nice_ceiling
from playground.ui.widgets.stacked_bars import BarSet, StackedBars

BAR_WIDTH = 0.8
MIN_RUNS_SHOWN = 10  # one run should look like one bar, not a wall of colour
COLD_CLIP = 3.0  # a cold run this many times slower than the slowest warm run is cut off, with its value
HEADROOM = 1.3  # room above the tallest bar for the cold-run marker and its label
EMPTY_TEXT = QT_TRANSLATE_NOOP("LatencyPlot", "Run a model: each run adds a bar here,\nsplit into the steps it took.")
EMPTY_TOKENS_TEXT = QT_TRANSLATE_NOOP("LatencyPlot", "Send a message: each reply adds a bar here,\nits time per "
                                                     "written token.")


def cold_brush(colour: QColor) -> QBrush:
    """Cold bars are hatched, so they differ by pattern and not only by colour."""
    brush = QBrush(colour, Qt.BrushStyle.BDiagPattern)
    return brush


class LatencyPlot:
    """Owns the latency PlotWidget and redraws it from a RunHistory (called only when the history changed)."""

    def __init__(self, colours: dict[str, QColor], parent: QWidget | None = None) -> None:
        self.colours = colours
        self.widget = make_plot(translate("LatencyPlot", "Time per run, by step"),
                                translate("LatencyPlot", "ms per run"), translate("LatencyPlot", "run number"), parent)
        self.plot = self.widget.getPlotItem()
        # Warm and cold bars are sets with one brush each (a brush per bar would draw one rectangle at a time),
        # all drawn by one item that records them only when they change (widgets/stacked_bars.py).
        self.bars = {stage: BarSet(QBrush(colours[stage]), BAR_WIDTH) for stage in STAGES}
        self.cold_bars = {stage: BarSet(cold_brush(colours[stage]), BAR_WIDTH) for stage in STAGES}
        self.stacked = StackedBars([*self.bars.values(), *self.cold_bars.values()])
        self.plot.addItem(self.stacked)
        self._ranges: tuple[float, ...] = ()
        self._cold_key: tuple[object, ...] | None = None
        self.cold_marks = pg.ScatterPlotItem(symbol="t", size=13, brush=pg.mkBrush(ink()),
                                             pen=pg.mkPen(theme.current().paper),
                                             name=translate("LatencyPlot", "cold run"))
        self.plot.addItem(self.cold_marks)
        self.cold_label = pg.TextItem("", color=ink(), anchor=(0.5, 1.0), fill=label_fill())
        self.plot.addItem(self.cold_label)
        # p95 is never below p50: its label goes above its line and p50's below, so they never collide.
        self.p50_line = self._percentile_line(Qt.PenStyle.SolidLine, (1, 0))
        self.p95_line = self._percentile_line(Qt.PenStyle.DashLine, (1, 1))
        self.empty_label = pg.TextItem(translate("LatencyPlot", EMPTY_TEXT), color=muted(), anchor=(0.5, 0.5))
        self.plot.addItem(self.empty_label)
        self.y_top = 1.0
        self.per_token = False
        theme.plot(self.widget, self._recolour)

    def _recolour(self, now: theme.Theme) -> None:
        """The marks and labels drawn in ink, in the new theme's ink and on its paper."""
        self.cold_marks.setBrush(pg.mkBrush(now.ink))
        self.cold_marks.setPen(pg.mkPen(now.paper))
        self.cold_label.setColor(now.ink)
        self.cold_label.fill = label_fill()
        self.empty_label.setColor(now.muted)
        for line in (self.p50_line, self.p95_line):
            line.setPen(pg.mkPen(now.ink, width=2, style=line.pen.style()))
            line.label.setColor(now.ink)
            line.label.fill = label_fill()

    def show_per_token(self, on: bool) -> None:
        """Bars per reply in ms per token (a chat), or per run split into steps (everything else)."""
        self.per_token = on
        self.plot.setLabel("left", translate("LatencyPlot", "ms per token") if on else
                           translate("LatencyPlot", "ms per run"))
        self.plot.setLabel("bottom", translate("LatencyPlot", "reply number") if on else
                           translate("LatencyPlot", "run number"))
        self.widget.setAccessibleName(translate("LatencyPlot", "Time per token of each reply") if on else
                                      translate("LatencyPlot", "Time per run, by step"))
        self.empty_label.setText(translate("LatencyPlot", EMPTY_TOKENS_TEXT if on else EMPTY_TEXT))

    def _percentile_line(self, style: Qt.PenStyle, anchor: tuple[int, int]) -> pg.InfiniteLine:
        line = pg.InfiniteLine(angle=0, pen=pg.mkPen(ink(), width=2, style=style), label="",
                               labelOpts={"color": ink(), "position": 0.98, "anchors": [anchor, anchor],
                                          "fill": label_fill()})
        line.setVisible(False)
        self.plot.addItem(line)
        return line

    def redraw(self, history: RunHistory) -> None:
        n = len(history)
        self.empty_label.setVisible(n == 0)
        if n == 0:
            # y0 must be emptied too: left at the last run's length it no longer matches x.
            if any([bar.set(np.zeros(0), np.zeros(0), np.zeros(0)) for bar in (*self.bars.values(),
                                                                               *self.cold_bars.values())]):
                self.stacked.changed()
            self.cold_marks.setData([], [])
            self._cold_key = None
            for item in (self.cold_label, self.p50_line, self.p95_line):
                item.setVisible(False)
            self._set_ranges(0, MIN_RUNS_SHOWN, 10)
            self.empty_label.setPos(MIN_RUNS_SHOWN / 2, 5)
            return
        x = history.index.view() + 1.0  # people count runs from 1
        cold = history.cold.view() > 0.5
        self._stack(history, x, cold)
        totals = history.total_ms.view()
        self._scale(x, totals, cold)
        self._mark_cold(x, totals, cold)
        self._percentiles(history)

    def _stack(self, history: RunHistory, x: np.ndarray, cold: np.ndarray) -> None:
        bottom = np.zeros(len(x))
        warm = ~cold
        changed = False
        for stage in STAGES:
            height = history.stage_ms[stage].view()
            changed |= self.bars[stage].set(x[warm], bottom[warm], height[warm])
            changed |= self.cold_bars[stage].set(x[cold], bottom[cold], height[cold])
            bottom += height
        if changed:
            self.stacked.changed()

    def _set_ranges(self, left: float, right: float, top: float) -> None:
        """The view's ranges, set only when they move: each setting re-lays out the axes and their ticks."""
        if (left, right, top) != self._ranges:
            self._ranges = (left, right, top)
            self.plot.setXRange(left, right, padding=0)
            self.plot.setYRange(0, top, padding=0)

    def _scale(self, x: np.ndarray, totals: np.ndarray, cold: np.ndarray) -> None:
        warm = totals[~cold]
        top = float(totals.max(initial=0.0))
        if warm.size and top > COLD_CLIP * float(warm.max()):
            top = COLD_CLIP * float(warm.max())  # keep warm runs readable next to a slow first run
        self.y_top = nice_ceiling(max(top * HEADROOM, 0.01))
        # Grow the run axis by steps, ten runs at first and about a fifth of the runs shown later: a range that
        # moves repaints the ticks and the grid (8 ms), and a fast model in repeat mode adds 25 runs a second.
        # Once the oldest runs scroll away, the left end steps the same way, for the same reason.
        step = max(MIN_RUNS_SHOWN, int(nice_ceiling(len(x) / 5)))
        left = math.floor((float(x[0]) - 1) / step) * step + 0.4
        right = max(math.ceil(float(x[-1]) / step) * step, left + MIN_RUNS_SHOWN) + 0.6
        self._set_ranges(left, right, self.y_top)

    def _mark_cold(self, x: np.ndarray, totals: np.ndarray, cold: np.ndarray) -> None:
        if not cold.any():
            if self._cold_key != ():
                self._cold_key = ()
                self.cold_marks.setData([], [])
                self.cold_label.setVisible(False)
            return
        tops = np.minimum(totals[cold], self.y_top / HEADROOM) + self.y_top * 0.035
        # Cold runs are few and stay put while warm runs are added: their marks move only with the scale.
        key = (tuple(x[cold]), tuple(tops), tuple(totals[cold]), self._ranges)
        if key == self._cold_key:
            return
        self._cold_key = key
        self.cold_marks.setData(x[cold], tops)
        last = int(np.flatnonzero(cold)[-1])
        self.cold_label.setText(translate("LatencyPlot", "cold run {ms} ms").format(
            ms=readable.ms(float(totals[last]))))
        # Centred over its bar, but written away from a plot edge it would be cut off by.
        left, right = self.plot.viewRange()[0]
        where = (x[last] - left) / max(right - left, 1e-9)
        ax, dx = (0.0, -0.5) if where < 0.15 else (1.0, 0.5) if where > 0.85 else (0.5, 0.0)
        self.cold_label.setAnchor((ax, 1.0))
        self.cold_label.setPos(float(x[last]) + dx, float(tops[-1]) + self.y_top * 0.04)
        self.cold_label.setVisible(True)

    def _percentiles(self, history: RunHistory) -> None:
        has_warm = bool(history.warm_totals())
        for line, value, name in ((self.p50_line, history.p50(), "p50"), (self.p95_line, history.p95(), "p95")):
            line.setVisible(has_warm)
            if has_warm:
                line.setValue(value)
                line.label.setFormat(f"{name} {readable.ms(value)} ms")
