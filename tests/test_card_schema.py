"""Card tables are data checked when the catalog loads: a misspelt, ill-typed or inconsistent key is refused
naming the file and the key, and every bundled card passes its task's check."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from playground import paths
from playground.core.card import parse_card
from playground.core.card_schema import check_tables
from playground.core.errors import ModelCardError
from playground.tasks.classify import Postprocess, Preprocess
from playground.tasks.registry import TASKS, check_card, checked_catalog

CARDS = sorted(paths.models_dir().glob("*/model.toml"))


@pytest.mark.parametrize("card_file", CARDS, ids=[f.parent.name for f in CARDS])
def test_every_bundled_card_passes_its_tasks_check(card_file: Path) -> None:
    check_card(parse_card(card_file))


def test_every_task_declares_the_tables_it_reads() -> None:
    for name, task in TASKS.items():
        sections = [table.section for table in task.card_tables]
        assert len(sections) == len(set(sections)), f"{name} declares a table twice"


def _efficientnet(**changes: dict) -> object:
    card = parse_card(paths.models_dir() / "efficientnet-lite0" / "model.toml")
    return dataclasses.replace(card, **changes)


def test_a_table_is_read_typed_with_its_defaults() -> None:
    card = _efficientnet()
    pre = Preprocess.of(card)
    assert (pre.resize_shorter, pre.crop, pre.resample) == (256, 224, "bilinear")
    assert pre.pixel_mean == (127.0, 127.0, 127.0) and isinstance(pre.pixel_std, tuple)
    assert Postprocess.of(card).labels == "imagenet"
    lean = _efficientnet(preprocess={k: v for k, v in card.preprocess.items() if k not in ("resample", "colour")})
    assert Preprocess.of(lean).resample == "bilinear" and Preprocess.of(lean).colour is None


@pytest.mark.parametrize("change, sentence", [
    ({"resize_shorter": 0}, r"key 'preprocess.resize_shorter' must be above 0, not 0\."),
    ({"crop": "224"}, r"key 'preprocess.crop' must be a whole number, not text\."),
    ({"crop": True}, r"key 'preprocess.crop' must be a whole number, not true/false\."),
    ({"crop": 300}, r"key 'preprocess.crop' \(300\) must not exceed 'preprocess.resize_shorter' \(256\)\."),
    ({"pixel_mean": [1, 2]}, r"key 'preprocess.pixel_mean' must list 3 numbers\."),
    ({"pixel_std": [1, 0, 1]}, r"key 'preprocess.pixel_std' must be above 0\."),
    ({"resample": "bilinaer"}, r"key 'preprocess.resample' must be one of nearest, .*lanczos, not 'bilinaer'\."),
    ({"colour": 3}, r"key 'preprocess.colour' must be text, not a whole number\."),
])
def test_an_ill_typed_or_inconsistent_key_is_refused_naming_the_file_and_key(change: dict, sentence: str) -> None:
    card = _efficientnet()
    bad = dataclasses.replace(card, preprocess={**card.preprocess, **change})
    with pytest.raises(ModelCardError, match=r"efficientnet-lite0/model.toml: " + sentence):
        check_card(bad)


def test_a_missing_or_unknown_key_is_refused() -> None:
    card = _efficientnet()
    without = dataclasses.replace(card, preprocess={k: v for k, v in card.preprocess.items() if k != "crop"})
    with pytest.raises(ModelCardError, match=r"key 'preprocess.crop' is missing; the classify task needs it\."):
        check_card(without)
    misspelt = dataclasses.replace(card, postprocess={**card.postprocess, "lables": "imagenet"})
    with pytest.raises(ModelCardError, match=r"key 'postprocess.lables' is not one the classify task reads "
                                             r"\(it reads: labels, softmax\)\."):
        check_card(misspelt)
    with pytest.raises(ModelCardError, match=r"key 'postprocess.labels' must be a plain file name"):
        check_card(dataclasses.replace(card, postprocess={"labels": "../../etc/passwd"}))


def test_a_table_where_the_task_reads_none_is_refused() -> None:
    card = _efficientnet()
    with pytest.raises(ModelCardError, match=r"key 'postprocess.labels' is not one the classify task reads "
                                             r"\(it reads: none\)\."):
        check_tables(card, [Preprocess])


def test_the_catalog_keeps_a_refused_card_aside_with_its_sentence(tmp_path: Path) -> None:
    for name in ("efficientnet-lite0", "centerface"):
        shutil.copytree(paths.models_dir() / name, tmp_path / name, ignore=shutil.ignore_patterns("*.onnx"))
    card_file = tmp_path / "centerface" / "model.toml"
    card_file.write_text(card_file.read_text().replace("max_side =", "max_sied ="))
    catalog = checked_catalog(tmp_path)
    assert catalog.ids == ("efficientnet-lite0",)
    with pytest.raises(ModelCardError, match=r"centerface/model.toml: key 'preprocess.max_sied' is not one the "
                                             r"faces task reads"):
        catalog.get("centerface")
