"""A model that runs another (Whisper listens with the voice detector) is installed only with it, and a fetch
of it brings the other along; removing it leaves the other, which may serve models of its own."""

from __future__ import annotations

from pathlib import Path

from playground.core.catalog import load_catalog
from tests.tiny_models import scale_model, write_card


def catalog_with_companions(tmp_path: Path):
    for model_id in ("listener", "detector", "other"):
        write_card(tmp_path, model_id, scale_model())
    card = tmp_path / "listener" / "model.toml"
    card.write_text(card.read_text(encoding="utf-8").replace('parameters = 1\n',
                    'parameters = 1\n\n[companions]\nvad = "detector"\n', 1), encoding="utf-8")
    return load_catalog(tmp_path)


def test_a_model_counts_as_installed_only_with_the_models_it_also_runs(tmp_path):
    catalog = catalog_with_companions(tmp_path)
    listener, detector = catalog.get("listener"), catalog.get("detector")
    assert listener.companions == {"vad": "detector"}
    assert catalog.installed(listener) and catalog.installed(detector)
    (tmp_path / "detector" / "main.onnx").unlink()  # the detector removed on its own
    assert not catalog.installed(detector) and not catalog.installed(listener)
    assert catalog.installed(catalog.get("other"))


def test_a_fetch_brings_the_companions_first_each_once(tmp_path):
    catalog = catalog_with_companions(tmp_path)
    listener, detector, other = (catalog.get(i) for i in ("listener", "detector", "other"))
    assert [c.id for c in catalog.needed(listener)] == ["detector", "listener"]
    assert [c.id for c in catalog.with_companions([listener, other, detector])] == ["detector", "listener", "other"]
    assert [c.id for c in catalog.needed(other)] == ["other"]


def test_a_loop_of_companions_or_an_unknown_one_ends(tmp_path):
    catalog = catalog_with_companions(tmp_path)
    card = tmp_path / "detector" / "model.toml"
    card.write_text(card.read_text(encoding="utf-8").replace('parameters = 1\n',
                    'parameters = 1\n\n[companions]\nback = "listener"\nghost = "not-a-model"\n', 1),
                    encoding="utf-8")
    catalog = load_catalog(tmp_path)
    assert sorted(c.id for c in catalog.needed(catalog.get("listener"))) == ["detector", "listener"]
    assert catalog.needed(catalog.get("listener"))[-1].id == "listener"
