"""The training loop: mini-batches, Adam with warm-up and cosine decay, progress callbacks and cancel checks.

Everything random (shuffling, augmentation) draws from one np.random.default_rng(seed), so one seed on
one machine gives the same run every time. The loop reports after every step (loss and accuracy so
far in the epoch) and after every epoch (plus held-out accuracy), so a live lesson can draw them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.core.train.layers import Adam, Sequential, softmax_cross_entropy

Augment = Callable[[np.ndarray, np.random.Generator], np.ndarray]


@dataclass(frozen=True)
class TrainConfig:
    epochs: int = 20
    batch_size: int = 64
    lr: float = 2e-3  # peak learning rate, reached after the warm-up
    warmup: float = 0.03  # fraction of all steps spent ramping up from lr/10: early Adam steps are noisy
    final_lr: float = 0.0  # the cosine decay ends here
    weight_decay: float = 0.0
    label_smoothing: float = 0.0
    seed: int = 0


@dataclass(frozen=True)
class TrainProgress:
    """One report: `step` counts from 1 over the whole run; loss/accuracy are the epoch's running means."""

    epoch: int  # 1-based
    epochs: int
    step: int
    steps: int
    loss: float
    accuracy: float
    seconds: float  # since training started
    end_of_epoch: bool = False
    held_out_accuracy: float | None = None  # only at the end of an epoch, when held-out data was given

    @property
    def fraction(self) -> float:
        return self.step / self.steps


@dataclass(frozen=True)
class TrainResult:
    epochs: int
    seconds: float
    train_loss: float
    train_accuracy: float
    held_out_accuracy: float | None
    history: tuple[TrainProgress, ...]  # the end-of-epoch reports


def learning_rate(config: TrainConfig, step: int, steps: int) -> float:
    """Linear warm-up from lr/10 to lr, then half a cosine down to final_lr (step counts from 0)."""
    warm = max(1, round(config.warmup * steps))
    if step < warm:
        return config.lr * (0.1 + 0.9 * step / warm)
    t = (step - warm) / max(1, steps - warm)
    return config.final_lr + 0.5 * (config.lr - config.final_lr) * (1 + math.cos(math.pi * t))


def accuracy(net: Sequential, x: np.ndarray, y: np.ndarray) -> float:
    return float((net.predict(x).argmax(axis=1) == y).mean())


def fit(net: Sequential, x: np.ndarray, y: np.ndarray, config: TrainConfig, *,
        augment: Augment | None = None, held_out: tuple[np.ndarray, np.ndarray] | None = None,
        on_progress: Callable[[TrainProgress], None] | None = None,
        check: Callable[[], None] | None = None) -> TrainResult:
    """Train `net` in place on x (N, H, W, C) float32 and integer labels y.

    `augment(batch, rng)` returns a changed copy of a batch (N, H, W) or (N, H, W, C); `check()` is called
    before every step and raises (e.g. Cancelled) to stop; `on_progress` gets a TrainProgress after every
    step and one more, with held-out accuracy, at the end of each epoch.
    """
    rng = np.random.default_rng(config.seed)
    optimiser = Adam(net.params, config.lr, weight_decay=config.weight_decay)
    per_epoch = math.ceil(len(x) / config.batch_size)
    steps = per_epoch * config.epochs
    start = time.perf_counter()
    history: list[TrainProgress] = []
    step = 0
    loss_mean = acc_mean = 0.0
    held = None
    for epoch in range(1, config.epochs + 1):
        order = rng.permutation(len(x))
        loss_sum = correct = seen = 0.0
        for first in range(0, len(x), config.batch_size):
            if check is not None:
                check()
            index = order[first:first + config.batch_size]
            batch = x[index]
            if augment is not None:
                batch = augment(batch, rng)
            logits = net.forward(batch, train=True)
            loss, grad = softmax_cross_entropy(logits, y[index], config.label_smoothing)
            net.backward(grad)
            optimiser.step(learning_rate(config, step, steps))
            step += 1
            loss_sum += loss * len(index)
            correct += float((logits.argmax(axis=1) == y[index]).sum())
            seen += len(index)
            loss_mean, acc_mean = loss_sum / seen, correct / seen
            if on_progress is not None:
                on_progress(TrainProgress(epoch, config.epochs, step, steps, loss_mean, acc_mean,
                                          time.perf_counter() - start))
        held = accuracy(net, *held_out) if held_out is not None else None
        report = TrainProgress(epoch, config.epochs, step, steps, loss_mean, acc_mean,
                               time.perf_counter() - start, True, held)
        history.append(report)
        if on_progress is not None:
            on_progress(report)
    return TrainResult(config.epochs, time.perf_counter() - start, loss_mean, acc_mean, held, tuple(history))
