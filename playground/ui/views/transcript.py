"""TranscriptView: what was said, sentence by sentence in large text with its time, and playback that seeks to a
sentence; the recording's waveform above it. The sentences are the transcript: one list, not the text twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from playground.core import readable
from playground.core.errors import InputError
from playground.core.export import save_result
from playground.core.results import Phrase, Transcript
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.plain import PlainLabel
from playground.ui.scale import relative_font
from playground.ui.views.base import ResultView, suggested_name, writable_problem
from playground.ui.widgets.audio import ClipPlayer
from playground.ui.widgets.unsure_text import UNSURE_ROLE, UnsureDelegate
from playground.ui.widgets.wave_strip import WaveStrip

LONG_PLAY_S = 300.0
WRITING = QT_TRANSLATE_NOOP("TranscriptView", "Writing down what was said…")


def clock(seconds: float) -> str:
    """3725.4 s as "1:02:05.4", 65.2 s as "1:05.2": for recordings a minute long or more."""
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(int(minutes), 60)
    return readable.local(f"{hours}:{minutes:02d}:{secs:04.1f}" if hours else f"{minutes}:{secs:04.1f}")


def length(seconds: float, minutes: bool) -> str:
    return clock(seconds) if minutes else readable.local(f"{seconds:.1f} s")


def _recording(result: Transcript) -> object:
    """What a result was heard from: a new recording redraws the waveform, a partial result of it does not."""
    return result.long if result.long is not None else result.samples


def sentence_row(phrase: Phrase, minutes: bool = False) -> str:
    if minutes:
        return f"{clock(phrase.start):>9} – {clock(phrase.end)}    {phrase.text}"
    return readable.local(f"{phrase.start:6.1f} – {phrase.end:.1f} s") + f"    {phrase.text}"


class TranscriptView(ResultView):
    shows_partial = True
    result_type = Transcript

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("TranscriptView", "Transcript"))
        self.wave = WaveStrip(translate("TranscriptView", "The recording: click to play from there"), self)
        self.wave.seek.connect(self.play_from)
        self.body.addWidget(self.wave)
        self.pieces = QListWidget(self)
        self.pieces.setAccessibleName(translate("TranscriptView", "What was said, sentence by sentence with its time; "
                                                                  "press Enter to play one"))
        self.pieces.setToolTip(translate("TranscriptView", "Click a sentence to hear it."))
        self.pieces.setWordWrap(True)  # a long sentence wraps at the width there is, never behind a scroll bar
        self.pieces.setSpacing(2)
        relative_font(self.pieces, 3)  # the answer itself: as large as the reply of the chat
        # The words the model was unsure of are underlined, as a spelling checker marks a word.
        self.pieces.setItemDelegate(UnsureDelegate(self.pieces))
        self.pieces.itemClicked.connect(self._row_clicked)
        self.pieces.itemActivated.connect(self._row_clicked)
        self.body.addWidget(self.pieces, 1)
        self.empty = PlainLabel("", self)  # nothing heard: what to try instead
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.body.addWidget(self.empty)
        self.play_note = self.add_play_note()
        self.player = ClipPlayer(self)
        self.player.playing_changed.connect(self._playing_changed)
        self.player.position_changed.connect(self._position_changed)
        self._offset = 0.0  # where in the recording the clip being played starts
        self._result: Transcript | None = None
        self._decoded: Any = None
        self.play_button = self.add_action("▶ " + translate("TranscriptView", "Play"), self._play_clicked,
                                           translate("TranscriptView", "Play the recording."))
        self.copy_button = self.add_action(translate("TranscriptView", "Copy text"), self._copy,
                                           translate("TranscriptView", "Copy what was said."))
        self.add_action(translate("TranscriptView", "Save text…"), self._save_clicked,
                        translate("TranscriptView", "Save what was said as text, or with its times as subtitles "
                                                    "(.srt)."),
                        saves=True)
        self.finish_actions()
        self.clear()

    # --- contract -------------------------------------------------------------------------------
    def show_result(self, result: Transcript, decoded: Any = None) -> None:
        self._decoded = decoded
        self._fill(result)
        if result.text:
            unsure = len(result.unsure)
            template = (translate("TranscriptView", "What was said in {length}") if not unsure else
                        translate("TranscriptView", "What was said in {length} — 1 word it was unsure of, underlined")
                        if unsure == 1 else
                        translate("TranscriptView", "What was said in {length} — {count} words it was unsure of, "
                                                    "underlined"))
            self.headline.setText(template.format(length=length(result.duration, result.duration >= 60), count=unsure))
        else:
            self.headline.setText(translate("TranscriptView", "No words were heard"))
        self.empty.setText("" if result.text else translate(
            "TranscriptView", "The recording has no speech the model could make out. Try a recording of someone "
                              "speaking English, close to the microphone."))
        self.empty.setVisible(not result.text)
        self.set_actions_enabled(True)
        self.copy_button.setEnabled(bool(result.text))
        self._update_play_button()
        self.say("")

    def show_partial(self, result: Transcript) -> None:
        self._fill(result)
        self.headline.setText(translate("TranscriptView", WRITING))

    def show_stopped(self) -> None:
        """Stopped while writing: what was written so far stays, and the headline says it is not all."""
        if self._result is not None and self.headline.text() == translate("TranscriptView", WRITING):
            n = len(self._said())
            self.headline.setText(
                translate("TranscriptView", "Stopped: 1 sentence written down before the Stop") if n == 1 else
                translate("TranscriptView", "Stopped: {count} sentences written down before the Stop").format(count=n))
            self.set_actions_enabled(True)
            self.copy_button.setEnabled(n > 0)
            self._update_play_button()

    def clear(self) -> None:
        super().clear()
        self.player.stop()
        self._result = None
        self._decoded = None  # the input it was given: a person's photo or recording
        self.empty.hide()
        self.pieces.clear()
        self.wave.clear()
        self._update_play_button()

    def _fill(self, result: Transcript) -> None:
        fresh = self._result is None or _recording(self._result) is not _recording(result)
        self._result = result
        if fresh:
            self.player.stop()
            if result.long is None:
                self.wave.set_audio(result.samples, result.sample_rate)
            elif result.envelope is not None:
                self.wave.set_envelope(*result.envelope, duration=result.duration)
        said = [p for p in result.phrases if p.text]
        self.wave.set_spans([(p.start, p.end) for p in said])
        minutes = result.duration >= 60
        rows = [sentence_row(phrase, minutes) for phrase in said]
        # Only what changed: while it is written the last sentence grows, and earlier ones stay put (and selected).
        for index, (row, phrase) in enumerate(zip(rows, said)):
            item = self.pieces.item(index)
            if item is None:
                item = QListWidgetItem(row)
                self.pieces.addItem(item)
            elif item.text() != row:
                item.setText(row)
            if item.data(UNSURE_ROLE) != phrase.unsure:
                item.setData(UNSURE_ROLE, phrase.unsure)
                words, start = ", ".join(phrase.unsure), length(phrase.start, minutes)  # the words are the model's
                item.setToolTip(translate("TranscriptView", "Play from {time}. The model was unsure of: {words}.")
                                .format(time=start, words=words) if phrase.unsure else
                                translate("TranscriptView", "Play from {time}.").format(time=start))
                # A screen reader hears the doubt too, not only sees a dotted line.
                item.setData(Qt.ItemDataRole.AccessibleTextRole,
                             translate("TranscriptView", "{row} (unsure of: {words})").format(row=row, words=words)
                             if phrase.unsure else row)
        while self.pieces.count() > len(rows):
            self.pieces.takeItem(self.pieces.count() - 1)

    # --- playback -------------------------------------------------------------------------------
    def _update_play_button(self) -> None:
        problem = self.player.problem() if self._result is not None else ""
        self.play_note.setText(problem)
        self.play_note.setVisible(bool(problem))
        playable = self._result is not None and self._result.duration > 0 and not problem
        self.play_button.setEnabled(playable)
        self.play_button.setToolTip(problem or (translate("TranscriptView", "Stop playing.") if self.player.playing
                                                else translate("TranscriptView", "Play the recording.")))
        self.play_button.setText("■ " + translate("TranscriptView", "Stop") if self.player.playing else
                                 "▶ " + translate("TranscriptView", "Play"))

    def play_from(self, seconds: float) -> None:
        """Play the recording from `seconds` on (a clicked sentence, a click on the waveform)."""
        if self._result is None or self._result.duration <= 0:
            return
        rate, long = self._result.sample_rate, self._result.long
        self._offset = min(max(seconds, 0.0), self._result.duration)
        # A long recording stays in its file: a few minutes from the chosen moment are read to be played.
        clip = (self._result.samples[int(self._offset * rate):] if long is None
                else long.read(self._offset, LONG_PLAY_S))
        problem = self.player.play(clip, rate)
        if problem:
            self.say(problem, error=True)
        self._position_changed(0.0)

    def _play_clicked(self) -> None:
        if self.player.playing:
            self.player.stop()
        else:
            self.play_from(0.0)

    def _row_clicked(self, item: QListWidgetItem) -> None:
        said = self._said()
        row = self.pieces.row(item)
        if 0 <= row < len(said):
            self.play_from(said[row].start)

    def _said(self) -> list[Phrase]:
        return [p for p in self._result.phrases if p.text] if self._result else []

    def _playing_changed(self, playing: bool) -> None:
        if not playing:
            self.wave.show_playhead(None)
            self.wave.choose(None)
        self._update_play_button()

    def _position_changed(self, seconds: float) -> None:
        """Move the playhead and light up the sentence being heard."""
        if not self.player.playing:
            return
        now = self._offset + seconds
        self.wave.show_playhead(now)
        said = self._said()
        current = next((i for i, p in enumerate(said) if p.start <= now < p.end), -1)
        self.wave.choose((said[current].start, said[current].end) if current >= 0 else None)
        if current >= 0 and self.pieces.currentRow() != current:
            self.pieces.setCurrentRow(current)

    # --- copy and save --------------------------------------------------------------------------
    def save_to(self, path: str) -> bool:
        """Plain text, or SubRip subtitles with the times when the name ends in .srt."""
        target = Path(path)
        if target.suffix.lower() not in (".txt", ".srt"):
            target = target.with_name(target.name + ".txt")
        if self._result is None or not self._result.text:
            self.say(translate("TranscriptView", "There are no words to save yet; run the model on a recording with "
                                                 "speech."), error=True)
            return False
        what = (translate("ResultView", "subtitles") if target.suffix.lower() == ".srt" else
                translate("ResultView", "text"))
        problem = writable_problem(target)
        if not problem:
            try:
                save_result(self._result, target)
            except InputError as exc:
                problem = str(exc)
        if problem:
            self.say(problem, error=True)
            return False
        self.say(translate("ResultView", "Saved the {what} to “{name}”.").format(what=what, name=target.name))
        return True

    def _save_clicked(self) -> None:
        if self._result is not None:
            path = self.ask_save_path(translate("TranscriptView", "Save text"),
                                      suggested_name(self._decoded, "transcript", "txt"),
                                      translate("TranscriptView", "Text file (*.txt);;Subtitles with times (*.srt)"))
            if path:
                self.save_to(path)

    def _copy(self) -> None:
        if self._result is not None and self._result.text:
            self.copy_text(self._result.text, translate("ResultView", "text"))
