"""Any model a person brought: its inputs made from its signature for each run (random, zeros or ones, the symbolic
dimensions set by knobs), its outputs summed up (range, mean, first values, the best scores named from the labels
kept with it) and shown as pictures where they are picture-shaped."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playground.anymodel.facts import TensorFacts
from playground.anymodel.feeds import ELEMENTS, MadeInputs, make_inputs
from playground.anymodel.keep import LABELS_FILE, LABELS_LIMIT
from playground.core.card import ModelCard, TensorSpec
from playground.core.card_schema import PreprocessTable, texts
from playground.core.results.tensors import Tensors, picture_of, sound_of, summary
from playground.core.task import Feeds, Outputs, SingleRunTask

# The card's element types (core/card.py DTYPES) as onnx names them, which feeds.py speaks.
_ONNX_NAMES = {numpy_name: onnx_name for onnx_name, numpy_name in ELEMENTS.items()}


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess]: the model's symbolic dimensions in order; knob size_<n> sets the n-th (the knobs a
    kept model has: anymodel/signature.py)."""

    dims: tuple[str, ...] = texts(default=())


def tensor_facts(spec: TensorSpec) -> TensorFacts:
    return TensorFacts(spec.name, _ONNX_NAMES.get(spec.dtype, spec.dtype), spec.shape)


def outputs_summed(outputs: Outputs, card: ModelCard, made: str, rate: int = 0) -> Tensors:
    """Every output summed up, its scores named from the labels kept with the model (labels.txt in its folder,
    one name per line, where the person gave one), each picture-shaped output as a picture, and, where the input
    was a recording at `rate`, each waveform-shaped output as sound at that rate."""
    labels = _labels(card.folder / LABELS_FILE)
    pictures = tuple((name, picture) for name, value in outputs.items()
                     if (picture := picture_of(value)) is not None)
    sounds = tuple((name, sound) for name, value in outputs.items()
                   if rate and (sound := sound_of(value)) is not None)
    shown = {name for name, _ in pictures + sounds}  # heard or seen, not ranked as scores
    return Tensors(tuple(summary(name, value, labels, scores=name not in shown) for name, value in outputs.items()),
                   made, pictures, sounds, rate)


class TensorsTask(SingleRunTask):
    input_kind = "made"
    entry = "made"
    result_type = Tensors
    card_tables = (Preprocess,)

    def preprocess(self, data: Any, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, Any]:
        names = Preprocess.of(card).dims
        dims = tuple((name, int(params.get(f"size_{n}", 1))) for n, name in enumerate(names, 1))
        made = _made(card.inputs, str(params.get("fill", "normal")), dims, int(params.get("seed", 0)))
        return made.feeds, made

    def postprocess(self, outputs: Outputs, ctx: MadeInputs, card: ModelCard, params: dict[str, Any]) -> Tensors:
        made = f"made inputs: {params.get('fill', 'normal')}, seed {params.get('seed', 0)}"
        if ctx.dims:
            made += "; " + ", ".join(f"{name} = {value}" for name, value in ctx.dims.items())
        return outputs_summed(outputs, card, made)


@functools.lru_cache(maxsize=1)
def _made(inputs: tuple[TensorSpec, ...], fill: str, dims: tuple[tuple[str, int], ...], seed: int) -> MadeInputs:
    """The same knobs make the same inputs: made once (2.5 ms for EfficientNet's picture), not for every run of a
    sweep. The arrays are read-only, as decoded inputs are; only the last inputs are kept."""
    made = make_inputs(tuple(tensor_facts(spec) for spec in inputs), fill, dict(dims), seed)
    for array in made.feeds.values():
        array.flags.writeable = False
    return made


def _labels(path: Path) -> tuple[str, ...] | None:
    """The labels kept with a model, or None; read again only when the file changed (a person may give new ones)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return _read_labels(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _read_labels(path: Path, _size: int, _mtime_ns: int) -> tuple[str, ...] | None:
    try:
        with path.open("rb") as f:
            return tuple(f.read(LABELS_LIMIT).decode("utf-8", errors="replace").splitlines())
    except OSError:
        return None
