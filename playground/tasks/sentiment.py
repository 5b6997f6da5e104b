"""Sentiment: a text in, how negative, neutral or positive it reads (MiniLM embedding + a three-class head).

MiniLM runs from the sentence similarity model's own file (the card's companion), the head from this one.
The whole text is read as one piece, as a person means a review or a message: one answer for it, from
the first max_tokens word pieces (the rest is named in the note, not dropped silently). The three
classes come best first, as the labels view ranks them. A text of several sentences is also judged
sentence by sentence, each run on its own, so a sentence gets the same verdict wherever it stands.
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
from playground.core.results import Label, Labels, Part, Rule
from playground.core.results.certainty import CLOSE, Certainty, judge, percent_text
from playground.core.task import Feeds, Outputs, Runner
from playground.core.words import QT_TRANSLATE_NOOP, translate
from playground.tasks.pieces import sentences
from playground.tasks.similarity import tokenizer

UNKNOWN = "[UNK]"
EMBEDDER = "embedder"  # the card's [companions] role of the MiniLM model whose embedding the head reads
# Past this share of unknown pieces the model is guessing from [CLS] and [SEP] and a few scraps.
MOSTLY_UNKNOWN = 0.5
# Sentences judged one by one, at about 1 ms each: past this many the overall verdict is the one to read.
MAX_SENTENCES = 50
PARTS_TITLE = QT_TRANSLATE_NOOP("SentimentTask", "Sentence by sentence")
# Three moods: chance is 33 %. Under 45 % no mood stands out; the runner-up within 80 % of the winner
# ("negative 46 %, neutral 45 %") is a close call, not an answer.
RULE = Rule(sure=0.7, low=0.45, close=0.8,
            guess_reason=QT_TRANSLATE_NOOP("Certainty", "no mood stands out: the text may be mixed, or say nothing "
                                                        "about how it feels"))


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
    sentences: tuple[str, ...] = ()  # the sentences judged on their own, when there are two or more
    sentence_feeds: tuple[Feeds, ...] = ()


def foreign_share(text: str) -> float:
    """Share of the letters that are not Latin (Hebrew, Arabic, Chinese ...): the head learned from English."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum("LATIN" not in unicodedata.name(ch, "") for ch in letters) / max(len(letters), 1)


# The moods the card names, in the window's language: words of the app's scale, not text the model wrote.
MOODS = (QT_TRANSLATE_NOOP("SentimentTask", "negative"), QT_TRANSLATE_NOOP("SentimentTask", "neutral"),
         QT_TRANSLATE_NOOP("SentimentTask", "positive"))


def class_names(card: ModelCard) -> tuple[str, ...]:
    return tuple(translate("SentimentTask", name) for name in Postprocess.of(card).labels)


