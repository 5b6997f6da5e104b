"""A kiosk's operator screen, behind the operator's PIN: the visitors' models, the idle time, the show, leaving.

The quit chord opens it. Without the PIN (set with `playground kiosk-pin`) nothing here can be reached;
after five wrong PINs the pad rests for a minute. What the operator changes here lives in memory: the
kiosk's file is only ever written by `playground kiosk-pin`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core.pin import MAX_DIGITS, check_pin
from playground.ui import theme
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.plain import PlainLabel

TRIES, REST_S = 5, 60
NO_PIN = QT_TRANSLATE_NOOP("OperatorScreen", "No operator PIN is set, so anyone who finds the keys can reach this "
                                             "screen: set one with 'playground kiosk-pin --config FILE' and restart "
                                             "the kiosk.")
KEY_NAMES = {"⌫": QT_TRANSLATE_NOOP("PinPad", "Delete the last digit"), "✓": QT_TRANSLATE_NOOP("PinPad", "Enter")}
BIG = "font-size: 22px; min-height: 56px; min-width: 72px;"


class PinPad(QDialog):
    """Digits by touch or keyboard, shown as dots; accept() only for the right PIN."""

    def __init__(self, stored: str, parent: QWidget | None = None, clock: Callable[[], float] = time.monotonic,
                 failures: list[float] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PinPad", "Operator"))
        self.setModal(True)
        self._stored, self._clock = stored, clock
        self.failures = failures if failures is not None else []  # kept by the window across openings
        layout = QVBoxLayout(self)
        layout.addWidget(PlainLabel(translate("PinPad", "Operator PIN:"), self))
        self.entry = QLineEdit(self)
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setMaxLength(MAX_DIGITS)
        self.entry.setValidator(QRegularExpressionValidator(r"[0-9]*", self.entry))
        self.entry.setStyleSheet(BIG)
        self.entry.setAccessibleName(translate("PinPad", "Operator PIN"))
        self.entry.returnPressed.connect(self.try_pin)
        layout.addWidget(self.entry)
        pad = QGridLayout()
        for i, key in enumerate("123456789⌫0✓"):
            button = QPushButton(key, self)
            button.setStyleSheet(BIG)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if key in KEY_NAMES:  # a screen reader says what the sign does
                button.setAccessibleName(translate("PinPad", KEY_NAMES[key]))
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            pad.addWidget(button, i // 3, i % 3)
        layout.addLayout(pad)
        self.message = PlainLabel("", self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        cancel = QPushButton(translate("PinPad", "Back to the kiosk"), self)
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
            self.message.setText(translate("PinPad", "Too many wrong PINs: try again in {seconds} s.").format(
                seconds=wait))
            return False
        if check_pin(pin, self._stored):
            self.failures.clear()
            self.accept()
            return True
        self.failures.append(self._clock())
        self.message.setText(translate("PinPad", "That is not the operator PIN."))
        return False


class Operated(Protocol):
    """What the operator screen changes: the kiosk's visits (ui/visits.py)."""

    show_attract: bool

    def leave(self) -> None: ...
    def forget(self) -> None: ...
    def idle_seconds(self) -> int: ...
    def set_idle_seconds(self, seconds: int) -> None: ...
    def set_attract(self, on: bool) -> None: ...
    def visitor_models(self) -> list[tuple[str, str, bool]]: ...
    def set_visitor_models(self, model_ids: list[str]) -> None: ...
    def expert_shown(self) -> bool: ...
    def show_expert(self, on: bool) -> None: ...


class OperatorScreen(QDialog):
    """What the operator may do until the kiosk next starts: the models visitors see, the idle time, the show
    while nobody is there, the engineer's controls; start over now; leave."""

    def __init__(self, kiosk: Operated, pin_set: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("OperatorScreen", "Operator"))
        self.setModal(True)
        self._kiosk = kiosk
        layout = QVBoxLayout(self)
        if not pin_set:
            warning = PlainLabel(translate("OperatorScreen", NO_PIN), self)
            warning.setWordWrap(True)
            theme.themed(warning, "error", "font-weight: bold;")
            layout.addWidget(warning)
        layout.addWidget(PlainLabel(translate("OperatorScreen", "The models visitors see:"), self))
        self.models = QListWidget(self)
        self.models.setAccessibleName(translate("OperatorScreen", "The models visitors see"))
        self.models.setStyleSheet("QListWidget { font-size: 18px; } QListWidget::item { min-height: 44px; }")
        for model_id, name, shown in kiosk.visitor_models():
            item = QListWidgetItem(name, self.models)
            item.setData(Qt.ItemDataRole.UserRole, model_id)
            # Not user-checkable: a touch anywhere on the row toggles it (below), never twice on the small box.
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)
        self.models.itemChanged.connect(self._on_models_changed)
        self.models.itemClicked.connect(self._toggle)
        layout.addWidget(self.models, 1)
        row = QHBoxLayout()
        row.addWidget(PlainLabel(translate("OperatorScreen", "Start over after this many seconds without a touch "
                                                     "(0: never):"), self))
        self.idle = QSpinBox(self)
        self.idle.setRange(0, 86_400)
        self.idle.setValue(kiosk.idle_seconds())
        self.idle.setAccessibleName(translate("OperatorScreen", "Idle seconds"))
        self.idle.setStyleSheet("font-size: 22px; min-height: 48px; min-width: 120px;")  # a finger's size
        self.idle.valueChanged.connect(kiosk.set_idle_seconds)
        row.addWidget(self.idle)
        layout.addLayout(row)
        self.attract = QCheckBox(translate("OperatorScreen", "While nobody is there, show the models at work on their "
                                                          "samples"), self)
        self.attract.setChecked(kiosk.show_attract)
        self.attract.toggled.connect(kiosk.set_attract)
        self.expert = QCheckBox(translate("OperatorScreen", "Show the engineer's controls (threads, knobs, model "
                                                            "cards) until the next start"), self)
        self.expert.setChecked(kiosk.expert_shown())
        self.expert.toggled.connect(kiosk.show_expert)
        for box in (self.attract, self.expert):
            box.setStyleSheet("QCheckBox { font-size: 18px; min-height: 44px; } "
                              "QCheckBox::indicator { width: 28px; height: 28px; }")
            layout.addWidget(box)
        def start_over() -> None:
            kiosk.forget()
            self.accept()

        def leave() -> None:
            self.accept()
            kiosk.leave()

        self.start_over = QPushButton(translate("OperatorScreen", "Start over now"), self)
        self.start_over.clicked.connect(start_over)
        self.leave = QPushButton(translate("OperatorScreen", "Leave the kiosk"), self)
        self.leave.clicked.connect(leave)
        back = QPushButton(translate("OperatorScreen", "Back to the kiosk"), self)
        back.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.start_over, self.leave, back):
            button.setStyleSheet(BIG)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.resize(760, 640)

    def chosen_models(self) -> list[str]:
        return [self.models.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.models.count())
                if self.models.item(i).checkState() == Qt.CheckState.Checked]

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _on_models_changed(self, item: QListWidgetItem) -> None:
        chosen = self.chosen_models()
        if not chosen:  # a kiosk with no model would be an empty screen: the last one stays
            self.models.blockSignals(True)
            item.setCheckState(Qt.CheckState.Checked)
            self.models.blockSignals(False)
            return
        self._kiosk.set_visitor_models(chosen)
