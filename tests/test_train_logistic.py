"""The numpy logistic regression: it reaches the optimum, weighs classes evenly, and gives one answer per data."""

from __future__ import annotations

import numpy as np
import pytest

from playground.core.train.logistic import balanced_weights, fit_logistic, stratified_split


def blobs(n_per_class: tuple[int, ...], seed: int = 0, spread: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian clouds around three corners of a square in 5 dimensions."""
    rng = np.random.default_rng(seed)
    centres = np.array([[2, 0, 0, 0, 0], [0, 2, 0, 0, 0], [-2, -2, 0, 0, 0]], np.float64)
    x = np.vstack([centres[c] + spread * rng.standard_normal((n, 5)) for c, n in enumerate(n_per_class)])
    y = np.concatenate([np.full(n, c) for c, n in enumerate(n_per_class)])
    return x, y


def objective_gradient(x: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray, c: float) -> np.ndarray:
    """The gradient of C·Σ wᵢ CE + ½‖W‖², written out independently of the solver."""
    z = x @ w + b
    p = np.exp(z - z.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    r = balanced_weights(y, 3)[:, None] * (p - np.eye(3)[y])
    return np.vstack([c * x.T @ r + w, c * r.sum(0)])


def test_the_answer_is_the_optimum_of_the_objective() -> None:
    x, y = blobs((60, 40, 20), spread=1.5)
    head = fit_logistic(x, y, 3, c=4.0)
    grad = objective_gradient(x, y, head.weights.astype(np.float64), head.bias.astype(np.float64), 4.0)
    assert np.abs(grad[:-1]).max() < 1e-3  # float32 storage of the answer limits how close it can be
    assert head.iterations <= 20 and head.gradient_norm < 1e-6


def test_balanced_weights_give_each_class_the_same_total() -> None:
    y = np.array([0] * 10 + [1] * 30 + [2] * 60)
    w = balanced_weights(y, 3)
    assert [round(w[y == c].sum(), 9) for c in range(3)] == [round(100 / 3, 9)] * 3


def test_balancing_lets_a_rare_class_be_found() -> None:
    x, y = blobs((400, 400, 25), spread=1.8)
    head = fit_logistic(x, y, 3, c=1.0)
    found = (head.predict(x[y == 2]) == 2).mean()
    assert found > 0.8  # unweighted, a class of 3 % of the rows is mostly swallowed by its neighbours


def test_the_same_data_in_another_order_give_the_same_head() -> None:
    x, y = blobs((50, 50, 50))
    order = np.random.default_rng(1).permutation(len(y))
    a, b = fit_logistic(x, y, 3), fit_logistic(x[order], y[order], 3)
    assert np.allclose(a.weights, b.weights, atol=1e-5) and np.allclose(a.bias - a.bias.mean(),
                                                                        b.bias - b.bias.mean(), atol=1e-5)


def test_a_stronger_penalty_gives_smaller_weights() -> None:
    x, y = blobs((50, 50, 50))
    assert np.abs(fit_logistic(x, y, 3, c=0.01).weights).sum() < np.abs(fit_logistic(x, y, 3, c=10).weights).sum()


@pytest.mark.parametrize("labels, problem", [(np.array([0, 1, 1, 0]), "no training rows for class 2"),
                                             (np.array([0, 1, 3, 2]), "labels must lie in 0..2")])
def test_bad_labels_are_refused_plainly(labels: np.ndarray, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        fit_logistic(np.zeros((4, 2)), labels, 3)


def test_a_stratified_split_takes_the_share_of_every_class_and_repeats_for_a_seed() -> None:
    y = np.array([0] * 100 + [1] * 40 + [2] * 20)
    mask = stratified_split(y, 0.15, seed=0)
    assert [int(mask[y == c].sum()) for c in range(3)] == [15, 6, 3]
    assert np.array_equal(mask, stratified_split(y, 0.15, seed=0))
    assert not np.array_equal(mask, stratified_split(y, 0.15, seed=1))
