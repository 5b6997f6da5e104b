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
# A word whose least likely piece the decoder gave less than this is one it was unsure of, and the
# transcript says so. Measured on the samples: a misheard word ("roundfark", "rainy nod") scores 0.14–0.26,
# a clearly spoken one 0.5 and up; punctuation is left out (a full stop at 0.19 says nothing about a word).
DOUBT = 0.3


@dataclass(frozen=True)
class Sentence:
    start: float  # seconds from the start of the piece
    end: float
    text: str
    doubtful: tuple[str, ...] = ()  # its words the model was unsure of (DOUBT), in order


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
    ids, scores, chances = _greedy(decoder)
    parts = split_sentences(ids, vocab)
    if not parts:
        return Heard([], scores, ids)
    bounds = _boundaries(decoder, parts, duration) if len(parts) > 1 else []
    edges = [0.0] + [t for pair in bounds for t in pair] + [duration]
    likely = dict(zip(range(len(ids)), chances))
    sentences, at = [], 0
    for i, part in enumerate(parts):
        while ids[at:at + len(part)] != part:  # the parts are runs of ids in order (an empty one left out)
            at += 1
        doubtful = unsure_words(part, [likely[k] for k in range(at, at + len(part))], vocab)
        sentences.append(Sentence(edges[2 * i], edges[2 * i + 1], detokenize(part, vocab), doubtful))
        at += len(part)
    return Heard(sentences, scores, ids)


def unsure_words(ids: list[int], chances: list[float], vocab: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a sentence whose least likely piece (punctuation aside) is under DOUBT. A piece starting
    with a space (Ġ) starts a word; the others continue it."""
    words: list[tuple[list[int], float]] = []
    for token, chance in zip(ids, chances):
        if vocab[token].startswith("Ġ") or not words:
            words.append(([], 1.0))
        pieces, least = words[-1]
        pieces.append(token)
        if any(ch.isalnum() for ch in detokenize([token], vocab)):
            words[-1] = (pieces, min(least, chance))
    return tuple(detokenize(pieces, vocab).strip(".,!?;:\"'") for pieces, least in words if least < DOUBT)


def _greedy(decoder: _Decoder) -> tuple[list[int], np.ndarray, list[float]]:
    """The reference decoding: no timestamps, argmax, no blank or end first, at most MAX_TOKENS; the last
    step's scores as the model gave them; and how likely each picked piece was."""
    new, picked, chances = [SOT, NO_TIMESTAMPS], [], []
    for step in range(MAX_TOKENS):
        scores = decoder(new)
        logits = scores + decoder.mask
        if step == 0:
            logits[list(BEGIN_SUPPRESS)] = -np.inf
        token = int(np.argmax(logits))
        if token == EOT:
            break
        picked.append(token)
        # Its probability: softmax at the top score is 1 / Σ exp(logit − top) (suppressed ids are −inf: 0 here).
        chances.append(1.0 / float(np.exp(logits - logits[token], dtype=np.float64).sum()))
        new = [token]
    return picked, np.array(scores, np.float32), chances  # a copy: the decoder's output buffers are its own


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
