"""A model's work measured here: onnxruntime's profile of real runs gives every node's shapes and time, from
which come the floating-point operations per run, the time by kind of operation, the memory the runtime
held, and the speed reached against the peak this machine measures for a plain matrix product."""

from __future__ import annotations

import functools
import json
import math
import re
import statistics
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

import numpy as np

from playground.core.cancel import CancelToken
from playground.core.pipeline import Pipeline
from playground.core.session import RuntimeOptions, SessionCache
from playground.core.task import RunRequest

RUNS = 4  # profiled runs (the first one cold); the figures are their average
CONV = {"Conv", "FusedConv", "NhwcConv", "NchwcConv", "QLinearConv", "ConvInteger", "ConvTranspose"}
MATMUL = {"MatMul", "FusedMatMul", "MatMulInteger", "QLinearMatMul", "DynamicQuantizeMatMul", "MatMulNBits",
          "MatMulIntegerToFloat", "Gemm", "FusedGemm", "QGemm"}
ATTENTION = {"Attention", "MultiHeadAttention", "GroupQueryAttention"}
# Steps whose sums are on 8-bit integers: their operations are not floating-point ones.
INTEGER = {"QLinearConv", "ConvInteger", "MatMulInteger", "QLinearMatMul", "DynamicQuantizeMatMul",
           "MatMulIntegerToFloat", "QGemm"}
# Their time is their subgraph's, whose nodes the profile lists too: counting both would count it twice.
CONTROL_FLOW = {"If", "Loop", "Scan"}
PEAK_M, PEAK_K, PEAK_N = 512, 1024, 1024  # one 1.07 GFLOP float32 product: big enough to run at full speed


def _shapes(entries: list[dict[str, list[int]]]) -> list[list[int]]:
    return [next(iter(e.values()), []) for e in entries]


def node_flops(op: str, inputs: list[list[int]], outputs: list[list[int]]) -> float:
    """Floating-point operations of one node run (a multiply-add counts two); elementwise work counts one
    per output value."""
    out = outputs[0] if outputs else []
    out_size = float(math.prod(out)) if out else 0.0
    # QLinearConv's weight comes after the input's scale and zero point; every other conv's is second.
    weight_at = 3 if op == "QLinearConv" else 1
    weight = inputs[weight_at] if op in CONV and len(inputs) > weight_at else []
    if len(weight) > 2:
        per_output = math.prod(weight[1:])
        if op == "ConvTranspose":
            return 2.0 * math.prod(inputs[0]) * per_output
        return 2.0 * out_size * per_output
    if op in MATMUL and inputs and inputs[0]:
        k = inputs[0][-1] if op != "Gemm" or not out else math.prod(inputs[0]) // max(out[0], 1)
        return 2.0 * out_size * k
    if op in ATTENTION and len(outputs) > 1 and len(outputs[1]) == 4:
        total = outputs[1][2]  # the keys seen: cache and new tokens
        return 4.0 * out_size * total  # q·kᵀ and the weighted sum of values, over every head
    return out_size


@dataclass(frozen=True)
class OpCost:
    op: str
    count: float  # nodes run per inference
    ms: float  # time in these nodes per inference
    flops: float  # per inference


@dataclass(frozen=True)
class ModelProfile:
    model_id: str
    threads: int
    ops: tuple[OpCost, ...]  # slowest first
    model_ms: float  # the model stage of a typical warm run
    arena_peak_mb: float  # the most memory onnxruntime held for tensors, summed over the model's sessions
    peak_gflops: float  # a plain float32 matrix product on this machine, same thread count

    @property
    def flops(self) -> float:
        return sum(op.flops for op in self.ops)

    @property
    def integer(self) -> bool:
        """Whether most of its work is integer sums (an int8 model): then it is not counted in FLOPs."""
        return sum(op.flops for op in self.ops if op.op in INTEGER) > 0.5 * self.flops

    @property
    def achieved_gflops(self) -> float:
        return self.flops / (self.model_ms / 1000.0) / 1e9 if self.model_ms > 0 else 0.0

    @property
    def share_of_peak(self) -> float:
        return self.achieved_gflops / self.peak_gflops if self.peak_gflops > 0 else 0.0


def conv_work(models: list[Path]) -> dict[str, int]:
    """Multiply-adds per output value of every convolution in these model files, by node name.

    The runtime's int8 convolutions pack their weights away, and the profile then lists no weight shape to
    count from; the file still has it (behind a DequantizeLinear in a QDQ model)."""
    import onnx  # only when a model is profiled

    work: dict[str, int] = {}
    for path in models:
        graph = onnx.load(str(path), load_external_data=False).graph
        dims = {i.name: list(i.dims) for i in graph.initializer}
        producer = {out: node for node in graph.node for out in node.output}
        for node in graph.node:
            if node.op_type not in CONV or len(node.input) < 2:
                continue
            weight = node.input[3 if node.op_type == "QLinearConv" else 1]
            while weight not in dims and weight in producer and producer[weight].op_type in (
                    "DequantizeLinear", "Identity", "Cast"):
                weight = producer[weight].input[0]
            if len(dims.get(weight, [])) > 2:
                work[node.name] = math.prod(dims[weight][1:])
    return work


