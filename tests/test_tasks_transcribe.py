"""Whisper tiny.en converted here: the model file reader, the front end, the tokens, and the known transcript."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from playground.core.errors import FetchError
from playground.tasks.log_mel import log_mel, mel_filters
from playground.tasks.whisper_decode import DOUBT, unsure_words
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


def full_window_log_mel(samples: np.ndarray) -> np.ndarray:
    """The front end as MODELS.md writes it, every one of the 3000 frames transformed: the reference."""
    from playground.tasks.log_mel import HOP, N_FFT, _window

    audio = np.zeros(480_000, np.float32)
    audio[:min(len(samples), 480_000)] = samples[:480_000]
    padded = np.pad(audio, N_FFT // 2, mode="reflect")
    frames = np.lib.stride_tricks.sliding_window_view(padded, N_FFT)[::HOP]
    spectrum = np.fft.rfft(frames * _window(), axis=1)
    power = (spectrum.real ** 2 + spectrum.imag ** 2).astype(np.float32)[:-1]
    logs = np.log10(np.maximum(mel_filters() @ power.T, 1e-10))
    return ((np.maximum(logs, logs.max() - 8.0) + 4.0) / 4.0).astype(np.float32)


@pytest.mark.parametrize("length", [0, 1, 199, 400, 16_000, 47_999, 250 * 160 + 41, 479_700, 479_801, 480_000, 600_000])
def test_only_the_frames_that_reach_the_sound_are_transformed_and_the_numbers_are_the_same(length):
    samples = (0.1 * np.random.default_rng(length).standard_normal(length)).astype(np.float32)
    assert np.array_equal(log_mel(samples), full_window_log_mel(samples))


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
    # The detector's 376 frames of 32 ms in runs of 31, the encoder once, a decoder step per token, two to
    # time the sentence break.
    assert len(outcome.record.session_runs_ns) == 13 + 1 + 22 + 2 and outcome.record.steps == 376 + 1 + 22 + 2
    said = [(p.start, p.end, p.text) for p in outcome.result.phrases]
    assert [text for _, _, text in said] == ["Hello, this is a test of voice activity detection.",
                                             "After a short pause, I am speaking again."]
    # Speech at 1.5–5.3 and 7.3–10.5 s; the detector hears it end at 5.02 and 10.17 s (MODELS.md §5.4).
    assert said[0][0] < 1.5 and 5.02 < said[0][1] < said[1][0] < 7.3 and said[1][1] > 10.17


@pytest.mark.models
@pytest.mark.parametrize("model_id", ["whisper-tiny-en", "whisper-tiny-en-int8"])
def test_each_sentence_gets_the_time_it_was_said(run, model_id):
    phrases = run(model_id, "kws_test16k.wav").result.phrases
    assert [p.text for p in phrases] == ["Hey Jarvis.", "Alexa.", "What is the weather today?"]
    # Said at 1.5–2.9, 4.9–5.9 and 7.9–9.9 s (MODELS.md §5.3): each sentence starts at most 0.4 s before
    # its first word, so clicking it plays the sentence and not the pause before it.
    for phrase, (start, end) in zip(phrases, [(1.5, 2.9), (4.9, 5.9), (7.9, 9.9)]):
        assert start - 0.4 <= phrase.start <= start and phrase.end >= end - 0.3
    assert all(a.end <= b.start for a, b in zip(phrases, phrases[1:]))


# MODELS.md §5.4: the float32 conversion gives CTranslate2's tokens, tiny.en's own mistakes on robotic
# espeak audio included. The int8 build drifts on sent16k ("with her from the store"), as MODELS.md warns.
KNOWN = [
    ("whisper-tiny-en", "sent16k.wav", "The quick roundfark stump, sober, lazy dog. Please call stellar and ask for "
                                       "to bring these things with the flamestore."),
    ("whisper-tiny-en", "kws_test16k.wav", "Hey Jarvis. Alexa. What is the weather today?"),
    ("whisper-tiny-en", "en_gb16k.wav", "speech recognition runs entirely on this computer without any internet "
                                        "connection."),
    ("whisper-tiny-en-int8", "kws_test16k.wav", "Hey Jarvis. Alexa. What is the weather today?"),
    ("whisper-tiny-en-int8", "en_gb16k.wav", "speech recognition runs entirely on this computer without any "
                                             "internet connection."),
]


@pytest.mark.models
@pytest.mark.parametrize(("model_id", "sample", "expected"), KNOWN, ids=lambda v: str(v)[:16])
def test_the_reference_transcripts_come_back_word_for_word(run, model_id, sample, expected):
    assert run(model_id, sample).result.text == expected


@pytest.mark.models
@pytest.mark.parametrize("sample", ["noise16k.wav", "tone1k.wav"])
def test_noise_alone_never_reaches_whisper_so_no_word_is_invented(run, sample):
    outcome = run("whisper-tiny-en-int8", sample)
    assert outcome.result.text == "" and outcome.result.phrases == ()  # not the classic hallucination "You"
    frames = {"noise16k.wav": 157, "tone1k.wav": 94}[sample]  # 32 ms frames of 5 s and 3 s
    assert outcome.record.steps == frames  # only the voice detector ran


@pytest.mark.models
def test_a_long_recording_is_cut_in_its_pauses_into_pieces_of_at_most_thirty_seconds(run):
    import soundfile as sf

    from playground import paths
    from playground.core.media import AudioData

    clip, rate = sf.read(paths.samples_dir() / "vad_test16k.wav", dtype="float32")
    long = AudioData(np.concatenate([clip] * 3), rate, "three times.wav")
    reports, fractions = [], []
    outcome = run("whisper-tiny-en-int8", long, progress=lambda f, p: reports.append(p) or fractions.append(f))
    phrases = outcome.result.phrases
    # Six sentences, as the float32 model also writes them, in two pieces cut in the pause before 30 s.
    assert [p.text for p in phrases] == ["Hello, this is a test of voice activity detection.",
                                         "After a short pause, I am speaking again."] * 3
    assert phrases[0].start == pytest.approx(1.54 - 0.3, abs=0.05)  # widened before the first word
    assert all(a.end <= b.start for a, b in zip(phrases, phrases[1:]))  # in order, never overlapping
    first_piece = [p for p in phrases if p.end <= 30.0]
    assert len(first_piece) == 5 and phrases[-1].start > 30.0  # the last sentence is the second piece's
    # The first piece shows before the second is heard.
    assert any(p is not None and [q.text for q in p.phrases] == [q.text for q in first_piece] for p in reports)
    assert fractions == sorted(fractions) and 0.2 < max(fractions) <= 1.0


def test_speech_is_grouped_into_widened_pieces_that_fit_the_window():
    from playground.tasks.transcribe import pieces

    assert np.allclose(pieces(((1.5, 5.0), (7.3, 10.2)), 12.0), [(1.2, 10.4)])
    long = pieces(((0.0, 20.0), (21.0, 40.0)), 40.0)
    assert len(long) == 2 and all(e - s <= 30.0 for s, e in long)
    assert np.allclose(pieces(((0.0, 70.0),), 70.0), [(0.0, 29.2), (28.7, 58.2), (57.7, 70.0)])
    assert pieces((), 5.0) == []


def test_sentences_are_cut_only_where_a_new_word_follows_a_sentence_end():
    from playground.tasks.whisper_decode import split_sentences

    vocab = ("Hi", ".", "ĠMr", "Ġthere", "?", "3", "Ġ", "!") + ("",) * (EOT - 8) + ("<|endoftext|>",)
    assert split_sentences([0, 1, 3, 4, 3], vocab) == [[0, 1], [3, 4], [3]]
    assert split_sentences([0, 1, 5, 1, 3], vocab) == [[0, 1, 5, 1], [3]]  # "Hi.3." stays one, no space after
    assert split_sentences([0, 7, 6], vocab) == [[0, 7]]  # a trailing lone space is no sentence of its own
    assert split_sentences([], vocab) == []


def test_sentence_times_are_tightened_to_the_speech_inside_them():
    from playground.tasks.transcribe import fit_to_speech

    speech = ((1.5, 2.9), (4.9, 5.9))
    assert fit_to_speech(1.0, 4.0, speech) == pytest.approx((1.2, 3.1))  # widened like a piece
    assert fit_to_speech(4.0, 7.0, speech) == pytest.approx((4.6, 6.1))
    assert fit_to_speech(2.0, 5.5, speech) == (2.0, 5.5)  # speech runs across both ends: nothing to tighten
    assert fit_to_speech(3.0, 4.0, speech) == (3.0, 4.0)  # nothing heard inside: Whisper's own times


def test_a_model_whose_companion_is_missing_says_which_one(tmp_path):
    from playground import paths
    from playground.core.card import parse_card
    from playground.core.errors import ModelMissingError
    from playground.core.pipeline import Pipeline

    folder = tmp_path / "whisper-tiny-en"
    folder.mkdir()
    folder.joinpath("model.toml").write_text((paths.models_dir() / "whisper-tiny-en" / "model.toml").read_text())
    card = parse_card(folder / "model.toml")
    assert card.companions == {"vad": "silero-vad"}
    with pytest.raises(ModelMissingError, match=r"also needs the model 'silero-vad', which this playground does not"):
        Pipeline().companions(card)


def test_a_word_is_unsure_when_its_least_likely_piece_is_under_the_doubt_line():
    vocab = ("ĠThe", "Ġround", "f", "ark", ",", "Ġdog", ".")
    padded = vocab + ("",) * (EOT - len(vocab)) + ("<|endoftext|>",)
    ids = [0, 1, 2, 3, 4, 5, 6]
    # "roundfark" has a piece at 0.2; the comma after it (0.1) and the full stop (0.19) are punctuation only.
    chances = [0.9, 0.8, 0.2, 0.45, 0.1, 0.95, 0.19]
    assert unsure_words(ids, chances, padded) == ("roundfark",)
    assert unsure_words(ids, [0.9] * 7, padded) == ()
    assert DOUBT == 0.3


@pytest.mark.models
@pytest.mark.parametrize("model_id", ["whisper-tiny-en", "whisper-tiny-en-int8"])
def test_the_words_it_misheard_are_the_ones_it_says_it_was_unsure_of(run, model_id):
    # Clearly spoken sentences: no word in doubt. The noisy recording's first sentence ("But with round hearts
    # jumped over the rainy nod", for "The quick brown fox jumped over the lazy dog") is mostly guesses.
    clear = run(model_id, "en_gb16k.wav").result
    assert clear.unsure == () and "unsure" not in clear.summary()
    weather = run(model_id, "kws_test16k.wav").result
    assert weather.phrases[-1].text == "What is the weather today?" and weather.phrases[-1].unsure == ()
    noisy = run(model_id, "noisy48k.wav").result.phrases[0]
    assert noisy.text.startswith("But with round hearts") and len(noisy.unsure) >= 3
    assert set(noisy.unsure) <= {"But", "with", "round", "hearts", "jumped", "over", "the", "rainy", "nod"}
    assert {"hearts", "But"} <= set(noisy.unsure)
    assert run(model_id, "noisy48k.wav").result.to_dict()["phrases"][0]["unsure"] == list(noisy.unsure)
