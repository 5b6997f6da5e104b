"""The unit of work and the task contract: a RunRequest names the model, its task, the input and the knobs;
a task does preprocess → infer → postprocess, with a runner that the pipeline times."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import numpy as np

from playground.core.card import ModelCard
from playground.core.card_schema import CardTable
from playground.core.session import RuntimeOptions

Feeds = dict[str, np.ndarray]
Outputs = dict[str, np.ndarray]


class Runner(Protocol):
    """What a task may do while inferring. The pipeline implements it and owns every clock."""

    card: ModelCard
    listening: bool  # someone receives report(): without a listener, tasks skip building partial results
    companions: dict[str, ModelCard]  # other models the card names under [companions], by role

    def run(self, feeds: Feeds, outputs: list[str] | None = None, role: str = "main", steps: int = 1) -> Outputs:
        """One timed session.run; raises Cancelled if the run was cancelled. Returns output name -> array.

        `steps`: how many of the model's own steps the run takes, where a graph loops inside (Silero's frames),
        so the figures can say the time per step as well as per run."""

    def cache(self, capacity: int, role: str = "main") -> Any:
        """A decoder's key/value cache of `capacity` tokens, kept in place (core.kv_cache.SharedCache)."""

    def run_cached(self, cache: Any, ids: np.ndarray, role: str = "main") -> np.ndarray:
        """One timed decoder step on the next tokens [1, n] through `cache`; returns the last logits."""

    @property
    def run_times_ns(self) -> tuple[int, ...]:
        """The session.run times of this job so far, from the pipeline's clock."""

    def elapsed_ns(self) -> int:
        """Time since the run began, from the pipeline's clock."""

    def check(self) -> None:
        """Raise Cancelled if the run was cancelled: call between steps of a loop."""

    def report(self, fraction: float, partial: Any = None) -> None:
        """Progress in [0, 1], optionally with a partial result the view may show already."""


class Task(Protocol):
    """One kind of work (cut-out, faces, VAD ...). Tasks never time themselves."""

    # Read-only class attributes, declared as properties so that a task may narrow them (type[Labels] for type).
    @property
    def input_kind(self) -> str:
        """"image" | "audio" | "text": which decoder the pipeline runs first."""

    @property
    def entry(self) -> str:
        """How a person gives it: "file" (open, drop, paste, a sample), "drawing" (a pad), "message" (Send)."""

    @property
    def result_type(self) -> type:
        """The type from playground.core.results that postprocess returns."""

    @property
    def card_tables(self) -> tuple[type[CardTable], ...]:
        """The dataclasses of the [preprocess]/[postprocess] tables it reads, checked when a card loads."""

    def preprocess(self, data: Any, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, Any]:
        """Decoded input -> model feeds and a context for postprocess (scale, original size ...)."""

    def infer(self, runner: Runner, feeds: Feeds, ctx: Any) -> Outputs:
        """Default is one run; loops (frames, tokens, crops) call runner.check() between steps."""

    def postprocess(self, outputs: Outputs, ctx: Any, card: ModelCard, params: dict[str, Any]) -> Any:
        """Model outputs -> a result type from playground.core.results."""


@dataclass(frozen=True)
class RunRequest:
    """One unit of work, fixed when it is asked for: a knob turned while it runs changes the next request,
    not this one. A lesson's measurement runs the same request again, or with another model or options."""

    card: ModelCard
    task: Task
    source: Any  # a path, pixels, text or a recording: whatever media.decode reads for task.input_kind
    params: Mapping[str, Any] = field(default_factory=dict)  # the card's knobs; unset ones take its defaults
    options: RuntimeOptions | None = None  # threads and optimisation level; None: the pipeline's own

    def using(self, card: ModelCard | None = None, options: RuntimeOptions | None = None) -> "RunRequest":
        """The same input and knobs for another model (an int8 twin) or other runtime options (a sweep)."""
        return replace(self, card=card or self.card, options=options or self.options)


class SingleRunTask:
    """Base for tasks whose inference is a single session.run of every output."""

    def infer(self, runner: Runner, feeds: Feeds, ctx: Any) -> Outputs:
        return runner.run(feeds)

