"""DenoisedView: before and after spectrograms, playing either with a playhead, the model's estimates, saving."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QPushButton, QWidget

from playground.core.errors import InputError
from playground.core.export import save_result
from playground.core.results import Denoised
from playground.ui import theme
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.plain import PlainLabel
from playground.ui.scale import relative_font
from playground.ui.views.base import ResultView, suggested_name
from playground.ui.widgets.audio import ClipPlayer
from playground.ui.widgets.plots import local_axes, no_keyboard_focus
from playground.ui.widgets.spectrogram import RANGE_DB, SpectrogramPlot, colour_bar, spectrogram_db

ESTIMATE = QT_TRANSLATE_NOOP("DenoisedView", "The model's own estimates: there is no clean recording to compare with.")
CAPTION = QT_TRANSLATE_NOOP("DenoisedView", "Bright is loud, dark is quiet. The speckles all over a noisy recording "
                                            "are the noise.")


def percent(share: float) -> str:
    """"23 %"; a share that only rounds up to all of it says so (">99 %")."""
    return ">99 %" if 0.995 <= share < 1.0 else f"{100 * share:.0f} %"


def headline(result: Denoised) -> str:
    if result.snr_before_db is None:
        return translate("DenoisedView", "Nothing to remove: the recording is silent")
    if result.removed_share > 0.9:
        return translate("DenoisedView", "Took away nearly everything: {percent} of the sound was noise").format(
            percent=percent(result.removed_share))
    if result.pause_reduction_db is not None:
        return translate("DenoisedView", "Noise removed: between the words it is {db} dB quieter").format(
            db=f"{result.pause_reduction_db:.0f}")
    return translate("DenoisedView", "Noise removed: the sound has {percent} less energy").format(
        percent=percent(result.removed_share))


def figures(result: Denoised) -> str:
    """The estimates as short lines a child can follow, with what a decibel means."""
    if result.snr_before_db is None:
        return ""
    lines = []
    if result.pause_reduction_db is not None:
        lines.append("• " + translate("DenoisedView", "Where nobody speaks, the sound is {db} dB quieter (every "
                                                      "10 dB sounds about half as loud).").format(
            db=f"{result.pause_reduction_db:.0f}"))
    # A net figure: the deep filter can also make a band louder, which this share has already offset.
    lines.append("• " + translate("DenoisedView", "Overall, the cleaned sound has {percent} less energy than the "
                                                  "recording: mostly noise taken away.").format(
        percent=percent(result.removed_share)))
    if result.removed_share <= 0.9:
        lines.append("• " + translate("DenoisedView", "Before cleaning, the voice was about {db} dB louder than the "
                                                      "noise.").format(db=f"{result.snr_before_db:.0f}"))
    return "\n".join(lines + [translate("DenoisedView", ESTIMATE)])


class DenoisedView(ResultView):
    """Shows a Denoised result: the original above, the cleaned recording below, on one loudness scale."""

    result_type = Denoised

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("DenoisedView", "Noise removal"))
        self.notes = PlainLabel("", self)
        self.notes.setWordWrap(True)
        theme.themed(self.notes, "remark")  # amber: a remark, not an error
        self.notes.setAccessibleName(translate("DenoisedView", "About this recording"))
        self.body.addWidget(self.notes)
        self.figures = PlainLabel("", self)
        self.figures.setWordWrap(True)
        theme.themed(self.figures, "text")
        self.figures.setAccessibleName(translate("DenoisedView", "Estimated improvement"))
        relative_font(self.figures, 1)
        self.body.addWidget(self.figures)
        self.plots = pg.GraphicsLayoutWidget(self)
        self.plots.setAccessibleName(translate("DenoisedView", "Spectrograms of the original and the cleaned "
                                                               "recording"))
        self.plots.setMinimumHeight(220)  # two spectrograms still readable in a 1024 × 640 window
        no_keyboard_focus(self.plots)
        self.before = SpectrogramPlot(self.plots.addPlot(row=0, col=0, axisItems=local_axes()),
                                      translate("DenoisedView", "Before: the original recording"))
        self.after = SpectrogramPlot(self.plots.addPlot(row=1, col=0, axisItems=local_axes()),
                                     translate("DenoisedView", "After: cleaned by the model"),
                                     translate("DenoisedView", "time (s)"))
        self.after.plot.setXLink(self.before.plot)
        self.bar = colour_bar((-RANGE_DB, 0.0))
        self.plots.addItem(self.bar, row=0, col=1, rowspan=2)
        theme.plot(self.plots, self._recolour)
        self.body.addWidget(self.plots, 1)
        self.caption = PlainLabel(translate("DenoisedView", CAPTION), self)
        self.caption.setWordWrap(True)
        theme.themed(self.caption, "muted")
        self.body.addWidget(self.caption)
        self.play_note = self.add_play_note()
        self.player = ClipPlayer(self)
        self._playback_problem = self.player.problem()
        self.player.playing_changed.connect(self._playing_changed)
        self.player.position_changed.connect(self._position_changed)
        self._playing: str = ""  # "original" or "cleaned" while one plays
        self._result: Denoised | None = None
        self._decoded: Any = None
        self._drawn: tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray, float]] | None = None
        self.play_original = self.add_action("▶ " + translate("DenoisedView", "Play original"),
                                             self._play_original_clicked,
                                             translate("DenoisedView", "Play the recording as it was."))
        self.play_cleaned = self.add_action("▶ " + translate("DenoisedView", "Play cleaned"),
                                            self._play_cleaned_clicked,
                                            translate("DenoisedView", "Play the recording with the noise taken away."))
        self.add_action(translate("DenoisedView", "Save cleaned recording…"), self._save_clicked,
                        translate("DenoisedView", "Save the cleaned recording as a WAV file."), saves=True)
        self.add_action(translate("DenoisedView", "Copy summary"), self._copy,
                        translate("DenoisedView", "Copy the estimates as text."))
        self.finish_actions()
        self.clear()

    # --- contract -------------------------------------------------------------------------------

    def _recolour(self, now: theme.Theme) -> None:
        for spectrogram in (self.before, self.after):
            spectrogram.plot.setTitle(spectrogram.plot.titleLabel.text, color=now.ink, size="11pt")
        self.bar.axis.setPen(pg.mkPen(now.ink))
        self.bar.axis.setTextPen(pg.mkPen(now.ink))
    def show_result(self, result: Denoised, decoded: Any = None) -> None:
        self.player.stop()
        self._result, self._decoded = result, decoded
        self._playback_problem = self.player.problem()  # headphones may have been plugged in since
        before, after, seconds = self._spectrograms(result)
        # One scale for both, from the original's loudest part: what the model took away turns dark.
        top = float(np.ceil(max(before.max(initial=-120.0), -120.0 + RANGE_DB) / 10.0) * 10.0)
        levels = (top - RANGE_DB, top)
        self.bar.setLevels(levels)
        self.before.show(before, seconds, result.sample_rate, levels)
        self.after.show(after, seconds, result.sample_rate, levels)
        self.headline.setText(headline(result))
        self.notes.setText("\n".join(result.notes))
        self.notes.setVisible(bool(result.notes))
        text = figures(result)
        self.figures.setText(text)
        self.figures.setVisible(bool(text))
        self.set_actions_enabled(True)
        self._update_play_buttons()
        self.say("")

    def _spectrograms(self, result: Denoised) -> tuple[np.ndarray, np.ndarray, float]:
        """Both spectrograms; repeat runs clean the same recording the same way, so they are made only once."""
        drawn = self._drawn
        if drawn is not None and all(a.shape == b.shape and (a is b or np.array_equal(a, b))
                                     for a, b in zip(drawn[0], (result.samples, result.cleaned))):
            return drawn[1]
        before, seconds = spectrogram_db(result.samples, result.sample_rate)
        after, _ = spectrogram_db(result.cleaned, result.sample_rate)
        self._drawn = ((result.samples, result.cleaned), (before, after, seconds))
        return before, after, seconds

    def clear(self) -> None:
        super().clear()
        self.player.stop()
        self._result = None
        self._decoded = None  # the input it was given: a person's photo or recording
        self._drawn = None
        self.before.clear()
        self.after.clear()
        for label in (self.notes, self.figures):
            label.setText("")
            label.hide()
        self._update_play_buttons()

    # --- playback -------------------------------------------------------------------------------
    def _buttons(self) -> dict[str, tuple[QPushButton, str, str]]:
        """Each play button with its name and its tooltip while it is not playing."""
        return {"original": (self.play_original, translate("DenoisedView", "Play original"),
                             translate("DenoisedView", "Play the recording as it was.")),
                "cleaned": (self.play_cleaned, translate("DenoisedView", "Play cleaned"),
                            translate("DenoisedView", "Play the cleaned recording."))}

    def _update_play_buttons(self) -> None:
        problem = self._playback_problem
        self.play_note.setText(problem)
        self.play_note.setVisible(bool(problem) and self._result is not None)
        for which, (button, name, tip) in self._buttons().items():
            if problem:
                button.setEnabled(False)
                button.setToolTip(problem)
                continue
            button.setEnabled(self._result is not None)
            if self._playing == which:
                button.setText("■ " + translate("DenoisedView", "Stop"))
                button.setAccessibleName(translate("DenoisedView", "Stop playing"))
                button.setToolTip(translate("DenoisedView", "Stop playing."))
            else:
                button.setText("▶ " + name)
                button.setAccessibleName(name)
                button.setToolTip(tip)

    def _play(self, which: str) -> None:
        if self._playing == which:
            self.player.stop()
            return
        if self._result is None:
            return
        samples = self._result.samples if which == "original" else self._result.cleaned
        self.player.stop()
        self._playing = which
        problem = self.player.play(samples, self._result.sample_rate)
        if problem:
            self._playing = ""
            self._playback_problem = problem
            self._update_play_buttons()
            self.say(problem, error=True)

    def _play_original_clicked(self) -> None:
        self._play("original")

    def _play_cleaned_clicked(self) -> None:
        self._play("cleaned")

    def _playing_changed(self, playing: bool) -> None:
        if not playing:
            self._playing = ""
        for plot in (self.before, self.after):
            plot.playhead.setValue(0.0)
            plot.playhead.setVisible(playing)
        self._update_play_buttons()

    def _position_changed(self, seconds: float) -> None:
        for plot in (self.before, self.after):
            plot.playhead.setValue(seconds)

    # --- saving and copying ---------------------------------------------------------------------
    def save_to(self, path: str) -> bool:
        """Writes the cleaned recording as 16-bit WAV (all or nothing) and says where it went."""
        result = self._result
        what = translate("ResultView", "cleaned recording")
        empty = "" if result is not None else self._nothing(what)

        def write(target: Path) -> bool:
            try:
                save_result(result, target)
            except InputError:
                return False
            return True

        return self._save(Path(path), ".wav", what, empty, write)

    def _save_clicked(self) -> None:
        if self._result is not None:
            path = self.ask_save_path(translate("DenoisedView", "Save cleaned recording"),
                                      suggested_name(self._decoded, "cleaned", "wav"),
                                      translate("DenoisedView", "WAV sound (*.wav)"))
            if path:
                self.save_to(path)

    def _copy(self) -> None:
        if self._result is not None:
            self.copy_text(self._result.summary(), translate("ResultView", "summary"))
