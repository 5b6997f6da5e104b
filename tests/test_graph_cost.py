"""A model's work from onnxruntime's profile: operations per kind of node, the profile read back, a real
model's known size of work, and the model-facts lesson text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from playground import paths
from playground.core import explainers, readable
from playground.core.cancel import CancelToken
from playground.core.media import TextData
from playground.core.session import RuntimeOptions
from playground.core.task import RunRequest
from playground.lab import lesson_facts, lesson_model
from playground.lab.graph_cost import ModelProfile, OpCost, node_flops, profile_model, read_profile
from playground.tasks.registry import get_task
from tests.tiny_models import ScaleTask


def test_operations_are_counted_from_each_nodes_shapes():
    # A 3×3 convolution from 3 to 32 channels at 112²: every output value is 27 multiply-adds.
    assert node_flops("Conv", [[1, 3, 224, 224], [32, 3, 3, 3], [32]], [[1, 32, 112, 112]]) == 2 * 32 * 112 * 112 * 27
    # The int8 conv: input, its scale and zero point (scalars), then the weight; the same work as the float one.
    assert node_flops("QLinearConv", [[1, 3, 224, 224], [], [], [32, 3, 3, 3], [32], [32], [], []],
                      [[1, 32, 112, 112]]) == 2 * 32 * 112 * 112 * 27
    assert node_flops("MatMul", [[1, 4, 8], [8, 16]], [[1, 4, 16]]) == 2 * 64 * 8
    assert node_flops("MatMulNBits", [[1, 1, 576], [1536, 18, 16], [27648]], [[1, 1, 1536]]) == 2 * 1536 * 576
    assert node_flops("Gemm", [[1, 1280], [1000, 1280]], [[1, 1000]]) == 2 * 1000 * 1280
    # Nine heads of 64 reading 40 cached keys: scores and the weighted sum, 2 × 2 × 576 × 40.
    assert node_flops("GroupQueryAttention", [[1, 1, 576]], [[1, 1, 576], [1, 3, 40, 64], [1, 3, 40, 64]]) == 4 * 576 * 40
    assert node_flops("Relu", [[1, 10]], [[1, 10]]) == 10


def test_the_profile_is_averaged_per_run_and_control_flow_is_not_counted_twice(tmp_path: Path):
    node = lambda op, dur, out, peak: {"cat": "Node", "name": f"{op}_kernel_time", "dur": dur,  # noqa: E731
                                       "args": {"op_name": op, "input_type_shape": [{"float": [1, 8]}],
                                                "output_type_shape": [{"float": out}], "mem_in_use_peak": peak}}
    events = [{"cat": "Session", "name": "model_run", "dur": 900}, node("MatMul", 300, [1, 16], "4096"),
              node("If", 500, [1, 16], "0"), node("MatMul", 100, [1, 16], 2 * 2**20), node("Relu", 20, [1, 16], "0")]
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(events))
    ops, peak_mb = read_profile(path, runs=2)
    assert ops == {"MatMul": [1.0, 200.0, 256.0], "Relu": [0.5, 10.0, 8.0]} and peak_mb == 2.0


def test_profiling_a_model_gives_its_steps_and_times_it_without_the_profiler(scale_card):
    profile = profile_model(RunRequest(scale_card, ScaleTask(), TextData("abc"), {"gain": 1.0}, RuntimeOptions()),
                            CancelToken(), lambda *_: None, runs=2)
    assert [(op.op, op.count, op.flops) for op in profile.ops] == [("Mul", 1.0, 4.0)]
    assert profile.model_ms > 0 and profile.peak_gflops > 0 and profile.threads == 1


@pytest.mark.models
def test_efficientnet_lite0_takes_its_published_work_per_photo(require_model):
    card = require_model("efficientnet-lite0")
    profile = profile_model(RunRequest(card, get_task(card.task), paths.samples_dir() / "astronaut.png"),
                            CancelToken(), lambda *_: None, runs=2)
    # About 400 million multiply-adds at 224 × 224, as published for EfficientNet-Lite0.
    assert 0.75e9 < profile.flops < 0.85e9 and profile.ops[0].op in ("Conv", "FusedConv")
    assert 0 < profile.share_of_peak < 1.5 and profile.arena_peak_mb > 1


@pytest.mark.models
def test_the_int8_twin_is_counted_as_the_same_work_as_float32(require_model):
    floats = require_model("efficientnet-lite0")
    ints = require_model("efficientnet-lite0-int8")
    photo = paths.samples_dir() / "astronaut.png"
    work = [profile_model(RunRequest(card, get_task(card.task), photo), CancelToken(), lambda *_: None,
                          runs=2).flops for card in (floats, ints)]
    assert work[1] == pytest.approx(work[0], rel=0.05)  # one network, in two number formats


@pytest.mark.parametrize("model_ms, speed, whole_ms, words", [
    (12.0, 0.0, 0.0, "The model alone takes 12.0 ms. Fast enough for live video at 60 frames"),
    # A person waits for the whole run: decoding and drawing can take a fast model out of live video.
    (12.0, 0.0, 45.0, "typically takes 45.0 ms. It feels instant"),
    (400.0, 0.0, 0.0, "A short wait"),
    (1200.0, 120.0, 1500.0, "120 tokens a second, far faster")])
def test_the_model_lesson_says_a_verdict_from_the_measured_speed(model_ms, speed, whole_ms, words):
    profile = ModelProfile("m", 1, (OpCost("Conv", 49, 5.0, 0.8e9), OpCost("Gemm", 1, 0.2, 0.0026e9)),
                           model_ms, 15.0, 250.0)
    values = {**explainers.facts(None), **lesson_model.model_facts(profile, 4_652_008, "astronaut.png", speed, whole_ms)}
    text = " ".join(explainers.render(lesson_facts.MODEL, values, True).split())
    assert "holds **4.7 million** learned numbers" in text and "took **803 million** operations on floating" in text
    assert "The slowest kind of step was convolutions, with 96 % of the time" in text and words in text
    achieved = readable.count(803e6 / (model_ms / 1000))
    assert "at most 250 billion float32 operations a second" in text and f"about {achieved} a second" in text
    assert "That peak is for float32" not in text and "GFLOP" not in text
    for shown in (text, explainers.render(lesson_facts.MODEL, {}, False)):
        assert not re.search(r"\{\w+\}", shown) and 20 <= explainers.word_count(shown) <= explainers.MAX_WORDS


def test_an_int8_model_is_counted_in_operations_against_a_peak_said_to_be_float32s():
    profile = ModelProfile("m", 1, (OpCost("QLinearConv", 49, 5.0, 0.8e9), OpCost("Gemm", 1, 0.2, 0.0026e9)),
                           12.0, 15.0, 250.0)
    values = {**explainers.facts(None), **lesson_model.model_facts(profile, 4_652_008, "astronaut.png")}
    text = " ".join(explainers.render(lesson_facts.MODEL, values, True).split())
    assert "took **803 million** operations, most of them sums of 8-bit integers" in text
    assert "step was 8-bit convolutions" in text and "That peak is for float32 numbers" in text
    assert "limited by arithmetic" not in text and "moving numbers through memory" not in text
