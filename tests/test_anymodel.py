"""Any .onnx file: `playground inspect` says what it is and whether it runs here; a file that would have the
runtime read outside its folder, or more than memory holds, is refused before any parser sees it whole."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from playground.anymodel import safety
from playground.anymodel.facts import read_facts
from playground.anymodel.runtime import newest_opset
from playground.cli import main


def classifier(opset: int = 17) -> onnx.ModelProto:
    """A classifier-shaped graph: N×3×8×8 pixels → average → 10 class probabilities."""
    rng = np.random.default_rng(0)
    weight = numpy_helper.from_array(rng.standard_normal((3, 10)).astype(np.float32), "fc.weight")
    bias = numpy_helper.from_array(np.zeros(10, np.float32), "fc.bias")
    nodes = [helper.make_node("GlobalAveragePool", ["pixels"], ["pooled"]),
             helper.make_node("Flatten", ["pooled"], ["flat"]),
             helper.make_node("Gemm", ["flat", "fc.weight", "fc.bias"], ["logits"]),
             helper.make_node("Softmax", ["logits"], ["probs"], axis=1)]
    graph = helper.make_graph(nodes, "tiny-classifier",
                              [helper.make_tensor_value_info("pixels", TensorProto.FLOAT, ["N", 3, 8, 8])],
                              [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["N", 10])],
                              [weight, bias])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], ir_version=8,
                              producer_name="test-exporter", producer_version="1.0")
    helper.set_model_props(model, {"labels": "cat,dog", "author": "tests"})
    return model


def two_inputs() -> onnx.ModelProto:
    graph = helper.make_graph([helper.make_node("Add", ["a", "b"], ["sum"])], "pair",
                              [helper.make_tensor_value_info("a", TensorProto.FLOAT, ["batch", "seq"]),
                               helper.make_tensor_value_info("b", TensorProto.FLOAT, ["batch", None])],
                              [helper.make_tensor_value_info("sum", TensorProto.FLOAT, None)])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


def save(model: onnx.ModelProto, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save_model(model, str(path))
    return path


def inspect(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["inspect", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_classifier_is_described_in_full(tmp_path, capsys):
    path = save(classifier(), tmp_path / "tiny.onnx")
    code, out, _ = inspect(capsys, str(path))
    assert code == 0
    assert "Inputs:\n  pixels  float    [N, 3, 8, 8]\nOutputs:\n  probs  float    [N, 10]" in out
    assert "Made by: test-exporter 1.0" in out and "Symbolic dimensions: N" in out
    assert "Parameters: 40 (160 bytes)" in out  # 3 × 10 weights and 10 biases, float32
    assert "Operators (4 nodes): Flatten 1, Gemm 1, GlobalAveragePool 1, Softmax 1" in out
    assert "Metadata: labels = cat,dog" in out and "onnx checker: valid" in out
    assert "onnxruntime " in out and "opens it on the CPU\nExecution providers here: CPUExecutionProvider" in out
    code, out, _ = inspect(capsys, str(path), "--json")
    body = json.loads(out)
    assert code == 0 and body["inputs"] == [{"name": "pixels", "element": "float", "shape": ["N", 3, 8, 8]}]
    assert body["opsets"] == {"ai.onnx": 17} and body["parameters"] == 40 and body["checker"]["valid"]
    assert body["onnxruntime"]["loads"] and body["onnxruntime"]["providers"] == ["CPUExecutionProvider"]


def test_symbolic_and_unnamed_dimensions_and_an_unknown_rank_are_told_apart(tmp_path):
    facts = read_facts(save(two_inputs(), tmp_path / "pair.onnx"))
    assert [t.dims for t in facts.inputs] == [("batch", "seq"), ("batch", "?")]
    assert facts.outputs[0].dims is None and facts.outputs[0].shape_text() == "unknown rank"
    assert facts.symbolic == ("batch", "seq") and facts.parameters == 0


def test_a_bundled_model_opened_as_a_file_matches_its_card(require_model):
    card = require_model("efficientnet-lite0")
    facts = read_facts(card.folder / card.files[-1].path)
    assert [(t.name, t.dims) for t in facts.inputs] == [(s.name, s.shape) for s in card.inputs]
    assert [(t.name, t.dims) for t in facts.outputs] == [(s.name, s.shape) for s in card.outputs]
    assert facts.parameters == 4_631_002 and facts.checker == ""


def test_an_unknown_operator_domain_is_named_and_never_loaded(tmp_path, capsys):
    graph = helper.make_graph([helper.make_node("Frobnicate", ["x"], ["y"], domain="com.example.ops")], "custom",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])])
    model = helper.make_model(graph, ir_version=8, opset_imports=[helper.make_opsetid("", 17),
                                                                 helper.make_opsetid("com.example.ops", 1)])
    code, out, _ = inspect(capsys, str(save(model, tmp_path / "custom.onnx")))
    assert code == 1 and "Operators (1 nodes): com.example.ops:Frobnicate 1" in out
    assert "uses operators from the domain 'com.example.ops', which onnxruntime" in out
    assert "the playground never loads one" in out


def test_an_opset_newer_than_this_onnxruntime_is_named(tmp_path, capsys):
    newest = newest_opset()
    assert newest >= 17
    model = classifier(opset=newest + 1)
    code, out, _ = inspect(capsys, str(save(model, tmp_path / "new.onnx")))
    assert code == 1 and f"is stamped with opset {newest + 1}, newer than onnxruntime" in out
    assert f"(up to {newest}): export it again with opset {newest} or older." in out


def test_external_data_inside_the_folder_is_read_and_counted(tmp_path, capsys):
    path = tmp_path / "model" / "tiny.onnx"
    path.parent.mkdir()
    onnx.save_model(classifier(), str(path), save_as_external_data=True, all_tensors_to_one_file=True,
                    location="tiny.weights", size_threshold=0)
    facts = read_facts(path)
    assert [(f.name, f.used) for f in facts.external] == [("tiny.weights", 160)] and facts.parameters == 40
    code, out, _ = inspect(capsys, str(path))
    assert code == 0 and "External data: tiny.weights (160 bytes)" in out


def _pointing_at(tmp_path: Path, location: str) -> Path:
    """The classifier with its weight kept "externally" at `location`, as a crafted file would say."""
    model = classifier()
    weight = model.graph.initializer[0]
    raw = weight.raw_data or numpy_helper.to_array(weight).tobytes()
    weight.ClearField("raw_data")
    weight.ClearField("float_data")
    weight.data_location = TensorProto.EXTERNAL
    for key, value in (("location", location), ("offset", "0"), ("length", str(len(raw)))):
        weight.external_data.add(key=key, value=value)
    return save(model, tmp_path / "model" / "crafted.onnx")


@pytest.mark.parametrize("location", ["../secret.bin", "/etc/passwd", "weights/../../secret.bin",
                                      "C:\\Windows\\win.ini", "\\\\server\\share\\w.bin"])
def test_external_data_outside_the_folder_is_refused_before_the_runtime_sees_it(tmp_path, location, capsys):
    (tmp_path / "secret.bin").write_bytes(b"\0" * 4096)
    path = _pointing_at(tmp_path, location)
    code, _, err = inspect(capsys, str(path))
    assert code == 2 and f"crafted.onnx asks for its weights from {location!r}, outside its own folder" in err


def test_a_link_out_of_the_folder_is_outside_it_too(tmp_path, capsys):
    (tmp_path / "secret.bin").write_bytes(b"\0" * 4096)
    path = _pointing_at(tmp_path, "weights.bin")
    os.symlink(tmp_path / "secret.bin", path.parent / "weights.bin")
    code, _, err = inspect(capsys, str(path))
    assert code == 2 and "asks for its weights from 'weights.bin', outside its own folder" in err


def test_missing_or_short_external_data_is_named(tmp_path, capsys):
    path = _pointing_at(tmp_path, "weights.bin")
    code, _, err = inspect(capsys, str(path))
    assert code == 2 and "keeps its weights in 'weights.bin', which is not in its folder" in err
    (path.parent / "weights.bin").write_bytes(b"\0" * 100)  # 120 bytes are read from it
    code, _, err = inspect(capsys, str(path))
    assert code == 2 and "reads bytes 0–120 of 'weights.bin', which holds only 100" in err


def test_a_file_larger_than_free_memory_is_refused_from_its_size(tmp_path, capsys, monkeypatch):
    path = save(classifier(), tmp_path / "tiny.onnx")
    monkeypatch.setattr(safety, "available_memory", lambda: 100)
    code, _, err = inspect(capsys, str(path))
    assert code == 2 and "tiny.onnx and its data are " in err and "more than the 100 bytes of memory free here" in err


@pytest.mark.parametrize("content", [b"", b"not a model at all \xff\xfe", b"\x08\x07" * 10])
def test_what_is_not_a_model_gets_one_sentence(tmp_path, capsys, content):
    path = tmp_path / "odd.onnx"
    path.write_bytes(content)
    code, _, err = inspect(capsys, str(path))
    assert code == 2 and err.startswith("playground: odd.onnx ") and "Traceback" not in err
    code, _, err = inspect(capsys, str(tmp_path))
    assert code == 2 and "is not a file (a folder, a device or a pipe)" in err
    code, _, err = inspect(capsys, str(tmp_path / "nowhere.onnx"))
    assert code == 2 and "There is no file called" in err


def test_names_a_model_chose_are_printed_never_obeyed(tmp_path, capsys):
    model = classifier()
    helper.set_model_props(model, {"title": "\x1b]0;owned\x07\x1b[2J", "note": "abc\u202edef"})
    code, out, _ = inspect(capsys, str(save(model, tmp_path / "tiny.onnx")))
    assert code == 0 and "\x1b" not in out and "\u202e" not in out
    assert "Metadata: title = \\x1b]0;owned\\x07\\x1b[2J" in out and "abc\\u202edef" in out


def run_file(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["run", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_model_file_runs_on_inputs_made_from_its_signature(tmp_path, capsys):
    path = save(classifier(), tmp_path / "tiny.onnx")
    labels = tmp_path / "labels.txt"
    labels.write_text("\n".join(f"class {i}" for i in range(10)), encoding="utf-8")
    code, out, _ = run_file(capsys, str(path), "--json", "--labels", str(labels), "--seed", "3")
    body = json.loads(out)
    probs = body["outputs"][0]
    assert code == 0 and body["inputs"] == {"pixels": {"element": "float32", "shape": [1, 3, 8, 8]}}
    assert body["dims"] == {"N": 1} and probs["shape"] == [1, 10] and probs["mean"] == pytest.approx(0.1)
    assert [t["score"] for t in probs["top"]] == sorted((t["score"] for t in probs["top"]), reverse=True)
    assert probs["top"][0]["label"] == f"class {probs['top'][0]['index']}"
    # The same answer as onnxruntime on the same made input.
    import onnxruntime as ort

    from playground.anymodel.feeds import make_inputs

    made = make_inputs(read_facts(path).inputs, "normal", {}, seed=3)
    expected = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, made.feeds)[0]
    assert probs["first"] == pytest.approx(expected.reshape(-1)[:8].tolist())
    code, out, _ = run_file(capsys, str(path), "--dim", "N=3")
    assert code == 0 and "probs: float32 [3, 10]" in out and "N = 3" in out and "1. [" not in out


def test_symbolic_dimensions_are_set_by_the_person(tmp_path, capsys):
    path = save(two_inputs(), tmp_path / "pair.onnx")
    code, out, _ = run_file(capsys, str(path), "--dim", "batch=2", "--dim", "seq=5", "--fill", "ones", "--json")
    body = json.loads(out)
    assert code == 0 and body["inputs"]["a"]["shape"] == [2, 5] and body["inputs"]["b"]["shape"] == [2, 1]
    assert body["outputs"][0]["shape"] == [2, 5] and body["outputs"][0]["min"] == body["outputs"][0]["max"] == 2.0
    code, _, err = run_file(capsys, str(path), "--dim", "length=4")
    assert code == 2 and "no dimension called 'length'; its symbolic dimensions are batch, seq" in err
    code, _, err = run_file(capsys, str(path), "--dim", "batch=100000", "--dim", "seq=1000000")
    assert code == 2 and "give smaller sizes with --dim" in err
    code, _, err = run_file(capsys, str(path), "--dim", "batch=0")
    assert code == 2 and "--dim batch must be a whole number of at least 1" in err
    code, _, err = run_file(capsys, str(path), "some input")
    assert code == 2 and "give no INPUT with it" in err


def test_a_model_file_is_timed_on_made_inputs(tmp_path, capsys):
    path = save(classifier(), tmp_path / "tiny.onnx")
    code = main(["bench", str(path), "--runs", "5", "--warmup", "1", "--json"])
    figures = json.loads(capsys.readouterr().out)
    assert code == 0 and figures["runs"] == 5 and 0 < figures["min"] <= figures["p50"] <= figures["p95"]
    assert figures["load_ms"] > 0 and figures["dims"] == {"N": 1}
    assert main(["bench", str(path), "--runs", "2"]) == 0
    assert "timed runs after 3 warm-up" in capsys.readouterr().out


def test_a_model_files_work_is_counted_by_operator_type(tmp_path, capsys):
    path = save(classifier(), tmp_path / "tiny.onnx")
    code = main(["bench", str(path), "--runs", "3", "--profile", "--dim", "N=2", "--json"])
    figures = json.loads(capsys.readouterr().out)
    ops = {row["op"]: row for row in figures["operators"]}
    # Gemm: 2 pictures × 10 classes × 3 channels, a multiply and an add each.
    assert code == 0 and ops["Gemm"]["flops"] == 120 and ops["Gemm"]["nodes"] == 1
    assert figures["flops"] == pytest.approx(sum(row["flops"] for row in figures["operators"]))
    assert main(["bench", str(path), "--runs", "2", "--profile"]) == 0
    out = capsys.readouterr().out
    assert "by operator type, a run (4 profiled runs):" in out and "GFLOPs a run; at the p50 of" in out
    assert figures["providers"]["ran"] == {"CPUExecutionProvider": {"Flatten": 1, "Gemm": 1, "GlobalAveragePool": 1,
                                                                     "Softmax": 1}}
    assert out.rstrip().endswith("providers: onnxruntime here offers CPUExecutionProvider; CPUExecutionProvider ran "
                                 "4 of 4 nodes")


@pytest.mark.parametrize(("provider", "said"), [
    ("AzureExecutionProvider", "runs models on a server over the network; the playground runs them on this computer"),
    ("CUDAExecutionProvider", "onnxruntime here offers CPUExecutionProvider, not CUDAExecutionProvider")])
def test_a_provider_not_here_or_over_the_network_is_refused(tmp_path, capsys, provider, said):
    path = save(classifier(), tmp_path / "tiny.onnx")
    assert main(["bench", str(path), "--provider", provider]) == 2
    assert said in capsys.readouterr().err


def test_nodes_falling_back_to_the_cpu_are_warned_of():
    from playground.anymodel.providers import provider_lines

    ran = {"CUDAExecutionProvider": {"Conv": 40, "Relu": 40}, "CPUExecutionProvider": {"NonMaxSuppression": 1,
                                                                                      "Resize": 2}}
    lines = provider_lines("CUDAExecutionProvider", ran)
    assert lines[:2] == ["CPUExecutionProvider ran 3 of 83 nodes", "CUDAExecutionProvider ran 80 of 83 nodes"]
    assert lines[2] == ("Warning: 3 nodes fell back to the CPU (Resize 2, NonMaxSuppression 1): CUDAExecutionProvider "
                        "has no kernel for them here, and every handover copies tensors between the device and the "
                        "CPU.")
    assert len(provider_lines("CPUExecutionProvider", {"CPUExecutionProvider": {"Conv": 3}})) == 1


def test_external_data_hidden_in_a_local_function_is_checked_too(tmp_path, capsys):
    (tmp_path / "secret.bin").write_bytes(b"\0" * 64)
    value = helper.make_tensor("leak", TensorProto.FLOAT, [4], [0.0] * 4)
    value.ClearField("float_data")
    value.data_location = TensorProto.EXTERNAL
    for key, text in (("location", "../secret.bin"), ("offset", "0"), ("length", "16")):
        value.external_data.add(key=key, value=text)
    function = helper.make_function("local", "Leak", ["x"], ["y"],
                                    [helper.make_node("Constant", [], ["c"], value=value),
                                     helper.make_node("Add", ["x", "c"], ["y"])],
                                    [helper.make_opsetid("", 17)])
    graph = helper.make_graph([helper.make_node("Leak", ["x"], ["y"], domain="local")], "g",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [4])])
    model = helper.make_model(graph, functions=[function], ir_version=8,
                              opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("local", 1)])
    code, _, err = inspect(capsys, str(save(model, tmp_path / "model" / "fn.onnx")))
    assert code == 2 and "fn.onnx asks for its weights from '../secret.bin', outside its own folder" in err
    path = _pointing_at(tmp_path, "weights.bin\0../../secret.bin")
    code, _, err = inspect(capsys, str(path))
    assert code == 2 and "outside its own folder" in err


def test_a_model_with_functions_of_its_own_opens(tmp_path, capsys):
    function = helper.make_function("my.exporter", "Twice", ["x"], ["y"], [helper.make_node("Add", ["x", "x"], ["y"])],
                                    [helper.make_opsetid("", 17)])
    graph = helper.make_graph([helper.make_node("Twice", ["x"], ["y"], domain="my.exporter")], "g",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [4])])
    model = helper.make_model(graph, functions=[function], ir_version=8,
                              opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("my.exporter", 1)])
    code, out, _ = inspect(capsys, str(save(model, tmp_path / "fn.onnx")), "--json")
    body = json.loads(out)
    assert code == 0 and body["functions"] == ["my.exporter:Twice"] and body["onnxruntime"]["loads"]
    code, out, _ = run_file(capsys, str(tmp_path / "fn.onnx"), "--fill", "ones", "--json")
    assert code == 0 and json.loads(out)["outputs"][0]["first"] == [2.0, 2.0, 2.0, 2.0]


def test_inspect_counts_the_work_of_a_run_at_the_shapes_chosen(tmp_path, capsys):
    path = save(classifier(), tmp_path / "tiny.onnx")
    code, out, _ = inspect(capsys, str(path), "--flops", "--dim", "N=2", "--json")
    body = json.loads(out)
    # Gemm's 120 (2 pictures × 10 classes × 3 channels × 2), and one for each value the other steps write.
    assert code == 0 and body["flops"]["dims"] == {"N": 2} and 120 < body["flops"]["per_run"] < 200
    code, out, _ = inspect(capsys, str(path), "--flops")
    assert code == 0 and out.rstrip().splitlines()[-1].startswith("Work a run: ") and "(at N = 1)" in out
    code, out, _ = inspect(capsys, str(path))
    assert "Work a run" not in out  # only when asked: it runs the model
