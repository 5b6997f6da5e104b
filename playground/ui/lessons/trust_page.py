"""The trust lesson: the person marks each answer right or wrong, and the page sets their own tally and the
model's misses beside what its card claims."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QWidget

from playground.core import built, readable
from playground.core.pipeline import Outcome
from playground.lab import lesson_facts, lesson_trust
from playground.lab.compare import headline
from playground.lab.lesson_trust import Mark
from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.i18n import translate
from playground.ui.lessons.page import LessonPage
from playground.ui.plain import PlainLabel
from playground.ui.settings import Settings

SHOWN_CHARS = 80  # a long transcript or reply is marked by its start


def _item(mark: Mark) -> str:
    return f"{'✓' if mark.right else '✗'}  {mark.input_label} → {mark.answer}"


class TrustPage(LessonPage):
    topic = lesson_facts.TRUST

    def __init__(self, controller: Controller, settings: Settings, experiments: Experiments,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, settings, experiments, parent)
        self.latest = PlainLabel(self._waiting(), self)
        self.latest.setWordWrap(True)
        self.latest.setAccessibleName(translate("TrustPage", "The answer to check"))
        self.figure_slot.addWidget(self.latest)
        self.right_button = self.button(translate("TrustPage", "✓ It was right"), lambda: self.mark(True))
        self.wrong_button = self.button(translate("TrustPage", "✗ It was wrong"), lambda: self.mark(False))
        self.button_row(self.right_button, self.wrong_button)
        self.checked = QListWidget(self)  # plain items: names and answers are shown as they are
        self.checked.setAccessibleName(translate("TrustPage", "Answers you checked"))
        self.checked.setMaximumHeight(120)
        self.figure_slot.addWidget(self.checked)
        self.marks: dict[str, list[Mark]] = {}  # model id -> the answers checked, in this session only
        self._pending: tuple[str, str] | None = None  # the latest answer (input, answer), not checked yet
        self._headline = ""
        controller.result_ready.connect(self._on_result)
        controller.model_changed.connect(self._on_model_changed)
        controller.visitor_forgotten.connect(self.forget)
        self._on_model_changed()

    def _on_result(self, outcome: Outcome) -> None:
        answer = readable.shortened(headline(outcome.result), SHOWN_CHARS)
        label = getattr(outcome.decoded, "label", "") or translate("TrustPage", "your input")
        self._pending = (label, answer)
        self.latest.setText(translate("TrustPage", "On {input}, it answered: {answer}. Was that right?").format(
            input=label, answer=answer))
        self._enable(True)

    def mark(self, right: bool) -> None:
        card = self.controller.card
        if self._pending is None or card is None:
            return
        mark = Mark(*self._pending, right)
        self.marks.setdefault(card.id, []).append(mark)
        self.checked.insertItem(0, _item(mark))
        self._pending = None
        self.latest.setText(translate("TrustPage", "Marked. Give it another input to check the next answer."))
        self._enable(False)
        self.refresh()

    def _enable(self, on: bool) -> None:
        self.right_button.setEnabled(on)
        self.wrong_button.setEnabled(on)

    def _on_model_changed(self, *_: object) -> None:
        card = self.controller.card
        self._headline = str(built.measured_words(card).get("headline", "")) if card is not None else ""
        self._pending = None
        self.checked.clear()
        for mark in self.marks.get(card.id, []) if card is not None else []:
            self.checked.insertItem(0, _item(mark))
        self.latest.setText(self._waiting())
        self._enable(False)
        if self.isVisible():
            self.refresh()  # another model's tally, at once: the old one must not linger under its name

    @staticmethod
    def _waiting() -> str:
        return translate("TrustPage", "No answer yet: give the model an input in the main window.")

    def forget(self) -> None:
        """A new visitor, or "forget everything": their inputs' names go with them."""
        self.marks.clear()
        self._on_model_changed()

    def lesson_facts(self) -> dict[str, str]:
        card = self.controller.card
        return lesson_trust.trust_facts(card, self._headline, self.marks.get(card.id, []) if card else [])
