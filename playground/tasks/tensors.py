"""Any model a person brought: its inputs made from its signature for each run (random, zeros or ones, the symbolic
dimensions set by knobs), its outputs summed up (range, mean, first values, the best scores named from its labels)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playground.anymodel.facts import TensorFacts
from playground.anymodel.feeds import ELEMENTS, MadeInputs, make_inputs
from playground.core.card import ModelCard, TensorSpec
from playground.core.card_schema import PostprocessTable, PreprocessTable, TableProblem, text, texts
from playground.core.errors import ModelCardError
from playground.core.results.tensors import Tensors, summary
from playground.core.task import Feeds, Outputs, SingleRunTask

# The card's element types (core/card.py DTYPES) as onnx names them, which feeds.py speaks.
_ONNX_NAMES = {numpy_name: onnx_name for onnx_name, numpy_name in ELEMENTS.items()}


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess]: the model's symbolic dimensions in order; knob size_<n> sets the n-th (the knobs a
    kept model has: anymodel/keep.py)."""

    dims: tuple[str, ...] = texts(default=())


@dataclass(frozen=True, kw_only=True)
class Postprocess(PostprocessTable):
    """The card's [postprocess]: a labels file in the model's own folder, one name per line, for its scores."""

    labels: str = text(default="")

    def __post_init__(self) -> None:
        if self.labels and (Path(self.labels).name != self.labels or self.labels in (".", "..")):
            raise TableProblem("labels", "must name a file in the model's own folder, not a path")


def tensor_facts(spec: TensorSpec) -> TensorFacts:
    return TensorFacts(spec.name, _ONNX_NAMES.get(spec.dtype, spec.dtype), spec.shape)


class TensorsTask(SingleRunTask):
    input_kind = "made"
    entry = "made"
    result_type = Tensors
    card_tables = (Preprocess, Postprocess)

    def preprocess(self, data: Any, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, Any]:
        names = Preprocess.of(card).dims
        dims = tuple((name, int(params.get(f"size_{n}", 1))) for n, name in enumerate(names, 1))
        made = _made(card.inputs, str(params.get("fill", "normal")), dims, int(params.get("seed", 0)))
        return made.feeds, made

    def postprocess(self, outputs: Outputs, ctx: MadeInputs, card: ModelCard, params: dict[str, Any]) -> Tensors:
        labels = _labels(card.folder / Postprocess.of(card).labels) if Postprocess.of(card).labels else None
        made = f"{params.get('fill', 'normal')}, seed {params.get('seed', 0)}"
        if ctx.dims:
            made += "; " + ", ".join(f"{name} = {value}" for name, value in ctx.dims.items())
        return Tensors(tuple(summary(name, value, labels) for name, value in outputs.items()), made)


@functools.lru_cache(maxsize=1)
def _made(inputs: tuple[TensorSpec, ...], fill: str, dims: tuple[tuple[str, int], ...], seed: int) -> MadeInputs:
    """The same knobs make the same inputs: made once (2.5 ms for EfficientNet's picture), not for every run of a
    sweep. The arrays are read-only, as decoded inputs are; only the last inputs are kept."""
    made = make_inputs(tuple(tensor_facts(spec) for spec in inputs), fill, dict(dims), seed)
    for array in made.feeds.values():
        array.flags.writeable = False
    return made


@functools.lru_cache(maxsize=8)
def _labels(path: Path) -> tuple[str, ...]:
    """A labels file, read once; a card that names one it lacks is the card's problem, said with its path."""
    try:
        return tuple(path.read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError as exc:
        raise ModelCardError(f"{path} cannot be read ({exc.strerror or exc}): put it back, or add the model again "
                             "with its labels.") from None
