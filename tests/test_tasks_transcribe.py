"""Whisper tiny.en converted here: the model file reader, the front end, the tokens, and the known transcript."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from playground.core.errors import FetchError, InputError
from playground.tasks.log_mel import log_mel, mel_filters
from playground.tasks.whisper_text import EOT, detokenize, suppression
from playground.zoo.ctranslate2 import read_checkpoint
from tests.known import Runs


def _string(text: str) -> bytes:
    raw = text.encode() + b"\0"
    return struct.pack("<H", len(raw)) + raw


def checkpoint_bytes(extra: bytes = b"") -> bytes:
    weight = np.arange(6, dtype=np.float16).reshape(2, 3)
    body = _string("a/weight") + struct.pack("<B", 2) + struct.pack("<II", 2, 3) + struct.pack("<B", 4)
    body += struct.pack("<I", weight.nbytes) + weight.tobytes()
    aliases = struct.pack("<I", 1) + _string("b/weight") + _string("a/weight")
    return struct.pack("<I", 6) + _string("WhisperSpec") + struct.pack("<II", 3, 1) + body + aliases + extra


def test_a_ctranslate2_file_is_read_with_its_aliases_and_anything_odd_is_one_sentence(tmp_path):
    path = tmp_path / "model.bin"
    path.write_bytes(checkpoint_bytes())
    ck = read_checkpoint(path)
    assert ck.spec == "WhisperSpec" and ck.revision == 3
    assert ck.float32("b/weight").tolist() == [[0, 1, 2], [3, 4, 5]]  # the tied alias is the same array
    path.write_bytes(checkpoint_bytes()[:-20])
    with pytest.raises(FetchError, match=r"model\.bin ends too early"):
        read_checkpoint(path)
    path.write_bytes(checkpoint_bytes(b"junk"))
    with pytest.raises(FetchError, match=r"has 4 bytes after its last entry"):
        read_checkpoint(path)


def test_the_mel_filters_and_front_end_have_whispers_shape_and_scale():
    filters = mel_filters()
    assert filters.shape == (80, 201) and (filters >= 0).all()
    # Slaney normalisation: each triangle's area in Hz is 1 (width × height / 2 with height 2 / width).
    assert (filters.sum(axis=1) * 8000 / 200).mean() == pytest.approx(1.0, rel=0.05)
    tone = np.sin(2 * np.pi * 440 * np.arange(16000) / 16000).astype(np.float32)
    mel = log_mel(tone)
    assert mel.shape == (80, 3000)
    assert mel.max() - mel.min() <= 2.0 + 1e-6  # values floored 8 decades under the loudest, then divided by 4
    loudest = int(np.argmax(mel[:, 50]))
    assert 8 <= loudest <= 14  # 440 Hz sits around the tenth band


def test_tokens_back_to_text_through_the_byte_table():
    vocab = ("Hello", "Ġworld", "Ċ", "Ã©")  # 'Ġ' is a space, 'Ċ' a new line, 'Ã©' the two bytes of é
    padded = vocab + ("",) * (EOT - len(vocab)) + ("<|endoftext|>",)
    assert detokenize([0, 1, 3, EOT], padded) == "Hello worldé"
    mask = suppression([1, 2], EOT + 10)
    assert np.isinf(mask[[1, 2]]).all() and np.isinf(mask[EOT + 1:]).all() and mask[EOT] == 0


@pytest.fixture(scope="module")
def run() -> Runs:
    return Runs()


@pytest.mark.models
@pytest.mark.parametrize("model_id", ["whisper-tiny-en", "whisper-tiny-en-int8"])
def test_the_known_sentence_comes_back_word_for_word(run, model_id):
    outcome = run(model_id, "vad_test16k.wav")
    assert outcome.result.text == ("Hello, this is a test of voice activity detection. "
                                   "After a short pause, I am speaking again.")
    runs = outcome.record.session_runs_ns
    assert len(runs) == 1 + 22  # the encoder once, then one decoder step per word-piece and the end


@pytest.mark.models
def test_a_recording_over_thirty_seconds_is_refused_plainly_for_now(run):
    with pytest.raises(InputError, match=r"^The recording is 31 s long; this version transcribes up to 30 s"):
        from playground.core.media import AudioData

        run("whisper-tiny-en", AudioData(np.zeros(31 * 16000, np.float32), 16000, "long.wav"))
