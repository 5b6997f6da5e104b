"""Text decoding: typed text or UTF-8 bytes, cut to MAX_TEXT_BYTES at a character boundary, with plain sentences."""

from __future__ import annotations

import codecs

from playground.core import readable
from playground.core.errors import InputError
from playground.core.media.source import RawInput, looks_like
from playground.core.media.types import MAX_TEXT_BYTES, TextData
from playground.core.words import translate


def _size(n: int) -> str:
    if n < 1024:
        return translate("Media", "{count} bytes").format(count=n)
    return readable.local(f"{n / 1024:,.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB")


def _no_text(subject: str | None) -> InputError:
    if subject is None:
        return InputError(translate("Media", "There is no text to look at: type or paste some text."))
    return InputError(translate("Media", "{subject} has no text in it: choose a file with some text, or type or "
                                         "paste some.").format(subject=subject))


def _kept_note(kept: int, total: int) -> str:
    return translate("Media", "the text is {total}; only the first {kept} were kept").format(total=_size(total),
                                                                                            kept=_size(kept))


def text_from_str(text: str, label: str) -> TextData:
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
        notes = (translate("Media", "some broken characters were replaced by '?'"),)
    if len(data) <= MAX_TEXT_BYTES:
        return TextData(text, label, False, notes)
    kept = data[:MAX_TEXT_BYTES].decode("utf-8", "ignore")  # "ignore" drops only a cut last character
    return TextData(kept, label, True, notes + (_kept_note(len(kept.encode("utf-8")), len(data)),))


def decode_text(raw: RawInput) -> TextData:
    """UTF-8 bytes (BOM stripped); only MAX_TEXT_BYTES are read, cut at a character boundary."""
    head = raw.head(MAX_TEXT_BYTES + 3)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(translate("Media", "{subject} is UTF-16 text, not UTF-8: save it as UTF-8 and try "
                                            "again.").format(subject=raw.subject))
    skip = 3 if head.startswith(codecs.BOM_UTF8) else 0
    total = raw.size - skip
    body = memoryview(head)[skip:skip + MAX_TEXT_BYTES]
    try:
        text, used = codecs.utf_8_decode(body, "strict", total <= MAX_TEXT_BYTES)
    except UnicodeDecodeError as exc:
        seems = looks_like(head[:512])
        if seems and seems != "text":
            raise InputError(translate("Media", "{subject} is not text (it looks like {seems}): choose a text file, "
                                                "or type or paste some text.").format(
                subject=raw.subject, seems=translate("Media", seems))) from None
        raise InputError(translate("Media", "{subject} is not UTF-8 text (the byte at offset {offset} is not valid "
                                            "UTF-8): save it as UTF-8 and try again.").format(
            subject=raw.subject, offset=readable.local(f"{exc.start + skip:,}"))) from None
    subject = raw.subject if raw.path is not None else None
    if not text.strip():
        raise _no_text(subject)
    if total <= MAX_TEXT_BYTES:
        return TextData(text, raw.label)
    return TextData(text, raw.label, True, (_kept_note(used, total),))
