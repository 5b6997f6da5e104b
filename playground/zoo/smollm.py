"""SmolLM2-135M-Instruct from its Q4_1 GGUF to one ONNX decoder with a key/value cache (MODELS.md §2.3.3).

The 4-bit weights stay 4-bit: each linear layer is onnxruntime's MatMulNBits over the file's own codes
and scales. MatMulNBits computes Σ d·(q − 8)·x; Q4_1 means w = d·q + m = d·(q − 8) + (8d + m), so the
exact rest is added as BlockSum(x)·(8d + m), where BlockSum sums x over each block of 32 inputs. That
keeps the kernel on its fast path with no zero points (MatMulNBits also takes float zero points, which
would hold −m/d exactly, but onnxruntime 1.31 then runs a slow general path: 23× slower, measured here
on a 576 × 1536 layer). The query, key and value projections are one
MatMulNBits (their rows stacked), as are the gate and up projections.

The int8 variant keeps the same 4-bit weights and offsets but has MatMulNBits round the activations to
8-bit integers per block of 32 (accuracy level 4), as llama.cpp does for its 4-bit dot products: the
processor's 8-bit dot-product instructions then do the sums. Measured here at one thread, decoding
136 instead of 102 tokens a second, with 96.3 % top-1 agreement with the float32 model over MODELS.md's
four prompts × 41 steps (the 4-bit graph: 98.8 %). An earlier int8 build rewrote the weights in 8 bits
with zero points (97.6 %, 117 tokens a second): twice the bytes to read per token, so slower.

Attention is onnxruntime's GroupQueryAttention: rotary positions, the causal mask and the nine query
heads sharing three key/value heads happen in one kernel, which appends to the cache in place when
the caller binds the same buffer as past and present. RMS norms and the residual adds are fused into
SkipSimplifiedLayerNormalization. The tied output head reads the Q8_0 embedding as 8-bit MatMulNBits
with int8 activations (accuracy level 4), and only for the last position; the embedding lookup reads
the same bytes with GatherBlockQuantized.

Inputs: input_ids int64 [1, sequence]; attention_mask int64 [1, total] (ones: its length is the number of
tokens seen, cache and new); past_key_i / past_value_i float32 [1, 3, past, 64] for each of 30 layers.
Outputs: logits float32 [1, 49152] for the last position; present_key_i / present_value_i.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from playground.core.card import ModelCard
from playground.zoo.gguf_llama import BLOCK, LlamaConfig, LlamaGGUF, Q4Block
from playground.zoo.graph import Graph
from playground.zoo.graphinfo import BLOCK_OFFSETS

OPSET, MS_OPSET, IR = 21, 1, 10
MS = "com.microsoft"
ROTARY_POSITIONS = 8192  # the model's own context length; the cos/sin tables are 1 MB each


def pack_q4(block: Q4Block) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """MatMulNBits' B [N, K/32, 16] (element 2j in the low nibble of byte j, 2j + 1 in the high one),
    its scales [N·K/32] and the exact correction C = (8d + m)ᵀ [K/32, N]."""
    c = block.codes
    packed = (c[..., 0::2] | (c[..., 1::2] << 4)).astype(np.uint8)
    return packed, block.d.reshape(-1).astype(np.float32), (8.0 * block.d + block.m).T.astype(np.float32)


def stack(*blocks: Q4Block) -> Q4Block:
    """Several matrices over the same input as one, their rows one after another."""
    return Q4Block(np.concatenate([b.codes for b in blocks]), np.concatenate([b.d for b in blocks]),
                   np.concatenate([b.m for b in blocks]))


class _Builder:
    def __init__(self, cfg: LlamaConfig, int8_activations: bool = False) -> None:
        self.cfg, self.g = cfg, Graph("smollm2_135m_instruct")
        # Accuracy level 0 computes in float32; 4 rounds the activations to int8 per block.
        self.level = 4 if int8_activations else 0

    def op(self, op_type: str, inputs: list[str], name: str = "", **attrs: Any) -> str:
        return self.g.op(op_type, inputs, name=name, **attrs)

    def ms(self, op_type: str, inputs: list[str], name: str, **attrs: Any) -> str:
        """A node of onnxruntime's own operator set (MatMulNBits, GroupQueryAttention ...)."""
        return self.g.op(op_type, inputs, name=name, domain=MS, **attrs)

    def ms_outputs(self, op_type: str, inputs: list[str], name: str, outputs: int, **attrs: Any) -> list[str]:
        return self.g.ops(op_type, inputs, name=name, outputs=outputs, domain=MS, **attrs)

    def linear(self, x: str, block: Q4Block, name: str) -> str:
        """x·Wᵀ for a Q4_1 matrix: 4-bit MatMulNBits plus the exact BlockSum correction."""
        g = self.g
        n, k = block.codes.shape[0], block.codes.shape[1] * BLOCK
        packed, scales, corr = pack_q4(block)
        y = self.ms("MatMulNBits", [x, g.weight(f"{name}.q4", packed), g.weight(f"{name}.scales", scales)],
                    name=f"{name}.matmul", K=k, N=n, bits=4, block_size=BLOCK, accuracy_level=self.level)
        fix = self.op("MatMul", [self.block_sum(x, k, f"{name}_in"), g.weight(name + BLOCK_OFFSETS, corr)],
                      name=f"{name}.offset")
        return self.op("Add", [y, fix], name=f"{name}.out")

    def scalar(self, value: int) -> str:
        """A rank-0 int64 constant (Graph.const gives rank 1, which Gather would keep as an axis)."""
        name = f"scalar_{value}".replace("-", "minus_")
        if not any(init.name == name for init in self.g.inits):
            self.g.inits.append(numpy_helper.from_array(np.array(value, np.int64), name))
        return name

    def block_sum(self, x: str, k: int, name: str) -> str:
        """[1, S, K] → [1, S, K/32]: each block of 32 inputs summed."""
        shaped = self.op("Reshape", [x, self.g.const([0, 0, k // BLOCK, BLOCK])], name=f"{name}.blocks")
        return self.op("ReduceSum", [shaped, self.g.const([-1])], name=f"{name}.blocksum", keepdims=0)


def build_smollm(gguf: LlamaGGUF, int8_activations: bool = False) -> onnx.ModelProto:
    cfg = gguf.config
    b = _Builder(cfg, int8_activations)
    g = b.g
    hd, kv = cfg.head_dim, cfg.kv_heads
    embed = gguf.q8("token_embd.weight")
    # One copy of the embedding bytes serves the lookup and the tied output head (offset by 128: unsigned).
    table = g.weight("token_embd.q8", (embed.codes.astype(np.int16) + 128).astype(np.uint8))  # [V, K/32, 32]
    rows = b.ms("GatherBlockQuantized", [table, "input_ids", g.weight("token_embd.scales", embed.d[..., None]),
                                         g.weight("token_embd.zero", np.full(embed.d.shape + (1,), 128, np.uint8))],
                name="embed", bits=8, block_size=BLOCK, gather_axis=0, quantize_axis=2)  # [1, S, K/32, 32]
    x = b.op("Reshape", [rows, g.const([0, 0, cfg.width])], name="embed.rows")

    total = b.op("Cast", [b.op("Gather", [b.op("Shape", ["attention_mask"]), b.scalar(1)])], to=TensorProto.INT32,
                 name="total_sequence_length")
    seen = b.op("ReduceSum", ["attention_mask", g.const([1])], keepdims=0, name="tokens_seen")
    seqlens = b.op("Cast", [b.op("Sub", [seen, g.const(1)])], to=TensorProto.INT32, name="seqlens_k")
    inv = 1.0 / cfg.rope_base ** (np.arange(0, hd, 2, dtype=np.float64) / hd)
    angles = np.arange(ROTARY_POSITIONS, dtype=np.float64)[:, None] * inv[None, :]
    cos, sin = g.weight("rope.cos", np.cos(angles).astype(np.float32)), g.weight("rope.sin", np.sin(angles).astype(np.float32))

    h = b.op("SimplifiedLayerNormalization", [x, g.weight("blk.0.attn_norm.weight", gguf.norm("blk.0.attn_norm.weight"))],
             name="blk.0.attn_norm", axis=-1, epsilon=cfg.eps)
    residual = x
    for i in range(cfg.layers):
        p = f"blk.{i}"
        qkv = b.linear(h, stack(gguf.q4(f"{p}.attn_q.weight"), gguf.q4(f"{p}.attn_k.weight"),
                                gguf.q4(f"{p}.attn_v.weight")), f"{p}.qkv")
        q, k, v = b.g.ops("Split", [qkv, g.const([cfg.heads * hd, kv * hd, kv * hd])], name=f"{p}.split",
                          outputs=3, axis=-1)
        attn, pk, pv = b.ms_outputs("GroupQueryAttention", [q, k, v, f"past_key_{i}", f"past_value_{i}", seqlens, total,
                                                    cos, sin], name=f"{p}.attention", outputs=3,
                            num_heads=cfg.heads, kv_num_heads=kv, do_rotary=1, rotary_interleaved=0,
                            scale=float(1.0 / np.sqrt(hd)))
        _rename(g, pk, f"present_key_{i}")
        _rename(g, pv, f"present_value_{i}")
        o = b.linear(attn, gguf.q4(f"{p}.attn_output.weight"), f"{p}.attn_out")
        h, _, _, residual = b.ms_outputs("SkipSimplifiedLayerNormalization",
                                 [o, residual, g.weight(f"{p}.ffn_norm.weight", gguf.norm(f"{p}.ffn_norm.weight"))],
                                 name=f"{p}.ffn_norm", outputs=4, epsilon=cfg.eps)
        gate_up = b.linear(h, stack(gguf.q4(f"{p}.ffn_gate.weight"), gguf.q4(f"{p}.ffn_up.weight")), f"{p}.gate_up")
        gate, up = b.g.ops("Split", [gate_up, g.const([cfg.ffn, cfg.ffn])], name=f"{p}.gate_up.split", axis=-1)
        act = b.op("Mul", [b.op("Mul", [gate, b.op("Sigmoid", [gate])], name=f"{p}.silu"), up], name=f"{p}.act")
        down = b.linear(act, gguf.q4(f"{p}.ffn_down.weight"), f"{p}.down")
        nxt = f"blk.{i + 1}.attn_norm" if i + 1 < cfg.layers else "output_norm"
        if i + 1 < cfg.layers:
            h, _, _, residual = b.ms_outputs("SkipSimplifiedLayerNormalization",
                                     [down, residual, g.weight(f"{nxt}.weight", gguf.norm(f"{nxt}.weight"))],
                                     name=nxt, outputs=4, epsilon=cfg.eps)
        else:  # only the last position is read out: the 49k-wide head runs on one row
            last = b.op("Gather", [b.op("Add", [down, residual], name="final.residual"), b.scalar(-1)],
                        name="final.last", axis=1)  # [1, width]
            h = b.op("SimplifiedLayerNormalization", [last, g.weight(f"{nxt}.weight", gguf.norm(f"{nxt}.weight"))],
                     name=nxt, axis=-1, epsilon=cfg.eps)
    head_scales = g.weight("lm_head.scales", embed.d.reshape(-1))
    b.ms("MatMulNBits", [h, table, head_scales], name="logits", K=cfg.width, N=cfg.vocab, bits=8,
         block_size=BLOCK, accuracy_level=4)
    return _model(g, cfg)


def _rename(g: Graph, produced: str, name: str) -> str:
    """Give a node output its graph-output name (the builder makes up names)."""
    for node in g.nodes:
        for j, out in enumerate(node.output):
            if out == produced:
                node.output[j] = name
    return name


def _model(g: Graph, cfg: LlamaConfig) -> onnx.ModelProto:
    cache: list[int | str] = [1, cfg.kv_heads, "past", cfg.head_dim]
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, [1, "sequence"]),
              helper.make_tensor_value_info("attention_mask", TensorProto.INT64, [1, "total"])]
    # All keys, then all values: the card declares each run of 30 as one repeated entry.
    inputs += [helper.make_tensor_value_info(f"past_{kind}_{i}", TensorProto.FLOAT, cache)
               for kind in ("key", "value") for i in range(cfg.layers)]
    outputs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, cfg.vocab])]
    outputs += [helper.make_tensor_value_info(f"present_{kind}_{i}", TensorProto.FLOAT,
                                              [1, cfg.kv_heads, "present", cfg.head_dim])
                for kind in ("key", "value") for i in range(cfg.layers)]
    graph = helper.make_graph(g.nodes, g.name, inputs, outputs, g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid(MS, MS_OPSET)],
                              ir_version=IR, producer_name="inference-playground")
    helper.set_model_props(model, {"eos_token": "<|im_end|>"})
    return model


