"""ncnn → ONNX: read an ncnn .param/.bin pair with numpy and emit the same network with onnx.helper.

Only the layer types of small feed-forward image nets are understood (Input, Split, Convolution,
PReLU, PixelShuffle, Interp, BinaryOp): enough for Real-ESRGAN `realesr-animevideov3` (MODELS.md
§2.1.6). Anything else is refused with a sentence rather than converted into a wrong graph.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from playground.core.card import ModelCard
from playground.core.errors import FetchError
from playground.core.words import translate

if TYPE_CHECKING:
    import onnx

MAGIC = 7767517
FP16_TAG = 0x01306B47  # ncnn ModelBin: the weights that follow are float16
FP32_TAG = 0
OPSET, IR_VERSION = 17, 8
KNOWN_LAYERS = ("Input", "Split", "Convolution", "PReLU", "PixelShuffle", "Interp", "BinaryOp")
_BINARY_OPS = {0: "Add", 1: "Sub", 2: "Mul"}  # ncnn BinaryOp op_type -> ONNX op


@dataclass(frozen=True)
class Layer:
    """One line of a .param file: `type name n_in n_out inputs... outputs... k=v ...`."""

    type: str
    name: str
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]
    params: dict[int, str]

    def int(self, key: int, default: int) -> int:
        return int(self.params.get(key, default))

    def float(self, key: builtins.int, default: float) -> float:  # `int` here is the method above
        return float(self.params.get(key, default))


def parse_param(text: str) -> list[Layer]:
    """The layers of a .param file, checked against its own header (magic and layer count)."""
    lines = [line.split() for line in text.splitlines() if line.strip()]
    if len(lines) < 2 or lines[0] != [str(MAGIC)] or len(lines[1]) != 2:
        raise FetchError(translate("Build", "The network description is not an ncnn .param text file (its header is "
                                            "wrong)."))
    layer_count = int(lines[1][0])
    layers = []
    for fields in lines[2:]:
        kind, name = fields[0], fields[1]
        n_in, n_out = int(fields[2]), int(fields[3])
        blobs = fields[4:4 + n_in + n_out]
        params: dict[int, str] = {}
        for pair in fields[4 + n_in + n_out:]:
            key, _, value = pair.partition("=")
            params[int(key)] = value
        if kind not in KNOWN_LAYERS:
            raise FetchError(translate("Build", "The network uses a layer of type {kind} ({layer}), which this "
                                                "converter does not know; only {known} can be converted.").format(
                kind=kind, layer=name, known=", ".join(KNOWN_LAYERS)))
        if any(key < 0 for key in params):  # array parameters only occur in layer kinds we refuse above
            raise FetchError(translate("Build", "Layer {layer} has list parameters, which this converter does not "
                                                "read.").format(layer=name))
        layers.append(Layer(kind, name, tuple(blobs[:n_in]), tuple(blobs[n_in:]), params))
    if len(layers) != layer_count:
        raise FetchError(translate("Build", "The network description promises {promised} layers but lists {listed}.")
                         .format(promised=layer_count, listed=len(layers)))
    return layers


class _WeightReader:
    """Walks the .bin blob in layer order; every read names the layer if the file runs short."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, size: int, layer: str) -> bytes:
        if self.at + size > len(self.data):
            raise FetchError(translate("Build", "The weight file ends inside layer {layer} ({size} bytes is too short "
                                                "for this network); the .param and .bin do not belong together.")
                             .format(layer=layer, size=f"{len(self.data):,}"))
        chunk = self.data[self.at:self.at + size]
        self.at += size
        return chunk

    def raw_fp32(self, count: int, layer: str) -> np.ndarray:
        return np.frombuffer(self.take(4 * count, layer), "<f4").astype(np.float32)

    def tagged(self, count: int, layer: str) -> np.ndarray:
        """A tagged weight blob: a uint32 tag saying fp16 or fp32, then the values (fp16 padded to 4 bytes)."""
        tag = int.from_bytes(self.take(4, layer), "little")
        if tag == FP16_TAG:
            values = np.frombuffer(self.take(2 * count, layer), "<f2").astype(np.float32)
            self.take((-2 * count) % 4, layer)
            return values
        if tag == FP32_TAG:
            return self.raw_fp32(count, layer)
        raise FetchError(translate("Build", "Layer {layer} stores its weights in a format (tag {tag}) this converter "
                                            "does not read; only float16 and float32 weights can be converted.")
                         .format(layer=layer, tag=f"{tag:#010x}"))


