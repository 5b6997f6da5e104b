"""A model a person brought that takes a picture: their photo made into its input tensor with the preprocessing they
choose on its knobs (size, crop or stretch, the range of the values, ImageNet's mean and spread, RGB or BGR), in the
layout its signature has (NCHW or NHWC); its outputs summed up, and shown as pictures where they are picture-shaped."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.anymodel.signature import LAYOUTS
from playground.core.card import ModelCard
from playground.core.card_schema import PreprocessTable, choice, whole
from playground.core.results.tensors import Tensors
from playground.core.task import Feeds, Outputs, SingleRunTask
from playground.tasks.ops import checked_pixels, resize_rgb, to_tensor
from playground.tasks.tensors import outputs_summed

IMAGENET_MEAN, IMAGENET_STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess]: the layout the signature has, and its picture's fixed size (0 where it is free)."""

    layout: str = choice(LAYOUTS)
    height: int = whole(default=0)
    width: int = whole(default=0)


@dataclass(frozen=True)
class PictureContext:
    made: str


def picture_size(pre: Preprocess, params: dict[str, Any]) -> tuple[int, int]:
    """(width, height) the model is given: its own where the signature fixes them, else the `size` knob's."""
    size = int(params.get("size", 224))
    return pre.width or size, pre.height or size


def fitted(pixels: np.ndarray, size: tuple[int, int], fit: str) -> np.ndarray:
    """The picture at `size`: stretched whole, or scaled to cover it and cut to its middle."""
    if fit == "stretch":
        return resize_rgb(pixels, size)
    w, h = size
    scale = max(w / pixels.shape[1], h / pixels.shape[0])
    cover = (max(w, math.ceil(pixels.shape[1] * scale)), max(h, math.ceil(pixels.shape[0] * scale)))
    big = resize_rgb(pixels, cover)
    left, top = (cover[0] - w) // 2, (cover[1] - h) // 2
    return big[top:top + h, left:left + w]


def tensor_of(pixels: np.ndarray, dtype: str, layout: str, value_range: str, normalise: str) -> np.ndarray:
    """H×W×3 uint8 as a 1-picture batch in the model's element type, layout and range."""
    if dtype == "uint8":
        planes = pixels.transpose(2, 0, 1)[None] if layout == "nchw" else pixels[None]
        return np.ascontiguousarray(planes)
    divide_by = {"0-1": 255.0, "0-255": 1.0, "-1-1": 127.5}[value_range]
    mean, std = (0.0, 0.0, 0.0), (1.0, 1.0, 1.0)
    if value_range == "-1-1":
        mean = (1.0, 1.0, 1.0)
    elif normalise == "imagenet":
        unit = 255.0 / divide_by  # ImageNet's figures are for values 0–1: scaled with them
        (m0, m1, m2), (s0, s1, s2) = IMAGENET_MEAN, IMAGENET_STD
        mean, std = (m0 * unit, m1 * unit, m2 * unit), (s0 * unit, s1 * unit, s2 * unit)
    tensor = to_tensor(pixels, mean, std, divide_by)
    if layout == "nhwc":
        tensor = np.ascontiguousarray(tensor.transpose(0, 2, 3, 1))
    return tensor.astype(dtype, copy=False)  # the card's element types are numpy's names


class PictureTensorsTask(SingleRunTask):
    input_kind = "image"
    entry = "file"
    result_type = Tensors
    card_tables = (Preprocess,)

    def preprocess(self, data: Any, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, Any]:
        pre = Preprocess.of(card)
        size = picture_size(pre, params)
        fit, value_range = str(params.get("fit", "crop")), str(params.get("range", "0-1"))
        normalise, colour = str(params.get("normalise", "imagenet")), str(params.get("colour", "rgb"))
        pixels = fitted(checked_pixels(data, 1), size, fit)
        if colour == "bgr":
            pixels = np.ascontiguousarray(pixels[..., ::-1])
        (spec,) = card.inputs
        tensor = tensor_of(pixels, spec.dtype, pre.layout, value_range, normalise)
        said = f"your picture: {size[0]} × {size[1]}, {fit}, {value_range}"
        if spec.dtype != "uint8" and value_range != "-1-1":
            said += f", {normalise}"
        return {spec.name: tensor}, PictureContext(f"{said}, {colour.upper()}, {pre.layout.upper()}")

    def postprocess(self, outputs: Outputs, ctx: PictureContext, card: ModelCard, params: dict[str, Any]) -> Tensors:
        return outputs_summed(outputs, card, ctx.made)
