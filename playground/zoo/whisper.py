"""Whisper (tiny.en) from CTranslate2 weights to two ONNX graphs, written with onnx.helper (MODELS.md §2.2.1).

Encoder: mel [1, 80, F] → the cross-attention keys and values of every decoder layer, projected once
and split into heads (one tensor per layer, cross_k_i [1, 6, 64, F/2] and cross_v_i [1, 6, F/2, 64]).
Decoder: new tokens plus the self-attention cache in → logits and the grown cache out, so each step runs
only the new token. The tied embedding is stored once, transposed ([384, V]), and serves both the lookup
(Gather on axis 1) and the output projection (MatMul).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper

from playground.core.built import with_sentences
from playground.core.card import ModelCard
from playground.core.words import QT_TRANSLATE_NOOP
from playground.zoo.ctranslate2 import Checkpoint, read_checkpoint
from playground.zoo.graph import Graph, gelu

D, HEADS = 384, 6
HEAD = D // HEADS
SCORE_SCALE = 1 / math.sqrt(HEAD)  # 0.125: a power of two, so folding it into the queries changes no rounding


def _linear(g: Graph, x: str, ck: Checkpoint, prefix: str, rows: slice | None = None, bias: bool = True,
            scale: float = 1.0) -> str:
    """x · Wᵀ + b with W [out, in] from the checkpoint (optionally a block of rows of a fused weight), times `scale`
    folded into W and b."""
    w = ck.float32(f"{prefix}/weight")
    b = ck.float32(f"{prefix}/bias") if bias else None
    if rows is not None:
        w = w[rows]
        b = b[rows] if b is not None else None
    if scale != 1.0:
        w, b = w * np.float32(scale), (b * np.float32(scale) if b is not None else None)
    tag = prefix.replace("/", ".") + (f".{rows.start}" if rows is not None else "")
    y = g.op("MatMul", [x, g.weight(f"{tag}.weight", w.T)], name=f"{tag}.matmul")
    return g.op("Add", [y, g.weight(f"{tag}.bias", b)], name=f"{tag}.add") if b is not None else y


def _norm(g: Graph, x: str, ck: Checkpoint, prefix: str) -> str:
    tag = prefix.replace("/", ".")
    return g.op("LayerNormalization", [x, g.weight(f"{tag}.gamma", ck.float32(f"{prefix}/gamma")),
                                       g.weight(f"{tag}.beta", ck.float32(f"{prefix}/beta"))],
                name=f"{tag}.ln", axis=-1, epsilon=1e-5)


def _heads(g: Graph, x: str) -> str:
    """[1, T, 384] → [1, 6, T, 64]."""
    return g.op("Transpose", [g.op("Reshape", [x, g.const([1, -1, HEADS, HEAD])])], perm=[0, 2, 1, 3])


def _keys(g: Graph, k: str) -> str:
    """[1, T, 384] → [1, 6, 64, T]: keys laid out as q·kᵀ wants them."""
    return g.op("Transpose", [g.op("Reshape", [k, g.const([1, -1, HEADS, HEAD])])], perm=[0, 2, 3, 1])


def _query(g: Graph, x: str, ck: Checkpoint, prefix: str, rows: slice | None = None) -> str:
    """The attention's queries with its 1/√64 = 1/8 folded into the projection: a power of two, so every product
    and sum is the same number scaled exactly, and each score is one plain MatMul (with a separate scale,
    onnxruntime fuses the two into a FusedMatMul that takes twice as long for a decoder step's single row)."""
    return _linear(g, x, ck, prefix, rows, scale=SCORE_SCALE)


def _attend(g: Graph, q: str, k: str, v: str, mask: str | None = None, split: bool = True) -> str:
    """softmax(q·kᵀ [+ mask])·v over heads, back to [1, T, 384], for queries made by _query (already scaled).

    With split=False, k and v come already split into heads ([1, 6, 64, S] and [1, 6, S, 64]).
    """
    keys, values = (_keys(g, k), _heads(g, v)) if split else (k, v)
    scores = g.op("MatMul", [_heads(g, q), keys])
    if mask is not None:
        scores = g.op("Add", [scores, mask])
    out = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), values])
    return g.op("Reshape", [g.op("Transpose", [out], perm=[0, 2, 1, 3]), g.const([1, -1, D])])


def _mlp(g: Graph, x: str, ck: Checkpoint, prefix: str) -> str:
    h = gelu(g, _linear(g, _norm(g, x, ck, f"{prefix}/ffn/layer_norm"), ck, f"{prefix}/ffn/linear_0"))
    return g.op("Add", [x, _linear(g, h, ck, f"{prefix}/ffn/linear_1")])


def _layers(ck: Checkpoint, part: str) -> int:
    return sum(1 for name in ck.variables if name.startswith(f"{part}/layer_") and name.endswith("ffn/linear_0/weight"))


