"""TensorsView: what a model a person brought answered. Picture-shaped outputs as pictures, waveforms as sound to play,
a vector of scores as bars of its best entries (named from the labels kept with it), and every output summed up as
plain text (shape and type, range, mean, the first values); above them, how the inputs were made."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from playground.core import readable
from playground.core.results import Tensors
from playground.ui.i18n import translate
from playground.ui.plain import PlainLabel
from playground.ui.scale import relative_font
from playground.ui.views.base import ResultView, suggested_name
from playground.ui.views.labels import ScoreBar, percent_text
from playground.ui.widgets.images import qimage_from_rgb

MODEL_WORDS = "model words"  # the name of a label showing the model's own words (its labels), never translated
PICTURE_SIDE = 260  # pixels a picture output is shown in, at most, on its longer side
SHOWN_MAX = 4  # pictures, and sounds, shown of a model's outputs: a model with fifty must not widen the window


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
        relative_font(self.headline, 11, bold=True)
        row = QHBoxLayout()
        self.picture_row = QHBoxLayout()
        row.addLayout(self.picture_row)
        self.bars = QGridLayout()
        self.bars.setColumnStretch(1, 1)
        bars_column = QVBoxLayout()
        self.bars_title = PlainLabel("", self)
        self.bars_title.setWordWrap(True)
        bars_column.addWidget(self.bars_title)
        bars_column.addLayout(self.bars)
        bars_column.addStretch(1)
        row.addLayout(bars_column, 1)
        self.body.addLayout(row)
        self.sound_row = QHBoxLayout()  # a button for each waveform the model gave, played at the input's rate
        self.body.addLayout(self.sound_row)
        self._player: Any = None  # the ClipPlayer, made when a model first gives a sound
        self._playing = ""
        self.text = QPlainTextEdit(self)  # plain text: the names a model chose are never read as markup
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setAccessibleName(translate("TensorsView", "Each output summed up"))
        self.body.addWidget(self.text, 1)
        self._result: Tensors | None = None
        self._decoded: Any = None
        self._shown: list[QWidget] = []
        self.add_action(translate("TensorsView", "Copy as text"), self._copy,
                        translate("TensorsView", "Copy what each output held, as shown."))
        self.save_button = self.add_action(translate("TensorsView", "Save picture…"), self._save_picture,
                                           translate("TensorsView", "Save the first picture the model gave, as a PNG "
                                                                    "file."), saves=True)
        self.finish_actions()
        self.clear()

    def show_result(self, result: Tensors, decoded: Any = None) -> None:
        self._stop_playing()  # the last answer's sound is not this one's
        self._drop_shown()
        self._result, self._decoded = result, decoded
        count = len(result.outputs)
        self.headline.setText((translate("TensorsView", "{count} output from {made}") if count == 1 else
                               translate("TensorsView", "{count} outputs from {made}")).format(count=count,
                                                                                            made=result.made))
        for name, pixels in result.pictures[:SHOWN_MAX]:  # the rest are summed up below, with every output
            self._add_picture(name, pixels)
        for name, _samples in result.sounds[:SHOWN_MAX]:
            self._add_sound(name)
        scored = next((body for body in result.outputs if body.get("top")), None)
        if scored is not None:
            self._add_bars(scored)
        self.text.setPlainText("\n".join(line for body in result.outputs for line in (*output_lines(body), "")))
        self.set_actions_enabled(True)
        self.save_button.setEnabled(self.saving_allowed and bool(result.pictures))

    def _add_picture(self, name: str, pixels: Any) -> None:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        picture = PlainLabel(column)
        image = QPixmap.fromImage(qimage_from_rgb(pixels))
        picture.setPixmap(image.scaled(PICTURE_SIDE, PICTURE_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation))
        picture.setAccessibleName(translate("TensorsView", "The output {name} as a picture").format(name=name))
        layout.addWidget(picture)
        layout.addWidget(PlainLabel(translate("TensorsView", "{name}, {width} × {height}").format(
            name=name, width=pixels.shape[1], height=pixels.shape[0]), column))
        self.picture_row.addWidget(column)
        self._shown.append(column)

    def _add_sound(self, name: str) -> None:
        # A button reads "&" as a shortcut's mark: a name the model chose is shown as written.
        button = QPushButton("▶ " + translate("TensorsView", "Play {name}").format(name=name.replace("&", "&&")), self)
        button.setToolTip(translate("TensorsView", "Listen to the output {name}, at the rate of your recording.")
                          .format(name=name))
        button.clicked.connect(lambda _checked=False, name=name: self._play(name))
        self.sound_row.addWidget(button)
        self._shown.append(button)

    def _play(self, name: str) -> None:
        if self._result is None:
            return
        from playground.ui.widgets.audio import ClipPlayer

        if self._player is None:
            self._player = ClipPlayer(self)
        if self._playing == name and self._player.playing:
            self._player.stop()
            self._playing = ""
            return
        samples = dict(self._result.sounds)[name]
        problem = self._player.play(samples, self._result.rate)
        self._playing = "" if problem else name
        if problem:
            self.say(problem, error=True)

    def _stop_playing(self) -> None:
        if self._player is not None:
            self._player.stop()
        self._playing = ""

    def _add_bars(self, body: dict[str, Any]) -> None:
        self.bars_title.setText((translate("TensorsView", "The best of {name}, shared out by a softmax:") if
                                 body.get("softmax") else translate("TensorsView", "The best of {name}:")).format(
            name=body["name"]))
        for row, entry in enumerate(body["top"]):
            label = entry["label"] or translate("TensorsView", "entry {index}").format(index=entry["index"])
            name = PlainLabel(f"{label} [{entry['index']}]", self)
            name.setObjectName(MODEL_WORDS)
            bar = ScoreBar(entry["share"], row == 0, self)
            share = PlainLabel(percent_text(entry["share"]), self)
            for column, widget in enumerate((name, bar, share)):
                self.bars.addWidget(widget, row, column)
                self._shown.append(widget)

    def _drop_shown(self) -> None:
        for widget in self._shown:  # out of the layouts now: deleted only when the event loop next runs
            self.bars.removeWidget(widget)
            self.picture_row.removeWidget(widget)
            self.sound_row.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._shown = []
        self.bars_title.setText("")

    def clear(self) -> None:
        super().clear()
        self._stop_playing()
        self._drop_shown()
        self._result = None
        self.text.clear()

    def _copy(self) -> None:
        if self._result is not None:
            self.copy_text(self.headline.text() + "\n\n" + self.text.toPlainText(), translate("TensorsView", "The outputs"))

    def _save_picture(self) -> None:
        if self._result is None or not self._result.pictures:
            return
        name, pixels = self._result.pictures[0]
        path = self.ask_save_path(translate("TensorsView", "Save the picture"), suggested_name(self._decoded, "output",
                                                                                              "png"),
                                  translate("TensorsView", "PNG pictures (*.png)"))
        if path:
            self.save_image(qimage_from_rgb(pixels), path, translate("TensorsView", "The picture {name}").format(name=name))
