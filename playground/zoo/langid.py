"""langid.py 1.1.6 from its pickled tables to ONNX and a tokenizer .npz, without running its code (MODELS.md §2.3.4).

langid.py keeps its model as a base64 + bz2 pickle in the string `model` of langid/langid.py. The string
is found with `ast` (the module is never imported or run), and the pickle is read by an unpickler that
builds nothing but `array.array`. The naive Bayes part becomes one graph, features f32 [batch, 7480] →
MatMul + Add = log_prob [batch, 97] → Softmax = probabilities; the byte automaton that counts the features
stays numpy and is written to an .npz (see tasks/language.py).
"""

from __future__ import annotations

import array
import ast
import base64
import binascii
import bz2
import io
import json
import pickle
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import onnx
from onnx import TensorProto, helper

from playground.core.card import ModelCard
from playground.core.errors import FetchError
from playground.core.words import translate
from playground.zoo.graph import Graph
from playground.zoo.npz import write_npz

# The pickle unpacks to 29.7 MB; anything far larger is not langid's model, and must not fill the memory.
MAX_PICKLE_BYTES = 64 * 1024 * 1024
BYTES = 256  # the automaton reads UTF-8 bytes: one row of `nextmove` per state


@dataclass(frozen=True, eq=False)
class LangidModel:
    """The five tables of the pickle, as numpy arrays (`output` stays langid's dict: state → feature ids)."""

    ptc: np.ndarray  # f32 [features, classes]: log P(feature | language)
    pc: np.ndarray  # f32 [classes]: log P(language)
    classes: tuple[str, ...]  # ISO 639-1 codes, in the order of the columns
    nextmove: np.ndarray  # uint16 [states · 256]: the next state for each (state, byte)
    output: dict[int, tuple[int, ...]]  # the features counted each time a state is entered


class _ArraysOnly(pickle.Unpickler):
    """Builds only array.array: langid's pickle names no other global, and any other one could run code."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("array", "array"):
            return array.array
        raise FetchError(translate("Build", "The langid model asks to run '{call}', which its tables never need, so it "
                                            "was refused; the package may have been tampered with.").format(
            call=f"{module}.{name}"))

    def persistent_load(self, pid: Any) -> Any:
        raise FetchError(translate("Build", "The langid model refers to data outside itself, which its tables never "
                                            "do, so it was refused; the package may have been tampered with."))


def model_string(path: Path) -> bytes:
    """The bytes literal assigned to `model` in langid.py, read from its syntax tree (nothing is executed)."""
    try:
        tree = ast.parse(path.read_bytes(), filename=path.name)
    except (SyntaxError, ValueError) as exc:
        raise FetchError(translate("Build", "{file} is not readable Python ({reason}); fetch the model again.").format(
            file=path.name, reason=exc)) from None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "model" for t in node.targets) \
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, (bytes, str)):
            value = node.value.value
            return value.encode("ascii", "replace") if isinstance(value, str) else value
    raise FetchError(translate("Build", "{file} has no model string ({code}); it is not langid.py 1.1.6.").format(
        file=path.name, code='`model = b"""…"""`'))


def unpickle_tables(data: bytes, name: str = "") -> tuple[Any, ...]:
    """base64 → bz2 → the restricted unpickler; damaged data of any kind gives one sentence (naming the file)."""
    name = name or translate("Build", "the langid model")
    try:
        packed = base64.b64decode(data)
        unpacker = bz2.BZ2Decompressor()
        raw = unpacker.decompress(packed, max_length=MAX_PICKLE_BYTES + 1)
        if len(raw) > MAX_PICKLE_BYTES:
            raise FetchError(translate("Build", "{file} unpacks to more than {limit} MB, far more than langid's 29.7 "
                                                "MB of tables, so it was not read; the package may have been tampered "
                                                "with.").format(file=name, limit=MAX_PICKLE_BYTES // 2**20))
        if not unpacker.eof:
            raise EOFError("the compressed data ends early")
        tables = _ArraysOnly(io.BytesIO(raw)).load()
    except FetchError:
        raise
    except (binascii.Error, OSError, EOFError, ValueError, pickle.UnpicklingError, TypeError, IndexError,
            KeyError, AttributeError, MemoryError, RecursionError) as exc:
        raise FetchError(translate("Build", "{file} could not be read ({reason}); it is damaged or incomplete, so "
                                            "fetch the model again.").format(file=name, reason=exc)) from None
    if not isinstance(tables, tuple) or len(tables) != 5:
        raise FetchError(translate("Build", "{file} does not hold langid's five tables; it is not langid.py 1.1.6.")
                         .format(file=name))
    return tables


def read_model(path: Path) -> LangidModel:
    """The checked tables of langid.py's embedded model."""
    ptc, pc, classes, nextmove, output = unpickle_tables(model_string(path), path.name)

    def bad(sentence: str) -> FetchError:  # each a whole sentence, naming the file
        return FetchError(sentence.format(file=path.name))

    if not (isinstance(ptc, array.array) and isinstance(pc, array.array) and isinstance(nextmove, array.array)):
        raise bad(translate("Build", "The model in {file} does not keep its numbers in arrays; it is not langid.py "
                                     "1.1.6's model."))
    if not (isinstance(classes, list) and classes and all(isinstance(c, str) and c for c in classes)):
        raise bad(translate("Build", "The model in {file} has no list of language codes; it is not langid.py 1.1.6's "
                                     "model."))
    if len(pc) != len(classes) or len(ptc) % len(classes) or len(nextmove) % BYTES:
        raise bad(translate("Build", "The model in {file} has tables whose sizes do not fit together; it is not "
                                     "langid.py 1.1.6's model."))
    states = len(nextmove) // BYTES
    features = len(ptc) // len(classes)
    moves = np.array(nextmove, dtype=np.int64)
    if moves.min() < 0 or moves.max() >= states:
        raise bad(translate("Build", "The model in {file} moves to states it does not have; it is not langid.py "
                                     "1.1.6's model."))
    if not isinstance(output, dict) or not all(
            isinstance(s, int) and 0 <= s < states and isinstance(ids, tuple)
            and all(isinstance(i, int) and 0 <= i < features for i in ids) for s, ids in output.items()):
        raise bad(translate("Build", "The model in {file} counts features it does not have; it is not langid.py "
                                     "1.1.6's model."))
    return LangidModel(np.array(ptc, np.float32).reshape(features, len(classes)), np.array(pc, np.float32),
                       tuple(classes), moves.astype(np.uint16), dict(output))


