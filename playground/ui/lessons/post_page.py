"""The post-processing lesson: the current model run once more with its raw outputs kept, shown beside the
answer the app made of them, with the steps in between named."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from playground.core.pipeline import Outcome
from playground.lab import lesson_facts, lesson_post
from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.i18n import translate
from playground.ui.lessons.page import LessonPage
from playground.ui.settings import Settings


class PostPage(LessonPage):
    topic = lesson_facts.POST

    def __init__(self, controller: Controller, settings: Settings, experiments: Experiments,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, settings, experiments, parent)
        self.show_button = self.button(translate("PostPage", "Run once more and show the raw numbers"),
                                       lambda: controller.run(keep_raw=True))
        self.button_row(self.show_button)
        self.outcome: Outcome | None = None
        controller.result_ready.connect(self._on_result)
        controller.model_changed.connect(self._forget)

    def demonstrate(self) -> None:
        """A kiosk's show, with nobody to press the button: the page presses it, so its numbers are on screen."""
        self.show_button.click()

    def _on_result(self, outcome: Outcome) -> None:
        if outcome.raw is not None:
            self.outcome = outcome
            self.refresh()

    def _forget(self, *_: object) -> None:
        self.outcome = None

    def lesson_facts(self) -> dict[str, str]:
        o = self.outcome
        if o is None:
            return {}
        return lesson_post.post_facts(o.raw, o.result, getattr(o.decoded, "label", ""))
