"""Result views, chosen by result type: VIEWS maps each type in core.results to the widget that shows it."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from PySide6.QtWidgets import QWidget

from playground.core.results import (
    Cutout,
    Denoised,
    Detections,
    DigitGuess,
    Generation,
    Labels,
    Notes,
    Similarities,
    SpeechSegments,
    TextLines,
    Transcript,
    Upscaled,
)
from playground.ui.views.base import ResultView


class _Views(Mapping[type, type]):
    """Result type -> view class, each view's module imported when its class is first asked for: the window
    shows one kind of result at a time, and some views load graphs (pyqtgraph) the first screen does without."""

    def __init__(self, where: dict[type, str]) -> None:
        self._where = where  # result type -> "module:Class" under playground.ui.views
        self._loaded: dict[type, type] = {}

    def __getitem__(self, result_type: type) -> type:
        if result_type not in self._loaded:
            module, name = self._where[result_type].split(":")
            self._loaded[result_type] = getattr(importlib.import_module(f"playground.ui.views.{module}"), name)
        return self._loaded[result_type]

    def __iter__(self) -> Iterator[type]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


VIEWS: Mapping[type, type] = _Views({
    Labels: "labels:LabelsView",
    Detections: "detections:DetectionsView",
    Cutout: "cutout:CutoutView",
    SpeechSegments: "speech:SpeechView",
    Upscaled: "upscaled:UpscaledView",
    TextLines: "text_lines:TextLinesView",
    DigitGuess: "digit:DigitView",
    Transcript: "transcript:TranscriptView",
    Notes: "notes:NotesView",
    Denoised: "denoised:DenoisedView",
    Similarities: "similarity:SimilarityView",
    Generation: "chat:ChatView",
})


def create_view(result_type: type, parent: QWidget | None = None) -> ResultView:
    """A new, empty view for `result_type`; a result type without a view is a programming error."""
    try:
        view_class = VIEWS[result_type]
    except KeyError:
        raise LookupError(f"No view shows {result_type.__name__} results.") from None
    view: ResultView = view_class(parent)
    return view


__all__ = ["VIEWS", "ResultView", "create_view"]
