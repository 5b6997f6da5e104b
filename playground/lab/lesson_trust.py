"""The trust lesson's facts: what a model's card claims, beside how it did on the inputs a person marked."""

from __future__ import annotations

from dataclasses import dataclass

from playground.core import readable
from playground.core.card import ModelCard
from playground.core.explainers import literal
from playground.core.words import translate

SHOWN_MISSES = 2  # misses quoted in the text; the list on the page holds them all


@dataclass(frozen=True)
class Mark:
    """One answer a person checked: what went in, what came out, and whether it was right."""

    input_label: str
    answer: str
    right: bool


def claim_of(card: ModelCard, headline: str) -> str:
    """What the model is said to do well: its build's own measurement where there is one, else its card."""
    if headline:
        return translate("LessonTrust", "its build measured: {measurement}").format(measurement=headline.rstrip("."))
    if card.works_well_on:
        return translate("LessonTrust", "its card says it works well on {inputs}").format(
            inputs=card.works_well_on.rstrip("."))
    return translate("LessonTrust", "its card makes no claim about how often it is right")


def trust_facts(card: ModelCard | None, headline: str, marks: list[Mark]) -> dict[str, str]:
    """The card's claim, the person's own tally and the misses they found; {} before the first mark."""
    if card is None or not marks:
        return {}
    right = sum(m.right for m in marks)
    values = {"answers": readable.local(f"{len(marks):,}"), "model": card.name, "right": right, "wrong": len(marks) - right,
              "share": readable.percent(right / len(marks))}
    tally = (translate("LessonTrust", "You checked 1 answer of {model}: {right} right, {wrong} wrong ({share} "
                       "right).") if len(marks) == 1 else
             translate("LessonTrust", "You checked {answers} answers of {model}: {right} right, {wrong} wrong "
                       "({share} right).")).format(**values)
    misses = [m for m in marks if not m.right][-SHOWN_MISSES:]
    if misses:
        quoted = "; ".join(translate("LessonTrust", "on {input} it said “{answer}”").format(
            input=f"**{literal(m.input_label)}**", answer=literal(m.answer)) for m in misses)
        miss = translate("LessonTrust", "Where it missed: {misses}.").format(misses=quoted)
    else:
        miss = translate("LessonTrust", "It has not missed yet on your inputs: try one its card says it fails on.")
    fails = (translate("LessonTrust", "Its card also says it fails on {inputs}.").format(
        inputs=card.fails_on.rstrip(".")) if card.fails_on else "")
    few = (" " + translate("LessonTrust", "A handful of answers is not a measurement: check more before you rely "
                           "on it.") if len(marks) < 10 else "")
    return {"claim": literal(claim_of(card, headline)), "fails_sentence": " " + literal(fails) if fails else "",
            "tally_sentence": tally + few, "miss_sentence": miss}
