"""A model card may not state a figure that its build, measured on this computer, contradicts.

An int8 twin's agreement with float32, its speed and its size, and a trained head's held-out accuracy,
all depend on the processor (or on how the build measured them), so the build records them. A card's
words are the same on every computer: where they quote such a figure, it must be the one recorded here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from playground.core.built import measured_at_build
from playground.core.card import ModelCard
from playground.core.catalog import load_catalog

WORD_FACTORS = {"twice": 2.0, "two times": 2.0, "three times": 3.0, "four times": 4.0, "five times": 5.0}
FRACTIONS = {"half": 2.0, "a third": 3.0, "a quarter": 4.0, "a fifth": 5.0}
FACTOR = r"(?P<factor>twice|(?:two|three|four|five) times|\d+(?:\.\d+)?\s*(?:×|times))"
SPEED = [re.compile(FACTOR + r"\s+(?:as fast|faster)\b", re.IGNORECASE),
         re.compile(r"\b(?P<gain>a third|a quarter|half)\s+(?:again\s+as\s+fast|faster)\b", re.IGNORECASE)]
SIZE = [re.compile(FACTOR + r"\s+smaller\b", re.IGNORECASE),
        re.compile(r"\b(?P<share>half|a third|a quarter|a fifth)\s+(?:of\s+)?the\s+(?:size|room)\b", re.IGNORECASE)]
AGREES = re.compile(r"\bagree|\bmatch|\bsame (?:first )?answer", re.IGNORECASE)
NOT_A_CLAIM = re.compile(r"\bhow often\b|\bwhether\b|\bif\b|\bsee\b", re.IGNORECASE)
OF = re.compile(r"\b(\d+) (?:of|in) (\d+)\b")
ALL = re.compile(r"\b(?:every|all|always)\b", re.IGNORECASE)
HELD_OUT = re.compile(r"held[- ](?:out|back)|never saw|never seen|not seen|kept out", re.IGNORECASE)
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?%")


@dataclass(frozen=True)
class Claim:
    kind: str  # speed, size, agreement, accuracy
    value: float
    tolerance: float  # half a unit of the precision it was stated with
    quote: str


def _precision(number: str) -> float:
    return 0.5 * 10 ** -len(number.split(".")[1]) if "." in number else 0.5


def _factor(match: re.Match[str]) -> tuple[float, float]:
    found = match.groupdict()
    if found.get("factor"):
        text = found["factor"].lower()
        if text in WORD_FACTORS:
            return WORD_FACTORS[text], 0.5
        number = re.match(r"\d+(?:\.\d+)?", text).group(0)
        return float(number), _precision(number)
    if found.get("gain"):  # "a third faster": 1.33 times as fast
        value = 1 + 1 / FRACTIONS[found["gain"].lower()]
        return value, 0.1 * value
    value = FRACTIONS[found["share"].lower()]  # "a quarter of the size": 4 times smaller
    return value, 0.1 * value


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;])\s+", " ".join(text.split())) if s]


def claims(text: str) -> list[Claim]:
    """The figures a text states about speed, size, agreement with float32 and held-out accuracy."""
    found = []
    for sentence in sentences(text):
        for kind, patterns in (("speed", SPEED), ("size", SIZE)):
            for pattern in patterns:
                for match in pattern.finditer(sentence):
                    found.append(Claim(kind, *_factor(match), sentence))
        if AGREES.search(sentence) and not NOT_A_CLAIM.search(sentence):
            share = OF.search(sentence)
            if share:
                found.append(Claim("agreement", int(share[1]) / int(share[2]), 0.005, sentence))
            elif ALL.search(sentence) or not PERCENT.search(sentence):
                found.append(Claim("agreement", 1.0, 0.005, sentence))  # "its answers agree": all of them
        if HELD_OUT.search(sentence):
            for number in PERCENT.findall(sentence):
                found.append(Claim("accuracy", float(number) / 100, _precision(number) / 100, sentence))
    return found


def _headline_factor(facts: dict, words: str) -> float | None:
    match = re.search(r"(\d+(?:\.\d+)?)×\s*" + words, str(facts.get("headline", "")))
    return float(match[1]) if match else None


def measured(facts: dict) -> dict[str, list[float]]:
    """What the build record says, by kind of claim (a kind it did not measure is absent)."""
    out: dict[str, list[float]] = {}
    if facts.get("fp32_p50_ms") and facts.get("int8_p50_ms"):
        out["speed"] = [facts["fp32_p50_ms"] / facts["int8_p50_ms"]]
    elif _headline_factor(facts, "as fast") is not None:
        out["speed"] = [_headline_factor(facts, "as fast")]
    if facts.get("fp32_size_bytes") and facts.get("size_bytes"):
        out["size"] = [facts["fp32_size_bytes"] / facts["size_bytes"]]
    elif _headline_factor(facts, "smaller") is not None:
        out["size"] = [_headline_factor(facts, "smaller")]
    if "top1_agreement" in facts:
        out["agreement"] = [float(facts["top1_agreement"])]
    accuracies = [float(v) for k, v in facts.items() if k.startswith("held_out_accuracy")]
    if accuracies:
        out["accuracy"] = accuracies
    return out


def contradictions(text: str, facts: dict) -> list[str]:
    """Each figure in the text that the record contradicts. A speed needs a record: it is never the same
    on two processors, so a card cannot know it."""
    known = measured(facts)
    problems = []
    for claim in claims(text):
        values = known.get(claim.kind)
        if values is None:
            if claim.kind == "speed":
                problems.append(f"states a speed its build did not measure here: {claim.quote!r}")
            continue
        if not any(abs(v - claim.value) <= claim.tolerance + 1e-9 for v in values):
            shown = ", ".join(f"{v:.3g}" for v in values)
            problems.append(f"says {claim.kind} {claim.value:.3g} where its build measured {shown}: {claim.quote!r}")
    return problems


def card_text(card: ModelCard) -> str:
    return "\n".join((card.summary, card.description, card.works_well_on, card.fails_on))


def _count(n: float) -> str:
    """As the card shows a parameter count: 4.6 million, 621 thousand."""
    return f"{n / 1e6:.1f} million" if n >= 1e6 else f"{n / 1e3:.0f} thousand" if n >= 1000 else str(int(n))


CATALOG = load_catalog()


@pytest.mark.parametrize("card", CATALOG.cards, ids=lambda c: c.id)
def test_no_card_states_a_figure_its_build_contradicts(card: ModelCard) -> None:
    if not CATALOG.installed(card):
        pytest.skip(f"{card.id} is not fetched yet")
    facts = measured_at_build(card)
    if not facts:
        pytest.skip(f"{card.id}'s build measured nothing")
    assert contradictions(card_text(card), facts) == []
    if "parameters" in facts:  # the build's count and the card's, as the card page shows them
        assert _count(facts["parameters"]) == _count(card.parameters)


@pytest.mark.parametrize("card", [c for c in CATALOG.cards if "int8" in c.tags], ids=lambda c: c.id)
def test_an_int8_card_leaves_processor_dependent_figures_to_its_build(card: ModelCard) -> None:
    """Not even a figure that happens to be right here: on the next computer it may not be."""
    assert [c.quote for c in claims(card_text(card)) if c.kind in ("speed", "agreement", "size")] == []


# The EfficientNet int8 build's records on two processors: with VNNI, and without (AVX2).
WITH_VNNI = {"top1_agreement": 1.0, "fp32_p50_ms": 16.35, "int8_p50_ms": 4.92, "fp32_size_bytes": 18542231,
             "size_bytes": 5069120}
WITHOUT_VNNI = {"top1_agreement": 0.8, "fp32_p50_ms": 14.0, "int8_p50_ms": 10.0, "fp32_size_bytes": 18542231,
                "size_bytes": 5069120,
                "headline": "Same first answer as float32 on 4 of 5 sample photos; 3.7× smaller, 1.4× as fast here."}
OLD_INT8_CLAIM = ("It was calibrated on this computer with five sample photos, and its answers agree with the float32 "
                  "version; it is about four times smaller and, on most processors, about twice as fast.")


@pytest.mark.parametrize("facts", [WITH_VNNI, WITHOUT_VNNI], ids=["with VNNI", "without VNNI"])
def test_about_twice_as_fast_is_caught_whatever_the_processor_measured(facts: dict) -> None:
    problems = contradictions(OLD_INT8_CLAIM, facts)
    assert any("says speed 2 where its build measured" in p for p in problems)
    assert contradictions("It is about twice as fast.", {}) != []  # no record of speed: a card cannot know it
    assert contradictions("On most processors it is faster.", facts) == []  # no figure, nothing to contradict


def test_agreement_size_and_accuracy_are_read_against_the_record() -> None:
    assert any("agreement 1 where its build measured 0.8" in p for p in contradictions(OLD_INT8_CLAIM, WITHOUT_VNNI))
    assert contradictions(OLD_INT8_CLAIM.replace("about twice as fast", "faster"), WITH_VNNI) == []
    assert contradictions("Its first answer matched on 4 of 5 photos.", WITHOUT_VNNI) == []
    assert contradictions("Its first answer matched on 5 of 5 photos.", WITHOUT_VNNI) != []
    assert contradictions("How often its answer matches float32's is measured when it is built.", WITHOUT_VNNI) == []
    assert contradictions("A quarter of the size.", {"headline": "1.0× smaller than float32."}) != []
    sentiment = {"held_out_accuracy": 0.6819, "held_out_accuracy_positive_vs_negative": 0.8284}
    assert contradictions("On sentences held back it was right 68 % of the time, 83 % on two.", sentiment) == []
    assert contradictions("On sentences held back it was right 72 % of the time.", sentiment) != []
    assert contradictions("On tweets it is right 58 % of the time.", sentiment) == []  # not a held-out figure
