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
from playground.core.timing import STAGE_WORDS, STAGES
from playground.ui import theme
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.widgets.plots import ink, label_fill, make_plot, muted, nice_ceiling

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
        # Warm and cold bars are separate items with one brush each: a per-bar brush list sends
        # pyqtgraph down its slow path (one rectangle at a time), which made this plot the costliest paint.
        self.bars = {stage: pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH, brush=colours[stage],
                                            pen=pg.mkPen(None), name=translate("Stages", STAGE_WORDS[stage]))
                     for stage in STAGES}
        self.cold_bars = {stage: pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH, brush=cold_brush(colours[stage]),
                                                 pen=pg.mkPen(None)) for stage in STAGES}
        for bar in (*self.bars.values(), *self.cold_bars.values()):
            self.plot.addItem(bar)
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
            for bar in (*self.bars.values(), *self.cold_bars.values()):
                # y0 must be emptied too: left at the last run's length it no longer matches x.
                bar.setOpts(x=np.zeros(0), y0=np.zeros(0), height=np.zeros(0))
            self.cold_marks.setData([], [])
            for item in (self.cold_label, self.p50_line, self.p95_line):
                item.setVisible(False)
            self.plot.setXRange(0, MIN_RUNS_SHOWN, padding=0)
            self.plot.setYRange(0, 10, padding=0)
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
        for stage in STAGES:
            height = history.stage_ms[stage].view()
            self.bars[stage].setOpts(x=x[warm], y0=bottom[warm], height=height[warm], width=BAR_WIDTH)
            self.cold_bars[stage].setOpts(x=x[cold], y0=bottom[cold], height=height[cold], width=BAR_WIDTH)
            bottom += height

    def _scale(self, x: np.ndarray, totals: np.ndarray, cold: np.ndarray) -> None:
        warm = totals[~cold]
        top = float(totals.max(initial=0.0))
        if warm.size and top > COLD_CLIP * float(warm.max()):
            top = COLD_CLIP * float(warm.max())  # keep warm runs readable next to a slow first run
        self.y_top = nice_ceiling(max(top * HEADROOM, 0.01))
        self.plot.setYRange(0, self.y_top, padding=0)
        left = float(x[0]) - 0.6
        # Grow the run axis ten runs at a time: a range that moves every run repaints its labels every run.
        right = max(math.ceil(float(x[-1]) / MIN_RUNS_SHOWN) * MIN_RUNS_SHOWN, left + MIN_RUNS_SHOWN) + 0.6
        self.plot.setXRange(left, right, padding=0)

    def _mark_cold(self, x: np.ndarray, totals: np.ndarray, cold: np.ndarray) -> None:
        if not cold.any():
            self.cold_marks.setData([], [])
            self.cold_label.setVisible(False)
            return
        tops = np.minimum(totals[cold], self.y_top / HEADROOM) + self.y_top * 0.035
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
