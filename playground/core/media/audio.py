"""Audio decoding: any file libsndfile reads to mono float32 at the card's rate, with plain-sentence errors."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from playground.core import readable
from playground.core.errors import InputError
from playground.core.media.long_audio import MAX_LONG_AUDIO_SECONDS, LongAudio, header_frames, mono_blocks
from playground.core.media.source import RawInput, damaged, looks_like, not_readable
from playground.core.media.types import IN_MEMORY_SECONDS, MAX_AUDIO_SECONDS, AudioData, readonly
from playground.core.words import translate


def _target_rate(card: Any) -> int | None:
    rate = (getattr(card, "preprocess", None) or {}).get("sample_rate")
    return int(rate) if isinstance(rate, (int, float)) and not isinstance(rate, bool) and rate > 0 else None


def _duration(seconds: float) -> str:
    hours, rest = divmod(int(round(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours} h"] * bool(hours) + [f"{minutes} min"] * bool(minutes)
    return " ".join(parts + [f"{secs} s"] * bool(secs or not parts))


def _too_long(subject: str, seconds: float | None, most: int = 0, model: bool = False) -> InputError:
    """Too long for the playground, or (`model`) for a model that reads long recordings from their file."""
    most_said = _duration(most or MAX_AUDIO_SECONDS)
    if model:
        sentence = (translate("Media", "{subject} is too long; this model takes recordings up to {most}: trim it "
                                       "or choose a shorter one.") if seconds is None else
                    translate("Media", "{subject} is {length} long; this model takes recordings up to {most}: trim "
                                       "it or choose a shorter one."))
    else:
        sentence = (translate("Media", "{subject} is too long; the playground takes recordings up to {most}: trim "
                                       "it or choose a shorter one.") if seconds is None else
                    translate("Media", "{subject} is {length} long; the playground takes recordings up to {most}: "
                                       "trim it or choose a shorter one."))
    length = _duration(seconds) if seconds is not None else ""
    return InputError(sentence.format(subject=subject, length=length, most=most_said))


def _mixed_down(channels: int) -> str:
    if channels == 2:
        return translate("Media", "stereo recording mixed down to mono")
    return translate("Media", "{channels}-channel recording mixed down to mono").format(channels=channels)


def _resampled(rate: int, target: int) -> str:
    return translate("Media", "resampled from {rate} kHz to {target} kHz").format(
        rate=readable.local(f"{rate / 1000:g}"), target=readable.local(f"{target / 1000:g}"))


_AUDIO_WORDS = ("recording", "OGG")  # what looks_like calls the files a recording may be


def _streams(card: Any) -> bool:
    """Whether the card's task reads long recordings from their file, a few minutes at a time."""
    return bool((getattr(card, "preprocess", None) or {}).get("long_audio"))


def decode_audio(raw: RawInput, card: Any) -> AudioData | LongAudio:
    import soundfile as sf

    seems = looks_like(raw.head())
    if seems and not any(word in seems for word in _AUDIO_WORDS):
        # Text or a picture never reaches the decoders: the MP3 one prints its complaints to the terminal.
        raise not_readable(raw, "audio", _AUDIO_WORDS)
    try:
        handle = sf.SoundFile(str(raw.path) if raw.path is not None else io.BytesIO(raw.data))  # type: ignore[arg-type]
    except (sf.SoundFileError, RuntimeError, TypeError, ValueError, OSError):
        raise not_readable(raw, "audio", _AUDIO_WORDS) from None
    with handle:
        rate, channels, frames = handle.samplerate, handle.channels, header_frames(handle)
        limit, target = MAX_AUDIO_SECONDS * rate, _target_rate(card) or rate
        streams = raw.path is not None and _streams(card)
        try:
            if frames is None and streams:  # whether it is read from its file depends on its length: count it
                frames = _count(handle, channels, MAX_LONG_AUDIO_SECONDS * rate)
        except (sf.SoundFileError, RuntimeError, ValueError) as exc:
            raise damaged(raw.subject) from exc
        if frames is None and streams:
            raise _too_long(raw.subject, None, MAX_LONG_AUDIO_SECONDS, model=True)
        if raw.path is not None and streams and frames is not None and frames > IN_MEMORY_SECONDS * rate:
            return _long(raw, raw.path, card, rate, channels, frames)
        if frames is not None and frames > limit:  # known from the header: refuse before reading a single sample
            raise _too_long(raw.subject, frames / rate)
        down = _Down(rate, target) if target < rate else None  # memory follows the card's rate, not the file's
        try:
            read = _read_mono(handle, channels, limit, frames, down)
        except (sf.SoundFileError, RuntimeError, ValueError) as exc:
            raise damaged(raw.subject) from exc
    if read is None:
        raise _too_long(raw.subject, None)
    samples, got = read
    if not got:
        raise InputError(translate("Media", "{subject} has no sound in it (0 samples): choose a recording that has "
                                            "sound.").format(subject=raw.subject))
    notes = [_mixed_down(channels)] if channels > 1 else []
    return _finish(samples, rate, channels, raw.label, notes, card, down)


