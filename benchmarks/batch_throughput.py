"""Throughput of `playground batch`'s local engine against a bare onnxruntime loop, measured in one run.

Both go through the same pictures (640 × 432 JPEGs made from the bundled samples) at the same number of
processes, each with a session at one onnxruntime thread. The bare loop is given the very tensors the
pipeline fed the model, decoded beforehand, so it does nothing but `session.run`; the batch engine decodes
each file, preprocesses it, runs the model, postprocesses and keeps every row on disk. Printed for 1 and 2
workers: files a second for each, the steady-state ratio (engine ÷ bare, goal ≥ 0.95: from the first
chunk to the last, so process start-up is left out) and the whole-run ratio with start-up in.

    .venv/bin/python benchmarks/batch_throughput.py [--files 400] [--model efficientnet-lite0]

Not a test: figures for people. The processor is printed first, since every figure depends on it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playground import paths  # noqa: E402
from playground.batch.job import run_job  # noqa: E402
from playground.batch.progress import Progress  # noqa: E402
from playground.core.catalog import load_catalog  # noqa: E402
from playground.core.pipeline import Pipeline  # noqa: E402
from playground.core.session import RuntimeOptions  # noqa: E402
from playground.core.task import RunRequest  # noqa: E402
from playground.tasks.registry import get_task  # noqa: E402

GOAL = 0.95
PICTURES = ("rocket.jpg", "coffee.png", "chelsea.png", "astronaut.png", "grace_hopper.jpg")


class Timed(Progress):
    """Progress that keeps when each chunk landed, and says nothing."""

    def __init__(self, total: int) -> None:
        super().__init__(total, 0, stream=open(Path(tempfile.gettempdir()) / "batch-progress.log", "w"), tty=False)
        self.landed: list[tuple[float, int]] = []

    def add(self, ran: int, errors: int, kept: int = 0) -> None:
        super().add(ran, errors, kept)
        self.landed.append((time.perf_counter(), self.done))


def make_files(folder: Path, count: int) -> list[Path]:
    from PIL import Image

    files = []
    for i in range(count):
        path = folder / f"picture{i:05d}.jpg"
        with Image.open(paths.samples_dir() / PICTURES[i % len(PICTURES)]) as image:
            image.convert("RGB").resize((640, 432)).save(path, quality=90 - i % 7)  # each file's own bytes
        files.append(path)
    return files


def feeds_of(card, files: list[Path]) -> list[dict[str, np.ndarray]]:  # noqa: ANN001 - a ModelCard
    """The tensors the pipeline feeds the model for each file, caught on their way in."""
    pipeline, caught = Pipeline(options=RuntimeOptions(threads=1)), []
    request = RunRequest(card, get_task(card.task), None)
    for path in files:
        pipeline.run(RunRequest(card, request.task, path), tap=lambda role, feeds, outputs: caught.append(dict(feeds)))
    return caught


def _bare_worker(model: str, feeds: list[dict[str, np.ndarray]], start, out) -> None:  # noqa: ANN001
    import onnxruntime as ort

    session = ort.InferenceSession(model, RuntimeOptions(threads=1).session_options(),
                                   providers=["CPUExecutionProvider"])
    session.run(None, feeds[0])  # warm, like the engine's first file
    start.wait()
    for f in feeds:
        session.run(None, f)
    out.put(time.perf_counter())


def bare_throughput(model: str, feeds: list[dict[str, np.ndarray]], workers: int) -> float:
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Barrier(workers + 1), ctx.Queue()
    shares = [feeds[i::workers] for i in range(workers)]
    procs = [ctx.Process(target=_bare_worker, args=(model, share, start, out)) for share in shares]
    for p in procs:
        p.start()
    start.wait()
    began = time.perf_counter()
    ends = [out.get() for _ in procs]
    for p in procs:
        p.join()
    return len(feeds) / (max(ends) - began)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--model", default="efficientnet-lite0")
    args = parser.parse_args()
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    print(f"processor: {cpu}, {multiprocessing.cpu_count()} cores")
    card = load_catalog().get(args.model)
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp), args.files)
        feeds = feeds_of(card, files)
        print(f"{args.model}, {len(files)} JPEGs of 640 × 432")
        print(f"{'workers':>8}{'bare files/s':>14}{'engine files/s':>16}{'steady ratio':>14}{'whole ratio':>13}")
        for workers in (1, 2):
            bare = bare_throughput(str(card.path("main")), feeds, workers)
            timed = Timed(len(files))
            began = time.perf_counter()
            run_job(card, {}, files, Path(tmp) / f"out{workers}.jsonl", workers, paths.models_dir(), timed)
            whole = len(files) / (time.perf_counter() - began)
            (t0, n0), (t1, n1) = timed.landed[0], timed.landed[-1]
            steady = (n1 - n0) / (t1 - t0)
            print(f"{workers:>8}{bare:>14.1f}{steady:>16.1f}{steady / bare:>14.3f}{whole / bare:>13.3f}"
                  f"   (goal ≥ {GOAL})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
