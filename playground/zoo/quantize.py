"""Static int8 quantisation (QDQ, per-channel weights) of a float32 ONNX file, and how far the result drifts."""

from __future__ import annotations

import functools
import logging
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

Feeds = dict[str, np.ndarray]

# Chosen by measurement on EfficientNet-Lite0 (see EIGHT_BIT in efficientnet.py): percentile and entropy
# ranges kept fewer known answers than plain min-max over the calibration pictures.
DEFAULT_METHOD = "minmax"
# Never pass CalibMaxIntermediateOutputs: in onnxruntime 1.31.1 the min-max calibrator *drops* the ranges
# collected so far each time that many feeds are held, so only the last few feeds counted (measured: 5
# photos with a limit of 4 calibrated on the 5th alone, and espresso fell from 0.96 to 0.39).


class FeedReader:
    """Hands the calibrator one feed dict at a time (onnxruntime accepts any object with get_next)."""

    def __init__(self, feeds: Sequence[Feeds]) -> None:
        self._feeds = list(feeds)
        self._next = 0

    def get_next(self) -> Feeds | None:
        if self._next >= len(self._feeds):
            return None
        self._next += 1
        return self._feeds[self._next - 1]

    def rewind(self) -> None:
        self._next = 0


def quantize_qdq(fp32_path: Path, int8_path: Path, feeds: Sequence[Feeds], *, method: str = DEFAULT_METHOD,
                 activation_int8: bool = False, per_channel: bool = True, keep_float: Sequence[str] = (),
                 seven_bit: bool = False, bias_correction: bool = True,
                 extra_options: dict[str, Any] | None = None) -> None:
    """Write int8_path: weights int8 per output channel, activations 8-bit with ranges seen on `feeds`.

    Activations are unsigned (asymmetric) by default: after ReLU6 they are never negative, and
    onnxruntime's x86 kernels are fastest with unsigned activations (signed ones ran 1.6× slower
    here). keep_float names nodes left in float32. With bias_correction the model is quantised twice:
    the first pass gives the exact int8 weights, whose average effect on each output channel (the
    rounding error times the channel's mean input on `feeds`) is then given back through the float
    biases before the second pass (Nagel et al. 2019, "data-free quantization", §4.2).
    seven_bit keeps the weights within ±64, so no pair of products can overflow 16 bits on a processor
    without VNNI (255 · 64 · 2 = 32,640; see products_overflow): the integer sums are exact everywhere.
    """
    if not feeds:
        raise ValueError("quantisation needs at least one calibration feed")
    int8_path.parent.mkdir(parents=True, exist_ok=True)
    quantize = functools.partial(_quantize_static, method=method, activation_int8=activation_int8,
                                 per_channel=per_channel, keep_float=keep_float, seven_bit=seven_bit,
                                 extra_options=extra_options or {})
    # The calibrator writes scratch copies of the model beside its input: keep them in a private folder.
    with tempfile.TemporaryDirectory(prefix="quantize-") as tmp:
        source = Path(tmp) / "model.onnx"
        source.write_bytes(Path(fp32_path).read_bytes())
        quantize(source, int8_path, feeds)
        if bias_correction:
            corrected = Path(tmp) / "corrected.onnx"
            correct_biases(source, int8_path, feeds, corrected)
            quantize(corrected, int8_path, feeds)


def _quantize_static(source: Path, target: Path, feeds: Sequence[Feeds], *, method: str, activation_int8: bool,
                     per_channel: bool, keep_float: Sequence[str], seven_bit: bool,
                     extra_options: dict[str, Any]) -> None:
    from onnxruntime.quantization import CalibrationMethod, QuantFormat, QuantType, quantize_static

    methods = {"minmax": CalibrationMethod.MinMax, "entropy": CalibrationMethod.Entropy,
               "percentile": CalibrationMethod.Percentile}
    with quiet():
        quantize_static(
            str(source), str(target), FeedReader(feeds), quant_format=QuantFormat.QDQ, per_channel=per_channel,
            reduce_range=seven_bit,
            activation_type=QuantType.QInt8 if activation_int8 else QuantType.QUInt8, weight_type=QuantType.QInt8,
            calibrate_method=methods[method], nodes_to_exclude=list(keep_float), extra_options=dict(extra_options))


