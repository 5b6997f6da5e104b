"""LongAudio: a recording too long to hold in memory, read from its file a few minutes at a time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from playground.core.errors import InputError
from playground.core.words import translate

BLOCK_S = 64.0  # seconds read at once: a few minutes of samples at most are ever in memory
MAX_LONG_AUDIO_SECONDS = 4 * 3600
READ_SAMPLES = 1 << 18  # samples (frames × channels) per read: bounds the memory of a high-rate or many-channel file
_UNKNOWN_SECONDS = 366 * 24 * 3600  # a header saying a year or more means it does not know (a streamed FLAC: 2**63 - 1)


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
                header_frames(handle)  # a file that does not say its length is read as the stream it is
                if first:
                    handle.seek(min(first, self.frames))
                chunks = mono_blocks(handle, handle.channels, wanted)
                left, ended = wanted, False
                while left > 0 and not ended:  # each block is read a few hundred thousand samples at a time
                    parts, got = [], 0
                    while got < step and not ended:
                        chunk = next(chunks, None)
                        ended = chunk is None
                        if chunk is not None:
                            got, left = got + len(chunk), left - len(chunk)
                            parts.append(resampler.resample_chunk(chunk, last=left <= 0) if resampler else chunk)
                    if resampler is not None and ended and left > 0:  # the file ended before its header said
                        parts.append(resampler.resample_chunk(np.zeros(0, np.float32), last=True))
                    if parts:
                        yield _clean(parts[0] if len(parts) == 1 else np.concatenate(parts))
        except (sf.SoundFileError, RuntimeError, OSError) as exc:
            raise InputError(translate("Media", "{name} could not be read any further ({reason}); it may have been "
                                                "moved, changed or damaged while it was open: open it again.").format(
                name=self.label, reason=exc)) from None

    def read(self, start_s: float, seconds: float) -> np.ndarray:
        """A short stretch (a piece to transcribe, a few minutes to play) as one array."""
        parts = list(self.blocks(start_s, seconds))
        return np.concatenate(parts) if parts else np.zeros(0, np.float32)


def header_frames(handle: Any) -> int | None:
    """The length in frames the file's header gives, or None if it gives none (then the file is read as a stream).

    A FLAC written as a stream says 0 samples, which libsndfile reports as 2**63 - 1 frames; it cannot seek to the
    end of such a file, which soundfile does after every read of a seekable file, so reads must not seek.
    """
    frames = int(handle.frames)
    if 0 <= frames < _UNKNOWN_SECONDS * handle.samplerate:
        return frames
    handle.seekable = lambda: False  # reads then only read; seek() itself still works within the file
    return None


def mono_blocks(handle: Any, channels: int, most: int, first: int = 0) -> Iterator[np.ndarray]:
    """Up to `most` frames from where the handle is, each read mixed down to mono float32 (`first` frames in the
    first read, if given: one read of a whole mono file needs no copy; READ_SAMPLES samples in every other)."""
    step, left = max(1, READ_SAMPLES // channels), most
    while left > 0:
        chunk = handle.read(min(first or step, left), dtype="float32", always_2d=channels > 1)
        if not len(chunk):
            return
        first, left = 0, left - len(chunk)
        yield chunk.mean(axis=1, dtype=np.float32) if channels > 1 else chunk


def _clean(samples: np.ndarray) -> np.ndarray:
    samples = np.asarray(samples, np.float32)
    if not np.isfinite(samples).all():
        samples = np.nan_to_num(samples, nan=0.0, posinf=1.0, neginf=-1.0)
    return np.clip(samples, -1.0, 1.0)
