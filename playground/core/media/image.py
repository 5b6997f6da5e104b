"""Image decoding: a file in a format the playground opens, or pasted pixels, to H×W×3 uint8 RGB, errors in a sentence."""

from __future__ import annotations

import io
import re
import struct
import warnings
import zlib
from typing import Any

import numpy as np

from playground.core import readable
from playground.core.errors import InputError
from playground.core.media.draft import apply_draft
from playground.core.media.source import RawInput, damaged, not_readable, pasted_subject
from playground.core.media.types import MAX_IMAGE_PIXELS, ImageData, readonly
from playground.core.words import translate

# Pillow modes deeper than 8 bits per channel; its own convert("RGB") would clip them instead of scaling.
_DEEP_MODES = ("I;16", "I;16L", "I;16B", "I;16N", "I", "F")
_ALPHA_MODES = ("RGBA", "LA", "PA", "La", "RGBa")
# The only Pillow formats tried: those of SUPPORTED["image"] (APNG is PNG) and icons, all decoded inside Pillow.
# Its other formats stay closed whatever the file is called: EPS alone would hand the file to Ghostscript.
FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP", "TIFF", "AVIF", "ICO")
# Closed formats whose signature is too loose to name a file by (two bytes, or zeros a Targa file also starts with).
_LOOSE_SIGNATURES = frozenset({"CUR", "DIB", "FLI", "GBR", "MCIDAS", "PCX", "SGI", "WMF", "XBM"})


def _too_big(subject: str, size: tuple[int, int] | None, pixels: int | None) -> InputError:
    most = readable.local(f"{MAX_IMAGE_PIXELS / 1e6:,.0f}")
    if pixels is None:
        sentence = translate("Media", "{subject} is over {most} megapixels; the playground opens images up to {most} "
                                      "megapixels: scale it down and try again.")
    elif size is None:
        sentence = translate("Media", "{subject} is {megapixels} megapixels; the playground opens images up to {most} "
                                      "megapixels: scale it down and try again.")
    else:
        sentence = translate("Media", "{subject} is {width} × {height} pixels ({megapixels} megapixels); the "
                                      "playground opens images up to {most} megapixels: scale it down and try again.")
    width, height = (readable.local(f"{size[0]:,}"), readable.local(f"{size[1]:,}")) if size is not None else ("", "")
    return InputError(sentence.format(subject=subject, most=most, width=width, height=height,
                                      megapixels=readable.local(f"{pixels / 1e6:,.0f}") if pixels is not None else ""))


def _bomb_pixels(exc: Exception) -> int | None:
    """Pillow refuses giant headers itself before we see the size; its message carries the count."""
    found = re.search(r"\((\d+) pixels\)", str(exc))
    return int(found.group(1)) if found else None


def _open(raw: RawInput) -> Any:
    from PIL import Image, UnidentifiedImageError

    # Anything over our limit is refused anyway; turning Pillow's warning into an error keeps it silent.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            source = raw.path if raw.path is not None else io.BytesIO(raw.data)  # type: ignore[arg-type]
            return Image.open(source, formats=FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_big(raw.subject, None, _bomb_pixels(exc)) from None
        except UnidentifiedImageError:
            other = _other_format(raw.head(16))
            if other:
                raise InputError(translate("Media", "{subject} is in the {format_name} format, which the playground "
                                                    "does not open: save it as PNG or JPEG and try again.").format(
                    subject=raw.subject, format_name=other)) from None
            raise not_readable(raw, "image", ("image",)) from None
        except (OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error):
            raise damaged(raw.subject) from None


def _other_format(prefix: bytes) -> str:
    """The closed Pillow format whose signature the file's first bytes carry ("Adobe Photoshop (PSD)"), or "".

    Only each format's signature check sees the bytes (what Pillow itself asks first); no decoder runs.
    """
    from PIL import Image

    Image.init()
    found = ""
    for name, (factory, accept) in Image.OPEN.items():
        try:
            said = accept is not None and accept(prefix)
        except Exception:  # a signature check given too few bytes may fail; it then simply does not match
            continue
        if not said or isinstance(said, str):
            continue
        if name in FORMATS:
            return ""  # one of ours that would not open: damaged, which not_readable says
        if name in _LOOSE_SIGNATURES or found:
            continue
        description = str(getattr(factory, "format_description", None) or name)
        found = description if name.lower() in description.lower().replace(" ", "") else f"{description} ({name})"
    return found


def decode_image(raw: RawInput, shorter_needed: int | None = None) -> ImageData:
    """The picture as H×W×3 RGB. `shorter_needed`: the model reads no more than this many pixels along the
    shorter side (draft.py), so a large JPEG is decoded reduced, as the window then shows it too."""
    with _open(raw) as image:
        width, height = image.size
        if width * height > MAX_IMAGE_PIXELS:
            raise _too_big(raw.subject, (width, height), width * height)
        if width == 0 or height == 0:
            raise InputError(translate("Media", "{subject} has no pixels ({width} × {height}): choose another "
                                                "image.").format(subject=raw.subject, width=width, height=height))
        notes: list[str] = []
        reduced = False
        try:
            if getattr(image, "is_animated", False):
                notes.append(translate("Media", "animated image: the first frame is used"))
                image.seek(0)
            else:
                reduced = apply_draft(image, shorter_needed) > 1
            image.load()
        except MemoryError:
            raise InputError(translate("Media", "{subject} is too large to open on this computer: scale it down "
                                                "and try again.").format(subject=raw.subject)) from None
        except (OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error):
            raise damaged(raw.subject) from None
        pixels = readonly(_to_rgb(_oriented(image, notes), notes, raw.subject))
        full = None
        if reduced:  # the orientation tag may have turned it: the stored sides swap with it
            full = (height, width) if (pixels.shape[1] > pixels.shape[0]) != (width > height) else (width, height)
        return ImageData(pixels, raw.label, tuple(notes), full_size=full)


def _oriented(image: Any, notes: list[str]) -> Any:
    """Apply the camera's orientation tag, so a phone photo is upright as the phone showed it."""
    from PIL import ImageOps

    try:
        if image.getexif().get(0x0112, 1) not in range(2, 9):  # 1 is upright; other values mean nothing
            return image
        upright = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError, TypeError, KeyError, struct.error):
        notes.append(translate("Media", "the photo's orientation tag could not be read, so it is shown as stored"))
        return image
    notes.append(translate("Media", "turned upright as the camera's orientation tag asks"))
    return upright


