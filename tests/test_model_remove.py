"""`playground models remove` frees a model's disk space, keeps its card, and `fetch` brings it back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from playground.cli import main
from playground.core.catalog import load_catalog

SMALL = "silero-vad"


@pytest.fixture
def models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, require_model) -> Path:
    """A models folder holding a fetched silero-vad and an unfetched magika card."""
    require_model(SMALL)
    shutil.copytree(load_catalog().get(SMALL).folder, tmp_path / SMALL,
                    ignore=shutil.ignore_patterns(".build-*", "*.lock"))
    (tmp_path / "magika").mkdir()
    shutil.copy(load_catalog().get("magika").folder / "model.toml", tmp_path / "magika" / "model.toml")
    monkeypatch.setenv("PLAYGROUND_MODELS", str(tmp_path))
    return tmp_path


@pytest.mark.models
def test_remove_deletes_the_built_files_keeps_the_card_and_fetch_brings_it_back(models: Path, capsys) -> None:
    card = load_catalog(models).get(SMALL)
    size = sum((models / SMALL / f.path).stat().st_size for f in card.files)
    assert main(["models", "remove", SMALL, "magika"]) == 0
    said = capsys.readouterr().out
    assert f"removed {SMALL}: 1 file, {size / 1e6:.1f} MB freed" in said
    assert "magika was not installed" in said and "The downloaded packages stay in" in said
    assert sorted(p.name for p in (models / SMALL).iterdir()) == ["model.toml"]
    assert not load_catalog(models).installed(card)
    assert main(["models", "fetch", SMALL]) == 0
    assert load_catalog(models).installed(card)
    assert main(["models", "verify", SMALL]) == 0


def test_remove_without_a_model_says_what_to_give(models: Path, capsys) -> None:
    assert main(["models", "remove"]) == 2
    assert capsys.readouterr().err == ("playground: Name the models to remove (see 'playground models list'), or give "
                                       "--all for every one.\n")
    assert load_catalog(models).installed(load_catalog(models).get(SMALL)), "nothing was removed"


def test_removing_one_of_two_models_that_share_a_file_frees_only_its_own(tmp_path: Path) -> None:
    from playground.zoo.remove import remove_model
    from tests.tiny_models import scale_model, write_card

    for model_id in ("chat", "chat-int8"):
        write_card(tmp_path, model_id, scale_model())
    shared = tmp_path / "chat-int8" / "main.onnx"
    shared.unlink()
    shared.hardlink_to(tmp_path / "chat" / "main.onnx")  # as a fetch links twins' identical files
    twin = load_catalog(tmp_path).get("chat-int8")
    assert twin.own_bytes < twin.size_bytes  # what Remove offers to free: not the shared file
    removed = remove_model(twin)
    assert removed.files == 1 and removed.freed == 0  # the blocks stay: the other model still has them
    assert (tmp_path / "chat" / "main.onnx").is_file() and load_catalog(tmp_path).installed(
        load_catalog(tmp_path).get("chat"))
