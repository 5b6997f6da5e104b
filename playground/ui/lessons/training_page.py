"""The training lesson: a small digit network trained here with its accuracy climbing live, fine-tuned on the
person's own drawings, then asked for answers (raw numbers, softmax, the digit), each side's compute timed."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QSpinBox, QWidget

from playground.core import readable
from playground.core.errors import InputError
from playground.core.train.trainer import TrainProgress
from playground.lab import lesson_facts
from playground.lab.train_lesson import Answer, FineTuned, Trained, answer, fine_tune, train_lesson, training_data
from playground.tasks.digits import to_mnist
from playground.ui import theme
from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.i18n import translate
from playground.ui.lessons.page import LessonPage
from playground.ui.plain import PlainLabel
from playground.ui.settings import Settings
from playground.ui.widgets.draw_pad import DrawPad
from playground.ui.widgets.plots import make_plot, say_empty

TRAIN_PEN = pg.mkPen(0, 114, 178, width=2)
HELD_BRUSH = pg.mkBrush(213, 94, 0)
DIGITS_MODEL = "digits"  # whose training data the lesson learns from


class TrainingPage(LessonPage):
    topic = lesson_facts.TRAINING

    def __init__(self, controller: Controller, settings: Settings, experiments: Experiments,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, settings, experiments, parent)
        row = QHBoxLayout()
        self.train_button = QPushButton(translate("TrainingPage", "Train it here"), self)
        self.train_button.setToolTip(translate("TrainingPage", "Train a small digit network on 4,000 handwritten "
                                                               "digits, on this computer"))
        self.train_button.clicked.connect(self.train)
        row.addWidget(self.train_button)
        self.status = PlainLabel("", self)
        row.addWidget(self.status, 1)
        self.figure_slot.addLayout(row)
        self.curve_plot = make_plot(translate("TrainingPage", "Accuracy while training"),
                                    translate("TrainingPage", "share right"),
                                    translate("TrainingPage", "training step"), self)
        self.curve_plot.getPlotItem().setYRange(0, 1, padding=0.02)
        self.figure_slot.addWidget(self.curve_plot)
        caption = PlainLabel(translate("TrainingPage", "The line: the share right so far in each pass over the digits. "
                                                       "The dots: the share right on 1,000 digits kept out of "
                                                       "training, after each pass."), self)
        caption.setWordWrap(True)
        theme.themed(caption, "muted")
        self.figure_slot.addWidget(caption)
        self.figure_slot.addLayout(self._drawing_row())
        self.trained: Trained | None = None
        self.tuned: FineTuned | None = None
        self.answer: Answer | None = None
        self.examples: list[tuple[np.ndarray, int]] = []
        self._steps: list[tuple[int, float]] = []
        self._epochs: list[tuple[int, float]] = []

    def _drawing_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.pad = DrawPad(self)
        self.pad.setFixedSize(200, 200)
        row.addWidget(self.pad)
        grid = QGridLayout()
        grid.addWidget(PlainLabel(translate("TrainingPage", "This digit is a:"), self), 0, 0)
        self.label = QSpinBox(self)
        self.label.setRange(0, 9)
        self.label.setAccessibleName(translate("TrainingPage", "The digit drawn"))
        grid.addWidget(self.label, 0, 1)
        self.add_button = self._button(grid, 1, translate("TrainingPage", "Add as an example"), self.add_example)
        self.tune_button = self._button(grid, 2, translate("TrainingPage", "Fine-tune on my examples"), self.tune)
        self.ask_button = self._button(grid, 3, translate("TrainingPage", "Ask"), self.ask)
        self.clear_button = self._button(grid, 4, translate("TrainingPage", "Clear the board"), self.pad.clear)
        self.examples_label = PlainLabel(translate("TrainingPage", "No examples yet."), self)
        grid.addWidget(self.examples_label, 5, 0, 1, 2)
        row.addLayout(grid)
        self.answer_label = PlainLabel("", self)
        self.answer_label.setAccessibleName(translate("TrainingPage", "The answer, from raw numbers to a digit"))
        self.answer_label.setStyleSheet("font-family: monospace;")
        row.addWidget(self.answer_label, 1)
        return row

    def _button(self, grid: QGridLayout, row: int, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        grid.addWidget(button, row, 0, 1, 2)
        return button

    # --- commands ----------------------------------------------------------------------------------

    def train(self) -> None:
        card = self.controller.catalog.get(DIGITS_MODEL)
        self._steps, self._epochs = [], []
        self.trained = self.tuned = self.answer = None

        def work(token: Any, progress: Any) -> Trained:
            pixels, labels = training_data(card)
            return train_lesson(pixels, labels, lambda p: progress(p.fraction, p), token.check)

        self.follow(self.controller.run_experiment(work), self._on_trained, self._on_progress)
        self.status.setText(translate("TrainingPage", "Training…"))

    def drawing(self) -> np.ndarray | None:
        """The board as the digit task prepares a drawing (28×28, white ink on black), or None, said, if empty."""
        try:
            return to_mnist(self.pad.render_pixels())
        except InputError as exc:
            self.status.setText(str(exc))
            return None

    def add_example(self) -> None:
        image = self.drawing()
        if image is not None:
            self.examples.append((image, self.label.value()))
            self.pad.clear()
            said = (translate("TrainingPage", "1 example: {digits}") if len(self.examples) == 1 else
                    translate("TrainingPage", "{count} examples: {digits}"))
            self.examples_label.setText(said.format(count=len(self.examples),
                                                    digits=" ".join(str(label) for _, label in self.examples[-12:])))

    def tune(self) -> None:
        if self.trained is None or not self.examples:
            self.status.setText(translate("TrainingPage", "Train the network first, then add a few drawings as "
                                                          "examples.")
                                if self.trained is None else
                                translate("TrainingPage", "Add a few drawings as examples first."))
            return
        trained = self.trained
        drawings = np.stack([image for image, _ in self.examples])
        labels = np.array([label for _, label in self.examples])
        self.follow(self.controller.run_experiment(lambda token, progress: fine_tune(trained, drawings, labels,
                                                                                     token.check)), self._on_tuned)
        self.status.setText(translate("TrainingPage", "Fine-tuning…"))

    def ask(self) -> None:
        if self.trained is None:
            self.status.setText(translate("TrainingPage", "Train the network first."))
            return
        image = self.drawing()
        if image is None:
            return
        net = self.tuned.net if self.tuned is not None else self.trained.net
        self.answer = answer(net, image, repeats=50)  # ~70 µs each: a few milliseconds in all
        # A table's heading, its three columns' names padded to line up with the figures below them.
        digit, raw, chance = (translate("TrainingPage", "digit"), translate("TrainingPage", "raw"),
                              translate("TrainingPage", "chance"))
        head = f"{digit:<7}{raw:<6}{chance}"
        lines = [head] + [readable.local(f"{d:>5} {v:5.1f}  {p:6.1%}") + ("  ←" if d == self.answer.digit else "")
                          for d, (v, p) in enumerate(zip(self.answer.logits, self.answer.probabilities))]
        self.answer_label.setText("\n".join(lines))
        self.refresh()

    # --- news from the worker ----------------------------------------------------------------------

    def _on_progress(self, _fraction: float, partial: TrainProgress | None) -> None:
        if partial is not None:
            self._steps.append((partial.step, partial.accuracy))
            if partial.end_of_epoch and partial.held_out_accuracy is not None:
                self._epochs.append((partial.step, partial.held_out_accuracy))
            said = translate("TrainingPage", "Pass {pass_number} of {passes} · {time} · {share} right so far")
            self.status.setText(said.format(pass_number=partial.epoch, passes=partial.epochs,
                                            time=readable.duration(partial.seconds),
                                            share=readable.percent(partial.accuracy)))
            self.update_figure()

    def _on_trained(self, result: Trained) -> None:
        self.trained, self.tuned = result, None
        for p in result.result.history:  # the last epoch's report can arrive after the rate limit dropped it
            if (p.step, p.held_out_accuracy) not in self._epochs and p.held_out_accuracy is not None:
                self._epochs.append((p.step, p.held_out_accuracy))
        said = translate("TrainingPage", "Trained: {share} right on {count} digits kept out of its training.")
        self.status.setText(said.format(share=readable.percent(result.held_out_accuracy),
                                        count=readable.local(f"{len(result.held_labels):,}")))
        self.refresh()

    def _on_tuned(self, result: FineTuned) -> None:
        self.tuned = result
        said = translate("TrainingPage", "Fine-tuned: {share} of your examples right (before: {before}).")
        self.status.setText(said.format(share=readable.percent(result.after), before=readable.percent(result.before)))
        self.refresh()

    def lesson_facts(self) -> dict[str, str]:
        return lesson_facts.training_facts(self.trained, self.tuned, self.answer, len(self.examples))

    def update_figure(self) -> None:
        plot = self.curve_plot.getPlotItem()
        plot.clear()
        empty = translate("TrainingPage", "Press \"Train it here\": the share of digits it gets right climbs here as "
                                          "it learns.")
        if say_empty(plot, "" if self._steps or self._epochs else empty):
            return
        plot.setYRange(0, 1, padding=0.02)
        if self._steps:
            steps = np.array(self._steps)
            plot.addItem(pg.PlotDataItem(steps[:, 0], steps[:, 1], pen=TRAIN_PEN,
                                         name=translate("TrainingPage", "while training")))
        if self._epochs:
            epochs = np.array(sorted(self._epochs))
            plot.addItem(pg.ScatterPlotItem(epochs[:, 0], epochs[:, 1], size=10, brush=HELD_BRUSH, pen=None))
