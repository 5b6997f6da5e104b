"""The model lesson's facts: how much work one run is, how close it comes to this processor's peak, where its
time goes, and a verdict a person can feel."""

from __future__ import annotations

import math

from playground.core import readable
from playground.core.explainers import literal
from playground.core.words import QT_TRANSLATE_NOOP, translate
from playground.lab.graph_cost import ModelProfile

# How a person feels a wait, by the time one answer takes (ms): the first threshold it is under.
VERDICTS = ((16.7, QT_TRANSLATE_NOOP("LessonModel", "Fast enough for live video at 60 frames a second")),
            (33.4, QT_TRANSLATE_NOOP("LessonModel", "Fast enough for live video at 30 frames a second")),
            (100.0, QT_TRANSLATE_NOOP("LessonModel", "It feels instant: under a tenth of a second")),
            (1000.0, QT_TRANSLATE_NOOP("LessonModel", "A short wait: fine for a photo or a sentence, too slow for "
                                                      "live video")),
            (math.inf, QT_TRANSLATE_NOOP("LessonModel", "A noticeable wait: better run in the background, or on "
                                                        "many inputs at once in a batch")))

# Plain names for the kinds of step a profile ranks (onnxruntime's operator names), so a slowest step
# reads as what it does; an unknown kind is named as the runtime names it. Shown through `op_words`.
_CONV = QT_TRANSLATE_NOOP("LessonModel", "convolutions")
_CONV8 = QT_TRANSLATE_NOOP("LessonModel", "8-bit convolutions")
_MATMUL = QT_TRANSLATE_NOOP("LessonModel", "matrix products")
_MATMUL8 = QT_TRANSLATE_NOOP("LessonModel", "8-bit matrix products")
_ATTENTION = QT_TRANSLATE_NOOP("LessonModel", "attention")
_NORMALISING = QT_TRANSLATE_NOOP("LessonModel", "normalising")
_SIGMOID = QT_TRANSLATE_NOOP("LessonModel", "squashing numbers (sigmoid)")
_ROUNDING = QT_TRANSLATE_NOOP("LessonModel", "rounding to 8 bits")
_POOLING = QT_TRANSLATE_NOOP("LessonModel", "pooling")
OP_WORDS = {"Conv": _CONV, "FusedConv": _CONV, "NhwcConv": _CONV,
            "QLinearConv": _CONV8, "ConvInteger": _CONV8,
            "ConvTranspose": QT_TRANSLATE_NOOP("LessonModel", "convolutions that enlarge a picture"),
            "MatMul": _MATMUL, "FusedMatMul": _MATMUL, "Gemm": _MATMUL,
            "MatMulNBits": QT_TRANSLATE_NOOP("LessonModel", "4-bit matrix products"), "MatMulInteger": _MATMUL8,
            "QLinearMatMul": _MATMUL8, "DynamicQuantizeMatMul": _MATMUL8,
            "QGemm": _MATMUL8, "Attention": _ATTENTION, "MultiHeadAttention": _ATTENTION,
            "GroupQueryAttention": _ATTENTION, "LSTM": QT_TRANSLATE_NOOP("LessonModel", "memory cells (LSTM)"),
            "GRU": QT_TRANSLATE_NOOP("LessonModel", "memory cells (GRU)"),
            "Resize": QT_TRANSLATE_NOOP("LessonModel", "resizing"),
            "Transpose": QT_TRANSLATE_NOOP("LessonModel", "reordering numbers in memory"),
            "Softmax": QT_TRANSLATE_NOOP("LessonModel", "softmax"), "LayerNormalization": _NORMALISING,
            "SkipLayerNormalization": _NORMALISING, "SimplifiedLayerNormalization": _NORMALISING,
            "SkipSimplifiedLayerNormalization": _NORMALISING,
            "Add": QT_TRANSLATE_NOOP("LessonModel", "additions"),
            "Mul": QT_TRANSLATE_NOOP("LessonModel", "multiplications"),
            "QLinearAdd": QT_TRANSLATE_NOOP("LessonModel", "8-bit additions"),
            "QLinearMul": QT_TRANSLATE_NOOP("LessonModel", "8-bit multiplications"), "Sigmoid": _SIGMOID,
            "QLinearSigmoid": _SIGMOID, "Gather": QT_TRANSLATE_NOOP("LessonModel", "looking up rows (embeddings)"),
            "DynamicQuantizeLinear": _ROUNDING, "QuantizeLinear": _ROUNDING,
            "DequantizeLinear": QT_TRANSLATE_NOOP("LessonModel", "turning 8-bit numbers back"),
            "Concat": QT_TRANSLATE_NOOP("LessonModel", "joining arrays"),
            "MaxPool": _POOLING, "AveragePool": _POOLING, "GlobalAveragePool": _POOLING,
            "QLinearGlobalAveragePool": _POOLING, "Pad": QT_TRANSLATE_NOOP("LessonModel", "padding")}


