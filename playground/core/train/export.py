"""ONNX export of a trained Sequential: channels-first operators (Conv, MaxPool, Gemm) built with onnx.helper.

The numpy layers work channels-last; ONNX's Conv works channels-first. Convolution and pooling do not
care (only the weight layout changes), but a Flatten does: numpy flattens (H, W, C) while ONNX
flattens (C, H, W), so the rows of the Linear after a Flatten are reordered to match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from playground.core.train.layers import Conv3x3, Flatten, GlobalAvgPool, Layer, Linear, MaxPool2, ReLU, Sequential

if TYPE_CHECKING:
    import onnx

OPSET = 17
IR_VERSION = 8


def _shapes(net: Sequential, input_shape: tuple[int, int, int]) -> list[tuple[int, ...]]:
    """The channels-last shape entering each layer, found by running one zero image through the net."""
    x = np.zeros((1, *input_shape), np.float32)
    shapes: list[tuple[int, ...]] = []
    for layer in net.layers:
        shapes.append(x.shape)
        x = layer.forward(x)
    return shapes


def to_onnx(net: Sequential, input_shape: tuple[int, int, int], *, input_name: str = "image",
            output_name: str = "logits", graph_name: str = "classifier") -> onnx.ModelProto:
    """The net as an ONNX model: input [N, C, H, W] float32 (input_shape is (H, W, C)) -> [N, classes]."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    nodes, weights = [], []
    current = input_name
    pending_flatten: tuple[int, ...] | None = None
    layers: list[Layer] = net.layers
    shapes = _shapes(net, input_shape)
    for i, (layer, shape) in enumerate(zip(layers, shapes)):
        out = output_name if i == len(layers) - 1 else f"t{i}"
        name = f"{type(layer).__name__.lower()}{i}"
        if isinstance(layer, Conv3x3):
            weights += [numpy_helper.from_array(layer.onnx_weight(), f"{name}.weight"),
                        numpy_helper.from_array(layer.b.value.astype(np.float32), f"{name}.bias")]
            nodes.append(helper.make_node("Conv", [current, f"{name}.weight", f"{name}.bias"], [out], name=name,
                                          kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[1, 1]))
        elif isinstance(layer, ReLU):
            nodes.append(helper.make_node("Relu", [current], [out], name=name))
        elif isinstance(layer, MaxPool2):
            nodes.append(helper.make_node("MaxPool", [current], [out], name=name, kernel_shape=[2, 2],
                                          strides=[2, 2]))
        elif isinstance(layer, GlobalAvgPool):
            nodes.append(helper.make_node("GlobalAveragePool", [current], [f"{name}.pooled"], name=name))
            nodes.append(helper.make_node("Flatten", [f"{name}.pooled"], [out], name=f"{name}.flatten", axis=1))
        elif isinstance(layer, Flatten):
            pending_flatten = shape[1:]
            nodes.append(helper.make_node("Flatten", [current], [out], name=name, axis=1))
        elif isinstance(layer, Linear):
            w = layer.w.value
            if pending_flatten is not None:
                h, wd, c = pending_flatten
                w = w.reshape(h, wd, c, -1).transpose(2, 0, 1, 3).reshape(h * wd * c, -1)
                pending_flatten = None
            weights += [numpy_helper.from_array(np.ascontiguousarray(w, np.float32), f"{name}.weight"),
                        numpy_helper.from_array(layer.b.value.astype(np.float32), f"{name}.bias")]
            nodes.append(helper.make_node("Gemm", [current, f"{name}.weight", f"{name}.bias"], [out], name=name))
        else:
            raise TypeError(f"no ONNX form for layer {type(layer).__name__}")
        current = out
    height, width, channels = input_shape
    classes = layers[-1].b.value.shape[0] if isinstance(layers[-1], Linear) else "K"
    graph = helper.make_graph(
        nodes, graph_name,
        [helper.make_tensor_value_info(input_name, TensorProto.FLOAT, ["N", channels, height, width])],
        [helper.make_tensor_value_info(output_name, TensorProto.FLOAT, ["N", classes])],
        weights)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], ir_version=IR_VERSION,
                              producer_name="playground.core.train")
    onnx.checker.check_model(model, full_check=True)
    return model
