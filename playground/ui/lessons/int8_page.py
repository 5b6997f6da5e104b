"""The fp32-or-int8 lesson: the current model and its 8-bit twin run on the person's own input, their speed,
size and answers side by side, and whether this processor has the instructions int8 needs."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from playground.lab import lesson_facts
from playground.lab.compare import Comparison, answer_text, twin_of
from playground.ui import theme
from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.i18n import translate
from playground.ui.lessons.page import LessonPage
from playground.ui.lessons.time_bars import TimeBars
from playground.ui.plain import PlainLabel
from playground.ui.settings import Settings


class Int8Page(LessonPage):
    topic = lesson_facts.INT8

    def __init__(self, controller: Controller, settings: Settings, experiments: Experiments,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, settings, experiments, parent)
        self.compare_button = self.button(translate("Int8Page", "Run both on this input"),
                                          lambda: self.follow(experiments.compare_twins(), self._on_comparison))
        self.button_row(self.compare_button)
        self.note = PlainLabel("", self)
        self.note.setWordWrap(True)
        theme.themed(self.note, "muted")
        self.figure_slot.addWidget(self.note)
        self.bars = TimeBars(self)
        self.figure_slot.addWidget(self.bars)
        self.answers = PlainLabel("", self)  # what each said, to check the agreement by eye
        self.answers.setWordWrap(True)
        self.answers.setAccessibleName(translate("Int8Page", "What each model answered"))
        self.figure_slot.addWidget(self.answers)
        self.comparison: Comparison | None = None
        self._label = ""
        controller.model_changed.connect(self._on_model_changed)
        self._on_model_changed()

    def _on_model_changed(self, *_: object) -> None:
        pair = self.experiments.twins()
        if self.comparison is not None and (pair is None or self.comparison.base.model_id != pair[0].id):
            self.comparison = None  # another pair: the last comparison says nothing about it
            self.bars.set_rows(())
            self.answers.setText("")
        self.compare_button.setEnabled(pair is not None)
        if pair is None:
            cards = {c.id: c for c in self.controller.catalog.cards}
            with_twins = [c.name for c in cards.values() if "int8" not in c.tags and twin_of(c, cards) is not None]
            if self.controller.card is None:
                said = translate("Int8Page", "No model is shown. These have an 8-bit twin: {models}.")
            else:
                said = translate("Int8Page", "{model} has no 8-bit twin. These do: {models}.")
            name = self.controller.card.name if self.controller.card else ""
            self.note.setText(said.format(model=name, models=", ".join(with_twins)))
        else:
            self.note.setText(translate("Int8Page", "Runs {model} and then {twin}, each three times after a warm-up, "
                                                    "with the same settings.").format(model=pair[0].name,
                                                                                      twin=pair[1].name))


    def _on_comparison(self, result: Comparison) -> None:
        self.comparison = result
        self._label = self.controller.input.label if self.controller.input else ""
        self.refresh()

    def lesson_facts(self) -> dict[str, str]:
        return lesson_facts.int8_facts(self.comparison, self._label)

    def update_figure(self) -> None:
        c = self.comparison
        self.bars.set_rows(() if c is None else ((c.base.name, (("in the model", c.base.median_ms),)),
                                                   (c.twin.name, (("in the model", c.twin.median_ms),))))
        self.answers.setText("" if c is None else "\n".join(f"{side.name}: {answer_text(side.result)}"
                                                              for side in (c.base, c.twin)))
