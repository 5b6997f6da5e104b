"""The cartoon upscaler: tiles that cover the picture once, no seams, the PSNR figures, and odd sizes."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from playground import paths
from playground.core.errors import InputError
from playground.core.results import Upscaled
from playground.tasks.upscale import plan_tiles
from tests.known import Runs


@pytest.mark.parametrize(("h", "w", "tile", "overlap"), [(200, 200, 64, 16), (1000, 1000, 192, 20), (3, 700, 192, 20),
                                                        (192, 192, 192, 20)])
def test_tile_interiors_cover_every_pixel_exactly_once_with_context_around_them(h, w, tile, overlap):
    cover = np.zeros((h, w), int)
    for t in plan_tiles(h, w, tile, overlap):
        cover[t.keep_y0:t.keep_y1, t.keep_x0:t.keep_x1] += 1
        assert t.keep_y1 - t.keep_y0 <= tile and t.keep_x1 - t.keep_x0 <= tile
        # The cut reaches `overlap` pixels past the interior, unless the picture ends first.
        assert t.y0 == max(0, t.keep_y0 - overlap) and t.y1 == min(h, t.keep_y1 + overlap)
        assert t.x0 == max(0, t.keep_x0 - overlap) and t.x1 == min(w, t.keep_x1 + overlap)
    assert (cover == 1).all()


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = np.mean((np.asarray(a, np.float64) - np.asarray(b, np.float64)) ** 2)
    return float(10 * np.log10(255.0 ** 2 / mse))


@pytest.fixture(scope="module")
def run() -> Runs:
    return Runs()


def quarter(name: str) -> tuple[Image.Image, np.ndarray]:
    with Image.open(paths.samples_dir() / name) as im:
        hr = im.convert("RGB")
    return hr, np.asarray(hr.resize((hr.width // 4, hr.height // 4), Image.Resampling.BICUBIC))


@pytest.mark.models
def test_on_a_cartoon_it_beats_plain_enlargement_and_on_a_photo_it_does_not(run):
    hr, lr = quarter("cartoon.png")
    result = run("realesrgan-anime", lr).result
    assert result.result.shape == (512, 512, 3) and result.scale == 4
    bicubic = np.asarray(Image.fromarray(lr).resize((512, 512), Image.Resampling.BICUBIC))
    # MODELS.md: 26.75 dB against bicubic's 24.45 on its drawing of the same cartoon; ours is drawn anew.
    assert psnr(result.result, hr) > psnr(bicubic, hr) + 2.5
    assert psnr(result.result, hr) == pytest.approx(26.1, abs=0.3)
    hr, lr = quarter("astronaut.png")
    photo = run("realesrgan-anime", lr).result
    bicubic = np.asarray(Image.fromarray(lr).resize((512, 512), Image.Resampling.BICUBIC))
    assert psnr(photo.result, hr) == pytest.approx(24.3, abs=0.15)  # it paints: below bicubic's 25.4
    assert psnr(bicubic, hr) == pytest.approx(25.4, abs=0.15)


@pytest.mark.models
def test_a_picture_cut_into_tiles_comes_out_as_one_whole_run_would(run, require_model):
    import onnxruntime as ort

    card = require_model("realesrgan-anime")
    with Image.open(paths.samples_dir() / "astronaut.png") as im:
        picture = np.asarray(im.convert("RGB").resize((230, 210)))
    tiled = run("realesrgan-anime", picture).result
    assert tiled.tiles == 4
    session = ort.InferenceSession(str(card.path()), providers=["CPUExecutionProvider"])
    whole = session.run(None, {"input": (picture.astype(np.float32) / 255.0).transpose(2, 0, 1)[None]})[0][0]
    whole = (np.clip(whole, 0, 1) * 255 + 0.5).astype(np.uint8).transpose(1, 2, 0)
    assert np.abs(tiled.result.astype(int) - whole.astype(int)).max() <= 1  # no seam, not even a faint one


@pytest.mark.models
def test_progress_fills_the_picture_in_row_by_row(run):
    reports: list[tuple[float, object]] = []
    with Image.open(paths.samples_dir() / "astronaut.png") as im:
        picture = np.asarray(im.convert("RGB").resize((400, 200)))
    final = run("realesrgan-anime", picture, progress=lambda f, p: reports.append((f, p))).result
    fractions = [f for f, _ in reports]
    assert fractions == sorted(fractions) and 0 < fractions[0] < fractions[-1] < 1
    partials = [p for _, p in reports if p is not None]
    assert partials and all(isinstance(p, Upscaled) and p.result.shape == final.result.shape for p in partials)
    first = partials[0]
    assert np.array_equal(first.result[:4 * 192], final.result[:4 * 192])  # the first row of tiles is final


@pytest.mark.models
def test_a_speck_is_enlarged_and_a_huge_picture_is_refused_with_the_size_it_takes(run):
    speck = run("realesrgan-anime", np.full((1, 1, 3), 200, np.uint8)).result
    assert speck.image.shape == (4, 4, 3) and speck.result.shape == (16, 16, 3)
    with pytest.raises(InputError, match=r"^The picture is 20000 × 300 pixels; this upscaler takes up to about "
                                         r"1024 × 1024 \(1\.0 megapixels\).*Crop or shrink it first"):
        run("realesrgan-anime", np.zeros((300, 20000, 3), np.uint8))
