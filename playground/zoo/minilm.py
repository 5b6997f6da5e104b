"""all-MiniLM-L6-v2 from its safetensors to one ONNX graph: BERT, mean pooling and L2 norm (MODELS.md §2.3.1).

Inputs input_ids, attention_mask, token_type_ids [batch, sequence] (int64); output sentence_embedding
[batch, 384], already pooled over the real tokens and of length 1, so the cosine of two sentences is
their dot product. Linear layers are MatMul (+ Add) and lookups Gather, so dynamic quantisation
handles them.
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper

from playground.core.built import with_sentences
from playground.core.card import ModelCard
from playground.core.errors import FetchError
from playground.core.words import QT_TRANSLATE_NOOP, translate
from playground.zoo.graph import Graph, gelu

HEADS, EPS = 12, 1e-12  # config.json: 12 heads of 32; BERT's LayerNorm epsilon
MASKED = -1e4  # added to the scores of padding: softmax gives it no weight


def read_weights(path: Path) -> dict[str, np.ndarray]:
    """Every tensor of a safetensors file as float32 numpy arrays (position_ids and the pooler are not used)."""
    from safetensors import SafetensorError
    from safetensors.numpy import load_file

    try:
        tensors = load_file(str(path))
    except (SafetensorError, OSError, ValueError) as exc:
        raise FetchError(translate("Build", "{file} is not a readable safetensors file ({reason}); fetch the model "
                                            "again.").format(file=path.name, reason=exc)) from None
    return {k: v.astype(np.float32) for k, v in tensors.items() if k != "embeddings.position_ids"}


def _layers(w: Mapping[str, np.ndarray]) -> int:
    return sum(1 for k in w if k.startswith("encoder.layer.") and k.endswith(".attention.self.query.weight"))


def _linear(g: Graph, x: str, w: Mapping[str, np.ndarray], prefix: str) -> str:
    y = g.op("MatMul", [x, g.weight(f"{prefix}.weight_t", w[f"{prefix}.weight"].T)], name=f"{prefix}.matmul")
    return g.op("Add", [y, g.weight(f"{prefix}.bias", w[f"{prefix}.bias"])], name=f"{prefix}.add")


def _norm(g: Graph, x: str, w: Mapping[str, np.ndarray], prefix: str) -> str:
    return g.op("LayerNormalization", [x, g.weight(f"{prefix}.weight", w[f"{prefix}.weight"]),
                                       g.weight(f"{prefix}.bias", w[f"{prefix}.bias"])],
                name=f"{prefix}.ln", axis=-1, epsilon=EPS)


def _heads(g: Graph, x: str, head: int, perm: list[int]) -> str:
    """[B, S, H·d] → heads, transposed by perm ([0, 2, 1, 3] for q and v, [0, 2, 3, 1] for kᵀ)."""
    return g.op("Transpose", [g.op("Reshape", [x, g.const([0, 0, HEADS, head])])], perm=perm)


def build_minilm(w: Mapping[str, np.ndarray]) -> onnx.ModelProto:
    g = Graph("all_minilm_l6_v2")
    width = w["embeddings.word_embeddings.weight"].shape[1]
    head = width // HEADS
    length = g.op("Slice", [g.op("Shape", ["input_ids"]), g.const([1]), g.const([2])])
    positions = g.op("Slice", [g.weight("positions", w["embeddings.position_embeddings.weight"]),
                               g.const([0]), length, g.const([0])])
    x = g.op("Add", [g.op("Gather", [g.weight("words", w["embeddings.word_embeddings.weight"]), "input_ids"]),
                     positions])
    x = g.op("Add", [x, g.op("Gather", [g.weight("token_types", w["embeddings.token_type_embeddings.weight"]),
                                        "token_type_ids"])])
    x = _norm(g, x, w, "embeddings.LayerNorm")
    mask = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    bias = g.op("Unsqueeze", [g.op("Mul", [g.op("Sub", [g.const(1.0, np.float32), mask]),
                                           g.const(MASKED, np.float32)]), g.const([1, 2])])  # [B, 1, 1, S]
    for i in range(_layers(w)):
        p = f"encoder.layer.{i}"
        q, k, v = (_linear(g, x, w, f"{p}.attention.self.{part}") for part in ("query", "key", "value"))
        scores = g.op("Mul", [g.op("MatMul", [_heads(g, q, head, [0, 2, 1, 3]), _heads(g, k, head, [0, 2, 3, 1])]),
                              g.const(1 / math.sqrt(head), np.float32)])
        probs = g.op("Softmax", [g.op("Add", [scores, bias])], axis=-1)
        context = g.op("MatMul", [probs, _heads(g, v, head, [0, 2, 1, 3])])
        context = g.op("Reshape", [g.op("Transpose", [context], perm=[0, 2, 1, 3]), g.const([0, 0, width])])
        x = _norm(g, g.op("Add", [x, _linear(g, context, w, f"{p}.attention.output.dense")]), w,
                  f"{p}.attention.output.LayerNorm")
        hidden = _linear(g, gelu(g, _linear(g, x, w, f"{p}.intermediate.dense")), w, f"{p}.output.dense")
        x = _norm(g, g.op("Add", [x, hidden]), w, f"{p}.output.LayerNorm")
    # Mean over the real tokens only, then length 1 (sentence-transformers' Pooling + Normalize).
    kept = g.op("Unsqueeze", [mask, g.const([2])])  # [B, S, 1]
    total = g.op("ReduceSum", [g.op("Mul", [x, kept]), g.const([1])], keepdims=0)
    count = g.op("Max", [g.op("ReduceSum", [kept, g.const([1])], keepdims=0), g.const(1e-9, np.float32)])
    g.op("LpNormalization", [g.op("Div", [total, count])], name="sentence_embedding", p=2, axis=1)
    tokens = [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "sequence"])
              for n in ("input_ids", "attention_mask", "token_type_ids")]
    return g.model(tokens, [helper.make_tensor_value_info("sentence_embedding", TensorProto.FLOAT,
                                                          ["batch", width])])


def _write(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> tuple[onnx.ModelProto, int]:
    from playground.zoo.graphinfo import parameter_count

    shutil.copyfile(members["tokenizer"], out_dir / card.file("tokenizer").path)
    model = build_minilm(read_weights(members["model"]))
    return model, parameter_count(model)  # the pooler's weights are left out: the graph does not use them


def minilm_from_safetensors(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> dict[str, object]:
    """Recipe: the float32 graph from `model` (model.safetensors); the tokenizer copied as it is."""
    model, used = _write(members, out_dir, card)
    onnx.save(model, str(out_dir / card.file("main").path))
    return {"parameters": used}


def minilm_int8_from_safetensors(members: Mapping[str, Path], out_dir: Path,
                                 card: ModelCard) -> dict[str, object]:
    """Recipe: the same graph with 8-bit weights, one scale per output column (dynamic, per channel)."""
    import tempfile

    from onnxruntime.quantization import QuantType, quantize_dynamic

    from playground.zoo.quantize import quiet

    model, used = _write(members, out_dir, card)
    target = out_dir / card.file("main").path
    with tempfile.TemporaryDirectory(prefix="minilm-fp32-") as tmp:
        fp32 = Path(tmp) / "minilm.onnx"
        onnx.save(model, str(fp32))
        with quiet():
            quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8, per_channel=True,
                             op_types_to_quantize=["MatMul", "Gather"])
        ratio = fp32.stat().st_size / target.stat().st_size
    return with_sentences({"parameters": used},
                          headline=(QT_TRANSLATE_NOOP("Build", "{smaller:.1f}× smaller than float32."), {"smaller": ratio}))
