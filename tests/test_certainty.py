"""How sure an answer is, in plain words: the shared rule, and each ranked-label task's own thresholds on
real inputs (a clear photo, sibling classes, a photo unlike the training set, a text in seven languages,
a review with mixed feelings)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from playground import paths
from playground.core.media import TextData
from playground.core.results import Label, Labels, Part, Rule
from playground.core.results.certainty import CLOSE, GUESS, PROBABLY, SURE, judge, percent_text
from playground.tasks import classify, language, sentiment
from playground.tasks.pieces import sentences
from tests.known import Runs

RULE = Rule(sure=0.6, low=0.2, close=0.7, guess_reason="it may be new to the model")


@pytest.mark.parametrize("ranked, level, words", [
    ([("espresso", 0.957), ("cup", 0.014)], SURE, "Most likely: espresso — 96 %"),
    ([("missile", 0.38), ("projectile", 0.25)], PROBABLY, "Probably missile — 38 %, but the model is not sure."),
    ([("tiger cat", 0.384), ("Egyptian cat", 0.370)], CLOSE,
     "A close call between tiger cat (38 %) and Egyptian cat (37 %)."),
    ([("bobsled", 0.131), ("helmet", 0.124)], GUESS,
     "Not sure: the best guess, bobsled, has only 13 %, so it may be new to the model."),
    ([("only", 0.9)], SURE, "Most likely: only — 90 %"),
])
def test_the_rule_says_how_sure_in_words(ranked, level, words):
    verdict = judge(ranked, RULE)
    assert (verdict.level, verdict.headline) == (level, words)


def test_a_low_score_is_said_before_a_close_call_and_nothing_ranked_is_no_answer():
    assert judge([("a", 0.1), ("b", 0.1)], RULE).level == GUESS  # both tiny: a guess, not a close call
    assert judge([], RULE).headline == "The model gave no answer for this input."
    assert [percent_text(s) for s in (0.874, 0.081, 0.0004, 0.0, 1.2)] == ["87 %", "8.1 %", "<0.1 %", "0 %", "100 %"]


def test_a_result_says_its_verdict_in_the_summary_and_the_json():
    verdict = judge([("neutral", 0.46), ("negative", 0.45)], sentiment.RULE)
    part = Part("We paid on Monday.", Label("neutral", 0.94), SURE)
    result = Labels((Label("neutral", 0.46), Label("negative", 0.45)), certainty=verdict, parts=(part,),
                    parts_title="Sentence by sentence")
    assert result.summary().splitlines()[0] == verdict.headline == "A close call between neutral (46 %) and negative (45 %)."
    assert result.summary().splitlines()[-2:] == ["Sentence by sentence:", "- neutral 0.940: We paid on Monday."]
    data = json.loads(json.dumps(result.to_dict()))
    assert data["certainty"] == CLOSE and data["headline"] == verdict.headline
    assert data["parts"] == [{"text": "We paid on Monday.", "name": "neutral", "score": 0.94, "certainty": SURE}]
    plain = Labels((Label("cat", 0.9, "tabby cat"),))
    assert plain.headline == "Most likely: tabby cat — 90 %" and "parts" not in plain.to_dict()


def test_sentences_split_where_a_reader_would():
    text = ('I love it! The food was cold. Was it? "Yes." (Fine.) Next…\nSecond line. 你好。世界！再见\n\n'
            "From the top she\ncould see the bay.")
    assert sentences(text) == ["I love it!", "The food was cold.", "Was it?", '"Yes."', "(Fine.)", "Next…",
                               "Second line.", "你好。", "世界！", "再见", "From the top she could see the bay."]
    assert sentences("  \n\n ") == [] and sentences("one line, no stop") == ["one line, no stop"]


@pytest.fixture(scope="module")
def run() -> Runs:
    return Runs()


@pytest.mark.models
@pytest.mark.parametrize("sample, level, best", [
    ("coffee.png", SURE, "espresso"),
    ("chelsea.png", CLOSE, "tiger cat"),  # two kinds of cat split the answer: said as a close call
    ("astronaut.png", GUESS, "bobsled"),  # no class for astronauts: the best of 1,000 has 13 %
])
def test_the_photo_classifier_says_how_sure_it_is(run, sample, level, best):
    result = run("efficientnet-lite0", sample).result
    assert result.items[0].name == best and result.certainty.level == level
    assert result.headline.startswith({SURE: "Most likely", CLOSE: "A close call", GUESS: "Not sure"}[level])


def seven_languages() -> str:
    samples = paths.assets_dir() / "samples"
    return "".join(Path(samples, f"hello_{code}.txt").read_text(encoding="utf-8")
                   for code in ("ar", "de", "fr", "ja", "pt", "ru")) + (samples / "prose.txt").read_text()


@pytest.mark.models
def test_a_text_in_seven_languages_is_said_to_be_several_and_each_sentence_is_named(run):
    result = run("langid", TextData(seven_languages())).result
    assert result.items[0].score > 0.99  # naive Bayes is sure of one language for the whole: not to be trusted
    assert result.certainty.level == CLOSE and result.headline.startswith("Several languages: English, ")
    named = {part.best.shown for part in result.parts}
    assert named == {"Arabic", "German", "French", "Japanese", "Portuguese", "Russian", "English"}
    german = [p for p in result.parts if p.text.startswith("Dieses Programm")]
    assert [p.best.name for p in german] == ["de"] and result.parts_title == "Sentence by sentence"


@pytest.mark.models
def test_one_language_in_many_sentences_is_not_a_mix_and_a_few_letters_are_a_guess(run):
    german = (paths.assets_dir() / "samples" / "hello_de.txt").read_text(encoding="utf-8")
    result = run("langid", TextData(german * 3)).result
    assert result.certainty.level == SURE and result.headline == "Most likely: German — 100 %"
    assert {p.best.name for p in result.parts} == {"de"}
    short = run("langid", TextData("Olá, tudo bem?")).result
    assert short.certainty.level == GUESS and short.headline.startswith("A guess: Slovak.") and not short.parts


@pytest.mark.models
def test_sentiment_gives_each_sentence_its_own_verdict_and_calls_a_mixed_text_mixed(run):
    text = "The food was cold and the waiter was rude.\nThe view was lovely though!\nWe paid on Monday."
    result = run("sentiment", TextData(text)).result
    assert [(p.text, p.best.name) for p in result.parts] == [
        ("The food was cold and the waiter was rude.", "negative"), ("The view was lovely though!", "positive"),
        ("We paid on Monday.", "neutral")]
    assert result.certainty.level == CLOSE and result.headline.startswith("Mixed: its 3 sentences are ")
    # Each sentence is judged on its own: the same verdict, to the digit, as when it is the whole text.
    alone = run("sentiment", TextData("The view was lovely though!")).result
    assert alone.items[0].score == pytest.approx(result.parts[1].best.score, abs=1e-6) and not alone.parts


@pytest.mark.models
def test_sentiment_of_a_one_mood_review_counts_its_sentences_and_stops_at_fifty(run):
    review = run("sentiment", "review.txt").result
    assert review.headline.startswith("Most likely: positive") and "Its 4 sentences:" in review.headline
    many = run("sentiment", TextData("What a lovely day. " * 80)).result
    assert len(many.parts) == sentiment.MAX_SENTENCES == 50


def test_the_thresholds_of_each_task_are_ordered():
    for rule in (classify.RULE, language.RULE, sentiment.RULE):
        assert 0 < rule.low < rule.sure <= 1 and 0 < rule.close < 1 and rule.guess_reason
