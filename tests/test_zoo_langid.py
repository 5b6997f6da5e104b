"""langid.py's pickled tables to ONNX + .npz, on a tiny langid.py written here: no code runs, no global but array."""

from __future__ import annotations

import array
import base64
import bz2
import pickle
from collections import defaultdict
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest

from playground.core.card import BuiltFile
from playground.core.errors import FetchError
from playground.tasks.language import Tables, _read_tables, featurise
from playground.zoo.langid import langid_from_pickle, model_string, read_model, unpickle_tables
from playground.zoo.npz import write_npz
from playground.zoo.recipes import RECIPES

CLASSES = ["aa", "bb", "cc"]
STATES, FEATURES = 6, 5


def tiny_tables(seed: int = 0) -> tuple:
    """langid's five tables in its own layout: ptc [F·C] 'f', pc 'f', codes, nextmove 'H', state → feature ids."""
    rng = np.random.default_rng(seed)
    ptc = array.array("f", np.log(rng.uniform(0.01, 1, FEATURES * len(CLASSES))).astype(np.float32).tolist())
    pc = array.array("f", np.log([0.5, 0.3, 0.2]).astype(np.float32).tolist())
    nextmove = array.array("H", rng.integers(0, STATES, STATES * 256).tolist())
    # Empty tuples and a repeated id, as langid's own table has: a repeated id counts twice.
    output = {0: (), 1: (0, 2), 2: (), 3: (4, 1, 1), 5: (3,)}
    return ptc, pc, list(CLASSES), nextmove, output


def langid_py(tmp_path: Path, payload: bytes, name: str = "langid.py") -> Path:
    """A langid.py shaped like the real one; running it would raise, so reading it must not run it."""
    path = tmp_path / name
    path.write_text('raise RuntimeError("langid.py was executed")\nmodel=b"""\n'
                    + base64.encodebytes(payload).decode("ascii") + '"""\n', encoding="ascii")
    return path


def packed(tables: tuple) -> bytes:
    return bz2.compress(pickle.dumps(tables, protocol=0))  # protocol 0 pickles arrays as array.array(code, list)


