"""Build recipes on tiny graphs made here, and the parameter count read from a graph."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper

from playground.core.card import BuiltFile
from playground.core.errors import FetchError
from playground.zoo.graphinfo import parameter_count
from playground.zoo.recipes import RECIPES, centerface_dynamic_dims, make_dims_dynamic

OUTPUT_CHANNELS = {"537": 1, "538": 2, "539": 2, "540": 10}


def fixed_centerface_like() -> onnx.ModelProto:
    """CenterFace's shape of problem: an IR-4 export with dummy dims [10,3,32,32] and weights as inputs."""
    rng = np.random.default_rng(0)
    nodes, inits, outputs = [], [], []
    for name, channels in OUTPUT_CHANNELS.items():
        weight = numpy_helper.from_array(rng.standard_normal((channels, 3, 4, 4)).astype(np.float32), f"w{name}")
        inits.append(weight)
        nodes.append(helper.make_node("Conv", ["input.1", weight.name], [name], strides=[4, 4], name=f"conv{name}"))
        outputs.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, [10, channels, 8, 8]))
    inputs = [helper.make_tensor_value_info("input.1", TensorProto.FLOAT, [10, 3, 32, 32])]
    inputs += [helper.make_tensor_value_info(i.name, TensorProto.FLOAT, list(i.dims)) for i in inits]
    graph = helper.make_graph(nodes, "centerface_like", inputs, outputs, inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 9)], ir_version=4)


class _Card:
    """The one thing a recipe asks of a card: where its built file goes."""

    def file(self, role: str) -> BuiltFile:
        return BuiltFile(role, "centerface.onnx", "0" * 64)


def _dims(value_info: onnx.ValueInfoProto) -> list[int | str]:
    return [d.dim_param or d.dim_value for d in value_info.type.tensor_type.shape.dim]


def test_centerface_recipe_makes_fixed_dims_dynamic(tmp_path: Path) -> None:
    source = tmp_path / "centerface_fixed.onnx"
    onnx.save(fixed_centerface_like(), str(source))
    with pytest.raises(Exception, match="(?i)expected: 10|invalid"):  # the reason the recipe exists
        ort.InferenceSession(str(source)).run(None, {"input.1": np.zeros((1, 3, 64, 96), np.float32)})

    centerface_dynamic_dims({"main": source}, tmp_path, _Card())  # type: ignore[arg-type]
    built = onnx.load(str(tmp_path / "centerface.onnx"))
    assert [i.name for i in built.graph.input] == ["input.1"]
    assert _dims(built.graph.input[0]) == ["B", 3, "H", "W"]
    assert {o.name: _dims(o) for o in built.graph.output} == {n: ["B", c, "h", "w"] for n, c in OUTPUT_CHANNELS.items()}
    session = ort.InferenceSession(str(tmp_path / "centerface.onnx"), providers=["CPUExecutionProvider"])
    results = session.run(None, {"input.1": np.ones((2, 3, 64, 96), np.float32)})
    assert [r.shape for r in results] == [(2, c, 16, 24) for c in OUTPUT_CHANNELS.values()]


def test_recipe_keeps_inputs_and_outputs_it_was_not_asked_to_change(tmp_path: Path) -> None:
    model = fixed_centerface_like()
    edited = make_dims_dynamic(model, {"input.1": ["B", 3, "H", "W"]}, {"537": ["B", 1, "h", "w"]})
    assert _dims(next(o for o in edited.graph.output if o.name == "538")) == [10, 2, 8, 8]


def test_recipe_refuses_names_the_graph_does_not_have() -> None:
    with pytest.raises(FetchError, match=r"no input named image \(it has input\.1\)"):
        make_dims_dynamic(fixed_centerface_like(), {"image": ["B", 3, "H", "W"]}, {})


def test_recipes_are_listed_explicitly() -> None:
    assert RECIPES["centerface_dynamic_dims"] is centerface_dynamic_dims


def f32(name: str, shape: tuple[int, ...]) -> onnx.TensorProto:
    return numpy_helper.from_array(np.ones(shape, np.float32), name)


def _graph_with_every_kind_of_weight() -> onnx.ModelProto:
    then_branch = helper.make_graph(
        [helper.make_node("Constant", [], ["t"], value=f32("tv", (2, 2)))], "then", [],
        [helper.make_tensor_value_info("t", TensorProto.FLOAT, [2, 2])])
    else_branch = helper.make_graph(
        [helper.make_node("Identity", ["e0"], ["e"])], "else", [],
        [helper.make_tensor_value_info("e", TensorProto.FLOAT, [6])], [f32("e0", (6,))])
    nodes = [
        helper.make_node("Constant", [], ["c"], value=f32("cv", (5,))),
        helper.make_node("Constant", [], ["cf"], value_floats=[1.0, 2.0, 3.0]),
        helper.make_node("Constant", [], ["ci"], value_ints=[1, 2, 3, 4]),  # axes: not learned
        helper.make_node("If", ["cond"], ["branch"], then_branch=then_branch, else_branch=else_branch),
    ]
    inits = [f32("w", (3, 4)),
             numpy_helper.from_array(np.array([1, -1], np.int64), "shape"),  # a Reshape target: not learned
             numpy_helper.from_array(np.zeros(8, np.int8), "q")]  # quantised weights count
    graph = helper.make_graph(nodes, "weights", [helper.make_tensor_value_info("cond", TensorProto.BOOL, [])],
                              [helper.make_tensor_value_info("branch", TensorProto.FLOAT, None)], inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def test_parameter_count_includes_constants_and_subgraphs_but_not_shapes(tmp_path: Path) -> None:
    model = _graph_with_every_kind_of_weight()
    expected = 12 + 8 + 5 + 3 + 4 + 6  # w, q, Constant, value_floats, If-then Constant, If-else initializer
    assert parameter_count(model) == expected
    onnx.save(model, str(tmp_path / "weights.onnx"))
    assert parameter_count(tmp_path / "weights.onnx") == expected
