"""Media decoding: files, bytes or pasted data → numpy images, audio and text, with plain-sentence errors.

One module per kind (image, audio, text) does the decoding; this one picks the decoder for a source and
is the public face: `media.decode(...)`, the ImageData/AudioData/TextData values, the limits, SUPPORTED.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from playground.core.errors import InputError
from playground.core.media.audio import audio_for_card, decode_audio
from playground.core.media.draft import shorter_side_needed
from playground.core.media.image import decode_image, image_from_array
from playground.core.media.long_audio import LongAudio
from playground.core.media.source import checked_input
from playground.core.media.text import decode_text, text_from_str
from playground.core.media.types import (
    CHOOSE,
    MAX_AUDIO_SECONDS,
    MAX_IMAGE_PIXELS,
    MAX_TEXT_BYTES,
    NOUN,
    PASTED,
    SUPPORTED,
    AudioData,
    ImageData,
    MadeData,
    TextData,
)
from playground.core.words import QT_TRANSLATE_NOOP, translate

__all__ = ["MAX_AUDIO_SECONDS", "MAX_IMAGE_PIXELS", "MAX_TEXT_BYTES", "SUPPORTED", "AudioData", "ImageData",
           "MadeData", "TextData", "decode", "describe_source"]
MADE = "made"  # the input kind of a task that makes its own tensors: nothing to decode

_NAME_MAX = 60
_GIVEN = {ImageData: QT_TRANSLATE_NOOP("Media", "a picture"),
          np.ndarray: QT_TRANSLATE_NOOP("Media", "an array of numbers"),
          AudioData: QT_TRANSLATE_NOOP("Media", "a sound recording"),
          TextData: QT_TRANSLATE_NOOP("Media", "text"), str: QT_TRANSLATE_NOOP("Media", "text")}


def describe_source(source: Any, kind: str = "") -> str:
    """A short human name for an input: the file name, "pasted image", "pasted text" ..."""
    if isinstance(source, Path):
        name = source.name or str(source)
        name = "".join(c if c.isprintable() else "?" for c in name)  # a newline in a name breaks a sentence
        return name if len(name) <= _NAME_MAX else f"{name[:_NAME_MAX // 2 - 1]}…{name[-(_NAME_MAX // 2):]}"
    if isinstance(source, (ImageData, AudioData, TextData)) and source.label:
        return source.label
    if isinstance(source, (ImageData, np.ndarray)):
        return translate("Media", PASTED["image"])
    if isinstance(source, AudioData):
        return translate("Media", PASTED["audio"])
    if isinstance(source, (str, TextData)):
        return translate("Media", PASTED["text"])
    if isinstance(source, (bytes, bytearray, memoryview)):
        return translate("Media", PASTED[kind]) if kind in PASTED else translate("Media", "pasted data")
    return translate("Media", "nothing") if source is None else type(source).__name__


def decode(kind: str, source: Any, card: Any = None) -> ImageData | AudioData | LongAudio | TextData | MadeData:
    """Decode `source` (a Path, bytes, str for text, or already-decoded data) for a task of `kind`.

    Decoded data comes back as it is, except a recording at another rate than the card's, which is
    resampled. Every problem with the input raises InputError with one sentence a person can act on.
    """
    if kind == MADE:  # whatever was given: the task makes the model's inputs itself
        return MadeData(translate("Media", "inputs made from the model's signature"))
    if kind not in CHOOSE:
        raise ValueError(f"unknown input kind {kind!r}")
    if (kind == "image" and isinstance(source, ImageData)) or (kind == "text" and isinstance(source, TextData)):
        return source
    if kind == "audio" and isinstance(source, AudioData):
        return audio_for_card(source, card)
    label = describe_source(source, kind)
    if kind == "text" and isinstance(source, str):
        return text_from_str(source, label)
    if kind == "image" and isinstance(source, np.ndarray):
        return image_from_array(source, label)
    if isinstance(source, (Path, bytes, bytearray, memoryview)):
        raw = checked_input(source, label, kind)
        if kind == "image":
            return decode_image(raw, shorter_side_needed(card))
        return decode_audio(raw, card) if kind == "audio" else decode_text(raw)
    needed = translate("Media", NOUN[kind])
    if source is None:
        raise InputError(translate("Media", "There is nothing to look at yet: choose a file or paste {needed}.")
                         .format(needed=needed))
    given = translate("Media", _GIVEN[type(source)]) if type(source) in _GIVEN else translate("Media", "something else")
    raise InputError(translate("Media", "This model needs {needed}, but {given} was given: choose a file or paste "
                                        "{needed}.").format(needed=needed, given=given))
