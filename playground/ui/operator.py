"""A kiosk's operator screen, behind the operator's PIN: leave the kiosk, start over now, the idle time.

The quit chord opens it. Without the PIN (set with `playground kiosk-pin`) nothing here can be reached;
after five wrong PINs the pad rests for a minute. What the operator changes here lives in memory: the
kiosk's file is only ever written by `playground kiosk-pin`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QCheckBox, QDialog, QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from playground.core.pin import MAX_DIGITS, check_pin
from playground.ui.plain import PlainLabel

TRIES, REST_S = 5, 60
NO_PIN = ("No operator PIN is set, so anyone who finds the keys can reach this screen: set one with "
          "'playground kiosk-pin --config FILE' and restart the kiosk.")
BIG = "font-size: 22px; min-height: 56px; min-width: 72px;"


class PinPad(QDialog):
    """Digits by touch or keyboard, shown as dots; accept() only for the right PIN."""

    def __init__(self, stored: str, parent: QWidget | None = None, clock: Callable[[], float] = time.monotonic,
                 failures: list[float] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Operator")
        self.setModal(True)
        self._stored, self._clock = stored, clock
        self.failures = failures if failures is not None else []  # kept by the window across openings
        layout = QVBoxLayout(self)
        layout.addWidget(PlainLabel("Operator PIN:", self))
        self.entry = QLineEdit(self)
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setMaxLength(MAX_DIGITS)
        self.entry.setValidator(QRegularExpressionValidator(r"[0-9]*", self.entry))
        self.entry.setStyleSheet(BIG)
        self.entry.setAccessibleName("Operator PIN")
        self.entry.returnPressed.connect(self.try_pin)
        layout.addWidget(self.entry)
        pad = QGridLayout()
        for i, key in enumerate("123456789⌫0✓"):
            button = QPushButton(key, self)
            button.setStyleSheet(BIG)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            pad.addWidget(button, i // 3, i % 3)
        layout.addLayout(pad)
        self.message = PlainLabel("", self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        cancel = QPushButton("Back to the kiosk", self)
        cancel.setStyleSheet(BIG)
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel)

    def _press(self, key: str) -> None:
        if key == "⌫":
            self.entry.backspace()
        elif key == "✓":
            self.try_pin()
        else:
            self.entry.insert(key)

    def resting(self) -> int:
        """Seconds left before the pad takes another PIN after too many wrong ones (0: it takes one now)."""
        recent = [t for t in self.failures if self._clock() - t < REST_S]
        return 0 if len(recent) < TRIES else int(REST_S - (self._clock() - recent[-TRIES])) + 1

    def try_pin(self) -> bool:
        pin = self.entry.text()
        self.entry.clear()  # what was typed never waits for the next try to build on
        wait = self.resting()
        if wait:
            self.message.setText(f"Too many wrong PINs: try again in {wait} s.")
            return False
        if check_pin(pin, self._stored):
            self.failures.clear()
            self.accept()
            return True
        self.failures.append(self._clock())
        self.message.setText("That is not the operator PIN.")
        return False


class OperatorScreen(QDialog):
    """What the operator may do: leave, start over for the next visitor, and set the idle time."""

    def __init__(self, leave: Callable[[], None], start_over: Callable[[], None], idle_s: int,
                 set_idle: Callable[[int], None], pin_set: bool, parent: QWidget | None = None,
                 expert_shown: bool = False, show_expert: Callable[[bool], None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Operator")
        self.setModal(True)
        layout = QVBoxLayout(self)
        if not pin_set:
            warning = PlainLabel(NO_PIN, self)
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #b00020; font-weight: bold;")
            layout.addWidget(warning)
        row = QHBoxLayout()
        row.addWidget(PlainLabel("Start over after this many seconds without a touch (0: never):", self))
        self.idle = QSpinBox(self)
        self.idle.setRange(0, 86_400)
        self.idle.setValue(idle_s)
        self.idle.setAccessibleName("Idle seconds")
        self.idle.setStyleSheet("font-size: 22px; min-height: 48px; min-width: 120px;")  # a finger's size
        self.idle.valueChanged.connect(set_idle)
        row.addWidget(self.idle)
        layout.addLayout(row)
        self.expert = QCheckBox("Show the engineer's controls (threads, knobs, model cards) until the next start",
                                self)
        self.expert.setChecked(expert_shown)
        if show_expert is not None:
            self.expert.toggled.connect(show_expert)
        layout.addWidget(self.expert)
        self.start_over = QPushButton("Start over now", self)
        self.start_over.clicked.connect(lambda: (start_over(), self.accept()))
        self.leave = QPushButton("Leave the kiosk", self)
        self.leave.clicked.connect(lambda: (self.accept(), leave()))
        back = QPushButton("Back to the kiosk", self)
        back.clicked.connect(self.accept)
        for button in (self.start_over, self.leave, back):
            button.setStyleSheet(BIG)
            layout.addWidget(button)
