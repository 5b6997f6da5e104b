"""A person's own model kept among the models: `playground models add` writes a card that pins its files' hashes, it
is listed, run and timed like a shipped model, a changed file is refused, and `models remove` deletes it whole."""

from __future__ import annotations

import json
import tomllib

import numpy as np
import onnx
import onnxruntime as ort
import pytest

from playground import paths
from playground.anymodel.feeds import make_inputs
from playground.anymodel.keep import forget, keep
from playground.cli import main
from playground.core.errors import InputError, ModelMissingError
from playground.core.pipeline import Pipeline
from playground.core.task import RunRequest
from playground.tasks.registry import checked_catalog, get_task
from playground.tasks.tensors import tensor_facts
from playground.zoo.fetch import FetchError, fetch_model
from tests.test_anymodel import _pointing_at, classifier, save, two_inputs

LABELS = ["airplane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]


def _run(card, **params):
    return Pipeline().run(RunRequest(card, get_task(card.task), None, params))


def test_a_kept_model_is_listed_and_runs_like_a_shipped_one(tmp_path):
    labels = tmp_path / "labels.txt"
    labels.write_text("\n".join(LABELS), encoding="utf-8")
    kept = keep(save(classifier(), tmp_path / "tiny.onnx"), "My tiny classifier", labels)
    assert kept.id == "my-my-tiny-classifier" and kept.folder.parent == paths.own_models_dir()
    catalog = checked_catalog()
    card = catalog.get(kept.id)
    assert catalog.installed(card) and card.task == "tensors" and card.modality == "tensors" and card.source.own
    assert [(s.name, s.dtype, s.shape) for s in card.inputs] == [("pixels", "float32", ("N", 3, 8, 8))]
    assert card.parameters == 40 and [p.name for p in card.params] == ["fill", "seed", "size_1"]
    assert card.param("size_1").label == "N"

    outcome = _run(card, seed=3, size_1=2)
    made = make_inputs(tuple(tensor_facts(s) for s in card.inputs), "normal", {"N": 2}, 3)
    session = ort.InferenceSession(str(tmp_path / "tiny.onnx"), providers=["CPUExecutionProvider"])
    (expected,) = session.run(None, made.feeds)
    (probs,) = outcome.result.outputs
    assert probs["shape"] == [2, 10] and probs["first"][:8] == pytest.approx(expected.reshape(-1)[:8].tolist())
    assert outcome.result.made == "normal, seed 3; N = 2"
    # Two pictures are not one vector of scores; one is, and its best entries are named from the labels kept.
    (one,) = _run(card, seed=3).result.outputs
    top = one["top"][0]
    assert top["label"] == LABELS[top["index"]] and top["score"] == pytest.approx(one["max"])


def test_a_changed_file_is_refused_and_said_how_to_mend(tmp_path):
    card = keep(save(classifier(), tmp_path / "tiny.onnx"))
    data = bytearray((card.folder / "model.onnx").read_bytes())
    data[-1] ^= 1
    (card.folder / "model.onnx").write_bytes(bytes(data))
    with pytest.raises(ModelMissingError, match=r"model.onnx is damaged or was changed .* add it again with "
                                                r"'playground models add tiny.onnx'"):
        _run(checked_catalog().get(card.id))
    with pytest.raises(FetchError, match="add it again"):  # nothing to download: a fetch says so, never guesses
        fetch_model(card, downloader=None, cache=tmp_path, progress=None)  # type: ignore[arg-type]


def test_external_data_is_kept_with_the_model_and_checked_too(tmp_path):
    path = tmp_path / "model" / "tiny.onnx"
    path.parent.mkdir()
    onnx.save_model(classifier(), str(path), save_as_external_data=True, all_tensors_to_one_file=True,
                    location="tiny.weights", size_threshold=0)
    card = keep(path)
    assert [(f.role, f.path) for f in card.files] == [("main", "model.onnx"), ("data_1", "tiny.weights")]
    assert _run(card).result.outputs[0]["shape"] == [1, 10]
    (card.folder / "tiny.weights").write_bytes(b"\0" * 160)
    with pytest.raises(ModelMissingError, match="tiny.weights is damaged or was changed"):
        _run(checked_catalog().get(card.id))


def test_a_model_reading_outside_its_folder_is_not_kept_and_leaves_nothing(tmp_path):
    (tmp_path / "secret.bin").write_bytes(b"\0" * 4096)
    with pytest.raises(InputError, match="outside its own folder"):
        keep(_pointing_at(tmp_path, "../secret.bin"))
    assert not paths.own_models_dir().exists() or not any(paths.own_models_dir().iterdir())


def test_symbolic_dimensions_become_knobs_and_set_the_shapes(tmp_path):
    card = keep(save(two_inputs(), tmp_path / "pair.onnx"), "pair")
    assert [(p.name, p.label) for p in card.params[2:]] == [("size_1", "batch"), ("size_2", "seq")]
    (total,) = _run(card, size_1=3, size_2=5, fill="ones").result.outputs
    assert total["shape"] == [3, 5] and total["min"] == total["max"] == 2.0


def test_names_are_kept_as_written_and_ids_stay_plain(tmp_path):
    name = 'He said "hi"\\ \x7f\n<b>bold</b> [link](file:///etc/passwd)'
    first = keep(save(classifier(), tmp_path / "a.onnx"), name)
    second = keep(save(classifier(), tmp_path / "b.onnx"), name)
    assert first.name == second.name == name
    assert first.id == "my-he-said-hi-b-bold-b-link-file-etc-passwd"  # a plain folder name, whatever the name
    assert second.id == "my-he-said-hi-b-bold-b-link-file-etc-passwd-2"
    assert tomllib.loads((first.folder / "model.toml").read_text(encoding="utf-8"))["name"] == name


def test_what_cannot_run_is_not_kept(tmp_path):
    model = classifier(opset=99)
    with pytest.raises(InputError, match="is stamped with opset 99"):
        keep(save(model, tmp_path / "new.onnx"))
    strings = onnx.helper.make_graph([onnx.helper.make_node("Identity", ["s"], ["t"])], "strings",
                                     [onnx.helper.make_tensor_value_info("s", onnx.TensorProto.STRING, [1])],
                                     [onnx.helper.make_tensor_value_info("t", onnx.TensorProto.STRING, [1])])
    with pytest.raises(InputError, match="is a tensor\\(string\\): the playground keeps models whose inputs"):
        keep(save(onnx.helper.make_model(strings, ir_version=8, opset_imports=[onnx.helper.make_opsetid("", 17)]),
                  tmp_path / "strings.onnx"))


def test_remove_deletes_a_kept_model_whole_and_never_a_shipped_one(tmp_path):
    card = keep(save(classifier(), tmp_path / "tiny.onnx"))
    shipped = next(c for c in checked_catalog() if not c.source.own)
    with pytest.raises(InputError, match="came with the playground"):
        forget(shipped)
    forget(card)
    assert not card.folder.exists() and card.id not in checked_catalog().ids
    assert (tmp_path / "tiny.onnx").is_file()  # the person's own file is theirs


def test_the_command_line_adds_runs_times_and_removes(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_MODELS", str(tmp_path / "shipped"))  # `remove --all` must not touch the checkout's
    path = save(classifier(), tmp_path / "tiny.onnx")
    assert main(["models", "add", str(path), "--name", "tiny", "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert added["id"] == "my-tiny"
    assert main(["run", "my-tiny", "--param", "seed=1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["result"]["inputs"] == "normal, seed 1; N = 1" and report["result"]["outputs"][0]["name"] == "probs"
    assert main(["bench", "my-tiny", "--runs", "2", "--json"]) == 0
    assert "model" in json.loads(capsys.readouterr().out)["stages"]
    assert main(["run", "my-tiny", "photo.jpg"]) == 2
    assert "makes its own inputs from its signature" in capsys.readouterr().err
    assert main(["models", "remove", "--all"]) == 0
    assert "my-tiny is a model you added: it stays" in capsys.readouterr().out
    assert main(["models", "remove", "my-tiny"]) == 0
    assert "removed my-tiny: its card and files are deleted" in capsys.readouterr().out
    assert "my-tiny" not in checked_catalog().ids


def test_a_bundled_model_kept_from_its_file_has_its_cards_figures(require_model, tmp_path):
    shipped = require_model("efficientnet-lite0")
    card = keep(shipped.path())
    assert card.parameters == shipped.parameters
    assert [(s.name, s.dtype, s.shape) for s in card.inputs] == [(s.name, s.dtype, s.shape) for s in shipped.inputs]
    assert [(s.name, s.dtype, s.shape) for s in card.outputs] == [(s.name, s.dtype, s.shape) for s in shipped.outputs]
    assert card.file("main").sha256 == shipped.file("main").sha256
    assert np.isfinite(_run(card).result.outputs[0]["mean"])
