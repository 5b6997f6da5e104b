"""Knobs generated from the card's [params]: a spin box, check box or list per knob, plus a reset."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core.card import ModelCard, Param
from playground.ui.controller import Controller
from playground.ui.i18n import translate
from playground.ui.plain import PlainLabel

_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1  # what a QSpinBox holds


def _spin(param: Param, parent: QWidget) -> QSpinBox | QDoubleSpinBox:
    low = param.min if param.min is not None else -1e9
    high = param.max if param.max is not None else 1e9
    if isinstance(param.default, int):
        box: QSpinBox | QDoubleSpinBox = QSpinBox(parent)
        box.setRange(max(int(low), _INT_MIN), min(int(high), _INT_MAX))  # a card's range past what a box holds
        box.setSingleStep(max(1, int((high - low) / 100)) if param.max is not None else 1)
    else:
        box = QDoubleSpinBox(parent)
        box.setDecimals(2)
        box.setRange(float(low), float(high))
        # A threshold steps by 0.05; a knob with a wide range (milliseconds) by the power of ten below a fiftieth of it.
        span = high - low if param.min is not None and param.max is not None else 1.0
        box.setSingleStep(0.05 if span <= 5 else 10.0 ** math.floor(math.log10(span / 50)))
    box.setKeyboardTracking(False)  # typing "0.35" must not run the model at "0", "0.", "0.3"
    return box


class ParamsPanel(QWidget):
    """Shows the current model's knobs; every change goes to controller.set_param."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._widgets: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title = PlainLabel(translate("ParamsPanel", "Settings for this model"), self)
        self.title.setStyleSheet("font-weight: bold;")
        outer.addWidget(self.title)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        self.reset = QPushButton(translate("ParamsPanel", "Reset to defaults"), self)
        self.reset.setAccessibleName(translate("ParamsPanel", "Reset settings to defaults"))
        self.reset.clicked.connect(self._reset)
        outer.addWidget(self.reset)
        outer.addStretch(1)
        controller.model_changed.connect(self._rebuild)
        controller.params_changed.connect(self._show_values)
        self._rebuild(controller.card)

    def widget(self, name: str) -> QWidget:
        return self._widgets[name]

    def _rebuild(self, card: ModelCard | None) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._widgets.clear()
        params = card.params if card is not None else ()
        for param in params:
            widget = self._make(param)
            widget.setToolTip(param.help)
            widget.setAccessibleName(param.label)
            widget.setAccessibleDescription(param.help)
            label = PlainLabel(param.label + ":", self)
            label.setWordWrap(True)  # a long name takes two lines rather than widening the column
            label.setBuddy(widget)
            label.setToolTip(param.help)
            self.form.addRow(label, widget)
            self._widgets[param.name] = widget
        self.title.setVisible(bool(params))
        self.reset.setVisible(bool(params))
        if card is not None:
            self._show_values(self._controller.params)

    def _make(self, param: Param) -> QWidget:
        if param.choices:
            combo = QComboBox(self)
            combo.addItems(list(param.choices))
            combo.currentTextChanged.connect(lambda text, n=param.name: self._controller.set_param(n, text))
            return combo
        if isinstance(param.default, bool):
            check = QCheckBox(self)
            check.toggled.connect(lambda on, n=param.name: self._controller.set_param(n, on))
            return check
        if isinstance(param.default, (int, float)):
            box = _spin(param, self)
            box.valueChanged.connect(lambda value, n=param.name: self._controller.set_param(n, value))
            return box
        line = QLineEdit(self)
        line.editingFinished.connect(lambda n=param.name, w=line: self._controller.set_param(n, w.text()))
        return line

    def _show_values(self, values: dict[str, Any]) -> None:
        for name, widget in self._widgets.items():
            if name not in values:
                continue
            value = values[name]
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentText(str(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
                widget.setValue(value)
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))
            widget.blockSignals(False)

    def _reset(self) -> None:
        self._controller.reset_params()
