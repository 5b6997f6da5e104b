"""The privacy lesson: where the person's input is right now, what reached for a network (nothing), what was
written to disk, and a button that forgets everything of theirs, for a presenter in front of an audience."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from playground.core import readable
from playground.core.disk_log import disk_log
from playground.core.explainers import literal
from playground.core.netwatch import watch
from playground.lab import lesson_facts
from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.i18n import translate
from playground.ui.inputs import InputChoice
from playground.ui.lessons.page import LessonPage
from playground.ui.scale import relative_font
from playground.ui.settings import Settings


def where_it_is(choice: InputChoice | None) -> str:
    """Where the input lives right now, as a Markdown sentence (outside names made literal)."""
    if choice is None:
        return translate("PrivacyPage", "You have not given it anything yet.")
    source = choice.source
    if isinstance(source, Path):
        said = (translate("PrivacyPage", "A sample that came with the playground, {name}, read from {folder}: the "
                                         "playground read it into memory and made no copy of it.")
                if choice.origin == "sample" else
                translate("PrivacyPage", "Your file, {name}, read from {folder}: the playground read it into memory "
                                         "and made no copy of it."))
        return said.format(name=f"**{literal(source.name)}**", folder=literal(str(source.parent)))
    if isinstance(source, str):
        return (translate("PrivacyPage", "Text you typed or pasted (1 character), held in this program's memory "
                                         "only: never written to disk, gone when you forget it or close the "
                                         "playground.") if len(source) == 1 else
                translate("PrivacyPage", "Text you typed or pasted ({count} characters), held in this program's "
                                         "memory only: never written to disk, gone when you forget it or close the "
                                         "playground.")).format(count=readable.local(f"{len(source):,}"))
    pixels = getattr(source, "pixels", source)
    if isinstance(pixels, np.ndarray) and pixels.ndim >= 2:
        return translate("PrivacyPage", "A picture you pasted, drew or took with the camera ({width} × {height} "
                                        "pixels), held in this program's memory only: never written to disk.").format(
            width=pixels.shape[1], height=pixels.shape[0])
    return translate("PrivacyPage", "Something you gave it, held in this program's memory only: never written to "
                                    "disk.")


class PrivacyPage(LessonPage):
    topic = lesson_facts.PRIVACY

    def __init__(self, controller: Controller, settings: Settings, experiments: Experiments,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, settings, experiments, parent)
        self.forgotten = ""
        self.forget_button = self.button(translate("PrivacyPage", "Forget everything now"), self.forget,
                                         translate("PrivacyPage", "Clear your input, the answers, the runs and the "
                                                                  "clipboard"))
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
        if had_input:
            said = (translate("PrivacyPage", "Done: your input, 1 run and their answers are gone from this program.")
                    if runs == 1 else
                    translate("PrivacyPage", "Done: your input, {runs} runs and their answers are gone from this "
                                             "program."))
        else:
            said = (translate("PrivacyPage", "Done: 1 run and its answer are gone from this program.") if runs == 1 else
                    translate("PrivacyPage", "Done: {runs} runs and their answers are gone from this program."))
        self.controller.forget_requested.emit(said.format(runs=runs))

    def confirm(self, sentence: str) -> None:
        self.forgotten = sentence
        self.refresh()

    def lesson_facts(self) -> dict[str, str]:
        watched = watch()
        watched.check_sockets()
        downloads = tuple(translate("PrivacyPage", "{models} at {time}").format(
            models=", ".join(d.model_ids), time=time.strftime("%H:%M", time.localtime(d.started)))
            for d in self.controller.fetcher.downloads)
        return lesson_facts.privacy_facts(where_it_is(self.controller.input), len(watched.attempts),
                                          watched.summary(), [w.path.name for w in disk_log().written],
                                          self.forgotten, downloads)
