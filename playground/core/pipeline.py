"""The timed pipeline: decode → preprocess → session.run(s) → postprocess, with cancel and progress."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from playground.core import media
from playground.core.cancel import CancelToken
from playground.core.card import ModelCard, parse_card
from playground.core.energy import EnergyCounter
from playground.core.errors import Cancelled, InputError, ModelMissingError
from playground.core.kv_cache import SharedCache
from playground.core.session import LoadedSession, RuntimeOptions, SessionCache, first_line
from playground.core.task import RunRequest
from playground.core.timing import RunRecord, StageClock
from playground.core.words import translate

Progress = Callable[[float, Any], None]
# Sees every session.run's feeds (the benchmark replays them in a bare onnxruntime loop). The dict and
# its arrays belong to the task: copy what you keep.
Tap = Callable[[str, dict[str, np.ndarray], "list[str] | None"], None]


@dataclass(frozen=True)
class Outcome:
    result: Any
    record: RunRecord
    decoded: Any  # what the decoder made of the input (ImageData, AudioData, TextData)
    raw: dict[str, np.ndarray] | None = None  # what infer() gave postprocess, when asked for (keep_raw)


class _Runner:
    """Handed to a task's infer(): times each session.run and wires the cancel token into it.

    One RunOptions serves every session.run of the job, attached to the token once, so a loop of
    hundreds of small runs (VAD frames, decoder steps) pays no per-step bookkeeping beyond the clock.
    """

    def __init__(self, card: ModelCard, sessions: dict[str, LoadedSession], clock: StageClock,
                 token: CancelToken, progress: Progress | None, tap: Tap | None = None) -> None:
        import onnxruntime as ort

        self.card, self._token, self._progress, self._tap = card, token, progress, tap
        self._sessions = {role: entry.session for role, entry in sessions.items()}
        self._names = {role: list(entry.output_names) for role, entry in sessions.items()}
        self._clock, self._times = clock, clock.session_runs_ns
        self.options = ort.RunOptions()
        # A Stop terminates the run on purpose; onnxruntime would log that as an error on the terminal.
        self.options.log_severity_level = 4
        self.listening = progress is not None
        self.companions: dict[str, ModelCard] = {}  # role -> card of another model the task may run
        self._started_ns = clock.started_ns

    def run(self, feeds: dict[str, np.ndarray], outputs: list[str] | None = None,
            role: str = "main", steps: int = 1) -> dict[str, np.ndarray]:
        if self._token.cancelled:
            raise Cancelled()
        if self._tap is not None:
            self._tap(role, feeds, outputs)
        session = self._sessions[role]
        start = time.perf_counter_ns()
        try:
            values = session.run(outputs, feeds, self.options)
        except Exception as exc:  # onnxruntime raises plain exceptions; terminate is one of them
            if self._token.cancelled:
                raise Cancelled() from exc
            raise InputError(translate("Pipeline", "The model could not run on this input ({reason}).").format(
                reason=first_line(exc))) from exc
        self._times.append(time.perf_counter_ns() - start)
        self._clock.session_steps += steps
        return dict(zip(outputs or self._names[role], values))

    def cache(self, capacity: int, role: str = "main") -> SharedCache:
        """A key/value cache of `capacity` tokens for run_cached, bound in place to the role's session."""
        return SharedCache(self._sessions[role], capacity)

    def run_cached(self, cache: SharedCache, ids: np.ndarray, role: str = "main") -> np.ndarray:
        """One timed decoder step on the next tokens [1, n]: appends them to the cache, returns the logits."""
        if self._token.cancelled:
            raise Cancelled()
        feeds = cache.feed(ids)
        if self._tap is not None:
            self._tap(role, feeds, None)  # no past_* feeds: a replay binds a cache of its own
        start = time.perf_counter_ns()
        try:
            self._sessions[role].run_with_iobinding(cache.binding, self.options)
        except Exception as exc:
            if self._token.cancelled:
                raise Cancelled() from exc
            raise InputError(translate("Pipeline", "The model could not run on this input ({reason}).").format(
                reason=first_line(exc))) from exc
        self._times.append(time.perf_counter_ns() - start)
        self._clock.session_steps += 1
        return cache.advance(ids.shape[1])

    @property
    def run_times_ns(self) -> tuple[int, ...]:
        """Each session.run of this job so far, as the pipeline timed them (for figures shown while it runs)."""
        return tuple(self._times)

    def elapsed_ns(self) -> int:
        """Time since this run began, decoding of the input included (time to first token, for instance)."""
        return time.perf_counter_ns() - self._started_ns

    def check(self) -> None:
        self._token.check()

    def report(self, fraction: float, partial: Any = None) -> None:
        if self._progress is not None:
            self._progress(min(max(fraction, 0.0), 1.0), partial)


