"""Spectrograms for recordings: loudness in dB over time and frequency, drawn as a pyqtgraph image with a colour bar."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from playground.ui import theme
from playground.ui.i18n import translate
from playground.ui.widgets.plots import ink, label_style, style_plot

FRAME = 1024  # 21 ms at 48 kHz: fine enough in time for syllables, in frequency for the hum of a fan
MAX_COLUMNS = 1200  # more than the plot has pixels across
FRAMES_PER_COLUMN = 8  # a long recording's column averages this many frames, so no sound falls between
RANGE_DB = 80.0  # from the loudest part of the original down to this far below it: quieter is black
COLOURS = "inferno"  # dark to bright and readable in greyscale too


def spectrogram_db(samples: np.ndarray, rate: int, columns: int = MAX_COLUMNS) -> tuple[np.ndarray, float]:
    """Power in dB as (columns, FRAME // 2 + 1) and the seconds each column spans.

    A clip shorter than `columns` hops of half a frame gets one column per hop; a longer one gets
    `columns` columns, each the mean power of up to FRAMES_PER_COLUMN frames spread across its span,
    which keeps a 15-minute recording as quick to draw as a short one.
    """
    x = np.asarray(samples, np.float32)
    hop = FRAME // 2
    span = max(hop, -(-len(x) // columns))
    # Frames are centred on their start (half a frame of zeros in front); the last column may reach past
    # the end of the clip by up to a span.
    padded = np.concatenate([np.zeros(hop, np.float32), x, np.zeros(span + FRAME, np.float32)])
    count = max(1, -(-len(x) // span))
    per = min(FRAMES_PER_COLUMN, max(1, span // hop))
    starts = (np.arange(count)[:, None] * span + (np.arange(per) * span // per)[None, :]).ravel()
    window = np.hanning(FRAME).astype(np.float32)
    frames = np.lib.stride_tricks.sliding_window_view(padded, FRAME)[starts]
    power = np.abs(np.fft.rfft(frames * window, axis=1)) ** 2 / float(np.sum(window) ** 2 / 4)
    power = power.reshape(count, per, -1).mean(axis=1)
    return (10.0 * np.log10(power + 1e-12)).astype(np.float32), span / rate


class SpectrogramPlot:
    """One PlotItem showing a spectrogram: time (s) across, frequency (kHz) up, loudness as colour."""

    def __init__(self, plot: pg.PlotItem, title: str, time_label: str = "") -> None:
        self.plot = plot
        style_plot(plot, translate("SpectrogramPlot", "frequency (kHz)"), time_label, interactive=True)
        plot.setTitle(title, color=theme.current().ink, size="11pt")
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setColorMap(pg.colormap.get(COLOURS))
        plot.addItem(self.image)
        self.playhead = pg.InfiniteLine(angle=90, pen=pg.mkPen((80, 200, 255), width=2))
        self.playhead.setVisible(False)
        plot.addItem(self.playhead)

    def show(self, db: np.ndarray, seconds_per_column: float, rate: int, levels: tuple[float, float]) -> None:
        self.image.setImage(db, autoLevels=False, levels=levels)
        duration = db.shape[0] * seconds_per_column
        top = rate / 2000.0
        self.image.setRect(QRectF(0.0, 0.0, duration, top))
        self.plot.setLimits(xMin=0, xMax=duration, yMin=0, yMax=top)
        self.plot.setXRange(0, duration, padding=0)
        self.plot.setYRange(0, top, padding=0)

    def clear(self) -> None:
        self.image.clear()
        self.playhead.setVisible(False)


def colour_bar(levels: tuple[float, float]) -> pg.ColorBarItem:
    """The key from colour to loudness, fixed (a kiosk visitor must not drag it into nonsense)."""
    bar = pg.ColorBarItem(values=levels, colorMap=pg.colormap.get(COLOURS), interactive=False, width=14)
    bar.axis.setTextPen(pg.mkPen(ink()))
    bar.axis.setPen(pg.mkPen(ink()))
    bar.axis.setLabel(translate("SpectrogramPlot", "loudness (dB)"), **label_style())
    return bar
