"""Figures read from an ONNX graph without running it: the parameter count.

A parameter is one element of a learned tensor: a floating-point or 8/4-bit (quantised) tensor held as an
initializer or by a Constant node, in the main graph or in any subgraph (If/Loop/Scan bodies; Silero VAD
keeps all its weights there). Integer tensors of 16 bits or more, booleans and strings are shapes, axes
and indices that exporters fold into constants, so they are not counted. Neither are the scales and
zero points of a quantised graph: they say how to read the 8-bit weights, they are not weights themselves
(its 32-bit biases are, being dequantised).

onnxruntime's block-quantised operators pack their weights: MatMulNBits holds N×K weights in its B
input (two to a byte at 4 bits), GatherBlockQuantized a table of weights, and their scales and zero
points are left out as above. So are GroupQueryAttention's rotary cos/sin tables (fixed by position,
not learned) and a 4-bit matrix's per-block offsets, which a graph names with BLOCK_OFFSETS at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from math import prod
from pathlib import Path

import onnx
from onnx import AttributeProto, GraphProto, ModelProto, TensorProto

_WEIGHT_TYPES = frozenset({
    TensorProto.FLOAT, TensorProto.FLOAT16, TensorProto.BFLOAT16, TensorProto.DOUBLE,
    TensorProto.INT8, TensorProto.UINT8, TensorProto.INT4, TensorProto.UINT4,
    *(getattr(TensorProto, name) for name in ("FLOAT8E4M3FN", "FLOAT8E4M3FNUZ", "FLOAT8E5M2", "FLOAT8E5M2FNUZ")
      if hasattr(TensorProto, name)),
})


def _tensor_weights(tensor: TensorProto) -> int:
    return prod(tensor.dims) if tensor.data_type in _WEIGHT_TYPES else 0


def _constant_weights(node: onnx.NodeProto) -> int:
    total = 0
    for attr in node.attribute:
        if attr.name == "value":
            total += _tensor_weights(attr.t)
        elif attr.name == "sparse_value":
            total += _tensor_weights(attr.sparse_tensor.values)
        elif attr.name == "value_float":
            total += 1
        elif attr.name == "value_floats":
            total += len(attr.floats)
    return total


def _subgraphs(node: onnx.NodeProto) -> Iterator[GraphProto]:
    for attr in node.attribute:
        if attr.type == AttributeProto.GRAPH:
            yield attr.g
        elif attr.type == AttributeProto.GRAPHS:
            yield from attr.graphs


_QDQ = frozenset({"QuantizeLinear", "DequantizeLinear"})
BLOCK_OFFSETS = ".block_offsets"


def _packed_weights(graph: GraphProto) -> tuple[dict[str, int], set[str]]:
    """Weights held by block-quantised contrib operators (name -> count), and the names that are not weights."""
    packed: dict[str, int] = {}
    skip: set[str] = set()
    for node in graph.node:
        if node.domain != "com.microsoft":
            continue
        if node.op_type == "MatMulNBits":
            attrs = {a.name: a.i for a in node.attribute}
            packed[node.input[1]] = attrs["K"] * attrs["N"]
            skip.update(node.input[2:])
        elif node.op_type == "GatherBlockQuantized":
            skip.update(node.input[2:])
            packed.setdefault(node.input[0], -1)  # counted from its dims below (8 bits: one weight a byte)
        elif node.op_type == "GroupQueryAttention":
            skip.update(node.input[7:9])
    return packed, skip


def _graph_weights(graph: GraphProto) -> int:
    quant_params = {name for node in graph.node if node.op_type in _QDQ for name in node.input[1:]}
    # A quantised bias is int32, which would otherwise pass for a shape: what is dequantised is a weight.
    dequantised = {node.input[0] for node in graph.node if node.op_type == "DequantizeLinear"}
    packed, skip = _packed_weights(graph)
    quant_params |= skip - set(packed)
    total = sum(packed[t.name] if packed.get(t.name, -1) >= 0 else
                prod(t.dims) if t.name in dequantised or t.name in packed else _tensor_weights(t)
                for t in graph.initializer if t.name not in quant_params and not t.name.endswith(BLOCK_OFFSETS))
    total += sum(_tensor_weights(s.values) for s in graph.sparse_initializer)
    for node in graph.node:
        if node.op_type == "Constant" and node.domain in ("", "ai.onnx"):
            total += _constant_weights(node)
        total += sum(_graph_weights(g) for g in _subgraphs(node))
    return total


def parameter_count(model: ModelProto | str | Path) -> int:
    """Learned weights in the model, subgraphs and local functions included (see the module docstring)."""
    if not isinstance(model, ModelProto):
        # Only dims are needed, so weights kept in external data files are never read.
        model = onnx.load(str(model), load_external_data=False)
    total = _graph_weights(model.graph)
    for function in model.functions:
        for node in function.node:
            if node.op_type == "Constant" and node.domain in ("", "ai.onnx"):
                total += _constant_weights(node)
    return total
