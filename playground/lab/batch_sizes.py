"""Batch sizes: the same prepared input given to the model 1, 2, 4 … 32 times in one run, timed, to show how a
bigger batch raises throughput and the wait for each answer alike. Only for models that take a batch."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from playground.core.cancel import CancelToken
from playground.core.card import ModelCard
from playground.core.errors import InputError
from playground.core.pipeline import Pipeline
from playground.core.session import RuntimeOptions, SessionCache
from playground.core.task import RunRequest
from playground.core.words import translate

SIZES = (1, 2, 4, 8, 16, 32)
REPEATS = 5  # timed runs per size, after one warm-up
MAX_BATCH_BYTES = 256 * 2**20  # the largest batch of inputs fed at once: a 32-photo batch of big images stops early


@dataclass(frozen=True)
class SizePoint:
    size: int
    batch_ms: float  # one run on the whole batch (median)

    @property
    def per_item_ms(self) -> float:
        return self.batch_ms / self.size

    @property
    def per_second(self) -> float:
        return 1000.0 * self.size / self.batch_ms if self.batch_ms > 0 else 0.0


@dataclass(frozen=True)
class BatchSizes:
    model_id: str
    points: tuple[SizePoint, ...]


def batch_feeds(card: ModelCard, feeds: dict[str, np.ndarray]) -> str:
    """"" when every input the model is fed has a free first axis (a batch), else the sentence why not."""
    declared = {spec.name: spec for spec in card.inputs}
    if not feeds or any(name not in declared for name in feeds):
        return translate("BatchSizes", "{model} prepares its input in several runs of its own, so it is not fed as "
                         "one batch here.").format(model=card.name)
    fixed = [name for name in feeds if not isinstance(declared[name].shape[0], str)]
    if fixed:
        return translate("BatchSizes", "{model} takes one input at a time (its input '{input}' has a fixed first "
                         "size).").format(model=card.name, input=fixed[0])
    return ""


def time_batch_sizes(request: RunRequest, token: CancelToken, progress: Callable[[float, Any], None]) -> BatchSizes:
    """The request's input, prepared as a run would prepare it, fed to the model's session 1, 2, 4 … times at
    once: each batch size timed on its own."""
    card, options = request.card, request.options or RuntimeOptions()
    pipeline = Pipeline(SessionCache(), options)
    feeds, _ = pipeline.prepare(request)
    problem = batch_feeds(card, feeds)
    if problem:
        raise InputError(problem)
    import onnxruntime as ort

    session = pipeline.sessions.get(card, options).session
    one = sum(v.nbytes for v in feeds.values())
    sizes = [n for n in SIZES if n == 1 or n * one <= MAX_BATCH_BYTES]
    run_options = ort.RunOptions()
    token.attach(run_options)  # Stop ends even a long run of a big batch
    points = []
    try:
        for i, n in enumerate(sizes):
            points.append(_time(session, run_options, feeds, n, token))
            progress((i + 1) / len(sizes), None)
    except Exception:
        token.check()  # a cancelled run fails inside onnxruntime: say it was cancelled
        raise
    finally:
        token.detach(run_options)
    return BatchSizes(card.id, tuple(points))


def _time(session: Any, run_options: Any, feeds: dict[str, np.ndarray], n: int, token: CancelToken) -> SizePoint:
    token.check()
    batch = {name: np.repeat(value, n, axis=0) for name, value in feeds.items()}
    session.run(None, batch, run_options)
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        session.run(None, batch, run_options)
        times.append((time.perf_counter() - start) * 1000.0)
    return SizePoint(n, statistics.median(times))
