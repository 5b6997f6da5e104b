"""Zoom and pan of a picture inside a widget: where the picture lands for a given zoom and offset."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

MIN_ZOOM = 1.0  # 1 = the whole picture fits the widget
MAX_ZOOM = 32.0  # far enough to see single pixels of an upscaled picture
STEP = 1.25  # one wheel notch or one key press


class ZoomState:
    """A zoom factor relative to "fit" and the picture's centre offset from the widget's centre.

    Kept in widget pixels so that panning follows the mouse exactly; clamped so the picture never
    slides away from the window (a child cannot lose it off-screen).
    """

    def __init__(self) -> None:
        self.zoom = 1.0
        self.offset = QPointF(0.0, 0.0)

    @property
    def zoomed(self) -> bool:
        return self.zoom > MIN_ZOOM + 1e-6

    def reset(self) -> None:
        self.zoom, self.offset = 1.0, QPointF(0.0, 0.0)

    def place(self, fitted: QRectF, area: QRectF) -> QRectF:
        """The picture's rectangle at this zoom, given where it lands when fitted into `area`."""
        if fitted.isEmpty() or not self.zoomed:
            return QRectF(fitted)
        w, h = fitted.width() * self.zoom, fitted.height() * self.zoom
        self._clamp(w, h, area)
        centre = area.center() + self.offset
        return QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)

    def zoom_at(self, factor: float, anchor: QPointF, fitted: QRectF, area: QRectF) -> bool:
        """Zoom by `factor` keeping the picture point under `anchor` (widget pixels) where it is."""
        new = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom * factor))
        if abs(new - self.zoom) < 1e-9 or fitted.isEmpty():
            return False
        before = self.place(fitted, area)
        # The anchor's position inside the picture, as a fraction, stays under the anchor.
        fx = (anchor.x() - before.left()) / before.width()
        fy = (anchor.y() - before.top()) / before.height()
        self.zoom = new
        if not self.zoomed:
            self.reset()
            return True
        w, h = fitted.width() * new, fitted.height() * new
        left, top = anchor.x() - fx * w, anchor.y() - fy * h
        self.offset = QPointF(left + w / 2 - area.center().x(), top + h / 2 - area.center().y())
        self._clamp(w, h, area)
        return True

    def pan(self, delta: QPointF, fitted: QRectF, area: QRectF) -> bool:
        if not self.zoomed or fitted.isEmpty():
            return False
        before = QPointF(self.offset)
        self.offset += delta
        self._clamp(fitted.width() * self.zoom, fitted.height() * self.zoom, area)
        return self.offset != before

    def _clamp(self, w: float, h: float, area: QRectF) -> None:
        # A picture larger than the area may move until its edge meets the area's edge; a smaller
        # side stays centred.
        limit_x = max(0.0, (w - area.width()) / 2)
        limit_y = max(0.0, (h - area.height()) / 2)
        self.offset = QPointF(min(limit_x, max(-limit_x, self.offset.x())),
                              min(limit_y, max(-limit_y, self.offset.y())))
