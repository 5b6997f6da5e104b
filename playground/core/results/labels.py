"""Answers that are ranked names with scores: a photo's kind, a language, a file type, a mood."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Label:
    name: str
    score: float
    description: str = ""


@dataclass(frozen=True, eq=False)
class Labels:
    """Ranked labels with confidences, best first (content type, classes, languages ...)."""

    items: tuple[Label, ...]
    note: str = ""  # e.g. "below the confidence threshold, shown as plain text"
    softmax: bool = False  # the app made the chances from raw scores; else the model gave them itself

    def summary(self) -> str:
        lines = [f"{i + 1}. {lab.name} {lab.score:.3f}" + (f"  ({lab.description})" if lab.description else "")
                 for i, lab in enumerate(self.items)]
        return "\n".join(([self.note] if self.note else []) + lines)

    def to_dict(self) -> dict[str, Any]:
        return {"type": "labels", "note": self.note,
                "labels": [{"name": lab.name, "score": round(lab.score, 6), "description": lab.description}
                           for lab in self.items]}
