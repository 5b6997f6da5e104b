"""Listening live, without Qt: loudness, the streaming speech detector and utterances cut as they end."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from playground import paths
from playground.tasks.listening import RATE, SILENT_DB, Listener
from playground.tasks.vad import SegmentTracker, rules_for
from tests.known import installed

BLOCK = 800  # 50 ms, as the microphone delivers it


def listen(listener: Listener, samples: np.ndarray, block: int = BLOCK):
    """Feed a clip block by block; (utterance, seconds heard when it was handed out) and every block's news."""
    cut, news = [], []
    for i in range(0, len(samples), block):
        heard = listener.feed(samples[i:i + block])
        news.append(heard)
        cut += [(span, (i + block) / RATE) for span in heard.utterances]
    return cut, news


def clip(name: str) -> np.ndarray:
    samples, rate = sf.read(paths.samples_dir() / name, dtype="float32")
    assert rate == RATE
    return samples


def test_loudness_is_the_blocks_level_below_full_scale_and_the_recording_is_kept_whole():
    listener = Listener(None)
    t = np.arange(RATE) / RATE
    heard = listener.feed((0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32))
    assert heard.level_db == pytest.approx(-9.03, abs=0.05) and heard.peak == pytest.approx(0.5, abs=1e-3)
    assert heard.probability is None and heard.utterances == []  # no detector: a meter only
    assert listener.feed(np.zeros(RATE, np.float32)).level_db == SILENT_DB
    assert listener.seconds == 2.0 and len(listener.samples()) == 2 * RATE
    assert listener.finish() == []


def test_a_recording_stops_growing_at_the_longest_the_playground_takes():
    listener = Listener(None, max_seconds=1.0)
    assert not listener.feed(np.zeros(RATE // 2, np.float32)).full
    heard = listener.feed(np.zeros(RATE, np.float32))
    assert heard.full and listener.length == RATE
    assert listener.feed(np.ones(10, np.float32)).full and listener.length == RATE


@pytest.mark.models
def test_each_utterance_is_handed_out_soon_after_its_pause_with_its_speech_inside():
    listener = Listener(installed("silero-vad"))
    cut, news = listen(listener, clip("kws_test16k.wav"))
    # "hey jarvis" 1.5–2.9 s, "alexa" 4.9–5.9 s, "what is the weather today" 7.9–9.9 s (MODELS.md §5.3).
    truth = [(1.5, 2.9), (4.9, 5.9), (7.9, 9.9)]
    assert len(cut) == 3
    for ((start, end), when), (said_from, said_to) in zip(cut, truth):
        assert start <= said_from - 0.3 and end >= said_to - 0.15  # a margin for the recogniser's own edges
        assert when - said_to < 1.2  # handed out within a pause's length (0.7 s) and a block or two
    assert listener.finish() == []
    assert max(h.probability or 0 for h in news) > 0.9


@pytest.mark.models
def test_the_streaming_detector_agrees_with_the_detector_run_on_the_whole_clip(require_model):
    from tests.known import Runs

    card = require_model("silero-vad")
    samples = clip("vad_test16k.wav")
    listener = Listener(card)
    _, news = listen(listener, samples, block=777)  # blocks that do not fit the 512-sample frames
    streamed = np.concatenate([h.probabilities for h in news])
    whole = Runs()("silero-vad", "vad_test16k.wav").result.probabilities
    assert len(streamed) == len(samples) // 512  # the unfinished last frame waits for more sound
    np.testing.assert_allclose(streamed, whole[:len(streamed)], atol=1e-5)


@pytest.mark.models
def test_stopping_mid_sentence_hands_out_the_unfinished_utterance_and_noise_hands_out_nothing():
    samples = clip("sent16k.wav")
    listener = Listener(installed("silero-vad"))
    cut, _ = listen(listener, samples[: 5 * RATE])
    assert cut == []  # still talking
    (start, end), = listener.finish()
    assert start == 0.0 and end == 5.0
    noise = Listener(installed("silero-vad"))
    assert listen(noise, clip("noise16k.wav"))[0] == [] and noise.finish() == []


def test_the_tracker_tells_closed_spans_from_the_one_still_open():
    from playground.core.card import parse_card

    card = parse_card(paths.models_dir() / "silero-vad" / "model.toml")
    tracker = SegmentTracker(rules_for(card, {}))
    for p in [0.9] * 20 + [0.0] * 10 + [0.9] * 20:
        tracker.push(p)
    assert tracker.closed_spans() == [(0, 20 * 512)]
    assert tracker.spans(50 * 512) == [(0, 20 * 512), (30 * 512, 50 * 512)]
