"""The tasks', results' and decoders' sentences in the window's language: with a translator installed, every
sentence they write for a person goes through it, while a model's own words (labels, transcripts, replies) and
file names pass as they are; langid's language names are the app's words, read from the names file's column."""

from __future__ import annotations

import io
import re
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import soundfile as sf
from PIL import Image

from playground import paths
from playground.core import media, words
from playground.core.card import ModelCard, parse_card
from playground.core.errors import InputError
from playground.core.media import AudioData, ImageData, TextData
from playground.core.results import (
    Cutout,
    Denoised,
    Detection,
    Detections,
    DigitGuess,
    Generation,
    Note,
    Notes,
    Phrase,
    Similarities,
    SpeechSegments,
    TextLine,
    TextLines,
    Transcript,
    Upscaled,
)
from playground.tasks import classify, content_type, language, sentiment
from playground.tasks.digits import to_mnist
from playground.tasks.ops import checked_pixels
from playground.tasks.similarity import SimilarityTask
from playground.tasks.vad import mono_at


def pseudo(context: str, text: str) -> str:  # noqa: ARG001 - the translator's signature
    return f"⟦{text}⟧"


@pytest.fixture
def german():
    """Everything the core translates comes back bracketed, and the language spoken is German."""
    words.install(pseudo, "de")
    try:
        yield
    finally:
        words.install(None)


def card(model_id: str) -> ModelCard:
    """A bundled card as written (its model's files need not be there: only postprocess runs)."""
    return parse_card(paths.models_dir() / model_id / "model.toml")


def refusal(kind: str, source) -> str:
    with pytest.raises(InputError) as caught:
        media.decode(kind, source)
    return str(caught.value)


def whole(sentence: str) -> bool:
    return sentence.startswith("⟦") and sentence.endswith("⟧")


# ---------------------------------------------------------------------------------------------- inputs

def test_a_picture_that_is_not_one_is_refused_in_the_windows_language_file_name_as_it_is(german, tmp_path: Path):
    photo = tmp_path / "photo.png"
    photo.write_text("a shopping list, not a photo\n", encoding="utf-8")
    said = refusal("image", photo)
    assert whole(said) and said.startswith("⟦photo.png is not a picture") and "⟦photo.png⟧" not in said
    # What the file looks like and what to do instead are translated on their own inside the sentence.
    assert "(it looks like ⟦text⟧)" in said and "⟦choose a PNG, JPEG, WebP, BMP or GIF file⟧" in said
    pasted = refusal("image", np.zeros((0, 4, 3), np.uint8))
    assert pasted == "⟦⟦The pasted image⟧ has no pixels: copy the picture again.⟧"


def test_a_recording_that_is_not_one_is_refused_in_the_windows_language(german):
    said = refusal("audio", b"Dear diary, today I recorded nothing at all.")
    assert whole(said) and said.startswith("⟦⟦The pasted recording⟧ is not a sound recording")
    assert "⟦choose a WAV, FLAC, OGG or MP3 file⟧" in said
    with pytest.raises(InputError) as caught:
        mono_at(AudioData(np.zeros(0, np.float32), 16000), 16000)
    assert str(caught.value) == "⟦The recording has no sound in it; record or pick a clip a few seconds long.⟧"


def test_text_that_cannot_be_read_is_refused_in_the_windows_language(german):
    said = refusal("text", "\ufeffhi".encode("utf-16"))
    assert said == "⟦⟦The pasted text⟧ is UTF-16 text, not UTF-8: save it as UTF-8 and try again.⟧"
    assert refusal("text", "   \n") == "⟦There is no text to look at: type or paste some text.⟧"
    broken = refusal("text", b"caf\xe9 au lait")
    assert whole(broken) and "offset 3" in broken
    with pytest.raises(InputError) as caught:
        SimilarityTask().preprocess(TextData("\n \n"), card("minilm-l6"), {})
    assert str(caught.value) == "⟦There is nothing to compare yet: type two or more sentences, one per line.⟧"


