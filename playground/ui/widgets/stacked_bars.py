"""StackedBars: every stage's bars of the latency graph in one graphics item, laid out once per change.

Ten pyqtgraph BarGraphItems (five stages, warm and cold) meant ten items for the scene to ask for their bounds
(forty Python calls a redraw, each waiting for the interpreter while the worker holds it) and ten to paint.
One item holding the same bars is asked once, and paints each brush's bars with one call from rectangles laid
out when they changed: the same rectangles, brushes and hatching, at a fraction of the event loop's time.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import internals
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter


class BarSet:
    """One brush's bars (a stage's warm runs, or its cold ones), with the options a BarGraphItem keeps."""

    def __init__(self, brush: QBrush, width: float) -> None:
        self.opts: dict[str, object] = {"x": np.zeros(0), "y0": np.zeros(0), "height": np.zeros(0), "width": width,
                                        "brush": brush}

    def set(self, x: np.ndarray, y0: np.ndarray, height: np.ndarray) -> bool:
        """New bars; False when they are the ones already drawn, so nothing need be drawn again."""
        old = self.opts
        if (len(x) == len(old["x"]) and np.array_equal(x, old["x"]) and  # type: ignore[arg-type]
                np.array_equal(y0, old["y0"]) and np.array_equal(height, old["height"])):  # type: ignore[arg-type]
            return False
        self.opts = {**old, "x": np.array(x, dtype=float), "y0": np.array(y0, dtype=float),
                     "height": np.array(height, dtype=float)}
        return True


class StackedBars(pg.GraphicsObject):
    """Draws its BarSets in order, without outlines, from rectangles laid out again only when a set changed."""

    def __init__(self, sets: list[BarSet]) -> None:
        super().__init__()
        self.sets = sets
        # Each set's rectangles as one numpy-backed QRectF array, as pyqtgraph's own bars keep theirs: no Python
        # loop to lay them out, one drawRects call to paint them.
        self._rects = [internals.PrimitiveArray(QRectF, 4) for _ in sets]
        self._drawn: list[tuple[QBrush, Any]] = []  # a brush, and drawRects' arguments for its bars
        self._bounds = QRectF()

    def changed(self) -> None:
        """Lay out the sets' bars again (after BarSet.set returned True for any of them)."""
        self._drawn = []
        left = bottom = np.inf
        right = top = -np.inf
        for bars, rects in zip(self.sets, self._rects):
            x, y0, height = (np.asarray(bars.opts[key], dtype=float) for key in ("x", "y0", "height"))
            if not len(x):
                continue
            half = float(bars.opts["width"]) / 2  # type: ignore[arg-type]
            rects.resize(len(x))
            memory = rects.ndarray()
            memory[:, 0], memory[:, 1], memory[:, 2], memory[:, 3] = x - half, y0, 2 * half, height
            self._drawn.append((bars.opts["brush"], rects.drawargs()))  # type: ignore[arg-type]
            left, right = min(left, float(x.min()) - half), max(right, float(x.max()) + half)
            ends = (y0, y0 + height)
            bottom = min(bottom, *(float(e.min()) for e in ends))
            top = max(top, *(float(e.max()) for e in ends))
        self.prepareGeometryChange()
        self._bounds = QRectF(left, bottom, right - left, top - bottom) if left < right else QRectF()
        self.update()

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange: object = None) -> tuple[float | None, float | None]:  # noqa: N802, N803 - pyqtgraph's names
        if self._bounds.isNull():
            return None, None
        return ((self._bounds.left(), self._bounds.right()) if ax == 0 else
                (self._bounds.top(), self._bounds.bottom()))

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return QRectF(self._bounds)

    def paint(self, painter: QPainter, *_: object) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for brush, rects in self._drawn:
            painter.setBrush(brush)
            painter.drawRects(*rects)
