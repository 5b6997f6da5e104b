"""The digit classifier trained at build time: its network, augmentation, training settings and data split.

MODELS.md §2.1.7's reference (three convolutions, global average pooling, ±2 px rolls) stops near 95 %
on MNIST-5k: averaging away *where* a stroke is throws out what tells a 6 from a 0. Pooling once more to
3×3 and flattening keeps that layout for a few thousand extra weights and reaches ≈ 98.5 % held out.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.core.errors import FetchError
from playground.core.train.augment import Warp
from playground.core.train.layers import Conv3x3, Flatten, Linear, MaxPool2, ReLU, Sequential
from playground.core.train.trainer import TrainConfig, TrainProgress, TrainResult, accuracy, fit
from playground.core.words import translate

SIDE = 28  # MNIST images are 28×28 grey, white ink on black
CLASSES = 10
HELD_OUT_FRACTION = 0.2
SPLIT_SEED = 0

# Each digit drawn anew every epoch: shifted, turned, resized and slanted by amounts people really vary by.
DIGIT_WARP = Warp(shift=2.0, rotate=12.0, scale=0.12, shear=0.2)
DIGIT_CONFIG = TrainConfig(epochs=20, batch_size=64, lr=2e-3, seed=0)


def digit_net(seed: int = 0, widths: tuple[int, int, int] = (16, 32, 64)) -> Sequential:
    """Conv 3×3 → max-pool 2 → ReLU, three times (28 → 14 → 7 → 3), then Linear(3·3·widths[2] → 10).

    Pooling before the ReLU gives the same numbers as ReLU then pool (both are monotone) on a quarter
    of the values. Smaller widths train faster, e.g. (8, 16, 32) for a live lesson.
    """
    rng = np.random.default_rng(seed)
    a, b, c = widths
    return Sequential([
        Conv3x3(1, a, rng, "conv1"), MaxPool2(), ReLU(),
        Conv3x3(a, b, rng, "conv2"), MaxPool2(), ReLU(),
        Conv3x3(b, c, rng, "conv3"), MaxPool2(), ReLU(),
        Flatten(), Linear(3 * 3 * c, CLASSES, rng, "fc"),
    ])


def parse_mnist_csv(data: bytes, name: str) -> tuple[np.ndarray, np.ndarray]:
    """Gzipped CSV rows (784 pixel values 0..255, then the label) -> (pixels uint8 (N, 784), labels)."""
    try:
        table = np.loadtxt(io.BytesIO(gzip.decompress(data)), delimiter=",", dtype=np.int64, ndmin=2)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        said = translate("Training", "The digit training data {file} is damaged or not a table of numbers; fetch the "
                                     "model again to download a fresh copy.")
        raise FetchError(said.format(file=name)) from exc
    if table.shape[1] != SIDE * SIDE + 1 or not len(table):
        raise FetchError(translate("Training", "The digit training data {file} has {columns} columns per row, not "
                                               "{expected}; the package may have changed.").format(
            file=name, columns=table.shape[1], expected=SIDE * SIDE + 1))
    pixels, labels = table[:, :-1], table[:, -1]
    if pixels.min() < 0 or pixels.max() > 255 or labels.min() < 0 or labels.max() >= CLASSES:
        raise FetchError(translate("Training", "The digit training data {file} holds values outside 0–255 or labels "
                                               "outside 0–9; the package may have changed.").format(file=name))
    return pixels.astype(np.uint8), labels


def as_images(pixels: np.ndarray) -> np.ndarray:
    """(N, 784) values 0..255 -> (N, 28, 28, 1) float32 in 0..1, the layout the numpy layers use."""
    return (np.asarray(pixels, np.float32).reshape(-1, SIDE, SIDE, 1) / np.float32(255.0))


def stratified_split(labels: np.ndarray, held_out_fraction: float = HELD_OUT_FRACTION,
                     seed: int = SPLIT_SEED) -> tuple[np.ndarray, np.ndarray]:
    """(train, held_out) index arrays, each class held out in the same proportion, both sorted.

    Per class, round(count · fraction) indices are drawn without replacement in class order from one
    generator, so the split depends only on the labels and the seed.
    """
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    held = [rng.permutation(np.flatnonzero(labels == c))[:round(np.sum(labels == c) * held_out_fraction)]
            for c in np.unique(labels)]
    mask = np.zeros(len(labels), bool)
    mask[np.concatenate(held)] = True
    return np.flatnonzero(~mask), np.flatnonzero(mask)


@dataclass(frozen=True, eq=False)
class DigitModel:
    net: Sequential
    result: TrainResult
    held_out_accuracy: float
    held_out: int  # how many digits the accuracy was measured on
    held_out_images: np.ndarray  # (held_out, 28, 28, 1), kept for checking an export against the net


def train_digits(pixels: np.ndarray, labels: np.ndarray, *, config: TrainConfig = DIGIT_CONFIG,
                 warp: Warp | None = DIGIT_WARP, widths: tuple[int, int, int] = (16, 32, 64),
                 on_progress: Callable[[TrainProgress], None] | None = None,
                 check: Callable[[], None] | None = None) -> DigitModel:
    """Split, train and measure: MNIST rows (N, 784) and labels in, the trained net and its held-out accuracy out.

    The held-out digits are only ever measured, never trained on; they are scored after every epoch
    so a progress view can draw accuracy climbing.
    """
    images = as_images(pixels)
    labels = np.asarray(labels, np.int64)
    train, held = stratified_split(labels)
    net = digit_net(config.seed, widths)
    result = fit(net, images[train], labels[train], config, augment=warp,
                 held_out=(images[held], labels[held]), on_progress=on_progress, check=check)
    score = result.held_out_accuracy if result.held_out_accuracy is not None else \
        accuracy(net, images[held], labels[held])
    return DigitModel(net, result, score, len(held), images[held])
