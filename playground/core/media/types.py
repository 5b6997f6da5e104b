"""The decoded-media values (ImageData, AudioData, TextData), the size limits and the accepted file types."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core.words import QT_TRANSLATE_NOOP

MAX_IMAGE_PIXELS = 50_000_000  # decompression-bomb guard: a 30000×30000 header is refused before decoding
MAX_TEXT_BYTES = 256 * 1024
MAX_AUDIO_SECONDS = 15 * 60
# A model that reads long recordings from their file (card: [preprocess] long_audio) does so past this.
IN_MEMORY_SECONDS = 5 * 60

# Extensions offered by file dialogs; decoding itself sniffs the content, never trusts the name.
SUPPORTED: dict[str, tuple[str, ...]] = {
    "image": (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff", ".avif", ".apng"),
    "audio": (".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".aiff", ".aif"),
    "text": (".txt", ".md", ".csv", ".json", ".html", ".xml", ".py", ".js", ".sql", ".rs", ".c", ".toml",
             ".yaml", ".yml"),
}
# The end of a sentence that refuses an input: what to give instead (translated where the sentence is made).
CHOOSE = {"image": QT_TRANSLATE_NOOP("Media", "choose a PNG, JPEG, WebP, BMP or GIF file"),
          "audio": QT_TRANSLATE_NOOP("Media", "choose a WAV, FLAC, OGG or MP3 file"),
          "text": QT_TRANSLATE_NOOP("Media", "save it as UTF-8 text and try again")}
PASTED = {"image": QT_TRANSLATE_NOOP("Media", "pasted image"), "audio": QT_TRANSLATE_NOOP("Media", "pasted recording"),
          "text": QT_TRANSLATE_NOOP("Media", "pasted text")}
# What starts a sentence about pasted data: a whole phrase, since other languages inflect "the" with the noun.
PASTED_SUBJECT = {"image": QT_TRANSLATE_NOOP("Media", "The pasted image"),
                  "audio": QT_TRANSLATE_NOOP("Media", "The pasted recording"),
                  "text": QT_TRANSLATE_NOOP("Media", "The pasted text")}
NOUN = {"image": QT_TRANSLATE_NOOP("Media", "a picture"), "audio": QT_TRANSLATE_NOOP("Media", "a sound recording"),
        "text": QT_TRANSLATE_NOOP("Media", "text")}


@dataclass(frozen=True, eq=False)
class ImageData:
    pixels: np.ndarray  # H×W×3 uint8 RGB, EXIF orientation applied, alpha composited on white; read-only
    label: str = ""  # file name or "pasted image"
    notes: tuple[str, ...] = ()  # things the person should know ("16-bit image reduced to 8 bits")
    # (width, height) of the picture as the file holds it, upright, where it was decoded reduced (a large JPEG
    # for a classifier, core/media/draft.py); None when the pixels are the whole picture.
    full_size: tuple[int, int] | None = None

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) of the picture the person gave, whatever size it was decoded at."""
        return self.full_size or (int(self.pixels.shape[1]), int(self.pixels.shape[0]))


@dataclass(frozen=True, eq=False)
class AudioData:
    samples: np.ndarray  # mono float32 in [-1, 1] at sample_rate; read-only
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


@dataclass(frozen=True)
class MadeData:
    """No input from the person: the task makes its tensors from the model's signature (tasks/tensors.py)."""

    label: str = ""
    notes: tuple[str, ...] = ()


def readonly(array: np.ndarray) -> np.ndarray:
    """Decoded data is shown and re-run with new settings, so tasks must not change it in place."""
    view = array.view()
    view.flags.writeable = False
    return view
