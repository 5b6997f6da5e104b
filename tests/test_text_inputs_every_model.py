"""Every text model against the awkward texts people really give: each gives a result or one plain sentence.

The list of models comes from the catalog, so a new text model is checked the day its card lands.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from playground.core.catalog import load_catalog
from playground.core.errors import InputError
from playground.core.media import MAX_TEXT_BYTES, TextData
from playground.core.pipeline import Pipeline
from playground.core.task import RunRequest
from playground.tasks.registry import get_task

pytestmark = pytest.mark.models
TEXT_MODELS = [card.id for card in load_catalog().cards if card.modality == "text"]
SENTENCE = "The weather was lovely today and we walked along the river."

# (name, the input: text, or bytes to be written to a file; may the model refuse it?)
AWKWARD = [
    ("empty", "", True),
    ("whitespace", " \n\t  \n ", True),
    ("emoji only", "😀🎉👍", True),  # no words: a model may say so
    ("emoji in a sentence", "I really love this new phone 😀🎉", False),
    ("NUL inside", "Hello\x00world. " + SENTENCE, False),
    ("right to left", "שלום עולם, זהו מבחן של המערכת.\nمرحبا بالعالم، هذا اختبار.", False),
    ("a megabyte", (SENTENCE + "\n").encode() * (1_100_000 // len(SENTENCE)), False),
    ("not UTF-8", "Chère Madame, voici la lettre écrite en Latin-1.".encode("latin-1"), True),
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def one_sentence(sentence: str) -> None:
    assert sentence.endswith(".") and "\n" not in sentence and len(sentence) < 300, sentence
    assert "Traceback" not in sentence and "onnxruntime" not in sentence.lower(), sentence


@pytest.mark.parametrize("name, given, may_refuse", AWKWARD, ids=[a[0] for a in AWKWARD])
@pytest.mark.parametrize("model_id", TEXT_MODELS)
def test_an_awkward_text_gives_a_result_or_one_plain_sentence(pipeline, require_model, tmp_path: Path, model_id,
                                                              name, given, may_refuse):
    card = require_model(model_id)
    source = TextData(given) if isinstance(given, str) else tmp_path / "given.txt"
    if isinstance(given, bytes):
        source.write_bytes(given)
    params = {"max_tokens": 3} if any(p.name == "max_tokens" for p in card.params) else {}  # a short reply will do
    try:
        outcome = pipeline.run(RunRequest(card, get_task(card.task), source, params))
    except InputError as exc:
        one_sentence(str(exc))
        assert may_refuse, f"{model_id} refused the {name} text: {exc}"
        if name == "not UTF-8":
            assert str(exc).startswith("given.txt is not UTF-8 text")
        return
    assert name != "not UTF-8", f"{model_id} read a Latin-1 file as if it were UTF-8"
    assert outcome.result.summary()
    if name == "a megabyte":  # cut where the decoder stops reading, and the input says so
        assert outcome.decoded.truncated and len(outcome.decoded.text.encode()) <= MAX_TEXT_BYTES
