"""EfficientNet-Lite0 as ONNX, emitted node by node from the legacy checkpoint's weights (MODELS.md §2.1.1).

The graph is built with onnx.helper only; BatchNorm is folded into each conv, ReLU6 is Clip(0, 6) and
TF's "SAME" padding (fixed for the 224-pixel input) becomes explicit pads. Every node and initializer
gets a readable, stable name, so the same onnx version always writes the same bytes.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from playground import paths
from playground.core.built import with_sentences
from playground.core.card import ModelCard
from playground.core.errors import FetchError
from playground.core.words import QT_TRANSLATE_NOOP, translate
from playground.zoo.torch_legacy import load_legacy_checkpoint

if TYPE_CHECKING:
    import onnx

OPSET = 17
IR_VERSION = 8
INPUT, OUTPUT = "input", "logits"
SIDE = 224
BN_EPS = 1e-3  # TF's default, kept by the port; torch's 1e-5 would shift every activation slightly
STEM, HEAD, CLASSES = 32, 1280, 1000  # Lite keeps stem and head fixed instead of scaling them


@dataclass(frozen=True)
class Block:
    kernel: int
    stride: int
    cin: int
    cout: int
    expand: int  # expansion ratio; 1 means no 1×1 expand conv

    @property
    def mid(self) -> int:
        return self.cin * self.expand

    @property
    def residual(self) -> bool:
        return self.stride == 1 and self.cin == self.cout


def _stages() -> tuple[Block, ...]:
    """EfficientNet-B0's block arguments (width and depth multipliers 1.0): 16 MBConv blocks."""
    stages = ((3, 1, 1, 16, 1), (3, 2, 6, 24, 2), (5, 2, 6, 40, 2), (3, 2, 6, 80, 3),
              (5, 1, 6, 112, 3), (5, 2, 6, 192, 4), (3, 1, 6, 320, 1))
    blocks, cin = [], STEM
    for kernel, stride, expand, cout, repeats in stages:
        for r in range(repeats):
            blocks.append(Block(kernel, stride if r == 0 else 1, cin, cout, expand))
            cin = cout
    return tuple(blocks)


BLOCKS = _stages()


def same_pads(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """TF "SAME" padding for one axis: (begin, end), the odd pixel going to the end."""
    total = max((math.ceil(size / stride) - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


class _Builder:
    """Accumulates nodes and initializers; names follow the checkpoint's structure (blocks.3.expand ...)."""

    def __init__(self, state: Mapping[str, np.ndarray]) -> None:
        self.state = state
        self.nodes: list = []
        self.inits: list = []

    def weight(self, key: str, shape: tuple[int, ...]) -> np.ndarray:
        if key not in self.state:
            raise FetchError(translate("Build", "The EfficientNet-Lite0 weights lack '{weight}'; the source file is "
                                                "not the expected checkpoint.").format(weight=key))
        value = np.asarray(self.state[key], dtype=np.float64)
        if value.shape != shape:
            raise FetchError(translate("Build", "The EfficientNet-Lite0 weight '{weight}' has shape {shape}, not "
                                                "{expected}; the source file is not the expected checkpoint.").format(
                weight=key, shape=list(value.shape), expected=list(shape)))
        return value

    def const(self, name: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(value, dtype=np.float32), name))
        return name

    def node(self, op: str, inputs: list[str], name: str, **attrs: Any) -> str:
        from onnx import helper

        self.nodes.append(helper.make_node(op, inputs, [name], name=name, **attrs))
        return name

    def conv_bn(self, x: str, name: str, conv: str, bn: str, shape: tuple[int, ...], *, stride: int = 1,
                groups: int = 1, size: int = 0, relu6: bool = True) -> str:
        """conv (no bias) + BatchNorm folded into weight and bias, then ReLU6 unless it is a projection."""
        w = self.weight(f"{conv}.weight", shape)
        out = shape[0]
        gamma, beta = self.weight(f"{bn}.weight", (out,)), self.weight(f"{bn}.bias", (out,))
        mean, var = self.weight(f"{bn}.running_mean", (out,)), self.weight(f"{bn}.running_var", (out,))
        factor = gamma / np.sqrt(var + BN_EPS)
        weight = self.const(f"{name}.weight", w * factor[:, None, None, None])
        bias = self.const(f"{name}.bias", beta - mean * factor)
        k = shape[2]
        top, bottom = same_pads(size, k, stride) if k > 1 else (0, 0)
        y = self.node("Conv", [x, weight, bias], f"{name}.conv", kernel_shape=[k, k], strides=[stride, stride],
                      pads=[top, top, bottom, bottom], group=groups)
        return self.node("Clip", [y, "relu6.min", "relu6.max"], f"{name}.relu6") if relu6 else y

    def block(self, i: int, b: Block, x: str, size: int) -> str:
        src, name = f"_blocks.{i}", f"blocks.{i}"
        y = x
        if b.expand != 1:
            y = self.conv_bn(y, f"{name}.expand", f"{src}._expand_conv", f"{src}._bn0", (b.mid, b.cin, 1, 1))
        y = self.conv_bn(y, f"{name}.depthwise", f"{src}._depthwise_conv", f"{src}._bn1",
                         (b.mid, 1, b.kernel, b.kernel), stride=b.stride, groups=b.mid, size=size)
        y = self.conv_bn(y, f"{name}.project", f"{src}._project_conv", f"{src}._bn2", (b.cout, b.mid, 1, 1),
                         relu6=False)
        return self.node("Add", [y, x], f"{name}.residual") if b.residual else y


def build_efficientnet_lite0(state: Mapping[str, np.ndarray]) -> onnx.ModelProto:
    """The inference graph: input [N,3,224,224] f32 (normalised pixels) -> logits [N,1000] f32."""
    import onnx
    from onnx import TensorProto, helper

    g = _Builder(state)
    g.const("relu6.min", np.array(0.0))
    g.const("relu6.max", np.array(6.0))
    x = g.conv_bn(INPUT, "stem", "_conv_stem", "_bn0", (STEM, 3, 3, 3), stride=2, size=SIDE)
    size = math.ceil(SIDE / 2)
    for i, b in enumerate(BLOCKS):
        x = g.block(i, b, x, size)
        size = math.ceil(size / b.stride)
    x = g.conv_bn(x, "head", "_conv_head", "_bn1", (HEAD, BLOCKS[-1].cout, 1, 1))
    x = g.node("GlobalAveragePool", [x], "head.pool")
    x = g.node("Flatten", [x], "head.flatten", axis=1)
    fc_w = g.const("fc.weight", g.weight("_fc.weight", (CLASSES, HEAD)))
    fc_b = g.const("fc.bias", g.weight("_fc.bias", (CLASSES,)))
    g.nodes.append(helper.make_node("Gemm", [x, fc_w, fc_b], [OUTPUT], name="fc", transB=1))
    graph = helper.make_graph(
        g.nodes, "efficientnet_lite0",
        [helper.make_tensor_value_info(INPUT, TensorProto.FLOAT, ["N", 3, SIDE, SIDE])],
        [helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["N", CLASSES])], g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], ir_version=IR_VERSION,
                              producer_name="inference-playground")
    onnx.checker.check_model(model)
    return model


