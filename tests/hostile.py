"""A corpus of hostile and odd inputs, made on the spot (never downloaded): broken, lying, huge, tiny and strange
pictures, recordings and texts, each with a note of what it tries. Used by the tests and `make corpus`."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
from PIL import Image, PngImagePlugin


@dataclass(frozen=True)
class Entry:
    kind: str  # "image" | "audio" | "text"
    name: str  # the file name, extension included (often a lie)
    note: str  # what it tries
    make: Callable[[], bytes]


def _photo(w: int = 96, h: int = 64) -> Image.Image:
    y, x = np.mgrid[0:h, 0:w]
    rgb = np.stack([x * 255 // max(w - 1, 1), y * 255 // max(h - 1, 1), (x + y) % 256], -1).astype(np.uint8)
    return Image.fromarray(rgb, "RGB")


def _save(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _lying_png(width: int, height: int, bit_depth: int = 8, colour: int = 2, rows: bytes = b"") -> bytes:
    """A PNG whose header claims width × height, with `rows` (or almost nothing) as its pixel data."""
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", zlib.compress(rows, 9))
            + _png_chunk(b"IEND", b""))


def _bomb() -> bytes:
    """A 1-bit 40000 × 40000 PNG of zeros: a few hundred kilobytes that would decode to 1.6 gigapixels."""
    row = b"\x00" + b"\x00" * (40000 // 8)
    return _lying_png(40000, 40000, 1, 0, row * 2000)  # only 2,000 rows present: truncated as well


def _exif(orientation: int) -> Callable[[], bytes]:
    def make() -> bytes:
        exif = Image.Exif()
        exif[0x0112] = orientation
        return _save(_photo(), "JPEG", exif=exif.tobytes())
    return make


def _mode(mode: str, fmt: str = "PNG") -> Callable[[], bytes]:
    def make() -> bytes:
        image = _photo()
        if mode in ("I;16", "I", "F"):
            grey = np.asarray(image.convert("L"), np.float64)
            array = {"I;16": (grey * 257).astype(np.uint16), "I": (grey * 1e6).astype(np.int32),
                     "F": (grey / 255).astype(np.float32)}[mode]
            return _save(Image.fromarray(array), fmt)
        return _save(image.convert(mode), fmt)
    return make


def _float_tiff_with_nan() -> bytes:
    array = np.full((32, 32), np.nan, np.float32)
    array[::2] = np.inf
    return _save(Image.fromarray(array), "TIFF")


def _flipped(data: bytes, every: int = 97) -> bytes:
    body = bytearray(data)
    for i in range(64, len(body), every):
        body[i] ^= 0x5A
    return bytes(body)


def _animated(fmt: str) -> bytes:
    frames = [_photo(), Image.new("RGB", (96, 64), (0, 0, 0)), Image.new("RGB", (96, 64), (255, 255, 255))]
    return _save(frames[0], fmt, save_all=True, append_images=frames[1:], duration=50, loop=0)


def _png_with_text_bomb() -> bytes:
    """Many large text chunks: metadata far bigger than the picture."""
    info = PngImagePlugin.PngInfo()
    for i in range(40):
        info.add_text(f"k{i}", "x" * 100_000)
    return _save(_photo(8, 8), "PNG", pnginfo=info)


def _eps() -> bytes:
    return (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n"
            b"newpath 0 0 moveto 10 10 lineto stroke showpage\n%%EOF\n")


def image_entries() -> list[Entry]:
    png, jpeg = _save(_photo(), "PNG"), _save(_photo(), "JPEG")
    e = [
        Entry("image", "empty.png", "zero bytes", lambda: b""),
        Entry("image", "noise.png", "random bytes named .png", lambda: np.random.default_rng(1).bytes(4096)),
        Entry("image", "words.jpg", "a text file named .jpg", lambda: b"this is not a picture\n" * 20),
        Entry("image", "half.png", "a PNG cut in half", lambda: png[: len(png) // 2]),
        Entry("image", "half.jpg", "a JPEG cut in half", lambda: jpeg[: len(jpeg) // 2]),
        Entry("image", "header-only.png", "only the PNG signature and header", lambda: png[:33]),
        Entry("image", "flipped.png", "a PNG with bytes flipped inside", lambda: _flipped(png)),
        Entry("image", "flipped.jpg", "a JPEG with bytes flipped inside", lambda: _flipped(jpeg)),
        Entry("image", "png-named.jpg", "a PNG named .jpg", lambda: png),
        Entry("image", "jpeg-named.png", "a JPEG named .png", lambda: jpeg),
        Entry("image", "bomb.png", "a 1-bit 40000 × 40000 decompression bomb", _bomb),
        Entry("image", "liar.png", "a header claiming 100000 × 100000 pixels over 30 bytes",
              lambda: _lying_png(100_000, 100_000)),
        Entry("image", "zero-size.png", "a header claiming 0 × 0 pixels", lambda: _lying_png(0, 0)),
        Entry("image", "dot.png", "one pixel", lambda: _save(Image.new("RGB", (1, 1), (9, 9, 9)), "PNG")),
        Entry("image", "strip.png", "a 20000 × 2 strip", lambda: _save(_photo(20000, 2), "PNG")),
        Entry("image", "pole.png", "a 2 × 20000 pole", lambda: _save(_photo(2, 20000), "PNG")),
        Entry("image", "wide.jpg", "a 7000 × 5000 photo", lambda: _save(_photo(7000, 5000), "JPEG", quality=50)),
        Entry("image", "bilevel.png", "mode 1 (black and white)", _mode("1")),
        Entry("image", "grey.png", "mode L", _mode("L")),
        Entry("image", "grey-alpha.png", "mode LA", _mode("LA")),
        Entry("image", "palette.png", "mode P", _mode("P")),
        Entry("image", "palette-alpha.png", "a palette with a transparent colour",
              lambda: _save(_photo().convert("P"), "PNG", transparency=0)),
        Entry("image", "rgba.png", "mode RGBA", _mode("RGBA")),
        Entry("image", "cmyk.jpg", "a CMYK JPEG", _mode("CMYK", "JPEG")),
        Entry("image", "ycbcr.jpg", "mode YCbCr", _mode("YCbCr", "JPEG")),
        Entry("image", "deep.png", "16-bit grey", _mode("I;16")),
        Entry("image", "int32.tif", "32-bit integer TIFF", _mode("I", "TIFF")),
        Entry("image", "float.tif", "32-bit float TIFF", _mode("F", "TIFF")),
        Entry("image", "nan.tif", "a float TIFF of NaN and infinity", _float_tiff_with_nan),
        Entry("image", "lab.tif", "a LAB TIFF", _mode("LAB", "TIFF")),
        Entry("image", "moving.gif", "an animated GIF", lambda: _animated("GIF")),
        Entry("image", "moving.png", "an animated PNG", lambda: _animated("PNG")),
        Entry("image", "moving.webp", "an animated WebP", lambda: _animated("WEBP")),
        Entry("image", "pages.tif", "a three-page TIFF", lambda: _animated("TIFF")),
        Entry("image", "lossless.webp", "a lossless WebP", lambda: _save(_photo(), "WEBP", lossless=True)),
        Entry("image", "old.bmp", "a BMP", lambda: _save(_photo(), "BMP")),
        Entry("image", "icon.ico", "an ICO named as such", lambda: _save(_photo(64, 64), "ICO")),
        Entry("image", "progressive.jpg", "a progressive JPEG", lambda: _save(_photo(), "JPEG", progressive=True)),
        Entry("image", "upside-down.jpg", "EXIF orientation 3", _exif(3)),
        Entry("image", "turned.jpg", "EXIF orientation 6", _exif(6)),
        Entry("image", "mirrored.jpg", "EXIF orientation 5", _exif(5)),
        Entry("image", "bad-orientation.jpg", "EXIF orientation 99", _exif(99)),
        Entry("image", "chatty.png", "4 MB of text chunks on an 8 × 8 picture", _png_with_text_bomb),
        Entry("image", "drawing.eps", "an EPS (PostScript) file", _eps),
        Entry("image", "vector.svg", "an SVG (text)", lambda: b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
        Entry("image", "doc.pdf", "a PDF header", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"),
        Entry("image", "clear.png", "fully transparent", lambda: _save(Image.new("RGBA", (64, 64), (0, 0, 0, 0)), "PNG")),
    ]
    return e


def _wav(samples: np.ndarray, rate: int, subtype: str, fmt: str = "WAV") -> bytes:
    out = io.BytesIO()
    sf.write(out, samples, rate, subtype=subtype, format=fmt)
    return out.getvalue()


def _tone(seconds: float, rate: int = 16000, channels: int = 1, level: float = 0.3) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    wave = (level * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    return np.repeat(wave[:, None], channels, 1) if channels > 1 else wave


def _unknown_length_flac() -> bytes:
    data = bytearray(_wav(_tone(2.0), 16000, "PCM_16", "FLAC"))
    # STREAMINFO follows 'fLaC' and a 4-byte block header; its 36-bit total-samples field ends at byte 18.
    data[8 + 13] &= 0xF0
    data[8 + 14:8 + 18] = b"\x00\x00\x00\x00"
    return bytes(data)


def _lying_wav() -> bytes:
    """A WAV whose data chunk claims 4 GB over one second of sound."""
    data = bytearray(_wav(_tone(1.0), 16000, "PCM_16"))
    at = data.find(b"data")
    data[at + 4:at + 8] = struct.pack("<I", 0xFFFFFFF0)
    return bytes(data)


def audio_entries() -> list[Entry]:
    wav = _wav(_tone(1.0), 16000, "PCM_16")
    rng = np.random.default_rng(2)
    nan = _tone(1.0)
    nan[::100] = np.nan
    nan[50::100] = np.inf
    square = np.sign(_tone(2.0, level=1.0)).astype(np.float32)
    return [
        Entry("audio", "empty.wav", "zero bytes", lambda: b""),
        Entry("audio", "noise.wav", "random bytes named .wav", lambda: rng.bytes(8192)),
        Entry("audio", "words.mp3", "a text file named .mp3", lambda: b"not a recording\n" * 40),
        Entry("audio", "half.wav", "a WAV cut in half", lambda: wav[: len(wav) // 2]),
        Entry("audio", "header-only.wav", "only the WAV header", lambda: wav[:44]),
        Entry("audio", "flipped.flac", "a FLAC with bytes flipped inside",
              lambda: _flipped(_wav(_tone(1.0), 16000, "PCM_16", "FLAC"))),
        Entry("audio", "liar.wav", "a data chunk claiming 4 GB", _lying_wav),
        Entry("audio", "no-frames.wav", "a valid WAV with no samples", lambda: _wav(np.zeros(0, np.float32), 16000, "PCM_16")),
        Entry("audio", "one-sample.wav", "one sample", lambda: _wav(np.zeros(1, np.float32), 16000, "PCM_16")),
        Entry("audio", "blip.wav", "1 ms", lambda: _wav(_tone(0.001), 16000, "PCM_16")),
        Entry("audio", "short.wav", "10 ms", lambda: _wav(_tone(0.01), 16000, "PCM_16")),
        Entry("audio", "u8.wav", "8-bit unsigned", lambda: _wav(_tone(1.0), 16000, "PCM_U8")),
        Entry("audio", "s24.wav", "24-bit", lambda: _wav(_tone(1.0), 16000, "PCM_24")),
        Entry("audio", "s32.wav", "32-bit integer", lambda: _wav(_tone(1.0), 16000, "PCM_32")),
        Entry("audio", "f32.wav", "32-bit float", lambda: _wav(_tone(1.0), 16000, "FLOAT")),
        Entry("audio", "f64.wav", "64-bit float", lambda: _wav(_tone(1.0), 16000, "DOUBLE")),
        Entry("audio", "nan.wav", "float samples of NaN and infinity", lambda: _wav(nan, 16000, "FLOAT")),
        Entry("audio", "loud.wav", "float samples far past full scale",
              lambda: _wav(_tone(1.0) * 1000, 16000, "FLOAT")),
        Entry("audio", "ulaw.wav", "mu-law", lambda: _wav(_tone(1.0, 8000), 8000, "ULAW")),
        Entry("audio", "stereo.wav", "two channels", lambda: _wav(_tone(1.0, 44100, 2), 44100, "PCM_16")),
        Entry("audio", "surround.wav", "six channels", lambda: _wav(_tone(1.0, 48000, 6), 48000, "PCM_16")),
        Entry("audio", "phone.wav", "8 kHz", lambda: _wav(_tone(1.0, 8000), 8000, "PCM_16")),
        Entry("audio", "odd-rate.wav", "11025 Hz", lambda: _wav(_tone(1.0, 11025), 11025, "PCM_16")),
        Entry("audio", "cd.flac", "44.1 kHz FLAC", lambda: _wav(_tone(2.0, 44100), 44100, "PCM_16", "FLAC")),
        Entry("audio", "studio.wav", "192 kHz", lambda: _wav(_tone(1.0, 192000), 192000, "PCM_24")),
        Entry("audio", "absurd-rate.flac", "655,350 Hz silence, three minutes",
              lambda: _wav(np.zeros(655350 * 180, np.int16), 655350, "PCM_16", "FLAC")),
        Entry("audio", "streamed.flac", "a FLAC of unknown length (as streamed encoders write)", _unknown_length_flac),
        Entry("audio", "silence.wav", "ten seconds of silence", lambda: _wav(np.zeros(160000, np.float32), 16000, "PCM_16")),
        Entry("audio", "clipped.wav", "a full-scale square wave", lambda: _wav(square, 16000, "PCM_16")),
        Entry("audio", "hum.wav", "a DC offset", lambda: _wav(np.full(16000, 0.5, np.float32), 16000, "PCM_16")),
        Entry("audio", "hour.flac", "an hour of silence (past the limit)",
              lambda: _wav(np.zeros(8000 * 3600, np.int16), 8000, "PCM_16", "FLAC")),
        Entry("audio", "voice.ogg", "Ogg Vorbis", lambda: _wav(_tone(1.0, 16000), 16000, "VORBIS", "OGG")),
        Entry("audio", "old.aiff", "AIFF", lambda: _wav(_tone(1.0), 16000, "PCM_16", "AIFF")),
        Entry("audio", "picture.wav", "a PNG named .wav", lambda: _save(_photo(), "PNG")),
    ]


def text_entries() -> list[Entry]:
    return [
        Entry("text", "empty.txt", "zero bytes", lambda: b""),
        Entry("text", "spaces.txt", "only whitespace", lambda: b" \n\t\r\n   \n"),
        Entry("text", "one.txt", "one character", lambda: b"a"),
        Entry("text", "big.txt", "past the size limit (1 MB)", lambda: b"word " * 200_000),
        Entry("text", "line.txt", "200 KB without a space or line break", lambda: b"x" * 200_000),
        Entry("text", "lines.txt", "50,000 short lines", lambda: b"hi\n" * 50_000),
        Entry("text", "latin1.txt", "Latin-1, not UTF-8", lambda: "café déjà vu, naïve façade".encode("latin-1")),
        Entry("text", "broken.txt", "invalid UTF-8 in the middle", lambda: b"good start \xff\xfe\xc3 bad end"),
        Entry("text", "utf16.txt", "UTF-16 with its BOM", lambda: "Hello there, how are you?".encode("utf-16")),
        Entry("text", "bom.txt", "UTF-8 with a BOM", lambda: "\ufeffThe weather is nice today.".encode()),
        Entry("text", "nul.txt", "NUL bytes among words", lambda: b"hello\x00world\x00" * 10),
        Entry("text", "picture.txt", "a PNG named .txt", lambda: _save(_photo(), "PNG")),
        Entry("text", "bidi.txt", "right-to-left overrides", lambda: "abc \u202egnp.exe\u202c def".encode()),
        Entry("text", "zalgo.txt", "a letter with 500 combining marks", lambda: ("e" + "\u0301" * 500).encode()),
        Entry("text", "emoji.txt", "emoji joined by ZWJ", lambda: ("👩‍👩‍👧‍👦 " * 200).encode()),
        Entry("text", "crlf.txt", "CR and CRLF line ends", lambda: b"one\r\ntwo\rthree\n"),
        Entry("text", "markup.txt", "HTML and Markdown that must show as plain text",
              lambda: b"<b>bold</b> <img src=x onerror=alert(1)> ![x](http://example.com/a.png) [l](javascript:x)"),
        Entry("text", "ansi.txt", "terminal escape codes", lambda: b"\x1b[31mred\x1b[0m \x1b]0;title\x07 \x1b[2J"),
        Entry("text", "cesu.txt", "an encoded surrogate (CESU-8)", lambda: b"a\xed\xa0\x80b"),
        Entry("text", "formula.csv", "a spreadsheet formula", lambda: b'=HYPERLINK("http://example.com","x")\n'),
        Entry("text", "json.json", "deeply nested JSON", lambda: b"[" * 10_000 + b"]" * 10_000),
        Entry("text", "mixed.txt", "many scripts at once",
              lambda: "Hello Привет مرحبا 你好 こんにちは שלום नमस्ते".encode()),
    ]


def entries() -> list[Entry]:
    return image_entries() + audio_entries() + text_entries()


def write(folder: Path) -> list[tuple[Entry, Path]]:
    """Write every entry into `folder` (one file each) and return them with their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for entry in entries():
        path = folder / entry.kind / entry.name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(entry.make())
        written.append((entry, path))
    return written
