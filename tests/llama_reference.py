"""A plain numpy llama forward pass over the GGUF's dequantised weights: the teacher the ONNX graph is checked against.

Written from the model maths of MODELS.md §2.3.3 (RMSNorm, half-split rotary, grouped key/value heads,
SiLU gated feed-forward, tied head), in float32 with every weight dequantised exactly as stored.
"""

from __future__ import annotations

import numpy as np

from playground.zoo.gguf_llama import LlamaGGUF


class ReferenceLlama:
    def __init__(self, gguf: LlamaGGUF) -> None:
        self.cfg = cfg = gguf.config
        self.embed = gguf.q8("token_embd.weight").dequantise()
        self.layers = []
        for i in range(cfg.layers):
            p = f"blk.{i}"
            self.layers.append({name: gguf.q4(f"{p}.{name}.weight").dequantise()
                                for name in ("attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up",
                                             "ffn_down")}
                               | {"attn_norm": gguf.norm(f"{p}.attn_norm.weight"),
                                  "ffn_norm": gguf.norm(f"{p}.ffn_norm.weight")})
        self.out_norm = gguf.norm("output_norm.weight")

    def _norm(self, x: np.ndarray, w: np.ndarray) -> np.ndarray:
        return x / np.sqrt((x * x).mean(-1, keepdims=True) + np.float32(self.cfg.eps)) * w

    def _rope(self, x: np.ndarray, positions: np.ndarray) -> np.ndarray:
        hd = self.cfg.head_dim
        inv = 1.0 / self.cfg.rope_base ** (np.arange(0, hd, 2) / hd)
        ang = positions[:, None] * inv[None, :]
        # The tables in float64, then float32 like the weights: a float64 table would turn every matmul
        # after it into float64 and copy each weight matrix on the way.
        cos = np.cos(np.concatenate([ang, ang], -1)).astype(np.float32)
        sin = np.sin(np.concatenate([ang, ang], -1)).astype(np.float32)
        rot = np.concatenate([-x[..., hd // 2:], x[..., :hd // 2]], -1)
        return x * cos + rot * sin

    def logits(self, ids: list[int]) -> np.ndarray:
        """Logits [len(ids), vocab] of a whole sequence, every position (no cache)."""
        cfg = self.cfg
        n, hd = len(ids), cfg.head_dim
        pos = np.arange(n, dtype=np.float64)  # angles in float64, as the graph's tables are built
        x = self.embed[np.asarray(ids)]
        mask = np.triu(np.full((n, n), -np.inf, np.float32), 1)
        for w in self.layers:
            h = self._norm(x, w["attn_norm"])
            q = self._rope((h @ w["attn_q"].T).reshape(n, cfg.heads, hd).transpose(1, 0, 2), pos)
            k = self._rope((h @ w["attn_k"].T).reshape(n, cfg.kv_heads, hd).transpose(1, 0, 2), pos)
            v = (h @ w["attn_v"].T).reshape(n, cfg.kv_heads, hd).transpose(1, 0, 2)
            group = cfg.heads // cfg.kv_heads
            k, v = np.repeat(k, group, 0), np.repeat(v, group, 0)
            s = q @ k.transpose(0, 2, 1) / np.sqrt(hd) + mask
            s = np.exp(s - s.max(-1, keepdims=True))
            ctx = (s / s.sum(-1, keepdims=True)) @ v
            x = x + ctx.transpose(1, 0, 2).reshape(n, -1) @ w["attn_output"].T
            h = self._norm(x, w["ffn_norm"])
            gate = h @ w["ffn_gate"].T
            x = x + ((gate / (1 + np.exp(-gate))) * (h @ w["ffn_up"].T)) @ w["ffn_down"].T
        return self._norm(x, self.out_norm) @ self.embed.T
