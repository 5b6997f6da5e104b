"""Shared task ops: IoU and NMS, the image sizing rule, resizing, and a card's knobs."""

from __future__ import annotations

import numpy as np
import pytest

from playground import paths
from playground.core.card import parse_card
from playground.core.errors import InputError, ModelCardError
from playground.core.media import ImageData
from playground.tasks.knobs import param
from playground.tasks.ops import box_iou, checked_pixels, fit_size, nms, resize_map, resize_rgb


def test_box_iou_of_known_overlaps():
    box = np.array([0.0, 0.0, 10.0, 10.0])
    others = np.array([[0, 0, 10, 10], [5, 0, 15, 10], [20, 20, 30, 30], [0, 0, 0, 0]], dtype=float)
    assert box_iou(box, others) == pytest.approx([1.0, 50 / 150, 0.0, 0.0])


def test_nms_keeps_the_best_of_each_cluster_best_first():
    boxes = np.array([[0, 0, 10, 10], [1, 1, 11, 11], [50, 50, 60, 60], [0, 0, 10, 9]], dtype=float)
    scores = np.array([0.6, 0.9, 0.7, 0.5])
    assert nms(boxes, scores, 0.3).tolist() == [1, 2]
    # With a lenient overlap limit the near-duplicates survive.
    assert nms(boxes, scores, 0.95).tolist() == [1, 2, 0, 3]
    assert nms(np.zeros((0, 4)), np.zeros(0), 0.3).tolist() == []


@pytest.mark.parametrize("size, expected", [
    ((512, 512), (512, 512)),      # already fits
    ((512, 600), (512, 608)),      # no shrink, 600 rounds up to 608
    ((1280, 640), (640, 320)),     # halved
    ((1000, 300), (640, 192)),
    ((2000, 10), (640, 32)),       # a sliver still gets one row of cells
    ((33, 31), (64, 32)),          # small pictures are never enlarged, only rounded up
])
def test_fit_size_shrinks_to_the_long_side_and_rounds_up(size, expected):
    assert fit_size(*size, max_side=640, multiple=32) == expected


def test_resize_rgb_and_map_give_the_asked_size():
    image = np.zeros((30, 40, 3), np.uint8)
    image[:, :20] = 255
    out = resize_rgb(image, (80, 60), "bilinear")
    assert out.shape == (60, 80, 3) and out.dtype == np.uint8
    assert out[:, :35].min() == 255 and out[:, 45:].max() == 0
    assert resize_rgb(image, (40, 30)) is image
    flat = resize_map(np.full((7, 9), 0.25, np.float32), (18, 14))
    assert flat.shape == (14, 18) and flat.dtype == np.float32 and np.allclose(flat, 0.25)


def test_unknown_resampling_name_is_a_card_error():
    with pytest.raises(ModelCardError, match="Unknown resampling 'fancy'"):
        resize_rgb(np.zeros((10, 10, 3), np.uint8), (5, 5), "fancy")


def test_checked_pixels_refuses_tiny_or_malformed_pictures():
    assert checked_pixels(ImageData(np.zeros((8, 8, 3), np.uint8))).shape == (8, 8, 3)
    with pytest.raises(InputError, match=r"only 1×1 pixels.*at least 8 pixels"):
        checked_pixels(ImageData(np.zeros((1, 1, 3), np.uint8)))
    with pytest.raises(InputError, match="not a picture"):
        checked_pixels(ImageData(np.zeros((10, 10), np.uint8)))


def test_param_takes_the_default_or_a_checked_value():
    card = parse_card(paths.models_dir() / "centerface" / "model.toml")
    assert param(card, {}, "threshold") == 0.5
    assert param(card, {"threshold": "0.7"}, "threshold") == 0.7
    with pytest.raises(InputError, match="between 0.05 and 0.99"):
        param(card, {"threshold": 3}, "threshold")
