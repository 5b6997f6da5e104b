"""Reading legacy (pre-zip) PyTorch checkpoints into numpy arrays, without PyTorch and without running code.

The legacy format is five pickles in a row (magic number, format version, system info, the state dict,
the list of storage keys) followed by the raw bytes of each storage. Pickles can call any importable
function, so the unpickler here resolves only the handful of names a plain weights file uses and maps
each to a harmless stand-in defined below; anything else stops the build.
"""

from __future__ import annotations

import collections
import io
import math
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from playground.core.errors import FetchError
from playground.core.words import translate

MAGIC = 0x1950A86A20F9469CFC6C
FORMAT_VERSION = 1001
_INT64 = 2**63  # offsets, sizes and strides are 64-bit in any real file; larger ones are refused unread
_MAX_DIMS = 32  # numpy's limit on older versions; weights have at most five
_MAX_EMPTY = 2**32  # an empty tensor's other dimensions, multiplied: numpy refuses shapes far beyond
_MAX_REUSE = 4  # all tensors together, in elements, per element stored (tied weights share storage)


@dataclass(frozen=True)
class _StorageType:
    """Stands in for torch.FloatStorage & co.: only the element type matters."""

    name: str
    dtype: np.dtype


# Little-endian element types of the storage classes a weights file can hold.
_STORAGES = {name: _StorageType(name, np.dtype(code)) for name, code in (
    ("FloatStorage", "<f4"), ("LongStorage", "<i8"), ("HalfStorage", "<f2"), ("DoubleStorage", "<f8"),
    ("IntStorage", "<i4"),
)}


@dataclass(frozen=True)
class _Storage:
    key: str
    kind: _StorageType
    numel: int


@dataclass(frozen=True)
class _TensorRef:
    """What _rebuild_tensor_v2 would have built: a view (offset, size, stride) into a storage."""

    storage: _Storage
    offset: int
    size: tuple[int, ...]
    stride: tuple[int, ...]


def _rebuild_tensor_v2(storage: Any, offset: Any, size: Any, stride: Any, *_rest: Any) -> _TensorRef:
    """Stand-in for torch._utils._rebuild_tensor_v2; requires_grad and hooks are irrelevant to weights."""
    if not isinstance(storage, _Storage) or not isinstance(offset, int) or not -_INT64 <= offset < _INT64 \
            or not _int_tuple(size) or not _int_tuple(stride) or len(size) != len(stride):
        raise FetchError(translate("Build", "The weights file describes a tensor in a way a plain weights file never "
                                            "does; it may be damaged or not a weights file."))
    return _TensorRef(storage, offset, tuple(size), tuple(stride))


def _int_tuple(value: Any) -> bool:
    return isinstance(value, tuple) and all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < _INT64
                                            for v in value)


_ALLOWED: dict[tuple[str, str], Any] = {
    ("collections", "OrderedDict"): collections.OrderedDict,
    ("torch._utils", "_rebuild_tensor_v2"): _rebuild_tensor_v2,
    **{("torch", name): kind for name, kind in _STORAGES.items()},
}


class _RestrictedUnpickler(pickle.Unpickler):
    """Resolves only _ALLOWED names; storages become _Storage records collected in `storages`."""

    def __init__(self, file: io.BufferedIOBase, path: Path) -> None:
        super().__init__(file)
        self.path = path
        self.storages: dict[str, _Storage] = {}

    def find_class(self, module: str, name: str) -> Any:
        try:
            return _ALLOWED[(module, name)]
        except KeyError:
            raise FetchError(translate("Build", "The weights file {file} asks to run '{call}', which a plain weights "
                                                "file never needs, so it was refused; the file may have been tampered "
                                                "with.")
                             .format(file=self.path.name, call=f"{module}.{name}")) from None

    def persistent_load(self, pid: Any) -> _Storage:
        if not (isinstance(pid, tuple) and len(pid) >= 5 and pid[0] == "storage" and isinstance(pid[1], _StorageType)
                and isinstance(pid[2], str) and isinstance(pid[4], int) and pid[4] >= 0):
            raise FetchError(translate("Build", "The weights file {file} refers to stored data in an unknown way; it "
                                                "may be damaged or not a weights file.").format(file=self.path.name))
        storage = _Storage(pid[2], pid[1], pid[4])
        known = self.storages.setdefault(storage.key, storage)
        if known != storage:
            raise FetchError(translate("Build", "The weights file {file} describes the same stored data twice, "
                                                "differently; it is damaged.").format(file=self.path.name))
        return known


