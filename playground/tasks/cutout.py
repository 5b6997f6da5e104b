"""Background removal with U²-Net-p: a photo in, the same photo with a soft foreground mask out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core.card import ModelCard
from playground.core.media import ImageData
from playground.core.results import Cutout
from playground.core.task import Feeds, Outputs, Runner
from playground.tasks.facts import fact, float_list, param, positive_int
from playground.tasks.ops import checked_pixels, resize_map, resize_rgb


@dataclass(frozen=True, eq=False)
class CutoutContext:
    image: np.ndarray  # the original H×W×3 picture


@dataclass(frozen=True)
class CutoutTask:
    """U²-Net-p sees the picture squeezed to a fixed square and predicts how salient each pixel is."""

    input_kind = "image"
    entry = "file"
    result_type = Cutout

    def preprocess(self, data: ImageData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, CutoutContext]:
        pixels = checked_pixels(data)
        side = positive_int(card, "preprocess", "size")
        mean = np.asarray(float_list(card, "preprocess", "mean", 3), np.float32)
        std = np.asarray(float_list(card, "preprocess", "std", 3), np.float32)
        resample = fact(card, "preprocess", "resample", str, "lanczos")
        square = resize_rgb(pixels, (side, side), resample).astype(np.float32)
        # Dividing by the picture's own maximum (not 255) is how the model was trained: a dark photo
        # is stretched to full range first. An all-black picture stays black instead of dividing by 0.
        square /= max(float(square.max()), 1e-6)
        tensor = ((square - mean) / std).transpose(2, 0, 1)[None]
        return {card.inputs[0].name: np.ascontiguousarray(tensor, dtype=np.float32)}, CutoutContext(pixels)

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
