"""How small a JPEG may be decoded for a card: DCT scaling to 1/2, 1/4 or 1/8 while the model still reads it whole.

A classifier's card scales the picture's shorter side to `[preprocess] resize_shorter` (256) and reads nothing
finer, so decoding a 12-megapixel photo at full size only to shrink it again costs ten times the model. JPEG
stores 8×8 blocks of frequencies: libjpeg can decode each straight to 4×4, 2×2 or 1×1 pixels, far faster
than decoding and then resizing. The reduction is taken only while the decoded shorter side stays at least
`resize_shorter`, so the model never sees a picture enlarged from fewer pixels than it would have read.
Cards without that key (faces, cut-outs, text, upscaling: their result is drawn on the full picture, or
needs every pixel) get the full picture.
"""

from __future__ import annotations

from typing import Any

# The reductions libjpeg offers through Pillow's draft(), largest first.
SCALES = (8, 4, 2)


def shorter_side_needed(card: Any) -> int | None:
    """The fewest pixels the card's preprocessing reads along the picture's shorter side, or None for all."""
    value = (getattr(card, "preprocess", None) or {}).get("resize_shorter")
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def draft_scale(width: int, height: int, needed: int | None) -> int:
    """The largest reduction (8, 4, 2 or 1) after which the shorter side still holds `needed` whole pixels.

    Floor division on purpose: libjpeg rounds a reduced side up (a last, partly filled pixel), which must not
    be what brings a side up to `needed`.
    """
    if needed is None:
        return 1
    shorter = min(width, height)
    return next((s for s in SCALES if shorter // s >= needed), 1)


def apply_draft(image: Any, needed: int | None) -> int:
    """Ask Pillow to decode a not-yet-loaded JPEG reduced (see draft_scale); returns the reduction used.

    Requesting ⌊width/s⌋ × ⌊height/s⌋ makes Pillow pick exactly s: width // ⌊width/s⌋ lies in [s, 2s).
    """
    width, height = image.size
    scale = draft_scale(width, height, needed)
    if scale == 1 or image.format != "JPEG":
        return 1
    if image.draft(None, (width // scale, height // scale)) is None:  # several tiles, or drafted already
        return 1
    return scale
