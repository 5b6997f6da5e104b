"""Face finding with CenterFace: any-size photo in, boxes with five landmarks in the photo's pixels out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core.card import ModelCard
from playground.core.card_schema import RESAMPLING, PostprocessTable, PreprocessTable, choice, count, note
from playground.core.media import ImageData
from playground.core.results import Detection, Detections
from playground.core.task import Feeds, Outputs, SingleRunTask
from playground.tasks.knobs import param
from playground.tasks.ops import checked_pixels, fit_size, nms, resize_rgb, to_tensor


@dataclass(frozen=True, eq=False)
class FaceContext:
    image: np.ndarray  # the original H×W×3 picture, shown under the boxes
    input_size: tuple[int, int]  # (width, height) the model saw
    scale_x: float  # original pixels per model-input pixel
    scale_y: float


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess]: shrink so the long side fits max_side, each side rounded up to a multiple."""

    max_side: int = count()
    multiple: int = count()
    resample: str = choice(RESAMPLING, default="bilinear")
    colour: str | None = note()
    scale: str | None = note()  # raw 0–255 values: the code applies no mean or std


@dataclass(frozen=True, kw_only=True)
class Postprocess(PostprocessTable):
    """The card's [postprocess]: how many input pixels one cell of the output maps covers."""

    stride: int = count()


@dataclass(frozen=True)
class FaceTask(SingleRunTask):
    """CenterFace predicts, per 4×4-pixel cell, a face-centre heatmap, box size, centre offset and landmarks."""

    input_kind = "image"
    entry = "file"
    result_type = Detections
    card_tables = (Preprocess, Postprocess)

    def preprocess(self, data: ImageData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, FaceContext]:
        pixels = checked_pixels(data)
        h, w = pixels.shape[:2]
        pre = Preprocess.of(card)
        size = fit_size(w, h, pre.max_side, pre.multiple)
        resized = resize_rgb(pixels, size, pre.resample)
        # The model was trained on raw 0–255 RGB values, with no mean or std (card [preprocess].scale).
        return {card.inputs[0].name: to_tensor(resized)}, FaceContext(pixels, size, w / size[0], h / size[1])

    def postprocess(self, outputs: Outputs, ctx: FaceContext, card: ModelCard, params: dict[str, Any]) -> Detections:
        heatmap, log_scale, offset, landmarks = (outputs[o.name] for o in card.outputs[:4])
        stride = Postprocess.of(card).stride
        faces = decode(heatmap, log_scale, offset, landmarks, stride=stride, size=ctx.input_size,
                       threshold=float(param(card, params, "threshold")),
                       iou=float(param(card, params, "nms_iou")))
        return Detections(image=ctx.image, items=tuple(_rescale(f, ctx) for f in faces), what="face")


def decode(heatmap: np.ndarray, log_scale: np.ndarray, offset: np.ndarray, landmarks: np.ndarray, *,
           stride: int, size: tuple[int, int], threshold: float, iou: float) -> list[Detection]:
    """Turn the four output maps (batch 1) into faces in model-input pixels, strongest first.

    Each cell above `threshold` proposes a box centred at (cell + offset + ½)·stride of size e^scale·stride;
    neighbouring cells propose nearly the same face, so NMS keeps the strongest of each cluster.
    """
    heat = heatmap[0, 0]
    ys, xs = np.nonzero(heat > threshold)
    if not len(ys):
        return []
    width, height = size
    s_h = np.exp(log_scale[0, 0, ys, xs].astype(np.float64)) * stride
    s_w = np.exp(log_scale[0, 1, ys, xs].astype(np.float64)) * stride
    x1 = np.clip((xs + offset[0, 1, ys, xs] + 0.5) * stride - s_w / 2, 0, width)
    y1 = np.clip((ys + offset[0, 0, ys, xs] + 0.5) * stride - s_h / 2, 0, height)
    boxes = np.stack([x1, y1, np.minimum(x1 + s_w, width), np.minimum(y1 + s_h, height)], axis=1)
    scores = heat[ys, xs].astype(np.float64)
    lm = landmarks[0, :10, ys, xs].astype(np.float64)  # (cells, 10) as (y, x) pairs relative to the box
    lm_x = lm[:, 1::2] * s_w[:, None] + x1[:, None]
    lm_y = lm[:, 0::2] * s_h[:, None] + y1[:, None]
    faces = []
    for i in nms(boxes, scores, iou):
        points = tuple((float(px), float(py)) for px, py in zip(lm_x[i], lm_y[i]))
        x_1, y_1, x_2, y_2 = (float(v) for v in boxes[i])
        faces.append(Detection((x_1, y_1, x_2, y_2), float(scores[i]), points))
    return faces


def _rescale(face: Detection, ctx: FaceContext) -> Detection:
    h, w = ctx.image.shape[:2]
    x1, y1, x2, y2 = face.box
    box = (min(x1 * ctx.scale_x, w), min(y1 * ctx.scale_y, h), min(x2 * ctx.scale_x, w), min(y2 * ctx.scale_y, h))
    points = tuple((x * ctx.scale_x, y * ctx.scale_y) for x, y in face.landmarks)
    return Detection(box, face.score, points)
