"""CutoutView: before/after wipe of a photo and its cut-out, the foreground share, and saving with alpha."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from playground.core.results import Cutout
from playground.ui.i18n import translate
from playground.ui.plain import PlainLabel
from playground.ui.views.base import ResultView, suggested_name
from playground.ui.widgets.images import qimage_from_rgb, qimage_from_rgba, same_pixels
from playground.ui.widgets.wipe import WipePanel

NOTHING_FOUND = 0.01  # below 1 % foreground the model saw no subject worth the name


class CutoutView(ResultView):
    """Shows a Cutout result as a wipe between the original and the cut-out over a checkerboard."""

    result_type = Cutout

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("CutoutView", "Background removal"))
        self.hint = PlainLabel("", self)
        self.hint.setWordWrap(True)
        self.body.addWidget(self.hint)
        self.wipe = WipePanel(self, translate("CutoutView", "Slide to wipe between the original photo and the "
                                                            "cut-out."))
        self.canvas, self.slider = self.wipe.canvas, self.wipe.slider
        self.body.addWidget(self.wipe, 1)
        self._result: Cutout | None = None
        self._decoded: Any = None
        self._rgba = QImage()
        self._pixels: tuple[Any, Any] = (None, None)
        self.add_action(translate("CutoutView", "Save cut-out…"), self._save_clicked,
                        translate("CutoutView", "Save the cut-out as a PNG file with a transparent background."),
                        saves=True)
        self.add_action(translate("CutoutView", "Copy cut-out"), self._copy,
                        translate("CutoutView", "Copy the cut-out to the clipboard."))
        self.finish_actions()
        self.clear()

    def show_result(self, result: Cutout, decoded: Any = None) -> None:
        self._result, self._decoded = result, decoded
        # Repeat runs give the same cut-out: keep the pictures already scaled to the screen.
        changed = not (same_pixels(self._pixels[0], result.image) and same_pixels(self._pixels[1], result.alpha))
        if changed:
            self._pixels = (result.image, result.alpha)
            self._rgba = qimage_from_rgba(result.rgba())
        share = result.foreground_fraction
        self.headline.setText(translate("CutoutView", "The subject covers {percent} % of the picture").format(
            percent=f"{share * 100:.0f}"))
        if share < NOTHING_FOUND:
            self.hint.setText(translate("CutoutView", "The model found no clear subject. Try a photo of one person, "
                                                      "pet or thing in front of a plainer background."))
        else:
            self.hint.setText(translate("CutoutView", "Drag across the picture to compare; scroll to zoom. The "
                                                      "squares show where the background became see-through."))
        if changed:
            self.wipe.set_pair(qimage_from_rgb(result.image), self._rgba)
        h, w = result.image.shape[:2]
        self.canvas.setAccessibleDescription(translate("CutoutView", "foreground {share} of {width}×{height} pixels")
                                             .format(share=f"{share:.0%}", width=w, height=h))
        self.set_actions_enabled(True)
        self.say("")

    def clear(self) -> None:
        super().clear()
        self._result = None
        self._decoded = None  # the input it was given: a person's photo or recording
        self._rgba = QImage()
        self._pixels = (None, None)
        self.hint.setText("")
        self.wipe.clear()

    def save_to(self, path: str) -> bool:
        return self.save_image(self._rgba, path, translate("ResultView", "cut-out"))

    def _save_clicked(self) -> None:
        if self._result is None:
            return
        path = self.ask_save_path(translate("CutoutView", "Save cut-out"),
                                  suggested_name(self._decoded, "cutout", "png"),
                                  translate("CutoutView", "PNG image with transparency (*.png)"))
        if path:
            self.save_to(path)

    def _copy(self) -> None:
        if self._result is not None:
            self.copy_image(self._rgba, translate("ResultView", "cut-out"))
