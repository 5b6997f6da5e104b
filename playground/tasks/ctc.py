"""Greedy CTC decoding of a text recogniser's output, and the character table it decodes into."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

from playground.core.errors import ModelCardError
from playground.core.words import translate

BLANK = 0  # CTC's "no character here" class; the recogniser puts it first


def greedy_decode(probs: np.ndarray, classes: tuple[str, ...]) -> list[tuple[str, float]]:
    """(N, T, C) per-step class probabilities -> one (text, score) per row.

    Greedy CTC: take the most likely class at each step, merge runs of the same class (one character
    spread over several steps), then drop the blank. A blank between two equal classes keeps both, which
    is how CTC spells double letters. The score is the mean probability of the kept steps, so a line read
    with hesitation scores low; a row with nothing kept reads as "" with score 0.
    """
    probs = np.asarray(probs)
    if probs.ndim != 3:
        raise ValueError(f"CTC output must be (batch, steps, classes), not {probs.shape}")
    best = probs.argmax(axis=2)
    best_p = np.take_along_axis(probs, best[..., None], axis=2)[..., 0]
    keep = best != BLANK
    keep[:, 1:] &= best[:, 1:] != best[:, :-1]
    results = []
    for row, p, k in zip(best, best_p, keep):
        ids = row[k]
        text = "".join(classes[i] for i in ids if i < len(classes))
        results.append((text, float(p[k].mean()) if k.any() else 0.0))
    return results


def ctc_classes(characters: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """PaddleOCR's class list: blank, the charset lines, then a space as the last class."""
    return ("",) + tuple(characters) + (" ",)


def charset_from_model(path: Path, key: str) -> tuple[str, ...]:
    """The CTC classes of a recogniser that carries its charset in the ONNX metadata under `key`.

    Cached per file version: the 10 MB model is scanned once, not on every picture.
    """
    try:
        stat = path.stat()
    except OSError as exc:
        raise ModelCardError(translate("Tasks", "{path} cannot be read ({reason}); fetch the model again.").format(
            path=path, reason=exc.strerror)) from None
    return _charset(str(path), stat.st_size, stat.st_mtime_ns, key)


@functools.lru_cache(maxsize=4)
def _charset(path: str, size: int, mtime_ns: int, key: str) -> tuple[str, ...]:
    del size, mtime_ns  # only part of the cache key, so a rebuilt file is read again
    import onnx

    try:
        # 20 ms for the 10 MB recogniser, once per file version.
        model = onnx.load(path, load_external_data=False)
    except Exception as exc:  # the protobuf parser raises its own error types for a damaged file
        raise ModelCardError(translate("Tasks", "{name} is not a readable ONNX file ({reason}); fetch the model "
                                                "again.").format(name=Path(path).name, reason=exc)) from None
    value = next((prop.value for prop in model.metadata_props if prop.key == key), None)
    if value is None:
        raise ModelCardError(f"{Path(path).name} has no '{key}' entry in its metadata, so its characters "
                             "are unknown; the card names the wrong file or key.")
    return ctc_classes(value.splitlines())
