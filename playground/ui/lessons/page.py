"""LessonPage: what every lesson shares — figures a person may change, a live picture, and the lesson's text
filled with the numbers just measured."""

from __future__ import annotations

import re
from typing import Any, Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from playground.core import explainers
from playground.ui import theme
from playground.ui.controller import Controller
from playground.ui.experiments import Experiments
from playground.ui.i18n import translate
from playground.ui.jobs import Measurement
from playground.ui.plain import PlainLabel
from playground.ui.scale import relative_font
from playground.ui.settings import Settings


class LessonPage(QWidget):
    """Subclasses set `topic`, add knobs and a figure, and give their own facts and readiness."""

    topic: explainers.Topic

    def __init__(self, controller: Controller, settings: Settings, experiments: Experiments,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller, self.settings, self.experiments = controller, settings, experiments
        self.setAccessibleName(self.topic.title)  # the lesson file's heading, in the language the file is in
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(8, 8, 8, 8)
        title = PlainLabel(self.topic.title, self)
        relative_font(title, 5, bold=True)
        self.body.addWidget(title)
        # What stopped a measurement started here (no input yet, a model not fetched), said on the page itself:
        # the main window's error line may be hidden behind this window.
        self.problem = PlainLabel("", self)
        self.problem.setWordWrap(True)
        theme.themed(self.problem, "error", "font-weight: bold;")
        self.problem.setAccessibleName(translate("LessonPage", "Problem"))
        self.problem.hide()
        self.body.addWidget(self.problem)
        self.form = QFormLayout()
        self.body.addLayout(self.form)
        self.figure_slot = QVBoxLayout()
        self.body.addLayout(self.figure_slot)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(translate("LessonPage", "{lesson}: explanation").format(lesson=self.topic.title))
        self.browser.setMinimumHeight(170)  # the text is the lesson: never squeezed to a sliver
        self.body.addWidget(self.browser, 1)
        self._shown = ""
        self.measurement: Measurement | None = None  # the last one this page started
        # Repeat mode finishes many runs a second: gather them into one refresh a little later.
        self._soon = QTimer(self, singleShot=True, interval=300)
        self._soon.timeout.connect(self.refresh)
        controller.history_changed.connect(self._refresh_soon)
        controller.model_changed.connect(self._refresh_soon)
        controller.run_failed.connect(self._on_failed)
        controller.run_started.connect(self._clear_problem)

    def follow(self, measurement: Measurement | None, finished: Callable[[Any], None],
               progressed: Callable[[float, Any], None] | None = None) -> bool:
        """Hear the news of a measurement this page started, and only of it; False when it did not start
        (the sentence why is already shown)."""
        if measurement is None:
            return False
        self.measurement = measurement
        measurement.finished.connect(finished)
        measurement.failed.connect(self._on_failed)
        if progressed is not None:
            measurement.progressed.connect(progressed)
        return True

    def _on_failed(self, sentence: str) -> None:
        if self.isVisible():
            self.problem.setText(sentence)
            self.problem.show()

    def _clear_problem(self) -> None:
        self.problem.hide()

    def knob(self, name: str, label: str, default: float, low: float, high: float, suffix: str, tip: str,
             decimals: int = 0, prefix: str = "") -> QDoubleSpinBox:
        """A figure the lesson assumes, typed by the person and kept in the settings for next time; `label` and
        `tip` come translated, the suffix and prefix are units."""
        box = QDoubleSpinBox(self)
        box.setRange(low, high)
        box.setDecimals(decimals)
        box.setSuffix(suffix)
        box.setPrefix(prefix)
        box.setMaximumWidth(180)  # a figure, not a sentence: the text below gets the width
        box.setKeyboardTracking(False)  # typing "120" must not recompute at "1" and "12"
        box.setValue(self.settings.lesson_value(name, default, low, high))
        box.setToolTip(tip)
        box.setAccessibleName(label)
        box.setAccessibleDescription(tip)
        box.valueChanged.connect(lambda value, n=name: self._on_knob(n, value))
        caption = PlainLabel(translate("LessonPage", "{figure}:").format(figure=label), self)
        caption.setBuddy(box)
        caption.setToolTip(tip)
        self.form.addRow(caption, box)
        return box

    def button(self, text: str, slot: Any, tip: str = "") -> QPushButton:
        """A button whose text and tip come translated."""
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def button_row(self, *widgets: QWidget) -> QHBoxLayout:
        """Buttons in a row at the left of the page, above its figure."""
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        self.figure_slot.addLayout(row)
        return row

    def _on_knob(self, name: str, value: float) -> None:
        self.settings.set_lesson_value(name, value)
        self.refresh()

    def _refresh_soon(self, *_: object) -> None:
        if self.isVisible() and not self._soon.isActive():
            self._soon.start()

    def lesson_facts(self) -> dict[str, str]:
        """The numbers this lesson's text quotes beyond the shared ones; {} while it has nothing to say."""
        raise NotImplementedError

    def update_figure(self) -> None:
        """Redraw the live picture from the same numbers (pages without one do nothing)."""

    def refresh(self) -> None:
        c = self.controller
        lesson = self.lesson_facts()
        values = {**explainers.facts(c.history, c.sampler, c.card, c.load_ns), **lesson}
        markdown = explainers.render(self.topic, values, has_run=bool(lesson), files=not self.settings.kiosk)
        markdown = re.sub(r"^# .*\n", "", markdown)  # the page shows its title above the knobs
        if markdown != self._shown:
            self._shown = markdown
            position = self.browser.verticalScrollBar().value()
            self.browser.setMarkdown(markdown)
            self.browser.verticalScrollBar().setValue(position)
        self.update_figure()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh()  # pages are not refreshed while hidden; catch up when seen
