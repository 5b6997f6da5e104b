"""Sentence similarity: one sentence per line → embeddings (MiniLM) → the cosine of every pair, or, given
something to search for, each line's cosine with it, closest first."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core import readable
from playground.core.card import ModelCard
from playground.core.card_schema import PreprocessTable, count
from playground.core.errors import InputError, ModelCardError
from playground.core.media import TextData
from playground.core.results import Similarities
from playground.core.task import Feeds, Outputs, Runner
from playground.core.words import QT_TRANSLATE_NOOP, translate
from playground.tasks.knobs import param

MAX_SENTENCES = 64  # a 64 × 64 grid is as much as anyone reads; more lines are named, not dropped silently
MAX_SEARCHED = 2000  # a ranking reads well however long; 2,000 lines take a few seconds on one core
NOTHING_TO_COMPARE = QT_TRANSLATE_NOOP("SimilarityTask", "There is nothing to compare yet: type two or more sentences, "
                                                         "one per line.")
NOTHING_TO_SEARCH = QT_TRANSLATE_NOOP("SimilarityTask", "There is nothing to search yet: type or paste the lines to "
                                                        "search, one per line.")


@functools.lru_cache(maxsize=2)
def tokenizer(path: str, max_tokens: int) -> Any:
    """The model's own WordPiece tokenizer, reading up to max_tokens pieces and never padding on its own.

    The file asks for fixed padding to 128: every short sentence would then cost a 128-token run.
    """
    from tokenizers import Tokenizer

    try:
        tok = Tokenizer.from_file(path)
    except Exception as exc:  # the tokenizers package raises its own exception type
        raise ModelCardError(translate("SimilarityTask", "{path} is not a readable tokenizer file ({reason}); fetch "
                                                         "the model again.").format(path=path, reason=exc)) from None
    tok.no_padding()
    tok.enable_truncation(max_tokens)
    return tok


def sentences_of(text: str) -> list[str]:
    """One sentence (or short paragraph) per non-blank line, its spaces tidied."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess]: word pieces read per sentence (with [CLS] and [SEP]), and sentences per run."""

    max_tokens: int = count()
    batch: int = count()


@dataclass(frozen=True, eq=False)
class SimilarityContext:
    sentences: list[str]
    ids: list[list[int]]  # the sentences' word pieces, then (when searching) the query's as the last entry
    cut: list[bool]
    note: str
    query: str = ""


class SimilarityTask:
    input_kind = "text"
    entry = "file"
    result_type = Similarities
    card_tables = (Preprocess,)

    def preprocess(self, data: TextData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, SimilarityContext]:
        lines = sentences_of(data.text.replace("\x00", " "))
        query = " ".join(str(param(card, params, "search")).replace("\x00", " ").split())
        if not lines:
            raise InputError(translate("SimilarityTask", NOTHING_TO_SEARCH if query else NOTHING_TO_COMPARE))
        note = ""
        limit = MAX_SEARCHED if query else MAX_SENTENCES
        if len(lines) > limit:
            note = (translate("SimilarityTask", "The first {kept} of {total} lines were searched.") if query else
                    translate("SimilarityTask", "The first {kept} of {total} lines were compared.")).format(
                kept=readable.local(f"{limit:,}"), total=readable.local(f"{len(lines):,}"))
            lines = lines[:limit]
        tok = tokenizer(str(card.path("tokenizer")), Preprocess.of(card).max_tokens)
        encodings = tok.encode_batch(lines + ([query] if query else []))
        # A piece was cut when the untruncated encoding is longer: the overflow holds what was left out.
        cut = [bool(e.overflowing) for e in encodings[:len(lines)]]
        return {}, SimilarityContext(lines, [e.ids for e in encodings], cut, note, query)

    def infer(self, runner: Runner, feeds: Feeds, ctx: SimilarityContext) -> Outputs:
        batch = Preprocess.of(runner.card).batch
        # Sentences of similar length share a batch, so little of each run is spent on padding.
        order = sorted(range(len(ctx.ids)), key=lambda i: len(ctx.ids[i]))
        vectors: list[np.ndarray] = [np.empty(0, np.float32)] * len(order)  # each filled in by its batch
        for start in range(0, len(order), batch):
            runner.check()
            runner.report(start / len(order))
            rows = order[start:start + batch]
            width = max(len(ctx.ids[i]) for i in rows)
            ids = np.zeros((len(rows), width), np.int64)
            mask = np.zeros_like(ids)
            for r, i in enumerate(rows):
                ids[r, :len(ctx.ids[i])] = ctx.ids[i]
                mask[r, :len(ctx.ids[i])] = 1
            out = runner.run({"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})
            for r, i in enumerate(rows):
                vectors[i] = out["sentence_embedding"][r]
        return {"embeddings": np.stack(vectors)}

    def postprocess(self, outputs: Outputs, ctx: SimilarityContext, card: ModelCard,
                    params: dict[str, Any]) -> Similarities:
        e = outputs["embeddings"].astype(np.float64)
        n = len(ctx.sentences)
        tokens, cut = tuple(len(i) for i in ctx.ids[:n]), tuple(ctx.cut)
        if ctx.query:
            scores = np.clip(e[:n] @ e[n], -1.0, 1.0).astype(np.float32)
            return Similarities(tuple(ctx.sentences), None, tokens, cut, ctx.note, ctx.query, scores)
        matrix = np.clip(e @ e.T, -1.0, 1.0)
        np.fill_diagonal(matrix, 1.0)
        return Similarities(tuple(ctx.sentences), matrix.astype(np.float32), tokens, cut, ctx.note)
