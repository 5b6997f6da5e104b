"""The guided tour page: one step at a time (do this, then see what changed), with Back, Next and progress;
each step ticks itself off when the window shows it was done."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from playground.core import explainers
from playground.core.compare import headline
from playground.core.guide import GUIDE, GuideState, Step, int8_sentence, load_guide
from playground.core.pipeline import Outcome
from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.lessons.page import LessonPage
from playground.ui.plain import PlainLabel
from playground.ui.settings import Settings


class GuidePage(LessonPage):
    topic = GUIDE

    def __init__(self, controller: Controller, settings: Settings, experiments: Experiments,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, settings, experiments, parent)
        self.steps: tuple[Step, ...] = load_guide()
        self.index = 0
        self.answers: dict[str, str] = {}
        row = QHBoxLayout()
        self.back_button = QPushButton("← Back", self)
        self.back_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button = QPushButton("Next →", self)
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, len(self.steps))
        self.progress.setFormat("Step %v of %m")
        self.progress.setAccessibleName("Where you are in the tour")
        for widget in (self.back_button, self.progress, self.next_button):
            row.addWidget(widget)
        self.figure_slot.addLayout(row)
        self.tick = PlainLabel("", self)
        self.tick.setAccessibleName("Step done")
        self.tick.setStyleSheet("color: #1b5e20; font-weight: bold; font-size: 13pt;")
        self.figure_slot.addWidget(self.tick)
        self.browser.setStyleSheet("font-size: 13pt;")  # read from a step back, at a workshop table
        controller.result_ready.connect(self._on_result)
        self.go(0)

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    def go(self, index: int) -> None:
        self.index = max(0, min(len(self.steps) - 1, index))
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.steps) - 1)
        self.progress.setValue(self.index + 1)
        self.refresh()

    def _on_result(self, outcome: Outcome) -> None:
        self.answers[outcome.record.model_id] = headline(outcome.result)
        self._refresh_soon()

    def state(self) -> GuideState:
        c = self.controller
        records = c.history.records
        card = c.card
        return GuideState(card.id if card else "", tuple(card.tags) if card else (), card.task if card else "",
                          len(records), sum(1 for r in records if not r.cold),
                          frozenset(r.threads for r in records), dict(self.answers))

    def lesson_facts(self) -> dict[str, str]:
        state, step, c = self.state(), self.step, self.controller
        done = step.is_done(state)
        self.tick.setText("✓ Done" if done else "")
        base = c.card.compare_with[0] if c.card is not None and c.card.compare_with else ""
        facts = {**explainers.facts(c.history, c.sampler, c.card, c.load_ns),
                 "int8_sentence": int8_sentence(state, base)}
        status = explainers.fill(step.done_text, facts) if done else "*Waiting for you to do this in the main window.*"
        return {"step_number": str(self.index + 1), "step_count": str(len(self.steps)), "step_title": step.title,
                "step_text": step.text, "step_status": status}
