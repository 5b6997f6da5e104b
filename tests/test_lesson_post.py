"""The post-processing lesson on the models that write: the last run's scores are the raw output, and the
picking of each word piece from them is named as the app's work."""

from __future__ import annotations

import re

import numpy as np
import pytest

from playground import paths
from playground.core import explainers
from playground.core.results import Generation, Picking
from playground.core.task import RunRequest
from playground.lab import lesson_facts, lesson_post
from playground.tasks.registry import get_task
from tests.known import Runs, installed

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def run() -> Runs:
    return Runs()


def _raw(run: Runs, model_id: str, sample, **params):
    card = installed(model_id)
    source = paths.samples_dir() / sample if isinstance(sample, str) else sample
    outcome = run.pipeline.run(RunRequest(card, get_task(card.task), source, params), keep_raw=True)
    return outcome, lesson_post.post_facts(outcome.raw, outcome.result, outcome.decoded.label)


def _shown(facts: dict[str, str]) -> str:
    text = explainers.render(lesson_facts.POST, {**explainers.facts(None), **facts}, True)
    assert not re.search(r"\{\w+\}", text)
    return " ".join(text.split())


def test_whisper_shows_its_last_scores_and_names_the_picking(run):
    outcome, facts = _raw(run, "whisper-tiny-en", "en_gb16k.wav")
    scores = outcome.raw["scores"]
    assert scores.dtype == np.float32 and scores.shape == (51864,)  # one per entry of its vocabulary
    text = _shown(facts)
    assert "`scores`: 51,864 numbers from" in text and "token numbers" not in text
    assert f"once for every word piece it wrote ({len(outcome.raw['picked'])} pieces)" in text
    assert "took the highest score each time" in text and outcome.result.text[:20] in text
    assert "`picked`" not in text  # the pieces the app chose are not what the model returned


def test_whisper_on_silence_says_there_was_nothing_to_pick(run):
    from playground.core.media import AudioData

    outcome, facts = _raw(run, "whisper-tiny-en", AudioData(np.zeros(16000, np.float32), 16000, "silence"))
    assert outcome.raw == {} and "heard no speech" in facts["post_steps"] and facts["raw_lines"] == "- nothing at all"


def test_the_chat_shows_the_scores_it_picked_from_and_how(run):
    outcome, facts = _raw(run, "smollm2-135m", "tips_prompt.txt", max_tokens=5, seed=7)
    assert outcome.raw["scores"].shape == (49152,) and len(outcome.raw["picked"]) == 5
    text = _shown(facts)
    assert "`scores`: 49,152 numbers" in text and "`picked`" not in text
    # The 5th piece ends the reply at the limit: no run after it.
    assert "The model ran 5 times: once on the whole prompt" in text and "49,152 scores" in text
    picking = outcome.result.picking
    assert f"divided the scores by the temperature, {picking.temperature:g}" in text and "at random" in text
    assert all(len(sentence.split()) <= 30 for sentence in re.split(r"(?<=[.)])\s+(?=[A-Z])", facts["post_steps"]))
    greedy, _ = _raw(run, "smollm2-135m", "tips_prompt.txt", max_tokens=3, temperature=0.0)
    assert "took the highest score each time" in lesson_post.post_facts(greedy.raw, greedy.result, "")["post_steps"]


def test_each_picking_rule_is_named_only_where_it_applied():
    base = Generation("hi", "Hello", 1, 10, 5.0, 5.0, ())
    raw = {"scores": np.zeros(49152, np.float32), "picked": np.array([9], np.int64)}
    said = {p: lesson_post.post_facts(raw, Generation(**{**base.__dict__, "picking": p}), "")["post_steps"]
            for p in (Picking(0.7, 0.9, 1.1), Picking(0.7, 1.0, 1.0), Picking(1.5, 1.0, 1.0))}
    first, plain, bold = said.values()
    assert "repetition penalty 1.1" in first and "90 % of the chance" in first and "more careful" in first
    assert "penalty" not in plain and "chance" not in plain and "bolder" in bold
    assert "The app divided the scores" in plain and "The app made pieces" in first
    assert "The model ran once, on the whole prompt (10 tokens). Each run gave 49,152 scores" in first
