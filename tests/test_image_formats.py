"""Images open only in the formats the playground offers; any other format is one sentence, and EPS never
starts Ghostscript, whatever the file is called."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import EpsImagePlugin, Image

from playground.core import media
from playground.core.errors import InputError
from playground.core.media.image import FORMATS

ROOT = Path(__file__).resolve().parent.parent
RED = (220, 20, 30)
# A complete, valid EPS drawing: Ghostscript would render it.
EPS = (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 16 16\n%%EndComments\n"
       b"1 0 0 setrgbcolor 0 0 16 16 rectfill\nshowpage\n%%EOF\n")


def eps_sentence(subject: str) -> str:
    return (f"{subject} is in the Encapsulated Postscript (EPS) format, which the playground does not open: "
            "save it as PNG or JPEG and try again.")


def dos_eps() -> bytes:
    """The binary 'DOS EPS' wrapper around the same PostScript, which Pillow also hands to Ghostscript."""
    header = struct.pack("<IIIIIIIH", 0xC6D3D0C5, 30, len(EPS), 0, 0, 0, 0, 0xFFFF)
    return header + EPS


def refused(source) -> str:
    with pytest.raises(InputError) as caught:
        media.decode("image", source)
    return str(caught.value)


@pytest.fixture
def gs_marker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake `gs` first on PATH that leaves a marker when anything starts it; the path of that marker."""
    folder = tmp_path / "fake-bin"
    folder.mkdir()
    marker = tmp_path / "gs-was-started"
    fake = folder / "gs"
    fake.write_text(f'#!/bin/sh\necho "$@" >> "{marker}"\n[ "$1" = "--version" ] && exit 0\nexit 1\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setattr(EpsImagePlugin, "gs_binary", None)  # Pillow remembers where it found gs: look again
    return marker


def test_the_fake_ghostscript_is_what_pillow_would_start(tmp_path, gs_marker):
    """The control: Pillow left to itself does start `gs` on this file, and it is the fake one."""
    path = tmp_path / "drawing.eps"
    path.write_bytes(EPS)
    with Image.open(path) as image, pytest.raises(subprocess.CalledProcessError):
        image.load()
    assert gs_marker.exists()


@pytest.mark.parametrize("name", ["drawing.eps", "photo.png", "photo.jpg", "scan"])
def test_an_eps_file_never_starts_ghostscript(tmp_path, gs_marker, name):
    path = tmp_path / name
    path.write_bytes(EPS)
    assert refused(path) == eps_sentence(name)
    path.write_bytes(dos_eps())
    assert refused(path) == eps_sentence(name)
    assert refused(EPS) == eps_sentence("The pasted image")
    assert not gs_marker.exists()


def test_the_command_line_refuses_an_eps_file_in_a_sentence(tmp_path, gs_marker):
    path = tmp_path / "drawing.eps"
    path.write_bytes(EPS)
    proc = subprocess.run([sys.executable, "-m", "playground", "run", "efficientnet-lite0", str(path)],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=ROOT, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", f"playground: {eps_sentence('drawing.eps')}\n")
    assert not gs_marker.exists()


def test_every_extension_the_dialogs_offer_is_an_open_format():
    Image.init()
    assert {Image.registered_extensions()[ext] for ext in media.SUPPORTED["image"]} <= set(FORMATS)


def _encoded(fmt: str, **options) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), RED).save(out, fmt, **options)
    return out.getvalue()


SECOND_FRAME = {"save_all": True, "append_images": [Image.new("RGB", (16, 16))]}
OPEN = {"png": ("PNG", {}), "apng": ("PNG", SECOND_FRAME), "jpg": ("JPEG", {"quality": 95}), "mpo": ("MPO", SECOND_FRAME),
        "webp": ("WEBP", {"lossless": True}), "gif": ("GIF", {}), "bmp": ("BMP", {}), "tif": ("TIFF", {}),
        "avif": ("AVIF", {"quality": 100}), "ico": ("ICO", {"sizes": [(16, 16)]})}


@pytest.mark.parametrize("suffix", list(OPEN))
def test_every_format_the_playground_offers_still_opens(tmp_path, suffix):
    """A camera's multi-picture JPEG (MPO) is a JPEG to Pillow, and opens as one."""
    fmt, options = OPEN[suffix]
    data = _encoded(fmt, **options)
    path = tmp_path / f"red.{suffix}"
    path.write_bytes(data)
    for source in (path, data):
        pixels = media.decode("image", source).pixels
        assert pixels.shape == (16, 16, 3)
        assert np.abs(pixels[8, 8].astype(int) - RED).max() <= 12, (suffix, pixels[8, 8])


def _psd_header() -> bytes:
    """The 26-byte header of a Photoshop file (Pillow cannot write one)."""
    return b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, 16, 16, 8, 3) + b"\0" * 64


OTHER = [("psd", _psd_header(), "Adobe Photoshop (PSD)"), ("ppm", _encoded("PPM"), "Pbmplus image (PPM)"),
         ("qoi", _encoded("QOI"), "Quite OK Image (QOI)"), ("dds", _encoded("DDS"), "DirectDraw Surface (DDS)"),
         ("icns", _encoded("ICNS"), "Mac OS icns resource")]


@pytest.mark.parametrize("suffix, data, what", OTHER, ids=[o[0] for o in OTHER])
def test_another_format_is_named_and_no_decoder_of_it_runs(tmp_path, monkeypatch, suffix, data, what):
    def tripwire(factory):
        def opened(*_args):
            raise AssertionError(f"the {factory.format} decoder was started")
        opened.format, opened.format_description = factory.format, factory.format_description
        return opened

    Image.init()
    for name, (factory, accept) in list(Image.OPEN.items()):
        if name not in FORMATS:  # each closed format keeps its signature check and its name, not its decoder
            monkeypatch.setitem(Image.OPEN, name, (tripwire(factory), accept))
    path = tmp_path / f"picture.{suffix}"
    path.write_bytes(data)
    assert refused(path) == (f"picture.{suffix} is in the {what} format, which the playground does not open: "
                             "save it as PNG or JPEG and try again.")


def test_a_format_pillow_cannot_name_surely_is_still_one_sentence(tmp_path):
    """Targa has no signature and PCX a two-byte one: the sentence then says what to choose instead."""
    for fmt in ("TGA", "PCX"):
        assert refused(_encoded(fmt)) == ("The pasted image is not a picture the playground can open: choose a PNG, "
                                          "JPEG, WebP, BMP or GIF file.")
    path = tmp_path / "letter.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    assert refused(path) == ("letter.pdf is not a picture the playground can open (it looks like a PDF document): "
                             "choose a PNG, JPEG, WebP, BMP or GIF file.")
