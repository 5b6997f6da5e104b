"""VAD task: frame layout with context and carried state, the speech-segment rules, streaming and cancel."""

from __future__ import annotations

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper

from playground import paths
from playground.core.card import parse_card
from playground.core.errors import Cancelled, InputError
from playground.core.media import AudioData
from playground.core.results import SpeechSegments
from playground.tasks.vad import FRAMES_PER_RUN, SegmentRules, VadTask, frames_with_context, rules_for, segments_of

RATE, FRAME = 16000, 512
# Silero's defaults: threshold 0.5 (ends below 0.35), 250 ms speech, 100 ms silence, 30 ms padding.
RULES = SegmentRules(threshold=0.5, neg_threshold=0.35, min_speech=4000, min_silence=1600, pad=480,
                     frame=FRAME, sample_rate=RATE)


def seconds(*samples: int) -> tuple[float, ...]:
    return tuple(s / RATE for s in samples)


def probs(*runs: tuple[float, int]) -> np.ndarray:
    """Probabilities from (value, frames) runs."""
    return np.concatenate([np.full(n, v, np.float32) for v, n in runs])


def test_speech_starts_at_threshold_and_ends_where_the_silence_began_padded():
    p = probs((0.0, 10), (0.9, 20), (0.1, 10), (0.0, 10))
    assert segments_of(p, RULES, 50 * FRAME) == (seconds(10 * FRAME - 480, 30 * FRAME + 480),)


def test_probabilities_between_the_two_thresholds_neither_start_nor_end_speech():
    p = probs((0.4, 5), (0.9, 10), (0.4, 20), (0.9, 10), (0.0, 10))
    assert segments_of(p, RULES, 55 * FRAME) == (seconds(5 * FRAME - 480, 45 * FRAME + 480),)


def test_a_pause_splits_speech_only_once_it_lasts_the_minimum_silence():
    # The end is decided on the frame where the silence has lasted ≥ 100 ms: 4 quiet frames (128 ms)
    # are seen as 3 × 32 = 96 ms when the 4th arrives, so it takes 5 quiet frames to split.
    four = probs((0.9, 20), (0.0, 4), (0.9, 20), (0.0, 10))
    five = probs((0.9, 20), (0.0, 5), (0.9, 20), (0.0, 10))
    assert len(segments_of(four, RULES, len(four) * FRAME)) == 1
    assert segments_of(five, RULES, len(five) * FRAME) == (
        seconds(0, 20 * FRAME + 480), seconds(25 * FRAME - 480, 45 * FRAME + 480))


def test_speech_shorter_than_the_minimum_is_dropped():
    blip = probs((0.0, 5), (0.9, 7), (0.0, 10))  # 7 × 32 = 224 ms
    word = probs((0.0, 5), (0.9, 8), (0.0, 10))  # 256 ms
    assert segments_of(blip, RULES, len(blip) * FRAME) == ()
    assert len(segments_of(word, RULES, len(word) * FRAME)) == 1


def test_speech_still_going_at_the_end_closes_at_the_clip_length():
    length = 30 * FRAME - 100  # the last frame was zero-padded
    assert segments_of(probs((0.0, 10), (0.9, 20)), RULES, length) == (seconds(10 * FRAME - 480, length),)


