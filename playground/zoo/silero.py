"""Silero VAD reading many frames in one run: the shipped graph as the body of an ONNX Scan (MODELS.md §2.2.2).

silero_vad.onnx reads one 32 ms frame (576 samples: 64 of context, 512 new) and the recurrent state, and
gives the frame's speech probability and the next state. Run once per frame from Python, a 12 s clip is
376 calls, each holding the interpreter a little. Here the same graph is the body of a Scan over the rows
of a [frames, samples] input, carrying the state from one frame to the next inside onnxruntime: one call
for as many frames as it is given, with the same sums in the same order, so the probabilities and the
state are bit for bit those of the per-frame runs (the build checks it). The inputs and outputs keep their
names; the state is one stream's ([2, 1, 128]) and the probabilities come as [frames, 1].
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from playground.core.card import ModelCard

if TYPE_CHECKING:
    import onnx

AUDIO, STATE, RATE = "input", "state", "sr"  # the shipped graph's inputs, kept by the looped one
PROBABILITY, NEXT_STATE = "output", "stateN"
STATE_SHAPE = [2, 1, 128]
# Names inside the Scan's body, apart from every name of the shipped graph.
FRAME_SAMPLES, FRAME, FRAME_STATE = "frame_samples", "frame", "frame_state"
FRAME_AXES, FRAME_PROBABILITY, FRAME_NEXT_STATE = "frame_axes", "frame_probability", "frame_state_next"
CHECK_FRAMES, CHECK_RATE = 64, 16000  # the build compares this many frames of a seeded signal, per frame and looped
TOLERANCE = 1e-5


def _rename_free(graph: onnx.GraphProto, names: Mapping[str, str], bound: frozenset[str] = frozenset()) -> None:
    """Rename, in `graph` and every subgraph in it, the uses of outer names in `names` that nothing there
    defines first (a subgraph reads its enclosing graphs' values by name)."""
    from onnx import AttributeProto

    local = set(bound) | {i.name for i in graph.input} | {i.name for i in graph.initializer}
    for node in graph.node:
        for k, name in enumerate(node.input):
            if name in names and name not in local:
                node.input[k] = names[name]
        for attr in node.attribute:
            inner = [attr.g] if attr.type == AttributeProto.GRAPH else list(attr.graphs)
            for g in inner:
                _rename_free(g, names, frozenset(local))
        local.update(node.output)


def _shipped_parts(model: onnx.ModelProto) -> tuple[list[onnx.NodeProto], onnx.NodeProto, str, str]:
    """The nodes that read `sr` (kept outside the loop: the rate is the same for every frame), the If that
    holds the model, and the If's two outputs (probability, next state). A ValueError if the graph is not the
    one MODELS.md describes: the fetch then says which recipe failed, with this as the reason."""
    graph = model.graph
    inputs, outputs = [i.name for i in graph.input], [o.name for o in graph.output]
    nodes = list(graph.node)
    ifs = [n for n in nodes if n.op_type == "If"]
    ends = {n.output[0]: n.input[0] for n in nodes if n.op_type == "Identity"}
    if (inputs != [AUDIO, STATE, RATE] or outputs != [PROBABILITY, NEXT_STATE] or len(ifs) != 1
            or ends.get(PROBABILITY) != ifs[0].output[0] or ends.get(NEXT_STATE) != ifs[0].output[1]):
        raise ValueError(f"the Silero VAD graph is not laid out as expected (inputs {inputs}, outputs {outputs})")
    condition = [n for n in nodes if n is not ifs[0] and n.op_type != "Identity"]
    return condition, ifs[0], ifs[0].output[0], ifs[0].output[1]


def looped_over_frames(model: onnx.ModelProto) -> onnx.ModelProto:
    """The shipped model with its graph run once per row of `input` [frames, samples] by a Scan, the state
    carried from row to row: `output` [frames, 1] and the last `stateN`."""
    import onnx
    from onnx import TensorProto, helper

    condition, model_if, probability, next_state = _shipped_parts(model)
    body_if = copy.deepcopy(model_if)
    for attr in body_if.attribute:
        _rename_free(attr.g, {AUDIO: FRAME, STATE: FRAME_STATE})
    axes = helper.make_tensor(FRAME_AXES, TensorProto.INT64, [1], [0])
    body = helper.make_graph(
        [helper.make_node("Constant", [], [FRAME_AXES], name="frame_axes", value=axes),
         helper.make_node("Unsqueeze", [FRAME_SAMPLES, FRAME_AXES], [FRAME], name="frame_as_batch_of_one"),
         body_if,
         helper.make_node("Squeeze", [probability, FRAME_AXES], [FRAME_PROBABILITY], name="frame_probability"),
         helper.make_node("Identity", [next_state], [FRAME_NEXT_STATE], name="frame_state_next")],
        "silero_vad_frame",
        [helper.make_tensor_value_info(FRAME_STATE, TensorProto.FLOAT, STATE_SHAPE),
         helper.make_tensor_value_info(FRAME_SAMPLES, TensorProto.FLOAT, ["samples"])],
        [helper.make_tensor_value_info(FRAME_NEXT_STATE, TensorProto.FLOAT, STATE_SHAPE),
         helper.make_tensor_value_info(FRAME_PROBABILITY, TensorProto.FLOAT, [1])])
    scan = helper.make_node("Scan", [STATE, AUDIO], [NEXT_STATE, PROBABILITY], name="frames", body=body,
                            num_scan_inputs=1)
    graph = helper.make_graph(
        [*copy.deepcopy(condition), scan], "silero_vad_frames",
        [helper.make_tensor_value_info(AUDIO, TensorProto.FLOAT, ["frames", "samples"]),
         helper.make_tensor_value_info(STATE, TensorProto.FLOAT, STATE_SHAPE),
         helper.make_tensor_value_info(RATE, TensorProto.INT64, [])],
        [helper.make_tensor_value_info(PROBABILITY, TensorProto.FLOAT, ["frames", 1]),
         helper.make_tensor_value_info(NEXT_STATE, TensorProto.FLOAT, STATE_SHAPE)])
    looped = helper.make_model(graph, opset_imports=list(model.opset_import), ir_version=model.ir_version,
                               producer_name="inference-playground")
    onnx.checker.check_model(looped, full_check=True)
    return looped


def _check_signal() -> np.ndarray:
    """[CHECK_FRAMES, 576] rows of a seeded signal that goes from quiet to a loud buzz and back, with context."""
    rng = np.random.default_rng(0)
    n = CHECK_FRAMES * 512
    t = np.arange(n) / CHECK_RATE
    loud = (np.sin(2 * np.pi * 0.7 * t) > 0).astype(np.float32)
    x = (0.02 * rng.standard_normal(n) + loud * 0.3 * np.sin(2 * np.pi * 180 * t) * np.sin(2 * np.pi * 3 * t))
    padded = np.concatenate([np.zeros(64), x]).astype(np.float32)
    return np.stack([padded[i * 512:i * 512 + 576] for i in range(CHECK_FRAMES)])


def largest_difference(shipped: Path, looped: Path) -> float:
    """The largest difference, probabilities and last state, between the shipped graph run once per frame and
    the looped one run in two calls (the state handed over between them) on the check signal."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    one = ort.InferenceSession(str(shipped), options, providers=["CPUExecutionProvider"])
    many = ort.InferenceSession(str(looped), options, providers=["CPUExecutionProvider"])
    rows, rate = _check_signal(), np.array(CHECK_RATE, np.int64)
    state = np.zeros(STATE_SHAPE, np.float32)
    each = []
    for row in rows:
        p, state = one.run(None, {AUDIO: row[None], STATE: state, RATE: rate})
        each.append(float(p.item(0)))
    half = len(rows) // 2
    carried = np.zeros(STATE_SHAPE, np.float32)
    looped_probs = []
    for part in (rows[:half], rows[half:]):
        p, carried = many.run(None, {AUDIO: part, STATE: carried, RATE: rate})
        looped_probs.append(p.reshape(-1))
    return float(max(np.abs(np.asarray(each, np.float32) - np.concatenate(looped_probs)).max(),
                     np.abs(state - carried).max()))


def silero_vad_frames(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> None:
    """The looped graph, written as the card's main file, kept only if it answers as the shipped one does."""
    import onnx

    looped = looped_over_frames(onnx.load(str(members["main"])))
    target = out_dir / card.file("main").path
    target.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(looped, str(target))
    difference = largest_difference(members["main"], target)
    if not difference <= TOLERANCE:  # onnxruntime itself would have to run the loop's body differently
        target.unlink()
        raise ValueError(f"the looped graph differs from the shipped one by up to {difference:.2g} on the check "
                         f"signal")
