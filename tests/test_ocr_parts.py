"""The OCR's parts on made-up inputs: CTC reading, the charset in a model's metadata, and DB boxes."""

from __future__ import annotations

import numpy as np
import onnx
import pytest
from PIL import Image, ImageDraw

from playground.core.errors import ModelCardError
from playground.tasks.ctc import charset_from_model, ctc_classes, greedy_decode
from playground.tasks.ocr_geometry import db_boxes, reading_order, unclip
from tests.tiny_models import save, scale_model


def one_hot(steps: list[int], classes: int = 4, p: float = 0.9) -> np.ndarray:
    out = np.full((1, len(steps), classes), (1 - p) / (classes - 1), np.float32)
    out[0, np.arange(len(steps)), steps] = p
    return out


def test_ctc_merges_repeats_drops_blanks_and_keeps_a_double_letter_split_by_a_blank():
    classes = ctc_classes(["a", "b"])  # blank, a, b, space
    assert classes == ("", "a", "b", " ")
    [(text, score)] = greedy_decode(one_hot([0, 1, 1, 0, 1, 2, 2, 3, 0]), classes)
    assert text == "aab " and score == pytest.approx(0.9)
    assert greedy_decode(one_hot([0, 0, 0]), classes) == [("", 0.0)]


def test_the_charset_comes_from_the_models_metadata_and_a_wrong_key_is_named(tmp_path):
    model = scale_model()
    onnx.helper.set_model_props(model, {"character": "x\ny\nz"})
    save(model, tmp_path / "rec.onnx")
    assert charset_from_model(tmp_path / "rec.onnx", "character") == ("", "x", "y", "z", " ")
    with pytest.raises(ModelCardError, match=r"rec\.onnx has no 'letters' entry in its metadata"):
        charset_from_model(tmp_path / "rec.onnx", "letters")


def test_a_tilted_text_region_becomes_one_rotated_box_grown_by_the_unclip_distance():
    prob = Image.new("F", (200, 120), 0.0)
    # A 100×16 bar turned by about 10°: what the detector marks for one tilted word.
    corners = [(40, 70), (138, 53), (141, 69), (43, 86)]
    ImageDraw.Draw(prob).polygon(corners, fill=0.9)
    (box,) = db_boxes(np.asarray(prob))
    (x0, y0), (x1, y1) = box.quad[:2]
    assert np.degrees(np.arctan2(y1 - y0, x1 - x0)) == pytest.approx(-10, abs=1.5)
    half = (50.0, 8.0)
    grown = unclip(half, 1.6)
    d = 100 * 16 * 1.6 / (2 * 116)
    assert grown == pytest.approx((50 + d, 8 + d))
    assert 0.7 < box.score <= 0.9  # the mean inside the rectangle: edge pixels of the region pull it down a little


def test_reading_order_is_top_to_bottom_then_left_to_right_on_a_line():
    def quad(x, y, w=40, h=10):
        return np.array([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], float)

    quads = [quad(100, 52), quad(10, 10), quad(10, 50), quad(60, 11)]
    assert reading_order(quads) == [1, 3, 2, 0]
