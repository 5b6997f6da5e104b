"""DeepFilterNet's signal processing in numpy: framing, ERB bands, normalised features, deep filter, overlap-add.

This reproduces libDF (the reference C runtime) for the 48 kHz model: 20 ms Vorbis-windowed frames every
10 ms, 481 frequency bins grouped into 32 ERB bands, and features normalised by running exponential means.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# Blocks of frames in which the exponential means are computed with cumulative sums: alpha^-256 is only
# about 13 for alpha = 0.99, so the scaled sums stay well inside float64's precision.
_EMA_BLOCK = 256
# Smallest running mean a spectrum bin is divided by the square root of: digital silence drives the
# mean towards zero, and 0 / 0 would turn a silent stretch into NaN.
_MIN_MEAN = 1e-20


@dataclass(frozen=True)
class DfConfig:
    """The model's fixed signal settings (its config.ini), read from the card's [preprocess]."""

    sample_rate: int = 48000
    fft_size: int = 960
    hop: int = 480
    nb_erb: int = 32
    nb_df: int = 96
    df_order: int = 5
    df_lookahead: int = 2
    conv_lookahead: int = 2
    min_nb_erb_freqs: int = 2
    norm_tau: float = 1.0

    @property
    def bins(self) -> int:
        return self.fft_size // 2 + 1

    @property
    def alpha(self) -> float:
        return norm_alpha(self.sample_rate, self.hop, self.norm_tau)


def norm_alpha(sample_rate: int, hop: int, tau: float) -> float:
    """libDF's decay of the running means: exp(-hop / (sr · tau)) rounded to the fewest decimals below 1."""
    alpha = math.exp(-hop / sample_rate / tau)
    precision = 3
    while True:
        rounded = round(alpha * 10 ** precision) / 10 ** precision
        if rounded < 1.0:
            return rounded
        precision += 1


def vorbis_window(size: int) -> np.ndarray:
    """sin(π/2 · sin²(π(i + ½)/size)): its squares at half a frame apart add up to exactly 1."""
    i = np.arange(size, dtype=np.float64)
    return np.sin(0.5 * np.pi * np.sin(np.pi * (i + 0.5) / size) ** 2).astype(np.float32)


def _freq_to_erb(hz: float) -> float:
    return 9.265 * math.log1p(hz / (24.7 * 9.265))


def _erb_to_freq(erb: float) -> float:
    return 24.7 * 9.265 * (math.exp(erb / 9.265) - 1.0)


