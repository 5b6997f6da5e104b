"""The guided tour page: a tour per kind of input (photo, sound, text), one step at a time (do this, then see
what changed), with Back, Next and progress; each step ticks itself off when the window shows it was done."""

from __future__ import annotations

import os
from dataclasses import replace

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QProgressBar, QPushButton, QWidget

from playground.core import explainers
from playground.core.errors import PlaygroundError
from playground.core.pipeline import Outcome
from playground.lab.guide import GUIDE, GuideState, Run, Step, Tour, guide_facts, load_guide, run_from, tour_for
from playground.ui import theme
from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.i18n import translate
from playground.ui.lessons.page import LessonPage
from playground.ui.plain import PlainLabel
from playground.ui.scale import relative_font
from playground.ui.settings import Settings

# The chosen tour stands out in colour rather than in bold, which would overflow the button's width.


def tour_button(now: theme.Theme) -> str:
    return (f"QPushButton {{ padding: 5px 18px; border: 1px solid #8a8a8a; border-radius: 4px;"
            f" background: {now.button_back}; color: {now.text}; }}"
            "QPushButton:checked { background: #1565c0; color: white; border-color: #0d47a1; }"
            "QPushButton:focus { border-color: #0d47a1; }")
MAX_RUNS_KEPT = 1000  # repeat mode runs many times a second; the tour quotes only recent runs
RECENT = 20  # runs whose drawing time may still come in


class GuidePage(LessonPage):
    topic = GUIDE

    def __init__(self, controller: Controller, settings: Settings, experiments: Experiments,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, settings, experiments, parent)
        self.tours: tuple[Tour, ...] = load_guide()
        self.tour, self.index = self.tours[0], 0
        self.positions: dict[str, int] = {}  # tour id -> the step last shown there, to come back to
        self.chosen_by_hand = False  # once the person picks a tour, opening the page no longer follows the model
        # The window's history is emptied when another model is shown; the int8 step compares two models.
        self.seen: list[Run] = self._runs_so_far()
        self.tour_row = QHBoxLayout()
        caption = PlainLabel(translate("GuidePage", "Tour for:"), self)
        relative_font(caption, 1)
        self.tour_row.addWidget(caption)
        self.tour_group = QButtonGroup(self)
        self.tour_buttons: dict[str, QPushButton] = {}
        for tour in self.tours:  # the tours' titles come from the tour file, in the window's language
            button = QPushButton(tour.title, self)
            button.setCheckable(True)
            button.setAccessibleName(translate("GuidePage", "{tour} tour").format(tour=tour.title))
            button.setToolTip(translate("GuidePage", "The tour for models of this kind: {tour}").format(
                tour=tour.title))
            theme.themed_sheet(button, tour_button)
            relative_font(button, 1)
            button.clicked.connect(lambda _=False, t=tour: self.choose(t, by_hand=True))
            self.tour_group.addButton(button)
            self.tour_buttons[tour.id] = button
            self.tour_row.addWidget(button)
        self.tour_row.addStretch(1)
        self.figure_slot.addLayout(self.tour_row)
        row = QHBoxLayout()
        self.back_button = QPushButton(translate("GuidePage", "← Back"), self)
        self.back_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button = QPushButton(translate("GuidePage", "Next →"), self)
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.progress = QProgressBar(self)
        self.progress.setFormat(translate("GuidePage", "Step %v of %m"))  # Qt fills %v and %m
        self.progress.setAccessibleName(translate("GuidePage", "Where you are in the tour"))
        for widget in (self.back_button, self.progress, self.next_button):
            row.addWidget(widget)
        self.figure_slot.addLayout(row)
        self.tick = PlainLabel("", self)
        self.tick.setAccessibleName(translate("GuidePage", "Step done"))
        theme.themed(self.tick, "ok", "font-weight: bold; font-size: 13pt;")
        self.figure_slot.addWidget(self.tick)
        self.browser.setStyleSheet("font-size: 13pt;")  # read from a step back, at a workshop table
        controller.result_ready.connect(self._on_result)
        controller.history_changed.connect(self._sync_times)
        card = controller.card
        self.choose(tour_for(self.tours, card.modality if card else ""))

    @property
    def step(self) -> Step:
        return self.tour.steps[self.index]

    def choose(self, tour: Tour, by_hand: bool = False) -> None:
        """Show a tour at the step the person left it on (the first, the first time)."""
        self.positions[self.tour.id] = self.index
        self.chosen_by_hand = self.chosen_by_hand or by_hand
        self.tour = tour
        self.tour_buttons[tour.id].setChecked(True)
        self.progress.setRange(0, len(tour.steps))
        self.go(self.positions.get(tour.id, 0))

    def go(self, index: int) -> None:
        self.index = max(0, min(len(self.tour.steps) - 1, index))
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.tour.steps) - 1)
        self.progress.setValue(self.index + 1)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        card = self.controller.card
        if not self.chosen_by_hand and card is not None and tour_for(self.tours, card.modality) is not self.tour:
            self.choose(tour_for(self.tours, card.modality))
        super().showEvent(event)

    def _runs_so_far(self) -> list[Run]:
        """The runs already in the window when the tour opens; only the last one's answer is still known."""
        c = self.controller
        last = c.last_outcome
        return [run_from(r, last.result, last.decoded) if last is not None and last.record.started_ns == r.started_ns
                else run_from(r) for r in c.history.records]

    def _on_result(self, outcome: Outcome) -> None:
        self.seen.append(run_from(outcome.record, outcome.result, outcome.decoded))
        del self.seen[:-MAX_RUNS_KEPT]
        self._refresh_soon()

    def _sync_times(self) -> None:
        """The window adds a run's drawing time once it is on screen: quote the time its graph shows, also
        after the graph has moved on to another model."""
        shown = {r.started_ns: r.total_ns / 1e6 for r in self.controller.history.records[-RECENT:]}
        for k in range(max(0, len(self.seen) - RECENT), len(self.seen)):
            run = self.seen[k]
            if run.started_ns in shown:
                self.seen[k] = replace(run, ms=shown[run.started_ns])

    def state(self) -> GuideState:
        c = self.controller
        card = c.card
        sizes: dict[str, int] = {}
        for model_id in ((card.id, *card.compare_with) if card else ()):
            try:
                sizes[model_id] = c.catalog.get(model_id).size_bytes
            except (PlaygroundError, OSError):
                sizes[model_id] = 0  # a twin without a card or its files: no size is claimed
        return GuideState(card.id if card else "", tuple(card.tags) if card else (), card.task if card else "",
                          os.cpu_count() or 1, tuple(self.seen), sizes)

    def lesson_facts(self) -> dict[str, str]:
        state, step, c = self.state(), self.step, self.controller
        done = step.is_done(state)
        self.tick.setText(translate("GuidePage", "✓ Done") if done else "")
        base = c.card.compare_with[0] if c.card is not None and c.card.compare_with else ""
        facts = {**explainers.facts(c.history, c.sampler, c.card, c.load_ns), **guide_facts(state, base)}
        waiting = translate("GuidePage", "Waiting for you to do this in the main window.")
        status = explainers.fill(step.done_text, facts) if done else f"*{waiting}*"
        return {"tour_title": self.tour.title, "step_number": str(self.index + 1),
                "step_count": str(len(self.tour.steps)), "step_title": step.title,
                "step_text": explainers.fill(step.text, facts), "step_status": status}
