"""A kiosk's attract loop: while nobody is there, the models take turns on their samples under a big invitation.

A screen that sits still says nothing to someone walking past; one where a face is found, a photo named
and a sentence's language guessed, again and again, draws them in. It starts when the kiosk starts over
for the next visitor (and at start-up), and stops at the first touch, key or mouse move, which starts
the visit afresh: nothing the loop ran stays to be mistaken for the visitor's own.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from playground.ui.controller import Controller
from playground.ui.plain import banner, place_banner
from playground.ui.samples import sample_files

INVITATION = "Touch to try it yourself"
STEP_MS = 8000  # long enough to see an answer and read the headline, short enough to keep moving
BANNER_STYLE = ("background: rgba(0, 114, 178, 230); color: white; font-size: 40px; font-weight: bold;"
                "padding: 24px; border-radius: 16px;")


class AttractLoop(QObject):
    def __init__(self, window: QWidget, controller: Controller, step_ms: int = STEP_MS) -> None:
        super().__init__(window)
        self._controller = controller
        self.banner = banner(window, "attract_banner", BANNER_STYLE, INVITATION)
        self.timer = QTimer(self)
        self.timer.setInterval(step_ms)
        self.timer.timeout.connect(self.step)
        self._turns: Iterator[tuple[str, Path]] = iter(())
        self.allowed: set[str] | None = None  # the models visitors see (the operator's choice); None: all

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def turns(self) -> list[tuple[str, Path]]:
        """Each shown model's first sample, in the picker's order (models that need drawing have none)."""
        cards = [card for card in self._controller.catalog.cards if self._controller.installed(card)
                 and (self.allowed is None or card.id in self.allowed)]
        return [(card.id, samples[0]) for card in cards if (samples := sample_files(card))]

    def start(self) -> None:
        turns = self.turns()
        if not turns:
            return
        self._turns = itertools.cycle(turns)
        place_banner(self.banner, -220, 760, 110)
        self.banner.show()
        self.timer.start()
        self.step()

    def stop(self) -> None:
        self.timer.stop()
        self.banner.hide()

    def step(self) -> None:
        model_id, sample = next(self._turns)
        self._controller.select_model(model_id)
        self._controller.set_input(sample, sample.name, "sample")
        place_banner(self.banner, -220, 760, 110)  # the window may have been resized meanwhile
