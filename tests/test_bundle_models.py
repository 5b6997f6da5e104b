"""An installed bundle (a .deb's /opt folder): the models it ships are linked into the person's folder, read where
they lie and never removed from there; a model it lacks is downloaded beside them; nothing is written into it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from playground import paths
from playground.core.catalog import load_catalog
from playground.core.shipped_cards import comes_with_app
from playground.zoo.remove import remove_model
from tests.tiny_models import scale_model, write_card


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A read-only bundle shipping 'shipped' whole and only the card of 'extra'; a person's empty data folder."""
    app = tmp_path / "opt" / "inference-playground"
    write_card(app / "models", "shipped", scale_model())
    write_card(app / "models", "extra", scale_model(3.0))
    (app / "models" / "shipped" / ".built").write_text("{}", encoding="utf-8")
    (app / "models" / "extra" / "main.onnx").unlink()  # fetched from the window when asked for
    for path in sorted(app.rglob("*"), reverse=True):
        path.chmod(stat.S_IRUSR | stat.S_IXUSR if path.is_dir() else stat.S_IRUSR)
    monkeypatch.setattr(paths, "_frozen_root", lambda: app)
    monkeypatch.setattr(paths, "_checkout_root", lambda: None)
    monkeypatch.delenv("PLAYGROUND_MODELS", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home"))
    yield app
    for path in app.rglob("*"):
        path.chmod(stat.S_IRWXU)


def test_the_shipped_models_are_linked_into_the_persons_folder_and_run_from_there(bundle: Path, tmp_path: Path):
    catalog = load_catalog()
    assert catalog.folder == tmp_path / "home" / "inference-playground" / "models"
    shipped, extra = catalog.get("shipped"), catalog.get("extra")
    assert catalog.installed(shipped) and comes_with_app(shipped)
    assert (shipped.folder / "main.onnx").resolve() == bundle / "models" / "shipped" / "main.onnx"
    assert not catalog.installed(extra) and not comes_with_app(extra)
    assert os.access(extra.folder, os.W_OK)  # a download of it lands here, beside the shipped ones


def test_removing_a_model_that_came_with_the_app_removes_nothing(bundle: Path):
    shipped = load_catalog().get("shipped")
    removed = remove_model(shipped)
    assert removed.with_app and removed.files == 0 and removed.freed == 0
    assert (bundle / "models" / "shipped" / "main.onnx").is_file() and load_catalog().installed(shipped)


def test_a_link_left_dangling_by_an_older_app_is_made_again(bundle: Path, tmp_path: Path):
    shipped = load_catalog().get("shipped")
    link = shipped.folder / "main.onnx"
    link.unlink()
    link.symlink_to(tmp_path / "old-opt" / "main.onnx")  # where an earlier version of the app lived
    assert not link.exists()
    catalog = load_catalog()  # the next start links it to the app's copy again
    assert link.resolve() == bundle / "models" / "shipped" / "main.onnx" and catalog.installed(shipped)


def test_a_file_the_person_downloaded_is_kept_over_the_apps_link(bundle: Path):
    shipped = load_catalog().get("shipped")
    target = shipped.folder / "main.onnx"
    target.unlink()
    target.write_bytes((bundle / "models" / "shipped" / "main.onnx").read_bytes())  # fetched again, say
    load_catalog()
    assert not target.is_symlink() and not comes_with_app(shipped)
