"""Throughput of `playground batch` (local engine, and Ray Data) against a bare onnxruntime loop, in one run.

All three go through the same files at the same number of processes, each with a session at one onnxruntime
thread: pictures (640 × 432 JPEGs made from the bundled samples) for an image model, the bundled speech clips
for a speech model. The bare loop is given the very tensors the pipeline fed the model, decoded beforehand, so
it does nothing but `session.run`; the engines decode each file, preprocess it, run the model, postprocess and
keep every row on disk. Printed for 1 and 2 workers: files a second, the steady-state ratio engine ÷ bare
(goal ≥ 0.95; each engine runs half the files, then all of them, and the second half over the extra time
leaves start-up out) and the whole-run ratio with start-up in; then Ray's fixed start-up and its cost per
batch (the same files in batches of one file and of many).

    .venv/bin/python benchmarks/batch_throughput.py [--files 400] [--model efficientnet-lite0] [--json OUT]

(--model whisper-tiny-en-int8 runs the speech clips.) Not a test: figures for people, the processor first.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import multiprocessing
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playground import paths  # noqa: E402
from playground.batch.job import chunk_size, run_job  # noqa: E402
from playground.batch.progress import Progress  # noqa: E402
from playground.core.catalog import load_catalog  # noqa: E402
from playground.core.pipeline import Pipeline  # noqa: E402
from playground.core.session import RuntimeOptions  # noqa: E402
from playground.core.task import RunRequest  # noqa: E402
from playground.tasks.registry import get_task  # noqa: E402

GOAL = 0.95
PICTURES = ("rocket.jpg", "coffee.png", "chelsea.png", "astronaut.png", "grace_hopper.jpg")
CLIPS = ("en_gb16k.wav", "sent16k.wav", "kws_test16k.wav", "vad_test16k.wav")


class Timed(Progress):
    """Progress that keeps when each chunk landed, and says nothing."""

    def __init__(self, total: int) -> None:
        super().__init__(total, 0, stream=io.StringIO(), tty=False)
        self.landed: list[tuple[float, int]] = []

    def add(self, ran: int, errors: int, kept: int = 0) -> None:
        super().add(ran, errors, kept)
        self.landed.append((time.perf_counter(), self.done))


def make_files(folder: Path, count: int, modality: str) -> list[Path]:
    """`count` files of the model's kind: pictures each with bytes of their own, or copies of the speech clips."""
    from PIL import Image

    files = []
    for i in range(count):
        if modality == "audio":
            path = folder / f"clip{i:05d}.wav"
            shutil.copy(paths.samples_dir() / CLIPS[i % len(CLIPS)], path)
        else:
            path = folder / f"picture{i:05d}.jpg"
            with Image.open(paths.samples_dir() / PICTURES[i % len(PICTURES)]) as image:
                image.convert("RGB").resize((640, 432)).save(path, quality=90 - i % 7)
        files.append(path)
    return files


def feeds_of(card, files: list[Path]) -> list[tuple[str, dict[str, np.ndarray]]]:  # noqa: ANN001 - a ModelCard
    """Every session.run the pipeline makes for each file, in order, as (session role, feeds), caught on their
    way in (a speech model runs its voice detector, its encoder and its decoder many times a file)."""
    pipeline, caught = Pipeline(options=RuntimeOptions(threads=1)), []
    task = get_task(card.task)
    for path in files:
        pipeline.run(RunRequest(card, task, path), tap=lambda role, feeds, outputs: caught.append((role, dict(feeds))))
    return caught


def _bare_worker(card_id: str, runs: list, start, out) -> None:  # noqa: ANN001
    import onnxruntime as ort

    card = load_catalog().get(card_id)
    companions = Pipeline().companions(card)  # a speech model's voice detector runs under its role's name
    sessions = {}
    for role, feeds in runs:
        if role not in sessions:
            path = companions[role].path("main") if role in companions else card.path(role)
            sessions[role] = ort.InferenceSession(str(path), RuntimeOptions(threads=1).session_options(),
                                                  providers=["CPUExecutionProvider"])
            sessions[role].run(None, feeds)  # warm, like the engine's first file
    start.wait()
    for role, feeds in runs:
        sessions[role].run(None, feeds)
    out.put(time.perf_counter())


