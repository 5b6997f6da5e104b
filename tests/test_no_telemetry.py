"""onnxruntime's own telemetry is off: a run writes no device id or event queue in the person's home folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from playground import paths

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.models
def test_a_run_leaves_no_telemetry_files_in_the_home_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    env.pop("ORT_DISABLE_TELEMETRY", None)  # as a person's shell has it: unset
    sample = paths.samples_dir() / "hello_de.txt"
    done = subprocess.run([sys.executable, "-m", "playground", "run", "langid", str(sample)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "German" in done.stdout
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
    assert not [p for p in written if "Microsoft" in p or "onnxruntime" in p], written


def test_the_switch_is_set_before_onnxruntime_can_load() -> None:
    # Importing the package alone sets it; every entry point (the window, the commands) imports it first.
    code = "import os, playground, sys; print(os.environ['ORT_DISABLE_TELEMETRY'], 'onnxruntime' in sys.modules)"
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["1", "False"]