def test_a_gap_narrower_than_two_pads_is_shared_down_the_middle():
    wide_pad = SegmentRules(**{**RULES.__dict__, "pad": 1600})
    p = probs((0.9, 20), (0.0, 5), (0.9, 20), (0.0, 10))
    first, second = segments_of(p, wide_pad, len(p) * FRAME)
    gap = 5 * FRAME
    assert first == seconds(0, 20 * FRAME + gap // 2) and second[0] == first[1]


def test_the_cards_knobs_become_the_rules():
    card = parse_card(paths.models_dir() / "silero-vad" / "model.toml")
    assert rules_for(card, {}) == RULES
    strict = rules_for(card, {"threshold": 0.7, "min_speech_ms": 500, "min_silence_ms": 300, "pad_ms": 0})
    assert (strict.threshold, strict.neg_threshold, strict.min_speech, strict.min_silence, strict.pad) == \
        pytest.approx((0.7, 0.55, 8000, 4800, 0))
    assert segments_of(probs((0.6, 30), (0.0, 10)), strict, 40 * FRAME) == ()


def test_frames_carry_the_last_64_samples_of_the_previous_frame():
    samples = np.arange(1200, dtype=np.float32)
    frames = frames_with_context(samples, FRAME, 64)
    assert frames.shape == (3, 576)
    assert not frames[0, :64].any() and np.array_equal(frames[0, 64:], samples[:512])
    assert np.array_equal(frames[1, :64], samples[448:512]) and np.array_equal(frames[1, 64:], samples[512:1024])
    assert np.array_equal(frames[2, 64:240], samples[1024:]) and not frames[2, 240:].any()


class FakeSilero:
    """Stands in for the looped model: p = 1 for each row whose new samples are loud; the state counts the frames."""

    def __init__(self, card, cancel_after: int | None = None, listening: bool = True) -> None:
        self.card, self.cancel_after, self.listening = card, cancel_after, listening
        self.feeds: list[dict] = []
        self.steps: list[int] = []
        self.checks = 0
        self.reports: list[tuple[float, object]] = []

    def run(self, feeds, outputs=None, role="main", steps=1):
        self.check()  # like the pipeline's runner, which refuses to start a step once cancelled
        self.feeds.append(feeds)
        self.steps.append(steps)
        rows = feeds["input"]
        loud = (np.abs(rows[:, 64:]).mean(axis=1, keepdims=True) > 0.1).astype(np.float32)
        return {"output": loud, "stateN": feeds["state"] + len(rows)}  # as the looped graph: one row a frame

    def check(self):
        self.checks += 1
        if self.cancel_after is not None and self.checks > self.cancel_after:
            raise Cancelled()

    def report(self, fraction, partial=None):
        self.reports.append((fraction, partial))


@pytest.fixture(scope="module")
def card():
    return parse_card(paths.models_dir() / "silero-vad" / "model.toml")


def speech_like(seconds_on: tuple[float, float], total: float) -> np.ndarray:
    samples = np.zeros(int(total * RATE), np.float32)
    samples[int(seconds_on[0] * RATE):int(seconds_on[1] * RATE)] = 0.5
    return samples


def stream(card, samples, runner=None, rate=RATE):
    task = VadTask()
    feeds, ctx = task.preprocess(AudioData(samples, rate), card, card.defaults())
    runner = runner or FakeSilero(card)
    outputs = task.infer(runner, feeds, ctx)
    return task.postprocess(outputs, ctx, card, card.defaults()), runner


def test_the_frames_are_fed_as_rows_with_context_state_and_a_scalar_rate(card):
    samples = np.linspace(-1, 1, 1600, dtype=np.float32)
    _, runner = stream(card, samples)
    assert len(runner.feeds) == 1 and runner.checks == 1 and runner.steps == [4]
    feeds = runner.feeds[0]
    assert feeds["input"].shape == (4, 576) and feeds["input"].dtype == np.float32
    assert feeds["input"].flags.c_contiguous  # onnxruntime would copy a strided view on every run
    assert feeds["state"].shape == (2, 1, 128) and not feeds["state"].any()
    assert feeds["sr"].shape == () and feeds["sr"].dtype == np.int64 and int(feeds["sr"]) == 16000
    assert np.array_equal(feeds["input"][1, :64], samples[448:512])


def test_a_long_clip_runs_a_second_of_frames_at_a_time_carrying_the_state(card):
    _, runner = stream(card, speech_like((1.0, 3.0), 12.0))
    frames = -(-12 * RATE // FRAME)
    assert runner.steps == [FRAMES_PER_RUN] * (frames // FRAMES_PER_RUN) + [frames % FRAMES_PER_RUN]
    # Each run starts from the state the one before it ended with (the fake counts the frames read).
    assert [int(f["state"][0, 0, 0]) for f in runner.feeds] == [FRAMES_PER_RUN * i for i in range(len(runner.feeds))]
    # Consecutive runs overlap by the context: the next run's first row starts 64 samples before its frame.
    first, second = runner.feeds[0]["input"], runner.feeds[1]["input"]
    assert np.array_equal(second[0, :64], first[-1, -64:])


def test_streaming_finds_the_loud_stretch_and_reports_partial_results(card):
    result, runner = stream(card, speech_like((1.0, 3.0), 12.0))
    assert isinstance(result, SpeechSegments) and result.sample_rate == RATE
    assert len(result.probabilities) == -(-12 * RATE // FRAME) and result.frame_seconds == FRAME / RATE
    (start, end), = result.segments
    assert start == pytest.approx(1.0 - 0.03, abs=0.033) and end == pytest.approx(3.0 + 0.03, abs=0.033)
    fractions = [f for f, _ in runner.reports]
    assert len(fractions) > 10 and fractions == sorted(fractions) and 0 < fractions[0] and fractions[-1] < 1
    partials = [p for _, p in runner.reports]
    assert all(isinstance(p, SpeechSegments) for p in partials)
    assert [len(p.probabilities) for p in partials] == sorted(len(p.probabilities) for p in partials)
    # Halfway through, the segment already found is the final one.
    assert any(p.segments == result.segments for p in partials if len(p.probabilities) < len(result.probabilities))


def test_without_a_listener_no_partial_results_are_built_and_the_answer_is_the_same(card):
    samples = speech_like((1.0, 3.0), 12.0)
    watched, _ = stream(card, samples)
    unwatched, runner = stream(card, samples, FakeSilero(card, listening=False))
    assert runner.reports == []
    assert unwatched.segments == watched.segments
    assert np.array_equal(unwatched.probabilities, watched.probabilities)


def test_cancel_stops_between_runs_within_a_second_of_sound(card):
    runner = FakeSilero(card, cancel_after=3)
    with pytest.raises(Cancelled):
        stream(card, speech_like((0.5, 1.0), 12.0), runner)
    assert len(runner.feeds) == 3  # of 13: the fourth run was refused


def test_other_sample_rates_and_stereo_are_converted(card):
    result, _ = stream(card, np.zeros((44100, 2), np.float32), rate=44100)
    assert result.sample_rate == RATE and len(result.samples) == pytest.approx(RATE, abs=2)
    assert result.segments == () and result.summary().startswith("0 speech segments")


@pytest.mark.parametrize("samples, message", [
    (np.zeros(300, np.float32), "only 19 ms long"),
    (np.zeros(0, np.float32), "no sound"),
    (np.array([0.1, np.nan] * 400, np.float32), "damaged"),
])
def test_unusable_audio_gets_a_sentence(card, samples, message):
    with pytest.raises(InputError, match=message):
        stream(card, samples)


def test_audio_without_a_sample_rate_gets_a_sentence(card):
    with pytest.raises(InputError, match="how fast it was sampled"):
        stream(card, np.zeros(16000, np.float32), rate=0)


def tiny_vad() -> onnx.ModelProto:
    """The looped Silero's inputs and outputs: per row, p = mean |new samples| (clipped to 1); the next state
    is the state plus the number of rows."""
    specs = [("input", TensorProto.FLOAT, ["frames", "samples"]), ("state", TensorProto.FLOAT, [2, 1, 128]),
             ("sr", TensorProto.INT64, [])]
    inputs = [helper.make_tensor_value_info(*s) for s in specs]
    outputs = [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["frames", 1]),
               helper.make_tensor_value_info("stateN", TensorProto.FLOAT, [2, 1, 128])]
    inits = [numpy_helper.from_array(np.array(v, np.int64), n) for n, v in
             (("starts", [64]), ("ends", [1 << 30]), ("axes", [1]))]
    inits += [numpy_helper.from_array(np.array(1.0, np.float32), "one")]
    nodes = [
        helper.make_node("Slice", ["input", "starts", "ends", "axes"], ["new"], name="new"),
        helper.make_node("Abs", ["new"], ["loud"], name="abs"),
        helper.make_node("ReduceMean", ["loud"], ["mean"], axes=[1], keepdims=1, name="mean"),
        helper.make_node("Min", ["mean", "one"], ["output"], name="clip"),
        helper.make_node("Shape", ["input"], ["rows"], start=0, end=1, name="rows"),
        helper.make_node("Cast", ["rows"], ["rows_float"], to=TensorProto.FLOAT, name="rows_float"),
        helper.make_node("Add", ["state", "rows_float"], ["stateN"], name="count"),
    ]
    graph = helper.make_graph(nodes, "tiny_vad", inputs, outputs, inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


class OrtRunner(FakeSilero):
    def __init__(self, card, session) -> None:
        super().__init__(card)
        self.session = session

    def run(self, feeds, outputs=None, role="main", steps=1):
        self.feeds.append(feeds)
        return dict(zip(outputs, self.session.run(outputs, feeds)))


def test_onnxruntime_accepts_the_feeds_and_the_state_is_carried(card, tmp_path):
    onnx.save(tiny_vad(), tmp_path / "tiny.onnx")
    session = ort.InferenceSession(str(tmp_path / "tiny.onnx"), providers=["CPUExecutionProvider"])
    runner = OrtRunner(card, session)
    result, _ = stream(card, speech_like((0.5, 1.5), 2.0), runner)
    assert [float(f["state"][0, 0, 0]) for f in runner.feeds] == [FRAMES_PER_RUN * i for i in range(len(runner.feeds))]
    assert result.probabilities.max() == pytest.approx(0.5)
    (start, end), = result.segments
    assert start == pytest.approx(0.47, abs=0.033) and end == pytest.approx(1.53, abs=0.033)
