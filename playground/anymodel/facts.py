"""What an .onnx file is, read from the file alone: its inputs and outputs with their types and shapes (symbolic
dimensions named), opsets and domains, who made it, its metadata, how many parameters and in which files,
which operators and how often, and what onnx's own checker says.

Everything here is text the model's maker chose (names, metadata, documentation): it is carried as plain
strings, and shown as plain text wherever it appears."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from playground.anymodel.safety import ExternalFile, check_external_data, check_model_file, tensors
from playground.core.errors import InputError

STANDARD_DOMAINS = {"": "ai.onnx", "ai.onnx": "ai.onnx"}  # the default domain has two names
# Bits an element takes, for the types numpy has no width for (4-bit and 2-bit packings).
_BITS = {"INT4": 4, "UINT4": 4, "FLOAT4E2M1": 4, "INT2": 2, "UINT2": 2}


@dataclass(frozen=True)
class TensorFacts:
    name: str
    element: str  # "float", "int64", "uint8" … ("?" when the model does not say)
    dims: tuple[int | str, ...] | None  # a size, a symbolic dimension's name, "?" for an unnamed one; None: unknown rank

    def shape_text(self) -> str:
        return "unknown rank" if self.dims is None else "[" + ", ".join(str(d) for d in self.dims) + "]"


@dataclass(frozen=True)
class ModelFacts:
    path: str
    size_bytes: int
    ir_version: int
    opsets: dict[str, int]  # domain ("ai.onnx" for the default) -> version
    producer: str
    producer_version: str
    graph_name: str
    doc: str
    metadata: dict[str, str]
    inputs: tuple[TensorFacts, ...]
    outputs: tuple[TensorFacts, ...]
    parameters: int  # elements of every weight tensor
    parameter_bytes: int
    nodes: int  # nodes in the graph and its subgraphs
    operators: dict[str, int]  # "Conv" or "com.microsoft:Attention" -> count, the commonest first
    external: tuple[ExternalFile, ...] = ()
    checker: str = ""  # "" when onnx's checker finds the model valid; else its first line
    symbolic: tuple[str, ...] = field(default=())  # the symbolic dimensions' names, in order of appearance
    functions: tuple[str, ...] = ()  # the model's own functions, "domain:name": their domains need no library

    def to_dict(self) -> dict[str, Any]:
        body = asdict(self)
        body["inputs"] = [_tensor_dict(t) for t in self.inputs]
        body["outputs"] = [_tensor_dict(t) for t in self.outputs]
        body["external"] = [asdict(f) for f in self.external]
        body["checker"] = {"valid": not self.checker, "problem": self.checker or None}
        return body


def _tensor_dict(tensor: TensorFacts) -> dict[str, Any]:
    return {"name": tensor.name, "element": tensor.element, "shape": None if tensor.dims is None else list(tensor.dims)}


def read_facts(path: Path) -> ModelFacts:
    """The facts of the model at `path`, after the checks that make it safe to read (safety.py)."""
    import onnx

    size = check_model_file(path)
    try:
        model = onnx.load(str(path), load_external_data=False)
    except Exception as exc:  # noqa: BLE001 - protobuf's errors name no file: one sentence says which
        raise InputError(f"{path.name} is not an ONNX model the onnx package can read ({_first(exc)}): it may be "
                         "another format, or cut off.") from None
    if not model.HasField("graph"):
        raise InputError(f"{path.name} holds no graph: it is not an ONNX model (or an empty one).")
    external = check_external_data(model, path.parent, path.name, size)
    graph = model.graph
    weights = {t.name for t in graph.initializer}
    inputs = tuple(_tensor(v) for v in graph.input if v.name not in weights)  # old exports list weights as inputs
    outputs = tuple(_tensor(v) for v in graph.output)
    parameters, parameter_bytes = _parameters(graph)
    operators = _operators(graph)
    symbolic = tuple(dict.fromkeys(d for t in (*inputs, *outputs) for d in (t.dims or ()) if isinstance(d, str)
                                   and d != "?"))
    return ModelFacts(
        path=str(path), size_bytes=size, ir_version=int(model.ir_version),
        opsets={STANDARD_DOMAINS.get(o.domain, o.domain): int(o.version) for o in model.opset_import},
        producer=model.producer_name, producer_version=model.producer_version, graph_name=graph.name,
        doc=model.doc_string or graph.doc_string, metadata={p.key: p.value for p in model.metadata_props},
        inputs=inputs, outputs=outputs, parameters=parameters, parameter_bytes=parameter_bytes,
        nodes=sum(operators.values()), operators=operators, external=external, checker=_checked(path),
        symbolic=symbolic, functions=tuple(f"{f.domain}:{f.name}" for f in model.functions))


def _tensor(value: Any) -> TensorFacts:
    import onnx

    kind = value.type.WhichOneof("value")
    if kind != "tensor_type":
        return TensorFacts(value.name, kind or "?", None)
    tensor = value.type.tensor_type
    element = onnx.TensorProto.DataType.Name(tensor.elem_type).lower() if tensor.elem_type else "?"
    if not tensor.HasField("shape"):
        return TensorFacts(value.name, element, None)
    dims: list[int | str] = []
    for dim in tensor.shape.dim:
        if dim.HasField("dim_value"):
            dims.append(int(dim.dim_value))
        else:
            dims.append(dim.dim_param or "?")
    return TensorFacts(value.name, element, tuple(dims))


def _parameters(graph: Any) -> tuple[int, int]:
    """Elements and bytes of every weight tensor: initializers, sparse ones, and constants in nodes and subgraphs."""
    import numpy as np
    import onnx

    elements = bits = 0
    for tensor in tensors(graph):
        count = math.prod(int(d) for d in tensor.dims)
        name = onnx.TensorProto.DataType.Name(tensor.data_type)
        if name in _BITS:
            width = _BITS[name]
        elif name == "STRING":
            width = 0
        else:
            try:
                width = np.dtype(onnx.helper.tensor_dtype_to_np_dtype(tensor.data_type)).itemsize * 8
            except (KeyError, TypeError, ValueError):
                width = 0
        elements += count
        bits += count * width
    return elements, bits // 8


def _operators(graph: Any) -> dict[str, int]:
    counts: Counter[str] = Counter()

    def walk(g: Any) -> None:
        for node in g.node:
            domain = STANDARD_DOMAINS.get(node.domain, node.domain)
            counts[node.op_type if domain == "ai.onnx" else f"{domain}:{node.op_type}"] += 1
            for attribute in node.attribute:
                if attribute.HasField("g"):
                    walk(attribute.g)
                for subgraph in attribute.graphs:
                    walk(subgraph)

    walk(graph)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _checked(path: Path) -> str:
    """onnx's checker on the file (given the path, it reads external data itself, within the folder: checked
    already); "" when valid."""
    import onnx

    try:
        onnx.checker.check_model(str(path))
    except Exception as exc:  # noqa: BLE001 - whatever the checker objects to is a finding, not a failure
        return _first(exc)
    return ""


def _first(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    return (lines[0] if lines else type(exc).__name__)[:300]
