"""Result types that tasks return and views show: plain values with a text summary and JSON form.

One module per kind of answer; every name is importable from here, as `results.Labels`."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from playground.core.results.audio import NOTE_NAMES, Denoised, Note, Notes, Phrase, SpeechSegments, Transcript, note_name
from playground.core.results.certainty import Certainty, Rule
from playground.core.results.image import Cutout, Detection, Detections, DigitGuess, TextLine, TextLines, Upscaled
from playground.core.results.labels import Label, Labels, Part
from playground.core.results.tensors import Tensors
from playground.core.results.text import Generation, Picking, Similarities


@runtime_checkable
class Result(Protocol):
    """What every answer a task returns can do: say itself as text (the command line, the lab report) and
    as JSON (`run --json`). Each type below is one task's answer; its view in ui/views draws it."""

    def summary(self) -> str: ...

    def to_dict(self) -> dict[str, Any]: ...


RESULT_TYPES: tuple[type, ...] = (Labels, Detections, Cutout, SpeechSegments, Upscaled, TextLines, DigitGuess,
                                  Transcript, Notes, Denoised, Similarities, Generation, Tensors)

# Answers that grow a token at a time: the window shows their partial results more often than a progress bar's.
STREAMING_TYPES: tuple[type, ...] = (Generation,)

__all__ = ["NOTE_NAMES", "RESULT_TYPES", "STREAMING_TYPES", "Certainty", "Cutout", "Denoised", "Detection",
           "Detections", "DigitGuess", "Generation", "Label", "Labels", "Note", "Notes", "Part", "Phrase", "Picking",
           "Result", "Rule", "SpeechSegments", "Similarities", "Tensors", "TextLine", "TextLines", "Transcript", "Upscaled",
           "note_name"]