def parameter_count(model: onnx.ModelProto) -> int:
    """Weights in the built graph (BatchNorm already folded in), not counting the two Clip bounds."""
    return sum(math.prod(t.dims) for t in model.graph.initializer if not t.name.startswith("relu6."))


def _save(model: onnx.ModelProto, target: Path) -> None:
    import onnx

    target.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(target))


def efficientnet_lite0_fp32(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> dict[str, object]:
    """Recipe: the float32 graph from the checkpoint (role "main") to card.file("main")."""
    model = build_efficientnet_lite0(load_legacy_checkpoint(members["main"]))
    target = out_dir / card.file("main").path
    _save(model, target)
    return {"parameters": parameter_count(model), "size_bytes": target.stat().st_size}


# The sample photos of MODELS.md §2.1.1 that ship in assets/samples: the int8 ranges and bias corrections
# are measured on them. motorcycle_left.png is a known-answer photo too but is not shipped.
CALIBRATION_IMAGES = ("astronaut.png", "chelsea.png", "coffee.png", "grace_hopper.jpg", "rocket.jpg")


@dataclass(frozen=True)
class Int8Scheme:
    """How the int8 twin is made: the weights' bits and the layers left in float32, and why."""

    weights: str
    seven_bit: bool
    keep_float: tuple[str, ...]
    why: str  # the weights and why, as the card says it


# Both chosen by measurement (MinMax ranges on the centre crops, bias correction) to keep the first
# answer of every known photo (the five samples and motorcycle_left.png), on processors with VNNI and
# on AVX2 ones (QEMU's Haswell: tests/test_zoo_efficientnet.py, benchmarks/int8_schemes.py --avx2).
# 8 bits: the stem is the layer that moved astronaut's near-tie ("bobsled" 0.131 vs "football helmet"
# 0.124 in float32) most, and is 3 % of the multiply-adds. Percentile ranges, mirror images in the
# calibration, block 0 in float or no bias correction each flipped astronaut again.
EIGHT_BIT = Int8Scheme("8 bits", False, ("stem.conv",),
                       QT_TRANSLATE_NOOP("Build", "8 bits: this processor adds 8-bit products without overflow "
                                                  "(VNNI), so all 8 bits are used"))
# 7 bits: with 8-bit weights an AVX2 processor's saturating sums turned chelsea's "tiger cat" (0.38 vs
# "Egyptian cat" 0.37 in float32) into "Egyptian cat". 7-bit weights cannot overflow, so the sums are
# exact on every processor, but they cost the same near-tie; of the 48 other layers, these two in float
# were the pair (greedy search) that gave back every known answer with a margin.
SEVEN_BIT = Int8Scheme("7 bits", True, ("stem.conv", "blocks.2.depthwise.conv", "blocks.6.expand.conv"),
                       QT_TRANSLATE_NOOP("Build", "7 bits: this processor's 8-bit products overflow with 8-bit "
                                                  "weights (no VNNI), so 7 bits keep every sum exact"))


def int8_schemes(overflow: bool) -> tuple[Int8Scheme, ...]:
    """The schemes to try on this processor, best first. Where products overflow, 8-bit weights are
    never tried: they might keep the five sample photos and still clip on a person's own photo."""
    return (SEVEN_BIT,) if overflow else (EIGHT_BIT, SEVEN_BIT)


def efficientnet_lite0_int8(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> dict[str, object]:
    """Recipe: the float32 graph quantised to int8 (static QDQ) with the sample photos as calibration,
    in the first scheme that keeps every photo's first answer on this processor."""
    from playground.zoo.quantize import agreement, interleaved_p50_ms, products_overflow, quantize_qdq

    pictures = [_read_rgb(p) for p in _sample_photos()]  # first: a missing photo needs no conversion to tell
    feeds = calibration_feeds(pictures, card)
    model = build_efficientnet_lite0(load_legacy_checkpoint(members["main"]))
    target = out_dir / card.file("main").path
    overflow = products_overflow()
    with tempfile.TemporaryDirectory(prefix="efficientnet-fp32-") as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        _save(model, fp32)
        target.parent.mkdir(parents=True, exist_ok=True)
        best: tuple[float, Int8Scheme, dict[str, float], bytes] | None = None
        for scheme in int8_schemes(overflow):
            quantize_qdq(fp32, target, feeds, keep_float=scheme.keep_float, seven_bit=scheme.seven_bit)
            check = agreement(fp32, target, feeds)
            if best is None or check["top1_agreement"] > best[0]:
                best = (check["top1_agreement"], scheme, check, target.read_bytes())
            if check["top1_agreement"] == 1.0:
                break
        assert best is not None, "int8_schemes always gives at least one scheme"
        _, scheme, check, chosen = best
        target.write_bytes(chosen)
        fp32_size = fp32.stat().st_size
        # Measured here because it depends on this processor (int8 is fast only with the right instructions).
        fp32_ms, int8_ms = interleaved_p50_ms([fp32, target], feeds[0])
    size = target.stat().st_size
    agree = round(check["top1_agreement"] * len(feeds))
    headline = QT_TRANSLATE_NOOP("Build", "Same first answer as float32 on {agree} of {photos} sample photos; "
                                          "{smaller:.1f}× smaller, {faster:.1f}× as fast here.")
    figures = {"agree": agree, "photos": len(feeds), "smaller": fp32_size / size, "faster": fp32_ms / int8_ms}
    return with_sentences({
        "parameters": parameter_count(model), "calibration_images": len(pictures),
        "top1_agreement": check["top1_agreement"], "mean_abs_prob_diff": round(check["mean_abs_prob_diff"], 4),
        "layers_in_float32": ", ".join(scheme.keep_float), "fp32_size_bytes": fp32_size, "size_bytes": size,
        "fp32_p50_ms": round(fp32_ms, 2), "int8_p50_ms": round(int8_ms, 2),
    }, headline=(headline, figures), weights=(scheme.why, {}))


def _sample_photos() -> list[Path]:
    folder = paths.samples_dir()
    photos = [folder / name for name in CALIBRATION_IMAGES]
    missing = [p.name for p in photos if not p.is_file()]
    if missing:
        raise FetchError(translate("Build", "The sample photos {photos} are missing from {folder}; the int8 model is "
                                            "tuned on them, so restore the samples folder and fetch again.").format(
            photos=", ".join(missing), folder=folder))
    return photos


def _read_rgb(path: Path) -> np.ndarray:
    from PIL import Image

    with Image.open(path, formats=("PNG", "JPEG")) as image:  # the shipped samples; never Pillow's other formats
        return np.asarray(image.convert("RGB"))


def calibration_feeds(pictures: list[np.ndarray], card: ModelCard) -> list[dict[str, np.ndarray]]:
    """One feed per picture, prepared exactly as the classify task does (the centre crop the model sees).

    The zoo may not import tasks, so the card's [preprocess] recipe (resize_shorter, crop, resample,
    pixel_mean, pixel_std) is repeated here; tests check both give the same tensor.
    """
    from PIL import Image

    pre = card.preprocess
    shorter, crop = int(pre["resize_shorter"]), int(pre["crop"])
    mean = np.asarray(pre["pixel_mean"], np.float32)
    std = np.asarray(pre["pixel_std"], np.float32)
    resample = getattr(Image.Resampling, str(pre.get("resample", "bilinear")).upper())
    feeds = []
    for pixels in pictures:
        h, w = pixels.shape[:2]
        scale = shorter / min(w, h)
        rw, rh = max(1, round(w * scale)), max(1, round(h * scale))
        left, top = (rw - crop) // 2, (rh - crop) // 2
        box = (left * w / rw, top * h / rh, (left + crop) * w / rw, (top + crop) * h / rh)
        square = np.asarray(Image.fromarray(np.ascontiguousarray(pixels)).resize((crop, crop), resample, box=box))
        tensor = ((square.astype(np.float32) - mean) / std).transpose(2, 0, 1)[None]
        feeds.append({INPUT: np.ascontiguousarray(tensor, dtype=np.float32)})
    return feeds
