"""TensorsView: what each output of a model a person brought held, summed up as plain text (shape and type, range,
mean, the first values, and the best scores with their labels), and how its inputs were made."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from playground.core import readable
from playground.core.results import Tensors
from playground.ui.i18n import translate
from playground.ui.scale import relative_font
from playground.ui.views.base import ResultView


def _value(value: Any) -> str:
    return readable.local(f"{value:.6g}") if isinstance(value, float) else str(value)


def output_lines(body: dict[str, Any]) -> list[str]:
    """One output in the window's language; its name and labels are the model's own words, shown as they are."""
    shape = " × ".join(str(d) for d in body["shape"]) or translate("TensorsView", "a single value")
    lines = [translate("TensorsView", "{name}: {element}, {shape}").format(name=body["name"], element=body["element"],
                                                                         shape=shape)]
    if body.get("min") is not None:
        lines.append(translate("TensorsView", "  from {low} to {high}, mean {mean}").format(
            low=_value(body["min"]), high=_value(body["max"]), mean=_value(body["mean"])))
    if body.get("non_finite"):
        lines.append(translate("TensorsView", "  {count} values are not finite (NaN or infinite)").format(
            count=readable.count(body["non_finite"])))
    lines.append(translate("TensorsView", "  first values: {values}").format(
        values=", ".join(_value(v) for v in body["first"])))
    for rank, entry in enumerate(body.get("top", ()), 1):
        label = f" {entry['label']}" if entry.get("label") else ""
        lines.append(f"  {rank}. [{entry['index']}]{label}  {_value(entry['score'])}")
    return lines


class TensorsView(ResultView):
    result_type = Tensors

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("TensorsView", "The model's outputs"))
        relative_font(self.headline, 13, bold=True)
        self.text = QPlainTextEdit(self)  # plain text: the names a model chose are never read as markup
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setAccessibleName(translate("TensorsView", "Each output summed up"))
        self.body.addWidget(self.text, 1)
        self._result: Tensors | None = None
        self.add_action(translate("TensorsView", "Copy as text"), self._copy,
                        translate("TensorsView", "Copy what each output held, as shown."))
        self.finish_actions()
        self.clear()

    def show_result(self, result: Tensors, decoded: Any = None) -> None:
        self._result = result
        count = len(result.outputs)
        self.headline.setText((translate("TensorsView", "{count} output, from inputs made: {made}") if count == 1 else
                               translate("TensorsView", "{count} outputs, from inputs made: {made}")).format(
            count=count, made=result.made))
        self.text.setPlainText("\n".join(line for body in result.outputs for line in (*output_lines(body), "")))
        self.set_actions_enabled(True)

    def clear(self) -> None:
        super().clear()
        self._result = None
        self.text.clear()

    def _copy(self) -> None:
        if self._result is not None:
            self.copy_text(self.headline.text() + "\n\n" + self.text.toPlainText(), translate("TensorsView", "The outputs"))
