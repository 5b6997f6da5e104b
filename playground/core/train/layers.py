"""Numpy layers for small image classifiers: forward, backward and parameters, channels-last (N, H, W, C).

Channels-last keeps every 3×3 convolution one matrix product: the nine shifted copies of the input sit
side by side in memory (im2col), so the product comes out already in (N, H, W, C_out) order with no
transpose. The ONNX exporter maps the same weights onto the channels-first operators.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

F32 = np.float32


@dataclass(eq=False)
class Param:
    """A trainable array and its gradient from the last backward pass."""

    name: str
    value: np.ndarray
    grad: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.grad = np.zeros_like(self.value)


class Layer:
    """Base: forward caches what backward needs; backward returns d(loss)/d(input)."""

    params: tuple[Param, ...] = ()

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        raise NotImplementedError

    def backward(self, grad: np.ndarray) -> np.ndarray:
        raise NotImplementedError


class Conv3x3(Layer):
    """3×3 convolution, stride 1, zero padding 1 (the size stays). Weight rows are ordered (ky, kx, c_in).

    He initialisation (std √(2 / fan-in)) keeps activations from shrinking or blowing up through ReLUs.
    """

    def __init__(self, c_in: int, c_out: int, rng: np.random.Generator, name: str = "conv") -> None:
        self.c_in, self.c_out = c_in, c_out
        std = math.sqrt(2.0 / (9 * c_in))
        self.w = Param(f"{name}.weight", (rng.standard_normal((9 * c_in, c_out)) * std).astype(F32))
        self.b = Param(f"{name}.bias", np.zeros(c_out, F32))
        self.params = (self.w, self.b)
        self.needs_input_grad = True  # the first layer's input is the image: skipping its gradient saves time
        self._cols: np.ndarray | None = None
        self._shape: tuple[int, ...] = ()

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        n, h, w, c = x.shape
        padded = np.zeros((n, h + 2, w + 2, c), F32)
        padded[:, 1:-1, 1:-1] = x
        shifted = np.empty((n, h, w, 3, 3, c), F32)
        for ky in range(3):
            for kx in range(3):
                shifted[:, :, :, ky, kx] = padded[:, ky:ky + h, kx:kx + w]
        cols = shifted.reshape(n * h * w, 9 * c)
        if train:
            self._cols, self._shape = cols, x.shape
        out = cols @ self.w.value
        out += self.b.value
        return out.reshape(n, h, w, self.c_out)

    def backward(self, grad: np.ndarray) -> np.ndarray:
        n, h, w, c = self._shape
        assert self._cols is not None, "backward follows a forward with train=True"
        g = grad.reshape(-1, self.c_out)
        self.w.grad[...] = self._cols.T @ g
        self.b.grad[...] = g.sum(axis=0)
        self._cols = None
        if not self.needs_input_grad:
            return grad
        dcols = (g @ self.w.value.T).reshape(n, h, w, 3, 3, c)
        dpadded = np.zeros((n, h + 2, w + 2, c), F32)
        for ky in range(3):
            for kx in range(3):
                dpadded[:, ky:ky + h, kx:kx + w] += dcols[:, :, :, ky, kx]
        return dpadded[:, 1:-1, 1:-1]

    def onnx_weight(self) -> np.ndarray:
        """The weight as ONNX Conv wants it: (c_out, c_in, 3, 3)."""
        return np.ascontiguousarray(self.w.value.reshape(3, 3, self.c_in, self.c_out).transpose(3, 2, 0, 1))


class ReLU(Layer):
    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        out = np.maximum(x, 0, dtype=F32)
        if train:
            self._mask = out > 0
        return out

    def backward(self, grad: np.ndarray) -> np.ndarray:
        return grad * self._mask


class MaxPool2(Layer):
    """2×2 max pooling, stride 2; an odd last row/column is dropped (as ONNX MaxPool does without padding).

    The four corners of every 2×2 block are compared as four strided views: numpy's max over two
    non-adjacent axes of a reshaped array is several times slower.
    """

    _CORNERS = ((0, 0), (0, 1), (1, 0), (1, 1))
    _x: np.ndarray | None  # the last training forward's input and output, until backward
    _out: np.ndarray | None

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        h2, w2 = x.shape[1] // 2, x.shape[2] // 2
        views = [x[:, dy:2 * h2:2, dx:2 * w2:2] for dy, dx in self._CORNERS]
        out = np.maximum(np.maximum(views[0], views[1]), np.maximum(views[2], views[3]))
        if train:
            self._x, self._out = x, out
        return out

    def backward(self, grad: np.ndarray) -> np.ndarray:
        x, out = self._x, self._out
        assert x is not None and out is not None, "backward follows a forward with train=True"
        h2, w2 = out.shape[1], out.shape[2]
        dx = np.zeros_like(x)
        taken = np.zeros(out.shape, bool)
        for dy, dxx in self._CORNERS:
            # Only the first corner holding the maximum gets the gradient, as in the usual frameworks.
            hit = (x[:, dy:2 * h2:2, dxx:2 * w2:2] == out) & ~taken
            taken |= hit
            dx[:, dy:2 * h2:2, dxx:2 * w2:2] = grad * hit
        self._x = self._out = None
        return dx


class GlobalAvgPool(Layer):
    """Mean over height and width: (N, H, W, C) -> (N, C)."""

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        self._shape = x.shape
        return x.mean(axis=(1, 2), dtype=F32)

    def backward(self, grad: np.ndarray) -> np.ndarray:
        n, h, w, c = self._shape
        return np.broadcast_to((grad / (h * w))[:, None, None, :], self._shape).astype(F32)


class Flatten(Layer):
    """(N, H, W, C) -> (N, H·W·C) in channels-last order; the exporter reorders the next Linear for ONNX."""

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        self._shape = x.shape
        return x.reshape(x.shape[0], -1)

    def backward(self, grad: np.ndarray) -> np.ndarray:
        return grad.reshape(self._shape)


class Linear(Layer):
    def __init__(self, n_in: int, n_out: int, rng: np.random.Generator, name: str = "fc") -> None:
        bound = 1.0 / math.sqrt(n_in)
        self.w = Param(f"{name}.weight", rng.uniform(-bound, bound, (n_in, n_out)).astype(F32))
        self.b = Param(f"{name}.bias", np.zeros(n_out, F32))
        self.params = (self.w, self.b)

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        if train:
            self._x = x
        return x @ self.w.value + self.b.value

    def backward(self, grad: np.ndarray) -> np.ndarray:
        self.w.grad[...] = self._x.T @ grad
        self.b.grad[...] = grad.sum(axis=0)
        return grad @ self.w.value.T


class Sequential:
    """Layers run in order; `params` lists every trainable array once."""

    def __init__(self, layers: list[Layer]) -> None:
        self.layers = layers
        if layers and isinstance(layers[0], Conv3x3):
            layers[0].needs_input_grad = False
        self.params: tuple[Param, ...] = tuple(p for layer in layers for p in layer.params)

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        for layer in self.layers:
            x = layer.forward(x, train)
        return x

    def backward(self, grad: np.ndarray) -> None:
        for layer in reversed(self.layers):
            grad = layer.backward(grad)

    def predict(self, x: np.ndarray, batch: int = 500) -> np.ndarray:
        """Logits for many inputs, a batch at a time so memory stays small."""
        return np.concatenate([self.forward(x[i:i + batch]) for i in range(0, len(x), batch)])

    @property
    def parameter_count(self) -> int:
        return sum(p.value.size for p in self.params)


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def softmax_cross_entropy(logits: np.ndarray, labels: np.ndarray,
                          smoothing: float = 0.0) -> tuple[float, np.ndarray]:
    """Mean cross-entropy and its gradient w.r.t. the logits. Label smoothing spreads `smoothing` evenly."""
    n, k = logits.shape
    probs = softmax(logits.astype(np.float64))
    target = np.full((n, k), smoothing / k)
    target[np.arange(n), labels] += 1.0 - smoothing
    loss = float(-(target * np.log(probs + 1e-12)).sum() / n)
    return loss, ((probs - target) / n).astype(F32)


class Adam:
    """Adam with bias correction and optional decoupled weight decay (AdamW) on weights, not biases."""

    def __init__(self, params: tuple[Param, ...], lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 0.0) -> None:
        self.params, self.lr, self.eps, self.weight_decay = params, lr, eps, weight_decay
        self.b1, self.b2 = betas
        self.m = [np.zeros_like(p.value) for p in params]
        self.v = [np.zeros_like(p.value) for p in params]
        self.t = 0

    def step(self, lr: float | None = None) -> None:
        self.t += 1
        lr = self.lr if lr is None else lr
        c1, c2 = 1 - self.b1 ** self.t, 1 - self.b2 ** self.t
        for p, m, v in zip(self.params, self.m, self.v):
            m *= self.b1
            m += (1 - self.b1) * p.grad
            v *= self.b2
            v += (1 - self.b2) * p.grad * p.grad
            if self.weight_decay and p.value.ndim > 1:
                p.value -= lr * self.weight_decay * p.value
            p.value -= (lr / c1) * m / (np.sqrt(v / c2) + self.eps)
