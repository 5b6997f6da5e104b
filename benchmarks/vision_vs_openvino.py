"""The vision models against the engine people use instead on Intel and AMD processors: onnxruntime vs OpenVINO.

Both engines run the very same ONNX file on the very same tensor (the one the playground's pipeline fed the
model for a bundled picture), one thread each, interleaved so drift on a shared machine hits both alike.
onnxruntime runs with the app's own session options; OpenVINO compiles the file for the CPU with a latency
hint, one stream, the tensor's shape made static (as an OpenVINO user would) and float32 arithmetic (its
default on a processor with bfloat16 would round the activations to 16 bits, a different answer). Printed:
median milliseconds, the ratio onnxruntime ÷ OpenVINO (below 1: the playground is faster) and the largest
difference between the two engines' outputs. OpenVINO is a benchmark-only dependency
(`python benchmarks/engines.py openvino` makes its environment), then

    .venv-bench/openvino/bin/python benchmarks/vision_vs_openvino.py [--runs 40] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playground import paths  # noqa: E402
from playground.core.catalog import load_catalog  # noqa: E402
from playground.core.pipeline import Pipeline  # noqa: E402
from playground.core.session import RuntimeOptions  # noqa: E402
from playground.core.task import RunRequest  # noqa: E402
from playground.tasks.registry import get_task  # noqa: E402

# The models the speed goal names, each on a bundled picture.
MODELS = {"u2netp": "astronaut.png", "modnet": "astronaut.png", "efficientnet-lite0": "coffee.png",
          "centerface": "astronaut.png"}
GOAL = 1.0


def fed_tensor(card) -> dict[str, np.ndarray]:  # noqa: ANN001 - a ModelCard
    """The feeds the playground's pipeline gives the model for the card's picture."""
    seen: list[dict[str, np.ndarray]] = []
    request = RunRequest(card, get_task(card.task), paths.samples_dir() / MODELS[card.id], {})
    Pipeline(options=RuntimeOptions(threads=1)).run(
        request, tap=lambda role, feeds, outputs: seen.append({k: v.copy() for k, v in feeds.items()}))
    return seen[0]


def measure(card, runs: int, warmup: int) -> dict:  # noqa: ANN001 - a ModelCard
    import onnxruntime as ort
    import openvino as ov

    feeds = fed_tensor(card)
    path = str(card.path("main"))
    session = ort.InferenceSession(path, sess_options=RuntimeOptions(threads=1).session_options(),
                                   providers=["CPUExecutionProvider"])
    core = ov.Core()
    model = core.read_model(path)
    model.reshape({name: list(value.shape) for name, value in feeds.items()})
    compiled = core.compile_model(model, "CPU", {"INFERENCE_NUM_THREADS": 1, "NUM_STREAMS": 1,
                                                 "PERFORMANCE_HINT": "LATENCY", "INFERENCE_PRECISION_HINT": "f32"})
    request = compiled.create_infer_request()

    def theirs() -> list[np.ndarray]:
        request.infer(feeds)
        return [request.get_output_tensor(i).data.copy() for i in range(len(compiled.outputs))]

    ours_out, theirs_out = session.run(None, feeds), theirs()
    difference = max(float(np.abs(np.asarray(a, np.float32) - np.asarray(b, np.float32)).max())
                     for a, b in zip(ours_out, theirs_out))
    for _ in range(warmup):
        session.run(None, feeds)
        request.infer(feeds)
    ours_ms, theirs_ms = [], []
    for _ in range(runs):
        start = time.perf_counter_ns()
        session.run(None, feeds)
        ours_ms.append((time.perf_counter_ns() - start) / 1e6)
        start = time.perf_counter_ns()
        request.infer(feeds)
        theirs_ms.append((time.perf_counter_ns() - start) / 1e6)
    return {"model": card.id, "onnxruntime_ms": statistics.median(ours_ms), "openvino_ms": statistics.median(theirs_ms),
            "ratio": statistics.median(o / t for o, t in zip(ours_ms, theirs_ms)), "largest_difference": difference,
            "shape": {k: list(v.shape) for k, v in feeds.items()}, "openvino": ov.__version__,
            "onnxruntime": ort.__version__}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--models", default=",".join(MODELS))
    parser.add_argument("--json", action="store_true", help="one JSON line per model instead of the table")
    args = parser.parse_args()
    catalog = load_catalog()
    if not args.json:
        print(f"onnxruntime ÷ OpenVINO, same ONNX file and tensor, 1 thread, {args.runs} interleaved runs (medians)")
        print(f"  {'model':<22}{'input':<22}{'onnxruntime':>12}{'OpenVINO':>10}{'ratio':>8}{'max diff':>10}"
              f"   goal ≤ {GOAL:g}")
    for model_id in args.models.split(","):
        card = catalog.get(model_id)
        if not catalog.installed(card):
            print(f"  {model_id:<22}not installed: run 'playground models fetch {model_id}'")
            continue
        m = measure(card, args.runs, args.warmup)
        if args.json:
            print(json.dumps(m), flush=True)
            continue
        shape = "×".join(str(d) for d in next(iter(m["shape"].values())))
        print(f"  {model_id:<22}{shape:<22}{m['onnxruntime_ms']:12.2f}{m['openvino_ms']:10.2f}{m['ratio']:8.3f}"
              f"{m['largest_difference']:10.1e}   {'ok' if m['ratio'] <= GOAL else 'over'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
