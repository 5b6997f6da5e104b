"""Prints, as ratios measured in one run: a picture's whole run through the playground's pipeline (decode,
preprocess, model, postprocess, without the window) against a bare onnxruntime `session.run` on the tensor the
pipeline fed, for every installed image model on a 640 × 432 JPEG, a PNG sample and a 2592 × 1750 JPEG.
Not a test: figures for people, with their goal beside them.

    .venv/bin/python benchmarks/image_run.py [--runs 40] [--warmup 5] [--models efficientnet-lite0,...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playground.core.catalog import load_catalog  # noqa: E402
from playground.core.pipeline import Pipeline  # noqa: E402
from playground.core.session import RuntimeOptions  # noqa: E402
from playground.core.task import RunRequest  # noqa: E402
from playground.tasks.registry import get_task  # noqa: E402

MODELS = ("efficientnet-lite0", "efficientnet-lite0-int8", "centerface", "u2netp", "modnet")
GOAL = 1.15  # whole run ÷ bare session.run
SPLIT = ("decode", "preprocess", "model", "postprocess")


def pictures(folder: Path) -> list[tuple[str, Path]]:
    """The pictures timed: JPEGs written here from a bundled sample at quality 90, and a bundled PNG."""
    from PIL import Image

    samples = ROOT / "assets" / "samples"
    with Image.open(samples / "rocket.jpg") as image:
        rocket = image.convert("RGB")
    made = []
    for width, height in ((640, 432), (2592, 1750)):
        path = folder / f"rocket_{width}x{height}.jpg"
        rocket.resize((width, height), Image.Resampling.LANCZOS).save(path, quality=90)
        made.append((f"JPEG {width}×{height}", path))
    with Image.open(samples / "coffee.png") as image:
        png = f"PNG {image.width}×{image.height}"
    return [made[0], (png, samples / "coffee.png"), made[1]]


class Bare:
    """One onnxruntime session opened with the pipeline's options, fed the tensor the pipeline fed."""

    def __init__(self, card, options: RuntimeOptions) -> None:  # noqa: ANN001 - a ModelCard
        import onnxruntime as ort

        self.session = ort.InferenceSession(str(card.path("main")), sess_options=options.session_options(),
                                            providers=["CPUExecutionProvider"])
        self.calls: list[tuple[dict, list[str] | None]] = []

    def tap(self, role: str, feeds: dict, outputs: list[str] | None) -> None:
        self.calls.append(({k: v.copy() for k, v in feeds.items()}, outputs))

    def once(self) -> float:
        start = time.perf_counter_ns()
        for feeds, outputs in self.calls:
            self.session.run(outputs, feeds)
        return (time.perf_counter_ns() - start) / 1e6


def measure(card, source: Path, runs: int, warmup: int, options: RuntimeOptions) -> dict:  # noqa: ANN001
    """Whole runs and bare runs interleaved, so that drift on a shared machine hits both sides alike."""
    task = get_task(card.task)
    pipeline = Pipeline(options=options)
    request = RunRequest(card, task, source, {})
    pipeline.run(request)  # the cold run: sessions open, files are checked
    bare = Bare(card, options)
    pipeline.run(request, tap=bare.tap)  # untimed: copying the feeds is no stage's time
    for _ in range(warmup):
        pipeline.run(request)
        bare.once()
    whole, bare_ms, stages = [], [], {s: [] for s in SPLIT}
    for _ in range(runs):
        start = time.perf_counter_ns()
        outcome = pipeline.run(request)
        whole.append((time.perf_counter_ns() - start) / 1e6)
        bare_ms.append(bare.once())
        for stage in SPLIT:
            stages[stage].append(outcome.record.ms(stage))
    decoded = outcome.decoded.pixels.shape
    split = {s: statistics.median(v) for s, v in stages.items()}
    return {"whole": statistics.median(whole), "bare": statistics.median(bare_ms), "split": split,
            "other": statistics.median(whole) - sum(split.values()), "decoded": f"{decoded[1]}×{decoded[0]}",
            "ratio": statistics.median(w / b for w, b in zip(whole, bare_ms))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--models", default=",".join(MODELS), help="comma-separated model ids")
    args = parser.parse_args()
    catalog = load_catalog()
    options = RuntimeOptions(threads=1)
    print(f"whole run ÷ bare session.run ({args.runs} interleaved runs, {args.warmup} warm-up, 1 thread, medians)")
    print(f"  {'model':<25}{'picture':<18}{'whole':>8}{'bare':>8}{'ratio':>7}   "
          f"{'decode':>7}{'prep':>7}{'model':>7}{'post':>7}{'other':>7}  {'decoded':>10}   goal ≤ {GOAL}")
    with tempfile.TemporaryDirectory() as folder:
        shots = pictures(Path(folder))
        for model_id in args.models.split(","):
            card = catalog.get(model_id)
            if not catalog.installed(card):
                print(f"  {model_id:<25}not installed: run 'playground models fetch {model_id}'")
                continue
            for name, path in shots:
                m = measure(card, path, args.runs, args.warmup, options)
                s = m["split"]
                ok = "ok" if m["ratio"] <= GOAL else "over"
                print(f"  {model_id:<25}{name:<18}{m['whole']:8.2f}{m['bare']:8.2f}{m['ratio']:7.3f}   "
                      f"{s['decode']:7.2f}{s['preprocess']:7.2f}{s['model']:7.2f}{s['postprocess']:7.2f}"
                      f"{m['other']:7.2f}  {m['decoded']:>10}   {ok}", flush=True)
    print("  (ms; 'other' is the pipeline's own bookkeeping around the stages; 'decoded' the picture's size as the "
          "run decoded it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
