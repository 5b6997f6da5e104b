"""Whether a model file from anywhere is safe to open, decided before any parser or runtime reads it whole.

A model names its external data files itself (each tensor's `location`): a location that is absolute, that
climbs out with "..", or that a link carries out of the model's folder would have the runtime read any file
the person can read (a key, a password file) into a tensor whose values the playground then shows. Such a
model is refused, as is one whose files together are larger than the memory free to hold them, and one whose
external data is missing or shorter than the model says. Custom operator libraries are never loaded: the
playground registers none, so a model that needs one is refused by the runtime, in one sentence (runtime.py).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from playground.core.errors import InputError
from playground.core.readable import size

PROTOBUF_LIMIT = 2 * 1024**3  # a single ONNX file cannot be larger: bigger weights live in external data files


@dataclass(frozen=True)
class ExternalFile:
    name: str  # as the model names it, relative to its folder
    size: int  # bytes on disk
    used: int  # bytes the model reads from it


def check_model_file(path: Path) -> int:
    """The file's size, once it is a regular file that could be parsed here; otherwise the sentence why not."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"There is no file called {path}: give the path to an .onnx file.") from None
    except OSError as exc:
        raise InputError(f"{path.name} could not be read ({exc.strerror or exc}).") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path.name} is not a file (a folder, a device or a pipe): give the path to an .onnx file.")
    if info.st_size == 0:
        raise InputError(f"{path.name} is empty: it holds no model.")
    if info.st_size > PROTOBUF_LIMIT:
        raise InputError(f"{path.name} is {size(info.st_size)}, more than the 2 GB one ONNX file can hold: a model this "
                         "big keeps its weights in external data files, and this one is not a valid ONNX file.")
    _fits_in_memory(path.name, info.st_size)
    return info.st_size


def check_external_data(model: Any, folder: Path, name: str, model_size: int) -> tuple[ExternalFile, ...]:
    """Every external data file the model names, checked to lie inside `folder`, to be there, and to hold what
    the model reads from it; what they are. `model` is the parsed ModelProto, loaded without its external data,
    from a file of `model_size` bytes."""
    root = folder.resolve()
    used: dict[str, int] = {}
    held_by: dict[str, int] = {}
    for tensor in model_tensors(model):
        if tensor.data_location != tensor.EXTERNAL:
            continue
        entries = {entry.key: entry.value for entry in tensor.external_data}
        location = entries.get("location", "")
        if location not in held_by:  # each file checked and measured once, however many tensors it holds
            held_by[location] = _external_size(_inside(location, root, name), location, name)
        try:
            offset, length = int(entries.get("offset") or 0), int(entries.get("length") or -1)
        except ValueError:
            raise InputError(f"{name} gives its tensor {tensor.name!r} an offset or length that is not a number: the "
                             "file is damaged.") from None
        held = held_by[location]
        end = held if length < 0 else offset + length
        if offset < 0 or end > held:
            raise InputError(f"{name} reads bytes {offset:,}–{end:,} of {location!r}, which holds only {held:,}: the "
                             "data file is shorter than the model says (cut off, or from another export).")
        used[location] = used.get(location, 0) + (end - offset)
    files = tuple(ExternalFile(location, held_by[location], count) for location, count in sorted(used.items()))
    _fits_in_memory(name, sum(f.size for f in files) + model_size)
    return files


def _inside(location: str, root: Path, name: str) -> Path:
    """The external data file `location` names, refused unless it lies inside the model's folder."""
    refuse = InputError(f"{name} asks for its weights from {location!r}, outside its own folder: the playground only "
                        "reads a model's data files from the folder the model is in (a model could otherwise read "
                        "any of your files), so it does not open this one.")
    if not location:
        raise InputError(f"{name} names an external data file without a name: the file is damaged.")
    if "\0" in location:
        raise refuse
    for pure in (PurePosixPath(location), PureWindowsPath(location)):
        if pure.is_absolute() or pure.drive or pure.anchor or ".." in pure.parts:
            raise refuse
    target = (root / location).resolve()  # links followed: one pointing out of the folder is out of it
    if not target.is_relative_to(root):
        raise refuse
    return target


def _external_size(target: Path, location: str, name: str) -> int:
    try:
        info = os.stat(target)
    except FileNotFoundError:
        raise InputError(f"{name} keeps its weights in {location!r}, which is not in its folder: copy that file beside "
                         "the model (exports write the two together).") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{name}'s external data {location!r} is not a file.")
    return info.st_size


def model_tensors(model: Any) -> Iterator[Any]:
    """Every tensor a model holds: its graph's (tensors) and those in the nodes of its local functions."""
    yield from tensors(model.graph)
    for function in model.functions:
        yield from _node_tensors(function.node)


def tensors(graph: Any) -> Iterator[Any]:
    """Every tensor a graph holds: its initializers, its sparse ones, and those in node attributes and subgraphs."""
    yield from graph.initializer
    for sparse in graph.sparse_initializer:
        yield sparse.values
        yield sparse.indices
    yield from _node_tensors(graph.node)


def _node_tensors(nodes: Any) -> Iterator[Any]:
    for node in nodes:
        for attribute in node.attribute:
            if attribute.HasField("t"):
                yield attribute.t
            yield from attribute.tensors
            if attribute.HasField("g"):
                yield from tensors(attribute.g)
            for subgraph in attribute.graphs:
                yield from tensors(subgraph)


def _fits_in_memory(name: str, total: int) -> None:
    """Refuse, from its size alone, a model larger than the memory free to hold it."""
    free = available_memory()
    if total > free:
        raise InputError(f"{name} and its data are {size(total)}, more than the {size(free)} of memory free here: it "
                         "cannot be opened on this computer (close other programs, or use a smaller model).")


def available_memory() -> int:
    import psutil

    return int(psutil.virtual_memory().available)
