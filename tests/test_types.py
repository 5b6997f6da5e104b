"""The code passes its type checker (mypy, configured in pyproject.toml): a task missing part of its contract,
a None that reaches an attribute, a wrong argument to Qt are found here, in the README's test command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_nothing(tmp_path):
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent)) or shutil.which("mypy")
    if mypy is None:
        pytest.fail("mypy is not installed: run `make setup` (it comes with the test extra)")
    # A fresh cache each time: the test checks this tree, not what an earlier run remembered.
    out = subprocess.run([mypy, "--cache-dir", str(tmp_path / "cache")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
