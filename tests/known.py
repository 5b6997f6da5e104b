"""Helpers for known-answer tests: the installed card of a model, and one pipeline per test module."""

from __future__ import annotations

import pytest

from playground import paths
from playground.core.card import ModelCard, parse_card
from playground.core.pipeline import Outcome, Pipeline
from playground.core.task import RunRequest
from playground.tasks.registry import get_task


def installed(model_id: str) -> ModelCard:
    card = parse_card(paths.models_dir() / model_id / "model.toml")
    missing = [f.path for f in card.files if not (card.folder / f.path).is_file()]
    if missing:
        pytest.skip(f"{card.name} is not installed ({', '.join(missing)} missing): "
                    f"run 'playground models fetch {model_id}'.")
    return card


class Runs:
    """One pipeline (and so one session per model) for the whole module, as the app would keep it."""

    def __init__(self) -> None:
        self.pipeline = Pipeline()

    def __call__(self, model_id: str, sample, progress=None, **params) -> Outcome:
        """`sample` is a bundled sample's file name, or an input in memory (pixels, text)."""
        card = installed(model_id)
        source = paths.samples_dir() / sample if isinstance(sample, str) else sample
        return self.pipeline.run(RunRequest(card, get_task(card.task), source, params), progress=progress)


# ---- answers that depend on the processor's 8-bit arithmetic ------------------------------------------
# onnxruntime computes int8 products with VNNI where the processor has it, and otherwise (x86 with AVX2,
# or AVX-512 without VNNI) adds pairs of them in 16 bits with saturation (tests/emulated.py). An int8
# answer that differs between the two is recorded here for each, with where it was measured:
#   "vnni": AMD EPYC (Zen 4: AVX-512 with VNNI) and Intel Xeon (AVX-512 VNNI), natively;
#   "avx2": AMD EPYC (Zen 2: AVX2 and FMA, no AVX-512) natively, and QEMU's Haswell on the Zen 4.

def int8_kind() -> str | None:
    """"vnni" or "avx2" for this processor, or None where neither recorded kind fits (AVX-512 without
    VNNI, Arm, or a system that does not say what the processor has)."""
    from playground.core.cpu import cpu_flags, int8_dot_product

    flags = cpu_flags()
    if flags is None:
        return None
    if int8_dot_product(flags) in ("AVX-512 VNNI", "AVX-VNNI"):
        return "vnni"
    return "avx2" if "avx2" in flags and "avx512bw" not in flags else None


# EfficientNet-Lite0 quantised with 8-bit weights (the scheme a VNNI processor builds), on chelsea.png:
# AVX2's saturating sums turn float32's near-tie (tiger cat 0.38, Egyptian cat 0.37) the other way.
EIGHT_BIT_CHELSEA = {"vnni": "tiger cat", "avx2": "Egyptian cat"}


# SmolLM2 int8 (activations rounded to 8 bits per block): greedy replies leave the float32 text where the
# float32 model itself nearly ties (" shore" leads " ocean" by 0.017 logits after "A gentle lapping of
# the"). Rounding moves the logits by about 0.2, and which way depends on the processor: the kernels
# differ only in the order of float sums, but values on a rounding edge then round the other way, and
# that grows over 30 layers. No small set of layers left in float32 kept the float32 text on both kinds
# of processor; the 4-bit build (float32 arithmetic) keeps it on both.
SMOLLM_INT8_SHARED = "The waves of the sea, a silent beauty,\nA gentle"
SMOLLM_INT8_HAIKU = {"vnni": SMOLLM_INT8_SHARED + " lapping of the ocean's edge,",
                     "avx2": SMOLLM_INT8_SHARED + " reminder of the vastness that lies beneath."}
SMOLLM_HAIKU = SMOLLM_INT8_SHARED + " lapping of the shore,"  # float32, and the 4-bit build everywhere