def build_langid(model: LangidModel) -> onnx.ModelProto:
    """Naive Bayes as a graph: langid's nb_classprobs, then its norm_probs (a softmax over the languages)."""
    g = Graph("langid_py_1_1_6")
    features, classes = model.ptc.shape
    log_prob = g.op("Add", [g.op("MatMul", ["features", g.weight("nb_ptc", model.ptc)], name="feature_log_prob"),
                            g.weight("nb_pc", model.pc)], name="log_prob")
    g.op("Softmax", [log_prob], name="probabilities", axis=-1)
    proto = g.model([helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", features])],
                    [helper.make_tensor_value_info("log_prob", TensorProto.FLOAT, ["batch", classes]),
                     helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", classes])])
    helper.set_model_props(proto, {"labels": json.dumps(list(model.classes))})
    return proto


def tokenizer_tables(model: LangidModel) -> dict[str, np.ndarray]:
    """The automaton as arrays: nextmove, and per state an optional row of a CSR list of feature ids.

    nextmove stays uint16 as langid keeps it (9,118 states fit), half the bytes of int32. Only states
    that count something get a row; out_state is −1 for the others.
    """
    states = len(model.nextmove) // BYTES
    out_state = np.full(states, -1, np.int32)
    indptr: list[int] = [0]
    indices: list[int] = []
    for state in sorted(model.output):
        ids = model.output[state]
        if ids:
            out_state[state] = len(indptr) - 1
            indices.extend(ids)
            indptr.append(len(indices))
    return {"nextmove": model.nextmove, "out_state": out_state, "indptr": np.array(indptr, np.int32),
            "indices": np.array(indices, np.int32), "features": np.array([model.ptc.shape[0]], np.int32)}


def langid_from_pickle(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> None:
    """Recipe: `source` (langid/langid.py) → the graph (main) and the automaton's tables (tables)."""
    model = read_model(members["source"])
    onnx.save(build_langid(model), str(out_dir / card.file("main").path))
    write_npz(out_dir / card.file("tables").path, tokenizer_tables(model))
