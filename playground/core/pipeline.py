"""The timed pipeline: decode → preprocess → session.run(s) → postprocess, with cancel and progress."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from playground.core import media
from playground.core.cancel import CancelToken
from playground.core.card import ModelCard
from playground.core.errors import Cancelled, InputError, PlaygroundError
from playground.core.session import LoadedSession, RuntimeOptions, SessionCache
from playground.core.timing import RunRecord, StageClock

Progress = Callable[[float, Any], None]
# Sees every session.run's feeds (the benchmark replays them in a bare onnxruntime loop).
Tap = Callable[[str, dict[str, np.ndarray], "list[str] | None"], None]


@dataclass(frozen=True)
class Outcome:
    result: Any
    record: RunRecord
    decoded: Any  # what the decoder made of the input (ImageData, AudioData, TextData)


class _Runner:
    """Handed to a task's infer(): times each session.run and wires the cancel token into it.

    One RunOptions serves every session.run of the job, attached to the token once, so a loop of
    hundreds of small runs (VAD frames, decoder steps) pays no per-step bookkeeping beyond the clock.
    """

    def __init__(self, card: ModelCard, sessions: dict[str, LoadedSession], clock: StageClock,
                 token: CancelToken, progress: Progress | None, tap: Tap | None = None) -> None:
        import onnxruntime as ort

        self.card, self._sessions, self._clock, self._token = card, sessions, clock, token
        self._progress, self._tap = progress, tap
        self._names = {role: [o.name for o in entry.session.get_outputs()] for role, entry in sessions.items()}
        self.options = ort.RunOptions()
        self._cancelled = token.is_cancelled  # bound once: this is checked before every step

    def run(self, feeds: dict[str, np.ndarray], outputs: list[str] | None = None,
            role: str = "main") -> dict[str, np.ndarray]:
        if self._cancelled():
            raise Cancelled()
        if self._tap is not None:
            self._tap(role, feeds, outputs)
        session = self._sessions[role].session
        start = time.perf_counter_ns()
        try:
            values = session.run(outputs, feeds, self.options)
        except Exception as exc:  # onnxruntime raises plain exceptions; terminate is one of them
            if self._token.cancelled:
                raise Cancelled() from exc
            raise InputError(f"The model could not run on this input ({_first_line(exc)}).") from exc
        self._clock.session_runs_ns.append(time.perf_counter_ns() - start)
        return dict(zip(outputs or self._names[role], values))

    def check(self) -> None:
        self._token.check()

    def report(self, fraction: float, partial: Any = None) -> None:
        if self._progress is not None:
            self._progress(min(max(fraction, 0.0), 1.0), partial)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


class Pipeline:
    """Runs one task on one input and returns the result with its RunRecord.

    Not thread-safe on purpose: the UI runs one job at a time on one worker thread.
    """

    def __init__(self, sessions: SessionCache | None = None, options: RuntimeOptions | None = None) -> None:
        self.sessions = sessions or SessionCache()
        self.options = options or RuntimeOptions()

    def roles(self, card: ModelCard) -> list[str]:
        """Built files that are ONNX graphs get a session each (main first)."""
        return [f.role for f in card.files if f.path.endswith(".onnx")]

    def run(self, card: ModelCard, task: Any, source: Any, params: dict[str, Any] | None = None,
            token: CancelToken | None = None, progress: Progress | None = None,
            tap: Tap | None = None) -> Outcome:
        token = token or CancelToken()
        values = {**card.defaults(), **(params or {})}
        clock = StageClock()
        cpu0, wall0 = time.process_time_ns(), time.perf_counter_ns()

        start = time.perf_counter_ns()
        decoded = media.decode(task.input_kind, source, card)
        clock.add("decode", time.perf_counter_ns() - start)
        token.check()

        load_ns = 0
        load_cpu0 = time.process_time_ns()  # loading is reported on its own, not as the run's CPU
        sessions: dict[str, LoadedSession] = {}
        for role in self.roles(card):
            entry = self.sessions.get(card, self.options, role)
            if not entry.load_reported:
                load_ns += entry.load_ns
                entry.load_reported = True
            sessions[role] = entry
        cpu0 += time.process_time_ns() - load_cpu0
        token.check()

        start = time.perf_counter_ns()
        feeds, ctx = task.preprocess(decoded, card, values)
        clock.add("preprocess", time.perf_counter_ns() - start)

        # "model" is the wall time of the whole inference step, loops and all, so the stages add up to
        # the run; the individual session.run times are kept beside it.
        runner = _Runner(card, sessions, clock, token, progress, tap)
        token.attach(runner.options)
        start = time.perf_counter_ns()
        try:
            outputs = task.infer(runner, feeds, ctx)
        finally:
            clock.add("model", time.perf_counter_ns() - start)
            token.detach(runner.options)
        token.check()

        start = time.perf_counter_ns()
        result = task.postprocess(outputs, ctx, card, values)
        clock.add("postprocess", time.perf_counter_ns() - start)

        main = sessions["main"]
        record = RunRecord(model_id=card.id, run_index=main.runs, stages_ns=dict(clock.stages_ns),
                           session_runs_ns=tuple(clock.session_runs_ns),
                           cpu_ns=time.process_time_ns() - cpu0, load_ns=load_ns,
                           threads=self.options.threads, started_ns=wall0,
                           input_label=getattr(decoded, "label", ""))
        main.runs += 1
        return Outcome(result, record, decoded)


__all__ = ["Outcome", "Pipeline", "PlaygroundError"]
