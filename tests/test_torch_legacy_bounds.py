"""The legacy checkpoint reader keeps every tensor inside the storage its file holds, and memory bounded by it.

The checkpoints are written here byte by byte, like those of test_zoo_efficientnet.py, with the offsets,
sizes and strides a damaged or hostile file could claim.
"""

from __future__ import annotations

import pickle
import struct
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from playground.core.errors import FetchError
from playground.zoo.torch_legacy import FORMAT_VERSION, MAGIC, load_legacy_checkpoint

FLOATS = np.arange(6, dtype="<f4")  # the one stored tensor's data: 0, 1, … 5


def _s(text: str) -> bytes:
    raw = text.encode()
    return b"X" + struct.pack("<I", len(raw)) + raw


def _global(module: str, name: str) -> bytes:
    return b"c" + module.encode() + b"\n" + name.encode() + b"\n"


def _int(value: int) -> bytes:
    """BININT for 32-bit values, else LONG1 (little-endian two's complement), as pickle writes 10**12."""
    if -2**31 <= value < 2**31:
        return b"J" + struct.pack("<i", value)
    raw = value.to_bytes((value.bit_length() + 8) // 8, "little", signed=True)
    return b"\x8a" + bytes([len(raw)]) + raw if len(raw) < 256 else b"\x8b" + struct.pack("<i", len(raw)) + raw


def _ints(values: tuple[int, ...]) -> bytes:
    return b"(" + b"".join(_int(v) for v in values) + b"t"


def _tensor(size: tuple[int, ...], stride: tuple[int, ...], offset: int = 0, numel: int = 6) -> bytes:
    """_rebuild_tensor_v2(storage "0" of `numel` floats, offset, size, stride, False, OrderedDict())."""
    pid = (b"(" + _s("storage") + _global("torch", "FloatStorage") + _s("0") + _s("cpu") + _int(numel) + b"N"
           + b"t" + b"Q")
    hooks = _global("collections", "OrderedDict") + b")R"
    return (_global("torch._utils", "_rebuild_tensor_v2") + b"(" + pid + _int(offset) + _ints(size)
            + _ints(stride) + b"\x89" + hooks + b"tR")


def checkpoint(tensors: dict[str, bytes], floats: np.ndarray = FLOATS) -> bytes:
    """A legacy file whose tensors all view one float storage holding `floats`."""
    state = b"\x80\x02" + _global("collections", "OrderedDict") + b")R(" \
        + b"".join(_s(name) + body for name, body in tensors.items()) + b"u."
    head = (pickle.dumps(MAGIC, protocol=2) + pickle.dumps(FORMAT_VERSION, protocol=2)
            + pickle.dumps({"protocol_version": 1001, "little_endian": True,
                            "type_sizes": {"short": 2, "int": 4, "long": 4}}, protocol=2))
    storage = struct.pack("<q", len(floats)) + floats.astype("<f4").tobytes()
    return head + state + pickle.dumps(["0"], protocol=2) + storage


def refused(tmp_path: Path, data: bytes) -> str:
    """The sentence load_legacy_checkpoint refuses `data` with; it must neither take long nor allocate much."""
    path = tmp_path / "bad.pth"
    path.write_bytes(data)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(FetchError) as caught:
            load_legacy_checkpoint(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000, f"{peak:,} bytes allocated to refuse a {len(data):,}-byte file"
    assert time.perf_counter() - started < 2.0
    sentence = str(caught.value)
    assert sentence.startswith("The weights file bad.pth ") and sentence.endswith("fetch the model again.")
    assert "\n" not in sentence and "torch" not in sentence.lower() and "pickle" not in sentence.lower()
    return sentence


def test_a_view_inside_its_storage_is_read(tmp_path):
    path = tmp_path / "good.pth"
    path.write_bytes(checkpoint({"w": _tensor((2, 2), (1, 2), offset=1), "last": _tensor((), (), offset=5),
                                 "empty": _tensor((0, 7), (7, 1), offset=6)}))
    state = load_legacy_checkpoint(path)
    assert np.array_equal(state["w"], np.array([[1, 3], [2, 4]], np.float32))
    assert state["last"].shape == () and float(state["last"]) == 5.0
    assert state["empty"].shape == (0, 7)


def test_a_negative_offset_is_refused(tmp_path):
    for offset in (-1, -6, -10**12):
        sentence = refused(tmp_path, checkpoint({"blocks.0.weight": _tensor((2,), (1,), offset=offset)}))
        assert "tensor 'blocks.0.weight' that starts before its stored data" in sentence


def test_an_offset_past_the_end_is_refused(tmp_path):
    for size, stride, offset in [((), (), 6), ((2,), (1,), 10**12), ((0,), (1,), 7), ((1,), (1,), 2**62)]:
        sentence = refused(tmp_path, checkpoint({"bias": _tensor(size, stride, offset=offset)}))
        assert "tensor 'bias' that starts at element" in sentence and "past the end of its 6 stored" in sentence


def test_strides_that_reach_past_the_storage_are_refused(tmp_path):
    for size, stride, offset in [((2, 3), (3, 2), 0), ((2,), (5,), 1), ((3, 2), (1, 3), 1), ((2,), (2**62,), 0)]:
        sentence = refused(tmp_path, checkpoint({"fc.weight": _tensor(size, stride, offset=offset)}))
        assert "tensor 'fc.weight' whose strides reach past its 6 stored elements" in sentence


def test_zero_strides_cannot_claim_more_elements_than_are_stored(tmp_path):
    for size, stride in [((10**12,), (0,)), ((10**6, 10**6), (0, 0)), ((30_000_000,), (0,)), ((7,), (0,))]:
        sentence = refused(tmp_path, checkpoint({"stem": _tensor(size, stride)}))
        assert f"tensor 'stem' of {np.prod(size, dtype=object):,} elements, more than the 6 it has stored" in sentence


def test_a_dimension_of_one_may_have_any_stride(tmp_path):
    """Such a stride is never stepped along; building the view must not overflow on it."""
    path = tmp_path / "ones.pth"
    path.write_bytes(checkpoint({"w": _tensor((1, 6), (2**62, 1))}))
    assert np.array_equal(load_legacy_checkpoint(path)["w"], FLOATS[None])


def test_tensors_sharing_storage_are_bounded_together(tmp_path):
    """Tied weights share a storage; a thousand names for it would build a thousand copies from one."""
    path = tmp_path / "tied.pth"
    path.write_bytes(checkpoint({"embed": _tensor((6,), (1,)), "head": _tensor((6,), (1,))}))
    state = load_legacy_checkpoint(path)
    assert np.array_equal(state["embed"], state["head"]) and not np.shares_memory(state["embed"], state["head"])
    many = {f"copy{i}": _tensor((6,), (1,)) for i in range(1000)}
    assert "builds 6,000 elements from far fewer stored ones" in refused(tmp_path, checkpoint(many))


def test_impossible_shapes_are_refused_in_a_sentence(tmp_path):
    assert "tensor 'w' with 70 dimensions" in refused(tmp_path, checkpoint({"w": _tensor((1,) * 70, (1,) * 70)}))
    sentence = refused(tmp_path, checkpoint({"w": _tensor((0, 2**40, 2**40), (1, 1, 1))}))
    assert "tensor 'w' of impossible shape" in sentence


def test_numbers_no_real_file_holds_are_refused_unread(tmp_path):
    """Offsets, sizes and strides are 64-bit; a 5,000-digit one would not even print."""
    for size, stride, offset in [((2,), (1,), 2**80), ((2**64,), (1,), 0), ((2,), (10**5000,), 0), ((2,), (1,), -2**70)]:
        path = tmp_path / "huge.pth"
        path.write_bytes(checkpoint({"w": _tensor(size, stride, offset=offset)}))
        with pytest.raises(FetchError, match=r"^The weights file describes a tensor in a way a plain weights file never"):
            load_legacy_checkpoint(path)


def test_a_tensor_name_is_shown_printable_and_short(tmp_path):
    sentence = refused(tmp_path, checkpoint({"evil\nname" + "x" * 200: _tensor((2,), (1,), offset=-1)}))
    assert "'evil?namexxx" in sentence and "…'" in sentence and len(sentence) < 300
