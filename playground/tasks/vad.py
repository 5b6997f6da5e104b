"""Voice activity with Silero VAD: audio in, per-frame speech probability and speech segments out, live."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from playground.core.card import ModelCard
from playground.core.card_schema import PostprocessTable, PreprocessTable, TableProblem, count, number
from playground.core.errors import InputError
from playground.core.media import AudioData
from playground.core.results import SpeechSegments
from playground.core.task import Feeds, Outputs, Runner
from playground.core.words import QT_TRANSLATE_NOOP, translate
from playground.tasks.knobs import param

# Said of a recording without samples, by every task that hears one.
NO_SOUND = QT_TRANSLATE_NOOP("Tasks", "The recording has no sound in it; record or pick a clip a few seconds long.")
# A view gets about this many partial results per clip, however long: enough to fill in smoothly,
# few enough that a 15-minute recording does not flood the screen with updates.
REPORTS_PER_CLIP = 100
MIN_FRAMES_PER_REPORT = 8
# The model's graph loops over the frames it is given, carrying its state inside (zoo/silero.py): one run reads
# this many 32 ms frames, about a second of sound and 4 ms of work. Few Python round trips, the interpreter
# free while onnxruntime works, and a Stop or a partial result never waits long.
FRAMES_PER_RUN = 31


@dataclass(frozen=True, kw_only=True)
class VadPre(PreprocessTable):
    """The card's [preprocess]: mono audio at sample_rate, in frames of `frame` samples after `context` before them."""

    sample_rate: int = count()
    frame: int = count()
    context: int = count()

    def __post_init__(self) -> None:
        # A frame's context is the end of the frame before it (listening, long recordings read block by block).
        if self.context > self.frame:
            raise TableProblem("context", f"({self.context}) must not exceed 'preprocess.frame' ({self.frame})")


@dataclass(frozen=True, kw_only=True)
class VadPost(PostprocessTable):
    """The card's [postprocess]: speech ends where the probability falls this far below the threshold."""

    neg_threshold_offset: float = number(0.15)


@dataclass(frozen=True)
class SegmentRules:
    """The get_speech_timestamps rules, in samples."""

    threshold: float
    neg_threshold: float
    min_speech: int
    min_silence: int
    pad: int
    frame: int
    sample_rate: int


@dataclass(frozen=True, eq=False)
class VadContext:
    samples: np.ndarray  # mono float32 at rules.sample_rate
    rules: SegmentRules


class SegmentTracker:
    """Streams probabilities frame by frame into speech segments (Silero's get_speech_timestamps).

    Speech starts at a frame with p ≥ threshold. A frame with p < neg_threshold marks a tentative end,
    which a later p ≥ threshold cancels; the segment ends there once the silence lasts min_silence.
    Probabilities in between (hysteresis) neither start nor end speech. segments() can be asked at any
    time, so a view can show the segments found so far while the clip is still being read.
    """

    def __init__(self, rules: SegmentRules) -> None:
        self.rules = rules
        self._closed: list[tuple[int, int]] = []
        self._start: int | None = None
        self._temp_end = 0
        self._frames = 0

    def push(self, p: float) -> None:
        r, at = self.rules, self.rules.frame * self._frames
        self._frames += 1
        if p >= r.threshold and self._temp_end:
            self._temp_end = 0
        if p >= r.threshold and self._start is None:
            self._start = at
            return
        if self._start is not None and p < r.neg_threshold:
            if not self._temp_end:
                self._temp_end = at
            if at - self._temp_end >= r.min_silence:
                if self._temp_end - self._start > r.min_speech:
                    self._closed.append((self._start, self._temp_end))
                self._start, self._temp_end = None, 0

    def closed_spans(self) -> list[tuple[int, int]]:
        """(start, end) in samples of the segments already ended by a long enough pause, unpadded."""
        return list(self._closed)

    def spans(self, length: int) -> list[tuple[int, int]]:
        """closed_spans() and the one still open at sample `length`, if it is long enough to count."""
        spans = list(self._closed)
        if self._start is not None and length - self._start > self.rules.min_speech:
            spans.append((self._start, length))
        return spans

    def segments(self, length: int) -> tuple[tuple[float, float], ...]:
        """Segments in seconds for a clip of `length` samples, closing one still open at the end."""
        spans = self.spans(length)
        rate = self.rules.sample_rate
        return tuple((s / rate, e / rate) for s, e in pad(spans, self.rules.pad, length))


