"""The result area: swaps in the view for the current model's result type and times how long drawing takes."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QStackedWidget, QVBoxLayout, QWidget

from playground.core.card import ModelCard
from playground.core.pipeline import Outcome
from playground.ui.controller import Controller
from playground.ui.views import create_view

WAITING = {"image": "Open a photo, paste one, drop one here or pick a sample: the answer appears here.",
           "audio": "Open a recording, drop one here or pick a sample: the answer appears here.",
           "text": "Type or paste some text, open a file or pick a sample: the answer appears here."}


class SummaryView(QPlainTextEdit):
    """Shows any result as its text summary: the fallback when no dedicated view exists."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName("Result as text")

    def show_result(self, result: object, _decoded: object) -> None:
        summary = getattr(result, "summary", None)
        self.setPlainText(summary() if callable(summary) else str(result))

    def clear(self) -> None:
        self.setPlainText("")


class ResultArea(QWidget):
    """One view per result type, created on first use and kept; a hint shows until the first answer."""

    result_shown = Signal(object)  # the Outcome, once its view has drawn it

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        self.stack.setAccessibleName("Result")
        layout.addWidget(self.stack)
        self.hint = QLabel("Pick a model from the list on the left.", self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("Result hint")
        font = self.hint.font()
        font.setPointSizeF(font.pointSizeF() + 2)
        self.hint.setFont(font)
        self.stack.addWidget(self.hint)
        self._views: dict[type, QWidget] = {}
        controller.model_changed.connect(self._on_model_changed)
        controller.input_changed.connect(self._on_input_changed)
        controller.result_ready.connect(self._on_result)

    @property
    def current_view(self) -> QWidget | None:
        widget = self.stack.currentWidget()
        return None if widget is self.hint else widget

    def view_for(self, result_type: type) -> QWidget:
        view = self._views.get(result_type)
        if view is None:
            try:
                view = create_view(result_type, self.stack)
            except LookupError:
                view = SummaryView(self.stack)
            self._views[result_type] = view
            self.stack.addWidget(view)
        return view

    def _show_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.stack.setCurrentWidget(self.hint)

    def _on_model_changed(self, card: ModelCard | None) -> None:
        for view in self._views.values():
            view.clear()
        if card is None:
            self._show_hint("Pick a model from the list on the left.")
        elif not self._controller.installed(card):
            self._show_hint(f"{card.name} is not installed yet.\nTo add it, run this in a terminal:\n"
                            f"playground models fetch {card.id}")
        else:
            self._show_hint(WAITING.get(card.modality, "Give the model an input: the answer appears here."))

    def _on_input_changed(self, choice: object) -> None:
        card = self._controller.card
        if choice is None and card is not None and self._controller.installed(card):
            self._show_hint(WAITING.get(card.modality, ""))

    def _on_result(self, outcome: Outcome) -> None:
        view = self.view_for(type(outcome.result))
        start = time.perf_counter_ns()
        view.show_result(outcome.result, outcome.decoded)
        self.stack.setCurrentWidget(view)
        if view.isVisible():
            view.repaint()  # paint now, inside the clock: "draw" is the time until it is on screen
        self._controller.report_render(time.perf_counter_ns() - start)
        self.result_shown.emit(outcome)
