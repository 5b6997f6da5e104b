"""The guided tour: steps read from assets/lessons/guide.toml, each with a check of what the person did,
judged from the window's state, and a sentence quoting what changed."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from playground import paths
from playground.core.errors import ModelCardError
from playground.core.explainers import Topic, literal

GUIDE = Topic("lesson:guide", "Guided tour", "lesson_guide.md")


@dataclass(frozen=True)
class GuideState:
    """What the tour may look at: the model shown, its runs, and the answers each model gave last."""

    model_id: str
    tags: tuple[str, ...]
    task: str
    runs: int
    warm_runs: int
    threads_run: frozenset[int]  # thread counts that runs of this model used
    answers: dict[str, str]  # model id -> the first line of its last answer


def _int8(state: GuideState) -> bool:
    return "int8" in state.tags and state.runs >= 1


CHECKS: dict[str, Callable[[GuideState], bool]] = {
    "classifier_chosen": lambda s: s.task == "classify",
    "ran_once": lambda s: s.runs >= 1,
    "ran_warm": lambda s: s.warm_runs >= 1,
    "ran_two_threads": lambda s: 2 in s.threads_run,
    "ran_int8": _int8,
    "always": lambda s: True,
}


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    done: str  # a name in CHECKS
    done_text: str

    def is_done(self, state: GuideState) -> bool:
        return CHECKS[self.done](state)


def load_guide(path: Path | None = None) -> tuple[Step, ...]:
    path = path or paths.assets_dir() / "lessons" / "guide.toml"
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        steps = tuple(Step(s["title"], s["text"].strip(), s["done"], s["done_text"].strip()) for s in table["step"])
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise ModelCardError(f"The guided tour in {path} could not be read ({exc}); reinstall the playground.") from None
    unknown = [s.done for s in steps if s.done not in CHECKS]
    if unknown or not steps:
        raise ModelCardError(f"The guided tour in {path} names checks the playground does not have: {unknown}.")
    return steps


def int8_sentence(state: GuideState, base_id: str) -> str:
    """Whether the 8-bit twin said what the model before it said."""
    # The answers are what models wrote: shown as they are, never as Markdown.
    mine, theirs = (literal(state.answers.get(key, "")) for key in (state.model_id, base_id))
    if not theirs:
        return f"The int8 twin answered: {mine}."
    if mine == theirs:
        return f"The int8 twin said the same as before: {mine}. Smaller and faster, the same answer."
    return f"The answer changed: {theirs} before, {mine} now. Rounding has a price; check it on your own inputs."
