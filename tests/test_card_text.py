"""A card's words in another language: read in the language spoken, English for what a table leaves out, and a
wrong table refused naming its key."""

from __future__ import annotations

from pathlib import Path

import pytest

from playground import paths
from playground.core import words
from playground.core.card import parse_card
from playground.core.errors import ModelCardError

GERMAN = '''
[text.de]
name = "Sprechererkennung"
summary = "Findet, wo in einer Aufnahme jemand spricht."

[text.de.params.{knob}]
label = "Schwelle"
'''


def card_with(tmp_path: Path, model: str, extra: str) -> Path:
    english = (paths.root() / "models" / model / "model.toml").read_text(encoding="utf-8")
    english = english.split("\n[text.")[0]  # the card as written in English, whatever it ships translated
    folder = tmp_path / model
    folder.mkdir(parents=True)
    (folder / "model.toml").write_text(english + extra, encoding="utf-8")
    return folder / "model.toml"


@pytest.fixture
def speaking():
    def install(code: str) -> None:
        words.install(lambda context, text: text, code)
    yield install
    words.install(None)


def first_knob(path: Path) -> str:
    return parse_card(path).params[0].name


def test_a_card_reads_in_the_language_spoken_and_in_english_elsewhere(tmp_path: Path, speaking):
    english = card_with(tmp_path / "en", "silero-vad", "")
    knob = first_knob(english)
    path = card_with(tmp_path, "silero-vad", GERMAN.format(knob=knob))
    as_written = parse_card(path)
    assert as_written == parse_card(english)  # the command line reads the card as written
    speaking("de")
    german = parse_card(path)
    assert german.name == "Sprechererkennung" and german.summary == "Findet, wo in einer Aufnahme jemand spricht."
    assert german.description == as_written.description  # left out: English, never a blank
    assert german.params[0].label == "Schwelle" and german.params[0].help == as_written.params[0].help
    assert german.params[0].default == as_written.params[0].default and german.files == as_written.files
    speaking("fr")
    assert parse_card(path) == as_written  # a language the card has no table for


@pytest.mark.parametrize(("extra", "key"), [
    ('[text.de]\nnmae = "x"\n', "text.de.nmae"),
    ('[text.de]\nname = 3\n', "text.de.name"),
    ('[text.de.params.no_such_knob]\nlabel = "x"\n', "text.de.params.no_such_knob"),
    ('[text.de.params.{knob}]\nlabel = "x"\ndefault = 3\n', "text.de.params.{knob}"),
    ('[text.German]\nname = "x"\n', "text.German"),
])
def test_a_wrong_translation_table_is_refused_naming_its_key(tmp_path: Path, extra: str, key: str):
    knob = first_knob(card_with(tmp_path / "en", "silero-vad", ""))
    path = card_with(tmp_path, "silero-vad", extra.replace("{knob}", knob))
    with pytest.raises(ModelCardError, match=f"key '{key.replace('{knob}', knob)}'"):
        parse_card(path)


def test_every_shipped_card_gives_its_words_in_each_language_it_names(speaking):
    for card_file in sorted((paths.root() / "models").glob("*/model.toml")):
        english = parse_card(card_file)
        speaking("de")
        german = parse_card(card_file)
        words.install(None)
        assert german.id == english.id and german.files == english.files  # only words change
        assert len(german.params) == len(english.params)