def load_legacy_checkpoint(path: Path | str) -> dict[str, np.ndarray]:
    """The state dict of a legacy checkpoint as name -> C-contiguous numpy array, in file order."""
    path = Path(path)
    raw = path.read_bytes()
    stream = io.BytesIO(raw)
    unpickler = _RestrictedUnpickler(stream, path)
    try:
        if unpickler.load() != MAGIC:
            raise _bad(path, translate("Build", "The weights file {file} does not start like a legacy weights file; it "
                                                "may be damaged or incomplete, so fetch the model again."))
        if unpickler.load() != FORMAT_VERSION:
            raise _bad(path, translate("Build", "The weights file {file} uses a format version this reader does not "
                                                "know; it may be damaged or incomplete, so fetch the model again."))
        info = unpickler.load()
        if not isinstance(info, dict) or info.get("little_endian") is not True:
            raise _bad(path, translate("Build", "The weights file {file} was written by a big-endian machine or lacks "
                                                "its system information; it may be damaged or incomplete, so fetch the "
                                                "model again."))
        state = unpickler.load()
        keys = unpickler.load()
    except FetchError:
        raise
    except Exception as exc:  # a damaged pickle fails in many ways; each means the same to the person
        raise _bad(path, translate("Build", "The weights file {file} could not be read; it may be damaged or "
                                            "incomplete, so fetch the model again.")) from exc
    if not isinstance(state, dict) or not all(isinstance(k, str) and isinstance(v, _TensorRef)
                                              for k, v in state.items()):
        raise _bad(path, translate("Build", "The weights file {file} does not hold a plain table of named tensors; it "
                                            "may be damaged or incomplete, so fetch the model again."))
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys) \
            or sorted(keys) != sorted(unpickler.storages):
        raise _bad(path, translate("Build", "The weights file {file} lists stored data that does not match its "
                                            "tensors; it may be damaged or incomplete, so fetch the model again."))
    buffers = _read_storages(raw, stream.tell(), keys, unpickler.storages, path)
    _check_views(state, buffers, path)  # every tensor, before any is built: memory is bounded by the file
    return {name: _materialise(ref, buffers[ref.storage.key]) for name, ref in state.items()}


def _read_storages(raw: bytes, start: int, keys: list[str], storages: dict[str, _Storage],
                   path: Path) -> dict[str, np.ndarray]:
    """After the pickles: per key, an int64 element count then the elements; must end exactly at EOF."""
    buffers: dict[str, np.ndarray] = {}
    pos = start
    for key in keys:
        storage = storages[key]
        if pos + 8 > len(raw):
            raise _bad(path, _ends_early())
        numel = int(np.frombuffer(raw, "<i8", 1, pos)[0])
        pos += 8
        nbytes = numel * storage.kind.dtype.itemsize
        if numel != storage.numel:
            raise _bad(path, translate("Build", "The weights file {file} has stored data whose length disagrees with "
                                                "its description; it may be damaged or incomplete, so fetch the model "
                                                "again."))
        if pos + nbytes > len(raw):
            raise _bad(path, _ends_early())
        buffers[key] = np.frombuffer(raw, storage.kind.dtype, numel, pos)
        pos += nbytes
    if pos != len(raw):
        raise _bad(path, translate("Build", "The weights file {file} has {count} unexpected bytes after its weights; "
                                            "it may be damaged or incomplete, so fetch the model again."),
                   count=len(raw) - pos)
    return buffers


def _ends_early() -> str:
    return translate("Build", "The weights file {file} ends before all of its weights; it may be damaged or "
                              "incomplete, so fetch the model again.")


