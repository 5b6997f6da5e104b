"""4× upscaling with Real-ESRGAN, tile by tile: overlapping tiles, each keeping only its interior, so no seams."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core import readable
from playground.core.card import ModelCard
from playground.core.card_schema import PreprocessTable, count
from playground.core.errors import InputError
from playground.core.media import ImageData
from playground.core.results import Upscaled
from playground.core.task import Feeds, Outputs, Runner
from playground.core.words import translate
from playground.tasks.ops import checked_pixels

MIN_SIDE = 4  # below this the network's 3×3 layers see mostly padding; a speck is enlarged as 4×4 first


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess]: tiles of tile × tile with overlap pixels of context, the size cap and the factor."""

    tile: int = count()
    overlap: int = count()
    max_pixels: int = count()
    scale: int = count()  # how many output pixels the model paints per input pixel, across and down


@dataclass(frozen=True)
class Tile:
    """Where a tile is cut from the input (with its margin) and which part of it is kept."""

    y0: int
    y1: int
    x0: int
    x1: int  # the cut, margin included
    keep_y0: int
    keep_y1: int
    keep_x0: int
    keep_x1: int  # the interior this tile is responsible for, in input pixels


def plan_tiles(height: int, width: int, tile: int, overlap: int) -> list[Tile]:
    """Cover the picture with interiors of at most tile×tile, each cut with `overlap` pixels of context.

    A convolution near a tile's edge sees padding instead of the real neighbours, so its output there
    differs from a whole-picture run. Every interior pixel here has at least `overlap` real pixels of
    context on each side (or is at the picture's own edge, where a whole run sees padding too), and the
    network's reach (18 layers of 3×3: 18 pixels) is within the margin used, so the stitched result
    matches one run on the whole picture.
    """
    tiles = []
    rows, cols = math.ceil(height / tile), math.ceil(width / tile)
    for r in range(rows):
        ky0, ky1 = r * tile, min(height, (r + 1) * tile)
        for c in range(cols):
            kx0, kx1 = c * tile, min(width, (c + 1) * tile)
            tiles.append(Tile(max(0, ky0 - overlap), min(height, ky1 + overlap),
                              max(0, kx0 - overlap), min(width, kx1 + overlap), ky0, ky1, kx0, kx1))
    return tiles


def stitch(out: np.ndarray, piece: np.ndarray, t: Tile, scale: int) -> None:
    """Copy the tile's interior of the model output (C×h×w, scaled) into `out` (H·s×W·s×3 uint8)."""
    oy, ox = (t.keep_y0 - t.y0) * scale, (t.keep_x0 - t.x0) * scale
    h, w = (t.keep_y1 - t.keep_y0) * scale, (t.keep_x1 - t.keep_x0) * scale
    block = piece[:, oy:oy + h, ox:ox + w].transpose(1, 2, 0)
    out[t.keep_y0 * scale:t.keep_y1 * scale, t.keep_x0 * scale:t.keep_x1 * scale] = to_uint8(block)


def to_uint8(values: np.ndarray) -> np.ndarray:
    return (np.clip(np.nan_to_num(values), 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)


@dataclass(frozen=True, eq=False)
class UpscaleContext:
    work: np.ndarray  # the picture the tiles are cut from (a speck is first enlarged to MIN_SIDE)
    tiles: tuple[Tile, ...]
    scale: int


class UpscaleTask:
    input_kind = "image"
    entry = "file"
    result_type = Upscaled
    card_tables = (Preprocess,)

    def preprocess(self, data: ImageData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, UpscaleContext]:
        pixels = checked_pixels(data, min_side=1)
        h, w = pixels.shape[:2]
        pre = Preprocess.of(card)
        limit = pre.max_pixels
        if h * w > limit:
            side = int(math.sqrt(limit))
            raise InputError(translate("UpscaleTask", "The picture is {width} × {height} pixels; this upscaler takes "
                                                      "up to about {side} × {side} ({megapixels} megapixels), because "
                                                      "the result would be 16 times larger. Crop or shrink it first, "
                                                      "or pick a smaller picture.").format(
                width=w, height=h, side=side, megapixels=readable.local(f"{limit / 1e6:.1f}")))
        work = pixels
        if min(h, w) < MIN_SIDE:
            from PIL import Image

            size = (max(w, MIN_SIDE), max(h, MIN_SIDE))
            work = np.asarray(Image.fromarray(np.ascontiguousarray(pixels)).resize(size, Image.Resampling.NEAREST))
        tiles = plan_tiles(work.shape[0], work.shape[1], pre.tile, pre.overlap)
        ctx = UpscaleContext(work, tuple(tiles), pre.scale)
        return {}, ctx  # the feeds are cut tile by tile in infer

    def infer(self, runner: Runner, feeds: Feeds, ctx: UpscaleContext) -> Outputs:
        name = runner.card.inputs[0].name
        s = ctx.scale
        out = np.zeros((ctx.work.shape[0] * s, ctx.work.shape[1] * s, 3), np.uint8)
        # Until its tile is done, a pixel shows the input simply stretched: the picture fills in as it goes.
        preview = np.repeat(np.repeat(ctx.work, s, axis=0), s, axis=1) if runner.listening else None
        for done, t in enumerate(ctx.tiles, start=1):
            runner.check()
            cut = ctx.work[t.y0:t.y1, t.x0:t.x1].astype(np.float32) / 255.0
            tensor = np.ascontiguousarray(cut.transpose(2, 0, 1)[None])
            piece = next(iter(runner.run({name: tensor}).values()))[0]
            stitch(out, piece, t, s)
            if preview is None or done == len(ctx.tiles):
                continue
            stitch(preview, piece, t, s)
            # A whole picture per tile would be 48 MB for a 1000-pixel input: send one at each row's end.
            row_done = t.keep_x1 == ctx.work.shape[1]
            runner.report(done / len(ctx.tiles), Upscaled(ctx.work, preview.copy(), s, done) if row_done else None)
        return {"upscaled": out}

    def postprocess(self, outputs: Outputs, ctx: UpscaleContext, card: ModelCard, params: dict[str, Any]) -> Upscaled:
        # A speck was enlarged to MIN_SIDE first: the result is shown against what the model was given.
        return Upscaled(ctx.work, outputs["upscaled"], ctx.scale, len(ctx.tiles))
