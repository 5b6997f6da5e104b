"""Face task: sizing and feeds, the CenterFace decode rule, NMS, and boxes rescaled to the photo's pixels."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper

from playground import paths
from playground.core.card import BuiltFile, parse_card
from playground.core.errors import InputError
from playground.core.media import ImageData
from playground.core.results import Detections
from playground.tasks.faces import FaceTask, decode

# The tiny stand-in model predicts boxes 16 px wide and 24 px tall with landmark j at
# (0.2 + 0.1·j, 0.1·j) of the box (x, y), so every number in the decoded faces is known in advance.
BOX_W, BOX_H = 16.0, 24.0
LM_Y = [0.1 * j for j in range(5)]
LM_X = [0.2 + 0.1 * j for j in range(5)]


def tiny_centerface() -> onnx.ModelProto:
    """Heatmap = brightest pixel of each 4×4 cell / 255; constant box size, zero offset, fixed landmarks."""
    x = helper.make_tensor_value_info("input.1", TensorProto.FLOAT, ["B", 3, "H", "W"])
    outs = [helper.make_tensor_value_info(n, TensorProto.FLOAT, ["B", c, "h", "w"])
            for n, c in (("537", 1), ("538", 2), ("539", 2), ("540", 10))]
    consts = {
        "k255": np.array(255.0, np.float32),
        "zero": np.array(0.0, np.float32),
        "log_size": np.log(np.array([BOX_H / 4, BOX_W / 4], np.float32)).reshape(1, 2, 1, 1),
        "no_offset": np.zeros((1, 2, 1, 1), np.float32),
        "marks": np.array([v for j in range(5) for v in (LM_Y[j], LM_X[j])], np.float32).reshape(1, 10, 1, 1),
    }
    nodes = [
        helper.make_node("ReduceMax", ["input.1"], ["grey"], axes=[1], keepdims=1, name="grey"),
        helper.make_node("MaxPool", ["grey"], ["pooled"], kernel_shape=[4, 4], strides=[4, 4], name="pool"),
        helper.make_node("Div", ["pooled", "k255"], ["537"], name="heat"),
        helper.make_node("Mul", ["537", "zero"], ["blank"], name="blank"),
        helper.make_node("Add", ["blank", "log_size"], ["538"], name="size"),
        helper.make_node("Add", ["blank", "no_offset"], ["539"], name="offset"),
        helper.make_node("Add", ["blank", "marks"], ["540"], name="marks"),
    ]
    graph = helper.make_graph(nodes, "tiny_centerface", [x], outs,
                              [numpy_helper.from_array(v, k) for k, v in consts.items()])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


@pytest.fixture(scope="module")
def card():
    return parse_card(paths.models_dir() / "centerface" / "model.toml")


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    path = tmp_path_factory.mktemp("faces") / "tiny.onnx"
    onnx.save(tiny_centerface(), path)
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


def run(card, session, pixels, **params) -> Detections:
    task = FaceTask()
    values = {**card.defaults(), **params}
    feeds, ctx = task.preprocess(ImageData(pixels), card, values)
    outputs = dict(zip([o.name for o in session.get_outputs()], session.run(None, feeds)))
    return task.postprocess(outputs, ctx, card, values)


def expected_landmarks(x1, y1, w=BOX_W, h=BOX_H):
    return [(x1 + LM_X[j] * w, y1 + LM_Y[j] * h) for j in range(5)]


def test_feeds_are_raw_rgb_nchw_sized_to_multiples_of_32(card):
    pixels = np.zeros((50, 100, 3), np.uint8)
    pixels[10, 20] = (10, 20, 30)
    feeds, ctx = FaceTask().preprocess(ImageData(pixels), card, card.defaults())
    tensor = feeds["input.1"]
    assert tensor.shape == (1, 3, 64, 128) and tensor.dtype == np.float32
    assert ctx.input_size == (128, 64) and ctx.scale_x == pytest.approx(100 / 128) and ctx.scale_y == 50 / 64
    unscaled, _ = FaceTask().preprocess(ImageData(np.pad(pixels, ((0, 14), (0, 28), (0, 0)))), card, card.defaults())
    assert unscaled["input.1"][0, :, 10, 20].tolist() == [10.0, 20.0, 30.0]  # RGB order, 0–255, no mean/std


def test_a_bright_cell_becomes_one_face_with_the_decoded_box_and_landmarks(card, session):
    pixels = np.zeros((64, 128, 3), np.uint8)
    pixels[20:24, 40:44] = 255  # the cell at row 5, column 10
    result = run(card, session, pixels)
    assert result.what == "face" and result.image is pixels and len(result.items) == 1
    face = result.items[0]
    # centre ((10 + ½)·4, (5 + ½)·4) = (42, 22); size 16 × 24
    assert face.box == pytest.approx((34.0, 10.0, 50.0, 34.0))
    assert face.score == pytest.approx(1.0)
    assert np.asarray(face.landmarks) == pytest.approx(np.asarray(expected_landmarks(34.0, 10.0)))


def test_boxes_come_back_in_the_original_pictures_pixels(card, session):
    pixels = np.zeros((640, 1280, 3), np.uint8)  # shrunk by 2 to 640 × 320 for the model
    pixels[40:48, 80:88] = 255
    (face,) = run(card, session, pixels).items
    assert face.box == pytest.approx((68.0, 20.0, 100.0, 68.0), abs=0.5)
    expected = expected_landmarks(68.0, 20.0, 2 * BOX_W, 2 * BOX_H)
    assert np.asarray(face.landmarks) == pytest.approx(np.asarray(expected), abs=0.5)


def test_threshold_decides_what_counts_as_a_face(card, session):
    pixels = np.zeros((64, 64, 3), np.uint8)
    pixels[8:12, 8:12] = 153  # heat 0.6
    assert len(run(card, session, pixels).items) == 1
    assert run(card, session, pixels, threshold=0.7).items == ()
    assert run(card, session, np.zeros((64, 64, 3), np.uint8)).summary() == "0 faces found"


def maps(h=16, w=16):
    heat = np.zeros((1, 1, h, w), np.float32)
    scale = np.full((1, 2, h, w), math.log(5.0), np.float32)  # 20 px boxes
    offset = np.zeros((1, 2, h, w), np.float32)
    marks = np.zeros((1, 10, h, w), np.float32)
    return heat, scale, offset, marks


def test_decode_applies_offset_and_scale_per_axis():
    heat, scale, offset, marks = maps()
    heat[0, 0, 10, 3] = 0.8
    scale[0, :, 10, 3] = (math.log(10.0), math.log(5.0))  # s_h = 40, s_w = 20
    offset[0, :, 10, 3] = (0.25, 0.5)  # (y, x)
    marks[0, :2, 10, 3] = (0.5, 0.25)  # landmark 0 at half the height, a quarter of the width
    (face,) = decode(heat, scale, offset, marks, stride=4, size=(64, 64), threshold=0.5, iou=0.3)
    x1, y1 = (3 + 0.5 + 0.5) * 4 - 10, (10 + 0.25 + 0.5) * 4 - 20
    assert face.box == pytest.approx((x1, y1, x1 + 20, y1 + 40))
    assert face.landmarks[0] == pytest.approx((x1 + 5, y1 + 20))


def test_decode_merges_neighbouring_cells_and_keeps_separate_faces_strongest_first():
    heat, scale, offset, marks = maps()
    heat[0, 0, 4, 4], heat[0, 0, 4, 5], heat[0, 0, 12, 12] = 0.7, 0.9, 0.6
    faces = decode(heat, scale, offset, marks, stride=4, size=(64, 64), threshold=0.5, iou=0.3)
    assert [f.score for f in faces] == pytest.approx([0.9, 0.6])
    assert faces[0].box[0] == pytest.approx((5 + 0.5) * 4 - 10)
    kept_both = decode(heat, scale, offset, marks, stride=4, size=(64, 64), threshold=0.5, iou=0.9)
    assert len(kept_both) == 3


def test_boxes_are_clipped_to_the_picture():
    heat, scale, offset, marks = maps(8, 8)
    heat[0, 0, 0, 0] = heat[0, 0, 7, 7] = 0.9
    faces = decode(heat, scale, offset, marks, stride=4, size=(32, 32), threshold=0.5, iou=0.3)
    assert np.asarray(sorted(f.box for f in faces)) == pytest.approx(np.array([[0, 0, 20, 20], [20, 20, 32, 32]]))


def test_bad_pictures_and_knobs_get_a_sentence(card, session):
    with pytest.raises(InputError, match="only 4×3 pixels"):
        run(card, session, np.zeros((3, 4, 3), np.uint8))
    with pytest.raises(InputError, match="'threshold' must be between"):
        run(card, session, np.zeros((64, 64, 3), np.uint8), threshold=1.5)


def test_the_card_facts_drive_the_sizing(card):
    smaller = dataclasses.replace(card, preprocess={**card.preprocess, "max_side": 320},
                                  files=(BuiltFile("main", "x.onnx", "0" * 64),))
    feeds, ctx = FaceTask().preprocess(ImageData(np.zeros((480, 640, 3), np.uint8)), smaller, card.defaults())
    assert feeds["input.1"].shape == (1, 3, 256, 320) and ctx.scale_x == 2.0
