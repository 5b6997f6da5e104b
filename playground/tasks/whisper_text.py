"""Whisper's tokens: which ones greedy decoding may pick, and turning the picked ids back into text."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import numpy as np

from playground.core.errors import ModelCardError
from playground.core.words import translate

EOT, SOT, NO_TIMESTAMPS = 50256, 50257, 50362
BEGIN_SUPPRESS = (220, EOT)  # a leading space or an empty transcript may not come first


def _bytes_to_unicode() -> dict[int, str]:
    """GPT-2's table: printable bytes stand for themselves, the other 68 for code points from 256 up."""
    keep = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    table, extra = {}, 0
    for b in range(256):
        if b in keep:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + extra)
            extra += 1
    return table


_UNICODE_TO_BYTE = {c: b for b, c in _bytes_to_unicode().items()}


@functools.lru_cache(maxsize=2)
def vocabulary(path: str) -> tuple[str, ...]:
    """Token strings by id: tokenizer.json's BPE vocabulary plus its added special tokens."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        vocab = dict(data["model"]["vocab"])
        vocab.update({t["content"]: t["id"] for t in data.get("added_tokens", [])})
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelCardError(translate("Tasks", "{name} is not a readable tokenizer file ({reason}); fetch the model "
                                                "again.").format(name=Path(path).name, reason=exc)) from None
    table = [""] * (max(vocab.values()) + 1)
    for token, index in vocab.items():
        table[index] = token
    return tuple(table)


def detokenize(ids: list[int], vocab: tuple[str, ...]) -> str:
    """Text tokens (< EOT) back to UTF-8 text through the byte table; broken bytes become U+FFFD."""
    chars = "".join(vocab[i] for i in ids if i < EOT)
    data = bytes(_UNICODE_TO_BYTE.get(c, ord("?")) for c in chars)
    return data.decode("utf-8", errors="replace").strip()


def suppression(suppress_ids: list[int], vocab_size: int) -> np.ndarray:
    """Additive mask over the logits: −inf for the listed ids and every special token above EOT."""
    mask = np.zeros(vocab_size, np.float32)
    mask[np.asarray(suppress_ids, np.int64)] = -np.inf
    mask[EOT + 1:] = -np.inf
    return mask
