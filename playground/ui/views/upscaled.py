"""UpscaledView: a before/after wipe of a picture and its 4× enlargement, filling in tile by tile."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from playground.core.results import Upscaled
from playground.ui.i18n import translate
from playground.ui.plain import PlainLabel
from playground.ui.views.base import ResultView, suggested_name
from playground.ui.widgets.images import qimage_from_rgb, same_pixels
from playground.ui.widgets.wipe import WipePanel


class UpscaledView(ResultView):
    """Left of the split, the input simply stretched; right of it, what the model drew.

    Both are shown at the enlarged size, so zooming in compares the same spot pixel for pixel.
    """

    shows_partial = True
    result_type = Upscaled

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("UpscaledView", "Upscaled picture"))
        self.hint = PlainLabel("", self)
        self.hint.setWordWrap(True)
        self.body.addWidget(self.hint)
        self.wipe = WipePanel(self, translate("UpscaledView", "Slide to wipe between the stretched original and the "
                                                              "model's enlargement."))
        self.canvas, self.slider = self.wipe.canvas, self.wipe.slider
        self.body.addWidget(self.wipe, 1)
        self._result: Upscaled | None = None
        self._decoded: Any = None
        self._after = QImage()
        self._shown: tuple[Any, Any] = (None, None)
        self.add_action(translate("UpscaledView", "Save enlarged picture…"), self._save_clicked,
                        translate("UpscaledView", "Save the enlarged picture as a PNG file."), saves=True)
        self.add_action(translate("UpscaledView", "Copy enlarged picture"), self._copy,
                        translate("UpscaledView", "Copy the enlarged picture to the clipboard."))
        self.finish_actions()
        self.clear()

    def show_result(self, result: Upscaled, decoded: Any = None) -> None:
        self._decoded = decoded
        self._show(result)
        h, w = result.image.shape[:2]
        oh, ow = result.result.shape[:2]
        larger = translate("UpscaledView", "{scale}× larger: {width} × {height} → {new_width} × {new_height} "
                                           "pixels")
        self.headline.setText(larger.format(scale=result.scale, width=w, height=h, new_width=ow, new_height=oh))
        hint = translate("UpscaledView", "Left of the line: the original simply stretched. Right: what the model drew. "
                                         "Scroll to zoom in on an edge or a line of text.")
        if result.tiles > 1:
            hint += " " + translate("UpscaledView", "The model worked on {count} overlapping tiles, one after "
                                                    "another.").format(count=result.tiles)
        self.hint.setText(hint)
        self.set_actions_enabled(True)
        self.say("")

    def show_partial(self, result: Upscaled) -> None:
        """Tiles done so far; the rest of the picture is still the stretched original."""
        self._show(result)
        self.headline.setText(translate("UpscaledView", "Enlarging… {count} tiles done").format(count=result.tiles))

    def _show(self, result: Upscaled) -> None:
        self._result = result
        changed = not (same_pixels(self._shown[0], result.image) and same_pixels(self._shown[1], result.result))
        if changed:
            self._shown = (result.image, result.result)
            self._after = qimage_from_rgb(result.result)
            self.wipe.set_pair(qimage_from_rgb(result.image), self._after)
        oh, ow = result.result.shape[:2]
        self.canvas.setAccessibleDescription(translate("UpscaledView", "enlarged to {width}×{height} pixels").format(
            width=ow, height=oh))

    def clear(self) -> None:
        super().clear()
        self._result = None
        self._decoded = None  # the input it was given: a person's photo or recording
        self._after = QImage()
        self._shown = (None, None)
        self.hint.setText("")
        self.wipe.clear()

    def save_to(self, path: str) -> bool:
        return self.save_image(self._after, path, translate("ResultView", "enlarged picture"))

    def _save_clicked(self) -> None:
        if self._result is None:
            return
        path = self.ask_save_path(translate("UpscaledView", "Save enlarged picture"),
                                  suggested_name(self._decoded, "x4", "png"),
                                  translate("UpscaledView", "PNG image (*.png)"))
        if path:
            self.save_to(path)

    def _copy(self) -> None:
        if self._result is not None:
            self.copy_image(self._after, translate("ResultView", "enlarged picture"))
