"""A person's own model kept among the models: `playground models add` writes a card that pins its files' hashes, it
is listed, run and timed like a shipped model, a changed file is refused, and `models remove` deletes it whole."""

from __future__ import annotations

import json
import shutil
import tomllib

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper

from playground import paths
from playground.anymodel.feeds import make_inputs
from playground.anymodel.keep import forget, keep
from playground.anymodel.twin import int8_twin
from playground.cli import main
from playground.core.cancel import CancelToken
from playground.core.cpu import int8_dot_product
from playground.core.errors import Cancelled, InputError, ModelMissingError
from playground.core.media import AudioData, ImageData
from playground.core.pipeline import Pipeline
from playground.core.task import RunRequest
from playground.lab.compare import compare, twin_of
from playground.tasks.registry import checked_catalog, get_task
from playground.tasks.tensors import tensor_facts
from playground.zoo.fetch import FetchError, fetch_model
from tests.test_anymodel import _pointing_at, classifier, save, two_inputs

LABELS = ["airplane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]


def scorer() -> onnx.ModelProto:
    """A model that takes no picture: N × 6 features → 10 class probabilities."""
    rng = np.random.default_rng(1)
    weight = numpy_helper.from_array(rng.standard_normal((6, 10)).astype(np.float32), "w")
    nodes = [helper.make_node("MatMul", ["features", "w"], ["logits"]),
             helper.make_node("Softmax", ["logits"], ["probs"], axis=1)]
    graph = helper.make_graph(nodes, "scorer", [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", 6])],
                              [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["N", 10])], [weight])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


def _run(card, **params):
    return Pipeline().run(RunRequest(card, get_task(card.task), None, params))


def test_a_kept_model_is_listed_and_runs_like_a_shipped_one(tmp_path):
    labels = tmp_path / "labels.txt"
    labels.write_text("\n".join(LABELS), encoding="utf-8")
    kept = keep(save(scorer(), tmp_path / "scorer.onnx"), "My tiny scorer", labels)
    assert kept.id == "my-tiny-scorer" and kept.folder.parent == paths.own_models_dir()
    catalog = checked_catalog()
    card = catalog.get(kept.id)
    assert catalog.installed(card) and card.task == "tensors" and card.modality == "tensors" and card.source.own
    assert [(s.name, s.dtype, s.shape) for s in card.inputs] == [("features", "float32", ("N", 6))]
    assert card.parameters == 60 and [p.name for p in card.params] == ["fill", "seed", "size_1"]
    assert card.param("size_1").label == "N"

    outcome = _run(card, seed=3, size_1=2)
    made = make_inputs(tuple(tensor_facts(s) for s in card.inputs), "normal", {"N": 2}, 3)
    session = ort.InferenceSession(str(tmp_path / "scorer.onnx"), providers=["CPUExecutionProvider"])
    (expected,) = session.run(None, made.feeds)
    (probs,) = outcome.result.outputs
    assert probs["shape"] == [2, 10] and probs["first"][:8] == pytest.approx(expected.reshape(-1)[:8].tolist())
    assert outcome.result.made == "made inputs: normal, seed 3; N = 2"
    # Two pictures are not one vector of scores; one is, and its best entries are named from the labels kept.
    (one,) = _run(card, seed=3).result.outputs
    top = one["top"][0]
    assert top["label"] == LABELS[top["index"]] and top["score"] == pytest.approx(one["max"])


def test_a_changed_file_is_refused_and_said_how_to_mend(tmp_path):
    card = keep(save(scorer(), tmp_path / "tiny.onnx"))
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
    onnx.save_model(scorer(), str(path), save_as_external_data=True, all_tensors_to_one_file=True,
                    location="tiny.weights", size_threshold=0)
    card = keep(path)
    assert [(f.role, f.path) for f in card.files] == [("main", "model.onnx"), ("data_1", "tiny.weights")]
    assert _run(card).result.outputs[0]["shape"] == [1, 10]
    (card.folder / "tiny.weights").write_bytes(b"\0" * 240)
    with pytest.raises(ModelMissingError, match="tiny.weights is damaged or was changed"):
        _run(checked_catalog().get(card.id))


def test_a_folder_being_filled_is_never_listed(tmp_path):
    card = keep(save(scorer(), tmp_path / "tiny.onnx"))
    shutil.copytree(card.folder, paths.own_models_dir() / ".adding-my-next-1234")
    listed = checked_catalog()
    assert card.id in listed.ids and not [name for name, _ in listed.broken]


def test_a_model_reading_outside_its_folder_is_not_kept_and_leaves_nothing(tmp_path):
    (tmp_path / "secret.bin").write_bytes(b"\0" * 4096)
    with pytest.raises(InputError, match="outside its own folder"):
        keep(_pointing_at(tmp_path, "../secret.bin"))
    assert not paths.own_models_dir().exists() or not any(paths.own_models_dir().iterdir())


def _expected(pixels_mean: np.ndarray, model: onnx.ModelProto) -> np.ndarray:
    """What the picture classifier answers for a picture of one colour: its Gemm on the three channel means."""
    weight, bias = (numpy_helper.to_array(t) for t in model.graph.initializer)
    logits = pixels_mean @ weight + bias
    return np.exp(logits - logits.max()) / np.exp(logits - logits.max()).sum()


def test_a_model_that_takes_a_picture_takes_the_persons_photo_as_they_preprocess_it(tmp_path):
    card = keep(save(classifier(), tmp_path / "tiny.onnx"))
    assert card.task == "picture_tensors" and card.modality == "image" and card.preprocess["layout"] == "nchw"
    assert [p.name for p in card.params] == ["fit", "range", "normalise", "colour"]  # 8 × 8: no size to choose
    photo = ImageData(np.full((30, 50, 3), (200, 100, 50), np.uint8), "orange.png")
    rgb = np.array([200, 100, 50], np.float32) / 255
    mean, std = np.array([0.485, 0.456, 0.406]), np.array([0.229, 0.224, 0.225])
    for params, channels in (({}, (rgb - mean) / std), ({"normalise": "none"}, rgb),
                             ({"normalise": "none", "colour": "bgr"}, rgb[::-1]),
                             ({"range": "-1-1"}, rgb * 2 - 1), ({"range": "0-255", "normalise": "none"}, rgb * 255)):
        outcome = Pipeline().run(RunRequest(card, get_task(card.task), photo, params))
        (probs,) = outcome.result.outputs
        assert probs["first"] == pytest.approx(_expected(channels, classifier())[:8].tolist(), rel=1e-4), params
    assert outcome.result.made == "your picture: 8 × 8, crop, 0-255, none, RGB, NCHW"
    assert outcome.result.pictures == ()  # ten scores are no picture


def test_a_picture_model_in_nhwc_with_a_fixed_size_gets_its_own_size(tmp_path):
    graph = helper.make_graph([helper.make_node("ReduceMean", ["image"], ["means"], axes=[1, 2], keepdims=0)], "nhwc",
                              [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 12, 20, 3])],
                              [helper.make_tensor_value_info("means", TensorProto.FLOAT, [1, 3])])
    card = keep(save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8),
                     tmp_path / "nhwc.onnx"))
    assert card.preprocess == {"layout": "nhwc", "height": 12, "width": 20} and "size" not in card.defaults()
    photo = ImageData(np.full((40, 40, 3), (255, 0, 51), np.uint8), "red.png")
    outcome = Pipeline().run(RunRequest(card, get_task(card.task), photo, {"normalise": "none"}))
    assert outcome.result.outputs[0]["first"] == pytest.approx([1.0, 0.0, 0.2], abs=1e-6)
    assert outcome.result.made.startswith("your picture: 20 × 12, crop")


