"""CompareCanvas: a before/after wipe between a picture and its cut-out shown over a checkerboard."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QWidget

from playground.ui.i18n import translate
from playground.ui.widgets.canvas import ImageCanvas, ScaledCopy
from playground.ui.widgets.images import checkerboard_brush

HANDLE = QColor(255, 255, 255)
HANDLE_RIM = QColor(0, 0, 0, 190)
TAG_BACK = QColor(0, 0, 0, 170)


class CompareCanvas(ImageCanvas):
    """Left of the split: the original ("Before"). Right of it: the cut-out ("After").

    Click or drag anywhere on the picture to move the split; `wipe` is its position from 0 (all
    "After") to 1 (all "Before").
    """

    wipe_changed = Signal(float)
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, placeholder=translate("CompareCanvas", "The photo and its cut-out appear here."))
        self._cutout = QImage()
        self._scaled_cutout = ScaledCopy()
        self._scaled_original = ScaledCopy()
        self._wipe = 0.5
        self._checker = checkerboard_brush(10)
        self.setCursor(Qt.CursorShape.SplitHCursor)

    @property
    def wipe(self) -> float:
        return self._wipe

    def set_wipe(self, value: float) -> None:
        value = min(1.0, max(0.0, float(value)))
        if value != self._wipe:
            self._wipe = value
            self.update()
            self.wipe_changed.emit(value)

    def set_pair(self, original: QImage, cutout: QImage) -> None:
        self._cutout = cutout
        self.set_image(original)
        self.resized.emit()  # the picture's shape, and so its place in the widget, may have changed

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.resized.emit()

    def clear(self) -> None:
        self._cutout = QImage()
        super().clear()

    def split_x(self) -> float:
        target = self.image_rect()
        return target.left() + self._wipe * target.width()

    def visible_image_rect(self) -> QRectF:
        """The part of the picture on screen (all of it unless zoomed)."""
        return self.image_rect().intersected(QRectF(self.rect()))

    def paint_image(self, painter: QPainter, target: QRectF) -> None:
        self._checker.setTransform(QTransform.fromTranslate(target.left(), target.top()))
        painter.fillRect(target, self._checker)
        self.draw_picture(painter, target, self._cutout, self._scaled_cutout)  # dragging the split repaints often
        split = self.split_x()
        painter.save()
        painter.setClipRect(QRectF(target.left(), target.top(), split - target.left(), target.height()))
        self.draw_picture(painter, target, self.image(), self._scaled_original)
        painter.restore()

    def paint_overlay(self, painter: QPainter, target: QRectF) -> None:
        x = self.split_x()
        painter.setPen(QPen(HANDLE_RIM, 5))
        painter.drawLine(QPointF(x, target.top()), QPointF(x, target.bottom()))
        painter.setPen(QPen(HANDLE, 3))
        painter.drawLine(QPointF(x, target.top()), QPointF(x, target.bottom()))
        self._paint_knob(painter, QPointF(x, target.center().y()))
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(14)
        painter.setFont(font)
        if self._wipe > 0.12:
            self._paint_tag(painter, translate("CompareCanvas", "Before"), QPointF(target.left() + 6, target.top() + 6),
                            left=True)
        if self._wipe < 0.88:
            self._paint_tag(painter, translate("CompareCanvas", "After"), QPointF(target.right() - 6, target.top() + 6),
                            left=False)

    def _paint_knob(self, painter: QPainter, centre: QPointF) -> None:
        painter.setPen(QPen(HANDLE_RIM, 2))
        painter.setBrush(HANDLE)
        painter.drawEllipse(centre, 16, 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(HANDLE_RIM)
        for sign in (-1, 1):
            tip = centre + QPointF(sign * 11, 0)
            base = centre + QPointF(sign * 4, 0)
            painter.drawPolygon(QPolygonF([tip, base + QPointF(0, -6), base + QPointF(0, 6)]))

    def _paint_tag(self, painter: QPainter, text: str, corner: QPointF, left: bool) -> None:
        metrics = QFontMetricsF(painter.font())
        w, h = metrics.horizontalAdvance(text) + 14, metrics.height() + 6
        rect = QRectF(corner.x() if left else corner.x() - w, corner.y(), w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TAG_BACK)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _follow(self, event: QMouseEvent) -> None:
        target = self.image_rect()
        if not target.isEmpty():
            self.set_wipe((event.position().x() - target.left()) / target.width())

    def pans_with_left_button(self) -> bool:
        return False  # the left button moves the split; the right or middle button pans

    def picture_pressed(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._follow(event)

    def picture_dragged(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._follow(event)

    def restore_cursor(self) -> None:
        self.setCursor(Qt.CursorShape.SplitHCursor)