def _note(ctx: SentimentContext, limit: int) -> str:
    notes = []
    if ctx.unknown > MOSTLY_UNKNOWN:
        notes.append(translate("SentimentTask", "Most of this text is unknown to the model (it reads English letters; "
                                                "emoji and many other scripts are all one 'unknown' piece to it), so "
                                                "this answer means little."))
    elif ctx.foreign > MOSTLY_UNKNOWN:
        notes.append(translate("SentimentTask", "This text is mostly not in the Latin alphabet, and the model learned "
                                                "from English sentences only, so this answer means little."))
    if ctx.cut:
        notes.append(translate("SentimentTask", "Only the first {pieces} word pieces (about {words} words) were "
                                                "read.").format(pieces=limit - 2, words=(limit - 2) * 3 // 4))
    return " ".join(notes)


@dataclass(frozen=True)
class SentimentTask:
    """One run of the whole text; the head's three probabilities become three ranked labels."""

    input_kind = "text"
    entry = "file"
    result_type = Labels
    card_tables = (Preprocess, Postprocess)
    companion_roles = (EMBEDDER,)

    def infer(self, runner: Runner, feeds: Feeds, ctx: SentimentContext) -> Outputs:
        outputs = {"probabilities": _moods(runner, feeds)}
        if ctx.sentence_feeds:
            # One run each, not a padded batch: a sentence gets the verdict it gets alone, whatever its
            # neighbours (padding changes the sums' order, and with it the last bits).
            outputs["sentence_probabilities"] = np.concatenate([_moods(runner, one) for one in ctx.sentence_feeds])
        return outputs

    def preprocess(self, data: TextData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, SentimentContext]:
        text = " ".join(data.text.replace("\x00", " ").split())  # NUL and line breaks read as spaces
        if not text:
            raise InputError(translate("SentimentTask", "There is no text to judge yet: type a sentence or a short "
                                                        "review."))
        limit = Preprocess.of(card).max_tokens
        words = tokenizer(str(card.path("tokenizer")), limit)
        encoding = words.encode(text)
        inner = encoding.tokens[1:-1]  # without [CLS] and [SEP]
        unknown = sum(t == UNKNOWN for t in inner) / max(len(inner), 1)
        feeds = _feeds(encoding.ids)
        pieces = tuple(sentences(data.text.replace("\x00", " ")))
        pieces = pieces[:MAX_SENTENCES] if len(pieces) > 1 else ()
        one_by_one = tuple(_feeds(words.encode(piece).ids) for piece in pieces)
        return feeds, SentimentContext(feeds["input_ids"].shape[1], bool(encoding.overflowing), unknown,
                                       foreign_share(text), pieces, one_by_one)

    def postprocess(self, outputs: Outputs, ctx: SentimentContext, card: ModelCard, params: dict[str, Any]) -> Labels:
        probs = np.asarray(outputs["probabilities"], dtype=np.float64).reshape(-1)
        names = class_names(card)
        if len(probs) != len(names):
            raise ModelCardError(f"{card.name}: the model gives {len(probs)} probabilities, but the card names "
                                 f"{len(names)} classes; run 'playground models fetch {card.id}'.")
        order = np.argsort(-probs, kind="stable")
        items = tuple(Label(names[i], float(probs[i])) for i in order)
        parts = _parts(outputs, ctx, names)
        return Labels(items, note=_note(ctx, Preprocess.of(card).max_tokens), certainty=_certainty(items, parts, names),
                      parts=parts, parts_title=translate("SentimentTask", PARTS_TITLE) if parts else "")


def _moods(runner: Runner, feeds: Feeds) -> np.ndarray:
    """MiniLM's embedding (the sentence model's own file, the card's embedder), then the head's three chances."""
    embedding = runner.run(feeds, ["sentence_embedding"], role=EMBEDDER)["sentence_embedding"]
    return runner.run({"sentence_embedding": embedding}, ["probabilities"])["probabilities"]


def _feeds(ids: list[int]) -> Feeds:
    row = np.asarray([ids], np.int64)
    return {"input_ids": row, "attention_mask": np.ones_like(row), "token_type_ids": np.zeros_like(row)}


def _parts(outputs: Outputs, ctx: SentimentContext, names: tuple[str, ...]) -> tuple[Part, ...]:
    if "sentence_probabilities" not in outputs:
        return ()
    rows = np.asarray(outputs["sentence_probabilities"], dtype=np.float64).reshape(len(ctx.sentences), len(names))
    parts = []
    for sentence, row in zip(ctx.sentences, rows):
        order = np.argsort(-row, kind="stable")
        level = judge([(names[i], float(row[i])) for i in order[:2]], RULE).level
        parts.append(Part(sentence, Label(names[order[0]], float(row[order[0]])), level))
    return tuple(parts)


def _certainty(items: tuple[Label, ...], parts: tuple[Part, ...], names: tuple[str, ...]) -> Certainty:
    """The whole text's verdict, then how its sentences split; sentences at both ends of the scale (the card
    lists its classes from most negative to most positive) make the text mixed, whatever the whole reads as."""
    overall = judge([(lab.name, lab.score) for lab in items[:2]], RULE)
    if not parts:
        return overall
    counts = {name: sum(p.best.name == name for p in parts) for name in dict.fromkeys(p.best.name for p in parts)}
    split = ", ".join(f"{n} {name}" for name, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    if names[0] in counts and names[-1] in counts:
        return Certainty(CLOSE, translate("Certainty", "Mixed: its {count} sentences are {split}. As a whole it "
                                                       "reads {name} ({top}).").format(
            count=len(parts), split=split, name=items[0].name, top=percent_text(items[0].score)))
    return Certainty(overall.level, translate("Certainty", "{verdict}. Its {count} sentences: {split}.").format(
        verdict=overall.headline.rstrip("."), count=len(parts), split=split))
