"""Noise removal task: chunks with warm-up, seamless joins, progress and Stop, the limit knob and odd recordings.

A stand-in for the three graphs keeps every bin (gain 1, deep filter = the frame itself) or removes
everything, so what comes out is known exactly.
"""

from __future__ import annotations

import numpy as np
import pytest

from playground import paths
from playground.core.card import parse_card
from playground.core.errors import Cancelled, InputError
from playground.core.media import AudioData
from playground.core.results import Denoised
from playground.tasks import denoise
from playground.tasks.denoise import DenoiseTask

RATE, HOP = 48000, 480


@pytest.fixture(scope="module")
def card():
    return parse_card(paths.models_dir() / "deepfilternet3" / "model.toml")


class FakeGraphs:
    """Gains and taps that keep (or drop) everything; lsnr says speech where the ERB feature is loud."""

    def __init__(self, card, keep: bool = True, cancel_after: int | None = None, listening: bool = True) -> None:
        self.card, self.keep, self.cancel_after, self.listening = card, keep, cancel_after, listening
        self.feeds: list[tuple[str, dict]] = []
        self.checks = 0
        self.reports: list[float] = []

    def run(self, feeds, outputs=None, role="main"):
        self.check()
        self.feeds.append((role, feeds))
        if role == "main":
            frames = feeds["feat_erb"].shape[2]
            loud = feeds["feat_erb"][0, 0].mean(axis=1) > -0.05
            return {"emb": np.zeros((1, frames, 512), np.float32), "c0": np.zeros((1, 64, frames, 96), np.float32),
                    **{f"e{i}": np.zeros((1, 64, frames, w), np.float32) for i, w in enumerate((32, 16, 8, 8))},
                    "lsnr": np.where(loud, 20.0, -15.0).astype(np.float32)[None, :, None]}
        frames = feeds["emb"].shape[1]
        if role == "erb_dec":
            return {"m": np.full((1, 1, frames, 32), 1.0 if self.keep else 0.0, np.float32)}
        coefs = np.zeros((1, frames, 96, 5, 2), np.float32)
        coefs[..., 2, 0] = 1.0 if self.keep else 0.0
        return {"coefs": coefs.reshape(1, frames, 96, 10)}

    def check(self):
        self.checks += 1
        if self.cancel_after is not None and self.checks > self.cancel_after:
            raise Cancelled()

    def report(self, fraction, partial=None):
        self.reports.append(fraction)


def clean(card, samples, runner=None, rate=RATE, original_rate=0, **params):
    task = DenoiseTask()
    values = {**card.defaults(), **params}
    feeds, ctx = task.preprocess(AudioData(samples, rate, original_rate=original_rate), card, values)
    runner = runner or FakeGraphs(card)
    result = task.postprocess(task.infer(runner, feeds, ctx), ctx, card, values)
    return result, runner


def speech_like(seconds: float, seed: int = 0) -> np.ndarray:
    """Bursts of a buzzy tone every other half second over faint noise."""
    t = np.arange(int(seconds * RATE)) / RATE
    rng = np.random.default_rng(seed)
    on = (t % 1.0) < 0.5
    return (np.where(on, 0.3 * np.sign(np.sin(2 * np.pi * 180 * t)), 0.0) + 0.002 * rng.standard_normal(len(t))
            ).astype(np.float32)


def frames_of(samples: np.ndarray) -> int:
    return (len(samples) + 960 + (-len(samples)) % HOP) // HOP


