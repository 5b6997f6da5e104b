"""Audio decoding: any file libsndfile reads to mono float32 at the card's rate, with plain-sentence errors."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from playground.core.errors import InputError
from playground.core.media.long_audio import MAX_LONG_AUDIO_SECONDS, LongAudio
from playground.core.media.source import RawInput, damaged, not_readable
from playground.core.media.types import IN_MEMORY_SECONDS, MAX_AUDIO_SECONDS, AudioData, readonly

_AUDIO_BLOCK = 1 << 18  # frames per read: bounds the memory a many-channel file needs before mixing down


def _target_rate(card: Any) -> int | None:
    rate = (getattr(card, "preprocess", None) or {}).get("sample_rate")
    return int(rate) if isinstance(rate, (int, float)) and not isinstance(rate, bool) and rate > 0 else None


def _duration(seconds: float) -> str:
    hours, rest = divmod(int(round(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours} h"] * bool(hours) + [f"{minutes} min"] * bool(minutes)
    return " ".join(parts + [f"{secs} s"] * bool(secs or not parts))


def _too_long(subject: str, seconds: float | None) -> InputError:
    length = f"{_duration(seconds)} long" if seconds is not None else "too long"
    return InputError(f"{subject} is {length}; the playground takes recordings up to "
                      f"{_duration(MAX_AUDIO_SECONDS)}: trim it or choose a shorter one.")


def _streams(card: Any) -> bool:
    """Whether the card's task reads long recordings from their file, a few minutes at a time."""
    return bool((getattr(card, "preprocess", None) or {}).get("long_audio"))


def decode_audio(raw: RawInput, card: Any) -> AudioData | LongAudio:
    import soundfile as sf

    try:
        handle = sf.SoundFile(str(raw.path) if raw.path is not None else io.BytesIO(raw.data))  # type: ignore[arg-type]
    except (sf.SoundFileError, RuntimeError, TypeError, ValueError, OSError):
        raise not_readable(raw, "audio", ("recording", "OGG")) from None
    with handle:
        rate, channels, frames = handle.samplerate, handle.channels, handle.frames
        limit = MAX_AUDIO_SECONDS * rate
        if raw.path is not None and _streams(card) and frames > IN_MEMORY_SECONDS * rate:
            return _long(raw, raw.path, card, rate, channels, frames)
        if frames > limit:  # known from the header: refuse before reading a single sample
            raise _too_long(raw.subject, frames / rate)
        try:
            samples = _read_mono(handle, channels, limit, frames)
        except (sf.SoundFileError, RuntimeError, ValueError) as exc:
            raise damaged(raw.subject) from exc
    if samples is None:
        raise _too_long(raw.subject, None)
    if not samples.size:
        raise InputError(f"{raw.subject} has no sound in it (0 samples): choose a recording that has sound.")
    notes = [f"{'stereo' if channels == 2 else f'{channels}-channel'} recording mixed down to mono"] \
        if channels > 1 else []
    return _finish(samples, rate, channels, raw.label, notes, card)


def _long(raw: RawInput, path: Path, card: Any, rate: int, channels: int, frames: int) -> LongAudio:
    """A recording longer than a few minutes, for a task that reads it piece by piece from its file."""
    if frames > MAX_LONG_AUDIO_SECONDS * rate:
        raise InputError(f"{raw.subject} is {_duration(frames / rate)} long; this model takes recordings up to "
                         f"{_duration(MAX_LONG_AUDIO_SECONDS)}: trim it or choose a shorter one.")
    target = _target_rate(card) or rate
    notes = [f"{'stereo' if channels == 2 else f'{channels}-channel'} recording mixed down to mono"] * (channels > 1)
    notes += [f"resampled from {rate / 1000:g} kHz to {target / 1000:g} kHz"] * (target != rate)
    notes.append("read from the file a minute at a time")
    return LongAudio(path, target, raw.label, rate, channels, frames, tuple(notes))


def _read_mono(handle: Any, channels: int, limit: int, frames: int) -> np.ndarray | None:
    """Read at most limit+1 frames (None if there were more), mixing each block down to mono float32.

    libsndfile turns integer formats into float32 in [-1, 1). Headers may understate the length (MP3),
    so the limit is checked on what is actually read, not only on the header.
    """
    block = frames + 1 if channels == 1 and 0 < frames <= limit else _AUDIO_BLOCK
    blocks: list[np.ndarray] = []
    got = 0
    while got <= limit:
        chunk = handle.read(min(block, limit + 1 - got), dtype="float32", always_2d=channels > 1)
        if not len(chunk):
            break
        blocks.append(chunk.mean(axis=1, dtype=np.float32) if channels > 1 else chunk)
        got += len(chunk)
    if got > limit:
        return None
    if not blocks:
        return np.zeros(0, dtype=np.float32)
    return blocks[0] if len(blocks) == 1 else np.concatenate(blocks)


def _finish(samples: np.ndarray, rate: int, channels: int, label: str, notes: list[str], card: Any) -> AudioData:
    """Clean values, resample to the card's rate (soxr, high quality) and keep everything in [-1, 1]."""
    if not np.isfinite(samples).all():
        samples = np.nan_to_num(samples, nan=0.0, posinf=1.0, neginf=-1.0)
        notes.append("some samples were not numbers and were replaced by silence")
    loud = max(float(samples.max()), -float(samples.min())) > 1.0
    target = _target_rate(card) or rate
    if target != rate:
        import soxr

        samples = soxr.resample(np.ascontiguousarray(samples), rate, target, quality="HQ")
        notes.append(f"resampled from {rate / 1000:g} kHz to {target / 1000:g} kHz")
    if loud:
        notes.append("the recording is louder than full scale; its peaks were clipped")
    if loud or target != rate:  # resampling rings a little past ±1 near full-scale peaks
        samples = np.clip(samples, -1.0, 1.0, out=samples if samples.flags.writeable else None)
    return AudioData(readonly(samples.astype(np.float32, copy=False)), target, label, rate, channels, tuple(notes))


def audio_for_card(data: AudioData, card: Any) -> AudioData:
    """A recording made elsewhere (the microphone) at another rate than the model's is resampled."""
    target = _target_rate(card)
    if target is None or target == data.sample_rate:
        return data
    resampled = _finish(np.asarray(data.samples, dtype=np.float32), data.sample_rate, data.channels,
                        data.label, list(data.notes), card)
    return replace(resampled, original_rate=data.original_rate or data.sample_rate)
