"""A model a person brought that takes a mono waveform: their recording (opened, recorded or a sample), at the rate
the card says, as long as it is or padded with silence and cut to the length the model fixes; its outputs summed up,
and those shaped like a waveform offered as sound."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core.card import ModelCard
from playground.core.card_schema import PreprocessTable, TableProblem, count, whole
from playground.core.errors import InputError
from playground.core.results.tensors import Tensors
from playground.core.task import Feeds, Outputs, SingleRunTask
from playground.core.words import translate
from playground.tasks.tensors import outputs_summed


@dataclass(frozen=True, kw_only=True)
class Preprocess(PreprocessTable):
    """The card's [preprocess]: the rate the recording is resampled to (the decoder reads it), the length the model
    fixes (0: any), and whether the waveform has a batch dimension (rank 2) or not (rank 1)."""

    sample_rate: int = count()
    length: int = whole(default=0)
    rank: int = whole(default=2)

    def __post_init__(self) -> None:
        if self.rank not in (1, 2):
            raise TableProblem("rank", "must be 1 ([samples]) or 2 ([batch, samples])")


@dataclass(frozen=True)
class SoundContext:
    made: str
    rate: int


class SoundTensorsTask(SingleRunTask):
    input_kind = "audio"
    entry = "file"
    result_type = Tensors
    card_tables = (Preprocess,)

    def preprocess(self, data: Any, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, Any]:
        pre = Preprocess.of(card)
        samples = np.asarray(getattr(data, "samples", np.zeros(0, np.float32)), np.float32)
        if samples.size == 0:
            raise InputError(translate("Tasks", "The recording holds no sound: record or open one at least a "
                                                "moment long."))
        seconds = samples.size / pre.sample_rate
        if pre.length:
            said = f"your recording: {seconds:.1f} s at {pre.sample_rate} Hz, " + (
                f"padded with silence to {pre.length} samples" if samples.size < pre.length else
                f"cut to its first {pre.length} samples" if samples.size > pre.length else f"{pre.length} samples")
            samples = np.pad(samples[:pre.length], (0, max(0, pre.length - samples.size)))
        else:
            said = f"your recording: {seconds:.1f} s at {pre.sample_rate} Hz"
        (spec,) = card.inputs
        wave = samples.astype(spec.dtype, copy=False)  # the card's element types are numpy's names
        return {spec.name: wave[None] if pre.rank == 2 else wave}, SoundContext(said, pre.sample_rate)

    def postprocess(self, outputs: Outputs, ctx: SoundContext, card: ModelCard, params: dict[str, Any]) -> Tensors:
        return outputs_summed(outputs, card, ctx.made, ctx.rate)