def erb_widths(sample_rate: int, fft_size: int, bands: int, min_bins: int) -> np.ndarray:
    """Bins per ERB band, low to high (libDF's erb_fb): equal steps on the ERB scale, edges rounded to bins,
    at least `min_bins` per band (a band made wider borrows from the next), the widths adding up to every bin."""
    bin_hz = sample_rate / fft_size
    low, high = _freq_to_erb(0.0), _freq_to_erb(sample_rate / 2)
    step = (high - low) / bands
    widths, previous, borrowed = [], 0, 0
    for i in range(1, bands + 1):
        edge = round(_erb_to_freq(low + i * step) / bin_hz)
        width = edge - previous - borrowed
        borrowed = max(min_bins - width, 0)
        widths.append(max(width, min_bins))
        previous = edge
    widths[-1] += 1  # the Nyquist bin
    widths[-1] -= sum(widths) - (fft_size // 2 + 1)
    return np.asarray(widths, dtype=np.int64)


def padded_signal(samples: np.ndarray, cfg: DfConfig) -> tuple[np.ndarray, int]:
    """The signal with a hop of zeros in front and a frame plus the rounding to a whole hop behind; and its
    frame count. Frame t covers padded[hop·t : hop·t + fft_size], so the first frame sees zeros as history."""
    n = len(samples)
    tail = cfg.fft_size + (-n) % cfg.hop
    padded = np.zeros(cfg.hop + n + tail, np.float32)
    padded[cfg.hop:cfg.hop + n] = samples
    return padded, (n + tail) // cfg.hop


def spectrum(padded: np.ndarray, start: int, stop: int, frames: int, cfg: DfConfig,
             window: np.ndarray) -> np.ndarray:
    """Complex spectra (stop − start, bins) of frames start..stop−1; frames outside 0..frames−1 are zero."""
    out = np.zeros((stop - start, cfg.bins), np.complex64)
    lo, hi = max(start, 0), min(stop, frames)
    if hi > lo:
        windows = np.lib.stride_tricks.sliding_window_view(padded, cfg.fft_size)
        chosen = windows[cfg.hop * lo:cfg.hop * (hi - 1) + 1:cfg.hop]
        out[lo - start:hi - start] = np.fft.rfft(chosen * window, axis=1) * np.float32(1.0 / cfg.fft_size)
    return out


def exp_mean(values: np.ndarray, alpha: float, state: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Running means s_t = (1 − α)·x_t + α·s_{t−1} over axis 0, from s_{−1} = state; returns (s, last s).

    Unrolled within a block: s_t = α^{t+1}·(s_{−1} + (1 − α)·Σ_{j≤t} α^{−(j+1)}·x_j), one cumulative sum
    per block instead of a Python step per frame.
    """
    x = np.asarray(values, np.float64)
    out = np.empty_like(x)
    s = np.asarray(state, np.float64)
    for begin in range(0, len(x), _EMA_BLOCK):
        block = x[begin:begin + _EMA_BLOCK]
        decay = alpha ** np.arange(1, len(block) + 1, dtype=np.float64)[:, None]
        out[begin:begin + len(block)] = decay * (s + (1.0 - alpha) * np.cumsum(block / decay, axis=0))
        s = out[begin + len(block) - 1]
    return out, s.copy()


@dataclass
class FeatureState:
    """The running means carried from one block of frames to the next."""

    erb: np.ndarray
    spec: np.ndarray

    @classmethod
    def initial(cls, cfg: DfConfig) -> FeatureState:
        # libDF's starting points: ERB levels of −60 to −90 dB, spectrum magnitudes of 1e-3 to 1e-4.
        return cls(np.linspace(-60.0, -90.0, cfg.nb_erb), np.linspace(0.001, 0.0001, cfg.nb_df))


def band_power(spec: np.ndarray, widths: np.ndarray) -> np.ndarray:
    """Mean power |X|² of the bins in each band: (frames, bands)."""
    power = spec.real.astype(np.float32) ** 2 + spec.imag.astype(np.float32) ** 2
    starts = np.concatenate([[0], np.cumsum(widths)[:-1]])
    return np.add.reduceat(power, starts, axis=1) / widths.astype(np.float32)


def features(spec: np.ndarray, widths: np.ndarray, state: FeatureState, cfg: DfConfig,
             ) -> tuple[np.ndarray, np.ndarray]:
    """The encoder's inputs for these frames: ERB levels (frames, 32) and the normalised low spectrum
    (2, frames, 96) as real and imaginary planes. `state` is advanced past them."""
    alpha = cfg.alpha
    level = 10.0 * np.log10(band_power(spec, widths).astype(np.float64) + 1e-10)
    mean, state.erb = exp_mean(level, alpha, state.erb)
    erb = ((level - mean) / 40.0).astype(np.float32)
    low = spec[:, :cfg.nb_df]
    mag_mean, state.spec = exp_mean(np.abs(low), alpha, state.spec)
    unit = low / np.sqrt(np.maximum(mag_mean, _MIN_MEAN)).astype(np.float32)
    return erb, np.stack([unit.real, unit.imag]).astype(np.float32)


def apply_gains(spec: np.ndarray, gains: np.ndarray, widths: np.ndarray) -> np.ndarray:
    """Every bin of the spectrum times its ERB band's gain: (frames, bins)."""
    return spec * np.repeat(gains.astype(np.float32), widths, axis=1)


def deep_filter(spec: np.ndarray, coefs: np.ndarray, cfg: DfConfig) -> np.ndarray:
    """Σ_n X(t − order + 1 + lookahead + n)·c_n(t) for the low bins.

    spec holds the frames to filter with (order − 1 − lookahead) frames before them and `lookahead` after
    (zeros beyond the recording); coefs are the decoder's (frames, nb_df, order, 2) real and imaginary taps.
    """
    frames = coefs.shape[0]
    taps = coefs[..., 0] + 1j * coefs[..., 1]
    low = spec[:, :cfg.nb_df]
    out = np.zeros((frames, cfg.nb_df), np.complex64)
    for n in range(cfg.df_order):
        out += low[n:n + frames] * taps[:, :, n]
    return out


def overlap_add(spec: np.ndarray, window: np.ndarray, cfg: DfConfig) -> np.ndarray:
    """Windowed inverse transforms of consecutive frames, added at half-frame steps: hop · (frames + 1) samples.

    DeepFilterNet's frames overlap by exactly half, so each frame's first half lands on the previous frame's
    second half; the squared Vorbis window makes those halves add up to the original.
    """
    if cfg.fft_size != 2 * cfg.hop:
        raise ValueError("overlap_add needs frames that overlap by half")
    frames = np.fft.irfft(spec, n=cfg.fft_size, axis=1).astype(np.float32) * np.float32(cfg.fft_size) * window
    out = np.zeros((len(spec) + 1, cfg.hop), np.float32)
    out[:-1] += frames[:, :cfg.hop]
    out[1:] += frames[:, cfg.hop:]
    return out.ravel()
