"""Reading text: the sizes the detector sees, and what PP-OCR reads on the banner, a scan, a tilted photo,
an upside-down picture and Chinese (MODELS.md §2.1.2)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from playground import paths
from playground.tasks.ocr import detector_size
from tests.known import Runs

CJK_FONT = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")  # Debian fonts-droid-fallback


@pytest.mark.parametrize(("size", "expected"), [
    ((900, 260), (896, 256)),      # already small: kept, rounded to 32
    ((4000, 3000), (960, 704)),    # a phone photo: shrunk so the long side is 960 (720 rounds to 704)
    ((20000, 300), (960, 32)),     # a strip: shrunk, and never thinner than 32
    ((1, 1), (32, 32)),
])
def test_the_detector_sees_the_picture_shrunk_to_960_at_most_in_steps_of_32(size, expected):
    assert detector_size(*size, max_side=960) == expected


@pytest.fixture(scope="module")
def run() -> Runs:
    return Runs()


def texts(outcome) -> list[str]:
    return [line.text for line in outcome.result.lines]


@pytest.mark.models
def test_the_banner_is_read_line_by_line_in_order(run):
    outcome = run("ppocr-v4", "banner.png")
    assert texts(outcome) == ["Offline OCR demo 2026", "The quick brown fox jumps over the lazy dog.", "Price: $12.50"]
    assert all(line.score > 0.95 and not line.flipped for line in outcome.result.lines)
    assert len(outcome.record.session_runs_ns) == 3  # detector, one angle batch, one reading batch


@pytest.mark.models
def test_the_scanned_page_reads_as_well_as_the_reference_pipeline(run):
    lines = texts(run("ppocr-v4", "page.png"))
    # The package's own OpenCV pipeline gives 'Region-basedsegmentation' (0.996) and the next two lines.
    assert lines[0].replace(" ", "") == "Region-basedsegmentation"
    assert lines[1] == "Let us first determine markers of the coins and the"
    assert lines[2].replace(" ", "") == "background.Thesemarkersarepixelsthatwecanlabel"


@pytest.mark.models
def test_a_tilted_photo_of_a_page_is_read_through_rotated_boxes(run):
    outcome = run("ppocr-v4", "skewed_page.png")
    assert texts(outcome) == ["Inference Playground", "Every model runs on this computer.",
                              "No picture ever leaves the machine.", "A skewed page is read line by line:",
                              "each line gets its own rotated box.", "Total: 3 items, 42.50 EUR"]
    (x0, y0), (x1, y1) = outcome.result.lines[1].quad[:2]
    assert -0.25 < (y1 - y0) / (x1 - x0) < -0.08  # the box follows the text's tilt, it is not upright


@pytest.mark.models
def test_an_upside_down_picture_is_turned_line_by_line_and_read_top_first(run):
    with Image.open(paths.samples_dir() / "banner.png") as im:
        upside_down = np.asarray(im.convert("RGB").rotate(180))
    outcome = run("ppocr-v4", upside_down)
    assert texts(outcome) == ["Offline OCR demo 2026", "The quick brown fox jumps over the lazy dog.", "Price: $12.50"]
    assert all(line.flipped for line in outcome.result.lines)


@pytest.mark.models
@pytest.mark.skipif(not CJK_FONT.is_file(), reason="needs Debian's fonts-droid-fallback for Chinese glyphs")
def test_chinese_is_read_too(run):
    image = Image.new("RGB", (600, 80), "white")
    ImageDraw.Draw(image).text((20, 20), "你好，世界  价格 元", font=ImageFont.truetype(str(CJK_FONT), 34), fill="black")
    (line,) = run("ppocr-v4", np.asarray(image)).result.lines
    assert line.text.replace(" ", "") == "你好，世界价格元" and line.score > 0.8


@pytest.mark.models
def test_a_picture_without_print_gives_no_lines_and_the_threshold_filters_doubtful_ones(run):
    assert run("ppocr-v4", np.full((200, 300, 3), 255, np.uint8)).result.lines == ()
    strict = run("ppocr-v4", "page.png", min_score=0.97).result.lines
    assert 0 < len(strict) < len(run("ppocr-v4", "page.png").result.lines)
    assert all(line.score >= 0.97 for line in strict)


@pytest.mark.models
def test_lines_appear_while_a_long_page_is_read(run):
    reports = []
    picture = np.concatenate([np.asarray(Image.open(paths.samples_dir() / "skewed_page.png").convert("RGB"))] * 2)
    final = run("ppocr-v4", picture, progress=lambda f, p: reports.append((f, p))).result
    assert len(final.lines) == 12 and reports
    assert all(0 < f < 1 and 0 < len(p.lines) < 12 for f, p in reports)