def _to_rgb(image: Any, notes: list[str], subject: str) -> np.ndarray:
    """Any Pillow mode → H×W×3 uint8 RGB; deep images are scaled (Pillow's own convert clips them)."""
    mode = image.mode
    if mode in _DEEP_MODES:
        return np.repeat(_grey_to_8bit(np.asarray(image), mode, notes)[:, :, None], 3, axis=2)
    if mode == "CMYK":
        notes.append(translate("Media", "CMYK (print) colours converted to RGB; they may look slightly different"))
    if mode == "LAB":  # Pillow's plain convert() would copy L, a and b into R, G and B
        return np.asarray(_lab_to_rgb(image, subject))
    if mode in _ALPHA_MODES or "transparency" in image.info:
        return _on_white(image, notes)
    try:
        return np.asarray(image if mode == "RGB" else image.convert("RGB"))
    except ValueError:
        raise InputError(translate("Media", "{subject} uses a colour mode ({mode}) the playground cannot convert: "
                                            "save it as an RGB PNG or JPEG and try again.").format(
            subject=subject, mode=mode)) from None


def _on_white(image: Any, notes: list[str]) -> np.ndarray:
    """Transparent areas composited on white, the way an image viewer shows them."""
    from PIL import Image

    try:
        rgba = image.convert("RGBA")
    except ValueError:
        rgba = image.convert("RGB").convert("RGBA")
    if rgba.getextrema()[3][0] < 255:
        notes.append(translate("Media", "transparent areas are shown on white"))
        rgba = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
    return np.asarray(rgba.convert("RGB"))


def _lab_to_rgb(image: Any, subject: str) -> Any:
    try:
        from PIL import ImageCms

        lab, srgb = ImageCms.createProfile("LAB"), ImageCms.createProfile("sRGB")
        return ImageCms.applyTransform(image, ImageCms.buildTransform(lab, srgb, "LAB", "RGB"))
    except (ImportError, OSError, ValueError) as exc:  # PyCMSError is an OSError
        raise InputError(translate("Media", "{subject} uses Lab colours, which the playground cannot convert here: "
                                            "save it as an RGB PNG or JPEG and try again.").format(
            subject=subject)) from exc


def _grey_to_8bit(values: np.ndarray, mode: str, notes: list[str]) -> np.ndarray:
    """16-bit grey maps 0–65535 onto 0–255 with rounding; other deep images are stretched to their range."""
    if mode == "F":  # float images may hold NaN or infinity, which no colour stands for
        values = np.nan_to_num(values.astype(np.float64), posinf=0.0, neginf=0.0)
    low, high = (float(values.min()), float(values.max())) if values.size else (0.0, 0.0)
    if mode.startswith("I;16") or (mode == "I" and low >= 0 and high <= 65535):
        notes.append(translate("Media", "16-bit image reduced to 8 bits"))
        return ((values.astype(np.uint32) + 128) // 257).astype(np.uint8)
    if mode == "F" and 0.0 <= low and high <= 1.0:
        notes.append(translate("Media", "floating-point image (0–1) scaled to 8 bits"))
        return np.rint(values * 255.0).astype(np.uint8)
    notes.append(translate("Media", "high-bit-depth image stretched from its range {low}…{high} to 8 bits").format(
        low=readable.local(f"{low:g}"), high=readable.local(f"{high:g}")))
    span = (high - low) or 1.0
    return np.rint((values.astype(np.float64) - low) * (255.0 / span)).astype(np.uint8)


def image_from_array(array: np.ndarray, label: str) -> ImageData:
    """Pasted pixels: H×W (grey), H×W×3 (RGB) or H×W×4 (RGBA), uint8. RGB is used without copying."""
    from PIL import Image

    channels = array.shape[2] if array.ndim == 3 else (1 if array.ndim == 2 else 0)
    subject = pasted_subject(label, "image")
    if array.dtype != np.uint8 or channels not in (1, 3, 4):
        raise InputError(translate("Media", "{subject} has a pixel format the playground cannot use ({dtype}, shape "
                                            "{shape}): paste it from another program, or save it as a PNG and open "
                                            "that.").format(subject=subject, dtype=array.dtype,
                                                            shape=tuple(array.shape)))
    height, width = array.shape[:2]
    if height * width > MAX_IMAGE_PIXELS:
        raise _too_big(subject, (width, height), height * width)
    if height == 0 or width == 0:
        raise InputError(translate("Media", "{subject} has no pixels: copy the picture again.").format(
            subject=subject))
    if channels == 3:
        return ImageData(readonly(np.ascontiguousarray(array)), label)
    notes: list[str] = []
    image = Image.fromarray(np.ascontiguousarray(array.reshape(height, width) if channels == 1 else array),
                            "L" if channels == 1 else "RGBA")
    return ImageData(readonly(_to_rgb(image, notes, subject)), label, tuple(notes))
