"""U²-Net-p's upsamplings restated as half_pixel: the same picture, kept in onnxruntime's fast layout."""

from __future__ import annotations

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper

from playground.core.errors import FetchError
from playground.zoo.recipes import half_pixel_resizes


def upsampler(size: int, out: int, fixed: bool = True) -> onnx.ModelProto:
    """A convolution, then a linear pytorch_half_pixel Resize to out × out, as PyTorch exports interpolate."""
    rng = np.random.default_rng(5)
    dims: list[int | str] = [1, 3, size, size] if fixed else [1, 3, "H", "W"]
    nodes = [helper.make_node("Conv", ["x", "w"], ["c"], pads=[1, 1, 1, 1], name="conv"),
             helper.make_node("Resize", ["c", "", "", "sizes"], ["y"], mode="linear", name="up",
                              coordinate_transformation_mode="pytorch_half_pixel")]
    inits = [numpy_helper.from_array(rng.standard_normal((16, 3, 3, 3)).astype(np.float32), "w"),
             numpy_helper.from_array(np.array([1, 16, out, out], np.int64), "sizes")]
    graph = helper.make_graph(nodes, "up", [helper.make_tensor_value_info("x", TensorProto.FLOAT, dims)],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["n", "c", "h", "w"])], inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], ir_version=8)


def run(model: onnx.ModelProto, x: np.ndarray) -> np.ndarray:
    return ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]


def test_the_mode_becomes_half_pixel_and_the_picture_stays_the_same():
    x = np.random.default_rng(6).standard_normal((1, 3, 20, 20)).astype(np.float32)
    before = run(upsampler(20, 40), x)
    edited = half_pixel_resizes(upsampler(20, 40))
    modes = [a.s for n in edited.graph.node for a in n.attribute if a.name == "coordinate_transformation_mode"]
    assert modes == [b"half_pixel"]
    assert np.allclose(run(edited, x), before, atol=1e-5)


def test_a_resize_to_a_single_pixel_where_the_modes_differ_is_refused():
    with pytest.raises(FetchError, match="single pixel"):
        half_pixel_resizes(upsampler(20, 1))


def test_an_input_without_a_fixed_size_is_refused_rather_than_guessed():
    with pytest.raises(FetchError, match="no fixed size"):
        half_pixel_resizes(upsampler(20, 40, fixed=False))


def test_the_installed_u2netp_keeps_no_plain_layout_resize(require_model):
    card = require_model("u2netp")
    model = onnx.load(str(card.path("main")))
    modes = {a.s for n in model.graph.node if n.op_type == "Resize" for a in n.attribute
             if a.name == "coordinate_transformation_mode"}
    assert modes == {b"half_pixel"}
