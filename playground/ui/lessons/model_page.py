"""The model-facts lesson: a profiled run of the current model on its input — operations, the speed reached
against this machine's peak, where the time goes by kind of step, memory — and a plain verdict."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from playground.core import readable
from playground.core.results import Generation
from playground.lab import lesson_facts, lesson_model
from playground.lab.graph_cost import ModelProfile
from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.i18n import translate
from playground.ui.lessons.page import LessonPage
from playground.ui.lessons.time_bars import TimeBars
from playground.ui.settings import Settings

SHOWN_OPS = 6  # the slowest kinds of step; the rest are a sliver each


class ModelPage(LessonPage):
    topic = lesson_facts.MODEL

    def __init__(self, controller: Controller, settings: Settings, experiments: Experiments,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, settings, experiments, parent)
        self.measure_button = self.button(translate("ModelPage", "Measure this model on this input"),
                                          lambda: self.follow(experiments.measure_model(), self._on_profile))
        self.button_row(self.measure_button)
        self.bars = TimeBars(self)
        self.bars.setAccessibleName(translate("ModelPage", "Time by kind of step"))
        self.figure_slot.addWidget(self.bars)
        self.profile: ModelProfile | None = None
        self._label = ""
        controller.model_changed.connect(self._forget)

    def _on_profile(self, profile: ModelProfile) -> None:
        self.profile = profile
        self._label = self.controller.input.label if self.controller.input else ""
        self.refresh()

    def _forget(self, *_: object) -> None:
        self.profile = None
        self.bars.set_rows(())

    def lesson_facts(self) -> dict[str, str]:
        card, outcome = self.controller.card, self.controller.last_outcome
        speed = outcome.result.tokens_per_second if outcome is not None and isinstance(outcome.result, Generation) else 0.0
        history = self.controller.history
        whole = history.p50() if history.warm_totals() else 0.0  # what a person waits for, not the model alone
        return lesson_model.model_facts(self.profile, card.parameters if card else 0, self._label, speed, whole)

    def update_figure(self) -> None:
        ops = self.profile.ops[:SHOWN_OPS] if self.profile is not None else ()
        self.bars.set_rows(tuple((f"{lesson_model.op_words(op.op)} ×{readable.local(f'{op.count:,.0f}')}",
                                  (("in the model", op.ms),)) for op in ops))
