"""Handwritten digit recognition: a drawing or photo of one digit in, the ten digits' probabilities out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image

from playground.core.card import ModelCard
from playground.core.card_schema import RESAMPLING, PreprocessTable, TableProblem, choice, count, number
from playground.core.errors import InputError
from playground.core.media import ImageData
from playground.core.results import DigitGuess
from playground.core.task import Feeds, Outputs, SingleRunTask
from playground.core.words import QT_TRANSLATE_NOOP, translate
from playground.tasks.ops import checked_pixels, resample_filter

EMPTY_CANVAS = QT_TRANSLATE_NOOP("DigitTask", "Draw a digit first: the canvas is empty.")


@dataclass(frozen=True, eq=False)
class DigitContext:
    seen: np.ndarray  # the 28×28 float picture the model was given (white ink on black, 0..1)


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess]: MNIST's framing, the digit fitted into box × box and centred in size × size."""

    size: int = count(28)
    box: int = count(20)
    ink_threshold: float = number(30.0)  # ink level 0..255 above the background that counts as a stroke
    resample: str = choice(RESAMPLING, default="lanczos")

    def __post_init__(self) -> None:
        if self.box > self.size:
            raise TableProblem("box", f"({self.box}) must not exceed 'preprocess.size' ({self.size})")


def ink_layer(pixels: np.ndarray) -> np.ndarray:
    """Grey ink strength 0..255 (float) with the background at 0, whichever way round the picture is.

    A drawing canvas and a photo of paper both have dark ink on a light background, MNIST the opposite:
    the median of the outer ring tells which (the digit rarely touches every edge). Subtracting that
    background level removes the grey of photographed paper.
    """
    grey = np.asarray(Image.fromarray(np.ascontiguousarray(pixels)).convert("L"), dtype=np.float32)
    h, w = grey.shape
    ring = max(1, min(h, w) // 20)
    border = np.concatenate([grey[:ring].ravel(), grey[-ring:].ravel(), grey[:, :ring].ravel(),
                             grey[:, -ring:].ravel()])
    background = float(np.median(border))
    if background > 127:
        grey, background = 255.0 - grey, 255.0 - background
    return np.clip(grey - background, 0.0, None)


def to_mnist(pixels: np.ndarray, *, size: int = 28, box: int = 20, threshold: float = 30.0,
             resample: str = "lanczos") -> np.ndarray:
    """An H×W×3 uint8 drawing -> a size×size float32 image in MNIST's convention (white ink on black, 0..1).

    MNIST's recipe: crop to the ink, fit the longer side into a box×box square keeping the aspect ratio
    (anti-aliased), then place it so its centre of mass sits at the centre of the size×size frame.
    Raises InputError when nothing stands out from the background.
    """
    ink = ink_layer(pixels)
    strongest = float(ink.max())
    # Ink no stronger than the threshold is paper grain or camera noise, not a stroke. Past that,
    # stretching the strongest ink to 255 makes a light pencil look like MNIST's full-strength strokes.
    if strongest <= threshold:
        raise InputError(translate("DigitTask", EMPTY_CANVAS))
    ink *= np.float32(255.0 / strongest)
    rows, cols = np.nonzero(ink > threshold)
    crop = ink[rows.min():rows.max() + 1, cols.min():cols.max() + 1]
    h, w = crop.shape
    scale = box / max(h, w)
    fit = (max(1, round(w * scale)), max(1, round(h * scale)))
    shrunk = Image.fromarray(np.ascontiguousarray(crop, np.float32)).resize(fit, resample_filter(resample))
    small = np.asarray(shrunk, np.float32)
    small = np.clip(small, 0.0, 255.0)
    frame = np.zeros((size, size), np.float32)
    total = float(small.sum())
    if total <= 0:  # a sliver too thin to survive the shrink: nothing left to centre on
        raise InputError(translate("DigitTask", EMPTY_CANVAS))
    ys, xs = np.indices(small.shape)
    cy, cx = float((ys * small).sum()) / total, float((xs * small).sum()) / total
    top = int(round((size - 1) / 2 - cy))
    left = int(round((size - 1) / 2 - cx))
    # Keep the whole digit inside the frame even when its mass sits far to one side.
    top = min(max(top, 0), size - small.shape[0])
    left = min(max(left, 0), size - small.shape[1])
    frame[top:top + small.shape[0], left:left + small.shape[1]] = small
    return frame / 255.0


@dataclass(frozen=True)
class DigitTask(SingleRunTask):
    """A small network trained on MNIST looks at the drawing shrunk to 28×28 and scores each digit."""

    input_kind = "image"
    entry = "drawing"
    result_type = DigitGuess
    card_tables = (Preprocess,)

    def preprocess(self, data: ImageData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, DigitContext]:
        pixels = checked_pixels(data)
        pre = Preprocess.of(card)
        seen = to_mnist(pixels, size=pre.size, box=pre.box, threshold=pre.ink_threshold, resample=pre.resample)
        return {card.inputs[0].name: seen[None, None].astype(np.float32)}, DigitContext(seen)

    def postprocess(self, outputs: Outputs, ctx: DigitContext, card: ModelCard, params: dict[str, Any]) -> DigitGuess:
        logits = np.asarray(outputs[card.outputs[0].name], dtype=np.float64).reshape(-1)
        return DigitGuess(softmax(logits).astype(np.float32), ctx.seen.astype(np.float32))


def softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max())
    return z / z.sum()
