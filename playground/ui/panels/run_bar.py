"""The run bar: Run, Repeat and Stop, how many threads and how much graph optimisation, and a progress bar."""

from __future__ import annotations

import os

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QProgressBar,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.card import ModelCard
from playground.core.session import OPT_LEVELS
from playground.ui import theme
from playground.ui.controller import Controller
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.inputs import entry_of
from playground.ui.plain import PlainLabel
from playground.ui.scale import relative_font
from playground.ui.widgets.flow import side_by_side_if_room

OPT_LABELS = {"disabled": QT_TRANSLATE_NOOP("RunBar", "none"), "basic": QT_TRANSLATE_NOOP("RunBar", "basic"),
              "extended": QT_TRANSLATE_NOOP("RunBar", "extended"), "all": QT_TRANSLATE_NOOP("RunBar", "all (fastest)")}
BUTTON_HEIGHT = 36  # big enough for a finger on a kiosk touch screen and an unsteady mouse
PROGRESS_HEIGHT = 6


def repeat_on_style(now: theme.Theme) -> str:
    return (f"QToolButton:checked {{ background-color: {now.chosen_back}; border: 2px solid #0072b2; "
            "border-radius: 4px; font-weight: bold; }")


class RunBar(QWidget):
    def __init__(self, controller: Controller, run: QAction, repeat: QAction, stop: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        # The buttons and the runtime controls side by side, or one row above the other in a narrow window
        # (resizeEvent), so the bar never makes the window wider than a 1024-pixel screen allows.
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        outer.addLayout(self._row)
        layout = QHBoxLayout()
        self._row.addLayout(layout)
        self.run_button = self._tool(run, translate("RunBar", "Run"))
        self.repeat_button = self._tool(repeat, translate("RunBar", "Repeat"))
        self.stop_button = self._tool(stop, translate("RunBar", "Stop"))
        for button in (self.run_button, self.repeat_button, self.stop_button):
            layout.addWidget(button)
        relative_font(self.run_button, bold=True)  # the one button most people need
        # Repeat stays pressed while it runs; a plain "checked" look is too faint to see from a distance.
        theme.themed_sheet(self.repeat_button, repeat_on_style)
        self.state = PlainLabel("", self)
        self.state.setAccessibleName(translate("RunBar", "Run state"))
        self.state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addStretch(1)
        runtime = QHBoxLayout()
        self._row.addLayout(runtime)
        # Left to right it sits at the end of the row; stacked under the buttons, as wide as its controls
        # rather than stretching a one-digit box across the window.
        self._row.setAlignment(runtime, Qt.AlignmentFlag.AlignLeft)
        self._add_runtime_controls(runtime)
        # A thin strip under the whole bar: always in place, so nothing moves when a run starts or ends.
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(translate("RunBar", "Run progress"))
        self.progress.setFixedHeight(PROGRESS_HEIGHT)
        self.progress.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        strip = QHBoxLayout()
        strip.addWidget(self.progress, 1, Qt.AlignmentFlag.AlignVCenter)
        # A fixed width: its changing text must not move the bar or widen the window.
        widest = translate("RunBar", "Repeating: run {number}").format(number="000000")
        self.state.setFixedWidth(self.state.fontMetrics().horizontalAdvance(widest) + 8)
        strip.addWidget(self.state)
        outer.addLayout(strip)
        self._fit()
        self._runs = 0
        self.threads.valueChanged.connect(controller.set_threads)
        self.opt.currentIndexChanged.connect(self._on_opt_chosen)
        controller.runtime_changed.connect(self._on_runtime_changed)
        controller.run_started.connect(self._on_started)
        controller.run_progressed.connect(self._on_progress)
        controller.busy_changed.connect(self._on_busy_changed)
        controller.repeat_changed.connect(self._on_repeat_changed)
        controller.model_changed.connect(self._on_model_changed)
        self._on_model_changed(controller.card)

    def _on_model_changed(self, card: ModelCard | None) -> None:
        # A chat has one way to send a message, its Send button (or Enter) beside the box; a Run button
        # beside it would be a second way that does the same. Repeat and Stop stay: measuring and stopping.
        self.run_button.setVisible(entry_of(card) != "message")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        side_by_side_if_room(self, self._row)

    def _add_runtime_controls(self, layout: QHBoxLayout) -> None:
        self._runtime_widgets: list[QWidget] = []
        self.threads = QSpinBox(self)
        self.threads.setRange(1, max(1, os.cpu_count() or 1))
        self.threads.setValue(self._controller.options.threads)
        self.threads.setKeyboardTracking(False)
        self._labelled(layout, translate("RunBar", "Threads:"), self.threads, translate("RunBar", "Threads"),
                       translate("RunBar", "How many processor threads the model may use. On small computers one is "
                                           "often fastest, and leaves a core for the window."))
        self.opt = QComboBox(self)
        for level in OPT_LEVELS:
            self.opt.addItem(translate("RunBar", OPT_LABELS[level]), level)
        self.opt.setCurrentIndex(OPT_LEVELS.index(self._controller.options.opt_level))
        self._labelled(layout, translate("RunBar", "Optimisation:"), self.opt, translate("RunBar", "Graph optimisation"),
                       translate("RunBar", "How much onnxruntime rewrites the model before running it: more takes "
                                           "longer to load but usually runs faster. Changing it loads the model again."))

    def show_expert(self, on: bool) -> None:
        """Threads and graph optimisation: an engineer's controls, hidden from a kiosk's visitors."""
        for widget in self._runtime_widgets:
            widget.setVisible(on)
        # Hidden before the window is first shown, they would otherwise keep their width in the row's sums.
        self._row.invalidate()
        self._outer.invalidate()
        self._fit()
        self.updateGeometry()

    def _labelled(self, layout: QHBoxLayout, text: str, widget: QWidget, name: str, tip: str) -> None:
        label = PlainLabel(text, self)
        self._runtime_widgets += [label, widget]
        label.setBuddy(widget)
        widget.setAccessibleName(name)
        widget.setToolTip(tip)
        widget.setAccessibleDescription(tip)
        layout.addWidget(label)
        layout.addWidget(widget)

    def _tool(self, action: QAction, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAccessibleName(name)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setIconSize(QSize(20, 20))
        button.setMinimumSize(96, BUTTON_HEIGHT)
        button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        return button

    def _on_opt_chosen(self, index: int) -> None:
        self._controller.set_opt_level(self.opt.itemData(index))

    def _on_runtime_changed(self, threads: int, level: str) -> None:
        for widget, set_value in ((self.threads, lambda: self.threads.setValue(threads)),
                                  (self.opt, lambda: self.opt.setCurrentIndex(OPT_LEVELS.index(level)))):
            widget.blockSignals(True)
            set_value()
            widget.blockSignals(False)

    def _on_started(self) -> None:
        # Busy (moving) until a looping task reports a fraction: most runs are one step.
        self.progress.setRange(0, 0)
        self._runs += 1
        self.state.setText(translate("RunBar", "Repeating: run {number}").format(number=self._runs)
                           if self._controller.repeat else translate("RunBar", "Working…"))

    def _on_repeat_changed(self, on: bool) -> None:
        self._runs = 0
        if not on:
            self.state.setText(translate("RunBar", "Working…") if self._controller.busy else "")

    def _on_progress(self, fraction: float, _partial: object) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(fraction * 1000))

    def _on_busy_changed(self, busy: bool) -> None:
        if not busy:  # stays in place, empty, so the bar does not jump between repeated runs
            self.progress.setRange(0, 1000)
            self.progress.setValue(0)
            if not self._controller.repeat:
                self.state.setText("")