def _long(raw: RawInput, path: Path, card: Any, rate: int, channels: int, frames: int) -> LongAudio:
    """A recording longer than a few minutes, for a task that reads it piece by piece from its file."""
    if frames > MAX_LONG_AUDIO_SECONDS * rate:
        raise _too_long(raw.subject, frames / rate, MAX_LONG_AUDIO_SECONDS, model=True)
    target = _target_rate(card) or rate
    notes = [_mixed_down(channels)] * (channels > 1)
    notes += [_resampled(rate, target)] * (target != rate)
    notes.append(translate("Media", "read from the file a minute at a time"))
    return LongAudio(path, target, raw.label, rate, channels, frames, tuple(notes))


def _count(handle: Any, channels: int, limit: int) -> int | None:
    """The length of a file whose header does not give it, counted by reading at most limit+1 frames (None if
    there were more); the handle is back at the start after."""
    got = sum(len(chunk) for chunk in mono_blocks(handle, channels, limit + 1))
    handle.seek(0)
    return got if got <= limit else None


class _Down:
    """Cleans each block as it is read and resamples it to the card's lower rate (a soxr stream, which gives the
    same samples as resampling the whole), so a high-rate file is never held whole at its own rate."""

    def __init__(self, rate: int, target: int) -> None:
        import soxr

        self.stream = soxr.ResampleStream(rate, target, 1, dtype="float32", quality="HQ")
        self.broken = self.loud = False

    def __call__(self, block: np.ndarray) -> np.ndarray:
        block, broken, loud = _checked(block)
        self.broken, self.loud = self.broken or broken, self.loud or loud
        return self.stream.resample_chunk(block)

    def end(self) -> np.ndarray:
        return self.stream.resample_chunk(np.zeros(0, np.float32), last=True)


def _read_mono(handle: Any, channels: int, limit: int, frames: int | None,
               down: _Down | None) -> tuple[np.ndarray, int] | None:
    """The samples and how many frames were read: at most limit+1 (None if there were more), each block mixed down
    to mono float32 and, with `down`, resampled as it is read.

    libsndfile turns integer formats into float32 in [-1, 1). Headers may understate the length (MP3) or not
    give it (a streamed FLAC), so the limit is checked on what is actually read, not only on the header.
    """
    whole = frames + 1 if down is None and channels == 1 and frames is not None and 0 < frames <= limit else 0
    blocks: list[np.ndarray] = []
    got = 0
    for chunk in mono_blocks(handle, channels, limit + 1, whole):
        got += len(chunk)
        blocks.append(down(chunk) if down is not None else chunk)
    if got > limit:
        return None
    if down is not None:
        blocks.append(down.end())
    if not blocks:
        return np.zeros(0, dtype=np.float32), got
    return (blocks[0] if len(blocks) == 1 else np.concatenate(blocks)), got


def _checked(samples: np.ndarray) -> tuple[np.ndarray, bool, bool]:
    """Samples with non-numbers silenced; whether there were any, and whether any sample is past full scale."""
    broken = not np.isfinite(samples).all()
    if broken:
        samples = np.nan_to_num(samples, nan=0.0, posinf=1.0, neginf=-1.0)
    return samples, broken, bool(samples.size) and max(float(samples.max()), -float(samples.min())) > 1.0


def _finish(samples: np.ndarray, rate: int, channels: int, label: str, notes: list[str], card: Any,
            down: _Down | None = None) -> AudioData:
    """Clean values, resample to the card's rate (soxr, high quality) and keep everything in [-1, 1].

    With `down`, the samples were cleaned and resampled block by block as they were read.
    """
    target = _target_rate(card) or rate
    if down is not None:
        broken, loud = down.broken, down.loud
    else:
        samples, broken, loud = _checked(samples)
        if target != rate:
            import soxr

            samples = soxr.resample(np.ascontiguousarray(samples), rate, target, quality="HQ")
    if broken:
        notes.append(translate("Media", "some samples were not numbers and were replaced by silence"))
    if target != rate:
        notes.append(_resampled(rate, target))
    if loud:
        notes.append(translate("Media", "the recording is louder than full scale; its peaks were clipped"))
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