def test_an_image_to_image_model_gives_a_picture(tmp_path):
    graph = helper.make_graph([helper.make_node("Neg", ["x"], ["y"])], "negative",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, "H", "W"])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3, "H", "W"])])
    card = keep(save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8),
                     tmp_path / "negative.onnx"))
    photo = ImageData(np.full((20, 20, 3), (0, 128, 255), np.uint8), "photo.png")
    outcome = Pipeline().run(RunRequest(card, get_task(card.task), photo, {"size": 32, "normalise": "none"}))
    ((name, picture),) = outcome.result.pictures
    assert name == "y" and picture.shape == (32, 32, 3) and picture.dtype == np.uint8
    # −1 … 0 is read as a picture's −1 … 1 range: the negative of 0, 128, 255 out of 255 is 127.5, 63.5, 0.
    assert picture[0, 0].tolist() == [128, 63, 0]


def _halver(shape: list) -> onnx.ModelProto:
    graph = helper.make_graph([helper.make_node("Mul", ["wave", "half"], ["quieter"])], "halver",
                              [helper.make_tensor_value_info("wave", TensorProto.FLOAT, shape)],
                              [helper.make_tensor_value_info("quieter", TensorProto.FLOAT, shape)],
                              [numpy_helper.from_array(np.array(0.5, np.float32), "half")])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


