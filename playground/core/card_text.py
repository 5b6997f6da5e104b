"""A card's words in other languages: the `[text.<code>]` tables of a model.toml, and the card as a language reads.

A card is written in English; `[text.de]` gives the German of the words a person reads (name, summary,
description, what it does well and badly, and each knob's label and help). The figures, sources and hashes
are the same in every language, so they are never repeated there. A language without a table, or a word a
table leaves out, reads in English: a card is never refused for a missing translation.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, TypeVar

from playground.core.errors import ModelCardError

FIELDS = ("name", "summary", "description", "works_well_on", "fails_on")
PARAM_FIELDS = ("label", "help")
_Card = TypeVar("_Card")


def read(path: Path, table: Any, params: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Language code → its words, checked: only text values, only keys a card has, only knobs it has."""
    def fail(key: str, problem: str) -> ModelCardError:
        return ModelCardError(f"{path}: key 'text.{key}' {problem}.")

    if not isinstance(table, dict):
        raise ModelCardError(f"{path}: key 'text' must be a table of languages, like [text.de].")
    out: dict[str, dict[str, Any]] = {}
    for code, words in table.items():
        if not isinstance(words, dict) or not code.isalpha() or not code.islower() or len(code) not in (2, 3):
            raise fail(code, "must be a table named by a language code, like [text.de]")
        knobs = words.get("params", {})
        if not isinstance(knobs, dict):
            raise fail(f"{code}.params", "must be a table of the card's knobs")
        for key, value in words.items():
            if key == "params":
                continue
            if key not in FIELDS:
                raise fail(f"{code}.{key}", "is not a word a card has; the words are " + ", ".join(FIELDS))
            if not isinstance(value, str) or not value.strip():
                raise fail(f"{code}.{key}", "must be text")
        for name, knob in knobs.items():
            if name not in params:
                raise fail(f"{code}.params.{name}", "names a knob the card does not have")
            if not isinstance(knob, dict) or set(knob) - set(PARAM_FIELDS) or not all(
                    isinstance(v, str) for v in knob.values()):
                raise fail(f"{code}.params.{name}", "must give a label and a help as text, and nothing else")
        out[code] = words
    return out


def speaking(card: _Card, texts: dict[str, dict[str, Any]], code: str) -> _Card:
    """The card with the words of `code` where its table has them, English for the rest."""
    words = texts.get(code)
    if not words:
        return card
    changes: dict[str, Any] = {f: words[f].strip() for f in FIELDS if f in words}
    knobs = words.get("params", {})
    if knobs:
        changes["params"] = tuple(dataclasses.replace(p, **knobs.get(p.name, {}))
                                  for p in card.params)  # type: ignore[attr-defined]
    return dataclasses.replace(card, **changes)  # type: ignore[type-var]
