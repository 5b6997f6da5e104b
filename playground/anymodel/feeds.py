"""Inputs made for any model from its signature alone: random normal or uniform values, zeros or ones, of each
input's element type and shape, with the symbolic dimensions set by the person (1 where they say nothing).

A model's shapes are its maker's to choose: the tensors made are bounded by the memory free, not by what the
signature asks for."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from playground.anymodel.facts import TensorFacts
from playground.core.errors import InputError
from playground.core.readable import size

FILLS = ("normal", "uniform", "zeros", "ones")
# The element types a made input can have, as numpy names them.
ELEMENTS = {"float": "float32", "float16": "float16", "double": "float64", "int8": "int8", "int16": "int16",
            "int32": "int32", "int64": "int64", "uint8": "uint8", "uint16": "uint16", "uint32": "uint32",
            "uint64": "uint64", "bool": "bool"}
INTEGER_RANGE = 100  # random integers are 0 … 99: valid token ids and indices for most models, never negative
MEMORY_SHARE = 4  # the inputs may take at most a quarter of the memory free (the model and its outputs need room)


@dataclass(frozen=True)
class MadeInputs:
    feeds: dict[str, Any]  # name -> numpy array
    dims: dict[str, int]  # every symbolic dimension with the size used
    defaulted: tuple[str, ...]  # the symbolic dimensions nobody set, used at 1


def parse_dims(texts: list[str]) -> dict[str, int]:
    """--dim NAME=SIZE, each a whole number of at least 1."""
    dims: dict[str, int] = {}
    for text in texts:
        name, sep, value = text.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--dim takes NAME=SIZE (for example batch=4), not {text!r}.")
        try:
            number = int(value)
        except ValueError:
            number = 0
        if number < 1:
            raise InputError(f"--dim {name.strip()} must be a whole number of at least 1, not {value!r}.")
        dims[name.strip()] = number
    return dims


def make_inputs(inputs: tuple[TensorFacts, ...], fill: str = "normal", dims: dict[str, int] | None = None,
                seed: int = 0, free_bytes: int | None = None) -> MadeInputs:
    """One array for each input, the same for the same seed."""
    import numpy as np

    if fill not in FILLS:
        raise InputError(f"Inputs can be filled with {', '.join(FILLS)}, not {fill!r}.")
    given = dict(dims or {})
    unknown = sorted(set(given) - {d for t in inputs for d in (t.dims or ()) if isinstance(d, str)})
    if unknown:
        named = sorted({d for t in inputs for d in (t.dims or ()) if isinstance(d, str) and d != "?"})
        raise InputError(f"The model has no dimension called {unknown[0]!r}; its symbolic dimensions are "
                         f"{', '.join(named) or 'none'}.")
    shapes = {t.name: _shape(t, given) for t in inputs}
    defaulted = tuple(sorted({d for t in inputs for d in (t.dims or ()) if isinstance(d, str) and d != "?"
                              and d not in given}))
    kinds = {t.name: _element(t) for t in inputs}
    total = sum(math.prod(shapes[n]) * np.dtype(kinds[n]).itemsize for n in shapes)
    limit = (free_bytes if free_bytes is not None else _free()) // MEMORY_SHARE
    if total > limit:
        raise InputError(f"Inputs of these shapes take {size(total)}, more than the {size(limit)} they may use here: "
                         "give smaller sizes with --dim.")
    rng = np.random.default_rng(seed)
    feeds = {name: _filled(rng, _fill_for(name, fill, np.dtype(kinds[name])), shapes[name], np.dtype(kinds[name]))
             for name in shapes}
    used = {d: given.get(d, 1) for t in inputs for d in (t.dims or ()) if isinstance(d, str) and d != "?"}
    return MadeInputs(feeds, used, defaulted)


def _shape(tensor: TensorFacts, given: dict[str, int]) -> tuple[int, ...]:
    if tensor.dims is None:
        raise InputError(f"The input {tensor.name!r} does not say its shape (not even how many dimensions): an "
                         "input for it cannot be made from the model alone.")
    return tuple(d if isinstance(d, int) and d > 0 else given.get(d, 1) if isinstance(d, str) else 1
                 for d in tensor.dims)


def _element(tensor: TensorFacts) -> str:
    kind = ELEMENTS.get(tensor.element)
    if kind is None:
        raise InputError(f"The input {tensor.name!r} takes {tensor.element} values, which cannot be made here "
                         f"(made inputs are {', '.join(sorted(ELEMENTS))}).")
    return kind


def _fill_for(name: str, fill: str, dtype: Any) -> str:
    """Random values, but where an integer input's name says what it holds: a text model's attention mask is ones
    (every token counts) and its token types zeros (one sentence); random ones would point outside its tables."""
    import numpy as np

    if fill in ("zeros", "ones") or not np.issubdtype(dtype, np.integer):
        return fill
    lowered = name.lower()
    if "mask" in lowered:
        return "ones"
    if "type_ids" in lowered or "segment" in lowered:
        return "zeros"
    return fill


def _filled(rng: Any, fill: str, shape: tuple[int, ...], dtype: Any) -> Any:
    import numpy as np

    if fill == "zeros":
        return np.zeros(shape, dtype)
    if fill == "ones":
        return np.ones(shape, dtype)
    if dtype == np.bool_:
        return rng.random(shape) < 0.5
    if np.issubdtype(dtype, np.integer):
        return rng.integers(0, INTEGER_RANGE, shape).astype(dtype)
    values = rng.standard_normal(shape) if fill == "normal" else rng.random(shape)
    return values.astype(dtype)


def _free() -> int:
    from playground.anymodel.safety import available_memory

    return available_memory()