def test_a_model_that_takes_a_waveform_takes_the_persons_recording_and_gives_sound(tmp_path):
    card = keep(save(_halver([1, "samples"]), tmp_path / "halver.onnx"), rate=22050)
    assert card.task == "sound_tensors" and card.modality == "audio" and card.preprocess["sample_rate"] == 22050
    tone = np.sin(np.arange(44100) * 2 * np.pi * 440 / 44100).astype(np.float32)
    recording = AudioData(tone, 44100, "tone.wav")  # resampled to the card's 22050 by the decoder
    outcome = Pipeline().run(RunRequest(card, get_task(card.task), recording, {}))
    ((name, sound),) = outcome.result.sounds
    assert name == "quieter" and outcome.result.rate == 22050 and sound.shape == (22050,)
    assert np.abs(sound).max() == pytest.approx(0.5, abs=0.01)
    assert outcome.result.made == "your recording: 1.0 s at 22050 Hz"
    assert "top" not in outcome.result.outputs[0]  # a waveform is heard, not ranked
    with pytest.raises(InputError, match="has no MatMul or Gemm with weights to put in 8 bits"):
        int8_twin(card)
    assert [c.id for c in checked_catalog() if c.source.own] == [card.id]  # nothing half-made left


def test_a_waveform_of_fixed_length_is_padded_or_cut_to_it(tmp_path):
    card = keep(save(_halver([16000]), tmp_path / "fixed.onnx"))
    assert card.preprocess == {"sample_rate": 16000, "length": 16000, "rank": 1}
    short = AudioData(np.ones(8000, np.float32), 16000, "short.wav")
    outcome = Pipeline().run(RunRequest(card, get_task(card.task), short, {}))
    ((_, sound),) = outcome.result.sounds
    assert sound[:8000].tolist() == [0.5] * 8000 and sound[8000:].tolist() == [0.0] * 8000
    assert outcome.result.made.endswith("padded with silence to 16000 samples")
    with pytest.raises(InputError, match="A recording's rate is one of"):
        keep(save(_halver([16000]), tmp_path / "odd.onnx"), rate=12345)


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
    path = save(scorer(), tmp_path / "tiny.onnx")
    assert main(["models", "add", str(path), "--name", "tiny", "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert added["id"] == "my-tiny"
    assert main(["run", "my-tiny", "--param", "seed=1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["result"]["inputs"] == "made inputs: normal, seed 1; N = 1"
    assert report["result"]["outputs"][0]["name"] == "probs"
    assert main(["bench", "my-tiny", "--runs", "2", "--json"]) == 0
    assert "model" in json.loads(capsys.readouterr().out)["stages"]
    assert main(["run", "my-tiny", "photo.jpg"]) == 2
    assert "makes its own inputs from its signature" in capsys.readouterr().err
    assert main(["models", "remove", "--all"]) == 0
    assert "my-tiny is a model you added: it stays" in capsys.readouterr().out
    assert main(["models", "remove", "my-tiny"]) == 0
    assert "removed my-tiny: its card and files are deleted" in capsys.readouterr().out
    assert "my-tiny" not in checked_catalog().ids


def _stopped() -> None:
    raise Cancelled()


def test_an_int8_twin_is_made_on_request_and_compared_on_the_same_inputs(tmp_path, capsys):
    card = keep(save(scorer(), tmp_path / "scorer.onnx"), "scorer")
    assert main(["models", "int8", card.id]) == 0
    assert "made my-scorer-int8 (scorer, int8)" in capsys.readouterr().out
    catalog = checked_catalog()
    base, twin = catalog.get(card.id), catalog.get("my-scorer-int8")
    assert twin.tags == ("int8",) and twin.compare_with == (base.id,) and base.compare_with == (twin.id,)
    assert twin_of(twin, {c.id: c for c in catalog}) == (base, twin)
    ops = {node.op_type for node in onnx.load(str(twin.path())).graph.node}
    assert "MatMulInteger" in ops and "MatMul" not in ops  # its one weight matrix in 8 bits
    request = RunRequest(base, get_task(base.task), None, {"seed": 5})
    comparison = compare(base, twin, request, CancelToken(), lambda *_: None, runs=1)
    # The twin's sums are integer sums: with 8-bit dot products (AVX-512 VNNI, AVX-VNNI) exact, so it puts the same
    # class first, as measured here (AMD EPYC, avx512_vnni). Without them onnxruntime's u8 × s8 kernel may saturate
    # (its quantisation guide says so), and the first class is that processor's to record: there the comparison
    # is only checked to say one of its two sentences.
    if int8_dot_product():
        assert comparison.agreement == 1.0 and comparison.agreement_text.startswith("Both put “entry ")
    else:
        assert comparison.agreement_text.startswith(("Both put “entry ", "They disagree on the first answer"))
    assert main(["models", "int8", card.id]) == 2
    assert "has its int8 twin already" in capsys.readouterr().err
    other = keep(save(scorer(), tmp_path / "other.onnx"), "other")
    with pytest.raises(Cancelled):  # a stop is a stop, not a failure to make it
        int8_twin(other, check=_stopped)
    assert "my-other-int8" not in checked_catalog().ids
    assert main(["models", "int8", twin.id]) == 2
    assert "is an int8 twin already" in capsys.readouterr().err


def test_a_text_models_mask_and_token_types_are_made_as_its_tables_allow():
    from playground.anymodel.facts import TensorFacts

    inputs = tuple(TensorFacts(name, "int64", ("batch", "sequence"))
                   for name in ("input_ids", "attention_mask", "token_type_ids"))
    feeds = make_inputs(inputs, "normal", {"sequence": 16}, 0).feeds
    assert feeds["attention_mask"].tolist() == [[1] * 16] and feeds["token_type_ids"].tolist() == [[0] * 16]
    assert 0 <= feeds["input_ids"].min() and feeds["input_ids"].max() < 100 and len(set(feeds["input_ids"][0])) > 4


def test_a_bundled_model_kept_from_its_file_has_its_cards_figures(require_model, tmp_path):
    shipped = require_model("efficientnet-lite0")
    card = keep(shipped.path())
    assert card.parameters == shipped.parameters
    assert [(s.name, s.dtype, s.shape) for s in card.inputs] == [(s.name, s.dtype, s.shape) for s in shipped.inputs]
    assert [(s.name, s.dtype, s.shape) for s in card.outputs] == [(s.name, s.dtype, s.shape) for s in shipped.outputs]
    assert card.file("main").sha256 == shipped.file("main").sha256
    # Its own preprocessing chosen as near the card's as the knobs go (−1 … 1 is (x − 127.5) / 127.5, the card's
    # (x − 127) / 128; the middle of the picture, not a crop of 224 from 256): the same best class.
    names = (paths.assets_dir() / "labels" / "imagenet.txt").read_text(encoding="utf-8").splitlines()
    (card.folder / "labels.txt").write_text("\n".join(names), encoding="utf-8")
    sample = paths.samples_dir() / "coffee.png"
    theirs = Pipeline().run(RunRequest(shipped, get_task("classify"), sample, {})).result.items[0]
    mine = Pipeline().run(RunRequest(card, get_task(card.task), sample, {"range": "-1-1"})).result.outputs[0]["top"][0]
    assert mine["label"] == theirs.name and mine["share"] == pytest.approx(theirs.score, abs=0.1)
