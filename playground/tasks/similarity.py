"""Sentence similarity: one sentence per line → embeddings (MiniLM) → the cosine of every pair."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core.card import ModelCard
from playground.core.errors import InputError, ModelCardError
from playground.core.media import TextData
from playground.core.results import Similarities
from playground.tasks.base import Feeds, Outputs, Runner
from playground.tasks.facts import positive_int

MAX_SENTENCES = 64  # a 64 × 64 grid is as much as anyone reads; more lines are named, not dropped silently


@functools.lru_cache(maxsize=2)
def tokenizer(path: str, max_tokens: int) -> Any:
    """The model's own WordPiece tokenizer, reading up to max_tokens pieces and never padding on its own.

    The file asks for fixed padding to 128: every short sentence would then cost a 128-token run.
    """
    from tokenizers import Tokenizer

    try:
        tok = Tokenizer.from_file(path)
    except Exception as exc:  # the tokenizers package raises its own exception type
        raise ModelCardError(f"{path} is not a readable tokenizer file ({exc}); fetch the model again.") from None
    tok.no_padding()
    tok.enable_truncation(max_tokens)
    return tok


def sentences_of(text: str) -> list[str]:
    """One sentence (or short paragraph) per non-blank line, its spaces tidied."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@dataclass(frozen=True, eq=False)
class SimilarityContext:
    sentences: list[str]
    ids: list[list[int]]
    cut: list[bool]
    note: str


class SimilarityTask:
    input_kind = "text"
    result_type = Similarities

    def preprocess(self, data: TextData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, SimilarityContext]:
        lines = sentences_of(data.text.replace("\x00", " "))
        if not lines:
            raise InputError("There is nothing to compare yet: type two or more sentences, one per line.")
        note = ""
        if len(lines) > MAX_SENTENCES:
            note = f"The first {MAX_SENTENCES} of {len(lines)} lines were compared."
            lines = lines[:MAX_SENTENCES]
        limit = positive_int(card, "preprocess", "max_tokens")
        tok = tokenizer(str(card.path("tokenizer")), limit)
        encodings = tok.encode_batch(lines)
        # A piece was cut when the untruncated encoding is longer: the overflow holds what was left out.
        cut = [bool(e.overflowing) for e in encodings]
        return {}, SimilarityContext(lines, [e.ids for e in encodings], cut, note)

    def infer(self, runner: Runner, feeds: Feeds, ctx: SimilarityContext) -> Outputs:
        batch = positive_int(runner.card, "preprocess", "batch")
        # Sentences of similar length share a batch, so little of each run is spent on padding.
        order = sorted(range(len(ctx.ids)), key=lambda i: len(ctx.ids[i]))
        vectors: list[np.ndarray | None] = [None] * len(order)
        for start in range(0, len(order), batch):
            runner.check()
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
        matrix = np.clip(e @ e.T, -1.0, 1.0)
        np.fill_diagonal(matrix, 1.0)
        return Similarities(tuple(ctx.sentences), matrix.astype(np.float32), tuple(len(i) for i in ctx.ids),
                            tuple(ctx.cut), ctx.note)
