"""Recordings too long for memory: read from their file a minute at a time, transcribed piece by piece with
progress and cancel, never holding more than a few minutes of samples."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import soxr

from playground import paths
from playground.core import media
from playground.core.cancel import CancelToken
from playground.core.errors import Cancelled, InputError
from playground.core.media import audio
from playground.core.media.long_audio import LongAudio
from playground.core.pipeline import Pipeline
from playground.core.task import RunRequest
from playground.tasks.registry import get_task
from tests.known import installed

RATE = 16000


def card_that_streams():
    from types import SimpleNamespace

    return SimpleNamespace(preprocess={"sample_rate": RATE, "long_audio": True})


def quiet_file(path: Path, minutes: float, rate: int = RATE, speech_at: tuple[float, ...] = ()) -> Path:
    """`minutes` of digital silence with kws_test16k (11.4 s) starting at each of `speech_at` seconds,
    written block by block so the test itself never holds the recording either."""
    clip = sf.read(paths.samples_dir() / "kws_test16k.wav", dtype="int16")[0]
    total, pos = int(minutes * 60 * rate), 0
    with sf.SoundFile(path, "w", rate, 1, "PCM_16") as out:
        for at in speech_at:
            start = int(at * rate)
            while pos < start:
                n = min(start - pos, 60 * rate)
                out.write(np.zeros(n, np.int16))
                pos += n
            out.write(clip)
            pos += len(clip)
        while pos < total:
            n = min(total - pos, 60 * rate)
            out.write(np.zeros(n, np.int16))
            pos += n
    return path


def test_blocks_read_any_rate_and_channel_count_as_the_whole_file_would_be(tmp_path):
    rate = 44100
    t = np.arange(int(150 * rate)) / rate
    stereo = np.stack([0.5 * np.sin(2 * np.pi * 440 * t), 0.25 * np.sin(2 * np.pi * 440 * t)], axis=1)
    sf.write(tmp_path / "tone.flac", stereo, rate)
    long = LongAudio(tmp_path / "tone.flac", RATE, "tone.flac", rate, 2, len(t))
    blocks = list(long.blocks(block_s=20))
    assert len(blocks) >= 7 and max(len(b) for b in blocks) <= 21 * RATE  # never much more than a block
    whole = soxr.resample(stereo.mean(axis=1).astype(np.float32), rate, RATE, quality="HQ")
    joined = np.concatenate(blocks)
    assert abs(len(joined) - len(whole)) <= 1
    n = min(len(joined), len(whole))
    np.testing.assert_allclose(joined[:n], whole[:n], atol=2e-3)
    middle = long.read(100.0, 2.0)  # a piece from the middle, as a piece to transcribe is read
    assert len(middle) == pytest.approx(2 * RATE, abs=2)
    np.testing.assert_allclose(middle[100:-100], whole[100 * RATE + 100:102 * RATE - 100], atol=2e-3)


def test_only_models_that_read_long_recordings_get_them_and_everything_has_a_limit(tmp_path, monkeypatch):
    path = quiet_file(tmp_path / "six.wav", 6, rate=8000)
    decoded = media.decode("audio", path, card_that_streams())
    assert isinstance(decoded, LongAudio) and decoded.seconds == 360.0 and decoded.sample_rate == RATE
    assert decoded.notes == ("resampled from 8 kHz to 16 kHz", "read from the file a minute at a time")
    in_memory = media.decode("audio", path, installed("silero-vad"))  # six minutes fit in memory
    assert isinstance(in_memory, media.AudioData) and len(in_memory.samples) == 360 * RATE
    monkeypatch.setattr(audio, "MAX_LONG_AUDIO_SECONDS", 300)
    with pytest.raises(InputError, match=r"^six\.wav is 6 min long; this model takes recordings up to 5 min: trim"):
        media.decode("audio", path, card_that_streams())


@pytest.mark.models
@pytest.mark.release  # a minute of transcription at release time: make release-check
def test_a_twenty_minute_recording_is_transcribed_piece_by_piece_in_little_memory(tmp_path):
    path = quiet_file(tmp_path / "meeting.wav", 20, speech_at=(0.0, 605.0, 1180.0))
    card = installed("whisper-tiny-en-int8")
    reports = []
    tracemalloc.start()
    try:
        outcome = Pipeline().run(RunRequest(card, get_task(card.task), path), progress=lambda f, p: reports.append((f, p)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    result = outcome.result
    assert result.duration == 1200.0 and len(result.samples) == 0 and result.long is outcome.decoded
    # The recording itself is 77 MB as float32 and was never all in memory: the peak is one piece's working
    # memory (the encoder's keys and values, 18 MB; the log-mel of 30 s) and one block of the file.
    assert peak < 50e6
    said = [(round(p.start), p.text) for p in result.phrases]
    assert [t for _, t in said] == ["Hey Jarvis.", "Alexa.", "What is the weather today?"] * 3
    assert [s for s, _ in said][::3] == [1, 606, 1181]
    fractions = [f for f, _ in reports]
    assert fractions == sorted(fractions) and len(fractions) > 20  # about every minute, then every piece
    assert 0 < fractions[0] and fractions[-1] <= 1.0
    assert any(f == pytest.approx(0.1) for f in fractions)  # the detector's pass over the file is done
    assert any(p is not None and len(p.phrases) == 3 for _, p in reports)  # the first piece showed early
    t, low, high = result.envelope
    assert len(t) == 3000 and high[:20].max() > 0.1 and high[100:1400].max() == 0  # speech, then silence
    assert "00:10:06," in result.subtitles()


@pytest.mark.models
@pytest.mark.parametrize("model_id", ["whisper-tiny-en", "whisper-tiny-en-int8"])
def test_read_from_its_file_a_recording_gives_what_it_gives_in_memory(monkeypatch, model_id):
    from tests.known import Runs

    runs = Runs()
    in_memory = runs(model_id, "vad_test16k.wav")
    monkeypatch.setattr(audio, "IN_MEMORY_SECONDS", 1)  # as if twelve seconds were too long to hold
    from_file = runs(model_id, "vad_test16k.wav")
    assert isinstance(from_file.decoded, LongAudio) and isinstance(in_memory.decoded, media.AudioData)
    assert [(p.start, p.end, p.text) for p in from_file.result.phrases] == \
        [(p.start, p.end, p.text) for p in in_memory.result.phrases]  # the detector's blocks join seamlessly
    # Every frame is read once either way (the blocks' runs end where the blocks do, so their count differs).
    assert from_file.record.steps == in_memory.record.steps


@pytest.mark.models
def test_a_long_recording_can_be_cancelled_while_it_is_read(tmp_path):
    path = quiet_file(tmp_path / "long.wav", 8)
    card = installed("whisper-tiny-en-int8")
    token = CancelToken()
    seen = []

    def progress(fraction, partial):
        seen.append(fraction)
        if fraction >= 0.02:
            token.cancel()

    with pytest.raises(Cancelled):
        Pipeline().run(RunRequest(card, get_task(card.task), path), token=token, progress=progress)
    assert seen and max(seen) < 0.05  # stopped within a block of the press
