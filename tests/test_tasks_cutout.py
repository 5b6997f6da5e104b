"""Cut-out task: the U²-Net-p feeds (size, max-scaling, mean/std) and the alpha mask put back on the photo."""

from __future__ import annotations

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper

from playground import paths
from playground.core.card import parse_card
from playground.core.errors import InputError
from playground.core.media import ImageData
from playground.core.results import Cutout
from playground.tasks.cutout import CutoutTask, alpha_mask

MEAN = np.array([0.485, 0.456, 0.406])
STD = np.array([0.229, 0.224, 0.225])


def tiny_saliency() -> onnx.ModelProto:
    """Saliency = the mean of the three normalised channels: bright places stand out."""
    x = helper.make_tensor_value_info("input.1", TensorProto.FLOAT, [1, 3, 320, 320])
    y = helper.make_tensor_value_info("1959", TensorProto.FLOAT, [1, 1, 320, 320])
    node = helper.make_node("ReduceMean", ["input.1"], ["1959"], axes=[1], keepdims=1, name="mean")
    graph = helper.make_graph([node], "tiny_saliency", [x], [y])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


@pytest.fixture(scope="module")
def card():
    return parse_card(paths.models_dir() / "u2netp" / "model.toml")


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    path = tmp_path_factory.mktemp("cutout") / "tiny.onnx"
    onnx.save(tiny_saliency(), path)
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


def run(card, session, pixels) -> Cutout:
    task = CutoutTask()
    feeds, ctx = task.preprocess(ImageData(pixels), card, card.defaults())
    outputs = dict(zip([o.name for o in session.get_outputs()], session.run(None, feeds)))
    return task.postprocess(outputs, ctx, card, card.defaults())


def feed(card, pixels) -> np.ndarray:
    feeds, _ = CutoutTask().preprocess(ImageData(pixels), card, card.defaults())
    return feeds["input.1"]


def test_feeds_are_320_square_nchw_with_imagenet_mean_and_std(card):
    red = np.zeros((100, 150, 3), np.uint8)
    red[...] = (255, 0, 0)
    tensor = feed(card, red)
    assert tensor.shape == (1, 3, 320, 320) and tensor.dtype == np.float32
    expected = (np.array([1.0, 0.0, 0.0]) - MEAN) / STD
    assert tensor[0, :, 160, 160] == pytest.approx(expected, rel=1e-5)


def test_a_dark_photo_is_stretched_by_its_own_maximum(card):
    dim = np.full((64, 64, 3), 100, np.uint8)
    bright = np.full((64, 64, 3), 255, np.uint8)
    assert np.allclose(feed(card, dim), feed(card, bright))
    black = feed(card, np.zeros((64, 64, 3), np.uint8))
    assert np.isfinite(black).all() and black[0, :, 0, 0] == pytest.approx(-MEAN / STD, rel=1e-5)


def test_the_bright_half_becomes_foreground_at_the_original_size(card, session):
    pixels = np.zeros((100, 200, 3), np.uint8)
    pixels[:, :100] = 255
    result = run(card, session, pixels)
    assert result.image is pixels and result.alpha.shape == (100, 200) and result.alpha.dtype == np.float32
    assert 0.0 <= result.alpha.min() and result.alpha.max() <= 1.0
    assert result.alpha[:, :90].min() > 0.9 and result.alpha[:, 110:].max() < 0.1
    assert result.foreground_fraction == pytest.approx(0.5, abs=0.02)
    assert result.rgba().shape == (100, 200, 4)


def test_a_flat_picture_has_no_foreground_rather_than_a_division_by_zero(card, session):
    result = run(card, session, np.full((40, 60, 3), 128, np.uint8))
    assert result.foreground_fraction == 0.0 and result.summary() == "foreground 0% of 60×40 pixels"


def test_alpha_mask_is_min_max_normalised_then_resized():
    saliency = np.array([[0.2, 0.4], [0.6, 0.2]], np.float32)
    alpha = alpha_mask(saliency, (2, 2))
    assert alpha == pytest.approx(np.array([[0.0, 0.5], [1.0, 0.0]]))
    assert alpha_mask(saliency, (8, 6)).shape == (6, 8)
    assert not alpha_mask(np.full((4, 4), np.nan, np.float32), (4, 4)).any()


def test_a_one_pixel_picture_gets_a_sentence(card, session):
    with pytest.raises(InputError, match="only 1×1 pixels"):
        run(card, session, np.zeros((1, 1, 3), np.uint8))
