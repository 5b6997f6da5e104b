"""Result views, chosen by result type: VIEWS maps each type in core.results to the widget that shows it."""

from __future__ import annotations

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
from playground.ui.views.chat import ChatView
from playground.ui.views.cutout import CutoutView
from playground.ui.views.denoised import DenoisedView
from playground.ui.views.detections import DetectionsView
from playground.ui.views.digit import DigitView
from playground.ui.views.labels import LabelsView
from playground.ui.views.notes import NotesView
from playground.ui.views.similarity import SimilarityView
from playground.ui.views.speech import SpeechView
from playground.ui.views.text_lines import TextLinesView
from playground.ui.views.transcript import TranscriptView
from playground.ui.views.upscaled import UpscaledView

VIEWS: dict[type, type] = {
    Labels: LabelsView,
    Detections: DetectionsView,
    Cutout: CutoutView,
    SpeechSegments: SpeechView,
    Upscaled: UpscaledView,
    TextLines: TextLinesView,
    DigitGuess: DigitView,
    Transcript: TranscriptView,
    Notes: NotesView,
    Denoised: DenoisedView,
    Similarities: SimilarityView,
    Generation: ChatView,
}


def create_view(result_type: type, parent: QWidget | None = None) -> ResultView:
    """A new, empty view for `result_type`; a result type without a view is a programming error."""
    try:
        view_class = VIEWS[result_type]
    except KeyError:
        raise LookupError(f"No view shows {result_type.__name__} results.") from None
    return view_class(parent)


__all__ = ["VIEWS", "ResultView", "create_view"]
