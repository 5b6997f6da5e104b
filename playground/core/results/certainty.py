"""How sure a ranked answer is, said in plain words: the headline rule every ranked-label task shares.

A model's top probability is the simplest honest signal there is: a photo unlike anything the model
learned, or a text in two languages, mostly gets a low top score or two near-equal ones (the
maximum-softmax-probability baseline for spotting inputs out of a model's experience). Each task sets
its own thresholds, because 45 % means little among 1,000 photo classes and less than chance-and-a-half
among three moods; the words are the same everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from playground.core import readable
from playground.core.words import translate

SURE, PROBABLY, CLOSE, GUESS = "sure", "probably", "close call", "guess"
LEVELS = (SURE, PROBABLY, CLOSE, GUESS)


def percent_text(score: float) -> str:
    """Scores as a person reads them: "93 %", "4.2 %", "<0.1 %"."""
    pct = max(0.0, min(1.0, score)) * 100.0
    if pct == 0.0:
        return "0 %"
    if pct < 0.1:
        return readable.local("<0.1 %")
    return readable.local(f"{pct:.0f} %" if pct >= 10 else f"{pct:.1f} %")


@dataclass(frozen=True)
class Rule:
    """One task's thresholds, and what a low score most likely means for its model."""

    sure: float  # the top score at or above which (with a clear lead) the answer is stated plainly
    low: float  # below this the model is guessing, and the headline says so first
    close: float  # the runner-up at this share of the top score or more makes a close call
    guess_reason: str  # completes "…, so …": why a low score happens with this model


@dataclass(frozen=True)
class Certainty:
    level: str  # one of LEVELS
    headline: str  # one line, the first thing a person reads about the answer


def judge(ranked: Sequence[tuple[str, float]], rule: Rule) -> Certainty:
    """The level and headline for (name, score) pairs, best first; an empty list gives no headline."""
    if not ranked:
        return Certainty(GUESS, translate("Certainty", "The model gave no answer for this input."))
    name, top = ranked[0]
    second = ranked[1] if len(ranked) > 1 else None
    if top < rule.low:
        return Certainty(GUESS, translate("Certainty", "Not sure: the best guess, {name}, has only {top}, so {reason}.")
                         .format(name=name, top=percent_text(top), reason=translate("Certainty", rule.guess_reason)))
    if second is not None and second[1] >= rule.close * top:
        return Certainty(CLOSE, translate("Certainty", "A close call between {name} ({top}) and {other} ({second}).")
                         .format(name=name, top=percent_text(top), other=second[0], second=percent_text(second[1])))
    if top >= rule.sure:
        return Certainty(SURE, translate("Certainty", "Most likely: {name} — {top}").format(name=name,
                                                                                       top=percent_text(top)))
    return Certainty(PROBABLY, translate("Certainty", "Probably {name} — {top}, but the model is not sure.").format(
        name=name, top=percent_text(top)))


def a_guess(name: str, reason: str) -> Certainty:
    """For a task that knows, from the input itself, that its answer can only be a guess."""
    return Certainty(GUESS, translate("Certainty", "A guess: {name}. {reason}").format(name=name, reason=reason))
