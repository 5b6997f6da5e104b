"""A model beside its quantised twin on the same input: how far their answers agree, how fast each runs,
how big each file is, and whether this processor has the instructions that make 8-bit arithmetic fast."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from playground.core import readable, results
from playground.core.cancel import CancelToken
from playground.core.card import ModelCard
from playground.core.cpu import int8_dot_product
from playground.core.explainers import literal
from playground.core.pipeline import Pipeline
from playground.core.session import RuntimeOptions, SessionCache
from playground.core.task import RunRequest
from playground.core.words import translate

RUNS = 3  # timed runs of each model after a warm-up: a reply of the language model takes a second or two


@dataclass(frozen=True)
class Side:
    model_id: str
    name: str
    size_mb: float
    runs_ms: tuple[float, ...]  # each timed run's model time
    result: Any

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs_ms)


@dataclass(frozen=True)
class Comparison:
    base: Side  # the float (or 4-bit) model
    twin: Side  # its 8-bit twin
    agreement: float  # 0..1, how alike the two answers are (what counts depends on the kind of answer)
    agreement_text: str  # the same, said in a sentence
    dot_product: str | None  # the processor's 8-bit dot-product instructions, "" for none, None when unknown

    @property
    def speedup(self) -> float:
        return self.base.median_ms / self.twin.median_ms if self.twin.median_ms > 0 else 0.0


def twin_of(card: ModelCard, cards: dict[str, ModelCard]) -> tuple[ModelCard, ModelCard] | None:
    """(base, int8 twin) for a model that has one, whichever of the two is given; None otherwise."""
    for other_id in card.compare_with:
        other = cards.get(other_id)
        if other is None:
            continue
        if "int8" in other.tags and "int8" not in card.tags:
            return card, other
        if "int8" in card.tags and "int8" not in other.tags:
            return other, card
    return None


def _words(text: str) -> list[str]:
    return text.lower().split()


def agreement(a: Any, b: Any) -> tuple[float, str]:
    """How alike two answers to the same input are, as a share and a sentence a person can check."""
    if isinstance(a, results.Labels) and isinstance(b, results.Labels) and a.items and b.items:
        top = lambda r: [item.name for item in r.items[:5]]  # noqa: E731
        shared = len(set(top(a)) & set(top(b)))
        same = a.items[0].name == b.items[0].name
        first, other = (literal(r.items[0].description or r.items[0].name) for r in (a, b))
        values = {"first": first, "other": other, "shared": shared, "top": min(5, len(a.items))}
        text = (translate("Comparison", "Both put “{first}” first; {shared} of their top {top} are the same.")
                if same else
                translate("Comparison", "They disagree on the first answer: “{first}” against “{other}”; {shared} of "
                          "their top {top} are the same."))
        return (1.0 if same else 0.0), text.format(**values)
    if isinstance(a, results.Tensors) and isinstance(b, results.Tensors) and a.outputs and b.outputs:
        return _tensors_agreement(a.outputs[0], b.outputs[0])
    if isinstance(a, results.Similarities) and isinstance(b, results.Similarities):
        x, y = (a.scores, b.scores) if a.searching else (a.matrix, b.matrix)
        if x is not None and y is not None and x.shape == y.shape:
            gap = float(np.abs(x - y).max()) if x.size else 0.0
            return max(0.0, 1.0 - gap), translate("Comparison", "Their scores differ by at most {gap} (on a scale "
                                                  "from −1 to 1).").format(gap=readable.local(f"{gap:.3f}"))
    if isinstance(a, (results.Transcript, results.Generation)) and isinstance(b, type(a)):
        wa, wb = _words(a.text), _words(b.text)
        alike = next((i for i, (p, q) in enumerate(zip(wa, wb)) if p != q), min(len(wa), len(wb)))
        if wa == wb:
            return 1.0, (translate("Comparison", "They wrote exactly the same single word.") if len(wa) == 1 else
                         translate("Comparison", "They wrote exactly the same {count} words.").format(count=len(wa)))
        longest = max(len(wa), len(wb))
        text = (translate("Comparison", "Their words differ from the first one on.") if alike == 0 else
                translate("Comparison", "They wrote the same first word of {count}.") if alike == 1 else
                translate("Comparison", "They wrote the same first {alike} words of {count}."))
        return alike / max(longest, 1), text.format(alike=alike, count=longest)
    said = [_said(x) for x in (a, b)]
    same = said[0] == said[1]
    return (1.0 if same else 0.0), (translate("Comparison", "Their answers are identical.") if same else
                                    translate("Comparison", "Their answers differ."))


def _entry(entry: dict[str, Any]) -> str:
    return literal(entry["label"]) if entry.get("label") else translate("Comparison", "entry {index}").format(
        index=entry["index"])


def _tensors_agreement(x: dict[str, Any], y: dict[str, Any]) -> tuple[float, str]:
    """A person's model's first output on both sides: its best entries where it is a vector of scores, else how far
    its first values moved against the range the first side's output spans."""
    if x.get("top") and y.get("top"):
        shared = len({e["index"] for e in x["top"]} & {e["index"] for e in y["top"]})
        same = x["top"][0]["index"] == y["top"][0]["index"]
        values = {"first": _entry(x["top"][0]), "other": _entry(y["top"][0]), "shared": shared,
                  "top": len(x["top"])}
        text = (translate("Comparison", "Both put “{first}” first; {shared} of their top {top} are the same.")
                if same else
                translate("Comparison", "They disagree on the first answer: “{first}” against “{other}”; {shared} of "
                          "their top {top} are the same."))
        return (1.0 if same else 0.0), text.format(**values)
    first_x, first_y = x.get("first", []), y.get("first", [])
    numbers = [(p, q) for p, q in zip(first_x, first_y) if isinstance(p, (int, float)) and isinstance(q, (int, float))]
    if not numbers or x.get("min") is None:
        return (1.0, translate("Comparison", "Their answers are identical.")) if first_x == first_y else \
            (0.0, translate("Comparison", "Their answers differ."))
    gap = max(abs(float(p) - float(q)) for p, q in numbers)
    span = max(float(x["max"]) - float(x["min"]), 1e-12)
    return max(0.0, 1.0 - gap / span), translate("Comparison", "Their first values differ by at most {gap}, on a range "
                                                 "of {span}.").format(gap=readable.local(f"{gap:.3g}"),
                                                                      span=readable.local(f"{span:.3g}"))


