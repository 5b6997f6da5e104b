"""Background removal with U²-Net-p: a photo in, the same photo with a soft foreground mask out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core.card import ModelCard
from playground.core.card_schema import RESAMPLING, PostprocessTable, PreprocessTable, TableProblem, choice, count, note, numbers
from playground.core.media import ImageData
from playground.core.results import Cutout
from playground.core.task import Feeds, Outputs, Runner
from playground.tasks.knobs import param
from playground.tasks.ops import checked_pixels, resize_map, resize_rgb, to_tensor


@dataclass(frozen=True, eq=False)
class CutoutContext:
    image: np.ndarray  # the original H×W×3 picture


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess]: squeeze to size × size, divide by the picture's maximum, then (x − mean) / std."""

    size: int = count()
    resample: str = choice(RESAMPLING, default="lanczos")
    mean: tuple[float, float, float] = numbers(3)
    std: tuple[float, float, float] = numbers(3)
    scale: str | None = note()
    colour: str | None = note()

    def __post_init__(self) -> None:
        if min(self.std) <= 0:
            raise TableProblem("std", "must be above 0")


@dataclass(frozen=True, kw_only=True)
class Postprocess(PostprocessTable):
    """The card's [postprocess]: only words for the reader (the saliency map is min-max scaled and resized)."""

    normalise: str | None = note()
    resize: str | None = note()


@dataclass(frozen=True)
class CutoutTask:
    """U²-Net-p sees the picture squeezed to a fixed square and predicts how salient each pixel is."""

    input_kind = "image"
    entry = "file"
    result_type = Cutout
    card_tables = (Preprocess, Postprocess)

    def preprocess(self, data: ImageData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, CutoutContext]:
        pixels = checked_pixels(data)
        pre = Preprocess.of(card)
        square = resize_rgb(pixels, (pre.size, pre.size), pre.resample)
        # Dividing by the picture's own maximum (not 255) is how the model was trained: a dark photo
        # is stretched to full range first. An all-black picture stays black instead of dividing by 0.
        tensor = to_tensor(square, pre.mean, pre.std, divide_by=max(float(square.max()), 1e-6))
        return {card.inputs[0].name: tensor}, CutoutContext(pixels)

    def infer(self, runner: Runner, feeds: Feeds, ctx: CutoutContext) -> Outputs:
        # Only the fused map is used; the six coarser side maps would just be copied out and dropped.
        return runner.run(feeds, [runner.card.outputs[0].name])

    def postprocess(self, outputs: Outputs, ctx: CutoutContext, card: ModelCard, params: dict[str, Any]) -> Cutout:
        saliency = np.asarray(outputs[card.outputs[0].name], dtype=np.float32)[0, 0]
        h, w = ctx.image.shape[:2]
        threshold = float(param(card, params, "threshold"))
        return Cutout(image=ctx.image, alpha=alpha_mask(saliency, (w, h)), threshold=threshold)


def alpha_mask(saliency: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Min-max normalise the saliency map and resize it to size=(width, height) as alpha in [0, 1].

    A flat map (the model saw nothing stand out) has no range to stretch: it becomes all background.
    """
    low, high = float(saliency.min()), float(saliency.max())
    if not np.isfinite(low) or not np.isfinite(high) or high - low < 1e-12:
        return np.zeros((size[1], size[0]), np.float32)
    normalised = (saliency - low) / (high - low)
    return np.clip(resize_map(normalised, size, "bilinear"), 0.0, 1.0)
