"""Speech in a recording too long for memory: the detector runs over it block by block, carrying its state,
and draws the waveform on the way; the pieces to transcribe are then read back one at a time."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from playground.core.media.long_audio import LongAudio
from playground.core.task import Runner
from playground.tasks.vad import SegmentTracker, VadPre, frames_with_context, rules_for, speech_probabilities

ENVELOPE_BINS = 3000  # as many columns as the in-memory waveform has


class _Envelope:
    """Minimum and maximum of the waveform per column, gathered block by block."""

    def __init__(self, total: int, rate: int) -> None:
        self.per, self.rate = max(1, -(-total // ENVELOPE_BINS)), rate
        self.low: list[np.ndarray] = []
        self.high: list[np.ndarray] = []
        self.rest = np.zeros(0, np.float32)

    def add(self, samples: np.ndarray, last: bool = False) -> None:
        x = np.concatenate([self.rest, samples])
        whole = len(x) // self.per * self.per
        cols = x[:whole].reshape(-1, self.per)
        self.low.append(cols.min(axis=1, initial=0.0))
        self.high.append(cols.max(axis=1, initial=0.0))
        self.rest = x[whole:]
        if last and len(self.rest):
            self.low.append(self.rest.min(keepdims=True))
            self.high.append(self.rest.max(keepdims=True))
            self.rest = np.zeros(0, np.float32)

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        low, high = np.concatenate(self.low or [np.zeros(0)]), np.concatenate(self.high or [np.zeros(0)])
        return (np.arange(len(low)) + 0.5) * self.per / self.rate, low, high


def speech_in_file(runner: Runner, long: LongAudio, report: Callable[[float], None]
                   ) -> tuple[tuple[tuple[float, float], ...], tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Silero's speech segments (seconds) over the whole file, and its waveform's envelope.

    Blocks are cut at whole frames, and each block's first frame sees the end of the block before as
    its context, so the probabilities are those of one run over the whole recording.
    """
    vad = runner.companions["vad"]
    rules = rules_for(vad, {})
    context = VadPre.of(vad).context
    tracker = SegmentTracker(rules)
    total = int(long.seconds * rules.sample_rate)
    envelope = _Envelope(total, rules.sample_rate)
    carry: dict[str, np.ndarray] = {}
    waiting, before, heard = np.zeros(0, np.float32), None, 0
    blocks = long.blocks()
    while True:
        block = next(blocks, None)
        last = block is None
        x = waiting if last else np.concatenate([waiting, block])
        envelope.add(x[len(waiting):] if not last else np.zeros(0, np.float32), last=last)
        usable = len(x) if last else len(x) // rules.frame * rules.frame
        if usable:
            frames = frames_with_context(x[:usable], rules.frame, context, before)
            for p in speech_probabilities(runner, vad, frames, rules.sample_rate, role="vad", carry=carry):
                tracker.push(float(p))
            before, heard = x[usable - context:usable] if usable >= context else before, heard + usable
        waiting = x[usable:]
        runner.check()
        report(min(1.0, heard / max(total, 1)))
        if last:
            break
    return tracker.segments(heard), envelope.arrays()
