"""DrawPad: a square board to draw on with a finger or the mouse; strokes kept so they can be undone."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.ui.i18n import translate
from playground.ui.widgets.images import rgba_from_qimage

BOARD = QColor(24, 28, 34)  # a dark board with white chalk: the way the digit model saw its examples
INK = QColor(255, 255, 255)
GUIDE = QColor(255, 255, 255, 40)
PEN_FRACTION = 0.085  # stroke width as a share of the board's side: a finger-wide line
RENDER_SIDE = 280  # the picture handed to the model (it shrinks it to 28 × 28 anyway)

Stroke = list[tuple[float, float]]  # points in board fractions (0..1), so resizing keeps the drawing


class DrawPad(QWidget):
    changed = Signal(bool)  # True while a stroke is still being drawn, False when it is finished

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[Stroke] = []
        self._drawing = False
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(200, 200)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(translate("DrawPad", "Drawing board"))
        self.setAccessibleDescription(translate("DrawPad", "Draw one digit with the mouse or a finger."))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:
        return QSize(300, 300)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    @property
    def empty(self) -> bool:
        return not self.strokes

    def board(self) -> QRectF:
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    # --- editing ----------------------------------------------------------------------------------
    def undo(self) -> None:
        if self.strokes:
            self.strokes.pop()
            self.update()
            self.changed.emit(False)

    def clear(self) -> None:
        if self.strokes:
            self.strokes.clear()
            self.update()
            self.changed.emit(False)

    def draw_stroke(self, points: Stroke) -> None:
        """Add a whole stroke at once (board fractions): what a test or a demo script draws."""
        self.strokes.append(list(points))
        self.update()
        self.changed.emit(False)

    # --- the picture ------------------------------------------------------------------------------
    def render_pixels(self, side: int = RENDER_SIDE) -> np.ndarray:
        """The drawing as side × side × 3 uint8 RGB, white ink on the dark board."""
        image = QImage(side, side, QImage.Format.Format_RGB32)
        image.fill(QColor(0, 0, 0))
        painter = QPainter(image)
        self._paint_strokes(painter, QRectF(0, 0, side, side), QColor(255, 255, 255))
        painter.end()
        return np.ascontiguousarray(rgba_from_qimage(image)[..., :3])

    def _paint_strokes(self, painter: QPainter, area: QRectF, colour: QColor) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour, max(2.0, area.width() * PEN_FRACTION), Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in self.strokes:
            points = [QPointF(area.left() + x * area.width(), area.top() + y * area.height()) for x, y in stroke]
            if len(points) == 1:
                painter.drawPoint(points[0])  # a tap is a dot
                continue
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.drawPath(path)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        board = self.board()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BOARD)
        painter.drawRoundedRect(board, 10, 10)
        if self.empty:
            painter.setPen(QPen(GUIDE, 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inner = board.adjusted(board.width() * 0.2, board.height() * 0.15, -board.width() * 0.2,
                                   -board.height() * 0.15)
            painter.drawRoundedRect(inner, 8, 8)
            painter.setPen(QColor(255, 255, 255, 150))
            painter.drawText(board, Qt.AlignmentFlag.AlignCenter,
                             translate("DrawPad", "Draw a digit here") + "\n0 1 2 3 4 5 6 7 8 9")
        self._paint_strokes(painter, board, INK)
        painter.end()

    # --- the mouse (a finger on a touch screen arrives as a mouse) ------------------------------------
    def _fraction(self, event: QMouseEvent) -> tuple[float, float]:
        board = self.board()
        x = (event.position().x() - board.left()) / max(board.width(), 1.0)
        y = (event.position().y() - board.top()) / max(board.height(), 1.0)
        return min(1.0, max(0.0, x)), min(1.0, max(0.0, y))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self._drawing = True
            self.strokes.append([self._fraction(event)])
            self.update()
            self.changed.emit(True)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._drawing and self.strokes:
            self.strokes[-1].append(self._fraction(event))
            self.update()
            self.changed.emit(True)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._drawing and event.button() == Qt.MouseButton.LeftButton:
            self._drawing = False
            self.changed.emit(False)