def read_weights(layers: list[Layer], data: bytes) -> dict[str, list[np.ndarray]]:
    """Layer name -> its weight arrays, consuming every byte of the .bin (a leftover means a mismatch)."""
    reader, weights = _WeightReader(data), {}
    for layer in layers:
        if layer.type == "Convolution":
            out = layer.int(0, 0)
            kw = layer.int(1, 0)
            kh = layer.int(11, kw)
            size = layer.int(6, 0)
            if out <= 0 or size % (out * kh * kw):
                raise FetchError(translate("Build", "Layer {layer} declares {size} weights, which do not fit {outputs} "
                                                    "outputs of {kernel}.").format(layer=layer.name, size=size,
                                                                                   outputs=out, kernel=f"{kh}×{kw}"))
            w = reader.tagged(size, layer.name).reshape(out, size // (out * kh * kw), kh, kw)
            arrays = [w] + ([reader.raw_fp32(out, layer.name)] if layer.int(5, 0) else [])
            weights[layer.name] = arrays
        elif layer.type == "PReLU":
            weights[layer.name] = [reader.raw_fp32(layer.int(0, 1), layer.name)]
    if reader.at != len(data):
        raise FetchError(translate("Build", "The weight file has {count} bytes left over after the last layer; the "
                                            ".param and .bin do not belong together.").format(
            count=f"{len(data) - reader.at:,}"))
    return weights


def _conv_attrs(layer: Layer) -> dict[str, Any]:
    """ONNX Conv attributes from ncnn's keys (h/w variants default to the w value, as in ncnn)."""
    kw, dw, sw, pl = layer.int(1, 0), layer.int(2, 1), layer.int(3, 1), layer.int(4, 0)
    kh, dh, sh, pt = layer.int(11, kw), layer.int(12, dw), layer.int(13, sw), layer.int(14, pl)
    pr, pb = layer.int(15, pl), layer.int(16, pt)
    if min(pl, pt, pr, pb) < 0 or layer.int(8, 0) or layer.int(9, 0) or layer.float(18, 0.0):
        raise FetchError(translate("Build", "Layer {layer} uses automatic padding, a fused activation or int8 weights, "
                                            "which this converter does not support.").format(layer=layer.name))
    return {"kernel_shape": [kh, kw], "dilations": [dh, dw], "strides": [sh, sw], "pads": [pt, pl, pb, pr]}


def build_model(layers: list[Layer], weights: Mapping[str, list[np.ndarray]],
                input_name: str = "input", output_name: str = "output") -> onnx.ModelProto:
    """The ONNX graph of the layers: the Input blob becomes `input` [1,3,H,W], the last blob `output`."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    inputs = [layer for layer in layers if layer.type == "Input"]
    if len(inputs) != 1:
        raise FetchError(translate("Build", "The network must have exactly one input layer to be converted."))
    alias = {inputs[0].outputs[0]: input_name, layers[-1].outputs[0]: output_name}
    nodes, inits = [], []

    def blob(name: str) -> str:
        return alias.get(name, name)

    def const(name: str, array: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    for layer in layers:
        ins, outs = [blob(b) for b in layer.inputs], [blob(b) for b in layer.outputs]
        if layer.type == "Input":
            continue
        if layer.type == "Split":  # ncnn copies a blob for each consumer; ONNX lets a tensor feed many
            alias.update({b: ins[0] for b in layer.outputs})
        elif layer.type == "Convolution":
            w = weights[layer.name]
            args = ins + [const(f"{layer.name}.weight", w[0])] + ([const(f"{layer.name}.bias", w[1])] if len(w) > 1 else [])
            nodes.append(helper.make_node("Conv", args, outs, name=layer.name, **_conv_attrs(layer)))
        elif layer.type == "PReLU":
            slope = weights[layer.name][0]
            # ONNX broadcasts the slope from the right, so per-channel slopes need shape [C, 1, 1].
            shaped = slope.reshape(-1, 1, 1) if slope.size > 1 else slope
            nodes.append(helper.make_node("PRelu", ins + [const(f"{layer.name}.slope", shaped)], outs, name=layer.name))
        elif layer.type == "PixelShuffle":
            mode = {0: "CRD", 1: "DCR"}[layer.int(1, 0)]  # ncnn mode 0 is PyTorch's pixel_shuffle order
            nodes.append(helper.make_node("DepthToSpace", ins, outs, name=layer.name,
                                          blocksize=layer.int(0, 1), mode=mode))
        elif layer.type == "Interp":
            if layer.int(0, 0) != 1 or layer.int(3, 0) or layer.int(4, 0):
                raise FetchError(translate("Build", "Layer {layer} resizes in a way other than nearest-neighbour by a "
                                                    "fixed factor, which this converter does not support.").format(
                    layer=layer.name))
            scales = np.array([1, 1, layer.float(1, 1.0), layer.float(2, 1.0)], np.float32)
            # With whole-number scales, half_pixel + round_prefer_floor picks source pixel floor(x / s),
            # exactly what ncnn's nearest Interp does.
            nodes.append(helper.make_node("Resize", ins + ["", const(f"{layer.name}.scales", scales)], outs,
                                          name=layer.name, mode="nearest"))
        elif layer.type == "BinaryOp":
            op = _BINARY_OPS.get(layer.int(0, 0))
            if op is None or layer.int(1, 0) or len(ins) != 2:
                raise FetchError(translate("Build", "Layer {layer} is an element-wise operation this converter does "
                                                    "not support.").format(layer=layer.name))
            nodes.append(helper.make_node(op, ins, outs, name=layer.name))
    graph = helper.make_graph(
        nodes, "ncnn", [helper.make_tensor_value_info(input_name, TensorProto.FLOAT, [1, 3, "H", "W"])],
        [helper.make_tensor_value_info(output_name, TensorProto.FLOAT, [1, 3, None, None])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], ir_version=IR_VERSION,
                              producer_name="inference-playground")
    onnx.checker.check_model(model, full_check=True)
    return model


def convert(param_path: Path, bin_path: Path) -> tuple[onnx.ModelProto, int]:
    """The converted model and its learned parameter count (weights, biases, slopes)."""
    try:
        text = param_path.read_text(encoding="ascii")
    except UnicodeDecodeError:
        raise FetchError(translate("Build", "The network description is not an ncnn .param text file (it is not plain "
                                            "text).")) from None
    try:
        layers = parse_param(text)
    except (ValueError, IndexError):
        raise FetchError(translate("Build", "The network description has a line that is not 'type name inputs outputs "
                                            "k=v'.")) from None
    weights = read_weights(layers, bin_path.read_bytes())
    count = sum(a.size for arrays in weights.values() for a in arrays)
    return build_model(layers, weights), count


def realesrgan_from_ncnn(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> dict[str, object]:
    """MODELS.md §2.1.6: Real-ESRGAN realesr-animevideov3 ×4 from its ncnn files (roles `param`, `bin`)."""
    import onnx

    model, count = convert(members["param"], members["bin"])
    target = out_dir / card.file("main").path
    target.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(target))
    return {"parameters": count}