def _recipe(members: Mapping[str, Path], out_dir: Path, card: ModelCard, int8_activations: bool) -> dict[str, object]:
    from playground.zoo.graphinfo import parameter_count

    gguf = LlamaGGUF(members["model"])
    (out_dir / card.file("tokenizer").path).write_text(gguf.tokenizer_json(), encoding="utf-8")
    model = build_smollm(gguf, int8_activations)
    count = parameter_count(model)
    # The weights go to a file of their own beside the graph, the same bytes for both builds (they differ only
    # in how the products are computed): a fetch links the second to the first (zoo/share.py), so the 118 MB
    # are on disk once. The graph names the file; onnxruntime reads it from the graph's own folder.
    graph, weights = out_dir / card.file("main").path, out_dir / card.file("weights").path
    onnx.save_model(model, str(graph), save_as_external_data=True, all_tensors_to_one_file=True,
                    location=weights.name, size_threshold=1024)
    # onnx writes the weights file readable by its owner only; it gets the graph's mode (the umask's), so an
    # install another user runs from can read it.
    weights.chmod(graph.stat().st_mode & 0o777)
    return {"parameters": count}


def smollm_from_gguf(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> dict[str, object]:
    """Recipe: the decoder graph with the file's own 4-bit weights, and tokenizer.json, from `model` (the GGUF)."""
    return _recipe(members, out_dir, card, int8_activations=False)


def smollm_int8_from_gguf(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> dict[str, object]:
    """Recipe: the same graph with its activations read in 8 bits by the 4-bit matrix products, for speed."""
    return _recipe(members, out_dir, card, int8_activations=True)
