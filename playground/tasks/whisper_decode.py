"""Whisper's greedy decoder on one piece of audio: the text, then a start and end time for each sentence.

The text is decoded without timestamp tokens, as the reference transcripts are: letting the model write
timestamps changes its punctuation ("Hey Jarvis Alexa" instead of "Hey Jarvis. Alexa."). The times of the
sentence boundaries are then asked of the same model in its timestamp mode, with the sentences it wrote
fed back in: two short decoder calls per boundary, none for a piece of one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core.task import Runner
from playground.tasks.whisper_text import BEGIN_SUPPRESS, EOT, NO_TIMESTAMPS, SOT, detokenize, suppression

MAX_TOKENS = 224  # half the decoder's 448 positions, as the reference decoder allows
FIRST_TIME = NO_TIMESTAMPS + 1  # <|0.00|>; each following id is 20 ms later, up to <|30.00|>
SECONDS_PER_TIME = 0.02
SENTENCE_ENDS = (".", "?", "!")


@dataclass(frozen=True)
class Sentence:
    start: float  # seconds from the start of the piece
    end: float
    text: str


@dataclass(frozen=True, eq=False)
class Heard:
    """What one piece gave: its sentences, and the decoder's raw scores from the last step of the text."""

    sentences: list[Sentence]
    scores: np.ndarray  # one per entry of the vocabulary, before any rule of the decoding touched them
    picked: list[int]  # the word pieces chosen, one decoder run each (and one more chose the end)


class _Decoder:
    """One encoder run's cross-attention keys and values, and decoder calls that carry their own cache."""

    def __init__(self, runner: Runner, mel: np.ndarray, suppress: list[int]) -> None:
        self.runner = runner
        self.cross = runner.run({"mel": mel})  # cross_k_i, cross_v_i of every decoder layer, fed to each step
        self.layers = len(self.cross) // 2
        self.suppress = suppress
        self.mask: np.ndarray | None = None  # sized by the first logits: the vocabulary file lacks the time ids
        self.reset()

    def reset(self) -> None:
        width = self.cross["cross_k_0"].shape[1] * self.cross["cross_k_0"].shape[2]  # heads × head size
        empty = np.zeros((self.layers, 1, 0, width), np.float32)
        self.self_k, self.self_v = empty, empty

    def __call__(self, tokens: list[int]) -> np.ndarray:
        """Feed tokens after those already fed; the logits of the last one."""
        self.runner.check()
        out = self.runner.run({"tokens": np.array([tokens], np.int64), "self_k": self.self_k,
                               "self_v": self.self_v, **self.cross}, role="decoder")
        self.self_k, self.self_v = out["new_self_k"], out["new_self_v"]
        logits = out["logits"][0, -1]
        if self.mask is None:
            self.mask = suppression(self.suppress, logits.shape[-1])
        return logits


def decode_piece(runner: Runner, mel: np.ndarray, suppress: list[int], vocab: tuple[str, ...],
                 duration: float) -> Heard:
    """The sentences Whisper hears in one piece (mel [1, 80, 3000] of a piece `duration` seconds long),
    never picking the `suppress` ids (the model's config) or any special token but the end."""
    decoder = _Decoder(runner, mel, suppress)
    ids, scores = _greedy(decoder)
    parts = split_sentences(ids, vocab)
    if not parts:
        return Heard([], scores, ids)
    bounds = _boundaries(decoder, parts, duration) if len(parts) > 1 else []
    edges = [0.0] + [t for pair in bounds for t in pair] + [duration]
    return Heard([Sentence(edges[2 * i], edges[2 * i + 1], detokenize(part, vocab)) for i, part in enumerate(parts)],
                 scores, ids)


def _greedy(decoder: _Decoder) -> tuple[list[int], np.ndarray]:
    """The reference decoding: no timestamps, argmax, no blank or end first, at most MAX_TOKENS; and the
    last step's scores as the model gave them."""
    new, picked = [SOT, NO_TIMESTAMPS], []
    for step in range(MAX_TOKENS):
        scores = decoder(new)
        logits = scores + decoder.mask
        if step == 0:
            logits[list(BEGIN_SUPPRESS)] = -np.inf
        token = int(np.argmax(logits))
        if token == EOT:
            break
        picked.append(token)
        new = [token]
    return picked, np.array(scores, np.float32)  # a copy: the decoder's output buffers are its own


def split_sentences(ids: list[int], vocab: tuple[str, ...]) -> list[list[int]]:
    """Token ids cut after each sentence end that a new word follows, so joining the parts' text with
    spaces gives back exactly the text of all the ids (the next part's first token starts with a space)."""
    parts: list[list[int]] = [[]]
    for i, token in enumerate(ids):
        parts[-1].append(token)
        following = vocab[ids[i + 1]] if i + 1 < len(ids) else ""
        if vocab[token].rstrip().endswith(SENTENCE_ENDS) and following.startswith("Ġ"):  # Ġ: a space
            parts.append([])
    return [p for p in parts if p and detokenize(p, vocab)]


def _boundaries(decoder: _Decoder, parts: list[list[int]], duration: float) -> list[tuple[float, float]]:
    """(end of sentence i, start of sentence i + 1) for each boundary, by Whisper's timestamp rules:
    times never go back, an end is followed by the next start, and each is the likeliest time token."""
    decoder.reset()
    fed, last = [SOT, FIRST_TIME], FIRST_TIME
    bounds = []
    for part in parts[:-1]:
        end = _time_token(decoder(fed + part), last + 1)  # a sentence lasts at least one step
        start = _time_token(decoder([end]), end)
        fed, last = [start], start
        bounds.append((min(_seconds(end), duration), min(_seconds(start), duration)))
    return bounds


def _time_token(logits: np.ndarray, earliest: int) -> int:
    times = logits[FIRST_TIME:].copy()
    times[:max(0, earliest - FIRST_TIME)] = -np.inf
    return FIRST_TIME + int(np.argmax(times))


def _seconds(token: int) -> float:
    return (token - FIRST_TIME) * SECONDS_PER_TIME
