"""TextLinesView: the picture with each text box and what was read in it, the lines listed, copy all."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QListWidget, QListWidgetItem, QSplitter, QWidget

from playground.core.results import TextLine, TextLines
from playground.core.results.certainty import percent_text
from playground.ui.i18n import translate
from playground.ui.plain import PlainLabel, plain_tip
from playground.ui.scale import relative_font
from playground.ui.views.base import ResultView, suggested_name
from playground.ui.widgets.canvas import ImageCanvas
from playground.ui.widgets.images import qimage_from_rgb, same_pixels
from playground.ui.widgets.room import picture_above, visible_height

BOX = QColor(255, 176, 0)  # amber, as the face boxes
CHOSEN = QColor(0, 114, 178)  # the line picked in the list (Okabe–Ito blue)
HALO = QColor(0, 0, 0, 170)
PAPER = QColor(255, 255, 255, 242)  # under the read text: the original letters barely show through
INK = QColor(10, 10, 10)


def _polygon(quad: tuple[tuple[float, float], ...], to_view: QTransform) -> QPolygonF:
    return to_view.map(QPolygonF([QPointF(x, y) for x, y in quad]))


def _draw_text_in(painter: QPainter, poly: QPolygonF, text: str) -> None:
    """Write `text` along the box's top edge, as tall as the box and squeezed to its length."""
    tl, tr, bl = poly.at(0), poly.at(1), poly.at(3)
    length = math.hypot(tr.x() - tl.x(), tr.y() - tl.y())
    height = math.hypot(bl.x() - tl.x(), bl.y() - tl.y())
    if length < 4 or height < 4 or not text:
        return
    painter.save()
    painter.translate(tl)
    painter.rotate(math.degrees(math.atan2(tr.y() - tl.y(), tr.x() - tl.x())))
    font = QFont(painter.font())
    font.setPixelSize(max(6, round(height * 0.72)))
    painter.setFont(font)
    # Stretched or squeezed to the box's length, so the read text covers the letters it was read from.
    advance = max(QFontMetricsF(font).horizontalAdvance(text), 1.0)
    stretch = min(2.0, max(0.4, length * 0.96 / advance))
    painter.translate(length * 0.02, 0)
    painter.scale(stretch, 1.0)
    length = advance
    painter.setPen(INK)
    painter.drawText(QRectF(0, 0, length, height), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
    painter.restore()


def draw_lines(painter: QPainter, to_view: QTransform, lines: tuple[TextLine, ...], show_text: bool,
               chosen: int = -1, line_width: float = 2.0) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for index, line in enumerate(lines):
        poly = _polygon(line.quad, to_view)
        if show_text:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PAPER)
            painter.drawPolygon(poly)
            _draw_text_in(painter, poly, line.text)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(HALO, line_width + 2))
        painter.drawPolygon(poly)
        painter.setPen(QPen(CHOSEN if index == chosen else BOX, line_width * (1.6 if index == chosen else 1.0)))
        painter.drawPolygon(poly)


