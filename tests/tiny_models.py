"""Tiny ONNX graphs and cards built in the test itself, so core tests need no downloaded model."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def save(model: onnx.ModelProto, path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, path)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def scale_model(factor: float = 2.0) -> onnx.ModelProto:
    """y = x * factor for x of shape [N, 4]."""
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 4])
    k = numpy_helper.from_array(np.array(factor, np.float32), "k")
    graph = helper.make_graph([helper.make_node("Mul", ["x", "k"], ["y"], name="scale")], "scale", [x], [y], [k])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


def slow_model(size: int = 1000, depth: int = 40) -> onnx.ModelProto:
    """A chain of large MatMul+Tanh: one session.run takes about a second, long enough to cancel midway."""
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [size, size])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [size, size])
    nodes, prev = [], "x"
    for i in range(depth):
        nodes.append(helper.make_node("MatMul", [prev, "x"], [f"m{i}"], name=f"matmul{i}"))
        nodes.append(helper.make_node("Tanh", [f"m{i}"], [f"t{i}"], name=f"tanh{i}"))
        prev = f"t{i}"
    nodes.append(helper.make_node("Identity", [prev], ["y"], name="out"))
    graph = helper.make_graph(nodes, "slow", [x], [y])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


def write_card(models_dir: Path, model_id: str, model: onnx.ModelProto, task: str = "fake",
               modality: str = "text", inputs: str = "", outputs: str = "") -> Path:
    """A models/<id>/ folder with main.onnx and a valid card describing it."""
    folder = models_dir / model_id
    digest = save(model, folder / "main.onnx")
    io = inputs or "\n".join(
        f'[[inputs]]\nname = "{v.name}"\ndtype = "float32"\nshape = {_shape(v)}\n' for v in model.graph.input)
    io += outputs or "\n".join(
        f'[[outputs]]\nname = "{v.name}"\ndtype = "float32"\nshape = {_shape(v)}\n' for v in model.graph.output)
    (folder / "model.toml").write_text(f'''id = "{model_id}"
name = "Tiny {model_id}"
task = "{task}"
modality = "{modality}"
summary = "A tiny test model."
description = "Built by the test."
license = "MIT"
attribution = "tests"
parameters = 1

[source]
pypi = "tiny==1.0"
file = "tiny-1.0-py3-none-any.whl"
sha256 = "{'0' * 64}"
size = 1
route = "as-is"

[[source.members]]
path = "tiny/main.onnx"
sha256 = "{digest}"

[files.main]
path = "main.onnx"
sha256 = "{digest}"

{io}
[params.gain]
default = 1.0
min = 0.0
max = 10.0
label = "Gain"
''', encoding="utf-8")
    return folder / "model.toml"


def _shape(value_info: onnx.ValueInfoProto) -> str:
    dims = [d.dim_param or d.dim_value for d in value_info.type.tensor_type.shape.dim]
    return "[" + ", ".join(f'"{d}"' if isinstance(d, str) else str(d) for d in dims) + "]"


@dataclass
class ScaleTask:
    """Feeds the text's length into y = 2x and returns the sum times the 'gain' parameter."""

    input_kind = "text"
    result_type = float

    def preprocess(self, data, card, params):
        return {"x": np.full((1, 4), len(data.text), np.float32)}, params["gain"]

    def infer(self, runner, feeds, ctx):
        return runner.run(feeds)

    def postprocess(self, outputs, ctx, card, params):
        return float(outputs["y"].sum()) * ctx
