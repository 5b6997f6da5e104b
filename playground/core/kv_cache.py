"""A decoder's key/value cache kept in place: one buffer per layer is bound as both its past and its present.

Fed back as plain arrays, the cache is copied into a new, longer present on every token (46 KB per
token of context for SmolLM2, 60 tensors a step). GroupQueryAttention instead appends the new keys and
values in place when the past and present of a layer are the same buffer, sized for the whole
conversation up front; the attention mask's length tells it how much of the buffer is filled.
"""

from __future__ import annotations

from typing import Any

import numpy as np

PAST, PRESENT = "past_", "present_"


def cache_inputs(session: Any) -> list[Any]:
    """The session's past_* inputs: [1, heads, past, head_dim] float32 each."""
    return [i for i in session.get_inputs() if i.name.startswith(PAST)]


class SharedCache:
    """The bound buffers of one conversation of at most `capacity` tokens, and its logits output."""

    def __init__(self, session: Any, capacity: int) -> None:
        import onnxruntime as ort

        self.capacity = capacity
        self.length = 0  # tokens in the cache
        self.binding = session.io_binding()
        self._buffers = []
        for spec in cache_inputs(session):
            heads, head_dim = int(spec.shape[1]), int(spec.shape[3])
            buffer = ort.OrtValue.ortvalue_from_numpy(np.zeros((1, heads, capacity, head_dim), np.float32))
            self.binding.bind_ortvalue_input(spec.name, buffer)
            self.binding.bind_ortvalue_output(PRESENT + spec.name[len(PAST):], buffer)
            self._buffers.append(buffer)  # the binding does not keep them alive on its own
        vocab = int(session.get_outputs()[0].shape[-1])
        self._logits = ort.OrtValue.ortvalue_from_numpy(np.zeros((1, vocab), np.float32))
        self.binding.bind_ortvalue_output(session.get_outputs()[0].name, self._logits)

    def feed(self, ids: np.ndarray) -> dict[str, np.ndarray]:
        """Bind the next tokens [1, n] and the mask that covers cache and tokens; returns what was bound."""
        total = self.length + ids.shape[1]
        if total > self.capacity:
            raise ValueError(f"the cache holds {self.capacity} tokens, not {total}")
        feeds = {"input_ids": np.ascontiguousarray(ids, dtype=np.int64), "attention_mask": np.ones((1, total), np.int64)}
        for name, value in feeds.items():
            self.binding.bind_cpu_input(name, value)
        return feeds

    def advance(self, n: int) -> np.ndarray:
        """After a run: n more tokens are cached; the logits of the last one (a view, valid until the next run)."""
        self.length += n
        return self._logits.numpy()[0]
