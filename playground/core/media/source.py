"""Raw input before decoding: a file or bytes checked to be there and readable, and sentences about it."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from playground.core.errors import InputError
from playground.core.media.types import CHOOSE, PASTED, PASTED_SUBJECT
from playground.core.words import QT_TRANSLATE_NOOP, translate

# What a file seems to be, in English (the decoders test these words); translated only inside a sentence.
_SIGNATURES = ((b"\x89PNG", QT_TRANSLATE_NOOP("Media", "a PNG image")),
               (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("Media", "a JPEG image")),
               (b"GIF8", QT_TRANSLATE_NOOP("Media", "a GIF image")),
               (b"%PDF", QT_TRANSLATE_NOOP("Media", "a PDF document")),
               (b"PK\x03\x04", QT_TRANSLATE_NOOP("Media", "a ZIP archive")),
               (b"fLaC", QT_TRANSLATE_NOOP("Media", "a FLAC recording")),
               (b"OggS", QT_TRANSLATE_NOOP("Media", "an OGG file")),
               (b"ID3", QT_TRANSLATE_NOOP("Media", "an MP3 recording")),
               (b"\x7fELF", QT_TRANSLATE_NOOP("Media", "a program")),
               (b"\x1f\x8b", QT_TRANSLATE_NOOP("Media", "a compressed file")))
# "{subject} is not a picture …": one whole sentence per kind, without and with what the file looks like.
_NOT_READABLE = {
    "image": (QT_TRANSLATE_NOOP("Media", "{subject} is not a picture the playground can open: {what_to_do}."),
              QT_TRANSLATE_NOOP("Media", "{subject} is not a picture the playground can open (it looks like {seems}): "
                                         "{what_to_do}.")),
    "audio": (QT_TRANSLATE_NOOP("Media", "{subject} is not a sound recording the playground can open: {what_to_do}."),
              QT_TRANSLATE_NOOP("Media", "{subject} is not a sound recording the playground can open (it looks like "
                                         "{seems}): {what_to_do}.")),
    "text": (QT_TRANSLATE_NOOP("Media", "{subject} is not text the playground can open: {what_to_do}."),
             QT_TRANSLATE_NOOP("Media", "{subject} is not text the playground can open (it looks like {seems}): "
                                        "{what_to_do}.")),
}


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
    what_to_do = translate("Media", CHOOSE[kind])
    if not isinstance(source, Path):
        size = memoryview(source).nbytes
        subject = pasted_subject(label, kind)
        if size == 0:
            raise InputError(translate("Media", "{subject} is empty: copy it again, or {what_to_do}.").format(
                subject=subject, what_to_do=what_to_do))
        return RawInput(subject, label, None, source, size)
    try:
        if source.is_dir():
            raise InputError(translate("Media", "{name} is a folder, not a file: choose a file inside it.").format(
                name=label))
        if not source.exists():
            raise InputError(translate("Media", "{name} was not found (it may have been moved or deleted): choose it "
                                                "again.").format(name=label))
        if not source.is_file():  # a pipe or a device would block or never end
            raise InputError(translate("Media", "{name} is not an ordinary file: {what_to_do}.").format(
                name=label, what_to_do=what_to_do))
        size = source.stat().st_size
        with source.open("rb"):
            pass
    except PermissionError:
        raise InputError(translate("Media", "{name} cannot be read (permission denied): copy it somewhere you can "
                                            "open and choose it again.").format(name=label)) from None
    except OSError as exc:
        raise InputError(translate("Media", "{name} cannot be read ({reason}): choose another file.").format(
            name=label, reason=exc.strerror or type(exc).__name__)) from None
    if size == 0:
        raise InputError(translate("Media", "{name} is empty (0 bytes): {what_to_do}.").format(
            name=label, what_to_do=what_to_do))
    return RawInput(label, label, source, None, size)


def pasted_subject(label: str, kind: str) -> str:
    """How a sentence about data that is not a file starts: "The pasted image", or "The camera frame" for data
    the window names itself. The pasted kinds are whole phrases: other languages inflect "the" with the noun."""
    if kind in PASTED and label == translate("Media", PASTED[kind]):
        return translate("Media", PASTED_SUBJECT[kind])
    return translate("Media", "The {label}").format(label=label)


def looks_like(head: bytes) -> str:
    """What the first bytes suggest the file really is ("" when unsure), for the error sentence: in English, which
    the decoders test; a sentence translates it where it names it."""
    if head[:4] == b"RIFF" and head[8:12] in (b"WAVE", b"WEBP"):
        return (QT_TRANSLATE_NOOP("Media", "a WAV recording") if head[8:12] == b"WAVE"
                else QT_TRANSLATE_NOOP("Media", "a WebP image"))
    if head[:2] == b"BM" and head[6:10] == b"\0\0\0\0":  # reserved header fields: text never has NULs
        return QT_TRANSLATE_NOOP("Media", "a BMP image")
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            return what
    if len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:  # an MPEG audio frame without tags
        return QT_TRANSLATE_NOOP("Media", "an MP3 recording")
    text, _ = codecs.utf_8_decode(head, "replace", False)
    if head and "\ufffd" not in text and "\x00" not in text:
        return QT_TRANSLATE_NOOP("Media", "text")
    return ""


def not_readable(raw: RawInput, kind: str, expected: tuple[str, ...]) -> InputError:
    """Either 'not a <kind>' (with what it looks like) or 'damaged' when it starts like the real thing.

    The sentences name no library: "Pillow cannot read it" means nothing to the person holding the file.
    """
    seems = looks_like(raw.head())
    if seems and any(word in seems for word in expected):
        return damaged(raw.subject)
    plain, hinted = _NOT_READABLE[kind]
    return InputError(translate("Media", hinted if seems else plain).format(
        subject=raw.subject, seems=translate("Media", seems) if seems else "",
        what_to_do=translate("Media", CHOOSE[kind])))


def damaged(subject: str) -> InputError:
    return InputError(translate("Media", "{subject} is damaged or incomplete (part of it is missing or broken): save "
                                         "or download it again, or choose another file.").format(subject=subject))
