"""Language identification with langid.py converted here: the known answers, langid's own arithmetic, awkward texts."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tarfile
from collections import defaultdict
from pathlib import Path

import numpy as np
import onnx
import pytest

from playground import paths
from playground.core import media
from playground.core.card import parse_card
from playground.core.errors import InputError, ModelCardError, ModelMissingError
from playground.core.media import TextData
from playground.tasks.language import (
    NAME_COLUMNS,
    LanguageContext,
    LanguageTask,
    count_letters,
    featurise,
    language_names,
    load_tables,
)
from playground.zoo.langid import LangidModel, read_model
from tests.known import Runs, installed

MODELS = pytest.mark.models
# langid.py 1.1.6's nb_classes (MODELS.md §2.3.4), in its output order.
CODES = ("af am an ar as az be bg bn br bs ca cs cy da de dz el en eo es et eu fa fi fo fr ga gl gu he hi hr ht hu hy "
         "id is it ja jv ka kk km kn ko ku ky la lb lo lt lv mg mk ml mn mr ms mt nb ne nl nn no oc or pa pl ps pt qu "
         "ro ru rw se si sk sl sq sr sv sw ta te th tl tr ug uk ur vi vo wa xh zh zu").split()

# MODELS.md §2.3.4, the labels langid.py 1.1.6 itself gives.
KNOWN = [
    ("This is a test of the language identifier.", "en"),
    ("Ceci est un test de l'identification de la langue.", "fr"),
    ("Dies ist ein Test der Spracherkennung.", "de"),
    ("Esto es una prueba del identificador de idiomas.", "es"),
    ("Questo è un test.", "it"),
    ("これは言語識別のテストです。", "ja"),
    ("Это тест определения языка.", "ru"),
    ("Dit is een test.", "nl"),
    ("你好，世界", "zh"),
    ("Olá, tudo bem?", "sk"),  # Portuguese, but too short: langid.py says Slovak too
]


@pytest.fixture(scope="module")
def run() -> Runs:
    return Runs()


def identify(run, text: str, **params):
    return run("langid", TextData(text), **params).result


@MODELS
@pytest.mark.parametrize("text, code", KNOWN, ids=[c for _, c in KNOWN])
def test_the_known_sentences_get_langids_own_labels(run, text, code):
    result = identify(run, text)
    assert result.items[0].name == code
    assert len(result.items) == 5 and result.items[0].score >= result.items[1].score


@MODELS
def test_the_card_says_olá_comes_out_slovak_and_the_result_says_it_is_a_guess(run):
    card = installed("langid")
    assert "'Olá, tudo bem?' (Portuguese) comes out Slovak" in card.fails_on
    result = identify(run, "Olá, tudo bem?")
    assert result.items[0].description == "Slovak"
    assert result.note.startswith("Only 10 letters to go on") and "guess" in result.note
    assert identify(run, "Esto es una prueba del identificador de idiomas.").note == ""


@pytest.fixture(scope="module")
def langid_tables(tmp_path_factory) -> LangidModel:
    """The tables unpickled from the cached langid 1.1.6 source package (fetching the model leaves it there)."""
    card = installed("langid")
    archive = paths.cache_dir() / card.source.file
    if not archive.is_file():
        pytest.skip(f"{card.source.file} is not in the download cache")
    folder = tmp_path_factory.mktemp("langid-src")
    with tarfile.open(archive, "r:gz") as tf:
        (folder / "langid.py").write_bytes(tf.extractfile(card.source.members[0].path).read())
    return read_model(folder / "langid.py")


def langid_rank(model: LangidModel, text: str) -> tuple[np.ndarray, np.ndarray]:
    """langid.py's instance2fv, nb_classprobs and norm_probs, straight from the unpickled tables."""
    state, counts = 0, defaultdict(int)
    for byte in text.encode("utf-8"):
        state = int(model.nextmove[(state << 8) + byte])
        counts[state] += 1
    fv = np.zeros(model.ptc.shape[0], np.uint32)
    for s, c in counts.items():
        for index in model.output.get(s, ()):
            fv[index] += c
    pd = np.dot(fv, model.ptc) + model.pc
    with np.errstate(over="ignore"):
        return fv, 1 / np.exp(pd[None, :] - pd[:, None]).sum(1)


@MODELS
@pytest.mark.parametrize("text", ["Olá, tudo bem?", "Ceci est un test de l'identification de la langue.",
                                  "Dit is een test.", "Hello world, how are you?"])
def test_numpy_features_and_the_graph_equal_langids_algorithm(run, langid_tables, text):
    fv, probs = langid_rank(langid_tables, text)
    assert np.array_equal(featurise(text.encode(), load_tables(installed("langid"))), fv.astype(np.float32))
    result = identify(run, text, top_k=20)
    by_code = {label.name: label.score for label in result.items}
    for i in np.argsort(-probs)[:20]:
        assert by_code[langid_tables.classes[i]] == pytest.approx(probs[i], abs=1e-5)


def test_the_names_file_names_all_97_codes_once_in_each_language_as_its_sources_say():
    path = paths.assets_dir() / "labels" / "languages.tsv"
    raw = path.read_bytes()
    rows = [line.split("\t") for line in raw.decode("utf-8").splitlines()]
    assert [row[0] for row in rows] == CODES and raw.endswith(b"\n")
    assert all(len(row) == 1 + len(NAME_COLUMNS) for row in rows)  # every cell filled, English and German
    for column in range(1, 1 + len(NAME_COLUMNS)):
        names = [row[column] for row in rows]
        assert all(name and name.strip() == name and not name.islower() for name in names)
        assert len(set(names)) == 97
    sources = (paths.assets_dir() / "labels" / "SOURCES.md").read_text(encoding="utf-8")
    assert hashlib.sha256(raw).hexdigest() in sources


