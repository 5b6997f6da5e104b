"""Multinomial logistic regression in numpy: L2 penalty, balanced class weights, solved by Newton's method.

The objective is scikit-learn's for LogisticRegression(C, class_weight="balanced"):
    C · Σᵢ wᵢ · cross-entropy(xᵢ·W + b, yᵢ) + ½‖W‖²,   wᵢ = n / (k · n_{yᵢ}),
with the bias not penalised. It is convex, so there is one answer whatever the start; Newton's method
reaches it in about ten steps for a head of a few hundred inputs (the Hessian is (d+1)·k square: 1,155
for 384 inputs and 3 classes), with no learning rate to tune and no randomness, so the same data give
the same head on the same machine. The bias gets a tiny penalty (1e-8) only so the Hessian is
invertible: adding one number to every class's bias changes no probability.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_BIAS_PENALTY = 1e-8
_ARMIJO = 1e-4  # a step must lower the objective by at least this share of what the slope promises


@dataclass(frozen=True, eq=False)
class LinearHead:
    """logits = x · weights + bias; weights [inputs, classes], bias [classes], both float32."""

    weights: np.ndarray
    bias: np.ndarray
    iterations: int
    gradient_norm: float  # of the objective at the answer: near 0 when Newton's method converged

    def logits(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(x, np.float32) @ self.weights + self.bias

    def predict(self, x: np.ndarray) -> np.ndarray:
        return self.logits(x).argmax(axis=1)


def balanced_weights(labels: np.ndarray, classes: int) -> np.ndarray:
    """Each row's weight n / (classes · rows of its class): every class then counts as much in total."""
    counts = np.bincount(labels, minlength=classes).astype(np.float64)
    if counts.min() == 0:
        missing = [c for c in range(classes) if counts[c] == 0]
        raise ValueError(f"no training rows for class {', '.join(map(str, missing))}")
    return (len(labels) / (classes * counts))[labels]


def _probabilities(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _objective(xb: np.ndarray, w: np.ndarray, onehot: np.ndarray, sw: np.ndarray, c: float,
               penalty: np.ndarray) -> float:
    z = xb @ w
    z = z - z.max(axis=1, keepdims=True)
    cross_entropy = np.log(np.exp(z).sum(axis=1)) - (z * onehot).sum(axis=1)
    return c * float(sw @ cross_entropy) + 0.5 * float((penalty[:, None] * w * w).sum())


def _hessian(xb: np.ndarray, p: np.ndarray, sw: np.ndarray, c: float, penalty: np.ndarray) -> np.ndarray:
    """Blocks [a, b] = C · Xᵀ diag(wᵢ pᵢₐ (δₐᵦ − pᵢᵦ)) X, plus the penalty on the diagonal; unknowns are
    ordered class by class (all of class 0's weights and bias, then class 1's ...)."""
    d, k = xb.shape[1], p.shape[1]
    h = np.zeros((d * k, d * k))
    for a in range(k):
        for b in range(a, k):
            scale = c * sw * p[:, a] * (float(a == b) - p[:, b])
            block = (xb * scale[:, None]).T @ xb
            h[a * d:(a + 1) * d, b * d:(b + 1) * d] = block
            h[b * d:(b + 1) * d, a * d:(a + 1) * d] = block.T
        h[a * d:(a + 1) * d, a * d:(a + 1) * d] += np.diag(penalty)
    return h


def fit_logistic(x: np.ndarray, labels: np.ndarray, classes: int, c: float = 4.0, max_steps: int = 50,
                 tolerance: float = 1e-6) -> LinearHead:
    """The head that minimises the objective above for rows x [n, d] and labels 0..classes-1.

    Stops when the gradient's largest entry is below `tolerance` times the objective's scale, or after
    max_steps Newton steps (each halved until it lowers the objective).
    """
    x = np.asarray(x, np.float64)
    labels = np.asarray(labels, np.int64)
    if x.ndim != 2 or len(x) != len(labels) or not len(x):
        raise ValueError(f"need rows [n, d] and n labels, not {x.shape} and {labels.shape}")
    if labels.min() < 0 or labels.max() >= classes:
        raise ValueError(f"labels must lie in 0..{classes - 1}")
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    onehot = np.eye(classes)[labels]
    sw = balanced_weights(labels, classes)
    penalty = np.full(d + 1, 1.0)
    penalty[-1] = _BIAS_PENALTY
    w = np.zeros((d + 1, classes))
    value = _objective(xb, w, onehot, sw, c, penalty)
    scale = c * float(sw.sum())  # the size of the gradient at the start: the tolerance is relative to it
    steps, grad_max = 0, np.inf
    for steps in range(1, max_steps + 1):
        p = _probabilities(xb @ w)
        grad = c * xb.T @ (sw[:, None] * (p - onehot)) + penalty[:, None] * w
        grad_max = float(np.abs(grad).max())
        if grad_max < tolerance * scale:
            steps -= 1
            break
        flat = grad.T.reshape(-1)
        step = np.linalg.solve(_hessian(xb, p, sw, c, penalty), flat).reshape(classes, d + 1).T
        t, promised = 1.0, float(flat @ step.T.reshape(-1))
        while t > 1e-10:
            trial = _objective(xb, w - t * step, onehot, sw, c, penalty)
            if trial <= value - _ARMIJO * t * promised:
                break
            t *= 0.5
        w, value = w - t * step, trial
    return LinearHead(w[:-1].astype(np.float32), w[-1].astype(np.float32), steps, grad_max / scale)


def stratified_split(labels: np.ndarray, fraction: float, seed: int) -> np.ndarray:
    """A boolean mask choosing `fraction` of each class's rows (rounded) at random, the same for one seed."""
    rng = np.random.default_rng(seed)
    chosen = np.zeros(len(labels), bool)
    for c in np.unique(labels):
        rows = np.flatnonzero(labels == c)
        chosen[rng.permutation(rows)[:round(len(rows) * fraction)]] = True
    return chosen