def chunks_of(samples: np.ndarray) -> int:
    return -(-frames_of(samples) // denoise.CHUNK_FRAMES)


def test_keeping_every_bin_gives_the_recording_back_across_chunk_seams(card):
    samples = speech_like(45.3)
    assert chunks_of(samples) >= 3
    result, runner = clean(card, samples)
    assert isinstance(result, Denoised) and result.sample_rate == RATE
    assert len(result.cleaned) == len(samples)
    assert np.abs(result.cleaned - samples).max() < 1e-5
    roles = [role for role, _ in runner.feeds]
    assert roles == ["main", "erb_dec", "df_dec"] * chunks_of(samples)


def test_each_later_chunk_starts_earlier_by_the_warm_up_and_is_fed_like_a_fresh_recording(card):
    samples = speech_like(45.3)
    _, runner = clean(card, samples)
    chunk, warm, count = denoise.CHUNK_FRAMES, denoise.WARM_FRAMES, chunks_of(samples)
    encoder = [feeds for role, feeds in runner.feeds if role == "main"]
    assert [f["feat_erb"].shape[2] for f in encoder] == \
        [chunk] + [chunk + warm] * (count - 2) + [frames_of(samples) - (count - 1) * chunk + warm]
    for f in encoder:
        assert f["feat_erb"].dtype == np.float32 and f["feat_spec"].shape[:2] == (1, 2)
    # Fresh: what came before the warm-up (and its frame's one hop of history) changes nothing in the chunk.
    lo = denoise.CHUNK_FRAMES - denoise.WARM_FRAMES
    other = samples.copy()
    other[:(lo - 1) * HOP] = speech_like(lo / 100, seed=7)[:(lo - 1) * HOP] * 3
    _, again = clean(card, other)
    second = [feeds for role, feeds in again.feeds if role == "main"][1]
    assert np.array_equal(second["feat_erb"], encoder[1]["feat_erb"])
    assert np.array_equal(second["feat_spec"], encoder[1]["feat_spec"])
    first = [feeds for role, feeds in again.feeds if role == "main"][0]
    assert not np.allclose(first["feat_erb"][0, 0, lo:], encoder[0]["feat_erb"][0, 0, lo:], atol=1e-3)


def test_progress_is_reported_between_chunks_and_stop_lands_between_them(card):
    samples = speech_like(65.0)
    _, runner = clean(card, samples)
    assert len(runner.reports) == chunks_of(samples) - 1 >= 3
    assert runner.reports == sorted(runner.reports) and runner.reports[-1] < 1
    with pytest.raises(Cancelled):
        clean(card, samples, FakeGraphs(card, cancel_after=5))


def test_removing_everything_and_the_limit_that_keeps_some_background(card):
    samples = speech_like(3.0)
    result, _ = clean(card, samples, FakeGraphs(card, keep=False))
    assert not result.cleaned.any() and result.removed_share == pytest.approx(1.0)
    limited, _ = clean(card, samples, FakeGraphs(card, keep=False), atten_lim_db=20)
    assert np.allclose(limited.cleaned, 0.1 * samples, atol=1e-6)  # 20 dB: a tenth of the sound is left
    untouched, _ = clean(card, samples, FakeGraphs(card, keep=False), atten_lim_db=0)
    assert np.allclose(untouched.cleaned, samples, atol=1e-6)


def test_the_estimates_count_what_was_taken_away(card):
    samples = speech_like(4.0)
    result, _ = clean(card, samples)
    assert result.removed_share == pytest.approx(0.0, abs=1e-9) and result.notes == ()
    assert result.pause_reduction_db == pytest.approx(0.0, abs=0.01)  # nothing taken from the pauses either
    assert len(result.lsnr) == -(-len(samples) // HOP) + 2 and result.frame_seconds == 0.01
    assert "less sound energy after cleaning, mostly noise taken away" in result.summary()
    assert result.to_dict()["type"] == "denoised"


def test_silence_comes_back_silent_and_says_there_is_nothing_to_remove(card):
    result, _ = clean(card, np.zeros(RATE, np.float32))
    assert not result.cleaned.any()
    assert result.notes == ("The recording is silent: there is no noise to remove.",)
    assert (result.removed_share, result.snr_before_db, result.pause_reduction_db) == (0.0, None, None)
    assert "silent" in result.summary()


def test_telephone_audio_is_resampled_and_says_what_it_lacks(card):
    t = np.arange(8000 * 2) / 8000
    result, _ = clean(card, (0.3 * np.sin(2 * np.pi * 300 * t)).astype(np.float32), rate=8000)
    assert result.sample_rate == RATE and len(result.cleaned) == pytest.approx(2 * RATE, abs=2)
    assert any("made at 8 kHz" in note and "no sound above 4 kHz" in note for note in result.notes)


def test_a_clipped_recording_is_cleaned_and_the_crackle_is_named(card):
    loud = np.clip(speech_like(3.0) * 10, -1, 1)
    result, _ = clean(card, loud)
    assert any("too loud when it was made" in note for note in result.notes)


def test_channels_given_as_columns_are_mixed_down(card):
    samples = np.stack([speech_like(2.0)] * 6, axis=1)
    result, _ = clean(card, samples)
    assert result.samples.ndim == 1 and np.abs(result.cleaned - samples[:, 0]).max() < 1e-5


@pytest.mark.parametrize("samples, rate, message", [
    (np.zeros(16, np.float32), 16000, "only 1 ms long; the noise remover needs at least 20 ms"),
    (np.zeros(0, np.float32), RATE, "no sound"),
    (np.array([0.1, np.nan] * 4800, np.float32), RATE, "damaged"),
    (np.zeros(RATE, np.float32), 0, "how fast it was sampled"),
])
def test_unusable_recordings_get_one_sentence(card, samples, rate, message):
    with pytest.raises(InputError, match=message):
        clean(card, samples, rate=rate)
