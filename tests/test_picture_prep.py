"""A picture's way to the model: JPEGs decoded reduced only for classifiers and never below what they read, the
one-pass tensors equal to the plain expressions they replace, and the full picture kept where results are drawn."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from playground import paths
from playground.core import media
from playground.core.catalog import load_catalog
from playground.core.media.draft import draft_scale, shorter_side_needed
from playground.core.pipeline import Pipeline
from playground.core.task import RunRequest
from playground.tasks.classify import ClassifyTask, Preprocess, centre_crop, top_indices
from playground.tasks.ops import resize_rgb, to_tensor
from playground.tasks.registry import get_task

CATALOG = load_catalog()


def _jpeg(folder: Path, sample: str, size: tuple[int, int]) -> Path:
    with Image.open(paths.samples_dir() / sample) as image:
        path = folder / f"{Path(sample).stem}_{size[0]}x{size[1]}.jpg"
        image.convert("RGB").resize(size, Image.Resampling.LANCZOS).save(path, quality=90)
    return path


@pytest.mark.parametrize("width,height,needed,scale", [
    (640, 432, 256, 1), (1024, 512, 256, 2), (1023, 511, 256, 1), (2592, 1750, 256, 4), (4000, 2048, 256, 8),
    (4000, 2047, 256, 4), (300, 20000, 256, 1), (2592, 1750, None, 1)])
def test_the_reduction_keeps_the_shorter_side_the_model_reads(width, height, needed, scale):
    assert draft_scale(width, height, needed) == scale
    if needed is not None:
        assert min(width, height) // scale >= needed


def test_only_cards_that_scale_the_shorter_side_say_how_little_they_need():
    needs = {card.id: shorter_side_needed(card) for card in CATALOG.cards if card.modality == "image"}
    assert needs.pop("efficientnet-lite0") == 256
    assert set(needs.values()) <= {None, 256}
    for model_id in ("centerface", "u2netp", "modnet", "ppocr-v4", "realesrgan-anime", "digits"):
        assert needs.get(model_id) is None  # drawn on, read or enlarged: they get every pixel


@pytest.mark.parametrize("size", [(640, 432), (1100, 600), (2592, 1750), (1750, 2592), (4100, 2100)])
def test_a_classifier_never_gets_fewer_pixels_than_it_reads(tmp_path, size):
    card = CATALOG.get("efficientnet-lite0")
    path = _jpeg(tmp_path, "rocket.jpg", size)
    decoded = media.decode("image", path, card)
    height, width = decoded.pixels.shape[:2]
    scale = draft_scale(*size, 256)
    assert (width, height) == (math.ceil(size[0] / scale), math.ceil(size[1] / scale))
    assert min(width, height) >= Preprocess.of(card).resize_shorter
    assert decoded.size == size  # the window still says how large the person's picture is
    assert decoded.full_size == (size if scale > 1 else None)
    full = media.decode("image", path, CATALOG.get("centerface"))
    assert full.pixels.shape[:2] == (size[1], size[0])  # faces are drawn on the whole picture
    assert full.size == size and full.full_size is None


def test_an_upright_turned_phone_photo_is_reduced_and_still_upright(tmp_path):
    with Image.open(paths.samples_dir() / "rocket.jpg") as image:
        photo = image.convert("RGB").resize((1200, 800))
    exif = Image.Exif()
    exif[0x0112] = 6
    photo.save(tmp_path / "phone.jpg", exif=exif.tobytes())
    decoded = media.decode("image", tmp_path / "phone.jpg", CATALOG.get("efficientnet-lite0"))
    assert decoded.pixels.shape[:2] == (600, 400)
    assert decoded.size == (800, 1200)  # upright, as the phone showed it


def _reference_classify_tensor(pixels: np.ndarray, pre: Preprocess) -> np.ndarray:
    """The computation as it was first written: float copy, difference, quotient, transposed copy."""
    square, _ = centre_crop(pixels, pre)
    mean, std = np.asarray(pre.pixel_mean, np.float32), np.asarray(pre.pixel_std, np.float32)
    return np.ascontiguousarray(((square.astype(np.float32) - mean) / std).transpose(2, 0, 1)[None], np.float32)


def test_one_pass_tensors_equal_the_plain_expressions():
    rng = np.random.default_rng(7)
    pixels = rng.integers(0, 256, (53, 71, 3), dtype=np.uint8)
    card = CATALOG.get("efficientnet-lite0")
    feeds, _ = ClassifyTask().preprocess(media.ImageData(pixels), card, {})
    (tensor,) = feeds.values()
    assert tensor.flags.c_contiguous and tensor.dtype == np.float32 and tensor.shape == (1, 3, 224, 224)
    assert np.array_equal(tensor, _reference_classify_tensor(pixels, Preprocess.of(card)))
    as_float = pixels.astype(np.float32)
    assert np.array_equal(to_tensor(pixels), np.ascontiguousarray(pixels.transpose(2, 0, 1)[None], np.float32))
    assert np.array_equal(to_tensor(pixels, (127.5,) * 3, (127.5,) * 3),
                          ((as_float - 127.5) / 127.5).transpose(2, 0, 1)[None])
    mean, std = np.asarray((0.485, 0.456, 0.406), np.float32), np.asarray((0.229, 0.224, 0.225), np.float32)
    peak = float(pixels.max())
    expected = ((as_float / np.float32(peak) - mean) / std).transpose(2, 0, 1)[None]
    assert np.allclose(to_tensor(pixels, tuple(mean), tuple(std), divide_by=peak), expected, rtol=0, atol=1e-6)


def test_the_best_few_are_a_stable_sorts_first_few():
    rng = np.random.default_rng(3)
    for trial in range(500):
        scores = rng.integers(0, 4, 40).astype(np.float64) if trial % 2 else rng.random(40)
        for k in (1, 5, 39, 40, 41):
            assert np.array_equal(top_indices(scores, k), np.argsort(-scores, kind="stable")[:k])


def _labels(pipeline: Pipeline, model_id: str, source) -> dict[str, float]:  # noqa: ANN001
    card = CATALOG.get(model_id)
    outcome = pipeline.run(RunRequest(card, get_task(card.task), source, {"top_k": 5}))
    return {label.name: label.score for label in outcome.result.items}


@pytest.mark.models
@pytest.mark.parametrize("sample,size", [("rocket.jpg", (2592, 1750)), ("coffee.png", (2400, 1600)),
                                         ("grace_hopper.jpg", (2048, 2400))])
def test_a_reduced_jpeg_gives_the_same_answer_as_the_full_one(require_model, tmp_path, sample, size):
    require_model("efficientnet-lite0")
    path = _jpeg(tmp_path, sample, size)
    pipeline = Pipeline()
    reduced = _labels(pipeline, "efficientnet-lite0", path)
    with Image.open(path) as image:
        full = _labels(pipeline, "efficientnet-lite0", np.asarray(image.convert("RGB")))
    assert next(iter(reduced)) == next(iter(full))
    for name in set(reduced) & set(full):
        assert reduced[name] == pytest.approx(full[name], abs=0.04)


@pytest.mark.models
@pytest.mark.parametrize("model_id", ["centerface", "u2netp", "modnet"])
def test_results_drawn_on_the_picture_keep_the_whole_picture(require_model, tmp_path, model_id):
    card = require_model(model_id)
    path = _jpeg(tmp_path, "astronaut.png", (1100, 1100))
    outcome = Pipeline().run(RunRequest(card, get_task(card.task), path, {}))
    assert outcome.decoded.pixels.shape == (1100, 1100, 3)
    assert outcome.result.image.shape == (1100, 1100, 3)


def test_resizing_to_the_same_size_hands_back_the_pixels():
    pixels = np.zeros((20, 30, 3), np.uint8)
    assert resize_rgb(pixels, (30, 20)) is pixels
