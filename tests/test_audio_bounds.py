"""Audio is bounded by memory, not only by length: high rates are resampled as read; an unsaid length is counted."""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
import soundfile as sf
import soxr

from playground.core import media
from playground.core.errors import InputError
from playground.core.media import audio
from playground.core.media.long_audio import LongAudio

RATE = 16000
HIGH = 655_350  # the highest rate a FLAC file can say
CARD = SimpleNamespace(preprocess={"sample_rate": RATE})
STREAMS = SimpleNamespace(preprocess={"sample_rate": RATE, "long_audio": True})
MB = 1 << 20


def peak(run: Callable[[], Any]) -> tuple[Any, int]:
    """What run() gives and the most memory (bytes, as tracemalloc sees numpy's arrays) it held at once."""
    tracemalloc.start()
    try:
        return run(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def tone(rate: int, seconds: float, channels: int = 1) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    wave = 0.5 * np.sin(2 * np.pi * 440 * t)
    return np.stack([wave * (0.5 + c / 2) for c in range(channels)], axis=1) if channels > 1 else wave


@pytest.fixture(scope="module")
def ultrasonic(tmp_path_factory) -> Path:
    """30 s of silence at 655,350 Hz: 79 MB as float32 at its own rate, under 2 MB at the model's 16 kHz."""
    path = tmp_path_factory.mktemp("bounds") / "bat.flac"
    with sf.SoundFile(path, "w", HIGH, 1, "PCM_16", format="FLAC") as out:
        for _ in range(30):
            out.write(np.zeros(HIGH, np.int16))
    return path


def test_a_high_rate_file_is_held_at_the_models_rate_not_its_own(ultrasonic):
    data, most = peak(lambda: media.decode("audio", ultrasonic, CARD))
    assert isinstance(data, media.AudioData) and data.sample_rate == RATE and data.original_rate == HIGH
    assert len(data.samples) == 30 * RATE and not data.samples.any()
    assert data.notes == ("resampled from 655.35 kHz to 16 kHz",)
    model_rate = data.samples.nbytes  # 1.9 MB; the file's own rate would be 41 times that
    assert most < 3 * model_rate + 2 * MB, f"{most / MB:.1f} MB held for {model_rate / MB:.1f} MB of samples"


def test_a_high_rate_file_read_from_its_file_holds_little(ultrasonic, monkeypatch):
    monkeypatch.setattr(audio, "IN_MEMORY_SECONDS", 10)  # as if thirty seconds were too long to hold
    long = media.decode("audio", ultrasonic, STREAMS)
    assert isinstance(long, LongAudio) and long.frames == 30 * HIGH
    samples, most = peak(lambda: long.read(0.0, 30.0))
    assert len(samples) == pytest.approx(30 * RATE, abs=2) and not samples.any()
    assert most < 3 * samples.nbytes + 2 * MB, f"{most / MB:.1f} MB held for {samples.nbytes / MB:.1f} MB of samples"


def test_many_channels_are_read_a_few_samples_at_a_time(tmp_path):
    path = tmp_path / "array.wav"
    sf.write(path, np.zeros((6 * 48000, 32), np.int16), 48000, subtype="PCM_16")  # a 32-microphone array
    data, most = peak(lambda: media.decode("audio", path, CARD))
    assert len(data.samples) == 6 * RATE and "32-channel recording mixed down to mono" in data.notes
    assert most < 4 * MB, f"{most / MB:.1f} MB held for {data.samples.nbytes / MB:.1f} MB of samples"


def test_resampling_as_it_is_read_gives_the_same_samples_as_resampling_the_whole(tmp_path):
    path = tmp_path / "tone.flac"
    stereo = tone(HIGH, 2.0, channels=2)  # five reads' worth
    sf.write(path, stereo, HIGH, subtype="PCM_16")
    data = media.decode("audio", path, CARD)
    read = sf.read(path, dtype="float32")[0].mean(axis=1, dtype=np.float32)
    whole = np.clip(soxr.resample(read, HIGH, RATE, quality="HQ"), -1.0, 1.0)
    np.testing.assert_array_equal(data.samples, whole)
    assert data.notes == ("stereo recording mixed down to mono", "resampled from 655.35 kHz to 16 kHz")


def test_broken_and_overloud_samples_are_still_noted_when_resampled_as_read():
    samples = np.zeros(4800, np.float32)
    samples[100:104] = [0.5, 3.0, -2.0, np.nan]
    out = io.BytesIO()
    sf.write(out, samples, 48000, format="WAV", subtype="FLOAT")
    data = media.decode("audio", out.getvalue(), CARD)
    assert data.notes == ("some samples were not numbers and were replaced by silence",
                          "resampled from 48 kHz to 16 kHz", "the recording is louder than full scale; its peaks were clipped")
    assert len(data.samples) == 1600 and np.isfinite(data.samples).all() and np.abs(data.samples).max() <= 1.0


def streamed_flac(path: Path, samples: np.ndarray, rate: int) -> Path:
    """A valid FLAC whose STREAMINFO says 0 samples (unknown), as an encoder writing to a stream leaves it."""
    sf.write(path, samples, rate, format="FLAC", subtype="PCM_16")
    data = bytearray(path.read_bytes())
    assert data[:4] == b"fLaC" and data[4] & 0x7F == 0  # the first metadata block is STREAMINFO
    data[8 + 13] &= 0xF0  # total samples: 36 bits, the low 4 of STREAMINFO's byte 13 and its bytes 14-17
    data[8 + 14:8 + 18] = bytes(4)
    path.write_bytes(bytes(data))
    assert sf.info(str(path)).frames > 10**15  # libsndfile says 2**63 - 1: "160127986750 h"
    return path


@pytest.fixture
def unknown(tmp_path) -> tuple[Path, Path]:
    """The same three-second stereo tone at 44.1 kHz, as a normal FLAC and as one that does not say its length."""
    samples = tone(44100, 3.0, channels=2)
    sf.write(tmp_path / "known.flac", samples, 44100, subtype="PCM_16")
    return tmp_path / "known.flac", streamed_flac(tmp_path / "live.flac", samples, 44100)


@pytest.mark.parametrize("card", [CARD, None], ids=["16k", "own-rate"])
def test_a_flac_that_does_not_say_its_length_decodes_as_the_same_file_that_does(unknown, card):
    known, live = unknown
    expected = media.decode("audio", known, card)
    for source in (live, live.read_bytes()):  # a file, and the same file pasted
        data = media.decode("audio", source, card)
        assert len(data.samples) == (3 * RATE if card else 3 * 44100)
        np.testing.assert_array_equal(data.samples, expected.samples)
        assert data.notes == expected.notes and data.original_rate == 44100


def test_a_flac_without_its_length_is_counted_for_a_model_that_reads_long_files(unknown, monkeypatch):
    known, live = unknown
    expected = media.decode("audio", known, STREAMS)
    data = media.decode("audio", live, STREAMS)  # three seconds: held in memory
    assert isinstance(data, media.AudioData)
    np.testing.assert_array_equal(data.samples, expected.samples)
    monkeypatch.setattr(audio, "IN_MEMORY_SECONDS", 1)  # as if three seconds were too long to hold
    long = media.decode("audio", live, STREAMS)
    assert isinstance(long, LongAudio) and long.frames == 3 * 44100 and long.seconds == 3.0
    joined = np.concatenate(list(long.blocks(block_s=0.5)))
    np.testing.assert_allclose(joined, expected.samples, atol=1e-6)
    np.testing.assert_allclose(long.read(1.0, 1.0)[100:-100], expected.samples[RATE + 100:2 * RATE - 100], atol=2e-3)


def test_a_flac_without_its_length_is_still_held_to_the_limits(unknown, monkeypatch):
    live = unknown[1]
    monkeypatch.setattr(audio, "MAX_AUDIO_SECONDS", 2)
    with pytest.raises(InputError) as refused:
        media.decode("audio", live, CARD)
    assert str(refused.value) == ("live.flac is too long; the playground takes recordings up to 2 s: "
                                  "trim it or choose a shorter one.")
    monkeypatch.setattr(audio, "MAX_LONG_AUDIO_SECONDS", 2)
    with pytest.raises(InputError) as refused:
        media.decode("audio", live, STREAMS)
    assert str(refused.value) == "live.flac is too long; this model takes recordings up to 2 s: trim it or choose a shorter one."
