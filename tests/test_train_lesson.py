"""The training lesson's own network: trained here in seconds from the digit model's checked download,
fine-tuned on a few drawings, asked for an answer, and the lesson text built from those figures."""

from __future__ import annotations

import re
import shutil

import numpy as np
import pytest

from playground.core import explainers, readable
from playground.core.catalog import load_catalog
from playground.core.errors import ModelMissingError
from playground.lab import lesson_facts
from playground.lab.train_lesson import answer, fine_tune, train_lesson, training_data


@pytest.mark.models
def test_the_digits_come_with_the_installed_model_not_from_the_download_cache(monkeypatch, tmp_path,
                                                                              require_model):
    card = require_model("digits")
    monkeypatch.setenv("PLAYGROUND_CACHE", str(tmp_path / "emptied"))  # the cache cleared, as after an install
    pixels, labels = training_data(card)
    assert pixels.shape == (5000, 784) and sorted(set(labels.tolist())) == list(range(10))


def test_without_its_digits_the_lesson_says_the_model_is_not_installed(tmp_path):
    card = load_catalog().get("digits")
    (tmp_path / "digits").mkdir()
    shutil.copy(card.folder / "model.toml", tmp_path / "digits" / "model.toml")
    with pytest.raises(ModelMissingError, match="is not installed yet: run 'playground models fetch digits'"):
        training_data(load_catalog(tmp_path).get("digits"))


@pytest.mark.models
def test_digits_that_were_changed_are_refused(tmp_path, require_model):
    card = require_model("digits")
    shutil.copytree(card.folder, tmp_path / "digits", ignore=shutil.ignore_patterns(".build-*", "*.lock"))
    (tmp_path / "digits" / "mnist_5k.csv.gz").write_bytes(b"0,0,0\n")
    with pytest.raises(ModelMissingError, match="mnist_5k.csv.gz is damaged or was changed"):
        training_data(load_catalog(tmp_path).get("digits"))


@pytest.fixture(scope="module")
def trained():
    card = load_catalog().get("digits")
    try:
        pixels, labels = training_data(card)
    except ModelMissingError as exc:
        pytest.skip(str(exc))
    seen = []
    result = train_lesson(pixels, labels, seen.append, lambda: None)
    return result, seen


@pytest.mark.models
def test_a_few_seconds_of_training_reads_most_digits_it_never_saw(trained):
    result, seen = trained
    assert result.held_out_accuracy > 0.9 and len(result.held_labels) == 1000 and result.cpu_s > 0
    assert [p.held_out_accuracy is not None for p in seen if p.end_of_epoch] == [True] * 3
    assert seen[-1].fraction == 1.0 and result.parameters == 8778


@pytest.mark.models
def test_fine_tuning_learns_a_hand_and_keeps_the_rest(trained):
    result, _ = trained
    drawings, truth = result.held_images[:8, ..., 0], result.held_labels[:8]
    shifted = (truth + 1) % 10  # a "hand" the network has never seen: every digit called the next one
    tuned = fine_tune(result, drawings, shifted, lambda: None)
    assert tuned.before < 0.3 and tuned.after >= 0.75 and tuned.held_out_after > 0.6
    assert tuned.net is not result.net and answer(result.net, drawings[0]).digit == int(truth[0])


@pytest.mark.models
def test_an_answer_is_raw_numbers_then_softmax_then_a_digit_and_the_text_quotes_it(trained):
    result, _ = trained
    one = answer(result.net, result.held_images[0], repeats=20)
    assert one.probabilities.sum() == pytest.approx(1.0) and one.digit == int(np.argmax(one.logits))
    assert 0 < one.seconds < 0.05
    values = {**explainers.facts(None), **lesson_facts.training_facts(result, None, one, 0)}
    text = " ".join(explainers.render(lesson_facts.TRAINING, values, True).split())
    assert "tuned this small network's 8,778 numbers by showing it 4,000 handwritten digits 3 times" in text
    assert f"One answer took **{readable.duration(one.seconds)}**" in text and "that last step is post-processing" in text
    # The network's own float32 numbers, quoted as numbers (a numpy scalar once read as "unknown").
    assert f"Its raw output is ten numbers ({readable.sig(one.logits[0], 2)}, " in text and "unknown" not in text
    assert f"{readable.percent(one.probabilities.max())} for {one.digit}" in text
    for shown in (text, explainers.render(lesson_facts.TRAINING, {}, False)):
        assert not re.search(r"\{\w+\}", shown) and 20 <= explainers.word_count(shown) <= explainers.MAX_WORDS