def _said(result: Any) -> str:
    """A result's text; a bare value (a test's tiny task returns a number) as it prints."""
    return result.summary() if isinstance(result, results.Result) else repr(result)


def headline(result: Any) -> str:
    """The answer itself, without its scores: what two models can be said to agree on."""
    if isinstance(result, results.Labels):
        return result.items[0].shown if result.items else translate("Comparison", "no label")
    if isinstance(result, (results.Transcript, results.Generation)):
        return f"“{result.text}”"
    if isinstance(result, results.Tensors) and result.outputs:
        first = result.outputs[0]
        return _entry(first["top"][0]) if first.get("top") else f"{literal(first['name'])}: {first['shape']}"
    lines = _said(result).splitlines()
    return lines[0] if lines else translate("Comparison", "no answer")


def answer_text(result: Any, width: int = 160) -> str:
    """A model's answer in one short line, so a person can check the agreement with their own eyes."""
    if isinstance(result, results.Labels):
        text = ", ".join(f"{item.description or item.name} {item.score:.0%}" for item in result.items[:3])
    elif isinstance(result, (results.Transcript, results.Generation)):
        text = f"“{result.text}”"
    elif isinstance(result, results.Tensors) and result.outputs and result.outputs[0].get("top"):
        text = ", ".join(f"{_entry(e)} {e['share']:.0%}" for e in result.outputs[0]["top"][:3])
    else:
        text = (_said(result).splitlines() or [""])[0]
    return readable.shortened(text, width)


def compare(base: ModelCard, twin: ModelCard, request: RunRequest, token: CancelToken,
            progress: Callable[[float, Any], None], runs: int = RUNS) -> Comparison:
    """Both models on the request's input with its settings, each in fresh sessions (one warm-up run each)."""
    sides = []
    for k, card in enumerate((base, twin)):
        pipeline = Pipeline(SessionCache(), request.options or RuntimeOptions())
        times, outcome = [], None
        for r in range(runs + 1):
            outcome = pipeline.run(request.using(card=card), token)
            if r:
                times.append(outcome.record.ms("model"))
            progress((k * (runs + 1) + r + 1) / (2 * (runs + 1)), None)
        assert outcome is not None, "a warm-up and `runs` runs: the loop ran at least once"
        sides.append(Side(card.id, card.name, card.size_bytes / 1e6, tuple(times), outcome.result))
    share, text = agreement(sides[0].result, sides[1].result)
    return Comparison(sides[0], sides[1], share, text, int8_dot_product())
