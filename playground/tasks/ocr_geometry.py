"""Text-line geometry for OCR: DB probability map -> rotated line boxes, reading order, upright line crops.

This is DB's post-processing (as in PaddleOCR / RapidOCR) written with numpy and Pillow instead of OpenCV,
pyclipper and shapely. Regions are connected components (8-connected, like OpenCV's contours) found on
row runs with a vectorised union-find; the box is the minimum-area rectangle of the region's convex hull;
"unclip" grows that rectangle by the same distance on every side. benchmarks/ocr_geometry.py compares it
with the OpenCV + pyclipper reference on real maps (box agreement and time).

Coordinates are (x, y) with pixel centres at whole numbers, as OpenCV's contours have them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

Quad = np.ndarray  # (4, 2) float: top-left, top-right, bottom-right, bottom-left


@dataclass(frozen=True, eq=False)
class TextBox:
    quad: Quad
    score: float  # mean text probability inside the box, before it was grown


def db_boxes(prob: np.ndarray, *, threshold: float = 0.3, box_threshold: float = 0.5,
             unclip_ratio: float = 1.6, max_candidates: int = 1000, min_side: float = 3.0) -> list[TextBox]:
    """Text boxes on a 2-D probability map, in the map's own pixels (not yet sorted).

    DB's rules: threshold, dilate 2×2, one candidate per region; drop it when its rectangle is thinner
    than `min_side` or its mean probability is below `box_threshold`; grow it by
    area × unclip_ratio / perimeter (the model was trained to predict shrunk text kernels); drop it
    when the grown box is still thinner than min_side + 2.
    """
    prob = np.asarray(prob, dtype=np.float32)
    boxes = []
    for points in regions(dilate_2x2(prob > threshold))[:max_candidates]:
        centre, axes, half = min_area_rect(points)
        if 2 * min(half) < min_side:
            continue
        score = box_score(prob, corners(centre, axes, half))
        if score < box_threshold:
            continue
        grown = unclip(half, unclip_ratio)
        if 2 * min(grown) < min_side + 2:
            continue
        boxes.append(TextBox(corners(centre, axes, grown), score))
    return boxes


def unclip(half: tuple[float, float], ratio: float) -> tuple[float, float]:
    """Half-sizes of a rectangle grown by d = area × ratio / perimeter on every side.

    DB offsets the box polygon with pyclipper's round joins and takes the min-area rectangle of the result.
    For a rectangle that offset is the rectangle grown by d with quarter-circle corners, whose min-area
    rectangle is exactly the rectangle grown by d on each side (the rounding never reaches past the
    straight sides). tests/test_ocr_geometry.py checks this on the offset polygon; the benchmark checks
    it against pyclipper itself.
    """
    w, h = 2 * half[0], 2 * half[1]
    d = w * h * ratio / (2 * (w + h)) if w + h > 0 else 0.0
    return half[0] + d, half[1] + d


def to_image(boxes: list[TextBox], map_size: tuple[int, int], image_size: tuple[int, int]) -> list[TextBox]:
    """Scale boxes from the map's pixels to the picture's (sizes are (width, height)), clipped to it."""
    sx, sy = image_size[0] / map_size[0], image_size[1] / map_size[1]
    out = []
    for box in boxes:
        quad = box.quad * np.array([sx, sy])
        quad[:, 0] = np.clip(quad[:, 0], 0, image_size[0])
        quad[:, 1] = np.clip(quad[:, 1], 0, image_size[1])
        out.append(TextBox(quad, box.score))
    return out


def dilate_2x2(mask: np.ndarray) -> np.ndarray:
    """OpenCV's dilate with a 2×2 kernel (anchor at its bottom-right): each pixel also marks right and down."""
    out = mask.copy()
    out[1:, :] |= mask[:-1, :]
    out[:, 1:] |= out[:, :-1].copy()
    return out