def products_overflow() -> bool:
    """Whether onnxruntime's 8-bit matrix products overflow on this processor, asked of onnxruntime itself.

    Without VNNI, x86 kernels add each pair of unsigned × signed byte products into 16 bits with
    saturation (vpmaddubsw): 255 · 127 · 2 = 64,770 does not fit, so large activations meeting large
    weights come out clipped, and an int8 model answers differently than on a processor with VNNI.
    The flags in /proc/cpuinfo only hint at which kernel onnxruntime picks; one tiny product tells.
    """
    from onnx import TensorProto, helper, numpy_helper

    depth = 64
    weights = numpy_helper.from_array(np.full((depth, 1), 127, np.int8), "w")
    graph = helper.make_graph([helper.make_node("MatMulInteger", ["a", "w"], ["y"])], "overflow_probe",
                              [helper.make_tensor_value_info("a", TensorProto.UINT8, [1, depth])],
                              [helper.make_tensor_value_info("y", TensorProto.INT32, [1, 1])], [weights])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)
    got = _session(model.SerializeToString()).run(None, {"a": np.full((1, depth), 255, np.uint8)})[0]
    return int(got[0, 0]) != 255 * 127 * depth


def correct_biases(fp32_path: Path, qdq_path: Path, feeds: Sequence[Feeds], out_path: Path) -> int:
    """Write fp32_path's model to out_path with each Conv/Gemm bias shifted by (W − Wq)·E[input].

    Then the int8 layer's average output per channel equals the float layer's: Wq·E[x] + b' = W·E[x] + b.

    Wq is read back from the quantised model (the DequantizeLinear feeding the node of the same name),
    so the correction matches onnxruntime's rounding exactly; E[input] is the per-channel mean of the
    node's input over `feeds` (zero padding at the borders is ignored). Returns how many biases moved.
    """
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(fp32_path))
    inits = {t.name: t for t in model.graph.initializer}
    quantised = _dequantised_weights(onnx.load(str(qdq_path)))
    uses = Counter(name for n in model.graph.node for name in n.input)
    # A bias shared by two nodes cannot be right for both, so it is left alone.
    targets = [n for n in model.graph.node if n.name in quantised and len(n.input) == 3
               and n.input[1] in inits and n.input[2] in inits and uses[n.input[2]] == 1 and _plain(n)]
    means = _input_means(model, [n.input[0] for n in targets], feeds)
    for node in targets:
        weight = numpy_helper.to_array(inits[node.input[1]]).astype(np.float64)
        error = weight - quantised[node.name]
        bias = numpy_helper.to_array(inits[node.input[2]]).astype(np.float64)
        shifted = bias + _channel_effect(error, means[node.input[0]], _attr(node, "group", 1))
        inits[node.input[2]].CopyFrom(numpy_helper.from_array(shifted.astype(np.float32), node.input[2]))
    onnx.save(model, str(out_path))
    return len(targets)


def _plain(node: Any) -> bool:
    """Conv, or Gemm computing x·Wᵀ + b (the only Gemm form whose weight rows are output channels)."""
    if node.op_type == "Conv":
        return True
    return (node.op_type == "Gemm" and _attr(node, "transB", 0) == 1 and _attr(node, "transA", 0) == 0
            and _attr(node, "alpha", 1.0) == 1.0 and _attr(node, "beta", 1.0) == 1.0)


def _attr(node: Any, name: str, default: Any) -> Any:
    from onnx import helper

    return next((helper.get_attribute_value(a) for a in node.attribute if a.name == name), default)


