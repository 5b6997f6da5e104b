"""DigitView: the guessed digit, large; ten bars that stay in place 0–9; and the 28 × 28 picture the model saw."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from playground.core.results import DigitGuess
from playground.ui import theme
from playground.ui.i18n import translate
from playground.ui.plain import PlainLabel
from playground.ui.scale import relative_font
from playground.ui.views.base import ResultView, suggested_name
from playground.ui.views.labels import BEST, OTHER, bar_colour, percent_text
from playground.ui.widgets.images import qimage_from_rgb


class DigitBars(QWidget):
    """Ten columns, one per digit, always in the same place, so a child sees them rise and fall."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.probabilities = np.zeros(10, np.float32)
        self.setMinimumSize(300, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(translate("DigitBars", "Probability of each digit"))

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def set_probabilities(self, probabilities: np.ndarray) -> None:
        self.probabilities = np.clip(np.asarray(probabilities, np.float32), 0.0, 1.0)
        best = int(np.argmax(self.probabilities))
        each = ", ".join(f"{d}: {percent_text(float(p))}" for d, p in enumerate(self.probabilities))
        self.setAccessibleDescription(translate("DigitBars", "{each}; best {digit}").format(each=each, digit=best))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_h = metrics.height() + 4
        top, bottom = label_h, self.height() - label_h
        slot = self.width() / 10
        best = int(np.argmax(self.probabilities)) if self.probabilities.any() else -1
        for digit, p in enumerate(self.probabilities):
            x = digit * slot + slot * 0.18
            w = slot * 0.64
            track = QRectF(x, top, w, bottom - top)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.colour("track"))
            painter.drawRoundedRect(track, 4, 4)
            h = (bottom - top) * float(p)
            if h > 0:
                painter.setBrush(bar_colour(BEST if digit == best else OTHER))
                painter.drawRoundedRect(QRectF(x, bottom - max(h, 2.0), w, max(h, 2.0)), 4, 4)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(digit * slot, bottom, slot, label_h), Qt.AlignmentFlag.AlignCenter, str(digit))
            if p >= 0.01:
                painter.drawText(QRectF(digit * slot, 0, slot, label_h), Qt.AlignmentFlag.AlignCenter,
                                 percent_text(float(p)))
        painter.end()


def seen_image(seen: np.ndarray) -> QImage:
    grey = np.ascontiguousarray((np.clip(seen, 0.0, 1.0) * 255 + 0.5).astype(np.uint8))
    h, w = grey.shape
    return QImage(grey.data, w, h, w, QImage.Format.Format_Grayscale8).copy()


class DigitView(ResultView):
    result_type = DigitGuess

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("DigitView", "Digit guess"))
        relative_font(self.headline, 14, bold=True)
        row = QHBoxLayout()
        self.bars = DigitBars(self)
        row.addWidget(self.bars, 3)
        side = QVBoxLayout()
        self.seen = PlainLabel(self)
        self.seen.setFixedSize(112, 112)  # 28 × 28 at 4×: every pixel the model saw is a visible square
        self.seen.setScaledContents(True)
        self.seen.setAccessibleName(translate("DigitView", "What the model sees"))
        self.seen.setStyleSheet("border: 1px solid #888;")
        caption = PlainLabel(translate("DigitView", "What the model sees: your drawing shrunk to 28 × 28 pixels and "
                                                    "centred."), self)
        caption.setWordWrap(True)
        caption.setMaximumWidth(160)
        side.addWidget(self.seen)
        side.addWidget(caption)
        side.addStretch(1)
        row.addLayout(side, 1)
        self.body.addLayout(row, 1)
        self._result: DigitGuess | None = None
        self._drawing = QImage()
        self._decoded: Any = None
        self.add_action(translate("DigitView", "Copy as text"), self._copy,
                        translate("DigitView", "Copy the guess and the ten probabilities."))
        self.add_action(translate("DigitView", "Save drawing…"), self._save_clicked,
                        translate("DigitView", "Save the drawing the guess was made on, as a PNG file."), saves=True)
        self.finish_actions()
        self.clear()

    def show_result(self, result: DigitGuess, decoded: Any = None) -> None:
        self._result, self._decoded = result, decoded
        pixels = getattr(decoded, "pixels", None)
        self._drawing = qimage_from_rgb(pixels) if pixels is not None else QImage()
        sure = result.confidence
        template = (translate("DigitView", "{digit}   ({percent} sure)") if sure >= 0.8 else
                    translate("DigitView", "{digit} maybe   ({percent} sure)") if sure >= 0.4 else
                    translate("DigitView", "{digit} — a wild guess   ({percent} sure)"))
        self.headline.setText(template.format(digit=result.digit, percent=percent_text(sure)))
        self.bars.set_probabilities(result.probabilities)
        self.seen.setPixmap(QPixmap.fromImage(seen_image(result.seen)))
        self.set_actions_enabled(True)
        self.say("")

    def clear(self) -> None:
        super().clear()
        self._result = None
        self._decoded = None  # the input it was given: a person's photo or recording
        self._drawing = QImage()
        self.bars.set_probabilities(np.zeros(10, np.float32))
        self.seen.clear()

    def save_to(self, path: str) -> bool:
        return self.save_image(self._drawing, path, translate("ResultView", "drawing"))

    def _save_clicked(self) -> None:
        if self._result is not None:
            path = self.ask_save_path(translate("DigitView", "Save drawing"),
                                      suggested_name(self._decoded, "digit", "png"),
                                      translate("DigitView", "PNG image (*.png)"))
            if path:
                self.save_to(path)

    def _copy(self) -> None:
        if self._result is not None:
            probs = ", ".join(f"{d}: {p:.3f}" for d, p in enumerate(self._result.probabilities))
            self.copy_text(f"{self._result.digit} ({probs})", translate("ResultView", "guess"))
