"""OCR with PP-OCR: find text lines (DB), turn upside-down ones, read each line (CTC), in reading order."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image

from playground.core.card import ModelCard
from playground.core.card_schema import PostprocessTable, PreprocessTable, TableProblem, count, note, number, text
from playground.core.media import ImageData
from playground.core.results import TextLine, TextLines
from playground.core.task import Feeds, Outputs, Runner
from playground.tasks.ctc import charset_from_model, greedy_decode
from playground.tasks.knobs import param
from playground.tasks.ocr_geometry import crop_line, db_boxes, reading_order, to_image
from playground.tasks.ops import checked_pixels

BATCH = 6  # lines per recogniser run, as PaddleOCR does: enough to share the work, small enough to report often


def normalise(pixels: np.ndarray) -> np.ndarray:
    """H×W×3 RGB uint8 → 3×H×W float32 in PaddleOCR's convention: BGR, (x/255 − 0.5)/0.5."""
    return np.ascontiguousarray(((pixels[..., ::-1].astype(np.float32) / 255.0 - 0.5) / 0.5).transpose(2, 0, 1))


def detector_size(width: int, height: int, max_side: int) -> tuple[int, int]:
    """Shrink (never enlarge) so the long side fits `max_side`, each side rounded to a multiple of 32 (min 32).

    PaddleOCR's default enlarges every picture to a short side of 736, which makes a banner 2548 pixels
    wide and slow; small print still reads at the picture's own size.
    """
    scale = min(1.0, max_side / max(width, height))
    return (max(32, int(round(width * scale / 32)) * 32), max(32, int(round(height * scale / 32)) * 32))


def line_batch(crops: list[Image.Image], height: int, min_width: int, max_width: int | None = None) -> np.ndarray:
    """Crops resized to `height` keeping their shape, padded on the right to the widest (at least min_width)."""
    widths = [max(1, math.ceil(height * c.width / max(c.height, 1))) for c in crops]
    batch_width = max(min_width, *widths) if max_width is None else max_width
    batch = np.zeros((len(crops), 3, height, batch_width), np.float32)
    for i, (crop, w) in enumerate(zip(crops, widths)):
        w = min(w, batch_width)
        resized = np.asarray(crop.convert("RGB").resize((w, height), Image.Resampling.BILINEAR))
        batch[i, :, :, :w] = normalise(resized)
    return batch


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess]: the detector's long-side cap and the height and least width of each read line."""

    max_side: int = count()  # the detector sees the picture shrunk (never enlarged) to this long side
    rec_height: int = count()  # every line is resized to this height for the recogniser
    rec_min_width: int = count()  # and padded on the right to at least this width
    colour: str | None = note()


@dataclass(frozen=True, kw_only=True)
class Postprocess(PostprocessTable):
    """The card's [postprocess]: where the recogniser's characters are kept, and when a line counts as upside down."""

    charset_key: str = text()  # the recogniser's metadata entry listing its characters
    flip_threshold: float = number()  # the angle classifier's least confidence that a line is upside down
    db: str | None = note()
    ctc: str | None = note()

    def __post_init__(self) -> None:
        if not 0.0 <= self.flip_threshold <= 1.0:
            raise TableProblem("flip_threshold", f"must be between 0 and 1, not {self.flip_threshold}")


@dataclass(eq=False)
class OcrContext:
    image: np.ndarray
    picture: Image.Image
    map_size: tuple[int, int]
    lines: tuple[TextLine, ...] = ()


class OcrTask:
    input_kind = "image"
    entry = "file"
    result_type = TextLines
    card_tables = (Preprocess, Postprocess)

    def preprocess(self, data: ImageData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, OcrContext]:
        pixels = checked_pixels(data, min_side=1)
        h, w = pixels.shape[:2]
        size = detector_size(w, h, Preprocess.of(card).max_side)
        resized = np.asarray(Image.fromarray(np.ascontiguousarray(pixels)).resize(size, Image.Resampling.BILINEAR))
        picture = Image.fromarray(np.ascontiguousarray(pixels))
        return {card.inputs[0].name: normalise(resized)[None]}, OcrContext(pixels, picture, size)

    def infer(self, runner: Runner, feeds: Feeds, ctx: OcrContext) -> Outputs:
        card = runner.card
        prob = next(iter(runner.run(feeds).values()))[0, 0]
        boxes = to_image(db_boxes(prob), ctx.map_size, (ctx.picture.width, ctx.picture.height))
        boxes = [boxes[i] for i in reading_order([b.quad for b in boxes])]
        crops = [crop_line(ctx.picture, b.quad) for b in boxes]
        flipped = self._turn_upside_down_lines(runner, crops, card)
        classes = charset_from_model(card.path("rec"), Postprocess.of(card).charset_key)
        pre = Preprocess.of(card)
        height, min_width = pre.rec_height, pre.rec_min_width
        read: dict[int, tuple[str, float]] = {}
        # Similar widths together: less padding to read through in each batch.
        order = sorted(range(len(crops)), key=lambda i: crops[i].width / max(crops[i].height, 1))
        for start in range(0, len(order), BATCH):
            runner.check()
            chunk = order[start:start + BATCH]
            probs = next(iter(runner.run({"x": line_batch([crops[i] for i in chunk], height, min_width)},
                                         role="rec").values()))
            for i, decoded in zip(chunk, greedy_decode(probs, classes)):
                read[i] = (decoded[0].strip(), decoded[1])
            if runner.listening and start + BATCH < len(order):
                runner.report((start + BATCH) / len(order), TextLines(ctx.image, self._lines(boxes, read, flipped)))
        ctx.lines = self._lines(boxes, read, flipped)
        return {}

    @staticmethod
    def _turn_upside_down_lines(runner: Runner, crops: list[Image.Image], card: ModelCard) -> set[int]:
        """The angle classifier says which lines are upside down; those crops are turned before reading."""
        threshold = Postprocess.of(card).flip_threshold
        flipped = set()
        for start in range(0, len(crops), BATCH):
            runner.check()
            chunk = list(range(start, min(len(crops), start + BATCH)))
            probs = next(iter(runner.run({"x": line_batch([crops[i] for i in chunk], 48, 192, max_width=192)},
                                         role="cls").values()))
            for i, p in zip(chunk, probs):
                if float(p[1]) > threshold:
                    crops[i] = crops[i].rotate(180)
                    flipped.add(i)
        return flipped

    @staticmethod
    def _lines(boxes: list, read: dict[int, tuple[str, float]], flipped: set[int]) -> tuple[TextLine, ...]:
        lines = [TextLine(tuple((float(x), float(y)) for x, y in boxes[i].quad), text, score, i in flipped)
                 for i, (text, score) in sorted(read.items()) if text.strip()]
        # Most lines upside down: the whole page is, so its first line is the one at the bottom.
        return tuple(reversed(lines)) if 2 * len(flipped) > len(boxes) else tuple(lines)

    def postprocess(self, outputs: Outputs, ctx: OcrContext, card: ModelCard, params: dict[str, Any]) -> TextLines:
        least = float(param(card, params, "min_score"))
        return TextLines(ctx.image, tuple(line for line in ctx.lines if line.score >= least))
