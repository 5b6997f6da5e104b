"""The photo classifier's class names follow the language the window speaks: the German list, line for line."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from playground import paths
from playground.core import words
from playground.core.card import ModelCard
from playground.core.media import ImageData
from playground.tasks.classify import ClassifyTask, class_names
from tests.test_tasks_classify import IMAGENET_SHA256, logits_for, make_card

LABELS = paths.assets_dir() / "labels"


def lines(path: Path) -> list[str]:
    """The names of a list: UTF-8, one per line, with a trailing newline."""
    text = path.read_bytes().decode("utf-8")
    assert text.endswith("\n") and "\r" not in text and not text.startswith("\ufeff")
    return text[:-1].split("\n")


@pytest.fixture(scope="module")
def card(tmp_path_factory: pytest.TempPathFactory) -> ModelCard:
    return make_card(tmp_path_factory.mktemp("cards"))


@pytest.fixture
def german() -> Iterator[None]:
    words.install(lambda context, text: text, "de")
    try:
        yield
    finally:
        words.install(None)


def test_the_german_list_names_each_class_of_the_english_one_once():
    english, german = lines(LABELS / "imagenet.txt"), lines(LABELS / "imagenet.de.txt")
    assert len(german) == len(english) == 1000
    assert all(name and name == name.strip() for name in german)
    # a German name repeats only where the English one does, on the same lines
    repeated = {name: [i for i, n in enumerate(german) if n == name] for name, k in Counter(german).items() if k > 1}
    for name, where in repeated.items():
        assert len({english[i] for i in where}) == 1, (name, [english[i] for i in where])
    # spot checks on both sides of the list, where a shifted line would show
    assert (german[0], german[1], german[2], german[281], german[967], german[999]) == \
        ("Schleie", "Goldfisch", "Weißer Hai", "Getigerte Katze", "Espresso", "Toilettenpapier")
    assert (english[134], german[134], english[517], german[517]) == ("crane bird", "Kranich", "crane", "Kran")
    assert german[638] != german[639]  # maillot (gymnast's) and maillot tank suit (swimsuit)


def test_the_german_list_is_the_one_sources_md_names():
    sources = (LABELS / "SOURCES.md").read_text(encoding="utf-8")
    row = next(line for line in sources.splitlines() if line.startswith("| `imagenet.de.txt` |"))
    assert "translated for the playground" in row and "MIT (this project)" in row
    listed = re.findall(r"`([0-9a-f]{64})`", row)
    assert listed == [hashlib.sha256((LABELS / "imagenet.de.txt").read_bytes()).hexdigest()]
    assert hashlib.sha256((LABELS / "imagenet.txt").read_bytes()).hexdigest() == IMAGENET_SHA256


def test_the_classifier_names_classes_in_the_language_spoken(card, german):
    names = class_names(card)
    assert len(names) == 1000 and names[967] == "Espresso" and names[0] == "Schleie"
    task = ClassifyTask()
    _, ctx = task.preprocess(ImageData(np.zeros((32, 32, 3), np.uint8)), card, {})
    assert task.postprocess(logits_for(517), ctx, card, {}).items[0].name == "Kran"
    words.install(None)
    assert class_names(card)[967] == "espresso" and class_names(card)[0] == "tench"
    assert task.postprocess(logits_for(517), ctx, card, {}).items[0].name == "crane"


def test_a_language_without_its_own_list_gets_the_english_one(card):
    words.install(lambda context, text: text, "xx")
    try:
        assert class_names(card)[967] == "espresso"
    finally:
        words.install(None)