def annotated_image(result: TextLines, show_text: bool) -> QImage:
    """The full-size picture with the boxes (and the read text) drawn on, as it is saved."""
    image = qimage_from_rgb(result.image).convertToFormat(QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    draw_lines(painter, QTransform(), result.lines, show_text, line_width=max(1.5, max(image.width(),
                                                                                      image.height()) / 400))
    painter.end()
    return image


class TextCanvas(ImageCanvas):
    """The picture with a box around every line; clicking a box picks its line in the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, placeholder=translate("TextCanvas", "The picture and the text found on it appear "
                                                                     "here."))
        self.lines: tuple[TextLine, ...] = ()
        self.show_text = True
        self.chosen = -1
        self.on_pick: Callable[[int], None] | None = None  # called with a line index when a box is clicked

    def paint_overlay(self, painter: QPainter, target: QRectF) -> None:
        draw_lines(painter, self.image_to_widget(), self.lines, self.show_text, self.chosen)

    def pans_with_left_button(self) -> bool:
        return False  # a left click picks a line; the right or middle button pans

    def picture_pressed(self, event: Any) -> None:
        to_view = self.image_to_widget()
        for index, line in enumerate(self.lines):
            if _polygon(line.quad, to_view).containsPoint(event.position(), Qt.FillRule.OddEvenFill):
                if self.on_pick is not None:
                    self.on_pick(index)
                return


class TextLinesView(ResultView):
    """Shows TextLines: boxes on the picture, the lines with their confidence, and one-click copy."""

    shows_partial = True
    result_type = TextLines

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("TextLinesView", "Text found on the picture"))
        # The lines beside the picture, or under it when that draws it larger (a wide page in a tall area):
        # then each line reads in one row across the whole width instead of wrapping in a narrow column.
        split = self._split = QSplitter(Qt.Orientation.Horizontal, self)
        self.canvas = TextCanvas(split)
        self.canvas.setAccessibleName(translate("TextLinesView", "Picture with text boxes"))
        self.canvas.on_pick = self._pick
        side = QWidget(split)
        column = QHBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(side)
        self.list.setAccessibleName(translate("TextLinesView", "Lines read"))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.currentRowChanged.connect(self._row_changed)
        relative_font(self.list, 2)  # the text read is the answer: as large as a person reads comfortably
        column.addWidget(self.list)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.body.addWidget(split, 1)
        self._arranging = QTimer(self)
        self._arranging.setSingleShot(True)
        self._arranging.timeout.connect(self._arrange)
        self.overlay = QCheckBox(translate("TextLinesView", "Show the text it read on the picture"), self)
        self.overlay.setChecked(True)
        self.overlay.toggled.connect(self._overlay_toggled)
        self.body.addWidget(self.overlay)
        self.empty = PlainLabel("", self)
        self.empty.setWordWrap(True)
        self.body.addWidget(self.empty)
        self._result: TextLines | None = None
        self._decoded: Any = None
        self._pixels: Any = None
        self._sized_for: tuple[bool, int] | None = None
        self.copy_button = self.add_action(translate("TextLinesView", "Copy all text"), self._copy_text,
                                           translate("TextLinesView", "Copy every line, top to bottom."))
        self.add_action(translate("TextLinesView", "Save text…"), self._save_text_clicked,
                        translate("TextLinesView", "Save the lines as a text file."), saves=True)
        self.add_action(translate("TextLinesView", "Save picture with boxes…"), self._save_picture_clicked,
                        translate("TextLinesView", "Save the picture with the boxes drawn on it as a PNG file."),
                        saves=True)
        self.finish_actions()
        self.clear()

    def show_result(self, result: TextLines, decoded: Any = None) -> None:
        self._decoded = decoded
        self._fill(result)
        n = len(result.lines)
        self.headline.setText(translate("TextLinesView", "No text found") if not n else
                              translate("TextLinesView", "1 line of text found") if n == 1 else
                              translate("TextLinesView", "{count} lines of text found").format(count=n))
        self.empty.setText("" if n else translate("TextLinesView", "The model found no printed text here. Try a "
                                                                   "sharper photo of a page, a sign or a screenshot."))
        self.set_actions_enabled(True)
        self.copy_button.setEnabled(n > 0)
        self.say("")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._arranging.start(0)  # after the layout has given the splitter its new size

    def _arrange(self) -> None:
        room = self._split.geometry()
        height = visible_height(self, room.height())
        rows = self.list.count()
        # Under the picture the list wants a row per line, up to two fifths of the room, then scrolls.
        needed = (sum(self.list.sizeHintForRow(i) for i in range(rows)) + (2 * rows + 1) * self.list.spacing()
                  + 2 * self.list.frameWidth() + 4)
        below = min(needed if rows else 80, int(height * 0.4))
        stacked = self._pixels is not None and picture_above(room.width(), height, self._pixels.shape[:2], 0.4,
                                                              0, below)
        orientation = Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal
        if orientation != self._split.orientation() or self._sized_for != (stacked, rows):
            self._split.setOrientation(orientation)
            total = height if stacked else room.width()
            self._split.setSizes([total - below, below] if stacked else [total * 3 // 5, total * 2 // 5])
            self._sized_for = (stacked, rows)  # sizes a person drags stay until the answer changes
        self.canvas.align_bottom = stacked  # right on the lines it read
        self.canvas.update()

    def show_partial(self, result: TextLines) -> None:
        self._fill(result)
        self.headline.setText(translate("TextLinesView", "Reading… {count} lines so far").format(
            count=len(result.lines)))

    def _fill(self, result: TextLines) -> None:
        self._result = result
        if not same_pixels(self._pixels, result.image):
            self._pixels = result.image
            self.canvas.set_image(qimage_from_rgb(result.image))
        self.canvas.lines = result.lines
        self.canvas.chosen = -1
        self.canvas.update()
        self.list.blockSignals(True)
        self.list.clear()
        for line in result.lines:
            # What was read is the model's own; the line under it is ours.
            sure = (translate("TextLinesView", "{percent} sure  (was upside down)") if line.flipped else
                    translate("TextLinesView", "{percent} sure")).format(percent=percent_text(line.score))
            item = QListWidgetItem(f"{line.text}\n{sure}")
            item.setToolTip(plain_tip(line.text))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._arranging.start(0)

    def clear(self) -> None:
        super().clear()
        self._result = None
        self._decoded = None  # the input it was given: a person's photo or recording
        self._pixels = None
        self.canvas.lines = ()
        self.canvas.clear()
        self.list.clear()
        self.empty.setText("")

    def _pick(self, index: int) -> None:
        self.list.setCurrentRow(index)

    def _row_changed(self, row: int) -> None:
        self.canvas.chosen = row
        self.canvas.update()

    def _overlay_toggled(self, on: bool) -> None:
        self.canvas.show_text = on
        self.canvas.update()

    def _copy_text(self) -> None:
        if self._result is not None and self._result.lines:
            self.copy_text(self._result.text, translate("ResultView", "text"))

    def save_text_to(self, path: str) -> bool:
        return self.save_text(self._result.text + "\n" if self._result else "", path, translate("ResultView", "text"))

    def save_picture_to(self, path: str) -> bool:
        image = annotated_image(self._result, self.overlay.isChecked()) if self._result else QImage()
        return self.save_image(image, path, translate("ResultView", "picture with boxes"))

    def _save_text_clicked(self) -> None:
        if self._result is not None:
            path = self.ask_save_path(translate("TextLinesView", "Save text"),
                                      suggested_name(self._decoded, "text", "txt"),
                                      translate("TextLinesView", "Text file (*.txt)"))
            if path:
                self.save_text_to(path)

    def _save_picture_clicked(self) -> None:
        if self._result is not None:
            path = self.ask_save_path(translate("TextLinesView", "Save picture with boxes"),
                                      suggested_name(self._decoded, "text-boxes", "png"),
                                      translate("TextLinesView", "PNG image (*.png)"))
            if path:
                self.save_picture_to(path)
