"""What a build measured, as lines of a model's card; every number in them reads through core.readable."""

from __future__ import annotations

from playground.core import readable
from playground.ui.i18n import QT_TRANSLATE_NOOP, translate

# The names of what the builds measure (the manifest's keys, zoo recipes), said as words on the card (CardView).
# A key without a name here is shown as it is spelt, its underscores as spaces.
MEASURED_NAMES = {
    "held_out_accuracy": QT_TRANSLATE_NOOP("CardView", "Held out accuracy"),
    "held_out": QT_TRANSLATE_NOOP("CardView", "Held out"),
    "training_seconds": QT_TRANSLATE_NOOP("CardView", "Training"),
    "epochs": QT_TRANSLATE_NOOP("CardView", "Epochs"),
    "parameters": QT_TRANSLATE_NOOP("CardView", "Parameters"),
    "size_bytes": QT_TRANSLATE_NOOP("CardView", "Size"),
    "calibration_images": QT_TRANSLATE_NOOP("CardView", "Calibration images"),
    "top1_agreement": QT_TRANSLATE_NOOP("CardView", "Top1 agreement"),
    "mean_abs_prob_diff": QT_TRANSLATE_NOOP("CardView", "Mean abs prob diff"),
    "weights": QT_TRANSLATE_NOOP("CardView", "Weights"),
    "layers_in_float32": QT_TRANSLATE_NOOP("CardView", "Layers in float32"),
    "fp32_size_bytes": QT_TRANSLATE_NOOP("CardView", "Fp32 size"),
    "fp32_p50_ms": QT_TRANSLATE_NOOP("CardView", "Fp32 p50"),
    "int8_p50_ms": QT_TRANSLATE_NOOP("CardView", "Int8 p50"),
    "held_out_figures": QT_TRANSLATE_NOOP("CardView", "Held out figures"),
    "held_out_accuracy_positive_vs_negative": QT_TRANSLATE_NOOP("CardView", "Held out accuracy positive vs negative"),
    "held_out_sentences": QT_TRANSLATE_NOOP("CardView", "Held out sentences"),
    "training_sentences": QT_TRANSLATE_NOOP("CardView", "Training sentences"),
    "everyday_sentences_right": QT_TRANSLATE_NOOP("CardView", "Everyday sentences right"),
    "training_data": QT_TRANSLATE_NOOP("CardView", "Training data"),
}
SUFFIXES = ("_seconds", "_ms", "_bytes")  # said by the number's unit, not in the name


def measured_name(key: str) -> str:
    """The name of what a build measured: the known ones in the window's language, others as spelt."""
    if key in MEASURED_NAMES:
        return translate("CardView", MEASURED_NAMES[key])
    stem = next((key[: -len(s)] for s in SUFFIXES if key.endswith(s)), key)
    return stem.replace("_", " ").capitalize()


def measurement_line(key: str, value: object) -> str:
    """One number a build measured, as a line of the card: shares as per cent, seconds with a unit."""
    name = measured_name(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"{name}: {value}"
    value = value + 0.0 if isinstance(value, float) else value  # -0.0 reads as 0
    if any(word in key for word in ("accuracy", "agreement", "share")) and 0 <= value <= 1:
        return f"{name}: {readable.percent(value, 1)}"
    if key.endswith("_seconds"):
        return f"{name}: {readable.duration(value)}"
    if key.endswith("_ms"):
        return f"{name}: {readable.ms(value)} ms"
    if key.endswith("_bytes"):
        return f"{name}: {readable.size(value)}"
    return f"{name}: {readable.local(f'{value:,}')}" if isinstance(value, int) else f"{name}: {readable.sig(value, 4)}"
