"""The code passes its linter (ruff, configured in pyproject.toml): unused or shadowed names, import order,
ambiguous names and overlong lines are found here, in the README's test command, not by a reader."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is not installed: run `make setup` (it comes with the test extra)")
    out = subprocess.run([ruff, "check", "--no-cache", "playground", "tests", "benchmarks", "scripts"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