def build_encoder(ck: Checkpoint) -> onnx.ModelProto:
    g = Graph("whisper_encoder")
    x = g.op("Conv", ["mel", g.weight("conv1.weight", ck.float32("encoder/conv1/weight")),
                      g.weight("conv1.bias", ck.float32("encoder/conv1/bias"))], name="conv1", pads=[1, 1])
    x = gelu(g, x)
    x = g.op("Conv", [x, g.weight("conv2.weight", ck.float32("encoder/conv2/weight")),
                      g.weight("conv2.bias", ck.float32("encoder/conv2/bias"))], name="conv2", pads=[1, 1], strides=[2])
    x = g.op("Transpose", [gelu(g, x)], perm=[0, 2, 1])  # [1, F/2, 384]
    # Positions for as many frames as there are (1500 for a full 30 s window).
    frames = g.op("Slice", [g.op("Shape", [x]), g.const([1]), g.const([2])])
    pos = g.op("Slice", [g.weight("encoder.positions", ck.float32("encoder/position_encodings/encodings")),
                         g.const([0]), frames, g.const([0])])
    x = g.op("Add", [x, pos])
    for i in range(_layers(ck, "encoder")):
        p = f"encoder/layer_{i}"
        h = _norm(g, x, ck, f"{p}/self_attention/layer_norm")
        q = _query(g, h, ck, f"{p}/self_attention/linear_0", slice(0, D))
        k, v = (_linear(g, h, ck, f"{p}/self_attention/linear_0", slice(j * D, (j + 1) * D)) for j in (1, 2))
        x = g.op("Add", [x, _linear(g, _attend(g, q, k, v), ck, f"{p}/self_attention/linear_1")])
        x = _mlp(g, x, ck, p)
    x = _norm(g, x, ck, "encoder/layer_norm")
    n = _layers(ck, "decoder")
    for i in range(n):
        fused = f"decoder/layer_{i}/attention/linear_1"
        g.op("Identity", [_keys(g, _linear(g, x, ck, fused, slice(0, D), bias=False))], name=f"cross_k_{i}")
        g.op("Identity", [_heads(g, _linear(g, x, ck, fused, slice(D, 2 * D)))], name=f"cross_v_{i}")
    return g.model([helper.make_tensor_value_info("mel", TensorProto.FLOAT, [1, 80, "frames"])], cross_specs(n))


def cross_specs(layers: int) -> list[onnx.ValueInfoProto]:
    """Each decoder layer's cross-attention keys [1, 6, 64, S] and values [1, 6, S, 64], split into heads
    once by the encoder: stacked in one tensor, every decoder step would copy all of them out again."""
    specs = []
    for i in range(layers):
        specs.append(helper.make_tensor_value_info(f"cross_k_{i}", TensorProto.FLOAT, [1, HEADS, HEAD, "audio"]))
        specs.append(helper.make_tensor_value_info(f"cross_v_{i}", TensorProto.FLOAT, [1, HEADS, "audio", HEAD]))
    return specs


def build_decoder(ck: Checkpoint) -> onnx.ModelProto:
    g = Graph("whisper_decoder")
    table = g.weight("embedding_t", ck.float32("decoder/embeddings/weight").T)  # [384, V], stored once
    n = _layers(ck, "decoder")
    tokens = "tokens"
    x = g.op("Transpose", [g.op("Gather", [table, tokens], axis=1)], perm=[1, 2, 0])  # [1, T, 384]
    past = g.op("Slice", [g.op("Shape", ["self_k"]), g.const([2]), g.const([3])])  # P
    count = g.op("Slice", [g.op("Shape", [tokens]), g.const([1]), g.const([2])])  # T
    total = g.op("Add", [past, count])
    pos = g.op("Slice", [g.weight("decoder.positions", ck.float32("decoder/position_encodings/encodings")),
                         past, total, g.const([0])])
    x = g.op("Add", [x, pos])
    # Causal mask [T, P+T]: new token r may see keys up to P + r.
    rows = g.op("Add", [g.op("Range", [g.const(0), g.op("Squeeze", [count]), g.const(1)]), g.op("Squeeze", [past])])
    cols = g.op("Range", [g.const(0), g.op("Squeeze", [total]), g.const(1)])
    hidden = g.op("Less", [g.op("Unsqueeze", [rows, g.const([1])]), g.op("Unsqueeze", [cols, g.const([0])])])
    mask = g.op("Where", [hidden, g.const(-1e9, np.float32), g.const(0.0, np.float32)], name="causal_mask")
    new_k, new_v = [], []
    for i in range(n):
        p = f"decoder/layer_{i}"
        layer = g.const([i])
        h = _norm(g, x, ck, f"{p}/self_attention/layer_norm")
        q = _query(g, h, ck, f"{p}/self_attention/linear_0", slice(0, D))
        k, v = (_linear(g, h, ck, f"{p}/self_attention/linear_0", slice(j * D, (j + 1) * D)) for j in (1, 2))
        k = g.op("Concat", [g.op("Squeeze", [g.op("Gather", ["self_k", layer], axis=0), g.const([0])]), k], axis=1)
        v = g.op("Concat", [g.op("Squeeze", [g.op("Gather", ["self_v", layer], axis=0), g.const([0])]), v], axis=1)
        new_k.append(g.op("Unsqueeze", [k, g.const([0])]))
        new_v.append(g.op("Unsqueeze", [v, g.const([0])]))
        x = g.op("Add", [x, _linear(g, _attend(g, q, k, v, mask), ck, f"{p}/self_attention/linear_1")])
        h = _norm(g, x, ck, f"{p}/attention/layer_norm")
        q = _query(g, h, ck, f"{p}/attention/linear_0")
        cross = _attend(g, q, f"cross_k_{i}", f"cross_v_{i}", split=False)
        x = g.op("Add", [x, _linear(g, cross, ck, f"{p}/attention/linear_2")])
        x = _mlp(g, x, ck, p)
    x = _norm(g, x, ck, "decoder/layer_norm")
    g.op("MatMul", [x, table], name="logits")
    g.op("Concat", new_k, name="new_self_k", axis=0)
    g.op("Concat", new_v, name="new_self_v", axis=0)
    vocab = ck.variables["decoder/embeddings/weight"].shape[0]
    cache = lambda name, length: helper.make_tensor_value_info(name, TensorProto.FLOAT, [n, 1, length, D])  # noqa: E731
    return g.model([helper.make_tensor_value_info("tokens", TensorProto.INT64, [1, "new"]),
                    cache("self_k", "past"), cache("self_v", "past"), *cross_specs(n)],
                   [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, "new", vocab]),
                    cache("new_self_k", "total"), cache("new_self_v", "total")])


