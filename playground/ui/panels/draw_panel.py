"""DrawPanel: the digit board with Clear and Undo, predicting while the person draws."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from playground.ui.controller import Controller
from playground.ui.i18n import translate
from playground.ui.live import LiveFeeder
from playground.ui.plain import PlainLabel
from playground.ui.widgets.draw_pad import DrawPad

# While a stroke is drawn the mouse reports 60–120 moves a second; 25 answers a second already look
# instant, and leave the window time to draw the bars.
LIVE_INTERVAL_MS = 40


class DrawPanel(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.feeder = LiveFeeder(controller, translate("DrawPanel", "your drawing"), "drawing", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pad = DrawPad(self)
        layout.addWidget(self.pad, 1)
        side = QVBoxLayout()
        self.hint = PlainLabel(translate("DrawPanel", "Draw one digit, big, in the middle of the board. The model "
                                                      "guesses while you draw: watch the bars change with every stroke."),
                               self)
        self.hint.setWordWrap(True)
        side.addWidget(self.hint)
        self.undo_button = QPushButton(translate("DrawPanel", "Undo stroke"), self)
        self.undo_button.setToolTip(translate("DrawPanel", "Take back the last stroke (Ctrl+Z)"))
        self.clear_button = QPushButton(translate("DrawPanel", "Clear"), self)
        self.clear_button.setToolTip(translate("DrawPanel", "Wipe the board (Delete)"))
        for button in (self.undo_button, self.clear_button):
            button.setMinimumHeight(40)
            side.addWidget(button)
        side.addStretch(1)
        layout.addLayout(side)
        self.undo_button.clicked.connect(self.pad.undo)
        self.clear_button.clicked.connect(self.pad.clear)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.pad.undo)
        QShortcut(QKeySequence.StandardKey.Delete, self, self.pad.clear)
        self._since = QElapsedTimer()
        self.pad.changed.connect(self._on_changed)
        self._update_buttons()

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt override)
        super().setVisible(visible)
        # Only a shown board feeds the model: a hidden one must not start runs for another model.
        self.feeder.start() if visible else self.feeder.stop()

    def _on_changed(self, stroking: bool) -> None:
        self._update_buttons()
        if self.pad.empty:
            self._controller.clear_input()
            return
        if stroking and self._since.isValid() and self._since.elapsed() < LIVE_INTERVAL_MS:
            return
        self._since.restart()
        self.feeder.offer(self.pad.render_pixels())

    def _update_buttons(self) -> None:
        self.undo_button.setEnabled(not self.pad.empty)
        self.clear_button.setEnabled(not self.pad.empty)