def _channel_effect(error: np.ndarray, mean: np.ndarray, groups: int) -> np.ndarray:
    """Per output channel: Σ over its inputs and kernel taps of error × that input channel's mean."""
    out, per_group = error.shape[0], error.shape[1]
    summed = error.reshape(out, per_group, -1).sum(axis=2).reshape(groups, out // groups, per_group)
    return np.einsum("goi,gi->go", summed, mean.reshape(groups, per_group)).reshape(out)


def _dequantised_weights(model: Any) -> dict[str, np.ndarray]:
    """Node name -> the float weight its int8 initializer stands for (scale × (q − zero point))."""
    from onnx import numpy_helper

    inits = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    producers = {out: n for n in model.graph.node for out in n.output}
    weights = {}
    for node in model.graph.node:
        if node.op_type not in ("Conv", "Gemm") or len(node.input) < 2:
            continue
        dq = producers.get(node.input[1])
        if dq is None or dq.op_type != "DequantizeLinear" or not all(i in inits for i in dq.input):
            continue
        q = inits[dq.input[0]].astype(np.float64)
        scale = inits[dq.input[1]].astype(np.float64)
        zero = inits[dq.input[2]].astype(np.float64) if len(dq.input) > 2 else np.zeros_like(scale)
        shape = [-1 if d == _attr(dq, "axis", 1) else 1 for d in range(q.ndim)] if scale.ndim else []
        weights[node.name] = (q - zero.reshape(shape)) * scale.reshape(shape)
    return weights


def _input_means(model: Any, names: Sequence[str], feeds: Sequence[Feeds]) -> dict[str, np.ndarray]:
    """Mean of each named tensor over feeds, batch and space: one value per channel (axis 1)."""
    import onnx
    from onnx import helper

    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    graph_inputs = {i.name for i in probe.graph.input}
    wanted = sorted(set(names))
    probe.graph.output.extend(helper.make_empty_tensor_value_info(n) for n in wanted if n not in graph_inputs)
    session = _session(probe.SerializeToString())
    outputs = [o.name for o in session.get_outputs()]
    sums: dict[str, np.ndarray] = {}
    for feed in feeds:
        values = {**dict(zip(outputs, session.run(None, feed))), **feed}
        for name in wanted:
            v = np.asarray(values[name], dtype=np.float64)
            sums[name] = sums.get(name, 0.0) + v.mean(axis=tuple(d for d in range(v.ndim) if d != 1))
    return {name: total / len(feeds) for name, total in sums.items()}


@contextmanager
def quiet() -> Iterator[None]:
    """The quantiser logs advice (run its pre-processing first) at warning level on every build."""
    logger = logging.getLogger()
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _session(model: Path | bytes) -> Any:
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.log_severity_level = 3
    source = model if isinstance(model, bytes) else str(model)
    return ort.InferenceSession(source, so, providers=["CPUExecutionProvider"])


def probabilities(path: Path, feeds: Sequence[Feeds]) -> np.ndarray:
    """Softmax over the last axis of the first output, one row per feed (each feed is one picture)."""
    session = _session(path)
    rows = []
    for feed in feeds:
        logits = np.asarray(session.run(None, feed)[0], dtype=np.float64).reshape(-1)
        e = np.exp(logits - logits.max())
        rows.append(e / e.sum())
    return np.stack(rows)


def agreement(fp32_path: Path, int8_path: Path, feeds: Sequence[Feeds]) -> dict[str, float]:
    """How closely int8 follows fp32 on `feeds`.

    top1_agreement: fraction of feeds where both pick the same class; mean_abs_prob_diff: mean over
    feeds of |Δ| in the probability of fp32's top class; max_abs_prob_diff: largest |Δ| of any class.
    """
    p32 = probabilities(fp32_path, feeds)
    p8 = probabilities(int8_path, feeds)
    top = p32.argmax(axis=1)
    rows = np.arange(len(top))
    return {"top1_agreement": float((p8.argmax(axis=1) == top).mean()),
            "mean_abs_prob_diff": float(np.abs(p32[rows, top] - p8[rows, top]).mean()),
            "max_abs_prob_diff": float(np.abs(p32 - p8).max())}


def interleaved_p50_ms(paths: Sequence[Path], feed: Feeds, rounds: int = 30) -> list[float]:
    """Median time of one run of each model, alternating between them so a busy moment hurts both alike.

    One thread each, as the playground runs by default on a small machine; three warm-up runs first.
    """
    import time

    sessions = [_session(path) for path in paths]
    for session in sessions:
        for _ in range(3):
            session.run(None, feed)
    times: list[list[float]] = [[] for _ in sessions]
    for _ in range(rounds):
        for session, kept in zip(sessions, times):
            start = time.perf_counter()
            session.run(None, feed)
            kept.append((time.perf_counter() - start) * 1000.0)
    return [float(np.median(kept)) for kept in times]