def test_letters_of_any_script_are_counted_up_to_enough():
    assert count_letters("Olá, tudo bem?", 20) == 10 and count_letters("你好，世界", 20) == 4
    assert count_letters("שלום עולם", 20) == 8 and count_letters("😀🎉 123 + ?", 20) == 0
    assert count_letters("a" * 100_000, 20) == 20


@MODELS
def test_every_code_has_a_name_in_the_models_own_order(langid_tables):
    card = installed("langid")
    names = language_names(card)
    labels = json.loads({p.key: p.value for p in onnx.load(str(card.path())).metadata_props}["labels"])
    assert list(names) == labels == list(langid_tables.classes) and len(labels) == 97
    assert names["en"] == "English" and names["pt"] == "Portuguese" and names["zh"] == "Chinese"
    assert len(set(names.values())) == 97


@MODELS
@pytest.mark.parametrize("sample, code", [("hello_fr.txt", "fr"), ("hello_de.txt", "de"), ("hello_pt.txt", "pt"),
                                          ("hello_ru.txt", "ru"), ("hello_ar.txt", "ar"), ("hello_ja.txt", "ja")])
def test_each_sample_is_its_own_language_without_a_warning(run, sample, code):
    result = run("langid", sample).result
    assert result.items[0].name == code and result.items[0].score > 0.99 and result.note == ""
    assert result.items[1].name != "af"  # runners-up by log-probability, not a tie of zeros in code order


@MODELS
def test_right_to_left_scripts(run):
    hebrew = "שלום, זה מבחן של זיהוי השפה. התוכנה פועלת על המחשב הזה בלבד."
    arabic = "مرحبا، هذا اختبار لتحديد اللغة. البرنامج يعمل على هذا الحاسوب فقط."
    assert identify(run, hebrew).items[0].description == "Hebrew"
    assert identify(run, arabic).items[0].description == "Arabic"


@MODELS
@pytest.mark.parametrize("text, words", [
    ("", "^There is no text to look at"),
    ("   \n\t  ", "^There is no text to look at"),
    ("\x00\x00\x00", "^There is no text to look at"),
    ("😀🎉👍 🙂", "^There are no words here, only digits, signs or emoji"),
    ("12345 + 678 = ?", "^There are no words here"),
    ("Hello", "^None of the letter groups the model knows is in this text yet"),
])
def test_text_with_nothing_to_judge_is_one_sentence(run, text, words):
    with pytest.raises(InputError, match=words) as caught:
        identify(run, text)
    sentence = str(caught.value)
    assert sentence.endswith(".") and "\n" not in sentence


@MODELS
def test_nul_bytes_and_emoji_inside_a_sentence_do_not_change_the_answer(run):
    plain = "Dies ist ein Test der Spracherkennung."
    odd = identify(run, "Dies ist ein\x00 Test der 🎉 Spracherkennung.\x00")
    assert odd.items[0].name == "de" == identify(run, plain).items[0].name


@MODELS
def test_a_megabyte_of_text_is_cut_as_the_decoder_says_and_still_identified(run):
    text = (Path(paths.samples_dir() / "hello_fr.txt").read_text(encoding="utf-8") * 6000).encode()
    assert len(text) > 1_000_000
    decoded = media.decode("text", text, installed("langid"))
    assert decoded.truncated and len(decoded.text.encode()) <= media.MAX_TEXT_BYTES
    assert "only the first 256 KB were kept" in decoded.notes[-1]
    outcome = run("langid", decoded)
    assert outcome.result.items[0].name == "fr" and outcome.result.items[0].score > 0.99


@MODELS
def test_a_text_file_that_is_not_utf8_is_one_sentence(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Ceci est un texte en français, écrit en Latin-1.".encode("latin-1"))
    with pytest.raises(InputError, match=r"^latin1\.txt is not UTF-8 text \(the byte at offset 25 is not valid "
                                         r"UTF-8\): save it as UTF-8 and try again\.$"):
        media.decode("text", bad, installed("langid"))


@pytest.fixture
def card_elsewhere(tmp_path):
    """The real card pointed at an empty folder: what a damaged or half-copied install looks like."""
    return dataclasses.replace(parse_card(paths.models_dir() / "langid" / "model.toml"), folder=tmp_path)


def test_missing_or_damaged_tables_say_how_to_get_them(card_elsewhere):
    with pytest.raises(ModelMissingError, match="not installed yet"):
        load_tables(card_elsewhere)
    card_elsewhere.path("tables").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ModelMissingError, match=r"langid_tables\.npz is damaged .*models fetch langid'\.$"):
        load_tables(card_elsewhere)


def test_a_model_that_rates_a_different_number_of_languages_is_refused(card_elsewhere):
    outputs = {"probabilities": np.zeros((1, 3), np.float32), "log_prob": np.zeros((1, 3), np.float32)}
    with pytest.raises(ModelCardError, match="rates 3 languages, but its list of names has 97"):
        LanguageTask().postprocess(outputs, LanguageContext(30), card_elsewhere, {})
