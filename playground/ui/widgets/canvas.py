"""ImageCanvas: a picture scaled to fit its widget, zoomable and pannable, with overlays in image coordinates."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.ui import theme
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate
from playground.ui.widgets.images import fit_rect
from playground.ui.widgets.zoom import STEP, ZoomState

TAG_BACK = QColor(0, 0, 0, 170)
ZOOM_HELP = QT_TRANSLATE_NOOP("ImageCanvas", "Scroll to zoom, drag to move around, double-click to see the whole "
                                             "picture (keys: + − 0).")


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


def draw_visible(painter: QPainter, target: QRectF, image: QImage, visible: QRectF) -> None:
    """Draw only the part of a zoomed picture that is on screen, straight from the image.

    A cached copy at 8× zoom of a 4000-pixel photo would be a gigapixel; cutting the source
    rectangle to the visible part keeps every paint as cheap as the widget is large. Past 3×,
    pixels are drawn as crisp squares: at that zoom a person wants to see the real pixels.
    """
    part = target.intersected(visible)
    if part.isEmpty() or image.isNull():
        return
    sx, sy = image.width() / target.width(), image.height() / target.height()
    source = QRectF((part.left() - target.left()) * sx, (part.top() - target.top()) * sy,
                    part.width() * sx, part.height() * sy)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, target.width() / image.width() < 3.0)
    painter.drawImage(part, image, source)
    painter.restore()


FOCUS_RING = 2  # pixels


class ImageCanvas(QWidget):
    """Draws one QImage as large as fits (keeping its shape); subclasses add overlays.

    Overlays are drawn in widget pixels, not image pixels, so lines and text stay the same
    thickness on a tiny thumbnail and on a 4000-pixel photo.
    """

    view_changed = Signal()  # zoomed or panned: views that align things with the picture follow

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self._image = QImage()
        self._scaled = ScaledCopy()
        self._placeholder = placeholder
        self._zoom = ZoomState()
        self._drag_from: QPointF | None = None
        self.align_top = False  # beside a list that starts at the top, the picture should start there too
        self.align_bottom = False  # above a list, the picture sits right on it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(translate("ImageCanvas", ZOOM_HELP))

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    def image(self) -> QImage:
        return self._image

    def set_image(self, image: QImage) -> None:
        if image.size() != self._image.size():
            self._zoom.reset()  # a new picture starts whole; the same-sized next answer keeps the zoom
        self._image = image
        self.update()

    def clear(self) -> None:
        self._image = QImage()
        self._zoom.reset()
        self.update()

    # --- where the picture is -------------------------------------------------------------------
    def _area(self) -> QRectF:
        margin = 6.0
        return QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)

    def _fitted(self) -> QRectF:
        rect = fit_rect(self._image.width(), self._image.height(), self._area())
        if self.align_top and not rect.isEmpty():
            rect.moveTop(self._area().top())
        elif self.align_bottom and not rect.isEmpty():
            rect.moveBottom(self._area().bottom())
        return rect

    def image_rect(self) -> QRectF:
        """Where the picture lands inside the widget at the current zoom (empty when there is none)."""
        return self._zoom.place(self._fitted(), self._area())

    @property
    def zoom(self) -> float:
        return self._zoom.zoom

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        anchor = anchor if anchor is not None else self._area().center()
        if self._zoom.zoom_at(factor, anchor, self._fitted(), self._area()):
            self._changed_view()

    def fit(self) -> None:
        if self._zoom.zoomed:
            self._zoom.reset()
            self._changed_view()

    def pan_by(self, dx: float, dy: float) -> None:
        if self._zoom.pan(QPointF(dx, dy), self._fitted(), self._area()):
            self._changed_view()

    def _changed_view(self) -> None:
        self.update()
        self.view_changed.emit()

    def draw_picture(self, painter: QPainter, target: QRectF, image: QImage, cache: ScaledCopy) -> None:
        """Whole picture: a cached copy at its drawn size. Zoomed: only the visible part, from the image."""
        if self._zoom.zoomed:
            draw_visible(painter, target, image, QRectF(self.rect()))
        else:
            cache.draw(painter, target, image, self.devicePixelRatioF())

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
        painter.fillRect(self.rect(), theme.colour("button_back"))  # a quiet frame, light or dark
        target = self.image_rect()
        if target.isEmpty():
            self._paint_placeholder(painter)
        else:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.paint_image(painter, target)
            self.paint_overlay(painter, target)
            if self._zoom.zoomed:
                self._paint_zoom_tag(painter)
        if self.hasFocus():  # where the keys (+ − 0, arrows) go: a visible ring, as a focused button has
            painter.setPen(QPen(theme.colour("highlight"), FOCUS_RING))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def paint_image(self, painter: QPainter, target: QRectF) -> None:
        self.draw_picture(painter, target, self._image, self._scaled)

    def paint_overlay(self, painter: QPainter, target: QRectF) -> None:
        """Subclasses draw boxes, labels or handles here (widget coordinates)."""

    def _paint_zoom_tag(self, painter: QPainter) -> None:
        painter.save()
        font = QFont(painter.font())
        font.setPixelSize(13)
        painter.setFont(font)
        text = translate("ImageCanvas", "{percent} % · double-click to fit").format(
            percent=f"{self._zoom.zoom * 100:.0f}")
        rect = painter.fontMetrics().boundingRect(text).adjusted(-7, -4, 7, 4)
        rect.moveBottomLeft(self.rect().bottomLeft() + QPointF(10, -10).toPoint())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TAG_BACK)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    # --- zoom and pan by mouse and keys -------------------------------------------------------
    def pans_with_left_button(self) -> bool:
        """Canvases that use a left drag for something else (a wipe) pan with the other buttons."""
        return True

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        steps = event.angleDelta().y() / 120
        if self._image.isNull() or not steps:
            event.ignore()
            return
        self.zoom_by(STEP ** steps, event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        panning = event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton) or (
            event.button() == Qt.MouseButton.LeftButton and self.pans_with_left_button())
        if panning and self._zoom.zoomed:
            self._drag_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        self.picture_pressed(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._drag_from is not None:
            delta = event.position() - self._drag_from
            self._drag_from = event.position()
            self.pan_by(delta.x(), delta.y())
            return
        self.picture_dragged(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._drag_from is not None:
            self._drag_from = None
            self.unsetCursor()
            self.restore_cursor()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._zoom.zoomed:
            self.fit()
        else:
            self.zoom_by(2.0, event.position())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / STEP)
        elif key == Qt.Key.Key_0:
            self.fit()
        elif self._zoom.zoomed and key in _ARROWS:
            dx, dy = _ARROWS[key]
            self.pan_by(dx * 40, dy * 40)
        else:
            super().keyPressEvent(event)

    def picture_pressed(self, event: QMouseEvent) -> None:
        """A press that is not a pan: subclasses react (move a wipe, pick a box)."""

    def picture_dragged(self, event: QMouseEvent) -> None:
        """A move that is not a pan."""

    def restore_cursor(self) -> None:
        """After a pan: subclasses with their own cursor set it again."""

    def _paint_placeholder(self, painter: QPainter) -> None:
        if not self._placeholder:
            return
        painter.setPen(theme.colour("muted"))
        font = painter.font()
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        painter.setFont(font)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder)


# Arrow keys move the picture the way the arrow points (the view moves the other way).
_ARROWS: dict[int, tuple[int, int]] = {Qt.Key.Key_Left: (1, 0), Qt.Key.Key_Right: (-1, 0),
                                       Qt.Key.Key_Up: (0, 1), Qt.Key.Key_Down: (0, -1)}
