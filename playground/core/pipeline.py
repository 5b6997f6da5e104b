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


@dataclass(frozen=True)
class Outcome:
    result: Any
    record: RunRecord
    decoded: Any  # what the decoder made of the input (ImageData, AudioData, TextData)


class _Runner:
    """Handed to a task's infer(): times each session.run and wires the cancel token into it."""

    def __init__(self, card: ModelCard, sessions: dict[str, LoadedSession], clock: StageClock,
                 token: CancelToken, progress: Progress | None) -> None:
        self.card, self._sessions, self._clock, self._token, self._progress = card, sessions, clock, token, progress
        self._run_options: Any = None

    def run(self, feeds: dict[str, np.ndarray], outputs: list[str] | None = None,
            role: str = "main") -> dict[str, np.ndarray]:
        import onnxruntime as ort

        self._token.check()
        session = self._sessions[role].session
        options = ort.RunOptions()
        self._token.attach(options)
        start = time.perf_counter_ns()
        try:
            values = session.run(outputs, feeds, options)
        except Exception as exc:  # onnxruntime raises plain exceptions; terminate is one of them
            if self._token.cancelled:
                raise Cancelled() from exc
            raise InputError(f"The model could not run on this input ({_first_line(exc)}).") from exc
        finally:
            elapsed = time.perf_counter_ns() - start
            self._token.detach(options)
        self._clock.session_runs_ns.append(elapsed)
        self._clock.add("model", elapsed)
        names = outputs or [o.name for o in session.get_outputs()]
        return dict(zip(names, values))

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
            token: CancelToken | None = None, progress: Progress | None = None) -> Outcome:
        token = token or CancelToken()
        values = {**card.defaults(), **(params or {})}
        clock = StageClock()
        cpu0, wall0 = time.process_time_ns(), time.perf_counter_ns()

        start = time.perf_counter_ns()
        decoded = media.decode(task.input_kind, source, card)
        clock.add("decode", time.perf_counter_ns() - start)
        token.check()

        load_ns = 0
        sessions: dict[str, LoadedSession] = {}
        for role in self.roles(card):
            entry = self.sessions.get(card, self.options, role)
            if not entry.load_reported:
                load_ns += entry.load_ns
                entry.load_reported = True
            sessions[role] = entry
        token.check()

        start = time.perf_counter_ns()
        feeds, ctx = task.preprocess(decoded, card, values)
        clock.add("preprocess", time.perf_counter_ns() - start)

        runner = _Runner(card, sessions, clock, token, progress)
        outputs = task.infer(runner, feeds, ctx)
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
