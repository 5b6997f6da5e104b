"""DetectionsView: the picture with each box, its five landmarks and its score, and "N faces found"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QTransform
from PySide6.QtWidgets import QWidget

from playground.core.results import Detection, Detections
from playground.ui.i18n import translate
from playground.ui.plain import PlainLabel
from playground.ui.views.base import ResultView, suggested_name
from playground.ui.widgets.canvas import ImageCanvas
from playground.ui.widgets.images import qimage_from_rgb, same_pixels

BOX_COLOUR = QColor(255, 176, 0)  # amber: stands out on skin, sky and grass, and for colour-blind eyes
HALO_COLOUR = QColor(0, 0, 0, 170)  # a dark rim keeps the box visible on a light or amber background
TAG_TEXT = QColor(0, 0, 0)
# Eyes, nose, mouth corners (Okabe–Ito colours, told apart with any colour vision).
LANDMARK_COLOURS = (QColor(86, 180, 233), QColor(86, 180, 233), QColor(0, 158, 115),
                    QColor(204, 121, 167), QColor(204, 121, 167))


def draw_detections(painter: QPainter, to_view: QTransform, items: tuple[Detection, ...], line: float) -> None:
    """Draws boxes, landmarks and score tags; `line` is the box line width in output pixels."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(11, round(line * 4.5)))
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    for det in items:
        box = to_view.mapRect(QRectF(QPointF(det.box[0], det.box[1]), QPointF(det.box[2], det.box[3])))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(HALO_COLOUR, line + 2 * max(1.0, line / 3)))
        painter.drawRect(box)
        painter.setPen(QPen(BOX_COLOUR, line))
        painter.drawRect(box)
        radius = max(3.5, line * 1.6)
        for (x, y), colour in zip(det.landmarks, LANDMARK_COLOURS * 2):
            painter.setPen(QPen(QColor(255, 255, 255), max(1.0, line / 2)))
            painter.setBrush(colour)
            painter.drawEllipse(to_view.map(QPointF(x, y)), radius, radius)
        _draw_tag(painter, metrics, box, f"{det.score * 100:.0f} %")


def _draw_tag(painter: QPainter, metrics: QFontMetricsF, box: QRectF, text: str) -> None:
    """The score in a filled tag on the box's top edge, inside the picture when the box touches the top."""
    pad = metrics.height() * 0.2
    w, h = metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + pad
    top = box.top() - h if box.top() - h >= 0 else box.top()
    tag = QRectF(box.left(), top, w, h)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BOX_COLOUR)
    painter.drawRect(tag)
    painter.setPen(TAG_TEXT)
    painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)


def found_words(what: str, n: int) -> tuple[str, str]:
    """The headline and the hint for `n` of `what` (the result's own noun, "face"): whole sentences for the kinds
    a task names, so a language writes each with its own plural; any other noun goes in as it is."""
    if what == "face":
        if not n:
            return (translate("DetectionsView", "No faces found"),
                    translate("DetectionsView", "Try a picture where the faces are larger or clearer, or lower the "
                                                "confidence threshold."))
        headline = (translate("DetectionsView", "1 face found") if n == 1 else
                    translate("DetectionsView", "{count} faces found").format(count=n))
    elif what == "object":
        if not n:
            return (translate("DetectionsView", "No objects found"),
                    translate("DetectionsView", "Try a picture where the objects are larger or clearer, or lower the "
                                                "confidence threshold."))
        headline = (translate("DetectionsView", "1 object found") if n == 1 else
                    translate("DetectionsView", "{count} objects found").format(count=n))
    else:
        if not n:
            return (translate("DetectionsView", "Found: none ({what})").format(what=what),
                    translate("DetectionsView", "Try a larger or clearer picture, or lower the confidence threshold."))
        headline = translate("DetectionsView", "Found: {count} ({what})").format(count=n, what=what)
    return headline, translate("DetectionsView", "The number by each box is how sure the model is.")


def annotated_image(result: Detections) -> QImage:
    """The full-size picture with everything drawn on it, as it is saved."""
    image = qimage_from_rgb(result.image).convertToFormat(QImage.Format.Format_ARGB32)
    line = max(2.0, max(image.width(), image.height()) / 250)
    painter = QPainter(image)
    draw_detections(painter, QTransform(), result.items, line)
    painter.end()
    return image


class DetectionCanvas(ImageCanvas):
    """The picture scaled to the widget, boxes drawn at screen thickness."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, placeholder=translate("DetectionCanvas", "The picture with the faces marked appears "
                                                                          "here."))
        self.items: tuple[Detection, ...] = ()

    def paint_overlay(self, painter: QPainter, target: QRectF) -> None:
        draw_detections(painter, self.image_to_widget(), self.items, 3.0)


class DetectionsView(ResultView):
    """Shows a Detections result over its image, and saves or copies the annotated picture."""

    result_type = Detections

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("DetectionsView", "Detected faces"))
        self.hint = PlainLabel("", self)
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.body.addWidget(self.hint)
        self.canvas = DetectionCanvas(self)
        self.canvas.setAccessibleName(translate("DetectionsView", "Picture with detections"))
        self.body.addWidget(self.canvas, 1)
        self._result: Detections | None = None
        self._pixels: Any = None
        self._decoded: Any = None
        self.save_button = self.add_action(
            translate("DetectionsView", "Save picture…"), self._save_clicked,
            translate("DetectionsView", "Save the picture with the boxes drawn on it as a PNG file."), saves=True)
        self.add_action(translate("DetectionsView", "Copy picture"), self._copy,
                        translate("DetectionsView", "Copy the picture with the boxes to the clipboard."))
        self.finish_actions()

    def show_result(self, result: Detections, decoded: Any = None) -> None:
        self._result, self._decoded = result, decoded
        headline, hint = found_words(result.what, len(result.items))
        self.headline.setText(headline)
        self.hint.setText(hint)
        self.hint.show()
        self.canvas.items = result.items
        if same_pixels(self._pixels, result.image):
            self.canvas.update()  # the same photo again: keep the picture already scaled to the screen
        else:
            self._pixels = result.image
            self.canvas.set_image(qimage_from_rgb(result.image))
        self.canvas.setAccessibleDescription(result.summary())
        self.set_actions_enabled(True)
        self.say("")

    def clear(self) -> None:
        super().clear()
        self._result = None
        self._decoded = None  # the input it was given: a person's photo or recording
        self.hint.hide()
        self.canvas.items = ()
        self._pixels = None
        self.canvas.clear()

    def save_to(self, path: str) -> bool:
        image = annotated_image(self._result) if self._result is not None else QImage()
        return self.save_image(image, path, translate("ResultView", "picture"))

    def _save_clicked(self) -> None:
        if self._result is None:
            return
        name = suggested_name(self._decoded, f"{self._result.what}s", "png")
        path = self.ask_save_path(translate("DetectionsView", "Save picture"), name,
                                  translate("DetectionsView", "PNG image (*.png)"))
        if path:
            self.save_to(path)

    def _copy(self) -> None:
        if self._result is not None:
            self.copy_image(annotated_image(self._result), translate("ResultView", "picture"))
