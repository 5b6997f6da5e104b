"""Sentiment: a text in, how negative, neutral or positive it reads (MiniLM embedding + a three-class head).

The whole text is read as one piece, as a person means a review or a message: one answer for it, from
the first max_tokens word pieces (the rest is named in the note, not dropped silently). The three
classes come best first, as the labels view ranks them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core.card import ModelCard
from playground.core.card_schema import PostprocessTable, PreprocessTable, count, texts
from playground.core.errors import InputError, ModelCardError
from playground.core.media import TextData
from playground.core.results import Label, Labels
from playground.core.task import Feeds, Outputs, Runner
from playground.tasks.similarity import tokenizer

UNKNOWN = "[UNK]"
# Past this share of unknown pieces the model is guessing from [CLS] and [SEP] and a few scraps.
MOSTLY_UNKNOWN = 0.5


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess]: word pieces read from the text, [CLS] and [SEP] included; the rest is cut."""

    max_tokens: int = count()


@dataclass(frozen=True, kw_only=True)
class Postprocess(PostprocessTable):
    """The card's [postprocess]: the class names, in the order of the head's probabilities."""

    labels: tuple[str, ...] = texts()


@dataclass(frozen=True)
class SentimentContext:
    pieces: int  # word pieces read, with [CLS] and [SEP]
    cut: bool  # the text was longer than max_tokens pieces
    unknown: float  # share of the text's pieces the vocabulary did not know
    foreign: float  # share of the text's letters outside the Latin alphabet


def foreign_share(text: str) -> float:
    """Share of the letters that are not Latin (Hebrew, Arabic, Chinese ...): the head learned from English."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum("LATIN" not in unicodedata.name(ch, "") for ch in letters) / max(len(letters), 1)


def class_names(card: ModelCard) -> tuple[str, ...]:
    return Postprocess.of(card).labels


def _note(ctx: SentimentContext, limit: int) -> str:
    notes = []
    if ctx.unknown > MOSTLY_UNKNOWN:
        notes.append("Most of this text is unknown to the model (it reads English letters; emoji and many other "
                     "scripts are all one 'unknown' piece to it), so this answer means little.")
    elif ctx.foreign > MOSTLY_UNKNOWN:
        notes.append("This text is mostly not in the Latin alphabet, and the model learned from English "
                     "sentences only, so this answer means little.")
    if ctx.cut:
        notes.append(f"Only the first {limit - 2} word pieces (about {(limit - 2) * 3 // 4} words) were read.")
    return " ".join(notes)


@dataclass(frozen=True)
class SentimentTask:
    """One run of the whole text; the head's three probabilities become three ranked labels."""

    input_kind = "text"
    entry = "file"
    result_type = Labels
    card_tables = (Preprocess, Postprocess)

    def infer(self, runner: Runner, feeds: Feeds, ctx: SentimentContext) -> Outputs:
        return runner.run(feeds, ["probabilities"])  # the embedding is not shown: no need to copy it out

    def preprocess(self, data: TextData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, SentimentContext]:
        text = " ".join(data.text.replace("\x00", " ").split())  # NUL and line breaks read as spaces
        if not text:
            raise InputError("There is no text to judge yet: type a sentence or a short review.")
        limit = Preprocess.of(card).max_tokens
        encoding = tokenizer(str(card.path("tokenizer")), limit).encode(text)
        ids = np.asarray([encoding.ids], np.int64)
        inner = encoding.tokens[1:-1]  # without [CLS] and [SEP]
        unknown = sum(t == UNKNOWN for t in inner) / max(len(inner), 1)
        feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
        return feeds, SentimentContext(ids.shape[1], bool(encoding.overflowing), unknown, foreign_share(text))

    def postprocess(self, outputs: Outputs, ctx: SentimentContext, card: ModelCard, params: dict[str, Any]) -> Labels:
        probs = np.asarray(outputs["probabilities"], dtype=np.float64).reshape(-1)
        names = class_names(card)
        if len(probs) != len(names):
            raise ModelCardError(f"{card.name}: the model gives {len(probs)} probabilities, but the card names "
                                 f"{len(names)} classes; run 'playground models fetch {card.id}'.")
        order = np.argsort(-probs, kind="stable")
        items = tuple(Label(names[i], float(probs[i])) for i in order)
        return Labels(items, note=_note(ctx, Preprocess.of(card).max_tokens))
