"""WipePanel: a before/after CompareCanvas with a slider laid exactly under the visible picture."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QSlider, QStyle, QVBoxLayout, QWidget

from playground.ui.i18n import translate
from playground.ui.widgets.compare import CompareCanvas

SLIDER_STEPS = 1000


class WipePanel(QWidget):
    """The slider spans the part of the picture on screen, so its handle always sits under the split.

    Zoomed in, that part is a window into the picture: the slider then wipes across what is visible.
    """

    def __init__(self, parent: QWidget | None = None, tip: str = "") -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.canvas = CompareCanvas(self)
        self.canvas.setAccessibleName(translate("WipePanel", "Before and after"))
        layout.addWidget(self.canvas, 1)
        self._row = QHBoxLayout()
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setAccessibleName(translate("WipePanel", "Compare before and after"))
        self.slider.setToolTip(tip)
        self._row.addWidget(self.slider, 1)
        layout.addLayout(self._row)
        self.slider.valueChanged.connect(self._slider_moved)
        self.canvas.wipe_changed.connect(self._sync_slider)
        self.canvas.resized.connect(self._align)
        self.canvas.view_changed.connect(self._align)
        self._sync_slider()
        self.slider.setEnabled(False)

    def set_pair(self, before: QImage, after: QImage) -> None:
        self.canvas.set_pair(before, after)
        self.slider.setEnabled(True)
        self._align()

    def clear(self) -> None:
        self.canvas.clear()
        self.slider.setEnabled(False)

    def _span(self) -> tuple[float, float]:
        """The visible part of the picture as (start, width), fractions of the whole picture."""
        whole, seen = self.canvas.image_rect(), self.canvas.visible_image_rect()
        if whole.isEmpty() or seen.isEmpty():
            return 0.0, 1.0
        return (seen.left() - whole.left()) / whole.width(), seen.width() / whole.width()

    def _slider_moved(self, value: int) -> None:
        start, width = self._span()
        self.canvas.set_wipe(start + value / SLIDER_STEPS * width)

    def _sync_slider(self, *_: object) -> None:
        start, width = self._span()
        value = round(min(1.0, max(0.0, (self.canvas.wipe - start) / width)) * SLIDER_STEPS)
        if self.slider.value() != value:
            self.slider.blockSignals(True)  # the split is already where it should be
            self.slider.setValue(value)
            self.slider.blockSignals(False)

    def _align(self) -> None:
        target = self.canvas.visible_image_rect()
        if target.isEmpty():
            self._row.setContentsMargins(0, 0, 0, 0)
            return
        half_handle = self.slider.style().pixelMetric(QStyle.PixelMetric.PM_SliderLength, None, self.slider) / 2
        left = self.canvas.geometry().left() + target.left() - half_handle
        right = self.width() - (self.canvas.geometry().left() + target.right() + half_handle)
        self._row.setContentsMargins(max(0, round(left)), 0, max(0, round(right)), 0)
        self._sync_slider()
