"""PianoRoll: the waveform over a piano roll (time across, keys up) with notes, onsets and activations."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from playground.core.results import Note, Notes, note_name
from playground.ui import theme
from playground.ui.i18n import translate
from playground.ui.widgets.plots import ink, local_axes, no_keyboard_focus, style_plot
from playground.ui.widgets.wave_strip import draw_envelope, envelope

LOWEST, HIGHEST = 21, 108  # the model's 88 keys, A0 to C8
WAVE = QColor(150, 150, 150)  # lighter than the notes: here the sound is only for finding one's place
NOTE = QColor(0, 114, 178)  # Okabe–Ito blue
SELECTED = QColor(213, 94, 0)  # Okabe–Ito vermillion
ACTIVATION = (86, 180, 233)  # Okabe–Ito sky blue: faint behind the notes, so the notes stay the figure
MIN_KEYS = 15  # the roll never zooms in to fewer keys than this: a single note still has neighbours
EMPTY_RANGE = (48, 84)  # C3 to C6 when there are no notes to frame


def activation_lut() -> np.ndarray:
    """Up to 0.1 transparent (the model never says a clean 0), then up to the colour at about half opacity."""
    alpha = 150 * np.clip((np.linspace(0, 1, 256) - 0.1) / 0.9, 0, 1)
    rgb = np.tile(np.array(ACTIVATION, float), (256, 1))
    return np.column_stack([rgb, alpha]).astype(np.uint8)


def key_range(notes: tuple[Note, ...]) -> tuple[int, int]:
    """The keys to show: every note with two keys spare, at least MIN_KEYS, inside the model's 88."""
    if not notes:
        return EMPTY_RANGE
    low, high = min(n.midi for n in notes) - 2, max(n.midi for n in notes) + 2
    if high - low + 1 < MIN_KEYS:
        grow = MIN_KEYS - (high - low + 1)
        low, high = low - grow // 2, high + grow - grow // 2
    shift = max(0, LOWEST - low) - max(0, high - HIGHEST)
    return max(LOWEST, low + shift), min(HIGHEST, high + shift)


def key_ticks(low: int, high: int) -> list[list[tuple[float, str]]]:
    """Every key named when few are shown; only the Cs (and a few more) when the roll is tall."""
    every = [(float(m), note_name(m)) for m in range(low, high + 1)]
    if high - low <= 26:
        return [every]
    return [[t for t in every if t[1].startswith("C") and "#" not in t[1]],
            [t for t in every if t[1][0] in "EG" and "#" not in t[1]]]


def black_keys() -> QColor:
    """Rows of the black keys, faintly darker (or lighter, on dark paper) than the rest, as on a keyboard."""
    shade = theme.colour("ink")
    shade.setAlpha(18)
    return shade


