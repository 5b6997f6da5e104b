"""The model lesson's facts: how much work one run is, how close it comes to this processor's peak, where its
time goes, and a verdict a person can feel."""

from __future__ import annotations

import math

from playground.core import readable
from playground.core.explainers import literal
from playground.lab.graph_cost import ModelProfile

# How a person feels a wait, by the time one answer takes (ms): the first threshold it is under.
VERDICTS = ((16.7, "fast enough for live video at 60 frames a second"),
            (33.4, "fast enough for live video at 30 frames a second"),
            (100.0, "it feels instant: under a tenth of a second"),
            (1000.0, "a short wait: fine for a photo or a sentence, too slow for live video"),
            (math.inf, "a noticeable wait: better run in the background, or on many inputs at once in a batch"))

# Plain names for the kinds of step a profile ranks (onnxruntime's operator names), so a slowest step
# reads as what it does; an unknown kind is named as the runtime names it.
OP_WORDS = {"Conv": "convolutions", "FusedConv": "convolutions", "NhwcConv": "convolutions",
            "QLinearConv": "8-bit convolutions", "ConvInteger": "8-bit convolutions",
            "ConvTranspose": "convolutions that enlarge a picture",
            "MatMul": "matrix products", "FusedMatMul": "matrix products", "Gemm": "matrix products",
            "MatMulNBits": "4-bit matrix products", "MatMulInteger": "8-bit matrix products",
            "QLinearMatMul": "8-bit matrix products", "DynamicQuantizeMatMul": "8-bit matrix products",
            "QGemm": "8-bit matrix products", "Attention": "attention", "MultiHeadAttention": "attention",
            "GroupQueryAttention": "attention", "LSTM": "memory cells (LSTM)", "GRU": "memory cells (GRU)",
            "Resize": "resizing", "Transpose": "reordering numbers in memory",
            "Softmax": "softmax", "LayerNormalization": "normalising", "SkipLayerNormalization": "normalising",
            "SimplifiedLayerNormalization": "normalising", "SkipSimplifiedLayerNormalization": "normalising",
            "Add": "additions", "Mul": "multiplications", "QLinearAdd": "8-bit additions",
            "QLinearMul": "8-bit multiplications", "Sigmoid": "squashing numbers (sigmoid)",
            "QLinearSigmoid": "squashing numbers (sigmoid)", "Gather": "looking up rows (embeddings)",
            "DynamicQuantizeLinear": "rounding to 8 bits", "QuantizeLinear": "rounding to 8 bits",
            "DequantizeLinear": "turning 8-bit numbers back", "Concat": "joining arrays",
            "MaxPool": "pooling", "AveragePool": "pooling", "GlobalAveragePool": "pooling",
            "QLinearGlobalAveragePool": "pooling", "Pad": "padding"}


def verdict_for(ms: float) -> str:
    verdict = next(text for limit, text in VERDICTS if ms < limit)
    return verdict[0].upper() + verdict[1:]


def model_facts(profile: ModelProfile | None, parameters: int, input_label: str,
                tokens_per_second: float = 0.0, whole_ms: float = 0.0) -> dict[str, str]:
    """tokens_per_second: a model that writes its answer a token at a time is judged by that speed, not by
    the time the whole answer took. whole_ms: a typical whole run, reading the input to showing the answer,
    which is what a person waits for (the model alone when it is 0)."""
    if profile is None or not profile.ops:
        return {}
    share = profile.share_of_peak
    if profile.integer:  # against a float32 peak the share says nothing about what held it back
        bound = ""
    elif share >= 0.5:
        bound = "Its big matrix products keep the processor busy doing sums: it is limited by arithmetic."
    elif share >= 0.2:
        bound = "Part of its time goes to sums, part to moving numbers through memory and to small steps."
    else:
        bound = ("Most of its time goes to moving numbers through memory and to many small steps, not to "
                 "sums: a faster processor alone would help it little.")
    top = profile.ops[0]
    spent = sum(op.ms for op in profile.ops)
    if tokens_per_second > 0:
        verdict = (f"It writes about {readable.sig(tokens_per_second, 2)} tokens a second, "
                   + ("far faster than anyone reads (a quick reader takes in about 8)" if tokens_per_second >= 16
                      else "about as fast as people read" if tokens_per_second >= 6 else "slower than people read"))
    elif whole_ms > 0:
        verdict = (f"A whole run, from reading the input to showing the answer, typically takes "
                   f"{readable.ms(whole_ms)} ms. {verdict_for(whole_ms)}")
    else:
        verdict = f"The model alone takes {readable.ms(profile.model_ms)} ms. {verdict_for(profile.model_ms)}"
    per_second = profile.achieved_gflops * 1e9
    return {"parameters": readable.count(parameters) if parameters else "an unknown number of",
            "profiled_input": literal(input_label or "your input"),
            "work": (f"**{readable.count(profile.flops)}** operations, most of them sums of 8-bit integers"
                     if profile.integer else f"**{readable.count(profile.flops)}** operations on floating-point "
                     "numbers"),
            "profile_ms": readable.ms(profile.model_ms),
            "achieved": f"about {readable.count(per_second)} a second",
            "int8_peak": (" That peak is for float32 numbers; 8-bit sums can go faster, so an int8 model's share "
                          "is not a like-for-like measure." if profile.integer else ""),
            "peak": readable.count(profile.peak_gflops * 1e9), "share": readable.percent(share),
            "bound_sentence": bound, "top_op": OP_WORDS.get(top.op, top.op),
            "top_share": readable.percent(top.ms / spent) if spent else "most",
            "arena": readable.size(profile.arena_peak_mb * 1e6), "verdict": verdict,
            "profile_threads": readable.plural(profile.threads, "thread")}
