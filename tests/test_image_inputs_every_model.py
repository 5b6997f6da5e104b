"""Every image model against the awkward pictures people really give: each gives a result or one sentence.

The list of models comes from the catalog, so a new image model is checked the day its card lands.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from playground import paths
from playground.core.catalog import load_catalog
from playground.core.errors import InputError
from playground.core.pipeline import Pipeline
from playground.core.task import RunRequest
from playground.tasks.registry import get_task

pytestmark = pytest.mark.models
IMAGE_MODELS = [card.id for card in load_catalog().cards if card.modality == "image"]


def _photo(size: tuple[int, int] = (64, 48)) -> Image.Image:
    with Image.open(paths.samples_dir() / "astronaut.png") as im:
        return im.convert("RGB").resize(size)


def one_pixel(folder: Path) -> Path:
    Image.new("RGB", (1, 1), (200, 30, 30)).save(folder / "dot.png")
    return folder / "dot.png"


def strip(folder: Path) -> Path:
    _photo((20000, 300)).save(folder / "strip.png")
    return folder / "strip.png"


def grey(folder: Path) -> Path:
    _photo((320, 240)).convert("L").save(folder / "grey.png")
    return folder / "grey.png"


def alpha(folder: Path) -> Path:
    im = _photo((320, 240)).convert("RGBA")
    im.putalpha(Image.linear_gradient("L").resize((320, 240)))
    im.save(folder / "alpha.png")
    return folder / "alpha.png"


def sixteen_bit(folder: Path) -> Path:
    grey16 = (np.asarray(_photo((320, 240)).convert("L"), np.uint16) * 257).astype(np.uint16)
    Image.fromarray(grey16).save(folder / "deep.png")
    return folder / "deep.png"


def animated(folder: Path) -> Path:
    frames = [_photo((160, 120)), Image.new("RGB", (160, 120), (0, 0, 0))]
    frames[0].save(folder / "moving.gif", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return folder / "moving.gif"


def exif_rotated(folder: Path) -> Path:
    im = _photo((320, 240))
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    im.save(folder / "phone.jpg", exif=exif.tobytes())
    return folder / "phone.jpg"


MAKERS = [one_pixel, strip, grey, alpha, sixteen_bit, animated, exif_rotated]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize("make", MAKERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("model_id", IMAGE_MODELS)
def test_an_awkward_picture_gives_a_result_or_one_plain_sentence(pipeline, require_model, tmp_path, model_id, make):
    card = require_model(model_id)
    source = make(tmp_path)
    try:
        outcome = pipeline.run(RunRequest(card, get_task(card.task), source, {}))
    except InputError as exc:
        sentence = str(exc)
        assert sentence.endswith(".") and "\n" not in sentence and len(sentence) < 300
        assert "Traceback" not in sentence and "onnxruntime" not in sentence.lower()
        # Refusing is only fair for the picture too small to hold anything, or for a model whose result
        # grows with the picture (the upscaler) faced with six megapixels, if it says the size it takes.
        fair = make is one_pixel or (make is strip and "20000 × 300" in sentence and "up to" in sentence)
        assert fair, f"{model_id} refused {source.name}: {sentence}"
        return
    assert outcome.result.summary()
    if make is exif_rotated:
        assert outcome.decoded.pixels.shape[:2] == (320, 240)  # turned upright: taller than wide
    if make is animated:
        assert any("first frame" in note for note in outcome.decoded.notes)
