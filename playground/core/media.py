"""Media decoding: files, bytes or pasted data → numpy images, audio and text, with plain-sentence errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from playground.core.errors import InputError

MAX_IMAGE_PIXELS = 50_000_000  # decompression-bomb guard: a 30000×30000 header is refused before decoding
MAX_TEXT_BYTES = 256 * 1024
MAX_AUDIO_SECONDS = 15 * 60


@dataclass(frozen=True, eq=False)
class ImageData:
    pixels: np.ndarray  # H×W×3 uint8 RGB, EXIF orientation applied, alpha composited on white
    label: str = ""  # file name or "pasted image"
    notes: tuple[str, ...] = ()  # things the person should know ("16-bit image reduced to 8 bits")


@dataclass(frozen=True, eq=False)
class AudioData:
    samples: np.ndarray  # mono float32 in [-1, 1] at sample_rate
    sample_rate: int
    label: str = ""
    original_rate: int = 0
    channels: int = 1
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class TextData:
    text: str
    label: str = ""
    truncated: bool = False
    notes: tuple[str, ...] = ()


def decode(kind: str, source: Any, card: Any = None) -> ImageData | AudioData | TextData:
    """Decode `source` (a Path, bytes, str for text, or already-decoded data) for a task of `kind`."""
    raise NotImplementedError