def test_what_the_decoders_note_and_call_an_input_is_translated_too(german):
    transparent = Image.new("RGBA", (4, 4), (0, 0, 0, 0))
    decoded = media.decode("image", np.asarray(transparent))
    assert decoded.label == "⟦pasted image⟧" and decoded.notes == ("⟦transparent areas are shown on white⟧",)
    wav = io.BytesIO()
    sf.write(wav, np.zeros((800, 2), np.float32), 8000, format="WAV")
    stereo = media.decode("audio", wav.getvalue(), SimpleNamespace(preprocess={"sample_rate": 16000}))
    assert stereo.label == "⟦pasted recording⟧"
    assert stereo.notes == ("⟦stereo recording mixed down to mono⟧", "⟦resampled from {rate} kHz to {target} kHz⟧"
                            .replace("{rate}", "8").replace("{target}", "16"))
    with pytest.raises(InputError) as caught:
        checked_pixels(ImageData(np.zeros((2, 3, 3), np.uint8)))
    assert str(caught.value) == ("⟦The picture is only 3×2 pixels; give one at least 8 pixels on each side (a normal "
                                 "photo works best).⟧")
    with pytest.raises(InputError) as caught:
        to_mnist(np.full((28, 28, 3), 255, np.uint8))
    assert str(caught.value) == "⟦Draw a digit first: the canvas is empty.⟧"


# ---------------------------------------------------------------------------------------------- answers

def test_a_photos_headline_is_translated_and_the_class_name_is_the_lists(german):
    efficientnet = card("efficientnet-lite0")
    logits = np.zeros(1000, np.float32)
    logits[0] = 12.0  # tench
    ctx = classify.ClassifyContext((3000, 300), (1350.0, 0.0, 1650.0, 300.0))  # a strip: the model saw a tenth
    result = classify.ClassifyTask().postprocess({"logits": logits[None]}, ctx, efficientnet, {})
    tench = classify.class_names(efficientnet)[0]  # the class list's own name, in the window's language if it has it
    assert whole(result.headline) and result.headline.startswith(f"⟦Most likely: {tench} — ")
    assert f"⟦{tench}" not in result.headline
    assert result.note == "⟦The model looked only at the centre square, 10% of this picture.⟧"


def test_a_languages_headline_and_note_are_translated_and_its_names_are_german(german):
    langid = card("langid")
    names = language.language_names(langid)
    codes = list(names)
    log_prob = np.full(len(codes), -50.0, np.float32)
    log_prob[codes.index("fr")] = -1.0
    probs = np.zeros(len(codes), np.float32)
    probs[codes.index("fr")] = 1.0
    outputs = {"log_prob": log_prob[None], "probabilities": probs[None]}
    result = language.LanguageTask().postprocess(outputs, language.LanguageContext(letters=3), langid, {})
    assert result.items[0].shown == "Französisch"  # the app's own word, from the file's German column
    assert result.headline == "⟦A guess: Französisch. ⟦There are too few letters to be sure (see the note).⟧⟧"
    assert result.note == ("⟦Only 3 letters to go on: with so few, take this as a guess, and give it a sentence or "
                           "two to be sure.⟧")


def test_a_moods_headline_sentence_title_and_the_moods_themselves_are_translated(german):
    model = card("sentiment")
    outputs = {"probabilities": np.asarray([[0.05, 0.15, 0.8]], np.float32),
               "sentence_probabilities": np.asarray([[0.8, 0.1, 0.1], [0.05, 0.15, 0.8]], np.float32)}
    ctx = sentiment.SentimentContext(pieces=12, cut=True, unknown=0.0, foreign=0.0,
                                     sentences=("It broke.", "I love it."))
    result = sentiment.SentimentTask().postprocess(outputs, ctx, model, {})
    assert whole(result.headline) and result.headline.startswith("⟦Mixed: its 2 sentences are ")
    # The moods are the app's scale, said in the window's language inside the sentence and as the answers.
    assert "⟦positive⟧ (80 %)" in result.headline and [i.name for i in result.items][0] == "⟦positive⟧"
    assert [p.best.name for p in result.parts] == ["⟦negative⟧", "⟦positive⟧"]
    assert result.parts_title == "⟦Sentence by sentence⟧"
    assert result.note.startswith("⟦Only the first 254 word pieces")


def test_a_texts_kind_says_its_headline_note_and_plain_name_in_the_windows_language(german):
    magika = card("magika")
    config = content_type.MagikaConfig(("txt", "python"), {}, 0.9, {})
    short = content_type.ContentContext(config, 3, True)
    result = content_type.ContentTypeTask().postprocess({}, short, magika, {})
    assert result.headline == "⟦Too short to judge: taken as plain text.⟧"
    assert result.note == "⟦Too short for the model to judge, so it is plain text: give it a few lines.⟧"
    assert result.items[0].name == "txt" and result.items[0].description == "⟦plain text⟧"
    unsure = content_type.ContentContext(config, 300, False)
    outputs = {magika.outputs[0].name: np.asarray([[0.3, 0.7]], np.float32)}
    result = content_type.ContentTypeTask().postprocess(outputs, unsure, magika, {})
    assert result.headline == "⟦Not sure: taken as plain text (the best guess, ⟦Python source code⟧, has 70 %).⟧"


