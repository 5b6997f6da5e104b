"""Shared numeric ops for tasks: box overlap and NMS, image sizing and resizing."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image

from playground.core.errors import InputError, ModelCardError
from playground.core.words import translate

_RESAMPLE = {
    "nearest": Image.Resampling.NEAREST,
    "bilinear": Image.Resampling.BILINEAR,
    "bicubic": Image.Resampling.BICUBIC,
    "lanczos": Image.Resampling.LANCZOS,
}

# Below this a picture holds too little for any bundled image model to find something in.
MIN_IMAGE_SIDE = 8


def box_iou(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """IoU of one box (x1, y1, x2, y2) with each row of `boxes`."""
    x1 = np.maximum(box[0], boxes[:, 0])
    y1 = np.maximum(box[1], boxes[:, 1])
    x2 = np.minimum(box[2], boxes[:, 2])
    y2 = np.minimum(box[3], boxes[:, 3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    area = max(float(box[2] - box[0]), 0.0) * max(float(box[3] - box[1]), 0.0)
    areas = np.clip(boxes[:, 2] - boxes[:, 0], 0, None) * np.clip(boxes[:, 3] - boxes[:, 1], 0, None)
    union = area + areas - inter
    return np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)


def nms(boxes: np.ndarray, scores: np.ndarray, iou_threshold: float) -> np.ndarray:
    """Greedy non-maximum suppression: indices of the kept boxes, best score first.

    A box is dropped when it overlaps an already kept, higher-scoring box by more than `iou_threshold`.
    Ties keep the earlier box so the outcome does not depend on sort stability.
    """
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    order = np.argsort(-scores, kind="stable")
    keep: list[int] = []
    while order.size:
        best, rest = int(order[0]), order[1:]
        keep.append(best)
        order = rest[box_iou(boxes[best], boxes[rest]) <= iou_threshold]
    return np.asarray(keep, dtype=np.int64)


def fit_size(width: int, height: int, max_side: int, multiple: int) -> tuple[int, int]:
    """Shrink (never enlarge) so the long side is at most `max_side`, then round each side up to `multiple`."""
    scale = min(1.0, max_side / max(width, height))
    w = max(1, round(width * scale))
    h = max(1, round(height * scale))
    return math.ceil(w / multiple) * multiple, math.ceil(h / multiple) * multiple


def resample_filter(name: str) -> Image.Resampling:
    try:
        return _RESAMPLE[name.lower()]
    except KeyError:
        raise ModelCardError(f"Unknown resampling '{name}' (known: {', '.join(_RESAMPLE)}).") from None


def resize_rgb(pixels: np.ndarray, size: tuple[int, int], resample: str = "bilinear") -> np.ndarray:
    """Resize an H×W×3 uint8 image to size=(width, height); returns the input unchanged if it already fits."""
    if (pixels.shape[1], pixels.shape[0]) == tuple(size):
        return pixels
    image = Image.fromarray(np.ascontiguousarray(pixels))
    return np.asarray(image.resize(size, resample_filter(resample)))


def to_tensor(pixels: np.ndarray, mean: tuple[float, float, float] = (0.0, 0.0, 0.0),
              std: tuple[float, float, float] = (1.0, 1.0, 1.0), divide_by: float = 1.0) -> np.ndarray:
    """H×W×3 uint8 -> a new 1×3×H×W float32 tensor of (pixels / divide_by − mean) / std per channel.

    Written straight into the model's layout, each step in place on that one buffer in the order and the
    float32 arithmetic of the plain expression: the same numbers to the bit, without its full-size temporaries
    (a float copy, a difference, a quotient, then a transposed copy). Steps that change nothing are skipped.
    """
    h, w = pixels.shape[:2]
    out = np.empty((1, 3, h, w), np.float32)
    planes, source = out[0], pixels.transpose(2, 0, 1)
    if divide_by != 1.0:
        np.divide(source, np.float32(divide_by), out=planes, dtype=np.float32)
    else:
        np.copyto(planes, source)
    if any(mean):
        planes -= np.asarray(mean, np.float32)[:, None, None]
    if any(s != 1.0 for s in std):
        planes /= np.asarray(std, np.float32)[:, None, None]
    return out


def resize_map(values: np.ndarray, size: tuple[int, int], resample: str = "bilinear") -> np.ndarray:
    """Resize a 2-D float map to size=(width, height) in float32 (no 8-bit rounding on the way)."""
    if (values.shape[1], values.shape[0]) == tuple(size):
        return values.astype(np.float32, copy=False)
    image = Image.fromarray(np.ascontiguousarray(values, dtype=np.float32))
    return np.asarray(image.resize(size, resample_filter(resample)), dtype=np.float32)


def checked_pixels(data: object, min_side: int = MIN_IMAGE_SIDE) -> np.ndarray:
    """The H×W×3 uint8 pixels of decoded image data, or a sentence saying why they cannot be used.

    Models that resize every picture anyway (a classifier, an upscaler, a text reader) take any size:
    they pass min_side=1.
    """
    pixels = getattr(data, "pixels", None)
    if not isinstance(pixels, np.ndarray) or pixels.ndim != 3 or pixels.shape[2] != 3 or pixels.dtype != np.uint8 \
            or pixels.size == 0:
        raise InputError(translate("Tasks", "This is not a picture the playground can read; try a PNG or JPEG photo."))
    h, w = pixels.shape[:2]
    if min(h, w) < min_side:
        raise InputError(translate("Tasks", "The picture is only {width}×{height} pixels; give one at least {least} "
                                            "pixels on each side (a normal photo works best).").format(
            width=w, height=h, least=min_side))
    return pixels
