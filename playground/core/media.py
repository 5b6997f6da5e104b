"""Media decoding: files, bytes or pasted data → numpy images, audio and text, with plain-sentence errors."""

from __future__ import annotations

import codecs
import io
import re
import struct
import warnings
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from playground.core.errors import InputError

MAX_IMAGE_PIXELS = 50_000_000  # decompression-bomb guard: a 30000×30000 header is refused before decoding
MAX_TEXT_BYTES = 256 * 1024
MAX_AUDIO_SECONDS = 15 * 60

# Extensions offered by file dialogs; decoding itself sniffs the content, never trusts the name.
SUPPORTED: dict[str, tuple[str, ...]] = {
    "image": (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff", ".avif", ".apng"),
    "audio": (".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".aiff", ".aif"),
    "text": (".txt", ".md", ".csv", ".json", ".html", ".xml", ".py", ".js", ".sql", ".rs", ".c", ".toml",
             ".yaml", ".yml"),
}
_CHOOSE = {"image": "choose a PNG, JPEG, WebP, BMP or GIF file",
           "audio": "choose a WAV, FLAC, OGG or MP3 file",
           "text": "save it as UTF-8 text and try again"}
_PASTED = {"image": "pasted image", "audio": "pasted recording", "text": "pasted text"}
_NOUN = {"image": "a picture", "audio": "a sound recording", "text": "text"}
_AUDIO_BLOCK = 1 << 18  # frames per read: bounds the memory a many-channel file needs before mixing down
_NAME_MAX = 60


@dataclass(frozen=True, eq=False)
class ImageData:
    pixels: np.ndarray  # H×W×3 uint8 RGB, EXIF orientation applied, alpha composited on white; read-only
    label: str = ""  # file name or "pasted image"
    notes: tuple[str, ...] = ()  # things the person should know ("16-bit image reduced to 8 bits")


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
class _Input:
    """Raw bytes to decode, wherever they came from: `subject` starts the sentences about them."""

    subject: str  # "photo.png" or "The pasted image"
    label: str
    path: Path | None
    data: bytes | bytearray | memoryview | None
    size: int

    def head(self, n: int = 512) -> bytes:
        if self.path is None:
            return memoryview(self.data)[:n].tobytes()  # type: ignore[arg-type]
        try:
            with self.path.open("rb") as f:
                return f.read(n)
        except OSError:
            return b""


def describe_source(source: Any, kind: str = "") -> str:
    """A short human name for an input: the file name, "pasted image", "pasted text" ..."""
    if isinstance(source, Path):
        name = source.name or str(source)
        name = "".join(c if c.isprintable() else "?" for c in name)  # a newline in a name breaks a sentence
        return name if len(name) <= _NAME_MAX else f"{name[:_NAME_MAX // 2 - 1]}…{name[-(_NAME_MAX // 2):]}"
    if isinstance(source, (ImageData, AudioData, TextData)) and source.label:
        return source.label
    if isinstance(source, (ImageData, np.ndarray)):
        return _PASTED["image"]
    if isinstance(source, AudioData):
        return _PASTED["audio"]
    if isinstance(source, (str, TextData)):
        return _PASTED["text"]
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _PASTED.get(kind, "pasted data")
    return "nothing" if source is None else type(source).__name__


def decode(kind: str, source: Any, card: Any = None) -> ImageData | AudioData | TextData:
    """Decode `source` (a Path, bytes, str for text, or already-decoded data) for a task of `kind`.

    Decoded data comes back as it is, except a recording at another rate than the card's, which is
    resampled. Every problem with the input raises InputError with one sentence a person can act on.
    """
    if kind not in _CHOOSE:
        raise ValueError(f"unknown input kind {kind!r}")
    label = describe_source(source, kind)
    if kind == "image" and isinstance(source, ImageData):
        return source
    if kind == "audio" and isinstance(source, AudioData):
        return _audio_for_card(source, card)
    if kind == "text" and isinstance(source, TextData):
        return source
    if kind == "text" and isinstance(source, str):
        return _text_from_str(source, label)
    if kind == "image" and isinstance(source, np.ndarray):
        return _image_from_array(source, label)
    if isinstance(source, (Path, bytes, bytearray, memoryview)):
        raw = _input(source, label, kind)
        if kind == "image":
            return _decode_image(raw)
        return _decode_audio(raw, card) if kind == "audio" else _decode_text(raw)
    if source is None:
        raise InputError(f"There is nothing to look at yet: choose a file or paste {_NOUN[kind]}.")
    given = {ImageData: "a picture", np.ndarray: "an array of numbers", AudioData: "a sound recording",
             TextData: "text", str: "text"}.get(type(source), "something else")
    raise InputError(f"This model needs {_NOUN[kind]}, but {given} was given: choose a file or paste {_NOUN[kind]}.")


def _input(source: Path | bytes | bytearray | memoryview, label: str, kind: str) -> _Input:
    """Check a file or byte string is there, readable and not empty, before any decoder sees it."""
    if not isinstance(source, Path):
        size = memoryview(source).nbytes
        subject = f"The {label}"
        if size == 0:
            raise InputError(f"{subject} is empty: copy it again, or {_CHOOSE[kind]}.")
        return _Input(subject, label, None, source, size)
    try:
        if source.is_dir():
            raise InputError(f"{label} is a folder, not a file: choose a file inside it.")
        if not source.exists():
            raise InputError(f"{label} was not found (it may have been moved or deleted): choose it again.")
        if not source.is_file():  # a pipe or a device would block or never end
            raise InputError(f"{label} is not an ordinary file: {_CHOOSE[kind]}.")
        size = source.stat().st_size
        with source.open("rb"):
            pass
    except PermissionError:
        raise InputError(f"{label} cannot be read (permission denied): copy it somewhere you can open "
                         "and choose it again.") from None
    except OSError as exc:
        raise InputError(f"{label} cannot be read ({exc.strerror or type(exc).__name__}): "
                         "choose another file.") from None
    if size == 0:
        raise InputError(f"{label} is empty (0 bytes): {_CHOOSE[kind]}.")
    return _Input(label, label, source, None, size)


_SIGNATURES = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
               (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"), (b"fLaC", "a FLAC recording"),
               (b"OggS", "an OGG file"), (b"ID3", "an MP3 recording"), (b"\x7fELF", "a program"),
               (b"\x1f\x8b", "a compressed file"))


def _looks_like(head: bytes) -> str:
    """What the first bytes suggest the file really is ("" when unsure), for the error sentence."""
    if head[:4] == b"RIFF" and head[8:12] in (b"WAVE", b"WEBP"):
        return "a WAV recording" if head[8:12] == b"WAVE" else "a WebP image"
    if head[:2] == b"BM" and head[6:10] == b"\0\0\0\0":  # reserved header fields: text never has NULs
        return "a BMP image"
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            return what
    if len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:  # an MPEG audio frame without tags
        return "an MP3 recording"
    text, _ = codecs.utf_8_decode(head, "replace", False)
    if head and "\ufffd" not in text and "\x00" not in text:
        return "text"
    return ""


def _not_readable(raw: _Input, kind: str, reader: str, expected: tuple[str, ...]) -> InputError:
    """Either 'not a <kind>' (with what it looks like) or 'damaged' when it starts like the real thing."""
    seems = _looks_like(raw.head())
    if seems and any(word in seems for word in expected):
        return _damaged(raw.subject, reader)
    hint = f" (it looks like {seems})" if seems else ""
    return InputError(f"{raw.subject} is not {_NOUN[kind].replace('a picture', 'an image')} {reader} can "
                      f"read{hint}: {_CHOOSE[kind]}.")


def _damaged(subject: str, reader: str) -> InputError:
    return InputError(f"{subject} is damaged or incomplete ({reader} could not read all of it): save or "
                      "download it again, or choose another file.")


def _too_big(subject: str, size: tuple[int, int] | None, pixels: int | None) -> InputError:
    dims = f"over {MAX_IMAGE_PIXELS / 1e6:,.0f} megapixels" if pixels is None else f"{pixels / 1e6:,.0f} megapixels"
    if size is not None:
        dims = f"{size[0]:,} × {size[1]:,} pixels ({dims})"
    return InputError(f"{subject} is {dims}; the playground opens images up to {MAX_IMAGE_PIXELS / 1e6:,.0f} "
                      "megapixels: scale it down and try again.")


def _bomb_pixels(exc: Exception) -> int | None:
    """Pillow refuses giant headers itself before we see the size; its message carries the count."""
    found = re.search(r"\((\d+) pixels\)", str(exc))
    return int(found.group(1)) if found else None


def _decode_image(raw: _Input) -> ImageData:
    from PIL import Image, UnidentifiedImageError

    # Anything over our limit is refused anyway; turning Pillow's warning into an error keeps it silent.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(raw.path if raw.path is not None else io.BytesIO(raw.data))  # type: ignore[arg-type]
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_big(raw.subject, None, _bomb_pixels(exc)) from None
        except UnidentifiedImageError:
            raise _not_readable(raw, "image", "Pillow", ("image",)) from None
        except (OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error):
            raise _damaged(raw.subject, "Pillow") from None
    with image:
        width, height = image.size
        if width * height > MAX_IMAGE_PIXELS:
            raise _too_big(raw.subject, (width, height), width * height)
        if width == 0 or height == 0:
            raise InputError(f"{raw.subject} has no pixels ({width} × {height}): choose another image.")
        notes: list[str] = []
        try:
            if getattr(image, "is_animated", False):
                notes.append("animated image: the first frame is used")
                image.seek(0)
            image.load()
        except MemoryError:
            raise InputError(f"{raw.subject} is too large to open on this computer: scale it down and "
                             "try again.") from None
        except (OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error):
            raise _damaged(raw.subject, "Pillow") from None
        return ImageData(_readonly(_to_rgb(_oriented(image, notes), notes, raw.subject)), raw.label, tuple(notes))


def _oriented(image: Any, notes: list[str]) -> Any:
    """Apply the camera's orientation tag, so a phone photo is upright as the phone showed it."""
    from PIL import ImageOps

    try:
        if image.getexif().get(0x0112, 1) not in range(2, 9):  # 1 is upright; other values mean nothing
            return image
        upright = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError, TypeError, KeyError, struct.error):
        notes.append("the photo's orientation tag could not be read, so it is shown as stored")
        return image
    notes.append("turned upright as the camera's orientation tag asks")
    return upright


def _to_rgb(image: Any, notes: list[str], subject: str) -> np.ndarray:
    """Any Pillow mode → H×W×3 uint8 RGB; deep images are scaled (Pillow's own convert clips them)."""
    from PIL import Image

    mode = image.mode
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        return np.repeat(_grey_to_8bit(np.asarray(image), mode, notes)[:, :, None], 3, axis=2)
    if mode == "CMYK":
        notes.append("CMYK (print) colours converted to RGB; they may look slightly different")
    if mode == "LAB":  # Pillow's plain convert() would copy L, a and b into R, G and B
        return np.asarray(_lab_to_rgb(image, subject))
    if mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info:
        try:
            rgba = image.convert("RGBA")
        except ValueError:
            rgba = image.convert("RGB").convert("RGBA")
        if rgba.getextrema()[3][0] < 255:
            notes.append("transparent areas are shown on white")
            white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            rgba = Image.alpha_composite(white, rgba)
        return np.asarray(rgba.convert("RGB"))
    try:
        return np.asarray(image if mode == "RGB" else image.convert("RGB"))
    except ValueError:
        raise InputError(f"{subject} uses a colour mode ({mode}) the playground cannot convert: save it as "
                         "an RGB PNG or JPEG and try again.") from None


def _lab_to_rgb(image: Any, subject: str) -> Any:
    try:
        from PIL import ImageCms

        lab, srgb = ImageCms.createProfile("LAB"), ImageCms.createProfile("sRGB")
        return ImageCms.applyTransform(image, ImageCms.buildTransform(lab, srgb, "LAB", "RGB"))
    except (ImportError, OSError, ValueError) as exc:  # PyCMSError is an OSError
        raise InputError(f"{subject} uses Lab colours, which the playground cannot convert here: save it "
                         "as an RGB PNG or JPEG and try again.") from exc


def _grey_to_8bit(values: np.ndarray, mode: str, notes: list[str]) -> np.ndarray:
    """16-bit grey maps 0–65535 onto 0–255 with rounding; other deep images are stretched to their range."""
    if mode == "F":  # float images may hold NaN or infinity, which no colour stands for
        values = np.nan_to_num(values.astype(np.float64), posinf=0.0, neginf=0.0)
    low, high = (float(values.min()), float(values.max())) if values.size else (0.0, 0.0)
    if mode.startswith("I;16") or (mode == "I" and low >= 0 and high <= 65535):
        notes.append("16-bit image reduced to 8 bits")
        return ((values.astype(np.uint32) + 128) // 257).astype(np.uint8)
    if mode == "F" and 0.0 <= low and high <= 1.0:
        notes.append("floating-point image (0–1) scaled to 8 bits")
        return np.rint(values * 255.0).astype(np.uint8)
    notes.append(f"high-bit-depth image stretched from its range {low:g}…{high:g} to 8 bits")
    span = (high - low) or 1.0
    return np.rint((values.astype(np.float64) - low) * (255.0 / span)).astype(np.uint8)


def _image_from_array(array: np.ndarray, label: str) -> ImageData:
    """Pasted pixels: H×W (grey), H×W×3 (RGB) or H×W×4 (RGBA), uint8. RGB is used without copying."""
    from PIL import Image

    channels = array.shape[2] if array.ndim == 3 else (1 if array.ndim == 2 else 0)
    if array.dtype != np.uint8 or channels not in (1, 3, 4):
        raise InputError(f"The {label} has a pixel format the playground cannot use ({array.dtype}, shape "
                         f"{tuple(array.shape)}): paste it from another program, or save it as a PNG and open that.")
    height, width = array.shape[:2]
    if height * width > MAX_IMAGE_PIXELS:
        raise _too_big(f"The {label}", (width, height), height * width)
    if height == 0 or width == 0:
        raise InputError(f"The {label} has no pixels: copy the picture again.")
    if channels == 3:
        return ImageData(_readonly(np.ascontiguousarray(array)), label)
    notes: list[str] = []
    image = Image.fromarray(np.ascontiguousarray(array.reshape(height, width) if channels == 1 else array),
                            "L" if channels == 1 else "RGBA")
    return ImageData(_readonly(_to_rgb(image, notes, f"The {label}")), label, tuple(notes))


def _readonly(array: np.ndarray) -> np.ndarray:
    """Decoded data is shown and re-run with new settings, so tasks must not change it in place."""
    view = array.view()
    view.flags.writeable = False
    return view


def _target_rate(card: Any) -> int | None:
    rate = (getattr(card, "preprocess", None) or {}).get("sample_rate")
    return int(rate) if isinstance(rate, (int, float)) and not isinstance(rate, bool) and rate > 0 else None


def _duration(seconds: float) -> str:
    hours, rest = divmod(int(round(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours} h"] * bool(hours) + [f"{minutes} min"] * bool(minutes)
    return " ".join(parts + [f"{secs} s"] * bool(secs or not parts))


def _too_long(subject: str, seconds: float | None) -> InputError:
    length = f"{_duration(seconds)} long" if seconds is not None else "too long"
    return InputError(f"{subject} is {length}; the playground takes recordings up to "
                      f"{_duration(MAX_AUDIO_SECONDS)}: trim it or choose a shorter one.")


def _decode_audio(raw: _Input, card: Any) -> AudioData:
    import soundfile as sf

    try:
        handle = sf.SoundFile(str(raw.path) if raw.path is not None else io.BytesIO(raw.data))  # type: ignore[arg-type]
    except (sf.SoundFileError, RuntimeError, TypeError, ValueError, OSError):
        raise _not_readable(raw, "audio", "soundfile", ("recording", "OGG")) from None
    with handle:
        rate, channels, frames = handle.samplerate, handle.channels, handle.frames
        limit = MAX_AUDIO_SECONDS * rate
        if frames > limit:  # known from the header: refuse before reading a single sample
            raise _too_long(raw.subject, frames / rate)
        try:
            samples = _read_mono(handle, channels, limit, frames)
        except (sf.SoundFileError, RuntimeError, ValueError) as exc:
            raise _damaged(raw.subject, "soundfile") from exc
    if samples is None:
        raise _too_long(raw.subject, None)
    if not samples.size:
        raise InputError(f"{raw.subject} has no sound in it (0 samples): choose a recording that has sound.")
    notes = [f"{'stereo' if channels == 2 else f'{channels}-channel'} recording mixed down to mono"] \
        if channels > 1 else []
    return _finish_audio(samples, rate, channels, raw.label, notes, card)


def _read_mono(handle: Any, channels: int, limit: int, frames: int) -> np.ndarray | None:
    """Read at most limit+1 frames (None if there were more), mixing each block down to mono float32.

    libsndfile turns integer formats into float32 in [-1, 1). Headers may understate the length (MP3),
    so the limit is checked on what is actually read, not only on the header.
    """
    block = frames + 1 if channels == 1 and 0 < frames <= limit else _AUDIO_BLOCK
    blocks: list[np.ndarray] = []
    got = 0
    while got <= limit:
        chunk = handle.read(min(block, limit + 1 - got), dtype="float32", always_2d=channels > 1)
        if not len(chunk):
            break
        blocks.append(chunk.mean(axis=1, dtype=np.float32) if channels > 1 else chunk)
        got += len(chunk)
    if got > limit:
        return None
    if not blocks:
        return np.zeros(0, dtype=np.float32)
    return blocks[0] if len(blocks) == 1 else np.concatenate(blocks)


def _finish_audio(samples: np.ndarray, rate: int, channels: int, label: str, notes: list[str],
                  card: Any) -> AudioData:
    """Clean values, resample to the card's rate (soxr, high quality) and keep everything in [-1, 1]."""
    if not np.isfinite(samples).all():
        samples = np.nan_to_num(samples, nan=0.0, posinf=1.0, neginf=-1.0)
        notes.append("some samples were not numbers and were replaced by silence")
    loud = max(float(samples.max()), -float(samples.min())) > 1.0
    target = _target_rate(card) or rate
    if target != rate:
        import soxr

        samples = soxr.resample(np.ascontiguousarray(samples), rate, target, quality="HQ")
        notes.append(f"resampled from {rate / 1000:g} kHz to {target / 1000:g} kHz")
    if loud:
        notes.append("the recording is louder than full scale; its peaks were clipped")
    if loud or target != rate:  # resampling rings a little past ±1 near full-scale peaks
        samples = np.clip(samples, -1.0, 1.0, out=samples if samples.flags.writeable else None)
    return AudioData(_readonly(samples.astype(np.float32, copy=False)), target, label, rate, channels, tuple(notes))


def _audio_for_card(data: AudioData, card: Any) -> AudioData:
    """A recording made elsewhere (the microphone) at another rate than the model's is resampled."""
    target = _target_rate(card)
    if target is None or target == data.sample_rate:
        return data
    resampled = _finish_audio(np.asarray(data.samples, dtype=np.float32), data.sample_rate, data.channels,
                              data.label, list(data.notes), card)
    return replace(resampled, original_rate=data.original_rate or data.sample_rate)


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    return f"{n / 1024:,.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"


def _no_text(subject: str | None) -> InputError:
    return InputError("There is no text to look at: type or paste some text." if subject is None else
                      f"{subject} has no text in it: choose a file with some text, or type or paste some.")


def _text_from_str(text: str, label: str) -> TextData:
    """Pasted or typed text; the limit is on its UTF-8 size, which is what models read."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise _no_text(None)
    notes: tuple[str, ...] = ()
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, which no tokenizer can encode either
        data = text.encode("utf-8", "replace")
        text = data.decode("utf-8")
        notes = ("some broken characters were replaced by '?'",)
    if len(data) <= MAX_TEXT_BYTES:
        return TextData(text, label, False, notes)
    kept = data[:MAX_TEXT_BYTES].decode("utf-8", "ignore")  # "ignore" drops only a cut last character
    return TextData(kept, label, True, notes + (_kept_note(len(kept.encode("utf-8")), len(data)),))


def _kept_note(kept: int, total: int) -> str:
    return f"the text is {_size(total)}; only the first {_size(kept)} were kept"


def _decode_text(raw: _Input) -> TextData:
    """UTF-8 bytes (BOM stripped); only MAX_TEXT_BYTES are read, cut at a character boundary."""
    head = raw.head(MAX_TEXT_BYTES + 3)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{raw.subject} is UTF-16 text, not UTF-8: save it as UTF-8 and try again.")
    skip = 3 if head.startswith(codecs.BOM_UTF8) else 0
    total = raw.size - skip
    body = memoryview(head)[skip:skip + MAX_TEXT_BYTES]
    try:
        text, used = codecs.utf_8_decode(body, "strict", total <= MAX_TEXT_BYTES)
    except UnicodeDecodeError as exc:
        seems = _looks_like(head[:512])
        if seems and seems != "text":
            raise InputError(f"{raw.subject} is not text (it looks like {seems}): choose a text file, or type "
                             "or paste some text.") from None
        raise InputError(f"{raw.subject} is not UTF-8 text (the byte at offset {exc.start + skip:,} is not valid "
                         "UTF-8): save it as UTF-8 and try again.") from None
    subject = raw.subject if raw.path is not None else None
    if not text.strip():
        raise _no_text(subject)
    if total <= MAX_TEXT_BYTES:
        return TextData(text, raw.label)
    return TextData(text, raw.label, True, (_kept_note(used, total),))
