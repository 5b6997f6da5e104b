"""Answers that are ranked names with scores: a photo's kind, a language, a file type, a mood."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from playground.core import readable
from playground.core.results.certainty import Certainty, percent_text
from playground.core.words import translate


@dataclass(frozen=True)
class Label:
    name: str
    score: float
    description: str = ""

    @property
    def shown(self) -> str:
        """The name a person reads: the description when there is one."""
        return self.description or self.name


@dataclass(frozen=True)
class Part:
    """One piece of the input judged on its own: a sentence's mood, a line's language."""

    text: str
    best: Label
    level: str  # certainty.LEVELS: how sure the model is about this piece


@dataclass(frozen=True, eq=False)
class Labels:
    """Ranked labels with confidences, best first (content type, classes, languages ...)."""

    items: tuple[Label, ...]
    note: str = ""  # e.g. "below the confidence threshold, shown as plain text"
    softmax: bool = False  # the app made the chances from raw scores; else the model gave them itself
    certainty: Certainty | None = None  # the task's plain-words verdict; None: the best label as it is
    parts: tuple[Part, ...] = ()  # the input piece by piece, when the task also judged its pieces
    parts_title: str = ""  # what the pieces are: "Sentence by sentence", "Line by line"

    @property
    def headline(self) -> str:
        if self.certainty is not None:
            return self.certainty.headline
        if not self.items:
            return translate("Certainty", "The model gave no labels for this input.")
        best = self.items[0]
        return translate("Certainty", "Most likely: {name} — {top}").format(name=best.shown, top=percent_text(best.score))

    def summary(self) -> str:
        lines = [f"{i + 1}. {lab.name} {readable.local(f'{lab.score:.3f}')}"
                 + (f"  ({lab.description})" if lab.description else "")
                 for i, lab in enumerate(self.items)]
        head = [self.headline] + ([self.note] if self.note else [])
        pieces = ([f"{self.parts_title}:"] + [f"- {part.best.shown} {readable.local(f'{part.best.score:.3f}')}: {part.text}"
                                               for part in self.parts]) if self.parts else []
        return "\n".join(head + lines + pieces)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "labels", "headline": self.headline, "note": self.note,
            "certainty": self.certainty.level if self.certainty else "",
            "labels": [{"name": lab.name, "score": round(lab.score, 6), "description": lab.description}
                       for lab in self.items]}
        if self.parts:
            out["parts"] = [{"text": p.text, "name": p.best.name, "score": round(p.best.score, 6),
                             "certainty": p.level} for p in self.parts]
        return out