def pad(spans: list[tuple[int, int]], amount: int, length: int) -> list[tuple[int, int]]:
    """Widen each span by `amount` on both sides; a gap narrower than two pads is split down the middle."""
    out = [list(s) for s in spans]
    for i, span in enumerate(out):
        if i == 0:
            span[0] = max(0, span[0] - amount)
        if i == len(out) - 1:
            span[1] = min(length, span[1] + amount)
            continue
        gap = out[i + 1][0] - span[1]
        if gap < 2 * amount:
            span[1] += gap // 2
            out[i + 1][0] = max(0, out[i + 1][0] - gap // 2)
        else:
            span[1] = min(length, span[1] + amount)
            out[i + 1][0] = max(0, out[i + 1][0] - amount)
    return [(s, e) for s, e in out]


def rules_for(card: ModelCard, params: dict[str, Any]) -> SegmentRules:
    pre = VadPre.of(card)
    rate = pre.sample_rate
    threshold = float(param(card, params, "threshold"))
    offset = VadPost.of(card).neg_threshold_offset
    return SegmentRules(threshold=threshold, neg_threshold=max(threshold - offset, 0.01),
                        min_speech=int(param(card, params, "min_speech_ms")) * rate // 1000,
                        min_silence=int(param(card, params, "min_silence_ms")) * rate // 1000,
                        pad=int(param(card, params, "pad_ms")) * rate // 1000,
                        frame=pre.frame, sample_rate=rate)


def segments_of(probabilities: np.ndarray, rules: SegmentRules, length: int) -> tuple[tuple[float, float], ...]:
    tracker = SegmentTracker(rules)
    for p in probabilities:
        tracker.push(float(p))
    return tracker.segments(length)


@dataclass(frozen=True)
class VadTask:
    """Runs the model over the 32 ms frames, about a second of them a run, carrying its recurrent state, and
    reports as it goes."""

    input_kind = "audio"
    entry = "file"
    result_type = SpeechSegments
    card_tables = (VadPre, VadPost)

    def preprocess(self, data: AudioData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, VadContext]:
        rules = rules_for(card, params)
        samples = mono_at(data, rules.sample_rate)
        if len(samples) < rules.frame:
            ms = 1000 * len(samples) / rules.sample_rate
            raise InputError(translate("VadTask", "The recording is only {ms} ms long; the detector needs at least "
                                                  "{least} ms (a few seconds work best).").format(
                ms=f"{ms:.0f}", least=f"{1000 * rules.frame / rules.sample_rate:.0f}"))
        context = VadPre.of(card).context
        return {"frames": frames_with_context(samples, rules.frame, context)}, VadContext(samples, rules)

    def infer(self, runner: Runner, feeds: Feeds, ctx: VadContext) -> Outputs:
        frames = feeds["frames"]
        live = _LiveSegments(ctx, len(frames)) if runner.listening else None

        def show(probs: np.ndarray) -> None:
            if live is not None and live.due(len(probs)):
                runner.report(*live.update(probs))

        probs = speech_probabilities(runner, runner.card, frames, ctx.rules.sample_rate, after=show if live else None)
        return {"probabilities": probs}

    def postprocess(self, outputs: Outputs, ctx: VadContext, card: ModelCard,
                    params: dict[str, Any]) -> SpeechSegments:
        probs = outputs["probabilities"]
        return _result(ctx, probs, segments_of(probs, ctx.rules, len(ctx.samples)))


class _LiveSegments:
    """Partial results for a view that is watching: the frames heard so far and the segments in them."""

    def __init__(self, ctx: VadContext, frames: int) -> None:
        self.ctx, self.frames = ctx, frames
        self.every = max(MIN_FRAMES_PER_REPORT, frames // REPORTS_PER_CLIP)
        self.tracker = SegmentTracker(ctx.rules)
        self.pushed = 0

    def due(self, done: int) -> bool:
        """A report once `every` frames more are done than at the last one (the runs end where they end)."""
        return done - self.pushed >= self.every and done < self.frames

    def update(self, probs: np.ndarray) -> tuple[float, SpeechSegments]:
        """(fraction done, partial result); the tracker catches up on the frames since the last report."""
        for p in probs[self.pushed:]:
            self.tracker.push(float(p))
        self.pushed = done = len(probs)
        heard = min(done * self.ctx.rules.frame, len(self.ctx.samples))
        return done / self.frames, _result(self.ctx, np.array(probs, np.float32), self.tracker.segments(heard))


def _result(ctx: VadContext, probs: np.ndarray, segments: tuple[tuple[float, float], ...]) -> SpeechSegments:
    return SpeechSegments(samples=ctx.samples, sample_rate=ctx.rules.sample_rate, probabilities=probs,
                          frame_seconds=ctx.rules.frame / ctx.rules.sample_rate, segments=segments,
                          threshold=ctx.rules.threshold)


def speech_probabilities(runner: Runner, card: ModelCard, frames: np.ndarray, sample_rate: int, role: str = "main",
                         after: Callable[[np.ndarray], object] | None = None,
                         carry: dict[str, np.ndarray] | None = None) -> np.ndarray:
    """The Silero model `card` (as `role` of the runner) over every frame, FRAMES_PER_RUN frames a run.

    Its graph loops over the rows it is given and carries the recurrent state from frame to frame, and out
    to the next run, so the probabilities are those of one run per frame. runner.run checks for cancel
    before each run; `after` hears the probabilities so far after each run. `carry` keeps the state from one
    call to the next, for a recording read block by block.
    """
    audio_in, state_in, rate_in = (i.name for i in card.inputs[:3])
    wanted = [o.name for o in card.outputs[:2]]
    prob_out, state_out = wanted
    state = carry["state"] if carry and "state" in carry else np.zeros(state_shape(card), np.float32)
    rate = np.array(sample_rate, dtype=np.int64)  # the model wants a rank-0 int64
    probs = np.zeros(len(frames), np.float32)
    for start in range(0, len(frames), FRAMES_PER_RUN):
        rows = np.ascontiguousarray(frames[start:start + FRAMES_PER_RUN])  # the frames overlap in one buffer
        out = runner.run({audio_in: rows, state_in: state, rate_in: rate}, wanted, role=role, steps=len(rows))
        state = out[state_out]
        probs[start:start + len(rows)] = out[prob_out].reshape(-1)
        if after is not None:
            after(probs[:start + len(rows)])
    if carry is not None:
        carry["state"] = state
    return probs


def state_shape(card: ModelCard) -> tuple[int, ...]:
    """[2, 1, 128] from the card (a named dimension taken as 1: one stream)."""
    return tuple(d if isinstance(d, int) else 1 for d in card.inputs[1].shape)


def frames_with_context(samples: np.ndarray, frame: int, context: int,
                        before: np.ndarray | None = None) -> np.ndarray:
    """(frames, context + frame): each frame of the zero-padded clip after the last `context` samples before it.

    Silero was trained on this layout: the first frame sees zeros as its context (or `before`, the end of
    the previous block of a recording read block by block). The rows are a view into one padded copy of
    the clip, so a long recording is not held five times over.
    """
    count = -(-len(samples) // frame)
    padded = np.zeros(context + count * frame, np.float32)
    if before is not None:
        padded[:context] = before[-context:]
    padded[context:context + len(samples)] = samples
    return np.lib.stride_tricks.sliding_window_view(padded, context + frame)[::frame]


def mono_at(data: AudioData, rate: int) -> np.ndarray:
    """Mono float32 samples at `rate`, or a sentence saying why the audio cannot be used."""
    samples = np.asarray(data.samples, dtype=np.float32)
    if samples.ndim == 2:  # decoders give mono, but a caller may hand over channels as columns
        samples = samples.mean(axis=1)
    if samples.ndim != 1 or samples.size == 0:
        raise InputError(translate("Tasks", NO_SOUND))
    if data.sample_rate <= 0:
        raise InputError(translate("Tasks", "The recording does not say how fast it was sampled; save it again as WAV "
                                            "and retry."))
    if not np.isfinite(samples).all():
        raise InputError(translate("Tasks", "The recording holds damaged samples (not numbers); save it again and "
                                            "retry."))
    if data.sample_rate != rate:
        import soxr

        samples = soxr.resample(samples, data.sample_rate, rate).astype(np.float32)
    return np.clip(samples, -1.0, 1.0)
