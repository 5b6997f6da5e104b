"""Reading text on awkward pictures with the installed PP-OCRv4 model: sizes far from a page, and banner B2.

tests/test_tasks_read_text.py holds the known answers on the samples; these check that a picture of
any size gives a result (lines or none) rather than an error, and what MODELS.md's banner B2 reads as.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from playground.core.pipeline import Pipeline
from playground.core.task import RunRequest
from playground.tasks.registry import get_task

pytestmark = pytest.mark.models

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# MODELS.md §5.2 draws B2's third line with the DroidSansFallback that Debian's ghostscript ships.
GS_DROID = Path("/usr/share/ghostscript/10.00.0/Resource/CIDFSubst/DroidSansFallback.ttf")
needs_dejavu = pytest.mark.skipif(not DEJAVU.is_file(), reason="needs Debian's fonts-dejavu-core")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture
def read(pipeline, require_model):
    card = require_model("ppocr-v4")

    def run(pixels: np.ndarray, **params) -> list[tuple[str, float]]:
        result = pipeline.run(RunRequest(card, get_task(card.task), np.ascontiguousarray(pixels), params)).result
        assert result.image.shape == pixels.shape  # boxes are in the given picture's pixels
        for line in result.lines:
            xs, ys = zip(*line.quad)
            assert 0 <= min(xs) <= max(xs) <= pixels.shape[1] and 0 <= min(ys) <= max(ys) <= pixels.shape[0]
        return [(line.text, line.score) for line in result.lines]

    return run


def drawn(size: tuple[int, int], text: str, font: Path, points: int, at: tuple[int, int]) -> np.ndarray:
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).text(at, text, font=ImageFont.truetype(str(font), points), fill="black")
    return np.asarray(image)


@pytest.mark.parametrize("shape", [(1, 1), (3, 500), (500, 3), (300, 300)])
def test_tiny_thin_or_blank_pictures_give_no_lines(read, shape):
    assert read(np.full((*shape, 3), 255, np.uint8)) == []


def test_a_large_photo_of_noise_gives_no_lines(read):
    assert read(np.random.default_rng(0).integers(0, 256, (3000, 4500, 3), dtype=np.uint8)) == []


@needs_dejavu
def test_a_single_small_word_and_a_huge_poster_are_both_read(read):
    [(word, _)] = read(drawn((60, 20), "Hello", DEJAVU, 12, (2, 3)))
    assert word == "Hello"
    [(poster, _)] = read(drawn((5000, 3000), "Big poster text", DEJAVU, 200, (300, 1200)))
    assert poster == "Big poster text"


@needs_dejavu
@pytest.mark.skipif(not GS_DROID.is_file(), reason="needs the DroidSansFallback shipped with Debian's ghostscript")
def test_banner_b2_reads_its_chinese_and_the_fonts_missing_digits_come_out_as_boxes(read):
    image = Image.fromarray(drawn((900, 260), "Offline OCR demo 2026", DEJAVU, 48, (30, 30)))
    draw = ImageDraw.Draw(image)
    draw.text((30, 110), "The quick brown fox jumps over the lazy dog.", font=ImageFont.truetype(str(DEJAVU), 34),
              fill=(20, 20, 120))
    draw.text((30, 180), "你好，世界  价格 12.50 元", font=ImageFont.truetype(str(GS_DROID), 34), fill="black")
    lines = read(np.asarray(image))
    assert [text for text, _ in lines[:2]] == ["Offline OCR demo 2026", "The quick brown fox jumps over the lazy dog."]
    third = lines[2][0].replace(" ", "")
    # This copy of DroidSansFallback has no Latin glyphs: "12.50" is drawn as five empty boxes, so no
    # reader can get it back; the recogniser reads them as the look-alike 口.
    assert third.startswith("你好，世界价格") and third.endswith("元") and "12.50" not in third
