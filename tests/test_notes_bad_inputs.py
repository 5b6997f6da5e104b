"""The note finder on recordings that are not a tune: each gives a result or one plain sentence."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf
import soxr

from playground import paths
from playground.core.cancel import CancelToken
from playground.core.errors import Cancelled, InputError
from playground.core.media import AudioData
from playground.core.results import Notes
from playground.core.task import RunRequest
from playground.tasks.registry import get_task
from tests.known import Runs, installed

pytestmark = pytest.mark.models
RATE = 22050


@pytest.fixture(scope="module")
def run() -> Runs:
    return Runs()


def wav(tmp_path, name: str, samples: np.ndarray, rate: int):
    path = tmp_path / name
    sf.write(path, samples, rate, subtype="PCM_16")
    return path


def test_silence_has_no_notes(run, tmp_path):
    result = run("basic-pitch", wav(tmp_path, "quiet.wav", np.zeros(3 * RATE, np.float32), RATE)).result
    assert isinstance(result, Notes) and result.notes == () and result.duration == pytest.approx(3.0)


def test_white_noise_is_not_heard_as_music(run):
    result = run("basic-pitch", "noise16k.wav").result
    assert len(result.notes) <= 2  # at most a stray blip in five seconds of hiss
    assert result.activation.max() < 0.5


def test_a_1_ms_clip_gets_a_sentence(run, tmp_path):
    with pytest.raises(InputError, match=r"^The recording is only 1 ms long; finding notes needs at least"):
        run("basic-pitch", wav(tmp_path, "click.wav", np.full(22, 0.5, np.float32), RATE))


def test_speech_gives_notes_at_the_voices_pitch(run):
    outcome = run("basic-pitch", "sent16k.wav")
    assert "resampled from 16 kHz to 22.05 kHz" in outcome.decoded.notes
    pitches = [n.hz for n in outcome.result.notes]
    # espeak-ng's en-us voice speaks around 100 Hz; a few notes land on its harmonics.
    assert len(pitches) > 5 and 80 < float(np.median(pitches)) < 160


def test_8_khz_audio_is_resampled_and_the_tone_still_found(run, tmp_path):
    tone, rate = sf.read(paths.samples_dir() / "tone440.wav", dtype="float32")
    low = soxr.resample(tone, rate, 8000).astype(np.float32)
    outcome = run("basic-pitch", wav(tmp_path, "phone.wav", low, 8000))
    (note,) = outcome.result.notes
    assert note.name == "A4" and note.end - note.start == pytest.approx(2.0, abs=0.06)
    assert "resampled from 8 kHz to 22.05 kHz" in outcome.decoded.notes


def long_tune(repeats: int) -> np.ndarray:
    melody, _ = sf.read(paths.samples_dir() / "melody22k.wav", dtype="float32")
    return np.tile(melody, repeats)


def test_minutes_of_music_report_progress_with_notes_so_far(run):
    reports = []
    outcome = run("basic-pitch", AudioData(long_tune(50), RATE, "two minutes"),  # 2 minutes of the melody
                  progress=lambda fraction, partial: reports.append((fraction, partial)))
    names = [n.name for n in outcome.result.notes]
    assert names == ["C4", "E4", "G4", "C5"] * 50
    assert len(outcome.record.session_runs_ns) == len(reports) + 1 > 10
    partials = [p for _, p in reports]
    assert all(isinstance(p, Notes) and not p.finished for p in partials)
    assert [len(p.notes) for p in partials] == sorted(len(p.notes) for p in partials) and len(partials[-1].notes) > 150


def test_a_long_run_stops_when_cancelled(run):
    token = CancelToken()
    seen = []

    def cancel_at_first_report(fraction, partial):
        seen.append(fraction)
        token.cancel()

    card = installed("basic-pitch")
    with pytest.raises(Cancelled):
        run.pipeline.run(RunRequest(card, get_task(card.task), AudioData(long_tune(50), RATE, "two minutes"), {}), token=token,
                         progress=cancel_at_first_report)
    assert len(seen) == 1  # not one more batch ran after the Stop
