"""A model beside its 8-bit twin: which models have one, how agreement is judged for each kind of answer, the
timed comparison itself, and the lesson text built from it."""

from __future__ import annotations

import re

import numpy as np
import pytest

from playground.core import explainers
from playground.core.cancel import CancelToken
from playground.core.catalog import load_catalog
from playground.core.media import TextData
from playground.core.results import Generation, Label, Labels, Similarities
from playground.core.session import RuntimeOptions
from playground.core.task import RunRequest
from playground.lab import lesson_facts
from playground.lab.compare import Comparison, Side, agreement, answer_text, compare, twin_of
from tests.tiny_models import ScaleTask


def test_the_twins_are_found_from_either_side_and_only_for_8_bit_pairs():
    cards = {card.id: card for card in load_catalog().cards}
    for base, twin in (("efficientnet-lite0", "efficientnet-lite0-int8"), ("minilm-l6", "minilm-l6-int8"),
                       ("whisper-tiny-en", "whisper-tiny-en-int8"), ("smollm2-135m", "smollm2-135m-int8")):
        assert twin_of(cards[base], cards) == (cards[base], cards[twin]) == twin_of(cards[twin], cards)
    assert twin_of(cards["u2netp"], cards) is None  # compared with MODNet, which is no 8-bit twin
    assert twin_of(cards["langid"], cards) is None


def labels(*names: str) -> Labels:
    return Labels(tuple(Label(n, 1.0 / (i + 2)) for i, n in enumerate(names)))


def test_agreement_is_judged_as_a_person_would_check_each_kind_of_answer():
    assert agreement(labels("cat", "dog", "fox"), labels("cat", "fox", "owl")) == \
        (1.0, "Both put “cat” first; 2 of their top 3 are the same.")
    share, text = agreement(labels("cat", "dog"), labels("dog", "cat"))
    assert share == 0.0 and text.startswith("They disagree on the first answer: “cat” against “dog”")
    m = np.eye(2, dtype=np.float32)
    near = Similarities(("a", "b"), m + np.float32(0.02) * (1 - np.eye(2, dtype=np.float32)), (3, 3), (False, False))
    assert agreement(Similarities(("a", "b"), m, (3, 3), (False, False)), near) == \
        (pytest.approx(0.98), "Their scores differ by at most 0.020 (on a scale from −1 to 1).")
    said = lambda text: Generation("hi", text, 5, 30, 50.0, 40.0, ())  # noqa: E731
    assert agreement(said("The waves of the sea"), said("The waves of the shore")) == \
        (0.8, "They wrote the same first 4 words of 5.")
    assert agreement(said("Same words here"), said("same words  here")) == (1.0, "They wrote exactly the same 3 words.")
    assert answer_text(labels("cat", "dog", "fox", "owl")) == "cat 50%, dog 33%, fox 25%"
    assert answer_text(said("word " * 100)).endswith("…") and len(answer_text(said("word " * 100))) == 160


def test_both_models_run_alike_on_the_same_input(scale_card):
    seen = []
    request = RunRequest(scale_card, ScaleTask(), TextData("abc"), {"gain": 1.0}, RuntimeOptions())
    result = compare(scale_card, scale_card, request, CancelToken(), lambda f, _: seen.append(f), runs=2)
    assert len(result.base.runs_ms) == len(result.twin.runs_ms) == 2 and seen[-1] == pytest.approx(1.0)
    assert result.agreement == 1.0 and result.base.result == result.twin.result == 24.0  # 3 × 2 × 4


@pytest.mark.parametrize("dots, words", [("AVX-512 VNNI", "This processor has AVX-512 VNNI"),
                                         ("", "This processor lacks VNNI, the instructions that multiply and add"),
                                         (None, "does not say which instructions")])
def test_the_lesson_text_quotes_the_comparison(dots, words):
    comparison = Comparison(Side("a", "Model", 18.5, (5.0, 5.6, 5.4), None),
                            Side("b", "Model, int8", 5.1, (2.4, 2.5, 2.2), None), 1.0,
                            "Both put “bobsled” first; 4 of their top 5 are the same.", dots)
    values = lesson_facts.int8_facts(comparison, "astronaut.png")
    text = " ".join(explainers.render(lesson_facts.INT8, values, True).split())
    assert "On **astronaut.png**, Model took **5.4 ms** in the model and Model, int8 **2.4 ms**: 2.3 times as fast" in text
    assert "18.5 MB and 5.1 MB" in text and "“bobsled”" in text and words in text
    for shown in (text, explainers.render(lesson_facts.INT8, {}, False)):
        assert not re.search(r"\{\w+\}", shown) and 20 <= explainers.word_count(shown) <= explainers.MAX_WORDS