class Pipeline:
    """Runs one task on one input and returns the result with its RunRecord.

    Not thread-safe on purpose: the UI runs one job at a time on one worker thread.
    """

    def __init__(self, sessions: SessionCache | None = None, options: RuntimeOptions | None = None,
                 energy: EnergyCounter | None = None, cards: Mapping[str, ModelCard] | None = None) -> None:
        self.sessions = sessions or SessionCache()
        self.options = options or RuntimeOptions()
        self.energy = energy if energy is not None else EnergyCounter.open()
        self.cards = cards or {}  # the catalog's cards by id: a companion is looked up, not read again

    def roles(self, card: ModelCard) -> list[str]:
        """Built files that are ONNX graphs get a session each (main first)."""
        return [f.role for f in card.files if f.path.endswith(".onnx")]

    def companions(self, card: ModelCard) -> dict[str, ModelCard]:
        """The cards of the other models this card's task runs: the catalog's, or (a pipeline made without
        one, as the command line's) read from the folder beside the card's own."""
        found = {}
        for role, model_id in card.companions.items():
            if model_id in self.cards:
                found[role] = self.cards[model_id]
                continue
            path = card.folder.parent / model_id / "model.toml"
            if not path.is_file():
                said = translate("Pipeline", "{name} also needs the model '{other}', which this playground does not "
                                             "have; reinstall the playground.")
                raise ModelMissingError(said.format(name=card.name, other=model_id))
            found[role] = parse_card(path)
        return found

    def use(self, options: RuntimeOptions) -> None:
        """Run with these options from now on; sessions opened with others are let go, not left to linger."""
        if options != self.options:
            self.sessions.evict()
            self.options = options

    def prepare(self, request: RunRequest) -> tuple[dict[str, np.ndarray], Any]:
        """The request's input decoded and preprocessed as a run would, untimed: what the model is fed, and the
        task's context (batch sizes feed the same input to a session many times over)."""
        card = request.card
        decoded = media.decode(request.task.input_kind, request.source, card)
        return request.task.preprocess(decoded, card, {**card.defaults(), **dict(request.params)})

    def run(self, request: RunRequest, token: CancelToken | None = None, progress: Progress | None = None,
            tap: Tap | None = None, keep_raw: bool = False) -> Outcome:
        """One run of the request's task on its input; keep_raw keeps the model's raw outputs (for showing
        post-processing: off by default, as an upscaled picture's raw output alone is 50 MB)."""
        if request.options is not None:
            self.use(request.options)
        card, task, source = request.card, request.task, request.source
        token = token or CancelToken()
        values = {**card.defaults(), **dict(request.params)}
        clock = StageClock()
        cpu0, wall0 = time.process_time_ns(), clock.started_ns
        energy0 = self.energy.read_uj() if self.energy is not None else None

        decoded = clock.timed("decode", media.decode, task.input_kind, source, card)
        token.check()
        load_cpu0 = time.process_time_ns()
        sessions = {role: self.sessions.get(card, self.options, role) for role in self.roles(card)}
        companions = self.companions(card)
        sessions.update({role: self.sessions.get(other, self.options) for role, other in companions.items()})
        cpu0 += time.process_time_ns() - load_cpu0  # loading is reported on its own, not as the run's CPU
        token.check()

        feeds, ctx = clock.timed("preprocess", task.preprocess, decoded, card, values)
        runner = _Runner(card, sessions, clock, token, progress, tap)
        runner.companions = companions
        token.attach(runner.options)
        try:
            # "model" is the wall time of the whole inference step, loops and all, so the stages add up
            # to the run; the individual session.run times are kept beside it.
            outputs = clock.timed("model", task.infer, runner, feeds, ctx)
        finally:
            token.detach(runner.options)
        token.check()
        result = clock.timed("postprocess", task.postprocess, outputs, ctx, card, values)
        cpu_ns = time.process_time_ns() - cpu0
        energy_uj = self.energy.since(energy0) if self.energy is not None and energy0 is not None else None
        return Outcome(result, self._record(card, sessions, clock, cpu_ns, wall0, decoded, energy_uj), decoded,
                       outputs if keep_raw else None)

    def _record(self, card: ModelCard, sessions: dict[str, LoadedSession], clock: StageClock, cpu_ns: int,
                started_ns: int, decoded: Any, energy_uj: int | None = None) -> RunRecord:
        """The finished run's record; only now do the sessions count it (a failed run leaves them cold)."""
        main = sessions["main"]
        load_ns = sum(entry.load_ns for entry in sessions.values() if not entry.load_reported)
        record = RunRecord(model_id=card.id, run_index=main.runs, stages_ns=dict(clock.stages_ns),
                           session_runs_ns=tuple(clock.session_runs_ns), session_steps=clock.session_steps,
                           cpu_ns=cpu_ns, load_ns=load_ns,
                           threads=self.options.threads, started_ns=started_ns,
                           input_label=getattr(decoded, "label", ""), energy_uj=energy_uj)
        for entry in sessions.values():
            entry.load_reported = True
        main.runs += 1
        return record
