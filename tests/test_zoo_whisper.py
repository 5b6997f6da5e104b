"""Whisper's graph edits that must not change a number: the signed 8-bit tables and the queries' folded scale."""

from __future__ import annotations

import math

import numpy as np
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

from playground.zoo.whisper import HEAD, SCORE_SCALE, signed_tables


def lookup_and_product() -> object:
    """A uint8 table (zero point 95) read by a Gather + DequantizeLinear and by a MatMulInteger, as the quantiser
    writes Whisper's shared embedding."""
    rng = np.random.default_rng(3)
    table = rng.integers(0, 256, (16, 40)).astype(np.uint8)
    inits = [numpy_helper.from_array(table, "table"), numpy_helper.from_array(np.array(95, np.uint8), "zero"),
             numpy_helper.from_array(np.array(0.02, np.float32), "scale")]
    nodes = [helper.make_node("Gather", ["table", "ids"], ["rows"], axis=1),
             helper.make_node("DequantizeLinear", ["rows", "scale", "zero"], ["looked_up"]),
             helper.make_node("DynamicQuantizeLinear", ["x"], ["xq", "xs", "xz"]),
             helper.make_node("MatMulInteger", ["xq", "table", "xz", "zero"], ["product"])]
    graph = helper.make_graph(nodes, "shared_table", [
        helper.make_tensor_value_info("ids", TensorProto.INT64, [1, 3]),
        helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 16])], [
        helper.make_tensor_value_info("looked_up", TensorProto.FLOAT, None),
        helper.make_tensor_value_info("product", TensorProto.INT32, None)], inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


def test_the_shared_table_becomes_signed_and_every_number_stays_the_same():
    feeds = {"ids": np.array([[0, 7, 39]], np.int64),
             "x": np.random.default_rng(4).standard_normal((1, 16)).astype(np.float32)}
    before = lookup_and_product()
    expected = ort.InferenceSession(before.SerializeToString(), providers=["CPUExecutionProvider"]).run(None, feeds)
    after = signed_tables(lookup_and_product())
    assert {i.name: i.data_type for i in after.graph.initializer if i.name != "scale"} == \
        {"table": TensorProto.INT8, "zero": TensorProto.INT8}
    got = ort.InferenceSession(after.SerializeToString(), providers=["CPUExecutionProvider"]).run(None, feeds)
    assert all(np.array_equal(a, b) for a, b in zip(expected, got))


def test_the_attention_scale_folded_into_the_queries_is_a_power_of_two():
    # Only a power of two scales every product and sum of the projection exactly.
    assert SCORE_SCALE == 1 / math.sqrt(HEAD) and math.frexp(SCORE_SCALE)[0] == 0.5
