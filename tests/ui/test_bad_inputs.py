"""Every bad input named for the window gets one plain sentence (or a result with a note) and the window
keeps working: the next good sample still runs."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
import soundfile as sf
from PIL import Image

from playground import paths
from tests.ui.test_main_window import choose_sample, wait_for_result

SAMPLES = paths.samples_dir()
pytestmark = pytest.mark.models


def _encoded(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.open(SAMPLES / "astronaut.png").convert("RGB").save(buffer, fmt)
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_header(width: int, height: int) -> bytes:
    """A small PNG that claims to be width×height, as a decompression bomb does (2.7 GB if decoded)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 4096)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def _empty_wav() -> bytes:
    buffer = io.BytesIO()
    sf.write(buffer, np.zeros(0, np.float32), 16000, format="WAV")
    return buffer.getvalue()


# (model, file name, bytes, words the sentence must contain)
REFUSED = [
    ("centerface", "empty.jpg", b"", "empty"),
    ("centerface", "cut.jpg", _encoded("JPEG")[:20_000], "damaged or incomplete"),
    ("u2netp", "cut.png", _encoded("PNG")[:30_000], "damaged or incomplete"),
    ("centerface", "notes.png", b"Shopping list: eggs, milk, bread.\n" * 20, "looks like text"),
    ("u2netp", "huge.png", _png_header(30_000, 30_000), "900 megapixels"),
    ("silero-vad", "song.wav", b"This is a text file, not a recording.\n" * 50, "not"),
    ("silero-vad", "nothing.wav", _empty_wav(), "no sound"),
]
GOOD = {"centerface": "astronaut.png", "u2netp": "astronaut.png", "silero-vad": "vad_test16k.wav",
        "magika": "fibonacci.py"}


@pytest.mark.parametrize("model, name, data, words", REFUSED, ids=[r[1] for r in REFUSED])
def test_a_bad_file_is_one_sentence_and_the_next_sample_runs(qtbot, make_window, require_model, tmp_path,
                                                             model, name, data, words):
    require_model(model)
    _, window = make_window(model_id=model)
    bad = tmp_path / name
    bad.write_bytes(data)
    window.input_panel.open_path(bad)
    error = window.input_panel.error
    qtbot.waitUntil(error.isVisible, timeout=30_000)
    sentence = error.text()
    assert words.lower() in sentence.lower(), sentence
    assert sentence.endswith(".") and "\n" not in sentence and "Traceback" not in sentence
    choose_sample(window, GOOD[model])
    wait_for_result(qtbot, window)
    assert not error.isVisible()


@pytest.mark.parametrize("text, note", [
    ("x = 1\n" * 200_000, "kept"),  # 1.2 MB of code: cut at the size limit, and the view says so
    ("print('hello')\x00\x00 # 🎉 emoji and NUL are text too\n" * 20, ""),
])
def test_huge_or_odd_text_still_gets_an_answer(qtbot, make_window, require_model, tmp_path, text, note):
    require_model("magika")
    _, window = make_window(model_id="magika")
    path = tmp_path / "pasted.txt"
    path.write_text(text, encoding="utf-8")
    window.input_panel.open_path(path)
    outcome = wait_for_result(qtbot, window)
    assert outcome.result.items and not window.input_panel.error.isVisible()
    if note:
        assert note in window.input_panel.current.text()
