"""What a model's signature asks of a person: a picture, where its one input is a batch of 3-channel pictures (NCHW
or NHWC); a recording, where it is one mono waveform; or else inputs made for each run; and the knobs each way has
(the preprocessing a person chooses, or how the inputs are filled and sized)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from playground.anymodel.feeds import FILLS
from playground.core.card import Param

LAYOUTS = ("nchw", "nhwc")
FITS = ("crop", "stretch")  # crop: the middle of the picture at the model's proportions; stretch: all of it
RANGES = ("0-1", "0-255", "-1-1")  # what a pixel's value runs over in the tensor
NORMALISE = ("imagenet", "none")  # "imagenet": minus ImageNet's mean, over its spread, per channel (for 0-1, 0-255)
COLOURS = ("rgb", "bgr")
PICTURE_ELEMENTS = ("float32", "float16", "float64", "uint8")
SEED_MAX = 2**31 - 1  # what a window's number box holds
SIZE_MAX = 1 << 20  # a symbolic dimension's knob; the memory free bounds the tensors well before this
SIDE_MAX = 4096  # a picture's side, where the model leaves it free
WAVE_MIN = 4000  # a fixed length shorter than this many samples (a quarter second at 16 kHz) is not a recording
RATES = (8000, 16000, 22050, 24000, 32000, 44100, 48000)


@dataclass(frozen=True)
class PictureInput:
    layout: str  # "nchw" | "nhwc"
    height: int  # 0: the model takes any
    width: int


def picture_input(inputs: list[dict[str, Any]]) -> PictureInput | None:
    """A model with one input of shape [batch, 3, H, W] or [batch, H, W, 3] (batch 1 or free) takes a picture."""
    if len(inputs) != 1 or inputs[0]["dtype"] not in PICTURE_ELEMENTS or len(inputs[0]["shape"]) != 4:
        return None
    batch, *rest = inputs[0]["shape"]
    if isinstance(batch, int) and batch != 1:
        return None
    for layout, (channels, height, width) in (("nchw", rest), ("nhwc", (rest[2], rest[0], rest[1]))):
        if channels == 3:  # [1, 3, H, 3] reads as NCHW: tried first
            return PictureInput(layout, height if isinstance(height, int) and height > 0 else 0,
                                width if isinstance(width, int) and width > 0 else 0)
    return None


@dataclass(frozen=True)
class WaveInput:
    rank: int  # 1: [samples]; 2: [batch, samples]
    length: int  # 0: the model takes any


def waveform_input(inputs: list[dict[str, Any]]) -> WaveInput | None:
    """A model with one float input of shape [samples] or [batch, samples] (batch 1 or free), the samples free or at
    least WAVE_MIN, takes a mono recording."""
    if len(inputs) != 1 or inputs[0]["dtype"] not in ("float32", "float16", "float64"):
        return None
    shape = inputs[0]["shape"]
    if len(shape) not in (1, 2) or (len(shape) == 2 and isinstance(shape[0], int) and shape[0] != 1):
        return None
    samples = shape[-1]
    if isinstance(samples, int) and 0 < samples < WAVE_MIN:
        return None
    return WaveInput(len(shape), samples if isinstance(samples, int) and samples > 0 else 0)


def made_knobs(dims: tuple[str, ...]) -> tuple[Param, ...]:
    """How made inputs are filled, the seed, and a size for each symbolic dimension."""
    return (Param("fill", "normal", "Fill", "What the made inputs hold: random normal or uniform values, zeros or "
                  "ones (random whole numbers 0–99 for integer inputs; an attention mask ones, token types "
                  "zeros).", choices=FILLS),
            Param("seed", 0, "Seed", "The same seed makes the same inputs.", 0, SEED_MAX),
            *(Param(f"size_{n}", 1, name, "The size of this dimension in the made inputs.", 1, SIZE_MAX)
              for n, name in enumerate(dims, 1)))


def picture_knobs(picture: PictureInput) -> tuple[Param, ...]:
    """The preprocessing a person chooses for their photo: what the model was trained on decides it."""
    size = () if picture.height and picture.width else (
        Param("size", 224, "Size", "The side of the square picture the model is given, in pixels.", 8, SIDE_MAX),)
    return (*size,
            Param("fit", "crop", "Fit", "crop: the middle of the picture at the model's proportions; stretch: all of "
                  "it, squeezed to them.", choices=FITS),
            Param("range", "0-1", "Values", "What a pixel's value runs over in the tensor (ignored for 8-bit "
                  "inputs).", choices=RANGES),
            Param("normalise", "imagenet", "Normalise", "imagenet: minus ImageNet's mean, over its spread, per "
                  "channel, as most classifiers were trained (not with -1-1).", choices=NORMALISE),
            Param("colour", "rgb", "Colour order", "The order of the three channels: most models take RGB, some "
                  "(made with OpenCV) BGR.", choices=COLOURS))
