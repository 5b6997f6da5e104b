"""Reading a CTranslate2 `model.bin` (format 6) with numpy: named weights, scalar settings and aliases.

Layout (little-endian, MODELS.md §2.2.1): uint32 version; spec name; uint32 revision; uint32 count; per
variable a name, uint8 rank, rank × uint32 dims, uint8 dtype, uint32 byte count and the raw data; then
uint32 alias count and (alias, target) name pairs. Strings are a uint16 length and bytes ending in NUL.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from playground.core.errors import FetchError
from playground.core.words import translate

FORMAT_VERSION = 6
_DTYPES = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}


@dataclass(frozen=True, eq=False)
class Checkpoint:
    spec: str
    revision: int
    variables: dict[str, np.ndarray]  # aliases resolved: each alias names the same array as its target

    def float32(self, name: str) -> np.ndarray:
        try:
            return self.variables[name].astype(np.float32)
        except KeyError:
            raise FetchError(translate("Build", "The speech model has no weight named {weight}; the package may have "
                                                "changed.").format(weight=name)) from None


class _Reader:
    def __init__(self, data: bytes, name: str) -> None:
        self.data, self.pos, self.name = memoryview(data), 0, name

    def take(self, n: int) -> memoryview:
        if self.pos + n > len(self.data):
            raise FetchError(translate("Build", "{file} ends too early (it is cut short or not a CTranslate2 model); "
                                                "fetch the model again.").format(file=self.name))
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def uint(self, fmt: str) -> int:
        return struct.unpack("<" + fmt, self.take(struct.calcsize(fmt)))[0]

    def string(self) -> str:
        raw = bytes(self.take(self.uint("H")))
        return raw.rstrip(b"\0").decode("utf-8")


def read_checkpoint(path: Path) -> Checkpoint:
    r = _Reader(path.read_bytes(), path.name)
    version = r.uint("I")
    if version != FORMAT_VERSION:
        raise FetchError(translate("Build", "{file} is a CTranslate2 model of format {version}; this playground reads "
                                            "format {supported} only.").format(file=path.name, version=version,
                                                                                supported=FORMAT_VERSION))
    spec, revision, count = r.string(), r.uint("I"), r.uint("I")
    variables: dict[str, np.ndarray] = {}
    for _ in range(count):
        name = r.string()
        rank = r.uint("B")
        dims = tuple(r.uint("I") for _ in range(rank))
        code = r.uint("B")
        if code not in _DTYPES:
            raise FetchError(translate("Build", "{file}: the weight {weight} has an unknown number type ({code}).")
                             .format(file=path.name, weight=name, code=code))
        nbytes = r.uint("I")
        dtype = np.dtype(_DTYPES[code])
        if nbytes != dtype.itemsize * int(np.prod(dims, dtype=np.int64)):
            raise FetchError(translate("Build", "{file}: the weight {weight} holds {size} bytes, which does not fit "
                                                "its shape {shape}.").format(file=path.name, weight=name, size=nbytes,
                                                                         shape=list(dims)))
        variables[name] = np.frombuffer(r.take(nbytes), dtype=dtype).reshape(dims)
    for _ in range(r.uint("I")):
        alias, target = r.string(), r.string()
        if target not in variables:
            raise FetchError(translate("Build", "{file}: {alias} points to {target}, which the file does not hold.")
                             .format(file=path.name, alias=alias, target=target))
        variables[alias] = variables[target]
    if r.pos != len(r.data):
        raise FetchError(translate("Build", "{file} has {count} bytes after its last entry; it is not the model this "
                                            "playground expects.").format(file=path.name, count=len(r.data) - r.pos))
    return Checkpoint(spec, revision, variables)