class PianoRoll(pg.GraphicsLayoutWidget):
    """Draws a Notes result; `set_playhead` moves the line that follows playback."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("PianoRoll", "Piano roll: the notes over time, low keys at the bottom"))
        self.setMinimumHeight(300)
        no_keyboard_focus(self)
        self.wave_plot = self.addPlot(row=0, col=0, axisItems=local_axes())
        style_plot(self.wave_plot, translate("PianoRoll", "sound"), "", interactive=True)
        for side in ("bottom", "left"):
            self.wave_plot.getAxis(side).setStyle(showValues=False)
        self.roll = self.addPlot(row=1, col=0, axisItems=local_axes())
        style_plot(self.roll, translate("PianoRoll", "note"), translate("PianoRoll", "time (s)"), interactive=True)
        self.roll.showGrid(x=True, y=False)
        self.ci.layout.setRowStretchFactor(1, 5)
        self.wave_plot.setXLink(self.roll)
        self.wave_top = pg.PlotDataItem(pen=pg.mkPen(WAVE))
        self.wave_bottom = pg.PlotDataItem(pen=pg.mkPen(WAVE))
        self.wave_plot.addItem(self.wave_top)
        self.wave_plot.addItem(self.wave_bottom)
        self.wave_plot.addItem(pg.FillBetweenItem(self.wave_top, self.wave_bottom, brush=pg.mkBrush(WAVE)))
        self.keys = pg.BarGraphItem(x0=[], y0=[], width=[], height=1.0, brush=black_keys(), pen=pg.mkPen(None))
        self.activation = pg.ImageItem(axisOrder="row-major")
        self.activation.setLookupTable(activation_lut())
        self.activation.setLevels((0.0, 1.0))
        self.bars = pg.BarGraphItem(x0=[], y0=[], width=[], height=0.8, brush=NOTE, pen=pg.mkPen(None))
        # Each onset is a 2-pixel line as tall as its bar: in key units it fits the bar at any zoom, in pixels
        # it stays thin when a long recording squeezes the bars together.
        self.onset_marks = pg.PlotDataItem(connect="pairs", pen=pg.mkPen(ink(), width=2))
        self.selected = pg.BarGraphItem(x0=[], y0=[], width=[], height=0.8, brush=None,
                                        pen=pg.mkPen(SELECTED, width=3))
        for z, item in enumerate((self.keys, self.activation, self.bars, self.onset_marks, self.selected)):
            item.setZValue(z - 10)
            self.roll.addItem(item)
        self.playheads = [pg.InfiniteLine(angle=90, pen=pg.mkPen(ink(), width=2)) for _ in range(2)]
        for plot, line in zip((self.wave_plot, self.roll), self.playheads):
            line.setVisible(False)
            plot.addItem(line)
        theme.plot(self, self._recolour)
        self._wave_of: np.ndarray | None = None
        self._keys_shown: tuple[int, int] | None = None

    def _recolour(self, now: theme.Theme) -> None:
        self.keys.setOpts(brush=black_keys())
        self.onset_marks.setPen(pg.mkPen(now.ink, width=2))
        for line in self.playheads:
            line.setPen(pg.mkPen(now.ink, width=2))

    def clear_roll(self) -> None:
        self._wave_of = None
        self._keys_shown = None
        for item in (self.wave_top, self.wave_bottom):
            item.setData([], [])
        self.activation.clear()
        self._set_bars(self.bars, ())
        self._set_bars(self.selected, ())
        self.onset_marks.setData([], [])
        self.set_playhead(None)

    def show_notes(self, result: Notes) -> None:
        duration = max(result.duration, 1e-3)
        if not self._same_clip(result.samples):
            self._wave_of = result.samples
            draw_envelope(self.wave_top, self.wave_bottom, self.wave_plot,
                          *envelope(result.samples, result.sample_rate))
            for plot in (self.wave_plot, self.roll):
                plot.setLimits(xMin=0, xMax=duration)
            self.roll.setXRange(0, duration, padding=0)
            black = [m for m in range(LOWEST, HIGHEST + 1) if m % 12 in (1, 3, 6, 8, 10)]
            self.keys.setOpts(x0=np.zeros(len(black)), y0=np.array(black) - 0.5, width=np.full(len(black), duration),
                              height=1.0)
        rows = len(result.activation)
        if rows:
            self.activation.setImage(result.activation.T, autoLevels=False)
            self.activation.setRect(QRectF(0, LOWEST - 0.5, rows * result.row_seconds, HIGHEST - LOWEST + 1))
        self._set_bars(self.bars, result.notes)
        starts = np.repeat([n.start for n in result.notes], 2)
        keys = np.array([(n.midi - 0.4, n.midi + 0.4) for n in result.notes], float).reshape(-1)
        self.onset_marks.setData(starts, keys)
        self._frame_keys(key_range(result.notes))

    def select(self, note: Note | None) -> None:
        self._set_bars(self.selected, (note,) if note else ())

    def set_playhead(self, seconds: float | None) -> None:
        for line in self.playheads:
            line.setVisible(seconds is not None)
            if seconds is not None:
                line.setValue(seconds)

    def _same_clip(self, samples: np.ndarray) -> bool:
        """Repeat runs decode the same clip afresh: compare contents so the waveform is drawn only once."""
        seen = self._wave_of
        return seen is not None and (seen is samples or (seen.shape == samples.shape and np.array_equal(seen, samples)))

    def _frame_keys(self, keys: tuple[int, int]) -> None:
        if keys == self._keys_shown:
            return  # a partial result with the same range: leave the axis (and its tick text) alone
        self._keys_shown = keys
        low, high = keys
        self.roll.setYRange(low - 0.5, high + 0.5, padding=0)
        self.roll.getAxis("left").setTicks(key_ticks(low, high))

    @staticmethod
    def _set_bars(item: pg.BarGraphItem, notes: Any) -> None:
        notes = tuple(notes)
        item.setOpts(x0=np.array([n.start for n in notes], float),
                     width=np.array([n.end - n.start for n in notes], float),
                     y0=np.array([n.midi - 0.4 for n in notes], float), height=0.8)
