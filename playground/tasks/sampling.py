"""Choosing the next token from a language model's logits: repetition penalty, temperature and top-p (numpy)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


def penalise(logits: np.ndarray, seen: Iterable[int], penalty: float) -> np.ndarray:
    """CTRL's repetition penalty: a token already written is made less likely, whatever its sign.

    A positive logit is divided by the penalty and a negative one multiplied, so both move down.
    """
    ids = np.fromiter(set(seen), dtype=np.int64)
    if penalty == 1.0 or ids.size == 0:
        return logits
    out = logits.astype(np.float32, copy=True)
    picked = out[ids]
    out[ids] = np.where(picked > 0, picked / penalty, picked * penalty)
    return out


def nucleus(probs: np.ndarray, top_p: float) -> tuple[np.ndarray, np.ndarray]:
    """The smallest set of most likely tokens whose probabilities add up to top_p: (ids, renormalised p)."""
    # Only the few hundred likeliest can matter: partition first instead of sorting 49k values.
    k = min(len(probs), 512)
    head = np.argpartition(-probs, k - 1)[:k]
    head = head[np.argsort(-probs[head], kind="stable")]
    cumulative = np.cumsum(probs[head])
    keep = int(np.searchsorted(cumulative, top_p * cumulative[-1])) + 1 if top_p < 1.0 else k
    ids = head[:max(1, min(keep, k))]
    p = probs[ids].astype(np.float64)
    return ids, p / p.sum()


def choose(logits: np.ndarray, seen: Iterable[int], *, temperature: float, top_p: float, penalty: float,
           rng: np.random.Generator) -> int:
    """The next token: the likeliest at temperature 0, otherwise drawn from the top-p nucleus."""
    scores = penalise(logits, seen, penalty)
    if temperature <= 0.0:
        return int(np.argmax(scores))
    z = scores.astype(np.float64) / temperature
    z -= z.max()
    probs = np.exp(z)
    probs /= probs.sum()
    ids, p = nucleus(probs, top_p)
    return int(ids[rng.choice(len(ids), p=p)])
