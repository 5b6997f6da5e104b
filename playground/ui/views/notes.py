"""NotesView: the notes heard, as a piano roll and a list, played back as tones or as the recording."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QStyle, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from playground.core import readable
from playground.core.results import Note, Notes
from playground.tasks.note_sound import synthesize
from playground.ui import theme
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.plain import PlainLabel
from playground.ui.scale import relative_font
from playground.ui.views.base import ResultView
from playground.ui.widgets.audio import ClipPlayer
from playground.ui.widgets.piano_roll import PianoRoll

NAMED_IN_HEADLINE = 8  # a tune this short is read out note by note in the headline
SILENT = 1e-4  # a peak below this (-80 dBFS) is silence, whatever the file says


COLUMNS = (QT_TRANSLATE_NOOP("NotesView", "Note"), QT_TRANSLATE_NOOP("NotesView", "Start (s)"),
           QT_TRANSLATE_NOOP("NotesView", "End (s)"), QT_TRANSLATE_NOOP("NotesView", "Pitch (Hz)"))
LEGEND = QT_TRANSLATE_NOOP("NotesView", "Each bar is a note; the dark tick marks where it starts. The pale blue shows "
                                        "how sure the model was that a key sounded.")


def note_row(note: Note) -> list[str]:
    return [note.name, readable.local(f"{note.start:.2f}"), readable.local(f"{note.end:.2f}"),
            f"{note.hz:.0f}" if note.hz else ""]


def headline(result: Notes) -> str:
    notes = result.notes
    if not notes:
        if float(np.abs(result.samples).max(initial=0.0)) < SILENT:
            return translate("NotesView", "No notes: the recording is silent")
        return translate("NotesView", "No notes found in {seconds} s").format(
            seconds=readable.local(f"{result.duration:.1f}"))
    n = len(notes)
    if n <= NAMED_IN_HEADLINE:
        names = " ".join(x.name for x in notes)  # note names (C4, F#5) are the same in every language here
        return (translate("NotesView", "1 note: {names}").format(names=names) if n == 1 else
                translate("NotesView", "{count} notes: {names}").format(count=n, names=names))
    low, high = min(notes, key=lambda x: x.midi), max(notes, key=lambda x: x.midi)
    return translate("NotesView", "{count} notes from {low} to {high} in {seconds} s").format(
        count=n, low=low.name, high=high.name, seconds=readable.local(f"{result.duration:.1f}"))


def _item(note: Note) -> QTreeWidgetItem:
    item = QTreeWidgetItem(note_row(note))
    for column in range(1, len(COLUMNS)):  # numbers line up on their decimal point
        item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class NotesView(ResultView):
    """Shows a Notes result; fills in while a long recording is still being read (show_partial)."""

    shows_partial = True
    result_type = Notes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("NotesView", "Notes found in the recording"))
        self._result: Notes | None = None
        self._listed: tuple[Any, ...] = ()
        row = QHBoxLayout()
        left = QVBoxLayout()
        self.roll = PianoRoll(self)
        left.addWidget(self.roll, 1)
        self.legend = PlainLabel(translate("NotesView", LEGEND), self)
        self.legend.setWordWrap(True)
        theme.themed(self.legend, "muted")
        left.addWidget(self.legend)
        row.addLayout(left, 3)
        self.note_list = QTreeWidget(self)
        self.note_list.setAccessibleName(translate("NotesView", "Notes, in order"))
        columns = [translate("NotesView", column) for column in COLUMNS]
        self.note_list.setHeaderLabels(columns)
        self.note_list.setRootIsDecorated(False)
        self.note_list.setUniformRowHeights(True)  # thousands of rows in a long piece stay quick to scroll
        self.note_list.setAlternatingRowColors(True)
        header = self.note_list.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # spare width goes to the names, not
        header.setStretchLastSection(False)  # between the numbers
        relative_font(self.note_list, 1)
        # Wide enough for a row of a quarter-hour recording in the list's own font, whatever its size.
        metrics = self.note_list.fontMetrics()
        widest = sum(max(metrics.horizontalAdvance(a), metrics.horizontalAdvance(b)) + 14  # + cell margins
                     for a, b in zip(columns, note_row(Note(888.88, 899.99, 61, 1.0, 4186.0))))
        scroll_bar = self.note_list.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.note_list.setMinimumWidth(widest + scroll_bar + 6)
        self.note_list.setMaximumWidth(widest + scroll_bar + 60)  # the piano roll gets the rest
        self.note_list.itemSelectionChanged.connect(self._note_selected)
        row.addWidget(self.note_list, 1)
        self.body.addLayout(row, 1)
        self.play_note = self.add_play_note()
        self.player = ClipPlayer(self)
        self._playback_problem = self.player.problem()
        self._playing = ""  # "notes" or "recording" while one plays
        self.player.playing_changed.connect(self._playing_changed)
        self.player.position_changed.connect(self.roll.set_playhead)
        self.play_notes_button = self.add_action("▶ " + translate("NotesView", "Play notes"), self._play_notes)
        self.play_recording_button = self.add_action("▶ " + translate("NotesView", "Play recording"),
                                                     self._play_recording)
        self.copy_button = self.add_action(translate("NotesView", "Copy notes"), self._copy, translate(
            "NotesView", "Copy the notes as a table (start, end, note, MIDI number, pitch, amplitude)."))
        self.finish_actions()
        self.clear()

    # --- contract -------------------------------------------------------------------------------
    def show_result(self, result: Notes, decoded: Any = None) -> None:
        self._playback_problem = self.player.problem()  # headphones may have been plugged in since
        self._draw(result)
        self.say("")

    def show_partial(self, result: Notes) -> None:
        """Called while a long recording is read: the roll and list grow, the buttons wait for the end."""
        self._draw(result)

    def show_stopped(self) -> None:
        """The run was stopped while a partial result was shown: say so instead of "Listening…"."""
        result = self._result
        if result is not None and not result.finished:
            n = len(result.notes)
            template = (translate("NotesView", "Stopped after {heard} of {duration} s: 1 note found by then")
                        if n == 1 else
                        translate("NotesView", "Stopped after {heard} of {duration} s: {count} notes found by then"))
            self.headline.setText(template.format(heard=readable.local(f"{result.heard:.1f}"),
                                                  duration=readable.local(f"{result.duration:.1f}"), count=n))

    def clear(self) -> None:
        super().clear()
        self.player.stop()
        self._result = None
        self._listed = ()
        self.roll.clear_roll()
        self.note_list.clear()
        self._update_buttons()

    # --- drawing --------------------------------------------------------------------------------
    def _draw(self, result: Notes) -> None:
        self._result = result
        self.roll.show_notes(result)
        self._fill_list(result)
        if result.finished:
            self.headline.setText(headline(result))
        else:
            n = len(result.notes)
            template = (translate("NotesView", "Listening… {heard} of {duration} s, 1 note so far") if n == 1 else
                        translate("NotesView", "Listening… {heard} of {duration} s, {count} notes so far"))
            self.headline.setText(template.format(heard=readable.local(f"{result.heard:.1f}"),
                                                  duration=readable.local(f"{result.duration:.1f}"), count=n))
        self.set_actions_enabled(result.finished)
        self._update_buttons()

    def _fill_list(self, result: Notes) -> None:
        key = (result.notes, result.finished)
        if key == self._listed:
            return  # nothing new: leave the list (and the selection) alone
        before, self._listed = self._listed, key
        shown = before[0] if before and not before[1] else ()
        if shown and not result.finished and result.notes[:len(shown)] == shown:
            # A long recording's preview only adds notes after those shown: thousands of rows are not
            # rebuilt ten times a second.
            self.note_list.addTopLevelItems([_item(note) for note in result.notes[len(shown):]])
            return
        chosen = self.selected_note()
        self.note_list.blockSignals(True)
        self.note_list.clear()
        self.note_list.addTopLevelItems([_item(note) for note in result.notes])
        if not result.notes:
            empty = QTreeWidgetItem([translate("NotesView", "No notes found") if result.finished else
                                     translate("NotesView", "No notes yet")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.note_list.addTopLevelItem(empty)
        elif chosen in result.notes:
            item = self.note_list.topLevelItem(result.notes.index(chosen))
            assert item is not None, "every note was just listed"
            self.note_list.setCurrentItem(item)
        self.note_list.blockSignals(False)
        self.roll.select(self.selected_note())

    def selected_note(self) -> Note | None:
        """The note the person picked in the list (the list's keyboard cursor alone picks nothing)."""
        rows = [self.note_list.indexOfTopLevelItem(item) for item in self.note_list.selectedItems()]
        if self._result is None or not rows or not 0 <= rows[0] < len(self._result.notes):
            return None
        return self._result.notes[rows[0]]

    def _note_selected(self) -> None:
        self.roll.select(self.selected_note())

    # --- playback and copy ----------------------------------------------------------------------
    def _update_buttons(self) -> None:
        problem = self._playback_problem
        self.play_note.setText(problem)
        self.play_note.setVisible(bool(problem) and self._result is not None)
        done = self._result if self._result is not None and self._result.finished else None
        buttons = ((self.play_notes_button, "notes", translate("NotesView", "Play notes"),
                    translate("NotesView", "Play the notes found, as plain tones."),
                    done is not None and bool(done.notes)),
                   (self.play_recording_button, "recording", translate("NotesView", "Play recording"),
                    translate("NotesView", "Play the recording itself."), done is not None and len(done.samples) > 0))
        for button, what, text, tip, usable in buttons:
            playing = self._playing == what
            button.setEnabled(bool(usable) and not problem)
            button.setText("■ " + translate("NotesView", "Stop") if playing else f"▶ {text}")
            button.setAccessibleName(translate("NotesView", "Stop playing") if playing else text)
            button.setToolTip(problem or (translate("NotesView", "Stop playing.") if playing else tip))
        self.copy_button.setEnabled(done is not None and bool(done.notes))

    def _play_notes(self) -> None:
        if self._result is not None:
            self._toggle("notes", lambda r: synthesize(r.notes, r.duration, r.sample_rate))

    def _play_recording(self) -> None:
        if self._result is not None:
            self._toggle("recording", lambda r: r.samples)

    def _toggle(self, what: str, clip: Any) -> None:
        if self.player.playing:
            stopping = self._playing
            self.player.stop()
            if stopping == what:
                return  # the button said "Stop"
        result = self._result
        assert result is not None, "the play buttons call this only with a result"
        self._playing = what
        problem = self.player.play(clip(result), result.sample_rate)
        if problem:
            self._playing = ""
            self.say(problem, error=True)
        self._update_buttons()

    def _playing_changed(self, playing: bool) -> None:
        if not playing:
            self._playing = ""
        self.roll.set_playhead(0.0 if playing else None)
        self._update_buttons()

    def _copy(self) -> None:
        if self._result is not None and self._result.notes:
            self.copy_text(self._result.text(), translate("ResultView", "notes"))
