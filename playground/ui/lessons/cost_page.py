"""The cost lesson: the measured CPU time of a run priced per CPU-hour, and its energy, at figures a person sets."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from playground.core.results import Generation
from playground.lab import lesson_facts
from playground.lab.cost import DEFAULT_PRICE_PER_CPU_HOUR, DEFAULT_WATTS_PER_CORE, CostFigures, cost_figures
from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.i18n import translate
from playground.ui.lessons.page import LessonPage
from playground.ui.settings import Settings


class CostPage(LessonPage):
    topic = lesson_facts.COST

    def __init__(self, controller: Controller, settings: Settings, experiments: Experiments,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, settings, experiments, parent)
        self.price = self.knob("price_per_cpu_hour", translate("CostPage", "Price of one CPU-hour"),
                               DEFAULT_PRICE_PER_CPU_HOUR, 0.001, 100.0, "",
                               translate("CostPage", "What a cloud service charges for one processor core for an "
                                                     "hour (on-demand prices are about $0.04–0.05)."),
                               decimals=3, prefix="$")
        self.watts = self.knob("watts_per_core", translate("CostPage", "Power of one busy core"),
                               DEFAULT_WATTS_PER_CORE, 1.0, 500.0, " W",
                               translate("CostPage", "What one busy core of this processor draws, for the energy "
                                                     "estimate (5–15 W is typical; used only where the energy "
                                                     "counter cannot be read)."))

    def figures(self) -> CostFigures | None:
        return cost_figures(self.controller.history.records, self.price.value(), self.watts.value())

    def lesson_facts(self) -> dict[str, str]:
        outcome = self.controller.last_outcome
        tokens = outcome.result.tokens if outcome is not None and isinstance(outcome.result, Generation) else 0
        return lesson_facts.cost_facts(self.figures(), tokens)
