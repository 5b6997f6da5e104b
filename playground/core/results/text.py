"""Answers about text: how alike sentences are, and a chat model's reply with how it was written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core import readable
from playground.core.words import translate


@dataclass(frozen=True, eq=False)
class Similarities:
    """How alike in meaning sentences are, as the cosine of their embeddings (−1 to 1): every pair with every
    other (a grid), or, when searching, each sentence with one query (a ranking)."""

    sentences: tuple[str, ...]
    matrix: np.ndarray | None  # n × n cosine similarities with a diagonal of 1; None when searching
    tokens: tuple[int, ...]  # word pieces read per sentence, [CLS] and [SEP] included
    cut: tuple[bool, ...]  # True where a sentence was longer than the model reads and was cut
    note: str = ""  # e.g. "the first 64 of 80 lines were compared"
    query: str = ""  # what was searched for, as the model read it ("" when comparing every pair)
    scores: np.ndarray | None = None  # each sentence's cosine with the query, when searching

    @property
    def searching(self) -> bool:
        return self.scores is not None

    def most_alike(self) -> tuple[int, int, float] | None:
        """The two different sentences closest in meaning, or None with fewer than two (or when searching)."""
        n = len(self.sentences)
        if n < 2 or self.matrix is None:
            return None
        scores = np.where(np.eye(n, dtype=bool), -np.inf, self.matrix)
        i, j = np.unravel_index(int(np.argmax(scores)), scores.shape)
        return int(min(i, j)), int(max(i, j)), float(self.matrix[i, j])

    def ranked(self) -> list[tuple[int, float]]:
        """(sentence index, score) closest to the query first; ties keep the order of the lines."""
        if self.scores is None:
            return []
        order = np.argsort(-self.scores, kind="stable")
        return [(int(i), float(self.scores[i])) for i in order]

    def summary(self) -> str:
        if self.searching:
            head = translate("Similarities", "closest in meaning to: {query}").format(query=self.query)
            rows = [f"{readable.local(f'{score:6.3f}')}  {i + 1}. {self.sentences[i]}" for i, score in self.ranked()]
            return "\n".join(([self.note] if self.note else []) + [head] + rows)
        assert self.matrix is not None, "not searching: every pair was compared"
        best = self.most_alike()
        head = (translate("Similarities", "most alike: {first} and {second} ({score})").format(
            first=best[0] + 1, second=best[1] + 1, score=readable.local(f"{best[2]:.3f}")) if best
            else translate("Similarities", "one sentence: nothing to compare it with"))
        rows = [f"{i + 1}. {s}" for i, s in enumerate(self.sentences)]
        grid = ["    " + " ".join(f"{j + 1:>6}" for j in range(len(self.sentences)))]
        grid += [f"{i + 1:>3} " + readable.local(" ".join(f"{v:6.3f}" for v in row)) for i, row in enumerate(self.matrix)]
        return "\n".join(([self.note] if self.note else []) + [head] + rows + grid)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "similarities", "note": self.note, "sentences": list(self.sentences),
                               "tokens": list(self.tokens), "cut": list(self.cut)}
        if self.searching:
            out["query"] = self.query
            out["ranking"] = [{"line": i + 1, "sentence": self.sentences[i], "score": round(score, 6)}
                              for i, score in self.ranked()]
        else:
            assert self.matrix is not None, "not searching: every pair was compared"
            out["matrix"] = [[round(float(v), 6) for v in row] for row in self.matrix]
        return out


@dataclass(frozen=True)
class Picking:
    """How each next token was chosen from the model's scores (MODELS.md §2.3.3's sampling settings)."""

    temperature: float = 0.0  # 0: always the likeliest
    top_p: float = 1.0  # draw only among the likeliest tokens that together hold this share of the chance
    penalty: float = 1.0  # CTRL's repetition penalty: above 1, a token already written is less likely


@dataclass(frozen=True, eq=False)
class Generation:
    """What a language model wrote in reply to a message, and how long each part of the writing took."""

    message: str  # what the person wrote, as the model read it
    text: str  # the reply so far (all of it once finished)
    tokens: int  # tokens of the reply so far
    prompt_tokens: int  # tokens of the whole prompt: the model's instructions and the message
    first_token_ms: float  # from the start of the run until the first token of the reply was chosen
    prefill_ms: float  # the one run that read the whole prompt
    step_ms: tuple[float, ...]  # each later token's run
    stop: str = ""  # "end" (the model finished), "length" (the token limit), "" while still writing
    note: str = ""  # e.g. "only the first 1,024 tokens of the message were read"
    picking: Picking = Picking()

    @property
    def tokens_per_second(self) -> float:
        """Writing speed after the first token: steps per second of model time (0 before the second token)."""
        total = sum(self.step_ms)
        return len(self.step_ms) * 1000.0 / total if total > 0 else 0.0

    def summary(self) -> str:
        figures = translate("Generation", "{tokens} tokens; first token after {first_ms} ms (the prompt's "
                                          "{prompt_tokens} tokens read in {prefill_ms} ms), then {speed} tokens per "
                                          "second").format(
            tokens=self.tokens, first_ms=f"{self.first_token_ms:.0f}", prompt_tokens=self.prompt_tokens,
            prefill_ms=f"{self.prefill_ms:.0f}", speed=f"{self.tokens_per_second:.0f}")
        if self.stop == "length":
            figures += " " + translate("Generation", "(stopped at the token limit)")
        elif self.stop != "end":
            figures += " " + translate("Generation", "(still writing)")
        return "\n".join(([self.note] if self.note else []) + [self.text, "", figures])

    def to_dict(self) -> dict[str, Any]:
        return {"type": "generation", "message": self.message, "text": self.text, "stop": self.stop,
                "note": self.note, "tokens": self.tokens, "prompt_tokens": self.prompt_tokens,
                "first_token_ms": round(self.first_token_ms, 3), "prefill_ms": round(self.prefill_ms, 3),
                "step_ms": [round(v, 3) for v in self.step_ms],
                "tokens_per_second": round(self.tokens_per_second, 2)}
