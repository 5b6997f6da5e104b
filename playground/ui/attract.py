"""A kiosk's attract loop: while nobody is there, the models take turns on their samples under a big invitation.

A screen that sits still says nothing to someone walking past; one where a face is found, a photo named
and a sentence's language guessed, again and again, draws them in. Every few models a lesson page
takes a turn, so the idea behind the show is on the screen too. The loop starts with the kiosk and
whenever it starts over for the next visitor, and stops at the first touch, key or mouse move, which
starts the visit afresh: nothing the loop ran stays to be mistaken for the visitor's own.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from playground.lab.lesson_facts import POST, PRIVACY
from playground.ui.controller import Controller
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.plain import banner, place_banner
from playground.ui.samples import sample_files

INVITATION = QT_TRANSLATE_NOOP("AttractLoop", "Touch to try it yourself")
STEP_MS = 8000  # long enough to see an answer and read the headline, short enough to keep moving
MODELS_PER_LESSON = 3
# Lessons that read well without anyone pressing their buttons: how the last model's numbers became its
# answer, and where the data stays.
LESSONS = (POST.id, PRIVACY.id)
BANNER_STYLE = ("background: rgba(0, 114, 178, 230); color: white; font-size: 40px; font-weight: bold;"
                "padding: 24px; border-radius: 16px;")

Turn = tuple[str, Path | None]  # (a model and its sample) or (a lesson's topic, None)


class AttractLoop(QObject):
    def __init__(self, window: QWidget, controller: Controller, step_ms: int = STEP_MS,
                 show_lesson: Callable[[str], object] | None = None,
                 hide_lessons: Callable[[], None] | None = None) -> None:
        super().__init__(window)
        self._controller = controller
        self._show_lesson, self._hide_lessons = show_lesson, hide_lessons
        self.banner = banner(window, "attract_banner", BANNER_STYLE, translate("AttractLoop", INVITATION))
        self.timer = QTimer(self)
        self.timer.setInterval(step_ms)
        self.timer.timeout.connect(self.step)
        self._turns: Iterator[Turn] = iter(())
        self.allowed: set[str] | None = None  # the models visitors see (the operator's choice); None: all

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def turns(self) -> list[Turn]:
        """Each shown model's first sample, in the picker's order (models that need drawing have none), with a
        lesson after every few models where lessons can be shown."""
        cards = [card for card in self._controller.catalog.cards if self._controller.installed(card)
                 and (self.allowed is None or card.id in self.allowed)]
        models: list[Turn] = [(card.id, samples[0]) for card in cards if (samples := sample_files(card))]
        if self._show_lesson is None or not models:
            return models
        lessons = itertools.cycle(LESSONS)
        turns: list[Turn] = []
        for i, turn in enumerate(models, 1):
            turns.append(turn)
            if i % MODELS_PER_LESSON == 0 or i == len(models):
                turns.append((next(lessons), None))
        return turns

    def start(self) -> None:
        turns = self.turns()
        if not turns:
            return
        self._turns = itertools.cycle(turns)
        self.banner.show()
        self.timer.start()
        self.step()

    def stop(self) -> None:
        self.timer.stop()
        self.banner.hide()

    def step(self) -> None:
        name, sample = next(self._turns)
        if sample is None:
            if self._show_lesson is not None:
                page = getattr(self._show_lesson(name), "current", None)
                if page is not None and hasattr(page, "demonstrate"):  # a page whose point needs its button pressed
                    page.demonstrate()
        else:
            if self._hide_lessons is not None:
                self._hide_lessons()
            self._controller.select_model(name)
            self._controller.set_input(sample, sample.name, "sample")
        place_banner(self.banner, -220, 760, 110)  # in front of a lesson too; the window may have been resized
