"""What any model's output tensors hold, summed up for a person: shape and type, range, mean and the first values,
and for a vector of scores its best entries (named from a labels list when there is one); `Tensors` is the answer
of a model a person brought (tasks/tensors.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

FIRST = 8  # values shown from the start of each output
TOP = 5  # best entries of a vector of scores


def summary(name: str, array: Any, labels: Sequence[str] | None = None, scores: bool = True) -> dict[str, Any]:
    """One output summed up; `scores=False` for one known to be something else (a waveform, a picture)."""
    import numpy as np

    value = np.asarray(array)
    body: dict[str, Any] = {"name": name, "element": str(value.dtype), "shape": list(value.shape)}
    if value.dtype.kind not in "biuf" or value.size == 0:
        body["first"] = [str(v) for v in value.reshape(-1)[:FIRST]]
        return body
    flat = value.reshape(-1)
    numbers = flat.astype(np.float64)
    finite = numbers[np.isfinite(numbers)]
    body.update(min=float(finite.min()) if finite.size else None, max=float(finite.max()) if finite.size else None,
                mean=float(finite.mean()) if finite.size else None, non_finite=int(numbers.size - finite.size),
                first=[_number(v) for v in flat[:FIRST]])
    if scores and _is_scores(value) and finite.size == numbers.size:
        # Scores that are not already a distribution (logits) are shared out by a softmax, for the bars to compare.
        shares = numbers if _is_distribution(numbers) else _softmax(numbers)
        body["softmax"] = shares is not numbers
        order = np.argsort(-numbers, kind="stable")[:TOP]
        body["top"] = [{"index": int(i), "score": float(numbers[i]), "share": float(shares[i]),
                        "label": labels[i] if labels and i < len(labels) else None} for i in order]
    return body


def _is_distribution(numbers: Any) -> bool:
    return bool(numbers.min() >= 0 and numbers.max() <= 1 and abs(numbers.sum() - 1) < 1e-3)


def _softmax(numbers: Any) -> Any:
    import numpy as np

    exp = np.exp(numbers - numbers.max())
    return exp / exp.sum()


SCORES_MAX = 32768  # entries of a vector of scores: ImageNet-21k has 21,843 classes; a longer vector is a signal


def _is_scores(value: Any) -> bool:
    """One vector of 2 … SCORES_MAX floating-point scores (a batch of one counts): a classifier's output."""
    return value.dtype.kind == "f" and sum(1 for d in value.shape if d > 1) == 1 and 2 <= value.size <= SCORES_MAX


def _number(value: Any) -> float | int | bool:
    import numpy as np

    if isinstance(value, np.bool_):
        return bool(value)
    return int(value) if isinstance(value, np.integer) else float(value)


def text(body: dict[str, Any]) -> str:
    """The summary as lines for a terminal; the names the model and its labels chose are printed, never obeyed."""
    from playground.core.safe_output import terminal_text as shown

    lines = [f"{shown(body['name'])}: {body['element']} {body['shape']}"]
    if body.get("min") is not None:
        lines.append(f"  range {body['min']:.6g} … {body['max']:.6g}, mean {body['mean']:.6g}"
                     + (f", {body['non_finite']} not finite" if body.get("non_finite") else ""))
    lines.append("  first " + ", ".join(f"{v:.6g}" if isinstance(v, float) else str(v) for v in body["first"]))
    for rank, entry in enumerate(body.get("top", ()), 1):
        label = f" {shown(entry['label'])}" if entry["label"] else ""
        share = f" ({entry['share']:.1%}{' by softmax' if body.get('softmax') else ''})" if "share" in entry else ""
        lines.append(f"  {rank}. [{entry['index']}]{label} {entry['score']:.6g}{share}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Tensors:
    """Every output of one run summed up (`summary()` above, one dict each), and how the inputs were made."""

    outputs: tuple[dict[str, Any], ...]
    made: str  # "normal, seed 0; batch = 1": what the model was given
    pictures: tuple[tuple[str, Any], ...] = ()  # (output name, H×W×3 uint8) for each picture-shaped output
    sounds: tuple[tuple[str, Any], ...] = ()  # (output name, mono float32) for each waveform, at `rate`
    rate: int = 0  # samples a second of the recording the model was given (0: it was given none)

    def summary(self) -> str:
        return "\n".join([f"Inputs: {self.made}", *(text(body) for body in self.outputs)])

    def to_dict(self) -> dict[str, Any]:
        return {"inputs": self.made, "outputs": list(self.outputs), "pictures": [name for name, _ in self.pictures],
                "sounds": [name for name, _ in self.sounds]}


PICTURE_MIN_SIDE = 8  # an output smaller than this on a side is numbers, not a picture


def picture_of(array: Any) -> Any:
    """An output shaped like a picture ([1, 3, H, W], [1, H, W, 3], [1, 1, H, W], [H, W] …) as H×W×3 uint8, or None.

    Values 0–1 and −1–1 are read as the usual ranges of a picture; 0–255 as they are; any other range is stretched
    over 0–255 (a depth map, a mask's logits)."""
    import numpy as np

    value = np.asarray(array)
    while value.ndim > 3 and value.shape[0] == 1:  # a batch of one
        value = value[0]
    if value.ndim == 3 and value.shape[0] in (1, 3) and value.shape[-1] not in (1, 3):
        value = value.transpose(1, 2, 0)  # channels first to last
    if value.ndim == 3 and value.shape[-1] == 1:
        value = value[..., 0]
    if value.ndim not in (2, 3) or (value.ndim == 3 and value.shape[-1] != 3) or value.dtype.kind not in "biuf" \
            or min(value.shape[:2]) < PICTURE_MIN_SIDE:
        return None
    numbers = value.astype(np.float32)
    finite = numbers[np.isfinite(numbers)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 0.0)
    if value.dtype == np.uint8 or (low >= 0 and high <= 255 and high > 1.5):
        scaled = numbers
    elif low >= 0 and high <= 1:
        scaled = numbers * 255
    elif low >= -1 and high <= 1:
        scaled = (numbers + 1) * 127.5
    else:
        scaled = (numbers - low) * (255 / (high - low or 1))
    grey = np.nan_to_num(np.clip(scaled, 0, 255), nan=0).round().astype(np.uint8)
    return np.ascontiguousarray(np.repeat(grey[..., None], 3, axis=2) if grey.ndim == 2 else grey)


SOUND_MIN = 1000  # samples: a shorter vector is numbers, not something to listen to


def sound_of(array: Any) -> Any:
    """An output shaped like a mono waveform ([1, N], [N], [1, 1, N], N ≥ SOUND_MIN, floating point) as float32
    within −1 … 1, or None."""
    import numpy as np

    value = np.asarray(array)
    while value.ndim > 1 and value.shape[0] == 1:
        value = value[0]
    if value.ndim != 1 or value.dtype.kind != "f" or value.size < SOUND_MIN:
        return None
    return np.clip(np.nan_to_num(value.astype(np.float32)), -1.0, 1.0)
