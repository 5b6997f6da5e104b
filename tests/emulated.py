"""Python on an emulated AVX2 processor, so the integer kernels onnxruntime picks there run on any x86-64.

onnxruntime chooses its 8-bit kernels by what the processor offers: with VNNI (AVX-512 or AVX) each
u8 × s8 product is added in 32 bits; with AVX2 alone, pairs of products are first added in 16 bits
with saturation. onnxruntime has no switch to choose the kernel, so a test that must see the AVX2
path on a VNNI processor runs the code under QEMU's user mode as a Haswell (AVX2 and FMA, neither
AVX-512 nor VNNI), where onnxruntime finds only AVX2 and picks those kernels. QEMU runs it some 50×
slower: keep what runs there small.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CPU = "Haswell"
NOT_INSTALLED = ("QEMU's user mode is not installed, so onnxruntime's AVX2 integer kernels cannot be run on "
                 "this processor (Debian: sudo apt-get install qemu-user)")


def qemu() -> str:
    """The emulator's path, or skip the test saying what is missing."""
    if platform.machine() not in ("x86_64", "AMD64"):
        pytest.skip(f"the AVX2 kernels are x86-64 code; this is {platform.machine()}")
    found = shutil.which("qemu-x86_64")
    if not found:
        pytest.skip(NOT_INSTALLED)
    return found


def avx2_python(code: str, *args: str, timeout: float = 600) -> str:
    """Run `code` with this interpreter under the emulated AVX2 processor; its standard output."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}
    done = subprocess.run([qemu(), "-cpu", CPU, sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)
    # QEMU lists the Haswell features it does not emulate (TSX and the like) on stderr: not the program's.
    errors = "\n".join(line for line in done.stderr.splitlines() if not line.startswith("qemu-x86_64: warning"))
    assert done.returncode == 0, errors[-3000:]
    return done.stdout
