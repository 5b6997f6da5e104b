"""TranscriptView: what was said, in large selectable text, with each piece's time; copy and save."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QListWidget, QPlainTextEdit, QWidget

from playground.core.results import Transcript
from playground.ui.views.base import ResultView, bigger_font, suggested_name


class TranscriptView(ResultView):
    result_type = Transcript

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Transcript")
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName("What was said")
        bigger_font(self.text, 4)
        self.body.addWidget(self.text, 2)
        self.times_label = QLabel("Piece by piece:", self)
        self.body.addWidget(self.times_label)
        self.pieces = QListWidget(self)
        self.pieces.setAccessibleName("Pieces with their times")
        self.body.addWidget(self.pieces, 1)
        self._result: Transcript | None = None
        self._decoded: Any = None
        self.copy_button = self.add_action("Copy text", self._copy, "Copy what was said.")
        self.add_action("Save text…", self._save_clicked, "Save what was said as a text file.", saves=True)
        self.finish_actions()
        self.clear()

    def show_result(self, result: Transcript, decoded: Any = None) -> None:
        self._decoded = decoded
        self._fill(result)
        if result.text:
            self.headline.setText(f"What was said in {result.duration:.1f} s")
        else:
            self.headline.setText("No words were heard")
            self.text.setPlainText("The recording has no speech the model could make out. Try a recording of "
                                   "someone speaking English, close to the microphone.")
        self.set_actions_enabled(True)
        self.copy_button.setEnabled(bool(result.text))
        self.say("")

    def show_partial(self, result: Transcript) -> None:
        self._fill(result)
        self.headline.setText("Writing down what was said…")

    def _fill(self, result: Transcript) -> None:
        self._result = result
        if self.text.toPlainText() != result.text:
            self.text.setPlainText(result.text)
        self.pieces.clear()
        for phrase in result.phrases:
            self.pieces.addItem(f"{phrase.start:5.1f}–{phrase.end:5.1f} s   {phrase.text}")

    def clear(self) -> None:
        super().clear()
        self._result = None
        self.text.clear()
        self.pieces.clear()

    def save_to(self, path: str) -> bool:
        return self.save_text(self._result.text + "\n" if self._result and self._result.text else "", path, "text")

    def _save_clicked(self) -> None:
        if self._result is not None:
            path = self.ask_save_path("Save text", suggested_name(self._decoded, "transcript", "txt"),
                                      "Text file (*.txt)")
            if path:
                self.save_to(path)

    def _copy(self) -> None:
        if self._result is not None and self._result.text:
            self.copy_text(self._result.text, "text")
