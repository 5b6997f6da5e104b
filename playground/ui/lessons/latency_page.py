"""The latency lesson: a histogram of the warm runs with p50/p95/p99, load against cold against warm, and
sweeps over threads and graph optimisation with the fastest setting one click away."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from playground.core.timing import percentile
from playground.lab import lesson_facts
from playground.lab.sweep import Sweep
from playground.ui import theme
from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.i18n import translate
from playground.ui.lessons.page import LessonPage
from playground.ui.lessons.time_bars import TimeBars
from playground.ui.settings import Settings
from playground.ui.widgets.plots import make_plot, say_empty

BAR = pg.mkBrush(0, 114, 178, 200)
# Each line told apart by its dash as well as its colour; ink and muted follow the theme, vermillion reads on both.
LINES = (("p50", 50, "ink", Qt.PenStyle.SolidLine), ("p95", 95, "muted", Qt.PenStyle.DashLine),
         ("p99", 99, "#d55e00", Qt.PenStyle.DotLine))


class LatencyPage(LessonPage):
    topic = lesson_facts.LATENCY

    def __init__(self, controller: Controller, settings: Settings, experiments: Experiments,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, settings, experiments, parent)
        self.histogram = make_plot(translate("LatencyPage", "How many warm runs took each time"),
                                   translate("LatencyPage", "runs"), translate("LatencyPage", "ms per run"), self)
        self.histogram.setMinimumHeight(170)
        self.figure_slot.addWidget(self.histogram)
        self.starts = TimeBars(self)
        self.figure_slot.addWidget(self.starts)
        self.threads_button = self.button(translate("LatencyPage", "Time each number of threads"),
                                          lambda: self.follow(experiments.sweep("threads"), self._on_sweep))
        self.opt_button = self.button(translate("LatencyPage", "Time each optimisation level"),
                                      lambda: self.follow(experiments.sweep("optimisation"), self._on_sweep))
        self.apply_button = self.button(translate("LatencyPage", "Use the fastest"), self.apply_fastest)
        self.apply_button.setEnabled(False)
        self.button_row(self.threads_button, self.opt_button, self.apply_button)
        self.sweep_bars = TimeBars(self)
        self.figure_slot.addWidget(self.sweep_bars)
        self.sweeps: dict[str, Sweep] = {}
        self._latest: Sweep | None = None
        controller.model_changed.connect(self._forget_sweeps)

    def lesson_facts(self) -> dict[str, str]:
        c = self.controller
        return lesson_facts.latency_facts(c.history, c.load_ns, self.sweeps, c.card.name if c.card else "")

    def _on_sweep(self, result: Sweep) -> None:
        if self.controller.card is not None and result.model_id == self.controller.card.id:
            self.sweeps[result.kind] = self._latest = result
            best = result.best()
            self.apply_button.setText(translate("LatencyPage", "Use the fastest: {setting}").format(setting=best.label))
            self.apply_button.setEnabled(best.options != self.controller.options)
            self.refresh()

    def _forget_sweeps(self, *_: object) -> None:
        """Another model: the last one's sweeps say nothing about it."""
        self.sweeps.clear()
        self._latest = None
        self.apply_button.setText(translate("LatencyPage", "Use the fastest"))
        self.apply_button.setEnabled(False)
        self.sweep_bars.set_rows(())

    def apply_fastest(self) -> None:
        if self._latest is None:
            return
        best = self._latest.best().options
        self.controller.set_threads(best.threads)
        self.controller.set_opt_level(best.opt_level)
        self.apply_button.setEnabled(False)

    def update_figure(self) -> None:
        c = self.controller
        warm = c.history.warm_totals()
        plot = self.histogram.getPlotItem()
        plot.clear()
        empty = translate("LatencyPage", "Run the model a few times (Repeat does it):\neach warm run's time lands in a "
                                         "bar here.")
        if not say_empty(plot, "" if len(warm) >= 2 else empty):
            counts, edges = np.histogram(warm, bins=min(30, max(5, len(warm) // 3)))
            plot.addItem(pg.BarGraphItem(x0=edges[:-1], x1=edges[1:], height=counts, brush=BAR, pen=None))
            for name, q, role, style in LINES:
                colour = role if role.startswith("#") else theme.colour(role)
                value = percentile(warm, q)
                line = pg.InfiniteLine(value, angle=90, pen=pg.mkPen(colour, width=2, style=style),
                                       label=name, labelOpts={"position": 0.9, "color": colour})
                plot.addItem(line)
        cold = next((r for r in reversed(c.history.records) if r.cold), None)
        rows = []
        if c.load_ns:
            rows.append((translate("LatencyPage", "Loading the model"), (("loading", c.load_ns / 1e6),)))
        if cold is not None:
            rows.append((translate("LatencyPage", "The first (cold) run"), (("cold run", cold.total_ns / 1e6),)))
        if warm:
            rows.append((translate("LatencyPage", "A typical warm run"), (("warm run", percentile(warm, 50)),)))
        self.starts.set_rows(tuple(rows))
        latest = self._latest
        self.sweep_bars.set_rows(tuple((p.label, (("in the model", p.median_ms),)) for p in latest.points)
                                 if latest is not None else ())
