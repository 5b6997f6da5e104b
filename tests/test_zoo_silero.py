"""Silero VAD looped over its frames: the Scan answers bit for bit as the shipped graph run once per frame.

Needs the source wheel (silero-vad 6.2.3): set PLAYGROUND_WHEELS to a folder holding it, or let
`playground models fetch silero-vad` put it in the download cache; without it the graph tests skip.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
import soundfile
from onnx import TensorProto, helper

from playground import paths
from playground.core.card import parse_card
from playground.zoo.silero import STATE_SHAPE, largest_difference, looped_over_frames, silero_vad_frames
from tests.source_wheels import member

WHEEL = "silero_vad-6.2.3-py3-none-any.whl"
MEMBER = "silero_vad/data/silero_vad.onnx"
MEMBER_SHA256 = "1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return member(WHEEL, MEMBER, MEMBER_SHA256, tmp_path_factory.mktemp("source") / "silero_vad.onnx")


@pytest.fixture(scope="module")
def looped(shipped: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    card = parse_card(paths.shipped_cards_dir() / "silero-vad" / "model.toml")
    out = tmp_path_factory.mktemp("built")
    silero_vad_frames({"main": shipped}, out, card)
    return out / card.file("main").path


def session(path: Path) -> ort.InferenceSession:
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def test_the_build_is_the_file_the_card_names(looped: Path):
    card = parse_card(paths.shipped_cards_dir() / "silero-vad" / "model.toml")
    assert hashlib.sha256(looped.read_bytes()).hexdigest() == card.file("main").sha256


def test_the_looped_graph_answers_exactly_as_one_run_per_frame(shipped: Path, looped: Path):
    assert largest_difference(shipped, looped) == 0.0


@pytest.mark.parametrize("rate, frame, context", [(16000, 512, 64), (8000, 256, 32)])
def test_speech_frames_at_either_rate_agree_frame_by_frame(shipped: Path, looped: Path, rate, frame, context):
    """A recording's frames through both graphs, in runs of uneven length, the state handed between runs."""
    speech, _ = soundfile.read(paths.samples_dir() / "vad_test16k.wav", dtype="float32", frames=90 * 512)
    speech = speech[::16000 // rate][:90 * frame]  # every other sample for 8 kHz: only the agreement matters
    samples = np.concatenate([np.zeros(context, np.float32), speech])
    rows = np.stack([samples[i * frame:i * frame + context + frame] for i in range(90)])
    sr = np.array(rate, np.int64)
    one, many = session(shipped), session(looped)
    state, each = np.zeros(STATE_SHAPE, np.float32), []
    for row in rows:
        p, state = one.run(None, {"input": row[None], "state": state, "sr": sr})
        each.append(p.item(0))
    carried, parts = np.zeros(STATE_SHAPE, np.float32), []
    for start, end in ((0, 1), (1, 32), (32, 90)):
        p, carried = many.run(None, {"input": rows[start:end], "state": carried, "sr": sr})
        assert p.shape == (end - start, 1)
        parts.append(p.reshape(-1))
    assert np.array_equal(np.concatenate(parts), np.asarray(each, np.float32)) and np.array_equal(carried, state)
    assert max(each) > 0.5 > min(each)  # the clip has speech and quiet in it


def test_a_graph_laid_out_otherwise_is_refused_with_its_inputs_named():
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])
    graph = helper.make_graph([helper.make_node("Identity", ["x"], ["y"])], "other", [x],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])])
    with pytest.raises(ValueError, match=r"not laid out as expected \(inputs \['x'\]"):
        looped_over_frames(helper.make_model(graph))


def test_the_looped_graph_checks_and_keeps_the_shipped_names(looped: Path):
    model = onnx.load(str(looped))
    onnx.checker.check_model(model, full_check=True)
    assert [i.name for i in model.graph.input] == ["input", "state", "sr"]
    assert [o.name for o in model.graph.output] == ["output", "stateN"]
    assert [n.op_type for n in model.graph.node].count("Scan") == 1
