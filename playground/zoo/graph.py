"""Graph: a small onnx.helper builder for the graphs the playground writes from weights read with numpy."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import onnx
from onnx import helper, numpy_helper

OPSET, IR = 17, 8


class Graph:
    """A small builder: named constants, nodes with generated output names, and the finished model."""

    def __init__(self, name: str) -> None:
        self.name, self._n = name, 0
        self.nodes: list[onnx.NodeProto] = []
        self.inits: list[onnx.TensorProto] = []
        self._consts: dict[tuple, str] = {}

    def weight(self, name: str, array: np.ndarray) -> str:
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def const(self, values, dtype=np.int64) -> str:  # noqa: ANN001 - a list or a scalar
        key = (np.dtype(dtype).str, repr(values))
        if key not in self._consts:
            self._consts[key] = self.weight(f"const_{len(self._consts)}", np.asarray(values, dtype=dtype))
        return self._consts[key]

    def op(self, op_type: str, inputs: list[str], name: str = "", **attrs: Any) -> str:
        """A node with one output; returns the output's name."""
        return self.ops(op_type, inputs, name, 1, **attrs)[0]

    def ops(self, op_type: str, inputs: list[str], name: str = "", outputs: int = 2, **attrs: Any) -> list[str]:
        """A node with several outputs (a Split); returns their names."""
        self._n += 1
        base = name or f"{op_type.lower()}_{self._n}"
        outs = [base] if outputs == 1 else [f"{base}_{i}" for i in range(outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, outs, name=f"{base}_node", **attrs))
        return outs

    def model(self, inputs: list, outputs: list) -> onnx.ModelProto:
        graph = helper.make_graph(self.nodes, self.name, inputs, outputs, self.inits)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], ir_version=IR,
                                  producer_name="inference-playground")
        onnx.checker.check_model(model)
        return model


def gelu(g: Graph, x: str) -> str:
    """Exact GELU, 0.5·x·(1 + erf(x/√2)): opset 17 has no Gelu operator."""
    e = g.op("Erf", [g.op("Mul", [x, g.const(1 / math.sqrt(2), np.float32)])])
    return g.op("Mul", [g.op("Mul", [x, g.op("Add", [e, g.const(1.0, np.float32)])]), g.const(0.5, np.float32)])
