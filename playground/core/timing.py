"""Run records: the clocks of one run (decode, preprocess, each session.run, postprocess, render)."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any, Callable, TypeVar

from playground.core.words import QT_TRANSLATE_NOOP

T = TypeVar("T")

# The order the stacked latency graph draws and the explainer names them.
STAGES: tuple[str, ...] = ("decode", "preprocess", "model", "postprocess", "render")
# Each stage as the screen and the texts name it: drawing the answer is "draw" to a person.
# What the window calls each stage (marked for translation, core/words.py): "render" is "draw" to a person.
STAGE_WORDS: dict[str, str] = {"decode": QT_TRANSLATE_NOOP("Stages", "decode"),
                               "preprocess": QT_TRANSLATE_NOOP("Stages", "preprocess"),
                               "model": QT_TRANSLATE_NOOP("Stages", "model"),
                               "postprocess": QT_TRANSLATE_NOOP("Stages", "postprocess"),
                               "render": QT_TRANSLATE_NOOP("Stages", "draw")}


@dataclass(frozen=True)
class RunRecord:
    """Every figure the playground shows about one run comes from one of these."""

    model_id: str
    run_index: int  # 0 for the first run on this session: the cold run
    stages_ns: dict[str, int]  # stage name -> ns; "model" is the wall time of inference, loops included
    session_runs_ns: tuple[int, ...]
    cpu_ns: int  # process CPU time (all threads) spent during the run
    load_ns: int  # session load paid by this run; 0 when the session came from the cache
    threads: int
    started_ns: int  # perf_counter_ns at the start, to place runs on a time axis
    input_label: str = ""
    energy_uj: int | None = None  # the processor package's energy during the run, where its counter is readable
    session_runs_let_go: int = 0  # session.run calls whose times were let go of (without_step_times), counted
    session_steps: int = 0  # the model's steps those runs took (a looped graph takes many in one); 0: one a run

    @property
    def session_runs(self) -> int:
        """How many session.run calls the run made, whether or not their times are still kept."""
        return len(self.session_runs_ns) + self.session_runs_let_go

    @property
    def steps(self) -> int:
        """How many of the model's own steps the runs took: Silero's frames, read many to a run by its loop."""
        return self.session_steps or self.session_runs

    @property
    def cold(self) -> bool:
        return self.run_index == 0

    @property
    def total_ns(self) -> int:
        return sum(self.stages_ns.get(s, 0) for s in STAGES)

    def ms(self, stage: str) -> float:
        return self.stages_ns.get(stage, 0) / 1e6

    def with_render(self, render_ns: int) -> "RunRecord":
        """The UI adds its drawing time once the result is on screen."""
        return replace(self, stages_ns={**self.stages_ns, "render": render_ns})

    def without_step_times(self) -> "RunRecord":
        """The record as a long log keeps it: every figure but each session.run's time, of which it keeps the count
        (a chat reply makes a call per token, a long recording's voice detector one per second of it; the session
        log keeps up to 20,000 runs)."""
        return replace(self, session_runs_ns=(), session_runs_let_go=self.session_runs)

    def to_dict(self) -> dict:
        return {"model": self.model_id, "run": self.run_index, "cold": self.cold, "threads": self.threads,
                "load_ms": round(self.load_ns / 1e6, 3), "cpu_ms": round(self.cpu_ns / 1e6, 3),
                "stages_ms": {s: round(self.stages_ns[s] / 1e6, 3) for s in STAGES if s in self.stages_ns},
                "session_runs": self.session_runs, "total_ms": round(self.total_ns / 1e6, 3),
                "energy_mj": None if self.energy_uj is None else round(self.energy_uj / 1e3, 3)}


@dataclass
class StageClock:
    """Collects stage times while a run is in progress (owned by the pipeline, never by a task)."""

    stages_ns: dict[str, int] = field(default_factory=dict)
    session_runs_ns: list[int] = field(default_factory=list)
    session_steps: int = 0
    started_ns: int = field(default_factory=time.perf_counter_ns)

    def add(self, stage: str, ns: int) -> None:
        self.stages_ns[stage] = self.stages_ns.get(stage, 0) + ns

    def timed(self, stage: str, step: Callable[..., T], *args: Any) -> T:
        """Call step(*args) and add its wall time to `stage`, also when it raises."""
        start = time.perf_counter_ns()
        try:
            return step(*args)
        finally:
            self.add(stage, time.perf_counter_ns() - start)


def percentile(values_ms: list[float] | tuple[float, ...], q: float) -> float:
    """Nearest-rank percentile (no interpolation): the value a person could point to in the list."""
    if not 0 <= q <= 100:
        raise ValueError(f"a percentile lies between 0 and 100, not {q}")
    if not values_ms:
        return 0.0
    ordered = sorted(values_ms)
    # Exact arithmetic: in floats 250 × 64.4 / 100 is 161.00000000000003, which would round up a rank.
    rank = max(1, math.ceil(Fraction(str(q)) * len(ordered) / 100))
    return ordered[rank - 1]
