"""The training lesson: a small digit network trained here in seconds, fine-tuned on a person's own drawings,
then asked for answers, with the processor time of each side measured, so training and inference can be
set side by side."""

from __future__ import annotations

import copy
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.core.card import ModelCard
from playground.core.errors import ModelMissingError
from playground.core.session import check_files
from playground.core.train.digits import SIDE, as_images, digit_net, parse_mnist_csv, stratified_split
from playground.core.train.layers import Sequential, softmax
from playground.core.train.trainer import TrainConfig, TrainProgress, TrainResult, accuracy, fit
from playground.core.words import translate

# Half the widths of the built model and three passes: a few seconds on one core, about 95 % right.
LESSON_WIDTHS = (8, 16, 32)
LESSON_CONFIG = TrainConfig(epochs=3, batch_size=64, lr=3e-3, seed=0)
# Fine-tuning mixes the person's drawings with as many digits from the data, so the network learns their
# hand without forgetting everyone else's.
TUNE_CONFIG = TrainConfig(epochs=20, batch_size=16, lr=2e-3, seed=1)


def training_data(card: ModelCard) -> tuple[np.ndarray, np.ndarray]:
    """The 5,000 MNIST digits the digit model was trained on, kept (and checked) beside the installed model."""
    data = next((f for f in card.files if f.role == "data"), None)
    if data is None:
        raise ModelMissingError(translate("TrainLesson", "{model} has no training digits in its card (a [files.data] "
                                          "entry).").format(model=card.name))
    check_files(card)  # every file there, with its hash: the digits are read as they were downloaded
    path = card.folder / data.path
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ModelMissingError(translate("TrainLesson", "The digits to train on could not be read from {path} "
                                          "({reason}); run '{command}' to get them back.").format(
            path=path, reason=exc.strerror, command=f"playground models fetch {card.id}")) from None
    return parse_mnist_csv(raw, path.name)


@dataclass(frozen=True, eq=False)
class Trained:
    net: Sequential
    result: TrainResult
    cpu_s: float  # processor time the training took (all threads)
    held_out_accuracy: float
    held_images: np.ndarray  # the digits it never trained on, for fine-tuning's rehearsal and checks
    held_labels: np.ndarray
    trained_on: int  # how many digits it learned from

    @property
    def parameters(self) -> int:
        return self.net.parameter_count


def train_lesson(pixels: np.ndarray, labels: np.ndarray, on_progress: Callable[[TrainProgress], None],
                 check: Callable[[], None], config: TrainConfig = LESSON_CONFIG) -> Trained:
    images, labels = as_images(pixels), np.asarray(labels, np.int64)
    train, held = stratified_split(labels)
    net = digit_net(config.seed, LESSON_WIDTHS)
    cpu0 = time.process_time()
    result = fit(net, images[train], labels[train], config, held_out=(images[held], labels[held]),
                 on_progress=on_progress, check=check)
    cpu = time.process_time() - cpu0
    score = result.held_out_accuracy if result.held_out_accuracy is not None else 0.0
    return Trained(net, result, cpu, score, images[held], labels[held], len(train))


@dataclass(frozen=True, eq=False)
class FineTuned:
    net: Sequential  # a tuned copy; the trained network stays as it was, to compare
    cpu_s: float
    before: float  # accuracy on the person's drawings before tuning
    after: float
    held_out_after: float  # everyone else's digits after tuning: did it forget them?


def fine_tune(trained: Trained, drawings: np.ndarray, labels: np.ndarray, check: Callable[[], None],
              config: TrainConfig = TUNE_CONFIG) -> FineTuned:
    """drawings (N, 28, 28) in 0..1, white ink on black, as the digit task prepares them."""
    x = np.asarray(drawings, np.float32).reshape(-1, SIDE, SIDE, 1)
    y = np.asarray(labels, np.int64)
    rng = np.random.default_rng(config.seed)
    pick = rng.choice(len(trained.held_labels), size=min(len(y) * 4, len(trained.held_labels)), replace=False)
    net = copy.deepcopy(trained.net)
    before = accuracy(net, x, y)
    cpu0 = time.process_time()
    fit(net, np.concatenate([x, trained.held_images[pick]]), np.concatenate([y, trained.held_labels[pick]]),
        config, check=check)
    cpu = time.process_time() - cpu0
    return FineTuned(net, cpu, before, accuracy(net, x, y), accuracy(net, trained.held_images, trained.held_labels))


@dataclass(frozen=True)
class Answer:
    logits: np.ndarray  # the network's ten raw numbers
    probabilities: np.ndarray  # after softmax
    seconds: float  # one answer, median of many

    @property
    def digit(self) -> int:
        return int(np.argmax(self.probabilities))


def answer(net: Sequential, drawing: np.ndarray, repeats: int = 200) -> Answer:
    """The network's answer for one 28×28 drawing, and how long one answer takes (numpy, one core)."""
    x = np.asarray(drawing, np.float32).reshape(1, SIDE, SIDE, 1)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        logits = net.forward(x)
        times.append(time.perf_counter() - start)
    return Answer(logits[0], softmax(logits)[0], statistics.median(times))
