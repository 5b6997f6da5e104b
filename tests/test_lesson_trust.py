"""The trust lesson's sentences: the card's claim, the person's own tally, and the misses they found."""

from __future__ import annotations

import re

from playground.core import explainers
from playground.core.catalog import load_catalog
from playground.lab import lesson_facts
from playground.lab.lesson_trust import Mark, claim_of, trust_facts


def _text(card, headline, marks) -> str:
    facts = trust_facts(card, headline, marks)
    text = explainers.render(lesson_facts.TRUST, {**explainers.facts(None, None, card), **facts}, bool(facts))
    assert not re.search(r"\{\w+\}", text) and explainers.word_count(text) <= explainers.MAX_WORDS
    return " ".join(text.split())


def test_the_claim_is_the_builds_measurement_or_else_the_cards_words():
    card = load_catalog().get("efficientnet-lite0")
    assert claim_of(card, "98.8 % right on 1,000 digits it never saw.") == \
        "its build measured: 98.8 % right on 1,000 digits it never saw"
    assert claim_of(card, "").startswith("its card says it works well on one clear animal")


def test_the_tally_sets_the_persons_checks_beside_the_claim_and_quotes_the_misses():
    card = load_catalog().get("efficientnet-lite0")
    marks = [Mark("coffee.png", "espresso", True), Mark("astronaut.png", "space shuttle", False),
             Mark("me*.jpg", "[ski mask](file:///etc)", False)]
    text = _text(card, "", marks)
    assert "You checked 3 answers of EfficientNet-Lite0 photo classifier: 1 right, 2 wrong (33 % right)." in text
    assert "A handful of answers is not a measurement" in text
    assert "on **astronaut.png** it said “space shuttle”" in text
    assert "[ski mask](file" not in text and r"\[ski mask\]" in text  # what a model wrote is never a link
    assert "Judge a model by how it does on yours" in text and "its card says it works well on" in text
    assert "much of the photo. Its card also says it fails on things that are not among its 1,000 kinds" in text


def test_before_any_check_the_page_says_how_to_judge_and_no_claim_is_quoted():
    card = load_catalog().get("efficientnet-lite0")
    assert trust_facts(card, "", []) == {} and trust_facts(None, "", [Mark("a", "b", True)]) == {}
    text = _text(card, "", [])
    assert "say whether its answer was right" in text and "Judge a model on your own inputs, not on its benchmark" in text
    none_missed = _text(card, "", [Mark("coffee.png", "espresso", True)] * 12)
    assert "It has not missed yet on your inputs" in none_missed and "A handful" not in none_missed
