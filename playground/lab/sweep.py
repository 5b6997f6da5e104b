"""Sweeps: the same model on the same input under each runtime setting (threads, graph optimisation), timed
the same way, so the best setting for this model on this computer is measured rather than guessed."""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass
from typing import Any, Callable

from playground.core.cancel import CancelToken
from playground.core.pipeline import Pipeline
from playground.core.session import OPT_LEVELS, RuntimeOptions, SessionCache
from playground.core.task import RunRequest
from playground.core.words import QT_TRANSLATE_NOOP, translate

RUNS_PER_SETTING = 5  # after one untimed warm-up run: enough for a median on a noisy machine, quick enough
MAX_THREADS_SWEPT = 8
# Each level's name as the lessons show it (translated under "Sweep" where a sweep is set up).
OPT_NAMES = {"disabled": QT_TRANSLATE_NOOP("Sweep", "no optimisation"),
             "basic": QT_TRANSLATE_NOOP("Sweep", "basic optimisation"),
             "extended": QT_TRANSLATE_NOOP("Sweep", "extended optimisation"),
             "all": QT_TRANSLATE_NOOP("Sweep", "all optimisations")}


@dataclass(frozen=True)
class SweepPoint:
    label: str  # "2 threads", "basic optimisation": in the window's language, as the lessons show it
    options: RuntimeOptions
    runs_ms: tuple[float, ...]  # each timed run's model time

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs_ms)


@dataclass(frozen=True)
class Sweep:
    kind: str  # "threads" or "optimisation"
    model_id: str
    points: tuple[SweepPoint, ...]

    def best(self) -> SweepPoint:
        return min(self.points, key=lambda p: p.median_ms)

    def point(self, options: RuntimeOptions) -> SweepPoint | None:
        return next((p for p in self.points if p.options == options), None)


def thread_settings(current: RuntimeOptions, cores: int | None = None) -> list[tuple[str, RuntimeOptions]]:
    cores = min(cores or os.cpu_count() or 1, MAX_THREADS_SWEPT)
    return [(translate("Sweep", "1 thread") if n == 1 else translate("Sweep", "{count} threads").format(count=n),
             RuntimeOptions(n, current.opt_level)) for n in range(1, cores + 1)]


def optimisation_settings(current: RuntimeOptions) -> list[tuple[str, RuntimeOptions]]:
    return [(translate("Sweep", OPT_NAMES[level]), RuntimeOptions(current.threads, level)) for level in OPT_LEVELS]


def run_sweep(kind: str, settings: list[tuple[str, RuntimeOptions]], request: RunRequest, token: CancelToken,
              progress: Callable[[float, Any], None], runs: int = RUNS_PER_SETTING) -> Sweep:
    """Each setting gets sessions of its own, opened for the sweep and let go after it: the window's own
    session stays as it was, and no setting inherits another's warm caches."""
    points: list[SweepPoint] = []
    for i, (label, options) in enumerate(settings):
        pipeline = Pipeline(SessionCache(), options)
        times = []
        for r in range(runs + 1):  # the first run loads the model and is not counted
            outcome = pipeline.run(request.using(options=options), token)
            if r:
                times.append(outcome.record.ms("model"))
            progress((i + (r + 1) / (runs + 1)) / len(settings), None)
        points.append(SweepPoint(label, options, tuple(times)))
    return Sweep(kind, request.card.id, tuple(points))
