"""A built file the same as one another model has is linked to it: on disk once, and each model still whole."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from playground.core.built import MANIFEST
from playground.zoo.share import link_if_shared, same_file_elsewhere


def built(folder: Path, files: dict[str, bytes]) -> None:
    """A model folder whose last build recorded `files` in its manifest."""
    folder.mkdir(parents=True)
    entries = {}
    for role, (name, data) in enumerate(files.items()):
        (folder / name).write_bytes(data)
        entries[f"r{role}"] = {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    (folder / MANIFEST).write_text(json.dumps({"files": entries}), encoding="utf-8")


def test_the_same_weights_are_linked_to_the_other_models_copy(tmp_path: Path):
    weights = b"4-bit weights" * 1000
    built(tmp_path / "chat", {"chat.weights": weights, "graph.onnx": b"graph one"})
    fresh = tmp_path / "chat-int8" / "work" / "chat.weights"
    fresh.parent.mkdir(parents=True)
    fresh.write_bytes(weights)
    assert link_if_shared(fresh, tmp_path / "chat-int8", hashlib.sha256(weights).hexdigest())
    assert fresh.stat().st_ino == (tmp_path / "chat" / "chat.weights").stat().st_ino
    assert fresh.read_bytes() == weights


def test_a_different_file_or_a_stale_record_is_never_linked(tmp_path: Path):
    built(tmp_path / "a", {"x.bin": b"one", "y.bin": b"two"})
    (tmp_path / "a" / "y.bin").write_bytes(b"changed since")  # the record says otherwise now: size differs
    assert same_file_elsewhere(tmp_path / "b", hashlib.sha256(b"two").hexdigest(), 3) is None
    other = tmp_path / "b" / "x.bin"
    other.parent.mkdir()
    other.write_bytes(b"ONE")
    assert not link_if_shared(other, tmp_path / "b", hashlib.sha256(b"ONE").hexdigest())
    assert other.read_bytes() == b"ONE" and other.stat().st_nlink == 1


def test_a_manifest_naming_a_file_outside_its_folder_is_not_followed(tmp_path: Path):
    secret = tmp_path / "secret.bin"
    secret.write_bytes(b"not a model's")
    folder = tmp_path / "models" / "evil"
    folder.mkdir(parents=True)
    digest = hashlib.sha256(b"not a model's").hexdigest()
    (folder / MANIFEST).write_text(json.dumps({"files": {"main": {"path": "../../secret.bin", "sha256": digest,
                                                                  "size": 13}}}), encoding="utf-8")
    assert same_file_elsewhere(tmp_path / "models" / "other", digest, 13) is None
