"""GGUF blocks and the 4-bit linear layer: nibble order, row order, and MatMulNBits plus its offset equal x·Wᵀ exactly."""

from __future__ import annotations

import numpy as np
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper
from tokenizers import Tokenizer

from playground.zoo.gguf_llama import LlamaConfig, Q4Block, _unpermute, build_tokenizer_json
from playground.zoo.graphinfo import parameter_count
from playground.zoo.smollm import MS, _Builder, pack_q4

CFG = LlamaConfig(layers=1, width=64, ffn=128, heads=2, kv_heads=1, head_dim=8, rope_base=1e4, eps=1e-5,
                  vocab=10, context=16)


def q4_bytes(d: np.ndarray, m: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Raw Q4_1 rows as llama.cpp writes them: fp16 d, fp16 m, then byte j = code j | code j+16 << 4."""
    n, blocks = d.shape
    out = np.zeros((n, blocks, 20), np.uint8)
    out[..., 0:2] = d.astype(np.float16)[..., None].view(np.uint8)
    out[..., 2:4] = m.astype(np.float16)[..., None].view(np.uint8)
    out[..., 4:20] = codes[..., :16] | (codes[..., 16:] << 4)
    return out.reshape(n, blocks * 20)


def random_block(rng: np.random.Generator, n: int, k: int) -> Q4Block:
    d = rng.uniform(0.01, 0.05, (n, k // 32)).astype(np.float16).astype(np.float32)
    m = rng.uniform(-0.4, 0.0, (n, k // 32)).astype(np.float16).astype(np.float32)
    return Q4Block(rng.integers(0, 16, (n, k // 32, 32)).astype(np.uint8), d, m)


def test_q4_1_rows_decode_low_nibbles_first_then_high(monkeypatch):
    rng = np.random.default_rng(0)
    block = random_block(rng, 3, 64)
    raw = q4_bytes(block.d, block.m, block.codes)

    class FakeTensor:
        name, data = "blk.0.ffn_up.weight", raw
        tensor_type = type("T", (), {"name": "Q4_1"})

    from playground.zoo import gguf_llama

    reader = object.__new__(gguf_llama.LlamaGGUF)
    reader.path, reader._tensors, reader.config = None, {FakeTensor.name: FakeTensor}, CFG
    decoded = reader.q4(FakeTensor.name)
    assert np.array_equal(decoded.codes, block.codes)
    assert np.array_equal(decoded.d, block.d) and np.array_equal(decoded.m, block.m)
    w = decoded.dequantise()
    assert w[1, 33] == pytest.approx(block.d[1, 1] * block.codes[1, 1, 1] + block.m[1, 1])


def test_query_rows_go_back_to_the_half_split_order():
    # Row r of head h in llama.cpp's order holds HF row (h, a, b) at r = h·hd + 2b + a.
    hd, heads = CFG.head_dim, CFG.heads
    ids = np.arange(heads * hd, dtype=np.float32)
    block = Q4Block(np.zeros((heads * hd, 1, 32), np.uint8), ids[:, None].copy(), np.zeros((heads * hd, 1), np.float32))
    hf = _unpermute(block, "blk.0.attn_q.weight", CFG).d[:, 0]
    assert hf[:hd].tolist() == [0, 2, 4, 6, 1, 3, 5, 7]
    assert hf[hd:].tolist() == [8, 10, 12, 14, 9, 11, 13, 15]
    untouched = _unpermute(block, "blk.0.attn_v.weight", CFG)
    assert untouched is block


def test_packing_puts_even_elements_in_low_nibbles():
    block = Q4Block(np.arange(32, dtype=np.uint8).reshape(1, 1, 32) % 16, np.ones((1, 1), np.float32),
                    np.zeros((1, 1), np.float32))
    packed, scales, offsets = pack_q4(block)
    assert packed[0, 0, 0] == 0 | (1 << 4) and packed[0, 0, 7] == 14 | (15 << 4)
    assert scales.tolist() == [1.0] and offsets.tolist() == [[8.0]]


def test_matmulnbits_with_the_block_offset_equals_the_dequantised_matrix():
    """w = d·q + m is computed as MatMulNBits' d·(q − 8) plus BlockSum(x)·(8d + m): exact up to float sums."""
    rng = np.random.default_rng(1)
    k, n = 64, 48
    block = random_block(rng, n, k)
    model = linear_model(block, int8_activations=False)
    x = rng.standard_normal((1, 5, k)).astype(np.float32)
    got = run_linear(model, x)
    assert np.abs(got - x @ block.dequantise().T).max() < 1e-4
    # Counted as what it stands for: n × k weights; the scales and offsets are how to read them.
    assert parameter_count(model) == n * k


def test_int8_activations_keep_the_4_bit_weights_and_run_close():
    rng = np.random.default_rng(2)
    k, n = 64, 48
    block = random_block(rng, n, k)
    x = rng.standard_normal((1, 5, k)).astype(np.float32)
    exact = x @ block.dequantise().T
    model = linear_model(block, int8_activations=True)
    levels = {a.i for node in model.graph.node if node.op_type == "MatMulNBits" for a in node.attribute
              if a.name == "accuracy_level"}
    assert levels == {4} and parameter_count(model) == n * k  # the same 4-bit codes, read another way
    # The activations are rounded to 8 bits per block of 32: close, not exact.
    got = run_linear(model, x)
    assert 0 < np.abs(got - exact).max() < 0.02 * np.abs(exact).max()


def linear_model(block: Q4Block, int8_activations: bool):  # noqa: ANN201 - an onnx.ModelProto
    n, k = block.codes.shape[0], block.codes.shape[1] * 32
    b = _Builder(CFG, int8_activations)
    b.op("Identity", [b.linear("x", block, "layer")], name="y")
    graph = helper.make_graph(b.g.nodes, "t", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, "s", k])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, "s", n])], b.g.inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 21), helper.make_opsetid(MS, 1)],
                             ir_version=10)


def run_linear(model, x: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return session.run(None, {"x": x})[0]


def test_the_tokenizer_is_byte_level_bpe_with_the_control_tokens_kept_whole():
    tokens = ["<|end|>", "<|im_start|>", "a", "b", "ab", "Ġ", "Ġab", "Ċ"]
    spec = build_tokenizer_json(tokens, ["a b", "Ġ ab"], [3, 3, 1, 1, 1, 1, 1, 1])
    tok = Tokenizer.from_str(spec)
    enc = tok.encode("<|im_start|>ab ab\n")
    assert enc.tokens == ["<|im_start|>", "ab", "Ġab", "Ċ"]
    assert tok.decode(enc.ids, skip_special_tokens=True) == "ab ab\n"