_FUSED_NAME = re.compile(r"(_token_\d+)+$")  # what the runtime adds to a node's name when it fuses it


def read_profile(path: Path, runs: int,
                 convs: Callable[[], dict[str, int]] | None = None) -> tuple[dict[str, list[float]], float]:
    """Per op type [nodes, µs, FLOPs] averaged over `runs` inferences, and the runtime's memory peak (MB);
    `convs` (conv_work, asked only if needed) counts the convolutions whose weights the profile does not show."""
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    peak = 0
    for event in json.loads(path.read_text(encoding="utf-8")):
        if event.get("cat") != "Node" or not event.get("name", "").endswith("_kernel_time"):
            continue
        args = event.get("args", {})
        op = args.get("op_name", "?")
        if op in CONTROL_FLOW:
            continue
        entry = totals[op]
        entry[0] += 1
        entry[1] += float(event.get("dur", 0))
        outputs = _shapes(args.get("output_type_shape", []))
        flops = node_flops(op, _shapes(args.get("input_type_shape", [])), outputs)
        node = _FUSED_NAME.sub("", event["name"][:-len("_kernel_time")])
        if op in CONV and convs is not None and outputs and flops <= math.prod(outputs[0]):
            per_output = convs().get(node, 0)  # one operation per output: the weight was not in the profile
            if per_output:
                flops = 2.0 * math.prod(outputs[0]) * per_output
        entry[2] += flops
        peak = max(peak, int(args.get("mem_in_use_peak", 0) or 0))
    return {op: [v / runs for v in values] for op, values in totals.items()}, peak / 2**20


def measure_peak(threads: int, repeats: int = 8) -> float:
    """GFLOP/s of one large float32 matrix product in onnxruntime: what this machine can do at best."""
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    b = numpy_helper.from_array(np.random.default_rng(0).standard_normal((PEAK_K, PEAK_N)).astype(np.float32), "B")
    graph = helper.make_graph([helper.make_node("MatMul", ["A", "B"], ["Y"])], "peak",
                              [helper.make_tensor_value_info("A", TensorProto.FLOAT, [PEAK_M, PEAK_K])],
                              [helper.make_tensor_value_info("Y", TensorProto.FLOAT, [PEAK_M, PEAK_N])], [b])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)
    session = ort.InferenceSession(model.SerializeToString(), RuntimeOptions(threads).session_options(),
                                   providers=["CPUExecutionProvider"])
    a = np.ones((PEAK_M, PEAK_K), np.float32)
    session.run(None, {"A": a})
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        session.run(None, {"A": a})
        times.append(time.perf_counter() - start)
    return 2.0 * PEAK_M * PEAK_K * PEAK_N / statistics.median(times) / 1e9


def profile_model(request: RunRequest, token: CancelToken, progress: Callable[[float, Any], None],
                  runs: int = RUNS) -> ModelProfile:
    """Run the model `runs` times in profiled sessions of its own and read what every node did; then time it
    again without the profiler, which slows every step a little, for the speed figures."""
    card, options = request.card, request.options or RuntimeOptions()
    ops: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    arena = 0.0
    with tempfile.TemporaryDirectory(prefix="playground-profile-") as tmp:
        cache = SessionCache()
        profiled = Pipeline(cache, replace(options, profile_prefix=str(Path(tmp) / "run")))
        for r in range(runs):
            profiled.run(request.using(options=profiled.options), token)
            progress((r + 1) / (2 * runs + 1), None)
        # Parsed only when a profile shows a conv without its weight (an int8 model), and then once.
        convs = functools.cache(lambda: conv_work([card.folder / f.path for f in card.files
                                                   if f.path.endswith(".onnx")]))
        for entry in cache.loaded():
            per_op, peak = read_profile(Path(entry.session.end_profiling()), runs, convs)
            arena += peak
            for op, values in per_op.items():
                ops[op] = [a + b for a, b in zip(ops[op], values)]
    plain, warm_ms = Pipeline(SessionCache(), options), []
    for r in range(runs):
        outcome = plain.run(request.using(options=options), token)
        if r:  # the first loads the model
            warm_ms.append(outcome.record.ms("model"))
        progress((runs + r + 1) / (2 * runs + 1), None)
    peak = measure_peak(options.threads)
    progress(1.0, None)
    costs = sorted((OpCost(op, n, us / 1000.0, flops) for op, (n, us, flops) in ops.items()), key=lambda c: -c.ms)
    return ModelProfile(card.id, options.threads, tuple(costs), statistics.median(warm_ms), arena, peak)
