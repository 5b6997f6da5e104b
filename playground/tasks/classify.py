"""Image classification (ImageNet-style): a photo in, the most likely object names with probabilities out."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from playground import paths
from playground.core.card import ModelCard
from playground.core.card_schema import (
    RESAMPLING,
    PostprocessTable,
    PreprocessTable,
    TableProblem,
    choice,
    count,
    note,
    numbers,
    stem,
)
from playground.core.errors import ModelCardError, ModelMissingError
from playground.core.media import ImageData
from playground.core.results import Label, Labels, Rule
from playground.core.results.certainty import judge
from playground.core.task import Feeds, Outputs, SingleRunTask
from playground.core.words import QT_TRANSLATE_NOOP, language, translate
from playground.tasks.knobs import param
from playground.tasks.ops import checked_pixels, resample_filter, to_tensor


@dataclass(frozen=True)
class ClassifyContext:
    size: tuple[int, int]  # (width, height) of the original picture
    crop: tuple[float, float, float, float]  # the part of it the model saw, in its pixels (x1, y1, x2, y2)


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess]: shorter side scaled to resize_shorter, centre crop of crop × crop,
    then (pixel − pixel_mean) / pixel_std per channel, with pixels in 0..255."""

    resize_shorter: int = count()
    crop: int = count()
    resample: str = choice(RESAMPLING, default="bilinear")
    pixel_mean: tuple[float, float, float] = numbers(3)
    pixel_std: tuple[float, float, float] = numbers(3)
    colour: str | None = note()

    def __post_init__(self) -> None:
        if min(self.pixel_std) <= 0:
            raise TableProblem("pixel_std", "must be above 0")
        if self.crop > self.resize_shorter:
            raise TableProblem("crop", f"({self.crop}) must not exceed 'preprocess.resize_shorter' "
                                       f"({self.resize_shorter})")


@dataclass(frozen=True, kw_only=True)
class Postprocess(PostprocessTable):
    labels: str = stem()  # assets/labels/<labels>.txt, one class name per line
    softmax: str | None = note()


def crop_box(width: int, height: int, resize_shorter: int, crop: int) -> tuple[float, float, float, float]:
    """Where the centre crop of the resized picture lies in the original picture's pixels.

    The resized size rounds the longer side, as resizing the whole picture would; the crop offset is
    ⌊(resized − crop) / 2⌋ (crop ≤ resize_shorter, so the box never leaves the picture).
    """
    scale = resize_shorter / min(width, height)
    rw, rh = max(1, round(width * scale)), max(1, round(height * scale))
    left, top = (rw - crop) // 2, (rh - crop) // 2
    sx, sy = width / rw, height / rh
    return left * sx, top * sy, (left + crop) * sx, (top + crop) * sy


def centre_crop(pixels: np.ndarray, pre: Preprocess) -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """The crop × crop RGB picture the model sees, and where it came from.

    Only the cropped part is resampled (Pillow's source box), which equals resizing the whole picture
    and then cropping — to within one level on a few pixels — without building a huge intermediate
    for a 1 × 20000 strip, whose shorter side would be scaled up 256 times.
    """
    h, w = pixels.shape[:2]
    box = crop_box(w, h, pre.resize_shorter, pre.crop)
    image = Image.fromarray(np.ascontiguousarray(pixels))
    out = image.resize((pre.crop, pre.crop), resample_filter(pre.resample), box=box)
    return np.asarray(out), box


def normalise(square: np.ndarray, pre: Preprocess) -> np.ndarray:
    """H×W×3 uint8 -> 1×3×H×W float32 with the card's per-channel mean and std."""
    return to_tensor(square, pre.pixel_mean, pre.pixel_std)