def regions(mask: np.ndarray) -> list[np.ndarray]:
    """8-connected regions of a boolean mask, each as the (x, y) points that span its convex hull.

    A region's hull only depends on the leftmost and rightmost pixel of each of its rows, so those are all
    that is returned (sorted by row, then x). Regions come in raster order of their first pixel.
    """
    h, w = mask.shape
    if not mask.any():
        return []
    edges = np.diff(np.pad(mask, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    row, start = np.nonzero(edges == 1)
    end = np.nonzero(edges == -1)[1]  # exclusive; pairs up with the starts in raster order
    root = _union_runs(row, start, end, w)
    order = np.lexsort((start, row, root))  # by region, then row, then x
    root, row, start, end = root[order], row[order], start[order], end[order]
    # Per (region, row): the first run has the leftmost pixel and the last run the rightmost one.
    first = np.ones(len(row), bool)
    first[1:] = (root[1:] != root[:-1]) | (row[1:] != row[:-1])
    last = np.roll(first, -1)
    last[-1] = True
    left = np.stack([start[first], row[first]], axis=1)
    right = np.stack([end[last] - 1, row[last]], axis=1)
    points = np.stack([left, right], axis=1).reshape(-1, 2).astype(np.float64)
    region_of_row = root[first]
    cuts = np.nonzero(region_of_row[1:] != region_of_row[:-1])[0] + 1
    return np.split(points, cuts * 2)


def _union_runs(row: np.ndarray, start: np.ndarray, end: np.ndarray, width: int) -> np.ndarray:
    """The root (lowest run index) of every run, joining runs that touch across neighbouring rows.

    Runs a (row r) and b (row r+1) touch 8-connectedly when start_b <= end_a and start_a <= end_b (ends
    exclusive). Within a row, starts and ends increase, so the touching runs of row r form one index range
    found by two binary searches on row-major keys. Union-find is hook-and-compress in numpy: each round
    hooks every root to the smallest root it touches, then flattens the trees; the root count falls every
    round, so it ends.
    """
    stride = width + 2
    key_start, key_end = row * stride + start, row * stride + end
    below = np.nonzero(row > 0)[0]
    prev = (row[below] - 1) * stride
    lo = np.searchsorted(key_end, prev + start[below], "left")
    hi = np.searchsorted(key_start, prev + end[below], "right")
    count = np.maximum(hi - lo, 0)
    b = np.repeat(below, count)
    a = np.repeat(lo, count) + (np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count))
    parent = np.arange(len(row))
    while a.size:
        pa, pb = parent[a], parent[b]
        differ = pa != pb
        if not differ.any():
            break
        a, b, pa, pb = a[differ], b[differ], pa[differ], pb[differ]
        np.minimum.at(parent, np.maximum(pa, pb), np.minimum(pa, pb))
        while True:
            grand = parent[parent]
            if np.array_equal(grand, parent):
                break
            parent = grand
    return parent


def convex_hull(points: np.ndarray) -> np.ndarray:
    """Andrew's monotone chain on points already sorted by (y, x); returns the hull's vertices."""
    pts = [(float(x), float(y)) for x, y in points]
    if len(pts) <= 2:
        return np.asarray(pts, dtype=np.float64).reshape(-1, 2)

    def half(seq: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
        chain: list[tuple[float, float]] = []
        for p in seq:
            while len(chain) >= 2:
                (ox, oy), (ax, ay) = chain[-2], chain[-1]
                if (ax - ox) * (p[1] - oy) - (ay - oy) * (p[0] - ox) > 0:
                    break
                chain.pop()
            chain.append(p)
        return chain

    lower, upper = half(pts), half(reversed(pts))
    return np.asarray(lower[:-1] + upper[:-1], dtype=np.float64)


def min_area_rect(points: np.ndarray) -> tuple[np.ndarray, np.ndarray, tuple[float, float]]:
    """Smallest rectangle around the points: centre, axes (u, n) and half-sizes along them.

    Rotating calipers: the best rectangle has one side on a hull edge, so each edge direction is tried
    (all at once with one matrix product). u is the side nearer to horizontal, pointing right, and
    n = u turned 90° clockwise on screen (pointing down), so corners() can name top-left etc.
    """
    hull = convex_hull(points)
    if len(hull) == 1:
        return hull[0].copy(), np.eye(2), (0.0, 0.0)
    edges = np.roll(hull, -1, axis=0) - hull
    lengths = np.hypot(edges[:, 0], edges[:, 1])
    u = edges[lengths > 0] / lengths[lengths > 0, None]
    n = np.stack([-u[:, 1], u[:, 0]], axis=1)
    pu, pn = hull @ u.T, hull @ n.T
    ext_u, ext_n = np.ptp(pu, axis=0), np.ptp(pn, axis=0)
    best = int(np.argmin(ext_u * ext_n + 1e-9 * (ext_u + ext_n)))  # ties: the tighter outline
    mid_u = (pu[:, best].min() + pu[:, best].max()) / 2
    mid_n = (pn[:, best].min() + pn[:, best].max()) / 2
    axis_u, axis_n = u[best], n[best]
    centre = mid_u * axis_u + mid_n * axis_n
    half_u, half_n = ext_u[best] / 2, ext_n[best] / 2
    if abs(axis_u[0]) < abs(axis_u[1]):  # the edge direction is nearer vertical: swap the roles
        axis_u, axis_n, half_u, half_n = axis_n, axis_u, half_n, half_u
    if axis_u[0] < 0 or (axis_u[0] == 0 and axis_u[1] > 0):
        axis_u = -axis_u
    axis_n = np.array([-axis_u[1], axis_u[0]])
    return centre, np.stack([axis_u, axis_n]), (float(half_u), float(half_n))


def corners(centre: np.ndarray, axes: np.ndarray, half: tuple[float, float]) -> Quad:
    """Top-left, top-right, bottom-right, bottom-left of a rectangle given as centre, axes, half-sizes."""
    du, dn = axes[0] * half[0], axes[1] * half[1]
    return np.stack([centre - du - dn, centre + du - dn, centre + du + dn, centre - du + dn])


def box_score(prob: np.ndarray, quad: Quad) -> float:
    """DB's "fast" score: mean probability of the pixels inside the quad (its edges included)."""
    h, w = prob.shape
    x0, y0 = np.clip(np.floor(quad.min(axis=0)).astype(int), 0, [w - 1, h - 1])
    x1, y1 = np.clip(np.ceil(quad.max(axis=0)).astype(int), 0, [w - 1, h - 1])
    mask = Image.new("1", (int(x1 - x0 + 1), int(y1 - y0 + 1)), 0)
    # OpenCV's fillPoly (used by the reference) takes whole-pixel corners, truncated, and fills the edge
    # pixels too; Pillow's fill leaves some out on slanted edges, so the outline is drawn as well
    # (benchmarks/ocr_geometry.py: scores then agree within 0.0012 instead of 0.09).
    points = [(int(x) - x0, int(y) - y0) for x, y in quad]
    draw = ImageDraw.Draw(mask)
    draw.polygon(points, fill=1)
    draw.line(points + points[:1], fill=1)
    inside = np.asarray(mask, dtype=bool)
    return float(prob[y0:y1 + 1, x0:x1 + 1][inside].mean()) if inside.any() else 0.0


def reading_order(quads: list[Quad]) -> list[int]:
    """Indices of the quads top to bottom, and left to right among those on the same line.

    Boxes share a line when their vertical spans overlap by at least half the shorter one; a line is
    anchored on its first (topmost) box so a long line does not swallow the next one.
    """
    spans = [(float(q[:, 1].min()), float(q[:, 1].max()), float(q[:, 0].min())) for q in quads]
    order = sorted(range(len(quads)), key=lambda i: (spans[i][0], spans[i][2]))
    lines: list[list[int]] = []
    for i in order:
        top, bottom, _ = spans[i]
        if lines:
            a_top, a_bottom, _ = spans[lines[-1][0]]
            overlap = min(bottom, a_bottom) - max(top, a_top)
            if overlap >= 0.5 * min(bottom - top, a_bottom - a_top) and overlap > 0:
                lines[-1].append(i)
                continue
        lines.append([i])
    return [i for line in lines for i in sorted(line, key=lambda j: spans[j][2])]


def crop_line(image: Image.Image, quad: Quad) -> Image.Image:
    """The quad cut out and straightened into an upright strip, turned 90° if it is a vertical column.

    The strip is as wide and tall as the quad's longer opposite sides (DB's rule), at least 1 pixel.
    """
    tl, tr, br, bl = (np.asarray(p, dtype=np.float64) for p in quad)
    width = max(1, int(max(np.hypot(*(tr - tl)), np.hypot(*(br - bl)))))
    height = max(1, int(max(np.hypot(*(bl - tl)), np.hypot(*(br - tr)))))
    data = tuple(float(v) for v in (*tl, *bl, *br, *tr))  # Pillow's order: UL, LL, LR, UR
    strip = image.transform((width, height), Image.Transform.QUAD, data, resample=Image.Resampling.BICUBIC)
    if height / width >= 1.5:  # a column of text read top to bottom: lay it down (as RapidOCR does)
        strip = strip.transpose(Image.Transpose.ROTATE_90)
    return strip

