"""Property-based fuzzing (hypothesis) of every decoder, every task's pre-processing and the card reader: whatever
bytes, pixels, samples, text or card a person gives, the answer is a value or one of the app's own errors with a
plain sentence, never another exception. The examples are generated here, from seeds that repeat run to run."""

from __future__ import annotations

import io
import os
import tomllib
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from playground import paths
from playground.core import media
from playground.core.card import parse_card
from playground.core.catalog import load_catalog
from playground.core.errors import ModelCardError, PlaygroundError
from playground.core.media import AudioData, ImageData, TextData
from playground.tasks.registry import check_card, get_task

# Few, repeatable examples: the test command must stay quick, and a failure must show up the same way again.
# FUZZ_EXAMPLES=2000 (and FUZZ_RANDOM=1 for new seeds each time) searches longer.
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")), derandomize=not os.environ.get("FUZZ_RANDOM"),
                deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
CATALOG = load_catalog()


def plain(error: PlaygroundError) -> None:
    sentence = str(error)
    assert sentence and "\n" not in sentence and len(sentence) < 400 and "Traceback" not in sentence, sentence


def _png() -> bytes:
    out = io.BytesIO()
    Image.fromarray(np.arange(48 * 32 * 3, dtype=np.uint8).reshape(32, 48, 3)).save(out, "PNG")
    return out.getvalue()


def _wav() -> bytes:
    out = io.BytesIO()
    sf.write(out, np.sin(np.arange(4000) / 9.0).astype(np.float32) * 0.3, 16000, format="WAV", subtype="PCM_16")
    return out.getvalue()


def mutated(seed: bytes) -> st.SearchStrategy[bytes]:
    """The seed with a few bytes changed, cut short or with bytes inserted: files that are almost right."""
    def apply(edits: list[tuple[int, int, int]]) -> bytes:
        data = bytearray(seed)
        for kind, at, value in edits:
            if not data:
                break
            at %= len(data)
            if kind == 0:
                data[at] = value
            elif kind == 1:
                del data[at:]
            else:
                data[at:at] = bytes([value]) * 8
        return bytes(data)
    edit = st.tuples(st.integers(0, 2), st.integers(0, 1 << 20), st.integers(0, 255))
    return st.lists(edit, min_size=1, max_size=6).map(apply)


def decode_or_refuse(kind: str, data: bytes, card: object = None) -> None:
    try:
        decoded = media.decode(kind, data, card)
    except PlaygroundError as exc:
        plain(exc)
        return
    if kind == "image":
        assert decoded.pixels.ndim == 3 and decoded.pixels.shape[2] == 3 and decoded.pixels.dtype == np.uint8
    elif kind == "audio":
        assert decoded.samples.ndim == 1 and np.isfinite(decoded.samples).all()
        assert np.abs(decoded.samples).max(initial=0.0) <= 1.0
    else:
        assert isinstance(decoded.text, str) and decoded.text.strip()


@FUZZ
@given(st.one_of(st.binary(max_size=2048), mutated(_png())))
def test_image_decoding_never_fails_other_than_with_a_sentence(data):
    decode_or_refuse("image", data)


@FUZZ
@given(st.one_of(st.binary(max_size=2048), mutated(_wav())))
def test_audio_decoding_never_fails_other_than_with_a_sentence(data):
    decode_or_refuse("audio", data, CATALOG.get("silero-vad"))


@FUZZ
@given(st.one_of(st.binary(max_size=4096), st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_text_decoding_never_fails_other_than_with_a_sentence(data):
    decode_or_refuse("text", data)


def _models(kind: str) -> list[str]:
    return [card.id for card in CATALOG if card.modality == kind and get_task(card.task).entry != "message"]


pictures = st.tuples(st.integers(1, 96), st.integers(1, 96), st.integers(0, 2**32 - 1)).map(
    lambda s: np.random.default_rng(s[2]).integers(0, 256, (s[0], s[1], 3), dtype=np.uint8))


@pytest.mark.models
@pytest.mark.parametrize("model_id", _models("image"))
@FUZZ
@given(pixels=pictures)
def test_every_image_tasks_preprocessing_takes_any_picture_or_says_why(require_model, model_id, pixels):
    card = require_model(model_id)
    try:
        feeds, _ = get_task(card.task).preprocess(ImageData(pixels), card, card.defaults())
    except PlaygroundError as exc:
        plain(exc)
        return
    assert all(np.isfinite(v).all() for v in feeds.values() if v.dtype.kind == "f")


sounds = st.tuples(st.integers(0, 24000), st.floats(0.0, 1.0), st.integers(0, 2**32 - 1)).map(
    lambda s: (np.random.default_rng(s[2]).uniform(-s[1], s[1], s[0])).astype(np.float32))


@pytest.mark.models
@pytest.mark.parametrize("model_id", _models("audio"))
@FUZZ
@given(samples=sounds)
def test_every_audio_tasks_preprocessing_takes_any_recording_or_says_why(require_model, model_id, samples):
    card = require_model(model_id)
    rate = int(card.preprocess.get("sample_rate", 16000))
    try:
        get_task(card.task).preprocess(AudioData(samples, rate), card, card.defaults())
    except PlaygroundError as exc:
        plain(exc)


@pytest.mark.models
@pytest.mark.parametrize("model_id", _models("text"))
@FUZZ
@given(text=st.text(min_size=1, max_size=300))
def test_every_text_tasks_preprocessing_takes_any_text_or_says_why(require_model, model_id, text):
    card = require_model(model_id)
    try:
        get_task(card.task).preprocess(TextData(text), card, card.defaults())
    except PlaygroundError as exc:
        plain(exc)


CARD_TEXTS = {path.parent.name: path.read_text(encoding="utf-8") for path in paths.models_dir().glob("*/model.toml")}
values = st.one_of(st.integers(-(2**70), 2**70), st.floats(allow_nan=True), st.text(max_size=20), st.booleans(),
                   st.lists(st.integers(-5, 5), max_size=4))


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if value != value else ("inf" if value == float("inf") else "-inf" if value == -float("inf")
                                             else repr(value))
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


@FUZZ
@given(model=st.sampled_from(sorted(CARD_TEXTS)), line=st.integers(0, 10_000), value=values,
       how=st.sampled_from(["replace", "delete", "duplicate", "garble"]))
def test_a_damaged_card_is_read_or_refused_with_its_file_named(tmp_path_factory, model, line, value, how):
    lines = CARD_TEXTS[model].splitlines()
    at = line % len(lines)
    if how == "replace" and "=" in lines[at]:
        lines[at] = lines[at].split("=")[0] + "= " + _toml(value)
    elif how == "delete":
        del lines[at]
    elif how == "duplicate":
        lines.insert(at, lines[at])
    else:
        lines[at] = lines[at][: len(lines[at]) // 2]
    folder = tmp_path_factory.mktemp("card") / model
    folder.mkdir()
    (folder / "model.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        check_card(parse_card(folder / "model.toml"))
    except ModelCardError as exc:
        plain(exc)
        assert "model.toml" in str(exc) or model in str(exc) or "task" in str(exc), str(exc)


def test_the_seeds_are_what_they_claim():
    assert media.decode("image", _png()).pixels.shape == (32, 48, 3)
    assert len(media.decode("audio", _wav(), CATALOG.get("silero-vad")).samples) == 4000
    assert all(tomllib.loads(text) for text in CARD_TEXTS.values())
    assert Path(paths.models_dir()).is_dir()