def test_every_answers_summary_says_its_own_words_in_the_windows_language(german):
    picture = np.zeros((4, 6, 3), np.uint8)
    audio = np.zeros(16000, np.float32)
    answers = [
        Detections(picture, (Detection((0.0, 0.0, 2.0, 2.0), 0.9),), what="face"),
        Cutout(picture, np.ones((4, 6), np.float32)),
        Upscaled(picture, np.zeros((16, 24, 3), np.uint8), 4, tiles=2),
        TextLines(picture, (TextLine(((0, 0), (1, 0), (1, 1), (0, 1)), "EXIT", 0.9),)),
        DigitGuess(np.eye(10, dtype=np.float32)[7], np.zeros((28, 28), np.float32)),
        SpeechSegments(audio, 16000, np.zeros(31, np.float32), 0.032, ((0.1, 0.5),)),
        Transcript(audio, 16000, ()),
        Notes(audio, 16000, (Note(0.0, 0.5, 69, 0.8, 440.0),), np.zeros((1, 88)), np.zeros((1, 88)), 0.01),
        Denoised(audio, audio, 16000, np.zeros(100, np.float32), 0.01, 0.5, 12.0, 20.0),
        Similarities(("a", "b"), np.eye(2, dtype=np.float32), (3, 3), (False, False)),
        Similarities(("a", "b"), None, (3, 3), (False, False), query="c", scores=np.asarray([0.1, 0.2])),
        Generation("Hi", "Hello there!", 3, 20, 50.0, 40.0, (10.0, 10.0), stop="length"),
    ]
    # What the models read, wrote or compared, and units alone (a row of times): nothing of the app's to say.
    models_words = {"EXIT", "a", "b", "c", "Hello there!", "s"}
    for answer in answers:
        lines = [line for line in answer.summary().splitlines() if any(c.isalpha() for c in line)]
        said = [line for line in lines if re.sub(r"[^A-Za-z!' ]", "", line).strip() not in models_words]
        assert said and all("⟦" in line for line in said), (type(answer).__name__, said)
    reply = answers[-1].summary().splitlines()
    assert reply[0] == "Hello there!" and reply[-1].endswith(" ⟦(stopped at the token limit)⟧")
    heard = Transcript(audio, 16000, (Phrase(0.0, 1.0, "the wurld is round", ("wurld",)),)).summary()
    assert heard.startswith("[  0.0–  1.0 s] the wurld is round  ⟦(unsure of: wurld)⟧")
    assert Notes(audio, 16000, (), np.zeros((1, 88)), np.zeros((1, 88)), 0.01).text().split("\t")[:2] == [
        "⟦start (s)⟧", "⟦end (s)⟧"]


# ---------------------------------------------------------------------------------------------- names

def test_langids_names_follow_the_windows_language_english_by_default(german):
    langid = card("langid")
    german_names = language.language_names(langid)
    assert german_names["de"] == "Deutsch" and german_names["en"] == "Englisch" and german_names["zh"] == "Chinesisch"
    assert len(set(german_names.values())) == 97
    words.install(None)
    english_names = language.language_names(langid)
    assert english_names["de"] == "German" and list(english_names) == list(german_names)


def test_a_name_missing_in_a_column_and_a_language_without_one_fall_back_to_english(tmp_path: Path):
    names = tmp_path / "names.tsv"
    names.write_text("de\tGerman\tDeutsch\nfr\tFrench\t\nxx\tSomething\n", encoding="utf-8")
    assert language._read_names(str(names), "de") == {"de": "Deutsch", "fr": "French", "xx": "Something"}
    assert language._read_names(str(names), "fr") == {"de": "German", "fr": "French", "xx": "Something"}
    assert language._read_names(str(names)) == {"de": "German", "fr": "French", "xx": "Something"}


def test_without_a_translator_everything_is_english_again():
    words.install(pseudo, "de")
    words.install(None)
    assert refusal("text", "   ") == "There is no text to look at: type or paste some text."
    assert language.language_names(card("langid"))["fr"] == "French"