@dataclass(frozen=True)
class ClassifyTask(SingleRunTask):
    """The model sees a centre square of the photo and rates every class it knows; the best few are shown."""

    input_kind = "image"
    entry = "file"
    result_type = Labels
    card_tables = (Preprocess, Postprocess)

    def preprocess(self, data: ImageData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, ClassifyContext]:
        pixels = checked_pixels(data, min_side=1)
        pre = Preprocess.of(card)
        square, box = centre_crop(pixels, pre)
        feeds = {card.inputs[0].name: normalise(square, pre)}
        return feeds, ClassifyContext((int(pixels.shape[1]), int(pixels.shape[0])), box)

    def postprocess(self, outputs: Outputs, ctx: ClassifyContext, card: ModelCard, params: dict[str, Any]) -> Labels:
        logits = np.asarray(outputs[card.outputs[0].name], dtype=np.float64).reshape(-1)
        names = class_names(card)
        if len(logits) != len(names):
            raise ModelCardError(f"{card.name}: the model rates {len(logits)} classes, but its label list has "
                                 f"{len(names)}; the card names the wrong list in 'postprocess.labels'.")
        probs = softmax(logits)
        top_k = min(int(param(card, params, "top_k")), len(names))
        order = top_indices(probs, top_k)
        items = tuple(Label(names[i], float(probs[i])) for i in order)
        verdict = judge([(names[i], float(probs[i])) for i in order[:2]], RULE)
        return Labels(items, note=_note(ctx), softmax=True, certainty=verdict)


# Among 1,000 classes a photo the model knows well mostly scores above 60 %; a picture unlike its training
# photos (the moon, a drawing, a screenshot) mostly stays under 20 %, spread over loosely related classes.
# Sibling classes (tiger cat, tabby, Egyptian cat) often split a right answer: that is said as a close call.
RULE = Rule(sure=0.6, low=0.2, close=0.7,
            guess_reason=QT_TRANSLATE_NOOP("Certainty", "the picture may show something it never learned"))


# The crop always drops a border; a 2:1 panorama still shows 38 % of itself, a 3:1 strip only 26 %.
_MOSTLY_UNSEEN = 1 / 3


def _note(ctx: ClassifyContext) -> str:
    """Say so when the model saw only part of the picture: a long strip loses most of itself to the crop."""
    w, h = ctx.size
    x1, y1, x2, y2 = ctx.crop
    seen = min(1.0, (x2 - x1) / w) * min(1.0, (y2 - y1) / h)
    if seen >= _MOSTLY_UNSEEN:
        return ""
    return translate("ClassifyTask", "The model looked only at the centre square, {share} of this picture.").format(
        share=f"{seen:.0%}")


def top_indices(scores: np.ndarray, k: int) -> np.ndarray:
    """The k best scores' indices, best first, ties in index order: a full stable sort's first k, but only
    the few candidates are sorted (a fifth of the cost over 1,000 classes)."""
    if k >= len(scores):
        return np.argsort(-scores, kind="stable")
    kth = np.partition(-scores, k - 1)[k - 1]
    candidates = np.flatnonzero(-scores <= kth)  # every score tied with the k-th is here, in index order
    return candidates[np.argsort(-scores[candidates], kind="stable")][:k]


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max())
    return shifted / shifted.sum()


def labels_path(card: ModelCard) -> Path:
    """The list in the language spoken (`<labels>.<code>.txt`) where there is one, else the English `<labels>.txt`."""
    return _spoken_or_english(paths.assets_dir(), Postprocess.of(card).labels, language())


def _spoken_or_english(folder: Path, name: str, code: str) -> Path:
    spoken = folder / "labels" / f"{name}.{code}.txt"
    return spoken if spoken.is_file() else folder / "labels" / f"{name}.txt"


def class_names(card: ModelCard) -> tuple[str, ...]:
    name = Postprocess.of(card).labels
    try:
        return _read_names(os.environ.get("PLAYGROUND_ASSETS", ""), name, language())
    except OSError:
        raise ModelMissingError(translate("ClassifyTask", "The class names of {model} ({path}) are missing; "
                                                          "reinstall the playground.").format(
            model=card.name, path=labels_path(card))) from None
    except UnicodeDecodeError:
        raise ModelMissingError(translate("ClassifyTask", "The class names of {model} ({path}) are damaged; "
                                                          "reinstall the playground.").format(
            model=card.name, path=labels_path(card))) from None


@functools.lru_cache(maxsize=8)
def _read_names(assets_override: str, name: str, code: str) -> tuple[str, ...]:
    """Read once per list and language: the names are looked up inside every run's timed postprocess stage,
    where finding the folder and the file again (stat calls) cost more than the softmax. The key holds what
    decides the folder and can change while the program runs (PLAYGROUND_ASSETS, as tests set it)."""
    path = _spoken_or_english(paths.assets_dir(), name, code)
    return tuple(path.read_text(encoding="utf-8").splitlines())
