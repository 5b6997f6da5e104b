"""Whether this onnxruntime can run a model, said in one sentence when it cannot: an operator domain it does not
know (a custom operator library, which the playground never loads), an opset newer than it supports, an
operator it has no kernel for, or whatever else it refused with."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from playground.anymodel.facts import ModelFacts
from playground.core.errors import InputError

# Domains whose operators onnxruntime's CPU build implements (its contrib and layout domains included).
KNOWN_DOMAINS = ("ai.onnx", "ai.onnx.ml", "com.microsoft", "com.microsoft.nchwc", "com.ms.internal.nhwc",
                 "ai.onnx.preview.training", "com.microsoft.experimental")


@functools.cache
def newest_opset() -> int:
    """The newest default-domain opset this onnxruntime loads, found by asking it (its own table is not public)."""
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper

    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])
    graph = helper.make_graph([helper.make_node("Identity", ["x"], ["y"])], "probe", [x], [y])
    for version in range(onnx.defs.onnx_opset_version(), 6, -1):
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", version)], ir_version=8)
        try:
            ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
        except Exception:  # noqa: BLE001 - refused: an older one is tried
            continue
        return version
    return 0


def opset_problem(facts: ModelFacts) -> str:
    """The sentence for a domain or opset this onnxruntime cannot run, or ""."""
    import onnxruntime as ort

    own = {name.rsplit(":", 1)[0] for name in facts.functions}  # defined in the file itself: no library needed
    unknown = [domain for domain in facts.opsets if domain not in KNOWN_DOMAINS and domain not in own]
    if unknown:
        return (f"{Path(facts.path).name} uses operators from the domain {unknown[0]!r}, which onnxruntime "
                f"{ort.__version__} does not know: they come from a custom operator library, and the playground "
                "never loads one (it would run native code from anywhere).")
    version, newest = facts.opsets.get("ai.onnx", 0), newest_opset()
    if newest and version > newest:
        return (f"{Path(facts.path).name} is stamped with opset {version}, newer than onnxruntime {ort.__version__} "
                f"runs (up to {newest}): export it again with opset {newest} or older.")
    return ""


def open_session(path: Path, facts: ModelFacts, options: Any = None, providers: list[str] | None = None) -> Any:
    """An onnxruntime session for the model (on the CPU unless `providers` says otherwise), or the one sentence why
    it cannot be opened."""
    import onnxruntime as ort

    problem = opset_problem(facts)
    if problem:
        raise InputError(problem)
    try:
        return ort.InferenceSession(str(path), sess_options=options, providers=providers or ["CPUExecutionProvider"])
    except Exception as exc:  # noqa: BLE001 - onnxruntime's many refusals become one sentence
        raise InputError(load_sentence(path.name, exc)) from None


def load_sentence(name: str, exc: BaseException) -> str:
    """onnxruntime's refusal as a sentence: the operator it has no kernel for named, else its own first line."""
    import re

    import onnxruntime as ort

    text = " ".join(str(exc).split())
    missing = re.search(r"Could not find an implementation for (\S+)\(\d+\) node with name '([^']*)'", text)
    if missing:
        return (f"onnxruntime {ort.__version__} has no CPU implementation of {missing.group(1)} for the types this "
                f"model uses (node {missing.group(2)!r}): it cannot run {name}.")
    unregistered = re.search(r"(\S+) is not a registered function/op", text)
    if unregistered:
        return f"{name} uses the operator {unregistered.group(1)}, which onnxruntime {ort.__version__} does not know."
    detail = re.sub(r"^\[ONNXRuntimeError\] : \d+ : \w+ : ", "", text)[:240]
    return f"onnxruntime {ort.__version__} could not load {name}: {detail}"
