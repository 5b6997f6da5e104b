"""A table whose entries live in modules imported the first time each entry is asked for.

The window's first screen shows one model: it needs one task's code and one result view, not all of them
(with their numpy, Pillow, tokenizers and graphs). Keys are listed up front, so iterating, `in` and `len`
import nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class LazyTable(Mapping[K, V]):
    """key -> make(the attribute "module:name" names under `package`), made once, on first use."""

    def __init__(self, package: str, where: dict[K, str], make: Callable[[Any], V] = lambda found: found) -> None:
        self._package, self._where, self._make = package, where, make
        self._made: dict[K, V] = {}

    def __getitem__(self, key: K) -> V:
        if key not in self._made:
            module, name = self._where[key].split(":")
            self._made[key] = self._make(getattr(importlib.import_module(f"{self._package}.{module}"), name))
        return self._made[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)
