"""Answers about pictures: boxes found, a cut-out, an enlarged picture, lines of text read, a digit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core import readable
from playground.core.words import QT_TRANSLATE_NOOP, translate

# What Detections.summary says of the things found, per `what`: one found, several found, and each one's line.
FOUND = {
    "face": (QT_TRANSLATE_NOOP("Detections", "1 face found"), QT_TRANSLATE_NOOP("Detections", "{count} faces found"),
             QT_TRANSLATE_NOOP("Detections", "face {number}: score {score}, box {box}")),
    "object": (QT_TRANSLATE_NOOP("Detections", "1 object found"),
               QT_TRANSLATE_NOOP("Detections", "{count} objects found"),
               QT_TRANSLATE_NOOP("Detections", "object {number}: score {score}, box {box}")),
}


@dataclass(frozen=True)
class Detection:
    box: tuple[float, float, float, float]  # x1, y1, x2, y2 in original image pixels
    score: float
    landmarks: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True, eq=False)
class Detections:
    """Boxes (with optional landmarks) found on an image, in the image's own pixel coordinates."""

    image: np.ndarray  # H×W×3 uint8 RGB, the decoded input
    items: tuple[Detection, ...]
    what: str = "object"  # singular noun for the summary: "face"

    def summary(self) -> str:
        n = len(self.items)
        if self.what in FOUND:
            one, many, row = (translate("Detections", text) for text in FOUND[self.what])
        else:  # a noun no task uses yet: said in English, as the task wrote it
            one, many, row = (f"1 {self.what} found", f"{{count}} {self.what}s found",
                              f"{self.what} {{number}}: score {{score}}, box {{box}}")
        head = (one if n == 1 else many).format(count=n)
        rows = ["  " + row.format(number=i + 1, score=readable.local(f"{d.score:.3f}"),
                                  box=", ".join(f"{v:.0f}" for v in d.box))
                for i, d in enumerate(self.items)]
        return "\n".join([head] + rows)

    def to_dict(self) -> dict[str, Any]:
        return {"type": "detections", "what": self.what,
                "size": [int(self.image.shape[1]), int(self.image.shape[0])],
                "items": [{"box": [round(v, 2) for v in d.box], "score": round(d.score, 6),
                           "landmarks": [[round(x, 2), round(y, 2)] for x, y in d.landmarks]}
                          for d in self.items]}


@dataclass(frozen=True, eq=False)
class Cutout:
    """An image with a soft foreground mask (alpha 0..1) predicted by the model."""

    image: np.ndarray  # H×W×3 uint8 RGB
    alpha: np.ndarray  # H×W float32 in [0, 1]
    threshold: float = 0.5  # alpha above this counts as foreground in the figures

    @property
    def foreground_fraction(self) -> float:
        return float((self.alpha > self.threshold).mean())

    def rgba(self) -> np.ndarray:
        a = np.clip(self.alpha * 255.0 + 0.5, 0, 255).astype(np.uint8)
        return np.dstack([self.image, a])

    def summary(self) -> str:
        h, w = self.alpha.shape
        return translate("Cutout", "foreground {share} of {width}×{height} pixels").format(
            share=f"{self.foreground_fraction:.0%}", width=w, height=h)

    def to_dict(self) -> dict[str, Any]:
        h, w = self.alpha.shape
        return {"type": "cutout", "size": [int(w), int(h)],
                "foreground_fraction": round(self.foreground_fraction, 6)}


@dataclass(frozen=True, eq=False)
class Upscaled:
    """A picture and the model's larger version of it (super-resolution)."""

    image: np.ndarray  # H×W×3 uint8 RGB, the input
    result: np.ndarray  # (scale·H)×(scale·W)×3 uint8 RGB
    scale: int
    tiles: int = 1  # how many overlapping tiles the model ran on

    def summary(self) -> str:
        h, w = self.image.shape[:2]
        oh, ow = self.result.shape[:2]
        if self.tiles > 1:
            said = translate("Upscaled", "{width}×{height} → {new_width}×{new_height} pixels ({scale}× larger) in "
                                         "{tiles} tiles")
        else:
            said = translate("Upscaled", "{width}×{height} → {new_width}×{new_height} pixels ({scale}× larger)")
        return said.format(width=w, height=h, new_width=ow, new_height=oh, scale=self.scale, tiles=self.tiles)

    def to_dict(self) -> dict[str, Any]:
        h, w = self.image.shape[:2]
        oh, ow = self.result.shape[:2]
        return {"type": "upscaled", "size": [int(w), int(h)], "result_size": [int(ow), int(oh)],
                "scale": self.scale, "tiles": self.tiles}


@dataclass(frozen=True)
class TextLine:
    quad: tuple[tuple[float, float], ...]  # 4 corners in image pixels: top-left, top-right, bottom-right, bottom-left
    text: str
    score: float  # mean probability of the recognised characters
    flipped: bool = False  # the line was upside down and was turned before reading


@dataclass(frozen=True, eq=False)
class TextLines:
    """Lines of text found and read on an image, in reading order."""

    image: np.ndarray  # H×W×3 uint8 RGB
    lines: tuple[TextLine, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def summary(self) -> str:
        n = len(self.lines)
        head = (translate("TextLines", "1 line of text found") if n == 1 else
                translate("TextLines", "{count} lines of text found").format(count=n))
        return "\n".join([head] + [f"  {readable.local(f'{line.score:.2f}')}  {line.text}" for line in self.lines])

    def to_dict(self) -> dict[str, Any]:
        return {"type": "text_lines", "size": [int(self.image.shape[1]), int(self.image.shape[0])],
                "lines": [{"text": line.text, "score": round(line.score, 6), "flipped": line.flipped,
                           "quad": [[round(x, 2), round(y, 2)] for x, y in line.quad]} for line in self.lines]}


@dataclass(frozen=True, eq=False)
class DigitGuess:
    """A drawn digit's ten probabilities (index = digit) and the small picture the model actually saw."""

    probabilities: np.ndarray  # 10 floats summing to 1
    seen: np.ndarray  # 28×28 float32 in [0, 1], white ink on black

    @property
    def digit(self) -> int:
        return int(np.argmax(self.probabilities))

    @property
    def confidence(self) -> float:
        return float(self.probabilities[self.digit])

    def summary(self) -> str:
        ranked = np.argsort(-self.probabilities)[:3]
        return translate("DigitGuess", "{digit} ({share} sure); then {others}").format(
            digit=self.digit, share=f"{self.confidence:.0%}",
            others=", ".join(f"{int(d)} {self.probabilities[d]:.0%}" for d in ranked[1:]))

    def to_dict(self) -> dict[str, Any]:
        return {"type": "digit", "digit": self.digit,
                "probabilities": [round(float(p), 6) for p in self.probabilities]}