def whisper_from_ctranslate2(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> dict[str, object]:
    """Recipe: encoder and decoder graphs from `model` (model.bin); config and tokenizer copied as they are."""
    import shutil

    ck = read_checkpoint(members["model"])
    for role, build in (("main", build_encoder), ("decoder", build_decoder)):
        target = out_dir / card.file(role).path
        target.parent.mkdir(parents=True, exist_ok=True)
        onnx.save(build(ck), str(target))
    for role in ("config", "tokenizer"):
        shutil.copyfile(members[role], out_dir / card.file(role).path)
    weights = sum(int(np.prod(v.shape)) for k, v in ck.variables.items()
                  if v.ndim > 0 and k != "decoder/projection/weight")  # the tied projection is the embedding
    return {"parameters": weights}


def signed_tables(model: onnx.ModelProto) -> onnx.ModelProto:
    """Every unsigned 8-bit weight rewritten as signed, its zero point with it (q − 128 and z − 128: the same
    q − z, so the same numbers). The quantiser writes the embedding table that the lookup and the output
    projection share as uint8, and onnxruntime's 8-bit products are quicker on signed weights: the 51,864-wide
    projection, half of a decoder step, takes about a fifth less time."""
    from onnx import numpy_helper

    for init in model.graph.initializer:
        if init.data_type == TensorProto.UINT8:
            values = numpy_helper.to_array(init).astype(np.int16) - 128
            init.CopyFrom(numpy_helper.from_array(values.astype(np.int8), init.name))
    return model


def whisper_int8_from_ctranslate2(members: Mapping[str, Path], out_dir: Path,
                                  card: ModelCard) -> dict[str, object]:
    """Recipe: the same two graphs with 8-bit weights for every MatMul and the embedding lookup.

    Dynamic quantisation needs no calibration data: the weights are rounded per tensor, and the
    activations are quantised on the fly at run time, so the bytes are the same on every machine.
    """
    import shutil
    import tempfile

    from onnxruntime.quantization import QuantType, quantize_dynamic

    from playground.zoo.quantize import quiet

    ck = read_checkpoint(members["model"])
    with tempfile.TemporaryDirectory(prefix="whisper-fp32-") as tmp:
        sizes = {}
        for role, build in (("main", build_encoder), ("decoder", build_decoder)):
            fp32 = Path(tmp) / f"{role}.onnx"
            onnx.save(build(ck), str(fp32))
            target = out_dir / card.file(role).path
            target.parent.mkdir(parents=True, exist_ok=True)
            with quiet():
                quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8,
                                 op_types_to_quantize=["MatMul", "Gather"], per_channel=False)
            onnx.save(signed_tables(onnx.load(str(target))), str(target))
            sizes[role] = (fp32.stat().st_size, target.stat().st_size)
    for role in ("config", "tokenizer"):
        shutil.copyfile(members[role], out_dir / card.file(role).path)
    fp32_total, int8_total = (sum(s[i] for s in sizes.values()) for i in (0, 1))
    return with_sentences({"fp32_size_bytes": fp32_total, "size_bytes": int8_total},
                          headline=(QT_TRANSLATE_NOOP("Build", "{smaller:.1f}× smaller than float32."),
                                    {"smaller": fp32_total / int8_total}))
