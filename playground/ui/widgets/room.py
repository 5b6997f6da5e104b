"""Where a result's picture and its list go: beside each other or one above the other, whichever draws the
picture larger in the room there is; and that room measured as it is on screen."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

# Stacking must win clearly: a layout that flips with every pixel of a resize would make the window jump.
CLEAR_GAIN = 1.15


def picture_above(width: float, height: float, picture: tuple[int, int], beside_share: float,
                  list_width: float, list_height: float) -> bool:
    """True when the picture (h, w) drawn above a list list_height tall is clearly larger than drawn beside a
    list taking beside_share of the width (or list_width, if it needs more)."""
    h, w = picture
    if width <= 0 or height <= list_height or h <= 0 or w <= 0:
        return False
    beside = min(min(width * (1 - beside_share), width - list_width) / w, height / h)
    above = min(width / w, (height - list_height) / h)
    return above > beside * CLEAR_GAIN


def visible_height(view: QWidget, height: int) -> int:
    """`height` of a part of `view` less what lies beyond the screen: a view in a scroll area may be taller
    than its viewport, and sizing by that height would make it taller still at every pass."""
    viewport = view.parentWidget()
    return height - max(0, view.height() - viewport.height()) if viewport is not None else height