def op_words(op: str) -> str:
    """A kind of step as what it does, in the window's language; an unknown one as the runtime names it."""
    return translate("LessonModel", OP_WORDS[op]) if op in OP_WORDS else op


def verdict_for(ms: float) -> str:
    """How a wait of `ms` feels, as a sentence (without its full stop)."""
    return translate("LessonModel", next(text for limit, text in VERDICTS if ms < limit))


def _speed_verdict(tokens_per_second: float) -> str:
    rate = readable.sig(tokens_per_second, 2)
    if tokens_per_second >= 16:
        text = translate("LessonModel", "It writes about {rate} tokens a second, far faster than anyone reads (a "
                         "quick reader takes in about 8)")
    elif tokens_per_second >= 6:
        text = translate("LessonModel", "It writes about {rate} tokens a second, about as fast as people read")
    else:
        text = translate("LessonModel", "It writes about {rate} tokens a second, slower than people read")
    return text.format(rate=rate)


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
        bound = translate("LessonModel", "Its big matrix products keep the processor busy doing sums: it is limited "
                          "by arithmetic.")
    elif share >= 0.2:
        bound = translate("LessonModel", "Part of its time goes to sums, part to moving numbers through memory and "
                          "to small steps.")
    else:
        bound = translate("LessonModel", "Most of its time goes to moving numbers through memory and to many small "
                          "steps, not to sums: a faster processor alone would help it little.")
    top = profile.ops[0]
    spent = sum(op.ms for op in profile.ops)
    if tokens_per_second > 0:
        verdict = _speed_verdict(tokens_per_second)
    elif whole_ms > 0:
        verdict = translate("LessonModel", "A whole run, from reading the input to showing the answer, typically "
                            "takes {ms} ms. {verdict}").format(ms=readable.ms(whole_ms), verdict=verdict_for(whole_ms))
    else:
        verdict = translate("LessonModel", "The model alone takes {ms} ms. {verdict}").format(
            ms=readable.ms(profile.model_ms), verdict=verdict_for(profile.model_ms))
    per_second = profile.achieved_gflops * 1e9
    operations = f"**{readable.count(profile.flops)}**"
    return {"parameters": readable.count(parameters) if parameters else
            translate("LessonModel", "an unknown number of"),
            "profiled_input": literal(input_label or translate("LessonModel", "your input")),
            "work": (translate("LessonModel", "{operations} operations, most of them sums of 8-bit integers")
                     if profile.integer else
                     translate("LessonModel", "{operations} operations on floating-point numbers")).format(
                operations=operations),
            "profile_ms": readable.ms(profile.model_ms),
            "achieved": translate("LessonModel", "about {count} a second").format(count=readable.count(per_second)),
            "int8_peak": (" " + translate("LessonModel", "That peak is for float32 numbers; 8-bit sums can go faster, "
                                          "so an int8 model's share is not a like-for-like measure.")
                          if profile.integer else ""),
            "peak": readable.count(profile.peak_gflops * 1e9), "share": readable.percent(share),
            "bound_sentence": bound, "top_op": op_words(top.op),
            "top_share": readable.percent(top.ms / spent) if spent else translate("LessonModel", "most"),
            "arena": readable.size(profile.arena_peak_mb * 1e6), "verdict": verdict,
            "profile_threads": readable.plural(profile.threads, "thread")}
