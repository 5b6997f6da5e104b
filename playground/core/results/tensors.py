"""What any model's output tensors hold, summed up for a person: shape and type, range, mean and the first values,
and for a vector of scores its best entries (named from a labels list when there is one); `Tensors` is the answer
of a model a person brought (tasks/tensors.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

FIRST = 8  # values shown from the start of each output
TOP = 5  # best entries of a vector of scores


def summary(name: str, array: Any, labels: Sequence[str] | None = None) -> dict[str, Any]:
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
    if _is_scores(value):
        order = np.argsort(-numbers, kind="stable")[:TOP]
        body["top"] = [{"index": int(i), "score": float(numbers[i]),
                        "label": labels[i] if labels and i < len(labels) else None} for i in order]
    return body


def _is_scores(value: Any) -> bool:
    """One vector of at least two floating-point scores (a batch of one counts): a classifier's output."""
    return value.dtype.kind == "f" and sum(1 for d in value.shape if d > 1) == 1 and value.size >= 2


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
        lines.append(f"  {rank}. [{entry['index']}]{label} {entry['score']:.6g}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Tensors:
    """Every output of one run summed up (`summary()` above, one dict each), and how the inputs were made."""

    outputs: tuple[dict[str, Any], ...]
    made: str  # "normal values, seed 0; batch = 1": what the model was given

    def summary(self) -> str:
        return "\n".join([f"Inputs: {self.made}", *(text(body) for body in self.outputs)])

    def to_dict(self) -> dict[str, Any]:
        return {"inputs": self.made, "outputs": list(self.outputs)}
