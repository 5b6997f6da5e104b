"""Whisper's log-mel front end in numpy: 16 kHz samples → [80, frames], as the reference computes it.

30 s windows (480,000 samples) give 3000 frames. Steps (MODELS.md §2.2.1): reflect-pad 200 samples,
frames of 400 with hop 160 under a periodic Hann window, |rfft|², the last frame dropped, an 80-band
Slaney mel filterbank, log10 clamped at 1e-10, floored at (max − 8), then (x + 4) / 4.
"""

from __future__ import annotations

import functools

import numpy as np

RATE, N_FFT, HOP, N_MELS = 16_000, 400, 160, 80
WINDOW_SAMPLES = 30 * RATE
BLOCK_FRAMES = 250  # 2.5 s


def _hz_to_mel(f: np.ndarray | float) -> np.ndarray:
    """Slaney's scale: linear below 1 kHz (200/3 Hz per mel), logarithmic above."""
    f = np.asarray(f, np.float64)
    mel = f / (200.0 / 3)
    log_part = 15.0 + np.log(np.maximum(f, 1e-10) / 1000.0) / (np.log(6.4) / 27.0)
    return np.where(f >= 1000.0, log_part, mel)


def _mel_to_hz(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, np.float64)
    return np.where(m >= 15.0, 1000.0 * np.exp((np.log(6.4) / 27.0) * (m - 15.0)), m * (200.0 / 3))


@functools.lru_cache(maxsize=1)
def mel_filters() -> np.ndarray:
    """[80, 201] triangular filters with Slaney area normalisation (librosa's filters.mel for these sizes)."""
    fft_freqs = np.linspace(0, RATE / 2, N_FFT // 2 + 1)
    mel_points = np.linspace(_hz_to_mel(0.0), _hz_to_mel(RATE / 2), N_MELS + 2)
    hz = _mel_to_hz(mel_points)
    gaps = np.diff(hz)
    ramps = hz[:, None] - fft_freqs[None, :]
    lower = -ramps[:-2] / gaps[:-1, None]
    upper = ramps[2:] / gaps[1:, None]
    weights = np.maximum(0.0, np.minimum(lower, upper))
    weights *= (2.0 / (hz[2:] - hz[:-2]))[:, None]
    return weights.astype(np.float32)


@functools.lru_cache(maxsize=1)
def _window() -> np.ndarray:
    return (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)).astype(np.float32)  # periodic Hann


def log_mel(samples: np.ndarray, frames: int = WINDOW_SAMPLES // HOP) -> np.ndarray:
    """[80, frames] log-mel of mono 16 kHz samples, zero-padded (or cut) to frames × 160 samples first.

    A short piece is mostly padding: a frame that sees only zeros has no power in any band, so its column
    is the clamp (log10 1e-10) before the floor. Only the frames that reach the sound are transformed (a 3 s
    piece: 300 of 3000), and the rest are filled with that value: the same numbers, a tenth of the work.
    """
    wanted = frames * HOP
    audio = np.zeros(wanted, np.float32)
    heard = min(len(samples), wanted)
    audio[:heard] = np.asarray(samples, np.float32)[:heard]
    padded = np.pad(audio, N_FFT // 2, mode="reflect")
    # Frame t reads padded[t·160, t·160 + 400), the sound's samples [t·160 − 200, t·160 + 200): frames from
    # (heard + 200) / 160 on read zeros only, unless the reflection at the end brings the sound back.
    # In whole blocks of frames, so the filterbank's matrix product takes the path the full window's does
    # (the BLAS picks another kernel for a handful of columns, which rounds the last bit differently).
    reach = -(-(heard + N_FFT // 2) // HOP) + 1
    sounding = frames if heard > wanted - N_FFT else min(frames, -(-reach // BLOCK_FRAMES) * BLOCK_FRAMES)
    strided = np.lib.stride_tricks.as_strided(padded, (sounding, N_FFT), (padded.strides[0] * HOP, padded.strides[0]))
    spectrum = np.fft.rfft(strided * _window(), axis=1)
    power = (spectrum.real ** 2 + spectrum.imag ** 2).astype(np.float32)  # the full transform's last frame is dropped
    silent = np.zeros((N_MELS, 1), np.float32)
    logs = np.empty((N_MELS, frames), np.float32)
    logs[:, :sounding] = np.log10(np.maximum(mel_filters() @ power.T, 1e-10))
    logs[:, sounding:] = np.log10(np.maximum(silent, 1e-10))  # as the transform of zeros would give
    logs = np.maximum(logs, logs.max() - 8.0)
    return ((logs + 4.0) / 4.0).astype(np.float32)
