"""Portrait matting with MODNet: a photo in, the same photo with a soft alpha matte of the person out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core.card import ModelCard
from playground.core.card_schema import RESAMPLING, PostprocessTable, PreprocessTable, choice, count, note
from playground.core.media import ImageData
from playground.core.results import Cutout
from playground.core.task import Feeds, Outputs, SingleRunTask
from playground.tasks.knobs import param
from playground.tasks.ops import checked_pixels, resize_map, resize_rgb, to_tensor


@dataclass(frozen=True, eq=False)
class MattingContext:
    image: np.ndarray  # the original H×W×3 picture


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess]: MODNet's sizing around reference_size, capped at max_side, sides a multiple."""

    reference_size: int = count()
    max_side: int = count()
    multiple: int = count()
    resample: str = choice(RESAMPLING, default="bilinear")
    colour: str | None = note()
    normalise: str | None = note()


@dataclass(frozen=True, kw_only=True)
class Postprocess(PostprocessTable):
    """The card's [postprocess]: only words for the reader (the matte is resized back to the photo)."""

    resize: str | None = note()


def matting_size(width: int, height: int, reference: int, max_side: int, multiple: int) -> tuple[int, int]:
    """MODNet's own sizing rule, then a cap for CPU time; returns (width, height), multiples of `multiple`.

    The rule: a picture whose long side is below the reference or whose short side is above it is
    scaled so its short side equals the reference; anything else keeps its size. The cap keeps a
    panorama or a 20-megapixel photo from costing seconds: the matte is resized back anyway.
    """
    w, h = float(width), float(height)
    if max(w, h) < reference or min(w, h) > reference:
        scale = reference / min(w, h)
        w, h = w * scale, h * scale
    if max(w, h) > max_side:
        scale = max_side / max(w, h)
        w, h = w * scale, h * scale
    # Floor to the multiple (as MODNet does), but never below one multiple: a thin strip still runs.
    return max(multiple, int(w) // multiple * multiple), max(multiple, int(h) // multiple * multiple)


class MattingTask(SingleRunTask):
    """MODNet predicts the alpha matte directly (0..1 per pixel), at any size that is a multiple of 32."""

    input_kind = "image"
    entry = "file"
    result_type = Cutout
    card_tables = (Preprocess, Postprocess)

    def preprocess(self, data: ImageData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, MattingContext]:
        pixels = checked_pixels(data)
        h, w = pixels.shape[:2]
        pre = Preprocess.of(card)
        size = matting_size(w, h, pre.reference_size, pre.max_side, pre.multiple)
        resized = resize_rgb(pixels, size, pre.resample)
        feeds = {card.inputs[0].name: to_tensor(resized, (127.5,) * 3, (127.5,) * 3)}
        return feeds, MattingContext(pixels)

    def postprocess(self, outputs: Outputs, ctx: MattingContext, card: ModelCard, params: dict[str, Any]) -> Cutout:
        matte = np.asarray(outputs[card.outputs[0].name], dtype=np.float32)[0, 0]
        h, w = ctx.image.shape[:2]
        alpha = np.nan_to_num(resize_map(matte, (w, h), "bilinear"))  # a new, writable array
        np.clip(alpha, 0.0, 1.0, out=alpha)  # in place: a photo's matte is tens of megabytes
        return Cutout(image=ctx.image, alpha=alpha, threshold=float(param(card, params, "threshold")))
