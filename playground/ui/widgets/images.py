"""Conversions between numpy pixel arrays and QImage, plus the checkerboard that shows transparency."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPixmap

_CHECKER_LIGHT = QColor(255, 255, 255)
_CHECKER_DARK = QColor(204, 204, 204)


def qimage_from_rgb(pixels: np.ndarray) -> QImage:
    """H×W×3 uint8 RGB → an independent QImage (the copy keeps Qt from pointing into numpy memory)."""
    data = np.ascontiguousarray(pixels, dtype=np.uint8)
    h, w = data.shape[:2]
    return QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def qimage_from_rgba(pixels: np.ndarray) -> QImage:
    """H×W×4 uint8 RGBA (straight alpha) → an independent QImage that keeps the alpha when saved."""
    data = np.ascontiguousarray(pixels, dtype=np.uint8)
    h, w = data.shape[:2]
    return QImage(data.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


def rgba_from_qimage(image: QImage) -> np.ndarray:
    """A QImage → H×W×4 uint8 RGBA array (tests and saving read pixels through this)."""
    img = image.convertToFormat(QImage.Format.Format_RGBA8888)
    w, h = img.width(), img.height()
    raw = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
    return raw.reshape(h, img.bytesPerLine())[:, : 4 * w].reshape(h, w, 4).copy()


def same_pixels(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    """True when two pictures are the same pixels: repeat runs decode the same photo afresh each time."""
    if a is None or b is None:
        return a is b
    return a is b or (a.shape == b.shape and a.dtype == b.dtype and bool(np.array_equal(a, b)))


def checkerboard_brush(cell: int = 10) -> QBrush:
    """The usual grey-and-white squares that mean "transparent here"."""
    tile = QPixmap(2 * cell, 2 * cell)
    tile.fill(_CHECKER_LIGHT)
    painter = QPainter(tile)
    painter.fillRect(0, 0, cell, cell, _CHECKER_DARK)
    painter.fillRect(cell, cell, cell, cell, _CHECKER_DARK)
    painter.end()
    return QBrush(tile)


def fit_rect(image_w: int, image_h: int, area: QRectF, upscale_limit: float = 4.0) -> QRectF:
    """The largest rectangle with the image's aspect ratio centred in `area`.

    Small images are enlarged at most `upscale_limit` times so a 25-pixel face does not turn into mush.
    """
    if image_w <= 0 or image_h <= 0 or area.width() <= 0 or area.height() <= 0:
        return QRectF()
    scale = min(area.width() / image_w, area.height() / image_h, upscale_limit)
    w, h = image_w * scale, image_h * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)
