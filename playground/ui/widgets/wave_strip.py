"""WaveStrip: a recording's waveform on a time axis, spans shaded, a playhead, and click-to-seek."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from playground.ui import theme
from playground.ui.i18n import translate
from playground.ui.widgets.plots import ink, make_plot

SPAN = QColor(0, 158, 115, 55)  # Okabe–Ito bluish green, see-through
CHOSEN = QColor(0, 158, 115, 140)
ENVELOPE_BINS = 3000  # more columns than any screen has pixels; an hour-long clip stays cheap


def envelope(samples: np.ndarray, rate: int, bins: int = ENVELOPE_BINS) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Time, minimum and maximum of the waveform in `bins` columns: drawing 14 M points would crawl."""
    n = len(samples)
    if n == 0:
        return np.zeros(0), np.zeros(0), np.zeros(0)
    per = max(1, n // bins)
    usable = samples[: (n // per) * per].reshape(-1, per)
    t = (np.arange(len(usable)) + 0.5) * per / rate
    return t, usable.min(axis=1), usable.max(axis=1)


def draw_envelope(top: Any, bottom: Any, plot: Any, t: np.ndarray, low: np.ndarray, high: np.ndarray) -> None:
    """Fill the waveform's outline curves and fit the plot's height to its loudest peak (at least −34 dB)."""
    top.setData(t, high)
    bottom.setData(t, low)
    peak = max(float(np.abs(low).max(initial=0.0)), float(np.abs(high).max(initial=0.0)), 0.02)
    plot.setYRange(-peak, peak, padding=0.05)


def span_bars(spans: Any, y0: float, height: float, colour: QColor) -> dict[str, Any]:
    """BarGraphItem options that shade each (start, end) span across the whole height."""
    spans = list(spans)
    return dict(x0=np.array([s for s, _ in spans], float), width=np.array([e - s for s, e in spans], float),
                y0=y0, height=height, brush=colour, pen=pg.mkPen(None))


class WaveStrip(QWidget):
    """The whole recording at a glance; a click anywhere on it asks to play from there (`seek`)."""

    seek = Signal(float)  # seconds into the recording

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QVBoxLayout

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = make_plot(accessible_name, "", translate("WaveStrip", "time (s)"), self)
        self.plot.setMinimumHeight(110)
        self.plot.setMaximumHeight(150)
        self.plot.setCursor(Qt.CursorShape.PointingHandCursor)
        layout.addWidget(self.plot)
        item = self.plot.getPlotItem()
        item.hideAxis("left")  # loudness has no unit a person would read; the width goes to time instead
        item.showGrid(x=True, y=False, alpha=0.18)
        self.spans = pg.BarGraphItem(**span_bars((), -1, 2, SPAN))
        self.chosen = pg.BarGraphItem(**span_bars((), -1, 2, CHOSEN))
        wave = theme.colour("muted")  # the sound is the background here; the spans are what it is about
        self.top = pg.PlotDataItem(pen=pg.mkPen(wave))
        self.bottom = pg.PlotDataItem(pen=pg.mkPen(wave))
        fill = self._fill = pg.FillBetweenItem(self.top, self.bottom, brush=pg.mkBrush(wave))
        self.playhead = pg.InfiniteLine(angle=90, pen=pg.mkPen(ink(), width=2))
        self.playhead.setVisible(False)
        for part in (self.spans, self.chosen, self.top, self.bottom, fill, self.playhead):
            item.addItem(part)
        self.duration = 0.0
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        theme.plot(self.plot, self._recolour)

    def _recolour(self, now: theme.Theme) -> None:
        for curve in (self.top, self.bottom):
            curve.setPen(pg.mkPen(now.muted))
        self._fill.setBrush(pg.mkBrush(now.muted))
        self.playhead.setPen(pg.mkPen(now.ink, width=2))

    def set_audio(self, samples: np.ndarray, rate: int) -> None:
        self.set_envelope(*envelope(samples, rate), duration=len(samples) / rate if rate else 0.0)

    def set_envelope(self, t: np.ndarray, low: np.ndarray, high: np.ndarray, duration: float) -> None:
        """Draw a waveform already reduced to columns (a recording too long to hold in memory)."""
        item = self.plot.getPlotItem()
        draw_envelope(self.top, self.bottom, item, t, low, high)
        self.duration = duration
        item.setXRange(0, max(self.duration, 1e-3), padding=0)

    def set_spans(self, spans: Any) -> None:
        self.spans.setOpts(**span_bars(spans, -1.0, 2.0, SPAN))

    def choose(self, span: tuple[float, float] | None) -> None:
        self.chosen.setOpts(**span_bars([span] if span else [], -1.0, 2.0, CHOSEN))

    def show_playhead(self, seconds: float | None) -> None:
        """Draw the playhead at `seconds`, or hide it (None)."""
        self.playhead.setVisible(seconds is not None)
        if seconds is not None:
            self.playhead.setValue(seconds)

    def clear(self) -> None:
        self.top.setData([], [])
        self.bottom.setData([], [])
        self.set_spans(())
        self.choose(None)
        self.show_playhead(None)
        self.duration = 0.0

    def _clicked(self, event: Any) -> None:
        if self.duration <= 0 or event.button() != Qt.MouseButton.LeftButton:
            return
        vb = self.plot.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        seconds = float(vb.mapSceneToView(event.scenePos()).x())
        self.seek.emit(min(max(seconds, 0.0), self.duration))
