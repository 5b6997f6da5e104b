"""Reading a llama-family GGUF: its settings, its Q4_1 / Q8_0 weight blocks as numpy codes and scales, its tokenizer.

The weights stay quantised: a Q4_1 block of 32 weights is (d, m, 32 four-bit codes) with w = d·q + m,
a Q8_0 block is (d, 32 signed bytes) with w = d·q (MODELS.md §2.3.3). Rows come out in the order
Hugging Face's llama uses: llama.cpp's converter interleaved the two halves of every query and key
head for its rotary layout, and that is undone here on whole rows, codes and scales alike.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from playground.core.errors import FetchError
from playground.core.words import translate

BLOCK = 32  # weights per quantisation block, for both Q4_1 and Q8_0


@dataclass(frozen=True)
class LlamaConfig:
    layers: int
    width: int
    ffn: int
    heads: int
    kv_heads: int
    head_dim: int
    rope_base: float
    eps: float
    vocab: int
    context: int


@dataclass(frozen=True, eq=False)
class Q4Block:
    """A Q4_1 matrix of N output rows over K inputs: codes uint8 [N, K/32, 32] in 0..15, d and m float32 [N, K/32]."""

    codes: np.ndarray
    d: np.ndarray
    m: np.ndarray

    def dequantise(self) -> np.ndarray:
        """The float32 matrix [N, K] (for checks; the graph keeps the codes)."""
        w = self.codes.astype(np.float32) * self.d[..., None] + self.m[..., None]
        return w.reshape(w.shape[0], -1)


@dataclass(frozen=True, eq=False)
class Q8Block:
    """A Q8_0 matrix: codes int8 [N, K/32, 32], d float32 [N, K/32]."""

    codes: np.ndarray
    d: np.ndarray

    def dequantise(self) -> np.ndarray:
        w = self.codes.astype(np.float32) * self.d[..., None]
        return w.reshape(w.shape[0], -1)


class LlamaGGUF:
    """One GGUF file opened for reading (memory-mapped by the gguf package; nothing is loaded until asked)."""

    def __init__(self, path: Path) -> None:
        from gguf import GGUFReader

        try:
            self._reader = GGUFReader(str(path))
        except (ValueError, OSError, KeyError, IndexError) as exc:
            raise FetchError(translate("Build", "{file} is not a readable GGUF file ({reason}); fetch the model again.")
                             .format(file=path.name, reason=exc)) from None
        self.path = path
        self._tensors = {t.name: t for t in self._reader.tensors}
        if self.field("general.architecture") != "llama":
            raise FetchError(translate("Build", "{file} holds a '{kind}' model, not a llama one.").format(
                file=path.name, kind=self.field("general.architecture")))
        self.config = self._config()

    def field(self, key: str) -> Any:
        f = self._reader.fields.get(key)
        if f is None:
            raise FetchError(translate("Build", "{file} lacks the setting '{key}'; fetch the model again.").format(
                file=self.path.name, key=key))
        return f.contents()

    def _config(self) -> LlamaConfig:
        a = "llama."
        width, heads = int(self.field(a + "embedding_length")), int(self.field(a + "attention.head_count"))
        return LlamaConfig(layers=int(self.field(a + "block_count")), width=width,
                           ffn=int(self.field(a + "feed_forward_length")), heads=heads,
                           kv_heads=int(self.field(a + "attention.head_count_kv")),
                           head_dim=int(self.field(a + "rope.dimension_count")),
                           rope_base=float(self.field(a + "rope.freq_base")),
                           eps=float(self.field(a + "attention.layer_norm_rms_epsilon")),
                           vocab=int(self.field(a + "vocab_size")), context=int(self.field(a + "context_length")))

    def _raw(self, name: str, kind: str) -> np.ndarray:
        t = self._tensors.get(name)
        if t is None:
            raise FetchError(translate("Build", "{file} has no tensor '{tensor}'; fetch the model again.").format(
                file=self.path.name, tensor=name))
        if t.tensor_type.name != kind:
            raise FetchError(translate("Build", "{file}: '{tensor}' is stored as {stored}, expected "
                                                "{expected}.").format(
                file=self.path.name, tensor=name, stored=t.tensor_type.name, expected=kind))
        return np.asarray(t.data)

    def norm(self, name: str) -> np.ndarray:
        return self._raw(name, "F32").astype(np.float32).reshape(-1)

    def q4(self, name: str) -> Q4Block:
        raw = self._raw(name, "Q4_1")
        blocks = raw.reshape(raw.shape[0], -1, 20)  # per block: fp16 d, fp16 m, 16 bytes of nibbles
        d = blocks[..., 0:2].copy().view(np.float16)[..., 0].astype(np.float32)
        m = blocks[..., 2:4].copy().view(np.float16)[..., 0].astype(np.float32)
        qs = blocks[..., 4:20]
        # Element j is the low nibble of byte j, element j + 16 its high nibble.
        codes = np.concatenate([qs & 0x0F, qs >> 4], axis=-1)
        block = Q4Block(codes, d, m)
        return _unpermute(block, name, self.config)

    def q8(self, name: str) -> Q8Block:
        raw = self._raw(name, "Q8_0")
        blocks = raw.reshape(raw.shape[0], -1, 34)  # fp16 d, then 32 signed bytes
        d = blocks[..., 0:2].copy().view(np.float16)[..., 0].astype(np.float32)
        return Q8Block(blocks[..., 2:34].copy().view(np.int8), d)

    def tokenizer_json(self) -> str:
        """A tokenizers-library JSON for the file's own byte-level BPE vocabulary, merges and special tokens."""
        tokens = [str(t) for t in self.field("tokenizer.ggml.tokens")]
        merges = [str(m) for m in self.field("tokenizer.ggml.merges")]
        kinds = [int(k) for k in self.field("tokenizer.ggml.token_type")]
        if self.field("tokenizer.ggml.model") != "gpt2":
            raise FetchError(translate("Build", "{file} uses a '{kind}' tokenizer, not byte-level BPE.").format(
                file=self.path.name, kind=self.field("tokenizer.ggml.model")))
        return build_tokenizer_json(tokens, merges, kinds)


CONTROL = 3  # gguf token_type of control tokens (<|im_start|> ...): never split, dropped when decoding


def build_tokenizer_json(tokens: list[str], merges: list[str], kinds: list[int]) -> str:
    """GPT-2 style byte-level BPE: no normaliser, the GPT-2 split pattern, no prefix space, no BOS added."""
    specials = [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                 "normalized": False, "special": True} for i, (t, k) in enumerate(zip(tokens, kinds)) if k == CONTROL]
    spec = {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": specials, "normalizer": None,
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "post_processor": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": False, "use_regex": True},
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                  "vocab": {t: i for i, t in enumerate(tokens)},
                  "merges": [m.split(" ", 1) for m in merges]},
    }
    return json.dumps(spec, ensure_ascii=False, separators=(",", ":"))


def _unpermute(block: Q4Block, name: str, cfg: LlamaConfig) -> Q4Block:
    """Undo llama.cpp's rotary row order for attn_q / attn_k: HF row (h, a, b) = GGUF row h·hd + 2b + a."""
    if name.endswith("attn_q.weight"):
        heads = cfg.heads
    elif name.endswith("attn_k.weight"):
        heads = cfg.kv_heads
    else:
        return block
    half = cfg.head_dim // 2
    order = (np.arange(heads)[:, None, None] * cfg.head_dim + 2 * np.arange(half)[None, None, :]
             + np.arange(2)[None, :, None]).reshape(-1)
    return Q4Block(block.codes[order], block.d[order], block.m[order])
