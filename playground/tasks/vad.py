"""Voice activity with Silero VAD: audio in, per-frame speech probability and speech segments out, live."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core.card import ModelCard
from playground.core.errors import InputError
from playground.core.media import AudioData
from playground.core.results import SpeechSegments
from playground.tasks.base import Feeds, Outputs, Runner
from playground.tasks.facts import fact, param, positive_int

# A view gets about this many partial results per clip, however long: enough to fill in smoothly,
# few enough that a 15-minute recording does not flood the screen with updates.
REPORTS_PER_CLIP = 100
MIN_FRAMES_PER_REPORT = 8


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

    def segments(self, length: int) -> tuple[tuple[float, float], ...]:
        """Segments in seconds for a clip of `length` samples, closing one still open at the end."""
        spans = list(self._closed)
        if self._start is not None and length - self._start > self.rules.min_speech:
            spans.append((self._start, length))
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
    rate = positive_int(card, "preprocess", "sample_rate")
    threshold = float(param(card, params, "threshold"))
    offset = float(fact(card, "postprocess", "neg_threshold_offset", (int, float), 0.15))
    return SegmentRules(threshold=threshold, neg_threshold=max(threshold - offset, 0.01),
                        min_speech=int(param(card, params, "min_speech_ms")) * rate // 1000,
                        min_silence=int(param(card, params, "min_silence_ms")) * rate // 1000,
                        pad=int(param(card, params, "pad_ms")) * rate // 1000,
                        frame=positive_int(card, "preprocess", "frame"), sample_rate=rate)


def segments_of(probabilities: np.ndarray, rules: SegmentRules, length: int) -> tuple[tuple[float, float], ...]:
    tracker = SegmentTracker(rules)
    for p in probabilities:
        tracker.push(float(p))
    return tracker.segments(length)


@dataclass(frozen=True)
class VadTask:
    """Runs the model once per 32 ms frame, carrying its recurrent state, and reports as it goes."""

    input_kind = "audio"
    result_type = SpeechSegments

    def preprocess(self, data: AudioData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, VadContext]:
        rules = rules_for(card, params)
        samples = mono_at(data, rules.sample_rate)
        if len(samples) < rules.frame:
            ms = 1000 * len(samples) / rules.sample_rate
            raise InputError(f"The recording is only {ms:.0f} ms long; the detector needs at least "
                             f"{1000 * rules.frame / rules.sample_rate:.0f} ms (a few seconds work best).")
        context = positive_int(card, "preprocess", "context")
        return {"frames": frames_with_context(samples, rules.frame, context)}, VadContext(samples, rules)

    def infer(self, runner: Runner, feeds: Feeds, ctx: VadContext) -> Outputs:
        frames = feeds["frames"]
        names = [i.name for i in runner.card.inputs]  # input, state, sr
        state = np.zeros(_state_shape(runner.card), np.float32)
        rate = np.array(ctx.rules.sample_rate, dtype=np.int64)  # the model wants a rank-0 int64
        out_prob, out_state = (o.name for o in runner.card.outputs[:2])
        probs = np.zeros(len(frames), np.float32)
        tracker = SegmentTracker(ctx.rules)
        every = max(MIN_FRAMES_PER_REPORT, len(frames) // REPORTS_PER_CLIP)
        wanted = [out_prob, out_state]
        # The loop runs ~31 times per second of audio: keep it lean (runner.run checks for cancel itself).
        for i in range(len(frames)):
            out = runner.run({names[0]: frames[i:i + 1], names[1]: state, names[2]: rate}, wanted)
            state = out[out_state]
            p = out[out_prob].item(0)
            probs[i] = p
            tracker.push(p)
            if (i + 1) % every == 0 and i + 1 < len(frames):
                heard = min((i + 1) * ctx.rules.frame, len(ctx.samples))
                runner.report((i + 1) / len(frames), _result(ctx, probs[:i + 1].copy(), tracker.segments(heard)))
        return {"probabilities": probs}

    def postprocess(self, outputs: Outputs, ctx: VadContext, card: ModelCard,
                    params: dict[str, Any]) -> SpeechSegments:
        probs = outputs["probabilities"]
        return _result(ctx, probs, segments_of(probs, ctx.rules, len(ctx.samples)))


def _result(ctx: VadContext, probs: np.ndarray, segments: tuple[tuple[float, float], ...]) -> SpeechSegments:
    return SpeechSegments(samples=ctx.samples, sample_rate=ctx.rules.sample_rate, probabilities=probs,
                          frame_seconds=ctx.rules.frame / ctx.rules.sample_rate, segments=segments,
                          threshold=ctx.rules.threshold)


def _state_shape(card: ModelCard) -> tuple[int, ...]:
    """[2, B, 128] from the card, with the batch dimension fixed to 1."""
    return tuple(d if isinstance(d, int) else 1 for d in card.inputs[1].shape)


def frames_with_context(samples: np.ndarray, frame: int, context: int) -> np.ndarray:
    """(frames, context + frame): each frame of the zero-padded clip after the last `context` samples before it.

    Silero was trained on this layout: the first frame sees zeros as its context. The rows are a view
    into one padded copy of the clip, so a long recording is not held five times over.
    """
    count = -(-len(samples) // frame)
    padded = np.zeros(context + count * frame, np.float32)
    padded[context:context + len(samples)] = samples
    return np.lib.stride_tricks.sliding_window_view(padded, context + frame)[::frame]


def mono_at(data: AudioData, rate: int) -> np.ndarray:
    """Mono float32 samples at `rate`, or a sentence saying why the audio cannot be used."""
    samples = np.asarray(data.samples, dtype=np.float32)
    if samples.ndim == 2:  # decoders give mono, but a caller may hand over channels as columns
        samples = samples.mean(axis=1)
    if samples.ndim != 1 or samples.size == 0:
        raise InputError("The recording has no sound in it; record or pick a clip a few seconds long.")
    if data.sample_rate <= 0:
        raise InputError("The recording does not say how fast it was sampled; save it again as WAV and retry.")
    if not np.isfinite(samples).all():
        raise InputError("The recording holds damaged samples (not numbers); save it again and retry.")
    if data.sample_rate != rate:
        import soxr

        samples = soxr.resample(samples, data.sample_rate, rate).astype(np.float32)
    return np.clip(samples, -1.0, 1.0)
