"""TimeBars: rows of horizontal bars made of coloured parts on one shared millisecond scale, with a legend."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.core import readable
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate

# Okabe–Ito colours: told apart by colour-blind eyes too. The parts are named in English in the rows (the
# lab's cloud estimate names its own); the legend shows each name translated.
PART_COLOURS = {QT_TRANSLATE_NOOP("TimeBars", "on this computer"): QColor(0, 158, 115),
                QT_TRANSLATE_NOOP("TimeBars", "upload"): QColor(230, 159, 0),
                QT_TRANSLATE_NOOP("TimeBars", "round trip"): QColor(86, 180, 233),
                QT_TRANSLATE_NOOP("TimeBars", "queue"): QColor(204, 121, 167),
                QT_TRANSLATE_NOOP("TimeBars", "server"): QColor(0, 114, 178),
                QT_TRANSLATE_NOOP("TimeBars", "download"): QColor(213, 94, 0),
                QT_TRANSLATE_NOOP("TimeBars", "loading"): QColor(230, 159, 0),
                QT_TRANSLATE_NOOP("TimeBars", "cold run"): QColor(213, 94, 0),
                QT_TRANSLATE_NOOP("TimeBars", "warm run"): QColor(0, 158, 115),
                QT_TRANSLATE_NOOP("TimeBars", "in the model"): QColor(0, 114, 178),
                QT_TRANSLATE_NOOP("TimeBars", "wait for the batch"): QColor(0, 114, 178),
                QT_TRANSLATE_NOOP("TimeBars", "until the first answers"): QColor(230, 159, 0),
                QT_TRANSLATE_NOOP("TimeBars", "the other files"): QColor(0, 158, 115)}
ROW_HEIGHT, GAP, LEGEND = 26, 10, 22

# A row's name (translated by the page that makes it), and its parts (a PART_COLOURS name, ms) in order.
Row = tuple[str, tuple[tuple[str, float], ...]]


def part_name(part: str) -> str:
    """A part as the legend names it: translated if it is one of PART_COLOURS, else as it is."""
    return translate("TimeBars", part) if part in PART_COLOURS else part


class TimeBars(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[Row, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(translate("TimeBars", "Time bars"))

    def set_rows(self, rows: tuple[Row, ...]) -> None:
        self.rows = rows
        totals = "; ".join(f"{name}: {readable.ms(sum(ms for _, ms in parts))} ms" for name, parts in rows)
        self.setAccessibleDescription(totals)
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def _height(self) -> int:
        return len(self.rows) * (ROW_HEIGHT + GAP) + LEGEND + 4

    def sizeHint(self) -> QSize:
        return QSize(480, self._height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self.rows:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        label_w = max(metrics.horizontalAdvance(name) for name, _ in self.rows) + 10
        total_w = metrics.horizontalAdvance("00,000 ms") + 8
        span = max(sum(ms for _, ms in parts) for _, parts in self.rows) or 1.0
        scale = max(1.0, self.width() - label_w - total_w) / span
        for r, (name, parts) in enumerate(self.rows):
            top = r * (ROW_HEIGHT + GAP)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(0, top, label_w, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter, name)
            x = float(label_w)
            painter.setPen(Qt.PenStyle.NoPen)
            for part, ms in parts:
                width = ms * scale
                painter.setBrush(PART_COLOURS.get(part, QColor(120, 120, 120)))
                painter.drawRect(QRectF(x, top + 3, max(width, 1.0), ROW_HEIGHT - 6))  # a tiny part still shows
                x += width
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(x + 6, top, total_w, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter,
                             f"{readable.ms(sum(ms for _, ms in parts))} ms")
        self._legend(painter, metrics, len(self.rows) * (ROW_HEIGHT + GAP))
        painter.end()

    def _legend(self, painter: QPainter, metrics: QFontMetrics, top: int) -> None:
        x = 0.0
        names = list(dict.fromkeys(part for _, parts in self.rows for part, _ in parts))
        for part in names:
            name = part_name(part)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PART_COLOURS.get(part, QColor(120, 120, 120)))
            painter.drawRect(QRectF(x, top + 5, 12, 12))
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(x + 16, top, metrics.horizontalAdvance(name) + 4, LEGEND),
                             Qt.AlignmentFlag.AlignVCenter, name)
            x += 16 + metrics.horizontalAdvance(name) + 14
