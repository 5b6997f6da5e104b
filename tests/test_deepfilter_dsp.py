"""DeepFilterNet's signal processing: exact reconstruction, the ERB bands, the running means and the deep filter."""

from __future__ import annotations

import numpy as np
import pytest

from playground.tasks import deepfilter_dsp as dsp

CFG = dsp.DfConfig()
WINDOW = dsp.vorbis_window(CFG.fft_size)
# MODELS.md §2.2.5: the widths libDF's erb_fb gives for 48 kHz, 960-point frames, 32 bands, 2 bins at least.
ERB_WIDTHS = [2] * 13 + [5, 5, 7, 7, 8, 10, 12, 13, 15, 18, 20, 24, 28, 31, 37, 42, 50, 56, 67]


def analyse(samples: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    padded, frames = dsp.padded_signal(samples.astype(np.float32), CFG)
    return padded, dsp.spectrum(padded, 0, frames, frames, CFG, WINDOW), frames


def test_the_window_squared_adds_up_to_one_at_half_a_frame_apart():
    w = WINDOW.astype(np.float64)
    assert np.allclose(w[:CFG.hop] ** 2 + w[CFG.hop:] ** 2, 1.0, atol=1e-6)


@pytest.mark.parametrize("length", [960, 1000, 48_000, 48_000 * 3 + 7])
def test_analysis_then_synthesis_with_unit_gains_gives_the_signal_back(length):
    samples = np.random.default_rng(length).uniform(-1, 1, length).astype(np.float32)
    padded, spec, frames = analyse(samples)
    assert frames == (length + CFG.fft_size + (-length) % CFG.hop) // CFG.hop
    out = dsp.overlap_add(dsp.apply_gains(spec, np.ones((frames, CFG.nb_erb)), dsp.erb_widths(48000, 960, 32, 2)),
                          WINDOW, CFG)
    assert len(out) == len(padded)
    # The output is delayed by one hop: sample k of the recording comes out at k + hop.
    assert np.abs(out[CFG.hop:CFG.hop + length] - samples).max() < 2e-6


def test_erb_bands_are_the_reference_widths_covering_every_bin_once():
    widths = dsp.erb_widths(48000, 960, 32, 2)
    assert widths.tolist() == ERB_WIDTHS
    assert widths.sum() == CFG.bins == 481
    assert (widths >= 2).all() and (np.diff(widths[12:]) >= 0).all()  # wider towards the highs


def test_the_running_means_decay_as_libdf_rounds_them():
    assert dsp.norm_alpha(48000, 480, 1.0) == 0.99
    assert CFG.alpha == 0.99
    assert dsp.norm_alpha(16000, 160, 1.0) == 0.99 and dsp.norm_alpha(48000, 480, 0.1) == 0.905


def plain_mean(values: np.ndarray, alpha: float, state: np.ndarray) -> np.ndarray:
    out, s = [], np.asarray(state, np.float64)
    for x in values:
        s = (1 - alpha) * x + alpha * s
        out.append(s)
    return np.array(out)


@pytest.mark.parametrize("frames", [1, 255, 256, 257, 1000])
def test_block_running_means_equal_the_plain_recurrence(frames):
    rng = np.random.default_rng(frames)
    values = rng.normal(-50, 20, (frames, 32))
    start = np.linspace(-60, -90, 32)
    means, last = dsp.exp_mean(values, 0.99, start)
    expected = plain_mean(values, 0.99, start)
    assert np.allclose(means, expected, rtol=1e-10, atol=1e-9)
    assert np.array_equal(last, means[-1])


def test_running_means_carry_over_from_one_block_of_frames_to_the_next():
    values = np.random.default_rng(3).random((700, 96))
    whole, _ = dsp.exp_mean(values, 0.99, np.full(96, 1e-3))
    first, state = dsp.exp_mean(values[:300], 0.99, np.full(96, 1e-3))
    second, _ = dsp.exp_mean(values[300:], 0.99, state)
    assert np.allclose(np.concatenate([first, second]), whole, rtol=1e-12)


def test_features_follow_the_recipe_frame_by_frame():
    samples = np.random.default_rng(5).normal(0, 0.1, 48_000).astype(np.float32)
    _, spec, frames = analyse(samples)
    widths = dsp.erb_widths(48000, 960, 32, 2)
    erb, low = dsp.features(spec, widths, dsp.FeatureState.initial(CFG), CFG)
    assert erb.shape == (frames, 32) and low.shape == (2, frames, 96)
    state_erb, state_mag = np.linspace(-60, -90, 32), np.linspace(0.001, 0.0001, 96)
    edges = np.concatenate([[0], np.cumsum(widths)])
    for t in range(frames):
        power = np.abs(spec[t].astype(np.complex128)) ** 2
        level = 10 * np.log10(np.array([power[a:b].mean() for a, b in zip(edges[:-1], edges[1:])]) + 1e-10)
        state_erb = 0.01 * level + 0.99 * state_erb
        assert np.allclose(erb[t], (level - state_erb) / 40, atol=1e-5)
        state_mag = 0.01 * np.abs(spec[t, :96]) + 0.99 * state_mag
        unit = spec[t, :96] / np.sqrt(state_mag)
        assert np.allclose(low[0, t], unit.real, rtol=1e-4, atol=1e-6)
        assert np.allclose(low[1, t], unit.imag, rtol=1e-4, atol=1e-6)


def test_digital_silence_gives_finite_features_for_ever():
    spec = np.zeros((20_000, CFG.bins), np.complex64)  # 200 s: the running means fall below float32's range
    erb, low = dsp.features(spec, dsp.erb_widths(48000, 960, 32, 2), dsp.FeatureState.initial(CFG), CFG)
    assert np.isfinite(erb).all() and np.isfinite(low).all() and not low.any()


def test_frames_outside_the_recording_are_zero():
    padded, frames = dsp.padded_signal(np.ones(4800, np.float32), CFG)
    spec = dsp.spectrum(padded, -2, frames + 2, frames, CFG, WINDOW)
    assert not spec[:2].any() and not spec[-2:].any() and spec[2:-2].any()
    assert np.array_equal(spec[2:-2], dsp.spectrum(padded, 0, frames, frames, CFG, WINDOW))


def test_each_band_gain_scales_exactly_the_bins_of_its_band():
    widths = dsp.erb_widths(48000, 960, 32, 2)
    gains = np.zeros((1, 32))
    gains[0, 13] = 0.5  # the first 5-bin band: bins 26..30
    scaled = dsp.apply_gains(np.ones((1, CFG.bins), np.complex64), gains, widths)
    assert np.flatnonzero(scaled[0]).tolist() == [26, 27, 28, 29, 30] and scaled[0, 26] == 0.5


def test_the_deep_filter_sums_five_frames_around_each_frame_with_complex_taps():
    rng = np.random.default_rng(9)
    frames = 6
    spec = (rng.normal(size=(frames + 4, CFG.bins)) + 1j * rng.normal(size=(frames + 4, CFG.bins))).astype(np.complex64)
    coefs = rng.normal(size=(frames, CFG.nb_df, CFG.df_order, 2)).astype(np.float32)
    out = dsp.deep_filter(spec, coefs, CFG)
    for t in range(frames):  # spec row t + 2 is frame t: two frames before it, two after
        for f in (0, 40, 95):
            expected = sum(spec[t + n, f] * complex(*coefs[t, f, n]) for n in range(5))
            assert out[t, f] == pytest.approx(expected, rel=1e-5, abs=1e-5)


def test_an_identity_deep_filter_keeps_the_spectrum():
    spec = np.random.default_rng(1).normal(size=(14, CFG.bins)).astype(np.complex64)
    coefs = np.zeros((10, CFG.nb_df, CFG.df_order, 2), np.float32)
    coefs[:, :, 2, 0] = 1.0  # the middle tap: the frame itself
    assert np.allclose(dsp.deep_filter(spec, coefs, CFG), spec[2:12, :CFG.nb_df])
