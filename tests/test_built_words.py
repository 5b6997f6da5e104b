"""What a build measured, said in the window's language: sentences recorded in English for the command line and
as a template with its figures, so another language says them in its own words and numbers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from playground import paths
from playground.core import words
from playground.core.built import MANIFEST, SAYS, measured_words, with_sentences
from playground.core.card import parse_card

TEMPLATE = "{accuracy:.1f} % right on {held_out:,} digits it never saw; trained here in {seconds:.0f} s."


def card_with(tmp_path: Path, measured: dict) -> object:
    folder = tmp_path / "digits"
    folder.mkdir()
    shutil.copy(paths.root() / "models" / "digits" / "model.toml", folder / "model.toml")
    (folder / MANIFEST).write_text(json.dumps({"model": "digits", "measured": measured}), encoding="utf-8")
    return parse_card(folder / "model.toml")


@pytest.fixture
def bracketing():
    words.install(lambda context, text: f"⟦{text}⟧" if context == "Build" else text, "de")
    yield
    words.install(None)


def test_a_sentence_is_recorded_in_english_and_as_its_template():
    measured = with_sentences({"epochs": 20}, headline=(TEMPLATE, {"accuracy": 98.8, "held_out": 1000, "seconds": 27.5}))
    assert measured["headline"] == "98.8 % right on 1,000 digits it never saw; trained here in 28 s."
    assert measured[SAYS] == {"headline": [TEMPLATE, {"accuracy": 98.8, "held_out": 1000, "seconds": 27.5}]}
    assert json.loads(json.dumps(measured)) == measured  # it goes into the manifest as it is


def test_the_window_says_it_in_its_language_with_its_numbers(tmp_path: Path, bracketing):
    card = card_with(tmp_path, with_sentences({"epochs": 20}, headline=(
        TEMPLATE, {"accuracy": 98.8, "held_out": 1000, "seconds": 27.5})))
    said = measured_words(card)
    assert said == {"epochs": 20, "headline": "⟦98,8 % right on 1.000 digits it never saw; trained here in 28 s.⟧"}


def test_a_record_from_an_earlier_version_or_a_damaged_one_keeps_its_english(tmp_path: Path, bracketing):
    card = card_with(tmp_path, {"headline": "98.8 % right.", SAYS: {"weights": ["{missing}", {}], "x": 3}})
    assert measured_words(card) == {"headline": "98.8 % right."}
