"""Notes back to sound: each note as a soft tone at its key's pitch, so a transcription can be heard."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from playground.core.results import Note

FADE_IN_S = 0.008  # a tone switched on or off at full level clicks; these ramps are too short to hear as ramps
FADE_OUT_S = 0.03
HARMONICS = (1.0, 0.35, 0.12)  # a little of the octave and the twelfth: rounder than a bare sine, still plain
DECAY_PER_S = 1.5  # the level falls a little while a note is held, as a struck or plucked string does
PEAK = 0.6  # the loudest moment of the whole clip, leaving headroom for the sound device


def key_hz(midi: int) -> float:
    """Equal temperament, A4 (MIDI 69) = 440 Hz."""
    return 440.0 * 2.0 ** ((midi - 69) / 12)


def synthesize(notes: Iterable[Note], duration: float, rate: int) -> np.ndarray:
    """Mono float32 of `duration` seconds with every note sounding from its start to its end.

    The key's pitch is played, not the measured one: this is what the transcription says was played.
    Louder notes (a higher amplitude) play louder; chords add up and the clip is scaled to PEAK.
    """
    out = np.zeros(max(1, int(round(duration * rate))), np.float32)
    for note in notes:
        first = max(0, int(round(note.start * rate)))
        last = min(len(out), int(round(note.end * rate)))
        if last - first < 2:
            continue
        t = np.arange(last - first) / rate
        phase = 2 * np.pi * key_hz(note.midi) * t
        tone = sum(level * np.sin(k * phase) for k, level in enumerate(HARMONICS, start=1))
        out[first:last] += (tone * _envelope(last - first, rate) * (0.3 + 0.7 * note.amplitude)).astype(np.float32)
    peak = float(np.abs(out).max(initial=0.0))
    if peak > 0:
        out *= PEAK / peak
    return out


def _envelope(n: int, rate: int) -> np.ndarray:
    """Raised-cosine fades at both ends (shortened for very short notes) over a gentle decay."""
    env = np.exp(-DECAY_PER_S * np.arange(n) / rate)
    rise = min(int(FADE_IN_S * rate), n // 2)
    fall = min(int(FADE_OUT_S * rate), n // 2)
    if rise:
        env[:rise] *= 0.5 - 0.5 * np.cos(np.pi * np.arange(rise) / rise)
    if fall:
        env[n - fall:] *= 0.5 + 0.5 * np.cos(np.pi * np.arange(1, fall + 1) / fall)
    return env
