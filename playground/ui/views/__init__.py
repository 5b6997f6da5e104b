"""Result views, chosen by result type: VIEWS maps each type in core.results to the widget that shows it."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

from playground.core.lazy import LazyTable
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
    Tensors,
    TextLines,
    Transcript,
    Upscaled,
)
from playground.ui.views.base import ResultView

# Result type -> view class, each view's module under playground.ui.views imported when its class is first asked
# for: the window shows one kind of result at a time, and some views load graphs the first screen does without.
VIEWS: Mapping[type, type] = LazyTable("playground.ui.views", {
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
    Tensors: "tensors:TensorsView",
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
