"""The privacy lesson: where the person's input is right now, what reached for a network (nothing), what was
written to disk, and a button that forgets everything of theirs, for a presenter in front of an audience."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from playground.core.disk_log import disk_log
from playground.core.explainers import literal
from playground.core.netwatch import watch
from playground.lab import lesson_facts
from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.inputs import InputChoice
from playground.ui.lessons.page import LessonPage
from playground.ui.scale import relative_font
from playground.ui.settings import Settings


def where_it_is(choice: InputChoice | None) -> str:
    """Where the input lives right now, as a Markdown sentence (outside names made literal)."""
    if choice is None:
        return "You have not given it anything yet."
    source = choice.source
    if isinstance(source, Path):
        whose = "A sample that came with the playground" if choice.origin == "sample" else "Your file"
        return (f"{whose}, **{literal(source.name)}**, read from {literal(str(source.parent))}: the playground "
                "read it into memory and made no copy of it.")
    if isinstance(source, str):
        return (f"Text you typed or pasted ({len(source):,} characters), held in this program's memory only: "
                "never written to disk, gone when you forget it or close the playground.")
    pixels = getattr(source, "pixels", source)
    if isinstance(pixels, np.ndarray) and pixels.ndim >= 2:
        return (f"A picture you pasted, drew or took with the camera ({pixels.shape[1]} × {pixels.shape[0]} "
                "pixels), held in this program's memory only: never written to disk.")
    return "Something you gave it, held in this program's memory only: never written to disk."


class PrivacyPage(LessonPage):
    topic = lesson_facts.PRIVACY

    def __init__(self, controller: Controller, settings: Settings, experiments: Experiments,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, settings, experiments, parent)
        self.forgotten = ""
        self.forget_button = self.button("Forget everything now", self.forget,
                                         "Clear your input, the answers, the runs and the clipboard")
        self.forget_button.setStyleSheet("padding: 8px 18px;")
        relative_font(self.forget_button, 4)
        self.button_row(self.forget_button)
        controller.input_changed.connect(self._refresh_soon)
        # The count is live: a request at any moment shows here within two seconds.
        self._live = QTimer(self, interval=2000)
        self._live.timeout.connect(self._refresh_soon)
        self._live.start()

    def forget(self) -> None:
        """Ask the window to forget the visitor (it also empties the clipboard); the page made afresh after
        it says what went."""
        runs = len(self.controller.session_log.runs)
        had_input = self.controller.input is not None
        self.controller.forget_requested.emit(
            f"Done: {'your input, ' if had_input else ''}{runs} run{'' if runs == 1 else 's'} and their answers "
            "are gone from this program.")

    def confirm(self, sentence: str) -> None:
        self.forgotten = sentence
        self.refresh()

    def lesson_facts(self) -> dict[str, str]:
        watched = watch()
        watched.check_sockets()
        downloads = tuple(f"{', '.join(d.model_ids)} at {time.strftime('%H:%M', time.localtime(d.started))}"
                          for d in self.controller.fetcher.downloads)
        return lesson_facts.privacy_facts(where_it_is(self.controller.input), len(watched.attempts),
                                          watched.summary(), [w.path.name for w in disk_log().written],
                                          self.forgotten, downloads)
