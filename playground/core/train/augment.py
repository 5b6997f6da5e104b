"""Image augmentation in numpy: random affine warps (shift, rotation, scale, shear) and smooth elastic bends.

Each image gets its own random warp, sampled bilinearly with zeros outside the frame (ink never wraps
around the edge, unlike a circular roll). A few thousand digits seen through new warps every epoch
behave like a much larger training set.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Warp:
    """Ranges of the random warp; every value is drawn uniformly in ±range (scale: 1 ± scale)."""

    shift: float = 2.0  # pixels
    rotate: float = 12.0  # degrees
    scale: float = 0.12  # fraction
    shear: float = 0.2  # x shifts by shear·y
    elastic: float = 0.0  # pixels of smooth random displacement at the coarse grid points
    grid: int = 4  # coarse grid of the elastic field (grid × grid points)

    def __call__(self, batch: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        squeeze = batch.ndim == 4
        images = batch[..., 0] if squeeze else batch
        out = warp_batch(images, self, rng)
        return out[..., None] if squeeze else out


def _interp_matrix(coarse: int, fine: int) -> np.ndarray:
    """(fine × coarse) linear interpolation weights from coarse grid points spread over the fine axis."""
    pos = np.linspace(0, coarse - 1, fine)
    low = np.minimum(np.floor(pos).astype(int), coarse - 2)
    frac = pos - low
    m = np.zeros((fine, coarse))
    m[np.arange(fine), low] = 1 - frac
    m[np.arange(fine), low + 1] = frac
    return m


def warp_batch(images: np.ndarray, warp: Warp, rng: np.random.Generator) -> np.ndarray:
    """Random warps of (N, H, W) float images: each output pixel reads the input at a moved position."""
    n, h, w = images.shape
    angle = np.radians(rng.uniform(-warp.rotate, warp.rotate, n))
    scale = 1.0 + rng.uniform(-warp.scale, warp.scale, n)
    shear = rng.uniform(-warp.shear, warp.shear, n)
    shift = rng.uniform(-warp.shift, warp.shift, (n, 2))
    cos, sin = np.cos(angle) / scale, np.sin(angle) / scale
    # Output (x, y) relative to the centre -> input position: rotate·scale, then shear along x.
    a, b = cos + shear * sin, -sin + shear * cos
    c, d = sin, cos
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float64)
    cy, cx = (h - 1) / 2, (w - 1) / 2
    xo, yo = (xs - cx)[None], (ys - cy)[None]
    src_x = a[:, None, None] * xo + b[:, None, None] * yo + cx + shift[:, 0, None, None]
    src_y = c[:, None, None] * xo + d[:, None, None] * yo + cy + shift[:, 1, None, None]
    if warp.elastic > 0:
        g = warp.grid
        my, mx = _interp_matrix(g, h), _interp_matrix(g, w)
        field = rng.uniform(-warp.elastic, warp.elastic, (2, n, g, g))
        src_x += my @ field[0] @ mx.T
        src_y += my @ field[1] @ mx.T
    return bilinear(images, src_x, src_y)


def bilinear(images: np.ndarray, src_x: np.ndarray, src_y: np.ndarray) -> np.ndarray:
    """Sample (N, H, W) images at per-image positions (N, h, w); outside the frame reads as 0."""
    n, h, w = images.shape
    pad = 2  # positions are clipped into the zero border, so anything far outside samples zeros only
    padded = np.zeros((n, h + 2 * pad, w + 2 * pad), images.dtype)
    padded[:, pad:-pad, pad:-pad] = images
    x = np.clip(src_x, -1.5, w + 0.5) + pad
    y = np.clip(src_y, -1.5, h + 0.5) + pad
    x0, y0 = np.floor(x).astype(np.intp), np.floor(y).astype(np.intp)
    fx, fy = (x - x0).astype(np.float32), (y - y0).astype(np.float32)
    per_image = padded.reshape(n, -1)
    stride = w + 2 * pad
    base = (np.arange(n) * per_image.shape[1])[:, None, None] + y0 * stride + x0
    flat = per_image.reshape(-1)
    top = flat[base] * (1 - fx) + flat[base + 1] * fx
    bottom = flat[base + stride] * (1 - fx) + flat[base + stride + 1] * fx
    return (top * (1 - fy) + bottom * fy).astype(images.dtype)

