"""ImageCanvas: a picture scaled to fit its widget, with a hook to draw on top in image coordinates."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPixmap, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.ui.widgets.images import fit_rect

BACKGROUND = QColor(238, 238, 238)
PLACEHOLDER_TEXT = QColor(90, 90, 90)


class ScaledCopy:
    """The picture scaled once to the size it is drawn at, kept until the picture or the size changes.

    Smooth-scaling a photo on every paint cost a few milliseconds of the window's time per run in
    repeat mode; drawing a ready pixmap at its own size costs a fraction of one.
    """

    def __init__(self) -> None:
        self._key: tuple[int, int, int, float] | None = None
        self._pixmap = QPixmap()

    def pixmap(self, image: QImage, target: QRectF, ratio: float) -> QPixmap:
        w, h = max(1, round(target.width() * ratio)), max(1, round(target.height() * ratio))
        key = (image.cacheKey(), w, h, ratio)
        if key != self._key:
            # Drawn, not QImage.scaled(): bilinear painting costs what one paint used to, where
            # QImage's smooth scaling (area averaging) cost three times as much on a big photo.
            self._pixmap = QPixmap(w, h)
            self._pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(self._pixmap)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(0, 0, w, h), image)
            painter.end()
            self._pixmap.setDevicePixelRatio(ratio)
            self._key = key
        return self._pixmap

    def draw(self, painter: QPainter, target: QRectF, image: QImage, ratio: float) -> None:
        painter.drawPixmap(target.topLeft(), self.pixmap(image, target, ratio))


class ImageCanvas(QWidget):
    """Draws one QImage as large as fits (keeping its shape); subclasses add overlays.

    Overlays are drawn in widget pixels, not image pixels, so lines and text stay the same
    thickness on a tiny thumbnail and on a 4000-pixel photo.
    """

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self._image = QImage()
        self._scaled = ScaledCopy()
        self._placeholder = placeholder
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    def image(self) -> QImage:
        return self._image

    def set_image(self, image: QImage) -> None:
        self._image = image
        self.update()

    def clear(self) -> None:
        self._image = QImage()
        self.update()

    def image_rect(self) -> QRectF:
        """Where the picture lands inside the widget (empty when there is no picture)."""
        margin = 6.0
        area = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        return fit_rect(self._image.width(), self._image.height(), area)

    def image_to_widget(self) -> QTransform:
        """Maps image pixel coordinates to widget coordinates."""
        target = self.image_rect()
        if target.isEmpty():
            return QTransform()
        scale = target.width() / self._image.width()
        return QTransform(scale, 0, 0, scale, target.x(), target.y())

    def map_to_widget(self, x: float, y: float) -> QPointF:
        return self.image_to_widget().map(QPointF(x, y))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        target = self.image_rect()
        if target.isEmpty():
            self._paint_placeholder(painter)
        else:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.paint_image(painter, target)
            self.paint_overlay(painter, target)
        painter.end()

    def paint_image(self, painter: QPainter, target: QRectF) -> None:
        self._scaled.draw(painter, target, self._image, self.devicePixelRatioF())

    def paint_overlay(self, painter: QPainter, target: QRectF) -> None:
        """Subclasses draw boxes, labels or handles here (widget coordinates)."""

    def _paint_placeholder(self, painter: QPainter) -> None:
        if not self._placeholder:
            return
        painter.setPen(PLACEHOLDER_TEXT)
        font = painter.font()
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        painter.setFont(font)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder)
