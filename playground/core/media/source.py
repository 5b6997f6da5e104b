"""Raw input before decoding: a file or bytes checked to be there and readable, and sentences about it."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from playground.core.errors import InputError
from playground.core.media.types import CHOOSE, NOUN

_SIGNATURES = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
               (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"), (b"fLaC", "a FLAC recording"),
               (b"OggS", "an OGG file"), (b"ID3", "an MP3 recording"), (b"\x7fELF", "a program"),
               (b"\x1f\x8b", "a compressed file"))


@dataclass(frozen=True)
class RawInput:
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


def checked_input(source: Path | bytes | bytearray | memoryview, label: str, kind: str) -> RawInput:
    """Check a file or byte string is there, readable and not empty, before any decoder sees it."""
    if not isinstance(source, Path):
        size = memoryview(source).nbytes
        subject = f"The {label}"
        if size == 0:
            raise InputError(f"{subject} is empty: copy it again, or {CHOOSE[kind]}.")
        return RawInput(subject, label, None, source, size)
    try:
        if source.is_dir():
            raise InputError(f"{label} is a folder, not a file: choose a file inside it.")
        if not source.exists():
            raise InputError(f"{label} was not found (it may have been moved or deleted): choose it again.")
        if not source.is_file():  # a pipe or a device would block or never end
            raise InputError(f"{label} is not an ordinary file: {CHOOSE[kind]}.")
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
        raise InputError(f"{label} is empty (0 bytes): {CHOOSE[kind]}.")
    return RawInput(label, label, source, None, size)


def looks_like(head: bytes) -> str:
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


def not_readable(raw: RawInput, kind: str, expected: tuple[str, ...]) -> InputError:
    """Either 'not a <kind>' (with what it looks like) or 'damaged' when it starts like the real thing.

    The sentences name no library: "Pillow cannot read it" means nothing to the person holding the file.
    """
    seems = looks_like(raw.head())
    if seems and any(word in seems for word in expected):
        return damaged(raw.subject)
    hint = f" (it looks like {seems})" if seems else ""
    return InputError(f"{raw.subject} is not {NOUN[kind]} the playground can open{hint}: {CHOOSE[kind]}.")


def damaged(subject: str) -> InputError:
    return InputError(f"{subject} is damaged or incomplete (part of it is missing or broken): save or "
                      "download it again, or choose another file.")