def _check_views(state: dict[str, _TensorRef], buffers: dict[str, np.ndarray], path: Path) -> None:
    """Each view must lie inside the storage the file holds, so building it reads no byte outside the file.

    A view holds at most as many elements as its storage (a plain weights file never repeats elements with
    zero strides), and all views together at most _MAX_REUSE times the stored elements (tied weights share
    one storage), so what is built is bounded by the file's size, not by the sizes its header claims.
    """
    total = 0
    for name, ref in state.items():
        tensor = _shown(name)
        if len(ref.size) > _MAX_DIMS:
            raise _bad(path, translate("Build", "The weights file {file} has a tensor '{tensor}' with {count} "
                                                "dimensions; it may be damaged or incomplete, so fetch the model "
                                                "again."), tensor=tensor, count=f"{len(ref.size):,}")
        stored, numel = len(buffers[ref.storage.key]), math.prod(ref.size)
        if ref.offset < 0:
            sentence = translate("Build", "The weights file {file} has a tensor '{tensor}' that starts before its "
                                          "stored data (at element {offset}); it may be damaged or incomplete, so "
                                          "fetch the model again.")
        elif ref.offset > stored or (numel and ref.offset >= stored):
            sentence = translate("Build", "The weights file {file} has a tensor '{tensor}' that starts at element "
                                          "{offset}, past the end of its {stored} stored elements; it may be damaged "
                                          "or incomplete, so fetch the model again.")
        elif numel > stored:
            sentence = translate("Build", "The weights file {file} has a tensor '{tensor}' of {count} elements, more "
                                          "than the {stored} it has stored; it may be damaged or incomplete, so fetch "
                                          "the model again.")
        elif numel == 0 and math.prod(d for d in ref.size if d) > _MAX_EMPTY:
            sentence = translate("Build", "The weights file {file} has a tensor '{tensor}' of impossible shape "
                                          "{shape}; it may be damaged or incomplete, so fetch the model again.")
        elif numel and ref.offset + sum((d - 1) * s for d, s in zip(ref.size, ref.stride)) >= stored:
            sentence = translate("Build", "The weights file {file} has a tensor '{tensor}' whose strides reach past "
                                          "its {stored} stored elements; it may be damaged or incomplete, so fetch the "
                                          "model again.")
        else:
            total += numel
            continue
        raise _bad(path, sentence, tensor=tensor, offset=f"{ref.offset:,}", stored=f"{stored:,}", count=f"{numel:,}",
                   shape=ref.size)
    if total > _MAX_REUSE * sum(len(b) for b in buffers.values()):
        raise _bad(path, translate("Build", "The weights file {file} builds {count} elements from far fewer stored "
                                            "ones; it may be damaged or incomplete, so fetch the model again."),
                   count=f"{total:,}")


def _shown(name: str) -> str:
    """A tensor name from the file, safe to put in a sentence: printable and short."""
    text = "".join(c if c.isprintable() else "?" for c in name)
    return text if len(text) <= 60 else text[:59] + "…"


def _materialise(ref: _TensorRef, buffer: np.ndarray) -> np.ndarray:
    """Rebuild a possibly non-contiguous view (TF-ported weights keep TF's memory order) as a fresh array.

    The view was checked to lie inside the buffer (_check_views)."""
    if any(d == 0 for d in ref.size):
        return np.zeros(ref.size, buffer.dtype.newbyteorder("="))
    item = buffer.dtype.itemsize
    # A dimension of one is never stepped along, so its stride (which may be any size) is not used.
    strides = tuple(s * item if d > 1 else 0 for d, s in zip(ref.size, ref.stride))
    view = np.lib.stride_tricks.as_strided(buffer[ref.offset:], shape=ref.size, strides=strides, writeable=False)
    # np.array, not ascontiguousarray: the latter turns a 0-d scalar (num_batches_tracked) into shape (1,).
    return np.array(view, dtype=buffer.dtype.newbyteorder("="), order="C", copy=True)


def _bad(path: Path, sentence: str, **values: object) -> FetchError:
    """`sentence`, a whole translated template, said of the file at `path` (its {file}) and `values`."""
    return FetchError(sentence.format(file=path.name, **values))
