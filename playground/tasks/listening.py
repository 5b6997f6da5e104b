"""Listening live: microphone blocks in; loudness, speech probability and each finished utterance out.

Qt-free, so the same code is tested by feeding a recording block by block. The speech detector runs
here on its own small session (Silero's 32 ms frames with their recurrent state, the frames a block
completes in one run), apart from the pipeline's, so the live meter never waits for a model that is busy
transcribing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from playground.core.card import ModelCard
from playground.core.media.types import MAX_AUDIO_SECONDS
from playground.core.session import RuntimeOptions, SessionCache
from playground.tasks.vad import SegmentRules, SegmentTracker, VadPre, frames_with_context, rules_for, state_shape

RATE = 16_000  # what the microphone is converted to: the rate of the speech models
UTTERANCE_PAUSE_MS = 700  # a pause this long ends an utterance; a breath inside a sentence is shorter
LEAD_S, TAIL_S = 0.5, 0.3  # kept around an utterance: the recogniser finds its own edges inside
SILENT_DB = -90.0


@dataclass
class Heard:
    """What one block of sound changed: its loudness, the newest speech probability, finished utterances."""

    level_db: float = SILENT_DB  # RMS of the block in dB below full scale
    peak: float = 0.0
    probability: float | None = None  # None without a detector or before the first 32 ms frame
    probabilities: list[float] = field(default_factory=list)  # every frame finished in this block
    utterances: list[tuple[float, float]] = field(default_factory=list)  # (start, end) s, widened
    full: bool = False  # the recording reached the longest the playground takes


class StreamingVad:
    """Silero on the frames each block completes, carrying the context samples and recurrent state between blocks."""

    def __init__(self, card: ModelCard) -> None:
        self.card = card
        pre = VadPre.of(card)
        self.frame, self.context = pre.frame, pre.context
        self.session = SessionCache.open(card, RuntimeOptions(threads=1)).session
        self._names = ([i.name for i in card.inputs[:3]], [o.name for o in card.outputs[:2]])
        self._state = np.zeros(state_shape(card), np.float32)
        self._rate = np.array(RATE, dtype=np.int64)
        self._tail = np.zeros(self.context, np.float32)  # the last samples before the next frame
        self._waiting = np.zeros(0, np.float32)  # samples not yet making a whole frame

    def push(self, samples: np.ndarray) -> list[float]:
        """The speech probability of every whole frame these samples complete."""
        (audio_in, state_in, rate_in), outputs = self._names
        buffered = np.concatenate([self._waiting, samples])
        whole = len(buffered) // self.frame * self.frame
        self._waiting = buffered[whole:]
        if not whole:
            return []
        # The model's graph loops over the rows, carrying its state: one run for the whole block.
        rows = np.ascontiguousarray(frames_with_context(buffered[:whole], self.frame, self.context, self._tail))
        p, self._state = self.session.run(outputs, {audio_in: rows, state_in: self._state, rate_in: self._rate})
        self._tail = buffered[whole - self.context:whole].copy()
        return [float(v) for v in p.reshape(-1)]


class Listener:
    """Keeps the recording (up to the playground's longest) and cuts it into utterances as it is heard."""

    def __init__(self, vad_card: ModelCard | None, max_seconds: float = MAX_AUDIO_SECONDS) -> None:
        self.vad = StreamingVad(vad_card) if vad_card is not None else None
        self.rules: SegmentRules | None = None
        if vad_card is not None:
            rules = rules_for(vad_card, {})
            self.rules = SegmentRules(rules.threshold, rules.neg_threshold, rules.min_speech,
                                      UTTERANCE_PAUSE_MS * RATE // 1000, 0, rules.frame, RATE)
        self._tracker = SegmentTracker(self.rules) if self.rules else None
        self._blocks: list[np.ndarray] = []
        self.length = 0  # samples kept so far
        self.limit = int(max_seconds * RATE)
        self._cut = 0  # utterances already handed out

    @property
    def seconds(self) -> float:
        return self.length / RATE

    def samples(self) -> np.ndarray:
        """Everything recorded so far, as one array."""
        if len(self._blocks) > 1:
            self._blocks = [np.concatenate(self._blocks)]
        return self._blocks[0] if self._blocks else np.zeros(0, np.float32)

    def feed(self, block: np.ndarray) -> Heard:
        """A block of mono float32 samples at RATE (any length) from the microphone."""
        block = np.asarray(block, np.float32)[: max(0, self.limit - self.length)]
        heard = Heard(full=self.length + len(block) >= self.limit)
        if not len(block):
            return heard
        self._blocks.append(block)
        self.length += len(block)
        rms = float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))
        heard.level_db = max(SILENT_DB, 20 * np.log10(rms)) if rms > 0 else SILENT_DB
        heard.peak = float(np.abs(block).max())
        if self.vad is not None and self._tracker is not None:
            heard.probabilities = self.vad.push(block)
            for p in heard.probabilities:
                self._tracker.push(p)
            heard.probability = heard.probabilities[-1] if heard.probabilities else None
            heard.utterances = self._new_utterances(final=False)
        return heard

    def finish(self) -> list[tuple[float, float]]:
        """Utterances not handed out yet, an unfinished last one included (the person pressed Stop)."""
        return self._new_utterances(final=True) if self._tracker is not None else []

    def _new_utterances(self, final: bool) -> list[tuple[float, float]]:
        assert self._tracker is not None
        spans = self._tracker.closed_spans() if not final else self._tracker.spans(self.length)
        fresh, self._cut = spans[self._cut:], max(self._cut, len(spans))
        duration = self.seconds
        return [(max(0.0, s / RATE - LEAD_S), min(duration, e / RATE + TAIL_S)) for s, e in fresh]
