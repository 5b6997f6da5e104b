"""Every audio model against the awkward recordings people really give: each gives a result or one sentence.

Silence, pure noise, clipped speech, 1 ms of sound, 8 kHz telephone audio, a 6-channel file and files that
are not sound at all. The list of models comes from the catalog, so a new audio model is checked the day
its card lands.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import soxr

from playground import paths
from playground.core.catalog import load_catalog
from playground.core.errors import InputError
from playground.core.pipeline import Pipeline
from playground.core.task import RunRequest
from playground.tasks.registry import get_task

pytestmark = pytest.mark.models
AUDIO_MODELS = [card.id for card in load_catalog().cards if card.modality == "audio"]


def _speech() -> tuple[np.ndarray, int]:
    return sf.read(paths.samples_dir() / "sent16k.wav", dtype="float32")


def silence(folder: Path) -> Path:
    sf.write(folder / "silence.wav", np.zeros(3 * 16000, np.float32), 16000, subtype="PCM_16")
    return folder / "silence.wav"


def noise(folder: Path) -> Path:
    rng = np.random.default_rng(7)
    sf.write(folder / "hiss.flac", (0.3 * rng.standard_normal(3 * 22050)).clip(-1, 1), 22050)
    return folder / "hiss.flac"


def clipped(folder: Path) -> Path:
    speech, rate = _speech()
    sf.write(folder / "shouted.wav", np.clip(speech * 12, -1, 1), rate, subtype="PCM_16")
    return folder / "shouted.wav"


def one_millisecond(folder: Path) -> Path:
    sf.write(folder / "blip.wav", np.full(16, 0.2, np.float32), 16000)
    return folder / "blip.wav"


def telephone(folder: Path) -> Path:
    speech, rate = _speech()
    sf.write(folder / "phone.wav", soxr.resample(speech, rate, 8000), 8000, subtype="PCM_16")
    return folder / "phone.wav"


def six_channels(folder: Path) -> Path:
    speech, rate = _speech()
    surround = np.zeros((len(speech), 6), np.float32)
    surround[:, 2] = speech  # the voice on the centre channel only, as films put it
    surround[:, 3] = 0.05 * np.sin(np.arange(len(speech)) * 2 * np.pi * 50 / rate)  # the bass channel hums
    sf.write(folder / "film.ogg", surround, rate)
    return folder / "film.ogg"


def not_sound(folder: Path) -> Path:
    (folder / "photo.wav").write_bytes((paths.samples_dir() / "astronaut.png").read_bytes()[:50_000])
    return folder / "photo.wav"


def empty_file(folder: Path) -> Path:
    (folder / "nothing.mp3").write_bytes(b"")
    return folder / "nothing.mp3"


MAKERS = [silence, noise, clipped, one_millisecond, telephone, six_channels, not_sound, empty_file]
REFUSED = {not_sound, empty_file}  # nothing to hear: refusing is the only answer


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize("make", MAKERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("model_id", AUDIO_MODELS)
def test_an_awkward_recording_gives_a_result_or_one_plain_sentence(pipeline, require_model, tmp_path, model_id,
                                                                     make):
    card = require_model(model_id)
    source = make(tmp_path)
    try:
        outcome = pipeline.run(RunRequest(card, get_task(card.task), source, {}))
    except InputError as exc:
        sentence = str(exc)
        assert sentence.endswith(".") and "\n" not in sentence and len(sentence) < 300
        assert "Traceback" not in sentence and "onnxruntime" not in sentence.lower()
        # Refusing is fair for what holds no sound, and for a blip shorter than the model can listen to,
        # if the sentence says how long it was.
        fair = make in REFUSED or (make is one_millisecond and "1 ms" in sentence)
        assert fair, f"{model_id} refused {source.name}: {sentence}"
        return
    assert make not in REFUSED, f"{model_id} gave a result for {source.name}"
    assert outcome.result.summary()
    notes = " ".join(outcome.decoded.notes)
    if make is six_channels:
        assert "6-channel recording mixed down to mono" in notes
    if make is telephone and card.preprocess.get("sample_rate", 8000) != 8000:
        assert "resampled from 8 kHz" in notes


@pytest.mark.parametrize("make", [silence, noise], ids=lambda f: f.__name__)
def test_speech_to_text_writes_nothing_for_silence_or_noise(pipeline, require_model, tmp_path, make):
    card = require_model("whisper-tiny-en-int8")
    outcome = pipeline.run(RunRequest(card, get_task(card.task), make(tmp_path), {}))
    assert outcome.result.text == "" and "no words heard" in outcome.result.summary()


@pytest.mark.parametrize("make", [clipped, telephone, six_channels], ids=lambda f: f.__name__)
def test_speech_to_text_still_hears_the_words_through_clipping_a_telephone_and_a_film_mix(pipeline, require_model,
                                                                                         tmp_path, make):
    card = require_model("whisper-tiny-en")
    text = pipeline.run(RunRequest(card, get_task(card.task), make(tmp_path), {})).result.text.lower()
    if make is telephone:  # above 4 kHz there is nothing left: tiny.en loses the fox, keeps the request
        assert "please call" in text and "from the store" in text
    else:
        assert "please call stel" in text and "lazy dog" in text