def bare_throughput(card, runs: list, files: int, workers: int) -> float:  # noqa: ANN001
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Barrier(workers + 1), ctx.Queue()
    per_file = len(runs) // files  # the same number of runs for every copy of a file
    shares = [[r for f in range(w, files, workers) for r in runs[f * per_file:(f + 1) * per_file]]
              for w in range(workers)]
    procs = [ctx.Process(target=_bare_worker, args=(card.id, share, start, out)) for share in shares]
    for p in procs:
        p.start()
    start.wait()
    began = time.perf_counter()
    ends = [out.get() for _ in procs]
    for p in procs:
        p.join()
    return files / (max(ends) - began)


def engine_run(card, files: list[Path], folder: Path, workers: int, engine: str, chunk: int = 0) -> dict:  # noqa: ANN001
    """The engine over half the files, then over all of them: the marginal rate (the second half's files over
    the extra time) leaves out every fixed cost, which is then what the first run took beyond its files."""
    took = []
    for n in (len(files) // 2, len(files)):
        began = time.perf_counter()
        run_job(card, {}, files[:n], folder / f"{engine}-{workers}-{chunk}-{n}.jsonl", workers, paths.models_dir(),
                Timed(n), chunk=chunk, engine=engine)
        took.append(time.perf_counter() - began)
    half = len(files) // 2
    steady = (len(files) - half) / (took[1] - took[0])
    return {"steady": steady, "whole": len(files) / took[1], "seconds": took[1],
            "startup_s": max(0.0, took[1] - len(files) / steady),
            "batches": -(-len(files) // (chunk or chunk_size(len(files), workers)))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--model", default="efficientnet-lite0")
    parser.add_argument("--json", type=Path, help="also write the figures here, for scripts/batch_plot.py")
    args = parser.parse_args()
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    print(f"processor: {cpu}, {multiprocessing.cpu_count()} cores")
    card = load_catalog().get(args.model)
    have_ray = importlib.util.find_spec("ray") is not None
    figures: dict = {"model": args.model, "files": args.files, "processor": cpu, "workers": {}}
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp), args.files, card.modality)
        runs = feeds_of(card, files)
        print(f"{args.model}, {len(files)} {card.modality} files; files a second (steady / whole run with start-up)")
        print(f"{'workers':>8}{'bare':>9}{'local':>17}{'ratio':>14}{'ray':>17}{'ratio':>14}")
        for workers in (1, 2):
            bare = bare_throughput(card, runs, len(files), workers)
            local = engine_run(card, files, Path(tmp), workers, "local")
            ray = engine_run(card, files, Path(tmp), workers, "ray") if have_ray else None
            figures["workers"][workers] = {"bare": bare, "local": local, "ray": ray}
            shown = (f"{ray['steady']:8.1f} /{ray['whole']:6.1f}{ray['steady'] / bare:8.3f} /{ray['whole'] / bare:5.2f}"
                     if ray else f"{'(no ray)':>17}")
            print(f"{workers:>8}{bare:>9.1f}{local['steady']:>9.1f} /{local['whole']:6.1f}"
                  f"{local['steady'] / bare:8.3f} /{local['whole'] / bare:5.2f}{shown}")
        print(f"goal: steady ratio ≥ {GOAL}")
        if have_ray:
            one = engine_run(card, files, Path(tmp), 2, "ray", chunk=1)
            many = figures["workers"][2]["ray"]
            per_batch = max(0.0, (one["seconds"] - many["seconds"]) / max(1, one["batches"] - many["batches"]))
            figures["ray_startup_s"], figures["ray_per_batch_s"] = many["startup_s"], per_batch
            print(f"Ray: {many['startup_s']:.1f} s of start-up a run (starting Ray, its actors, the model in each); "
                  f"{per_batch * 1e3:.1f} ms a batch ({one['batches']} batches of one file against {many['batches']})")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
