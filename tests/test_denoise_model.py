"""The noise remover on awkward recordings, through the real model: each gives a result or one sentence."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from playground import paths
from playground.core.cancel import CancelToken
from playground.core.errors import Cancelled, InputError
from playground.core.task import RunRequest
from playground.tasks import denoise
from playground.tasks.registry import get_task
from tests.known import Runs, installed

pytestmark = pytest.mark.models
RATE = 48000


@pytest.fixture(scope="module")
def run() -> Runs:
    return Runs()


def noisy() -> np.ndarray:
    return sf.read(paths.samples_dir() / "noisy48k.wav", dtype="float32")[0]


def wav(tmp_path: Path, samples: np.ndarray, rate: int = RATE, name: str = "clip.wav") -> Path:
    path = tmp_path / name
    sf.write(path, samples, rate, subtype="PCM_16")
    return path


def energy_db(x: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(np.asarray(x, np.float64) ** 2) + 1e-30))


def test_silence_comes_back_as_silence_with_nothing_to_remove(run, tmp_path):
    result = run("deepfilternet3", wav(tmp_path, np.zeros(2 * RATE, np.float32))).result
    assert not result.cleaned.any()
    assert result.notes == ("The recording is silent: there is no noise to remove.",)


def test_noise_alone_is_taken_away_and_the_model_says_it_heard_no_speech(run):
    outcome = run("deepfilternet3", "noise16k.wav")
    result = outcome.result
    assert energy_db(result.cleaned) < energy_db(result.samples) - 20
    assert "The model heard no speech here, so it took away nearly all of the sound." in result.notes
    assert any("made at 16 kHz" in note for note in result.notes)  # resampled, and said so
    assert outcome.decoded.notes == ("resampled from 16 kHz to 48 kHz",)


def test_a_clipped_recording_is_cleaned_and_its_distortion_named(run, tmp_path):
    loud = np.clip(noisy() * 8, -1, 1)
    result = run("deepfilternet3", wav(tmp_path, loud)).result
    assert np.isfinite(result.cleaned).all() and energy_db(result.cleaned) < energy_db(loud)
    assert any("too loud when it was made" in note for note in result.notes)


def test_telephone_audio_at_8_khz_is_resampled_to_48_khz_and_cleaned(run, tmp_path):
    import soxr

    phone = soxr.resample(noisy(), RATE, 8000)
    outcome = run("deepfilternet3", wav(tmp_path, phone, 8000))
    result = outcome.result
    assert result.sample_rate == RATE and len(result.cleaned) == pytest.approx(len(phone) * 6, abs=6)
    assert outcome.decoded.notes == ("resampled from 8 kHz to 48 kHz",)
    assert any("made at 8 kHz, so it has no sound above 4 kHz" in note for note in result.notes)
    assert energy_db(result.cleaned) < energy_db(result.samples) - 0.5


def test_a_six_channel_file_is_mixed_down_and_cleaned(run, tmp_path):
    six = np.repeat(noisy()[:, None], 6, axis=1)
    outcome = run("deepfilternet3", wav(tmp_path, six))
    assert outcome.decoded.notes == ("6-channel recording mixed down to mono",)
    assert len(outcome.result.cleaned) == len(six) and outcome.result.snr_before_db == pytest.approx(5, abs=0.6)


def test_a_one_millisecond_clip_gets_one_sentence(run, tmp_path):
    with pytest.raises(InputError, match=r"^The recording is only 1 ms long; the noise remover needs at least 20 ms"):
        run("deepfilternet3", wav(tmp_path, np.full(48, 0.1, np.float32)))


def test_a_long_recording_reports_progress_and_stops_when_asked(run, tmp_path):
    long = np.tile(noisy(), 9)[:75 * RATE]
    chunks = -(-(len(long) + 960) // 480 // denoise.CHUNK_FRAMES)
    path = wav(tmp_path, long)
    card = installed("deepfilternet3")
    fractions: list[float] = []
    outcome = run.pipeline.run(RunRequest(card, get_task(card.task), path), progress=lambda f, _: fractions.append(f))
    assert len(fractions) == chunks - 1 >= 3 and fractions == sorted(fractions)
    assert len(outcome.record.session_runs_ns) == chunks * 3
    token = CancelToken()

    def stop_after_first(fraction: float, _partial: object) -> None:
        token.cancel()

    with pytest.raises(Cancelled):
        run.pipeline.run(RunRequest(card, get_task(card.task), path), token=token, progress=stop_after_first)
