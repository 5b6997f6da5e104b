"""SpeechView: waveform, speech probability with its threshold, shaded segments, a segment list, playback."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QWidget

from playground.core import readable
from playground.core.results import SpeechSegments
from playground.ui import theme
from playground.ui.i18n import translate
from playground.ui.scale import relative_font
from playground.ui.views.base import ResultView
from playground.ui.widgets.audio import ClipPlayer
from playground.ui.widgets.plots import ink, local_axes, no_keyboard_focus, style_plot
from playground.ui.widgets.wave_strip import draw_envelope, envelope, span_bars

PROBABILITY = QColor(0, 114, 178)  # Okabe–Ito blue
THRESHOLD = QColor(213, 94, 0)  # Okabe–Ito vermillion, dashed so it differs by shape too
SPEECH = QColor(0, 158, 115, 60)  # Okabe–Ito bluish green, see-through
SELECTED = QColor(0, 158, 115, 130)
def _segment_text(i: int, start: float, end: float) -> str:
    return f"{i + 1}.  " + readable.local(f"{start:.2f} – {end:.2f} s   ({end - start:.2f} s)")


def _threshold_text(value: float) -> str:
    """The threshold line's label, its number in the language's way; braces doubled, as pyqtgraph fills the
    label in again whenever the line moves."""
    text = readable.fill(translate("SpeechView", "threshold {value:.2f}"), value=value)
    return text.replace("{", "{{").replace("}", "}}")


class SpeechView(ResultView):
    """Shows a SpeechSegments result; fills in while the detector is still running (show_partial)."""

    shows_partial = True
    result_type = SpeechSegments

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("SpeechView", "Speech found in the recording"))
        self._result: SpeechSegments | None = None
        self._wave_of: np.ndarray | None = None
        self._listed: tuple[Any, ...] = ()
        row = QHBoxLayout()
        self.plots = pg.GraphicsLayoutWidget(self)
        self.plots.setAccessibleName(translate("SpeechView", "Waveform and speech probability over time"))
        self.plots.setMinimumHeight(260)
        no_keyboard_focus(self.plots)
        row.addWidget(self.plots, 3)
        self.segment_list = QListWidget(self)
        self.segment_list.setAccessibleName(translate("SpeechView", "Speech segments"))
        relative_font(self.segment_list, 1)
        # Wide enough for a row of a quarter-hour recording in the list's own font, whatever its size; the
        # waveform gets the rest of the width.
        widest = self.segment_list.fontMetrics().horizontalAdvance(_segment_text(98, 888.88, 899.99))
        self.segment_list.setMinimumWidth(widest + 30)
        self.segment_list.setMaximumWidth(widest + 90)
        self.segment_list.currentRowChanged.connect(self._segment_selected)
        row.addWidget(self.segment_list, 1)
        self.body.addLayout(row, 1)
        self.play_note = self.add_play_note()
        self._build_plots()
        theme.plot(self.plots, self._recolour)  # paper, axes and the ink-drawn lines follow the theme
        self.player = ClipPlayer(self)
        self._playback_problem = self.player.problem()
        self.player.playing_changed.connect(self._playing_changed)
        self.player.position_changed.connect(self._position_changed)
        self._play_from = 0.0
        self.play_button = self.add_action("▶ " + translate("SpeechView", "Play"), self._play_clicked)
        self.add_action(translate("SpeechView", "Copy times"), self._copy,
                        translate("SpeechView", "Copy the list of speech segments to the clipboard."))
        self.finish_actions()
        self.clear()

    def _build_plots(self) -> None:
        self.wave_plot = self.plots.addPlot(row=0, col=0, axisItems=local_axes())
        style_plot(self.wave_plot, translate("SpeechView", "sound"), "", interactive=True)
        self.wave_plot.getAxis("bottom").setStyle(showValues=False)
        self.wave_plot.getAxis("left").setStyle(showValues=False)
        self.prob_plot = self.plots.addPlot(row=1, col=0, axisItems=local_axes())
        style_plot(self.prob_plot, translate("SpeechView", "speech probability"), translate("SpeechView", "time (s)"),
                   interactive=True)
        self.plots.ci.layout.setRowStretchFactor(1, 2)
        self.wave_plot.setXLink(self.prob_plot)
        self.prob_plot.setYRange(0, 1, padding=0.02)
        self.prob_plot.getAxis("left").setTicks([[(v, readable.local(f"{v:g}")) for v in (0, 0.25, 0.5, 0.75, 1)]])
        self.wave_shade = pg.BarGraphItem(**span_bars((), -1, 2, SPEECH))
        self.prob_shade = pg.BarGraphItem(**span_bars((), 0, 1, SPEECH))
        self.selected_shade = pg.BarGraphItem(**span_bars((), 0, 1, SELECTED))
        self.wave_plot.addItem(self.wave_shade)
        self.prob_plot.addItem(self.prob_shade)
        self.prob_plot.addItem(self.selected_shade)
        wave = theme.colour("muted")
        self.wave_top = pg.PlotDataItem(pen=pg.mkPen(wave))
        self.wave_bottom = pg.PlotDataItem(pen=pg.mkPen(wave))
        self.wave_fill = pg.FillBetweenItem(self.wave_top, self.wave_bottom, brush=pg.mkBrush(wave))
        for item in (self.wave_top, self.wave_bottom, self.wave_fill):
            self.wave_plot.addItem(item)
        fill = QColor(PROBABILITY)
        fill.setAlpha(45)
        self.prob_curve = pg.PlotDataItem(pen=pg.mkPen(PROBABILITY, width=2), stepMode="center",
                                          fillLevel=0, brush=pg.mkBrush(fill))
        self.prob_plot.addItem(self.prob_curve)
        self.threshold_line = pg.InfiniteLine(
            pos=SpeechSegments.threshold, angle=0, pen=pg.mkPen(THRESHOLD, width=2, style=Qt.PenStyle.DashLine),
            label=_threshold_text(SpeechSegments.threshold),
            labelOpts={"color": theme.colour("remark"), "position": 0.06, "anchors": [(0, 1), (0, 1)]})
        self.prob_plot.addItem(self.threshold_line)
        self.playheads = [pg.InfiniteLine(angle=90, pen=pg.mkPen(ink(), width=2)) for _ in range(2)]
        for plot, line in zip((self.wave_plot, self.prob_plot), self.playheads):
            line.setVisible(False)
            plot.addItem(line)

    def _recolour(self, now: theme.Theme) -> None:
        for curve in (self.wave_top, self.wave_bottom):
            curve.setPen(pg.mkPen(now.muted))
        self.wave_fill.setBrush(pg.mkBrush(now.muted))
        self.threshold_line.label.setColor(now.remark)
        for line in self.playheads:
            line.setPen(pg.mkPen(now.ink, width=2))

    # --- contract -------------------------------------------------------------------------------
    def show_result(self, result: SpeechSegments, decoded: Any = None) -> None:
        self._playback_problem = self.player.problem()  # headphones may have been plugged in since
        self._draw(result, final=True)
        self.say("")

    def show_partial(self, result: SpeechSegments) -> None:
        """Called many times while the detector runs: cheap, and the waveform is drawn only once."""
        self._draw(result, final=False)

    def show_stopped(self) -> None:
        """Stopped while listening: the segments found so far stay, and the headline says where it stopped."""
        result = self._result
        if result is not None and not self._final:
            n = len(result.segments)
            template = (translate("SpeechView", "Stopped after {heard} of {duration} s: 1 speech segment found by then")
                        if n == 1 else translate("SpeechView", "Stopped after {heard} of {duration} s: {count} speech "
                                                               "segments found by then"))
            self.headline.setText(template.format(heard=readable.local(f"{self._heard(result):.1f}"),
                                                  duration=readable.local(f"{result.duration:.1f}"), count=n))
            self.set_actions_enabled(True)

    @staticmethod
    def _heard(result: SpeechSegments) -> float:
        return min(len(result.probabilities) * result.frame_seconds, result.duration)

    def clear(self) -> None:
        super().clear()
        self.player.stop()
        self._final = True
        self._result = None
        self._wave_of = None
        self._listed = ()
        for item in (self.wave_top, self.wave_bottom, self.prob_curve):
            item.setData([], [])
        self._shade(())
        self.segment_list.clear()
        self.headline.setText("")
        self._update_play_button()

    # --- drawing --------------------------------------------------------------------------------
    def _draw(self, result: SpeechSegments, final: bool) -> None:
        self._result = result
        self.threshold_line.setValue(result.threshold)  # the one the segments were cut with
        self.threshold_line.label.setFormat(_threshold_text(result.threshold))
        duration = max(result.duration, 1e-3)
        # Repeat runs decode the same clip afresh: compare contents so the waveform is drawn only once.
        same = self._wave_of is not None and (self._wave_of is result.samples or (
            self._wave_of.shape == result.samples.shape and np.array_equal(self._wave_of, result.samples)))
        if not same:
            self._wave_of = result.samples
            draw_envelope(self.wave_top, self.wave_bottom, self.wave_plot,
                          *envelope(result.samples, result.sample_rate))
            for plot in (self.wave_plot, self.prob_plot):
                plot.setLimits(xMin=0, xMax=duration)
            self.prob_plot.setXRange(0, duration, padding=0)
        p = np.asarray(result.probabilities, dtype=float)
        self.prob_curve.setData(np.arange(len(p) + 1) * result.frame_seconds, p)
        self._shade(result.segments)
        self._fill_list(result.segments, final)
        n = len(result.segments)
        seconds = readable.local(f"{result.duration:.1f}")
        if final and not n:
            self.headline.setText(translate("SpeechView", "No speech found in {duration} s").format(duration=seconds))
        elif final:
            template = (translate("SpeechView", "1 speech segment: {speech} s of speech in {duration} s") if n == 1
                        else translate("SpeechView", "{count} speech segments: {speech} s of speech in {duration} s"))
            self.headline.setText(template.format(count=n, speech=readable.local(f"{result.speech_seconds:.1f}"),
                                                  duration=seconds))
        else:
            self.headline.setText(translate("SpeechView", "Listening… {heard} of {duration} s").format(
                heard=readable.local(f"{self._heard(result):.1f}"), duration=seconds))
        self._final = final
        self.set_actions_enabled(final)
        self._update_play_button()

    def _shade(self, segments: tuple[tuple[float, float], ...]) -> None:
        self.wave_shade.setOpts(**span_bars(segments, -1.0, 2.0, SPEECH))
        self.prob_shade.setOpts(**span_bars(segments, 0.0, 1.0, SPEECH))
        self.selected_shade.setOpts(**span_bars((), 0.0, 1.0, SELECTED))

    def _fill_list(self, segments: tuple[tuple[float, float], ...], final: bool) -> None:
        if (segments, final) == self._listed:
            return  # a partial result with nothing new: leave the list (and the selection) alone
        self._listed = (segments, final)
        row = self.segment_list.currentRow()
        self.segment_list.blockSignals(True)
        self.segment_list.clear()
        for i, (start, end) in enumerate(segments):
            self.segment_list.addItem(QListWidgetItem(_segment_text(i, start, end)))
        if not segments:
            empty = QListWidgetItem(translate("SpeechView", "No speech found") if final else
                                    translate("SpeechView", "No speech yet"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.segment_list.addItem(empty)
        elif 0 <= row < len(segments):
            self.segment_list.setCurrentRow(row)
        self.segment_list.blockSignals(False)

    def selected_segment(self) -> tuple[float, float] | None:
        row = self.segment_list.currentRow()
        if self._result is None or not 0 <= row < len(self._result.segments):
            return None
        return self._result.segments[row]

    def _segment_selected(self, row: int) -> None:
        chosen = self.selected_segment()
        self.selected_shade.setOpts(**span_bars((chosen,) if chosen else (), 0.0, 1.0, SELECTED))
        self._update_play_button()

    # --- playback and copy ----------------------------------------------------------------------
    def _update_play_button(self) -> None:
        self.play_note.setText(self._playback_problem)
        self.play_note.setVisible(bool(self._playback_problem) and self._result is not None)
        if self._playback_problem:
            self.play_button.setEnabled(False)
            self.play_button.setToolTip(self._playback_problem)
            return
        self.play_button.setEnabled(self._result is not None and len(self._result.samples) > 0)
        if self.player.playing:
            self.play_button.setText("■ " + translate("SpeechView", "Stop"))
            self.play_button.setAccessibleName(translate("SpeechView", "Stop playing"))
            self.play_button.setToolTip(translate("SpeechView", "Stop playing."))
        else:
            self.play_button.setText("▶ " + translate("SpeechView", "Play"))
            self.play_button.setAccessibleName(translate("SpeechView", "Play"))
            self.play_button.setToolTip(translate("SpeechView", "Play the chosen segment.") if self.selected_segment()
                                        else translate("SpeechView", "Play the whole recording."))

    def _play_clicked(self) -> None:
        if self.player.playing:
            self.player.stop()
            return
        if self._result is None:
            return
        rate, samples = self._result.sample_rate, self._result.samples
        chosen = self.selected_segment()
        self._play_from = chosen[0] if chosen else 0.0
        if chosen:
            samples = samples[int(chosen[0] * rate):int(chosen[1] * rate)]
        problem = self.player.play(samples, rate)
        if problem:
            self.say(problem, error=True)

    def _playing_changed(self, playing: bool) -> None:
        for line in self.playheads:
            line.setValue(self._play_from)
            line.setVisible(playing)
        self._update_play_button()

    def _position_changed(self, seconds: float) -> None:
        for line in self.playheads:
            line.setValue(self._play_from + seconds)

    def _copy(self) -> None:
        if self._result is not None:
            self.copy_text(self._result.summary(), translate("ResultView", "segment times"))