def reference_probs(tables: tuple, text: str) -> np.ndarray:
    """langid's own instance2fv, nb_classprobs and norm_probs, written out as langid.py 1.1.6 has them."""
    ptc, pc, classes, nextmove, output = tables
    state, counts = 0, defaultdict(int)
    for byte in text.encode("utf-8"):
        state = nextmove[(state << 8) + byte]
        counts[state] += 1
    fv = np.zeros(len(ptc) // len(classes), np.uint32)
    for s, c in counts.items():
        for index in output.get(s, []):
            fv[index] += c
    pd = np.dot(fv, np.array(ptc).reshape(len(fv), len(classes))) + np.array(pc)
    return 1 / np.exp(pd[None, :] - pd[:, None]).sum(1)


class _Card:
    def file(self, role: str) -> BuiltFile:
        return BuiltFile(role, {"main": "langid.onnx", "tables": "langid_tables.npz"}[role], "0" * 64)


def build(tmp_path: Path, out: str) -> Path:
    folder = tmp_path / out
    folder.mkdir()
    source = langid_py(tmp_path, packed(tiny_tables()))
    langid_from_pickle({"source": source}, folder, _Card())  # type: ignore[arg-type]
    return folder


def test_the_recipe_is_registered():
    assert RECIPES["langid_from_pickle"] is langid_from_pickle


def test_the_graph_and_the_tables_give_langids_own_probabilities(tmp_path):
    folder = build(tmp_path, "out")
    model = onnx.load(str(folder / "langid.onnx"))
    assert (model.ir_version, model.opset_import[0].version) == (8, 17)
    assert {p.key: p.value for p in model.metadata_props}["labels"] == '["aa", "bb", "cc"]'
    session = ort.InferenceSession(str(folder / "langid.onnx"), providers=["CPUExecutionProvider"])
    assert [o.name for o in session.get_outputs()] == ["log_prob", "probabilities"]
    tables = _read_tables(str(folder / "langid_tables.npz"), 0)
    assert tables.nextmove.dtype == np.uint16 and tables.states == STATES and tables.features == FEATURES
    for text in ("abc", "Grüße aus Köln!", "\u05e9\u05dc\u05d5\u05dd", "x" * 500):
        features = featurise(text.encode(), tables)
        _, probs = session.run(None, {"features": features[None]})
        assert probs[0] == pytest.approx(reference_probs(tiny_tables(), text), abs=1e-6), text


def test_two_builds_give_the_same_bytes(tmp_path):
    first, second = build(tmp_path, "one"), build(tmp_path, "two")
    for name in ("langid.onnx", "langid_tables.npz"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_the_npz_bytes_do_not_depend_on_the_clock(tmp_path, monkeypatch):
    arrays = {"a": np.arange(5, dtype=np.uint16), "b": np.array([-1, 2], np.int32)}
    write_npz(tmp_path / "now.npz", arrays)
    monkeypatch.setattr("time.time", lambda: 2_000_000_000.0)
    write_npz(tmp_path / "later.npz", arrays)
    assert (tmp_path / "now.npz").read_bytes() == (tmp_path / "later.npz").read_bytes()
    with np.load(tmp_path / "later.npz", allow_pickle=False) as npz:
        assert npz["a"].tolist() == [0, 1, 2, 3, 4] and npz["b"].dtype == np.int32


def test_a_state_that_counts_nothing_adds_nothing():
    tables = Tables(np.zeros(256, np.uint16), np.array([-1], np.int32), np.array([0], np.int32),
                    np.zeros(0, np.int32), 3)
    assert featurise(b"anything", tables).tolist() == [0.0, 0.0, 0.0]


def test_a_pickle_that_would_run_a_program_is_refused(tmp_path):
    evil = b"cos\nsystem\n(S'touch " + str(tmp_path / "ran").encode() + b"'\ntR."
    with pytest.raises(FetchError, match=r"^The langid model asks to run 'os\.system', which its tables never "
                                         r"need, so it was refused; the package may have been tampered with\.$"):
        read_model(langid_py(tmp_path, bz2.compress(evil)))
    assert not (tmp_path / "ran").exists()


def test_the_newer_array_pickle_is_refused_too(tmp_path):
    # Protocol 3+ rebuilds arrays through array._array_reconstructor, a name langid's pickle never uses.
    with pytest.raises(FetchError, match=r"asks to run 'array\._array_reconstructor'"):
        unpickle_tables(base64.b64encode(bz2.compress(pickle.dumps(tiny_tables(), protocol=4))))


@pytest.mark.parametrize("cut", ["base64", "bz2", "pickle"])
def test_truncated_data_is_one_sentence(tmp_path, cut):
    whole = pickle.dumps(tiny_tables(), protocol=0)
    if cut == "pickle":
        payload = bz2.compress(whole[:len(whole) // 2])
    else:
        payload = bz2.compress(whole)[:-40]
    path = langid_py(tmp_path, payload)
    if cut == "base64":
        path.write_text(path.read_text()[:-20] + 'x"""\n')
    with pytest.raises(FetchError, match=r"^langid\.py could not be read \(.+\); it is damaged or incomplete, so "
                                         r"fetch the model again\.$"):
        read_model(path)


def test_tables_that_do_not_fit_together_are_refused(tmp_path):
    ptc, pc, classes, nextmove, output = tiny_tables()
    for tables, words in [((ptc, pc, classes[:2], nextmove, output), "sizes do not fit"),
                          ((ptc, pc, classes, array.array("H", [STATES + 3] * 256 * STATES), output), "moves to"),
                          ((ptc, pc, classes, nextmove, {1: (FEATURES,)}), "counts features"),
                          ((ptc, pc, classes, nextmove), "five tables")]:
        with pytest.raises(FetchError, match=words):
            read_model(langid_py(tmp_path, packed(tables)))


def test_a_file_without_the_model_string_says_so(tmp_path):
    (tmp_path / "langid.py").write_text("model = None\n")
    with pytest.raises(FetchError, match=r"has no model string"):
        model_string(tmp_path / "langid.py")
    (tmp_path / "langid.py").write_text("def (:\n")
    with pytest.raises(FetchError, match=r"is not readable Python"):
        model_string(tmp_path / "langid.py")
