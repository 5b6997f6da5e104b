"""LongAudio: a recording too long to hold in memory, read from its file a few minutes at a time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from playground.core.errors import InputError

BLOCK_S = 64.0  # seconds read at once: a few minutes of samples at most are ever in memory
MAX_LONG_AUDIO_SECONDS = 4 * 3600


@dataclass(frozen=True, eq=False)
class LongAudio:
    """Where the recording is and how to read it; blocks() and read() give mono float32 at sample_rate."""

    path: Path
    sample_rate: int  # the rate blocks come out at (the model's)
    label: str
    original_rate: int
    channels: int
    frames: int  # at the original rate, as the file's header says
    notes: tuple[str, ...] = ()

    @property
    def seconds(self) -> float:
        return self.frames / self.original_rate if self.original_rate else 0.0

    def blocks(self, start_s: float = 0.0, seconds: float | None = None,
               block_s: float = BLOCK_S) -> Iterator[np.ndarray]:
        """The recording from start_s (for `seconds`, or to the end) in blocks of about block_s seconds."""
        import soundfile as sf
        import soxr

        first = max(0, int(round(start_s * self.original_rate)))
        wanted = self.frames - first if seconds is None else int(round(seconds * self.original_rate))
        step = max(1, int(block_s * self.original_rate))
        resampler = (soxr.ResampleStream(self.original_rate, self.sample_rate, 1, dtype="float32", quality="HQ")
                     if self.original_rate != self.sample_rate else None)
        try:
            with sf.SoundFile(str(self.path)) as handle:
                if first:
                    handle.seek(min(first, handle.frames))
                left = wanted
                while left > 0:
                    chunk = handle.read(min(step, left), dtype="float32", always_2d=True)
                    if not len(chunk):
                        break
                    left -= len(chunk)
                    mono = chunk.mean(axis=1, dtype=np.float32) if chunk.shape[1] > 1 else chunk[:, 0]
                    last = left <= 0
                    out = resampler.resample_chunk(mono, last=last) if resampler is not None else mono
                    yield _clean(out)
                if resampler is not None and left > 0:  # the file ended before its header said it would
                    yield _clean(resampler.resample_chunk(np.zeros(0, np.float32), last=True))
        except (sf.SoundFileError, RuntimeError, OSError) as exc:
            raise InputError(f"{self.label} could not be read any further ({exc}); it may have been moved, "
                             "changed or damaged while it was open: open it again.") from None

    def read(self, start_s: float, seconds: float) -> np.ndarray:
        """A short stretch (a piece to transcribe, a few minutes to play) as one array."""
        parts = list(self.blocks(start_s, seconds))
        return np.concatenate(parts) if parts else np.zeros(0, np.float32)


def _clean(samples: np.ndarray) -> np.ndarray:
    samples = np.asarray(samples, np.float32)
    if not np.isfinite(samples).all():
        samples = np.nan_to_num(samples, nan=0.0, posinf=1.0, neginf=-1.0)
    return np.clip(samples, -1.0, 1.0)
