"""The hostile corpus (tests/hostile.py, 100 inputs made here) against a model of each kind, in-process and on the
command line: every input gives a result or one plain sentence, within a time and a memory bound.

`make corpus` runs the long version: every input through every installed model of its kind, in the command
line and in the window (scripts/hostile_corpus.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from playground.core.catalog import load_catalog
from playground.core.errors import PlaygroundError
from playground.core.pipeline import Pipeline
from playground.core.task import RunRequest
from playground.tasks.registry import get_task
from tests import hostile

pytestmark = pytest.mark.models

# One quick model per kind: the corpus is about the inputs; `make corpus` runs every model.
MODEL = {"image": "efficientnet-lite0", "audio": "silero-vad", "text": "langid"}
SECONDS = 20.0  # the bound on one input's decode and run, on two cores
DECODE_MB = 400  # the bound on what decoding and preparing one input may hold at once (numpy's allocations)
ENTRIES = hostile.entries()


def plain_sentence(text: str) -> bool:
    return (text.endswith(".") and "\n" not in text and 0 < len(text) < 300 and "Traceback" not in text
            and "Error" not in text.split(":")[0])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return {entry.name + entry.kind: path for entry, path in hostile.write(tmp_path_factory.mktemp("corpus"))}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_the_corpus_is_large_and_covers_every_kind():
    kinds = [e.kind for e in ENTRIES]
    assert len(ENTRIES) >= 80 and min(kinds.count(k) for k in MODEL) >= 20
    assert len({(e.kind, e.name) for e in ENTRIES}) == len(ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.kind}-{e.name}")
def test_each_input_gives_a_result_or_one_sentence_within_bounds(entry, corpus, pipeline, require_model):
    card = require_model(MODEL[entry.kind])
    path = corpus[entry.name + entry.kind]
    tracemalloc.start()
    started = time.monotonic()
    try:
        outcome = pipeline.run(RunRequest(card, get_task(card.task), path, {}))
    except PlaygroundError as exc:
        assert plain_sentence(str(exc)), f"{entry.note}: {exc!r}"
    else:
        assert outcome.result.summary(), entry.note
    finally:
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < SECONDS, f"{entry.note} took {elapsed:.1f} s"
    assert peak < DECODE_MB * 1e6, f"{entry.note} held {peak / 1e6:.0f} MB"


# A sample on the real command line: the exit code, stdout's JSON and stderr's one line.
CLI_SAMPLE = [e for i, e in enumerate(ENTRIES) if i % 6 == 0]


@pytest.mark.parametrize("entry", CLI_SAMPLE, ids=lambda e: f"{e.kind}-{e.name}")
def test_the_command_line_answers_with_json_or_one_sentence(entry, corpus, require_model):
    require_model(MODEL[entry.kind])
    done = subprocess.run([sys.executable, "-m", "playground", "run", MODEL[entry.kind],
                           str(corpus[entry.name + entry.kind]), "--json"], capture_output=True, timeout=120)
    if done.returncode == 0:
        assert json.loads(done.stdout.decode("utf-8"))["result"], entry.note
    else:
        said = done.stderr.decode("utf-8").strip()
        assert done.returncode == 2 and said.startswith("playground: "), f"{entry.note}: {said}"
        assert plain_sentence(said.removeprefix("playground: ")), f"{entry.note}: {said}"


def test_every_model_kind_has_its_model_in_the_catalog():
    ids = {card.id: card.modality for card in load_catalog()}
    assert all(ids.get(model) == kind for kind, model in MODEL.items())
