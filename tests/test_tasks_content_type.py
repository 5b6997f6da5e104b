"""Content-type task: Magika's byte layout, the too-short rule, thresholds, overwrites and the config checks."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from playground import paths
from playground.core.card import parse_card
from playground.core.errors import InputError, ModelCardError, ModelMissingError
from playground.core.media import TextData
from playground.core.results import Labels
from playground.tasks.content_type import ContentTypeTask, Postprocess, Preprocess, byte_features, load_config

PAD = 256
LABELS = ["python", "txt", "randomtxt", "sql", "json"]


def layout(raw: bytes) -> np.ndarray:
    return byte_features(raw, beg_size=1024, end_size=1024, block_size=4096, padding=PAD)


def test_the_start_is_left_stripped_the_end_right_stripped_and_both_padded():
    features = layout(b"  \n\tprint(1)\n\n")
    assert features.dtype == np.int32 and features.shape == (2048,)
    assert bytes(features[:10].astype(np.uint8)) == b"print(1)\n\n" and (features[10:1024] == PAD).all()
    assert (features[1024:2036] == PAD).all() and bytes(features[2036:].astype(np.uint8)) == b"  \n\tprint(1)"


def test_long_text_gives_the_first_and_last_kilobyte():
    raw = b"   " + bytes(range(33, 127)) * 100  # 9,403 bytes
    features = layout(raw)
    assert np.array_equal(features[:1024], np.frombuffer(raw[3:1027], np.uint8))
    assert np.array_equal(features[1024:], np.frombuffer(raw[-1024:], np.uint8))


def test_only_the_first_block_is_searched_for_the_start():
    # Magika reads at most 4,096 bytes from each end: leading spaces that fill the block leave no start.
    features = layout(b" " * 5000 + b"SELECT 1;")
    assert (features[:1024] == PAD).all() and bytes(features[-9:].astype(np.uint8)) == b"SELECT 1;"


def test_text_is_read_as_utf8_bytes():
    features = layout("café".encode())
    assert features[:5].tolist() == [99, 97, 102, 195, 169]


@pytest.fixture
def card(tmp_path):
    """The real card, pointed at a small config with five labels."""
    real = parse_card(paths.models_dir() / "magika" / "model.toml")
    config = {"beg_size": 1024, "end_size": 1024, "block_size": 4096, "padding_token": 256,
              "min_file_size_for_dl": 8, "medium_confidence_threshold": 0.5, "target_labels_space": LABELS,
              "thresholds": {"sql": 0.9}, "overwrite_map": {"randomtxt": "txt"}}
    (tmp_path / "config.min.json").write_text(json.dumps(config), encoding="utf-8")
    return dataclasses.replace(real, folder=tmp_path)


class Runner:
    """Returns fixed probabilities, and remembers whether the model was asked at all."""

    def __init__(self, card, scores: dict[str, float]) -> None:
        self.card, self.calls = card, []
        self.probs = np.array([[scores.get(label, 0.0) for label in LABELS]], np.float32)

    def run(self, feeds, outputs=None, role="main"):
        self.calls.append(feeds)
        return {"target_label": self.probs}

    def check(self):
        pass

    def report(self, fraction, partial=None):
        pass


def identify(card, text: str, scores: dict[str, float] | None = None, **params) -> tuple[Labels, Runner]:
    task = ContentTypeTask()
    values = {**card.defaults(), **params}
    feeds, ctx = task.preprocess(TextData(text), card, values)
    runner = Runner(card, scores or {})
    return task.postprocess(task.infer(runner, feeds, ctx), ctx, card, values), runner


SNIPPET = "def f(x):\n    return x * 2\n"


def test_a_confident_guess_is_the_answer_with_a_description(card):
    labels, runner = identify(card, SNIPPET, {"python": 0.7, "txt": 0.2, "sql": 0.1})
    assert len(runner.calls) == 1 and runner.calls[0]["bytes"].shape == (1, 2048)
    assert [lab.name for lab in labels.items] == ["python", "txt", "sql", "randomtxt", "json"]
    assert [lab.score for lab in labels.items] == pytest.approx([0.7, 0.2, 0.1, 0.0, 0.0])
    assert labels.items[0].description == "Python source code" and labels.note == ""


def test_top_k_limits_the_list(card):
    labels, _ = identify(card, SNIPPET, {"python": 0.7, "txt": 0.2, "sql": 0.1}, top_k=2)
    assert [lab.name for lab in labels.items] == ["python", "txt"]


def test_a_guess_below_its_own_threshold_is_called_plain_text(card):
    labels, _ = identify(card, "SELECT name FROM pets;", {"sql": 0.8, "txt": 0.2})
    assert labels.items[0].name == "sql"
    assert labels.note.startswith("Not sure enough") and "0.80 but needs 0.90" in labels.note
    assert "plain text" in labels.note
    labels, _ = identify(card, '{"a": [1, 2]}', {"json": 0.45, "txt": 0.3})
    assert "needs 0.50" in labels.note


def test_random_looking_text_is_shown_as_text(card):
    labels, _ = identify(card, "xq7 zk2 pw9 vv1", {"randomtxt": 0.9})
    assert labels.items[0].name == "randomtxt" and labels.note.startswith("Shown as plain text")


@pytest.mark.parametrize("text", ["hi", "  \n ab  \t\n", "1234567"])
def test_too_little_text_skips_the_model(card, text):
    labels, runner = identify(card, text)
    assert runner.calls == []
    assert [(lab.name, lab.score) for lab in labels.items] == [("txt", 1.0)] and "Too short" in labels.note


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_gets_a_sentence(card, text):
    with pytest.raises(InputError, match="no text to look at"):
        identify(card, text)


def test_a_config_that_disagrees_with_the_card_is_refused(card):
    config = json.loads(card.path("config").read_text())
    card.path("config").write_text(json.dumps({**config, "beg_size": 512}))
    with pytest.raises(ModelCardError, match=r"'preprocess.beg_size' is 1024, but config.min.json says 512"):
        load_config(card)


@pytest.mark.parametrize(("table", "values", "message"), [
    (Preprocess, {"min_size_for_model": 2048},
     r"'preprocess.min_size_for_model' \(2048\) must not exceed 'preprocess.beg_size' \(1024\)\."),
    (Postprocess, {"default_threshold": 1.5}, r"'postprocess.default_threshold' must be between 0 and 1, not 1.5\."),
])
def test_card_values_that_cannot_work_are_refused(card, table, values, message):
    bad = dataclasses.replace(card, **{table.section: {**getattr(card, table.section), **values}})
    with pytest.raises(ModelCardError, match=message):
        table.of(bad)


def test_the_threshold_defaults_to_one_half(card):
    assert Postprocess.of(dataclasses.replace(card, postprocess={})).default_threshold == 0.5


def test_a_missing_or_damaged_config_says_how_to_get_it(card):
    card.path("config").write_text("{not json")
    with pytest.raises(ModelMissingError, match="damaged.*models fetch magika"):
        load_config(card)
    card.path("config").unlink()
    with pytest.raises(ModelMissingError, match="not installed yet"):
        load_config(card)


def test_a_model_that_rates_a_different_number_of_types_is_refused(card):
    task = ContentTypeTask()
    feeds, ctx = task.preprocess(TextData(SNIPPET), card, card.defaults())
    with pytest.raises(ModelCardError, match="rates 3 types, but its config lists 5"):
        task.postprocess({"target_label": np.zeros((1, 3), np.float32)}, ctx, card, card.defaults())
